import Foundation
import TestSupport
import Testing

@testable import ResumeParser

@Suite("Host-supplied files and values never trap")
struct HostFileErrorTests {
    static func write(_ json: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("taxonomy.json")
        try json.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let skill = #"{"name":"Go","category":"languages","aliases":["golang"],"cased":true,"listed":false}"#

    @Test("a taxonomy file naming a skill twice (any case) is a typed error, not a precondition failure")
    func duplicateSkill() throws {
        let duplicate = Self.skill.replacingOccurrences(of: #""Go""#, with: #""GO""#)
        let url = try Self.write(#"{"skills":[\#(Self.skill),\#(duplicate)]}"#)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(throws: ParseError.duplicateSkill(source: url.path, name: "GO")) { try SkillTaxonomy(contentsOf: url) }
        let good = try Self.write(#"{"skills":[\#(Self.skill)]}"#)
        defer { try? FileManager.default.removeItem(at: good.deletingLastPathComponent()) }
        #expect(try SkillTaxonomy(contentsOf: good).skill(named: "golang")?.name == "Go")
    }

    @Test(
        "a taxonomy file that is not one says what is wrong, without DecodingError text",
        arguments: [
            ("[1,2", "not JSON"), (#"{"skils":[]}"#, "missing skills"),
            (#"{"skills":[{"category":"languages"}]}"#, "missing skills."),
            (#"{"skills":[{"name":7}]}"#, "wrong type at skills."),
            (
                #"{"skills":[{"name":"Go","category":"nope","aliases":[],"cased":true,"listed":false}]}"#,
                "invalid value at skills."
            ),
        ])
    func invalidTaxonomy(json: String, reason: String) throws {
        let url = try Self.write(json)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        do {
            _ = try SkillTaxonomy(contentsOf: url)
            Issue.record("accepted \(json)")
        } catch let error as ParseError {
            guard case .invalidTaxonomy(_, let found) = error else {
                Issue.record("expected invalidTaxonomy, got \(error)")
                return
            }
            #expect(found.hasPrefix(reason), "\(found)")
            #expect(!error.localizedDescription.contains("DecodingError"))
        }
        #expect(throws: ParseError.self) { try SkillTaxonomy(contentsOf: URL(fileURLWithPath: "/nonexistent/t.json")) }
    }

    @Test("YearMonth arithmetic works for any ordinal, negative ones included")
    func yearMonthOrdinals() {
        #expect(YearMonth(ordinal: 0) == YearMonth(year: 0, month: 1))
        #expect(YearMonth(ordinal: -1) == YearMonth(year: -1, month: 12))
        #expect(YearMonth(ordinal: -13) == YearMonth(year: -2, month: 12))
        #expect(YearMonth(ordinal: 2025 * 12 + 4) == YearMonth(year: 2025, month: 5))
        for ordinal in -30...30 { #expect(YearMonth(ordinal: ordinal).ordinal == ordinal) }
        #expect((2020...2200).contains(YearMonth.now.year))
    }
}

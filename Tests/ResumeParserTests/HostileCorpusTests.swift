import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// `Fixtures/hostile/` (written by `scripts/generate-hostile-fixtures.py`): zip and flate bombs, billion
/// laughs, XXE, path traversal, deep nesting, long lines, broken PDFs, odd encodings. Each file gives its
/// expected typed error (or parses) in under 2 s; peak memory is checked end to end in MatchToolTests.
@Suite("Hostile-input corpus")
struct HostileCorpusTests {
    static let folder = Fixtures.root.appendingPathComponent("hostile")

    /// 2 s in a release build. A debug build takes up to ~3.3 s on one file here (the 9 MB DOCX part), and
    /// 6.4 s was seen on a machine loaded by other builds, so it gets 12 s; the quadratic cases this corpus
    /// guards took 14 to 44 s.
    #if DEBUG
        static let bound = Duration.seconds(12)
    #else
        static let bound = Duration.seconds(2)
    #endif

    static let expected: [String: String?] = {
        let url = folder.appendingPathComponent("expected.json")
        return (try? JSONDecoder().decode([String: String?].self, from: Data(contentsOf: url))) ?? [:]
    }()

    @Test("the corpus has at least 60 files, every one listed in expected.json and none over 1 MB")
    func corpusShape() throws {
        #expect(Self.expected.count >= 60)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0 != "expected.json"
        }
        #expect(Set(names) == Set(Self.expected.keys))
        for name in names {
            let size = try FileManager.default.attributesOfItem(atPath: Self.folder.appendingPathComponent(name).path)[
                .size]
            #expect((size as? Int ?? 0) < 1_000_000, "\(name)")
        }
    }

    @Test("each hostile file gives its expected outcome in bounded time", arguments: expected.keys.sorted())
    func hostileFile(name: String) throws {
        let want = try #require(Self.expected[name])
        let url = Self.folder.appendingPathComponent(name)
        let parser = DocumentParser(referenceMonth: YearMonth(year: 2025, month: 1))
        let start = ThreadCPUTime.now
        var outcome: String?
        var resume: ParsedResume?
        do {
            resume = try parser.parseResume(contentsOf: url)
        } catch let error as ParseError {
            outcome = BadInputCorpusTests.caseName(error)
            #expect(error.localizedDescription.contains(name), "\(error.localizedDescription)")
        }
        let elapsed = ThreadCPUTime.now - start
        #expect(outcome == want, "\(name): \(outcome ?? "parsed")")
        #expect(elapsed < Self.bound, "\(name) took \(elapsed)")
        if ProcessInfo.processInfo.environment["HOSTILE_TIMES"] != nil {
            print("HOSTILE \(name): \(elapsed) \(outcome ?? "parsed")")
        }
        if let resume {
            #expect(!resume.sections.values.contains { $0.contains("root:x:0:0") }, "an external entity was resolved")
            if name.hasPrefix("utf16") || name.hasPrefix("utf8") { #expect(resume.contact.email == "ada@example.com") }
        }
    }

    @Test("a DOCX with ../ entries writes nothing outside the process")
    func pathTraversal() throws {
        _ = try DocumentParser().parseResume(contentsOf: Self.folder.appendingPathComponent("docx-path-traversal.docx"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/match-engine-evil.txt"))
        #expect(!FileManager.default.fileExists(atPath: "/etc/evil.xml"))
    }
}

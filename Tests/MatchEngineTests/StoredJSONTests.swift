import Foundation
import ResumeParser
import TestSupport
import Testing

@testable import MatchEngine

/// The parsed resume the store keeps is written field by field (``ParsedResumeJSON``); it must be what
/// `JSONEncoder` with sorted keys writes, byte for byte, and read back as the same resume.
@Suite("Stored JSON of a parsed resume")
struct StoredJSONTests {
    static func encoderJSON(_ resume: ParsedResume) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(resume), as: UTF8.self)
    }

    @Test("every fixture resume is written as JSONEncoder writes it")
    func fixtures() throws {
        let parser = DocumentParser()
        var compared = 0
        for folder in ["resumes", "real/resumes", "real-holdout/resumes", "real-holdout2/resumes", "relevance/resumes"]
        {
            let directory = Fixtures.root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            where !file.lastPathComponent.hasPrefix(".") {
                let resume = try parser.parseResume(contentsOf: file)
                #expect(ParsedResumeJSON.string(resume) == (try Self.encoderJSON(resume)), "\(file.lastPathComponent)")
                compared += 1
            }
        }
        #expect(compared >= 200)
    }

    @Test("every field set, odd characters and numbers: the same bytes, and they read back")
    func everyField() throws {
        let odd =
            "quote \" backslash \\ slash / tab \t line \n return \r form \u{0C} back \u{08} nul \u{0} "
            + "unit \u{1F} delete \u{7F} é 😀 \u{2028} \u{FEFF} {\"a\":[1]}"
        var sections: [SectionKind: String] = [:]
        for kind in SectionKind.allCases { sections[kind] = "\(kind.rawValue): \(odd)" }
        let full = ParsedResume(
            source: "dir/file \(odd).pdf", format: "pdf",
            contact: ContactInfo(
                name: "Zoë \"Z\" Müller", email: "zoe@example.com", phone: "+14155550142", location: "Austin, TX",
                links: ["https://example.com/a/b", odd]),
            skills: [
                SkillMention(name: "C++", category: .languages), SkillMention(name: odd, category: .softSkills),
            ],
            experience: [
                ExperienceEntry(
                    title: "Engineer / Lead", company: odd, location: "Remote", start: YearMonth(year: 2019, month: 3),
                    end: YearMonth(year: 2021, month: 12), isCurrent: false),
                ExperienceEntry(title: nil, company: nil, location: nil, start: nil, end: nil, isCurrent: true),
            ],
            education: [
                EducationEntry(level: .master, field: "Physics", institution: odd, year: 2015),
                EducationEntry(level: .other),
            ],
            certifications: ["AWS / SAA", odd], languages: ["English (native)"], totalExperienceYears: 7.5,
            sections: sections)
        var resumes = [full, ParsedResume(source: "empty")]
        for years in [0, 1, 7.3, 0.1, 12.0, 1e-7, 123456.7, 1e21, -0.0, 2.0 / 3.0] {
            var resume = full
            resume.totalExperienceYears = years
            resumes.append(resume)
        }
        for resume in resumes {
            let json = try #require(ParsedResumeJSON.string(resume))
            #expect(json == (try Self.encoderJSON(resume)))
            #expect(try JSONDecoder().decode(ParsedResume.self, from: Data(json.utf8)) == resume)
            #expect(try DocumentStore.json(resume) == json)
        }
        var infinite = full
        infinite.totalExperienceYears = .infinity
        #expect(ParsedResumeJSON.string(infinite) == nil)
    }

    @Test("random resumes: the same bytes as JSONEncoder")
    func randomResumes() throws {
        var generator = SeededGenerator(seed: 3)
        let scalars: [Unicode.Scalar] = [
            "a", "Z", " ", "\"", "\\", "/", "\u{0}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1F}", "\u{7F}",
            "é", "\u{301}", "\u{2028}", "\u{FEFF}", "😀", "中",
        ]
        func text() -> String {
            var result = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                result.unicodeScalars.append(scalars.randomElement(using: &generator) ?? "a")
            }
            return result
        }
        func maybe() -> String? { Bool.random(using: &generator) ? text() : nil }
        func month() -> YearMonth? {
            Bool.random(using: &generator)
                ? YearMonth(
                    year: Int.random(in: 1950...2100, using: &generator),
                    month: Int.random(in: 1...12, using: &generator))
                : nil
        }
        for _ in 0..<500 {
            var sections: [SectionKind: String] = [:]
            for kind in SectionKind.allCases where Bool.random(using: &generator) { sections[kind] = text() }
            let resume = ParsedResume(
                source: text(), format: text(),
                contact: ContactInfo(
                    name: maybe(), email: maybe(), phone: maybe(), location: maybe(), links: (0..<2).map { _ in text() }
                ),
                skills: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    SkillMention(
                        name: text(), category: SkillCategory.allCases.randomElement(using: &generator) ?? .tools)
                },
                experience: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    ExperienceEntry(
                        title: maybe(), company: maybe(), location: maybe(), start: month(), end: month(),
                        isCurrent: Bool.random(using: &generator))
                },
                education: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    EducationEntry(
                        level: DegreeLevel.allCases.randomElement(using: &generator) ?? .other, field: maybe(),
                        institution: maybe(),
                        year: Bool.random(using: &generator) ? Int.random(in: -5...3000, using: &generator) : nil)
                },
                certifications: [text()], languages: [text(), text()],
                totalExperienceYears: (Double.random(in: 0...60, using: &generator) * 10).rounded() / 10,
                sections: sections)
            #expect(ParsedResumeJSON.string(resume) == (try Self.encoderJSON(resume)))
        }
    }
}

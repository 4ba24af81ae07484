import Foundation
import Testing

@testable import ResumeParser

/// Failure classes that the second held-out set `Fixtures/real-holdout2` showed (issue 15): headings in small
/// capitals and inside ASCII rules, and fields aligned with dot leaders. Every snippet here is written for the
/// test; none is taken from the held-out files.
@Suite("Unseen layouts: small capitals, ASCII rules and dot leaders")
struct RuledLayoutTests {
    static let parser = DocumentParser(referenceMonth: YearMonth(year: 2026, month: 11))

    static func resume(_ lines: [String], format: String = "txt") -> ParsedResume {
        parser.parseResume(text: lines.joined(separator: "\n"), source: "snippet", format: format)
    }

    @Test(
        "small capitals are joined; other lines are not",
        arguments: [
            ("E DUCATION", "EDUCATION"), ("W ORK H ISTORY", "WORK HISTORY"),
            ("B AR A DMISSIONS AND C ERTIFICATES", "BAR ADMISSIONS AND CERTIFICATES"),
            ("T OOLS & S TACK", "TOOLS & STACK"),
        ])
    func smallCapsJoined(line: String, joined: String) {
        #expect(SmallCaps.joined(line) == joined)
    }

    @Test("lines that only look like small capitals stay as they are")
    func notSmallCaps() {
        for line in ["A B C", "I led a team", "Q A", "A TEAM OF 4", "EDUCATION", "A -- B", "X"] {
            #expect(SmallCaps.joined(line) == nil, "\(line)")
        }
    }

    @Test("headings in small capitals divide a PDF's text: education is not read as experience")
    func smallCapsSections() {
        let resume = Self.resume(
            [
                "Tomasz Wierzbicki", "Kraków, Poland | tomasz.w@example.pl", "P ROFESSIONAL E XPERIENCE",
                "Structural Engineer                                           March 2019 to date",
                "Wisła Bridgeworks, Kraków, Poland", " • Checked steel connections for two footbridges.",
                "E DUCATION", "MSc Structural Engineering                                   2014 – 2016",
                "Cracow University of Technology, Kraków, Poland", "S KILLS",
                "Design: Microsoft Excel, Surveying",
            ], format: "pdf")
        #expect(resume.experience.map(\.company) == ["Wisła Bridgeworks"])
        #expect(resume.education.map(\.institution) == ["Cracow University of Technology"])
        #expect(resume.highestDegree == .master)
        #expect(resume.totalExperienceYears < 8)
    }

    @Test("headings inside ASCII rules start their sections; a skills group label stays in skills")
    func asciiRuledSections() {
        let resume = Self.resume([
            "##############################", "#  Lena Haugen               #", "##############################",
            "  E-mail ..... lena.haugen@example.no", "+-- EXPERIENCE --------------+",
            "  Data Engineer | Fjord Analytics                 2021-03 – now", "  Bergen, Norway",
            "+-- EDUCATION ---------------+", "  BSc in Informatics                              2016 – 2019",
            "  University of Bergen, Bergen, Norway", "+-- SKILLS ------------------+",
            "  Languages: Python, Scala", "==============================",
        ])
        #expect(resume.experience.map(\.company) == ["Fjord Analytics"])
        #expect(resume.education.map(\.institution) == ["University of Bergen"])
        #expect(Set(resume.skills.map(\.name)).isSuperset(of: ["Python", "Scala"]))
        #expect(resume.languages.isEmpty)
    }

    @Test("a heading with content after its colon keeps that content whole")
    func headingContentKeepsPluses() {
        #expect(SectionSplitter.heading("Skills: Go, C++")?.rest == "Go, C++")
        #expect(SectionSplitter.heading("+-- SKILLS ---+")?.kind == .skills)
        #expect(SectionSplitter.heading("Education =====")?.kind == .education)
        #expect(SectionSplitter.heading("+------------+") == nil)
    }

    @Test("a field after a dot leader is read without its label")
    func dotLeaderLocation() {
        let resume = Self.resume([
            "Lena Haugen", "  Phone ...... +47 912 34 567", "  Location ... Bergen, Norway",
            "  Web ........ example.no/lena",
        ])
        #expect(resume.contact.location == "Bergen, Norway")
        #expect(ContactExtractor.endOfLabel("St. Louis, MO") == nil)
        #expect(ContactExtractor.endOfLabel("...") == nil)
    }
}

import Foundation
import Testing

@testable import ResumeParser

/// Contact details as real templates lay them out (issue 15): icon fonts, sidebars, labels, separators.
@Suite("Real layouts: icons, name and location")
struct RealLayoutContactTests {
    static let parser = DocumentParser(referenceMonth: YearMonth(year: 2026, month: 11))

    static func resume(_ lines: [String], format: String = "txt") -> ParsedResume {
        parser.parseResume(text: lines.joined(separator: "\n"), source: "snippet", format: format)
    }

    @Test(
        "icon-font glyphs are separators: dropped at the ends of a line, a bullet inside it",
        arguments: [
            ("\u{F09B} rendercv", "rendercv"),
            ("\u{F3C5} Austin, TX \u{F0E0} ada@example.com", "Austin, TX · ada@example.com"),
            ("Berlin, Germany\u{F095}+49 30 1234567", "Berlin, Germany · +49 30 1234567"),
            ("\u{1F4CD} Leeds, UK  \u{2709} ana@example.org \u{FFFFD}", "Leeds, UK · ana@example.org"),
            ("Plain line – nothing to do", "Plain line – nothing to do"),
            ("• Built the ledger", "• Built the ledger"),
            ("\u{2709}\u{FE0F} jane@example.com \u{1F469}\u{200D}\u{1F4BB} Oslo", "jane@example.com · Oslo"),
        ])
    func icons(line: String, expected: String) {
        #expect(IconGlyphs.separated(line).trimmedWhitespace() == expected)
    }

    @Test("no icon reaches a title, a company or a location")
    func iconsInEntries() {
        let resume = Self.resume([
            "Ada Quint", "\u{F0E0} ada.quint@example.com  \u{F095} (512) 555-0142  \u{F3C5} Austin, TX",
            "EXPERIENCE", "\u{F0B1} Senior Engineer, Ledgerline Inc \u{F073} Mar 2019 – Present",
            "\u{F3C5} Austin, TX", "• Built payment services",
        ])
        #expect(resume.contact.location == "Austin, TX")
        #expect(resume.experience.first?.title == "Senior Engineer")
        #expect(resume.experience.first?.company == "Ledgerline Inc")
        let fields = resume.experience.flatMap { [$0.title, $0.company, $0.location].compactMap { $0 } }
        #expect(!fields.contains { $0.unicodeScalars.contains(where: IconGlyphs.isIcon) })
    }

    @Test(
        "labels and addresses are not names",
        arguments: [
            ["Personal Information", "Ada Quint", "ada@example.com"],
            ["Curriculum Vitae", "Ada Quint", "ada@example.com"],
            ["Contact", "Your Location", "Ada Quint"],
            ["Contact Details", "Ada Quint"],
            ["About Me", "Ada Quint", "Data engineer."],
        ])
    func labels(lines: [String]) {
        #expect(Self.resume(lines).contact.name == "Ada Quint")
    }

    @Test("a name with particles, and a name in capitals")
    func nameForms() {
        #expect(Self.resume(["María de la Cruz", "maria@example.com"]).contact.name == "María de la Cruz")
        #expect(Self.resume(["LUDWIG VAN DIEREN"]).contact.name == "Ludwig Van Dieren")
        #expect(Self.resume(["de la Cruz Something"]).contact.name == nil)
    }

    @Test("a name in a sidebar read after the main column is found through the e-mail address")
    func sidebarName() {
        let resume = Self.resume([
            "Machine Learning", "Senior Data Engineer", "EXPERIENCE", "Data Engineer, Orbital Freight",
            "Jan 2019 – Present", "• Built pipelines", "Noor Halvorsen", "noor.halvorsen@example.com",
            "Oslo, Norway",
        ])
        #expect(resume.contact.name == "Noor Halvorsen")
        #expect(resume.contact.location == "Oslo, Norway")
    }

    @Test("a name a narrow sidebar wraps: hyphenated, or first name and surname on lines of their own")
    func wrappedNames() {
        #expect(
            Self.resume(["Tomás Okonkwo-", "Reyes", "tomas.okonkwo@example.com"]).contact.name == "Tomás Okonkwo-Reyes")
        #expect(
            Self.resume(["RQ", "Rafael", "Quintanilla", "Junior Data Engineer", "rafa.quintanilla@example.com"])
                .contact.name == "Rafael Quintanilla")
        // Without the e-mail to confirm it, two one-word lines are not joined.
        #expect(Self.resume(["Rafael", "Quintanilla", "Junior Data Engineer"]).contact.name == nil)
    }

    @Test(
        "the header's place between separators, icons, labels and postcodes",
        arguments: [
            ("ada@example.com | Austin, TX | (512) 555-0142", "Austin, TX"),
            ("ada@example.com • Zürich, Switzerland • +41 44 668 1800", "Zürich, Switzerland"),
            ("ada@example.com · Montréal, QC · (514) 555-0100", "Montréal, QC"),
            ("(512) 555-0142 – Austin, TX – ada@example.com", "Austin, TX"),
            ("Location: Leeds, UK", "Leeds, UK"),
            ("12 Harbour Road, Leeds, UK", "Leeds, UK"),
            ("Austin, TX 78701 ◆ ada@example.com", "Austin, TX"),
            ("\u{F3C5}Berlin, Germany\u{F0E0}ada@example.com", "Berlin, Germany"),
            ("Austin, Texas  (512) 555-0142  ada@example.com", "Austin, Texas"),
            ("ada@example.com | Toronto, Ontario", "Toronto, Ontario"),
        ])
    func location(line: String, expected: String) {
        #expect(Self.resume(["Ada Quint", line]).contact.location == expected)
    }

    @Test("contact details in a footer: the place beside the e-mail, not an entry's or a school's")
    func footer() {
        let resume = Self.resume([
            "Dakota Villanueva", "Junior Python Developer", "Education",
            "2020 – 2024 Bachelor of Science in Computer Science, Texas State University, San Marcos, TX", "Experience",
            "Jul 2024 – Present Junior Software Developer, Bluebonnet Health Tech", "Harbor Clinic   Dallas, TX",
            "Languages", "English", "Austin, TX", "512.555.0193  dakota.villanueva@example.org",
        ])
        #expect(resume.contact.location == "Austin, TX")
    }

    @Test("an employer's place in an entry is not the person's")
    func notEntryPlace() {
        let resume = Self.resume(["Ada Quint", "EXPERIENCE", "Engineer, Acme Labs, Austin, TX", "2019 – 2021"])
        #expect(resume.contact.location == nil)
    }
}

/// A sidebar page whose main column indents its bullets (issue 15).
@Suite("Real layouts: sidebar columns")
struct RealLayoutSidebarTests {
    @Test("the column starts at its headings, not at its more numerous indented bullets")
    func indentedBullets() {
        let rows: [(String, String)] = [
            ("", "EXPERIENCE"), ("Tomás Okonkwo", "Senior ML Engineer, Cascade Retail Labs"),
            ("Machine Learning Engineer", "April 2022 – Present | Seattle, WA"),
            ("", "      Trained and shipped a PyTorch ranking model"), ("CONTACT", "      Built the MLflow registry"),
            ("(206) 555-0118", "      Fine-tuned Hugging Face Transformers"), ("tomas@example.com", ""),
            ("", "Data Scientist, Puget Analytics"), ("SKILLS", "June 2017 – July 2019 | Seattle, WA"),
            ("Python, SQL", "      Wrote SQL and Python analyses"), ("Docker", "      Automated weekly reports"),
            ("", "      Presented results to clients"),
        ]
        let page = rows.map { $0.0.padding(toLength: 29, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
        let lines = DocumentParser.lines(of: page, columns: true)
        #expect(
            lines.prefix(6) == [
                "Tomás Okonkwo", "Machine Learning Engineer", "CONTACT", "(206) 555-0118", "tomas@example.com",
                "SKILLS",
            ])
        let resume = DocumentParser().parseResume(text: page, source: "s.pdf", format: "pdf")
        #expect(resume.experience.map(\.company) == ["Cascade Retail Labs", "Puget Analytics"])
    }
}

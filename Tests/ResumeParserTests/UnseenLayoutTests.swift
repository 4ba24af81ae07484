import Foundation
import Testing

@testable import ResumeParser

/// Failure classes that the held-out set `Fixtures/real-holdout` showed in layouts the parser was not tuned
/// on (issue 15). Every snippet here is written for the test; none is taken from the held-out files.
@Suite("Unseen layouts: section headings")
struct UnseenLayoutHeadingTests {
    static let parser = DocumentParser(referenceMonth: YearMonth(year: 2026, month: 11))

    static func resume(_ lines: [String], format: String = "txt") -> ParsedResume {
        parser.parseResume(text: lines.joined(separator: "\n"), source: "snippet", format: format)
    }

    @Test(
        "letter-spaced words are closed up; ordinary lines are not",
        arguments: [
            ("E D U C AT I O N", "EDUCATION"), ("C E R T I F I C AT E S", "CERTIFICATES"),
            ("W O R K  H I S T O R Y", "WORK HISTORY"), ("S K I L L S", "SKILLS"),
        ])
    func closedUp(line: String, closed: String) {
        #expect(LetterSpacing.closedUp(line) == closed)
    }

    @Test("lines that only look letter-spaced stay as they are")
    func notLetterSpaced() {
        for line in ["I am a big fan of Go", "A B", "Q & A sessions", "B.Sc. in IT", "E D U C 4 T I O N", "C# Go R"] {
            #expect(LetterSpacing.closedUp(line) == nil, "\(line)")
        }
    }

    @Test("a letter-spaced heading after the experience starts the education section")
    func letterSpacedEducation() {
        let resume = Self.resume([
            "Ines Varga", "EXPERIENCE", "Account Manager                       04.2019 – today",
            "Duna Ventures · Budapest, Hungary", "Ran the partner programme.", "E D U C AT I O N",
            "MBA in International Business", "Corvinus University of Budapest · 2016 – 2018",
        ])
        #expect(resume.experience.map(\.company) == ["Duna Ventures"])
        #expect(resume.education.map(\.institution) == ["Corvinus University of Budapest"])
        #expect(resume.highestDegree == .master)
    }

    @Test("headings in a left margin beside the section's first line, a two-word one wrapped")
    func marginHeadings() {
        let resume = Self.resume([
            "Sven Ahlgren", "About me          Backend developer who likes quiet on-call rotations.",
            "Professional      Backend Developer, Norrland Data AB, Umeå,            05.2020 – today",
            "experience        Sweden.", "○ Built the invoicing service in Go.",
            "Junior Developer, Fjällkod AB, Luleå, Sweden.           06.2018 – 04.2020",
            "Education         MSc Computer Science, Lund University, Lund, Sweden.     2016 – 2018",
            "Skills            Languages: Go, Rust, PostgreSQL",
            "Certificates      ○ AWS Certified Developer",
            "Languages         Swedish: native",
        ])
        #expect(resume.experience.map(\.company) == ["Norrland Data AB", "Fjällkod AB"])
        #expect(resume.experience.first?.title == "Backend Developer")
        #expect(resume.education.map(\.institution) == ["Lund University"])
        #expect(resume.languages == ["Swedish: native"])
        #expect(Set(resume.skills.map(\.name)).isSuperset(of: ["Go", "Rust", "PostgreSQL"]))
        #expect(resume.sections[.summary]?.hasPrefix("Backend developer") == true)
    }

    @Test("a group label over a heading is not one heading wrapped; a label in a skills list stays a label")
    func marginLabels() {
        #expect(MarginHeading.wrapped("Leadership", "Languages") == nil)
        #expect(MarginHeading.wrapped("Professional", "experience")?.line == "Professional experience")
        let sections = SectionSplitter.split([
            "Skills", "Languages      Python, Go", "Leadership     Mentoring", "Languages", "English, Welsh",
        ])
        #expect(sections.map(\.kind) == [.contact, .skills, .languages])
        #expect(sections[1].lines == ["Languages      Python, Go", "Leadership     Mentoring"])
    }
}

@Suite("Unseen layouts: contact details in a PDF's text layer")
struct UnseenLayoutContactTests {
    @Test("compatibility ligatures and typographic apostrophes are folded before fields are read")
    func folding() {
        #expect(TypographicFolding.folded("ﬂoor ﬁnance eﬃcient ﬀ ﬄ ﬅ ﬆ") == "floor finance efficient ff ffl st st")
        #expect(TypographicFolding.folded("Girls’ High School") == "Girls' High School")
        #expect(TypographicFolding.folded("plain text — as is") == "plain text — as is")
        let resume = UnseenLayoutHeadingTests.resume([
            "Fiona Kessler", "# ﬁona.kessler@example.de", "EXPERIENCE",
            "Teacher, St Brigid’s College   2019 – 2022",
        ])
        #expect(resume.contact.email == "fiona.kessler@example.de")
        #expect(resume.experience.first?.company == "St Brigid's College")
    }

    @Test(
        "an address that the next column's word runs into ends at the capital",
        arguments: [
            ("ana.silva@example.ptOperations", "ana.silva@example.pt"), ("ada@example.com", "ada@example.com"),
            ("ada@Example.COM", "ada@Example.COM"), ("x@example.cOm", "x@example.cOm"),
            ("ana@mail.example.co.ukHotel", "ana@mail.example.co.uk"),
        ])
    func columnJoin(address: String, expected: String) {
        #expect(ContactExtractor.endingAtColumnJoin(address) == expected)
    }

    @Test("the e-mail of a narrow contact column set flush against the main column's text")
    func flushEmail() {
        let resume = UnseenLayoutHeadingTests.resume([
            "Ana Silva-Mbeki", "Lisbon, Portugal          About me",
            "B ana.silva@example.ptOperations lead for city hotels, ten years between",
        ])
        #expect(resume.contact.email == "ana.silva@example.pt")
    }
}

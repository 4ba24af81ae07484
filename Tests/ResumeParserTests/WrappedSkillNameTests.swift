import Testing

@testable import ResumeParser

/// Skills tables whose narrow name column wraps a name onto the next line.
@Suite("Skill names wrapped in a skills table")
struct WrappedSkillNameTests {
    static let matcher = SkillMatcher.standard

    @Test("a name wrapped under its level is joined; lines that complete no skill stay")
    func joins() {
        #expect(
            WrappedSkillNames.joined(
                ["Product            Expert", "Management", "Jira     Advanced"], matcher: Self.matcher)
                == ["Product Management   Expert", "Jira     Advanced"])
        #expect(
            WrappedSkillNames.joined(["financial Advanced", "statements"], matcher: Self.matcher)
                == ["financial statements   Advanced"])
        // Two skills of their own, one a line: nothing to join.
        #expect(
            WrappedSkillNames.joined(["Jira Advanced", "Confluence Advanced"], matcher: Self.matcher)
                == ["Jira Advanced", "Confluence Advanced"])
        #expect(WrappedSkillNames.joined(["Python", "Go"], matcher: Self.matcher) == ["Python", "Go"])
    }

    @Test("a resume's skills table with wrapped names lists those skills")
    func parsed() {
        let resume = DocumentParser(referenceMonth: YearMonth(year: 2026, month: 11)).parseResume(
            text: """
                Skills
                Product            Expert
                Management
                Customer           Intermediate
                Service
                SQL                Expert
                """, source: "cv.txt")
        let names = resume.skills.map(\.name)
        #expect(names.contains("Product Management"), "\(names)")
        #expect(names.contains("SQL"), "\(names)")
    }
}

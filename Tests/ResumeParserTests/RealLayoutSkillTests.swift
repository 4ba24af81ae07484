import Foundation
import Testing

@testable import ResumeParser

/// Skills as real templates and exports list them, and generic concepts in prose (issue 15).
@Suite("Real layouts: skills")
struct RealLayoutSkillTests {
    static let parser = DocumentParser(referenceMonth: YearMonth(year: 2026, month: 11))

    static func skills(_ lines: [String], format: String = "txt") -> Set<String> {
        Set(parser.parseResume(text: lines.joined(separator: "\n"), source: "s", format: format).skills.map(\.name))
    }

    @Test("a plain-text table of skills and levels")
    func levelTable() {
        let found = Self.skills([
            "Ada Quint", "SKILL LEVEL", "Python ····· Expert", "Go | Advanced", "PostgreSQL .......... Intermediate",
            "data visualization    Advanced", "Kubernetes ●●●○○",
        ])
        #expect(found == ["Python", "Go", "PostgreSQL", "Data Visualization", "Kubernetes"])
    }

    @Test("a generic skill wrapped onto the next line neither traps nor lists the line (hostile review)")
    func wrappedGenericSkill() {
        // "business intelligence" matches across the line break; the line check read past its line's end.
        _ = Self.skills(["Summary", "Python, business", "intelligence"])
        _ = Self.skills(["Skills", "business", "intelligence: Python, Go"])
        _ = Self.skills(["Summary", "Go, Python, business", "intelligence", "and more"], format: "pdf")
    }

    @Test("skills in a sidebar table cell beside the main column (DOCX)")
    func sidebarCell() {
        // A DOCX table row: the sidebar cell's paragraphs, a cell end (tab), the main cell's paragraphs.
        let found = Self.skills(
            [
                "Ada Quint", "Skills", "Python", "Apache Kafka", "Terraform", "Communication", "\tProfile",
                "Data engineer who enjoys distributed systems.", "Experience", "Data Engineer, Orbital Freight",
                "2019 – Present", "• Built pipelines with Apache Spark.",
            ], format: "docx")
        #expect(found == ["Python", "Apache Kafka", "Terraform", "Communication", "Apache Spark"])
    }

    @Test("generic concepts count in a list, not in prose")
    func genericInProse() {
        let found = Self.skills([
            "Ada Quint", "Summary",
            "Backend engineer focused on distributed systems, SaaS and algorithms, with calm communication.",
            "Experience", "Engineer, Acme Labs   2019 – Present",
            "• Built data visualization dashboards in Tableau for leadership.", "• Tools: Docker, Kubernetes, SaaS",
        ])
        #expect(found == ["Tableau", "Docker", "Kubernetes", "SaaS"])
        let listed = Self.skills(["Ada Quint", "Skills", "Distributed Systems, Data Visualization, Communication"])
        #expect(listed == ["Distributed Systems", "Data Visualization", "Communication"])
    }

    @Test("a group's label is not a skill, a level is not a label")
    func groupLabels() {
        let found = Self.skills([
            "Ada Quint", "Skills", "Leadership     • Mentoring, Code Review",
            "• Accounting: financial statements, GAAP",
            "financial analysis      Expert",
        ])
        #expect(found == ["Mentoring", "Code Review", "financial statements", "financial analysis"])
    }

    @Test("a product named by a common word counts only in lists")
    func listedProducts() {
        #expect(!Self.skills(["Ada Quint", "Summary", "Cut Largest Contentful Paint by half."]).contains("Contentful"))
        #expect(Self.skills(["Ada Quint", "Skills", "Contentful, Next.js"]).contains("Contentful"))
    }
}

/// HTML rows styled side by side (issue 15).
@Suite("Real layouts: HTML elements side by side")
struct RealLayoutHTMLTests {
    @Test("elements in one row are separate words; a word split by markup stays whole")
    func rows() {
        let html = """
            <ul><li>Product Management<span class="level">Advanced</span></li></ul>
            <div><span>MBA</span><span>2018</span></div><p><b>Py</b>thon and <i>Type</i>Script</p>
            """
        let lines = HTMLTextExtractor.text(of: html).split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines == ["• Product Management Advanced", "MBA 2018", "Python and Type Script"])
    }
}

import Testing

@testable import ResumeParser

@Suite("Skills taxonomy and matcher")
struct SkillMatcherTests {
    static let matcher = SkillMatcher.standard

    func names(_ text: String, list: Bool = false) -> [String] {
        Self.matcher.skills(in: text, isSkillList: list).map(\.name)
    }

    @Test("the shipped taxonomy has at least 1,500 skills in every category, with unique names")
    func taxonomy() {
        let skills = SkillTaxonomy.standard.skills
        #expect(skills.count >= 1_500)
        for category in SkillCategory.allCases {
            #expect(skills.contains { $0.category == category }, "no skill in \(category)")
        }
        #expect(Set(skills.map { $0.name.lowercased() }).count == skills.count)
    }

    @Test(
        "technology aliases resolve to their canonical skill",
        arguments: [
            ("JS", "JavaScript"), ("k8s", "Kubernetes"), ("Postgres", "PostgreSQL"), ("golang", "Go"),
            ("ReactJS", "React"), ("sklearn", "scikit-learn"), ("GCP", "Google Cloud Platform"), ("C#", "C#"),
        ])
    func aliases(alias: String, canonical: String) {
        #expect(SkillTaxonomy.standard.skill(named: alias)?.name == canonical)
        #expect(names("Worked with \(alias) daily.", list: true) == [canonical])
    }

    @Test("Go the language, not go the verb; Swift and Rust only capitalised")
    func casedNames() {
        #expect(names("Built payment services in Go and Python.") == ["Go", "Python"])
        #expect(names("Ready to go the extra mile; go-to person for releases.") == [])
        #expect(names("Go-to-market planning") == [])
        #expect(names("Wrote iOS apps in Swift; fixed rust on bikes; swift delivery") == ["iOS Development", "Swift"])
        #expect(names("Data in Excel; I excel at planning") == ["Microsoft Excel"])
    }

    @Test("one-letter languages count in lists and skills sections, not in prose")
    func listedNames() {
        #expect(names("Python, R and SQL") == ["Python", "R", "SQL"])
        #expect(names("Languages: R") == ["R"])
        #expect(names("R") == [])
        #expect(names("R", list: true) == ["R"])
        #expect(names("Led the R&D team and C-level reporting") == [])
        #expect(names("Plan C was adopted") == [])
        #expect(names("C/C++ and C#") == ["C", "C++", "C#"])
        #expect(names("•R\n• Go", list: true) == ["R", "Go"], "a bullet glued to a name (PDF kerning)")
    }

    @Test("token boundaries and leftmost-longest")
    func boundaries() {
        #expect(names("Java and JavaScript") == ["Java", "JavaScript"])
        #expect(names("React Native and Reactive streams") == ["React Native"])
        #expect(names("Spring Boot services") == ["Spring Boot"])
        #expect(names("ASP.NET Core and .NET 8 on Node.js") == ["ASP.NET", ".NET", "Node.js"])
        #expect(names("CI/CD with GitHub Actions") == ["CI/CD", "GitHub Actions"])
        #expect(names("PostgreSQL.") == ["PostgreSQL"])
    }

    @Test("URLs and e-mail addresses are not searched")
    func addresses() {
        #expect(names("https://github.com/ada-go  ada.python@example.com  www.kotlin.example") == [])
    }

    @Test("match ranges point at the original text, whatever its case and spacing")
    func ranges() {
        let text = "Über   MONGODB and  spring boot"
        let matches = Self.matcher.matches(in: text)
        let words = matches.map { String(decoding: Array(text.utf8)[$0.utf8Range], as: UTF8.self) }
        #expect(words == ["MONGODB", "spring boot"])
    }
}

import Testing

@testable import ResumeParser

/// How a job's requirement lines become requirements: alternatives as one group, years, and what a
/// "preferred" inside a parenthesis qualifies.
@Suite("Job requirements: alternatives, years and parenthetical markers")
struct JobRequirementTests {
    static let parser = DocumentParser()

    func parse(_ requirements: String, title: String = "Senior Operations Analyst") -> ParsedJob {
        Self.parser.parseJob(text: "# \(title)\n\n## Requirements\n\(requirements)\n", source: "job.md", format: "md")
    }

    @Test("a tool or a list in parentheses after \"or\" is one group of alternatives")
    func alternativesInParentheses() {
        let job = parse("- Reporting: SQL or a product analytics tool (Amplitude, Mixpanel)\n- Clear writing")
        #expect(job.alternatives == [["SQL", "Amplitude", "Mixpanel"]])
        #expect(Set(job.requiredSkills.map(\.name)).isSuperset(of: ["SQL", "Amplitude", "Mixpanel"]))
    }

    @Test("an ERP system and the named systems are one group; NetSuite and SAP are read")
    func erpSystems() {
        let job = parse("- Bookkeeping in an ERP system (NetSuite, SAP or Oracle)")
        #expect(job.alternatives == [["ERP Systems", "NetSuite", "SAP"]])
        // The ERP systems stand in for one another in part where a job names one alone.
        let related = SkillTaxonomy.standard.related(to: "SAP").keys
        #expect(related.contains("NetSuite") && related.contains("Oracle ERP"))
    }

    @Test("\"(… preferred)\" naming its own words leaves the line required; \"(preferred)\" alone does not")
    func parentheticalPreferred() {
        let job = parse(
            """
            - 5+ years of product management, with products shipped to customers (B2B SaaS preferred)
            - Python (Go a plus)
            - Kubernetes (preferred)
            """)
        #expect(job.minimumYears == 5)
        #expect(job.requiredSkills.map(\.name).contains("Product Management"))
        #expect(job.requiredSkills.map(\.name).contains("Python"))
        #expect(job.preferredSkills.map(\.name).contains("Go"))
        #expect(job.preferredSkills.map(\.name).contains("Kubernetes"))
        #expect(!job.requiredSkills.map(\.name).contains("Kubernetes"))
        #expect(JobRequirements.preferredAsides("Rust (strongly preferred)").asides.isEmpty)
        #expect(
            JobRequirements.preferredAsides("SQL (dbt a plus) and (Airflow preferred)").asides == [
                "dbt a plus", "Airflow preferred",
            ])
    }

    @Test("the core is the first requirement's skills past years and degree lines, else the role a years line names")
    func coreFromFirstRequirement() {
        let sre = parse(
            "- 5+ years in SRE roles\n- Kubernetes in production\n- Terraform", title: "Site Reliability Engineer")
        #expect(sre.coreSkills == ["Kubernetes"])
        // The first requirement names no skill the taxonomy knows: a later line's tool is not the core.
        let manager = parse(
            "- 5+ years of product management\n- Discovery and user research\n- Analytics: SQL or Amplitude",
            title: "Senior Product Manager")
        #expect(manager.coreSkills == ["Product Management"] && manager.requiredSkills.map(\.name).contains("SQL"))
        let backend = parse("- Go and PostgreSQL\n- Kafka", title: "Senior Backend Engineer (Go)")
        #expect(backend.coreSkills == ["Go"])
    }
}

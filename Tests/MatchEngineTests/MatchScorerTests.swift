import Testing

@testable import MatchEngine
@testable import ResumeParser

@Suite("Match scoring")
struct MatchScorerTests {
    static func resume(skills: [String], years: Double, degree: DegreeLevel?) -> ParsedResume {
        ParsedResume(
            source: "r.txt", format: "txt", contact: ContactInfo(name: "Ada Example"),
            skills: skills.map { SkillMention(name: $0, category: .tools) }, experience: [],
            education: degree.map { [EducationEntry(level: $0)] } ?? [], certifications: [], languages: [],
            totalExperienceYears: years, sections: [:])
    }

    static let job = ParsedJob(
        source: "j.txt", format: "txt", title: "Backend Engineer",
        requiredSkills: ["Python", "Go", "PostgreSQL", "Docker"].map { SkillMention(name: $0, category: .tools) },
        preferredSkills: ["Terraform", "Apache Kafka"].map { SkillMention(name: $0, category: .tools) },
        minimumYears: 5, requiredDegree: .bachelor)

    @Test("a candidate who has everything scores 100 and is invited")
    func perfect() {
        let result = MatchScorer().score(
            Self.resume(
                skills: ["Python", "Go", "PostgreSQL", "Docker", "Terraform", "Apache Kafka"], years: 8, degree: .master
            ),
            against: Self.job, similarity: 0.9)
        #expect(result.score == 100)
        #expect(result.decision == .interview)
        #expect(result.missingRequiredSkills.isEmpty && result.advice.isEmpty)
        #expect(result.strengths.contains("has every required skill"))
    }

    @Test("the formula: weighted mean of the components that apply, renormalised")
    func formula() {
        // required 2/4, preferred 1/2, experience 2.5/5, education one level below (0.5), no semantic:
        // (0.40·0.5 + 0.15·0.5 + 0.15·0.5 + 0.10·0.5) / 0.80 = 0.5 → 50.
        let result = MatchScorer().score(
            Self.resume(skills: ["Python", "Go", "Terraform"], years: 2.5, degree: .associate), against: Self.job)
        #expect(result.score == 50)
        #expect(result.decision == .reject)
        #expect(
            result.components.map(\.kind.rawValue) == [
                "required skills", "preferred skills", "experience", "education",
            ])
        #expect(result.missingRequiredSkills == ["PostgreSQL", "Docker"])
        #expect(result.yearsGap == 2.5)
        #expect(result.missingDegree == .bachelor)
        #expect(result.advice.count == 3)
    }

    @Test("a job without degree requirement drops education; semantic is calibrated 0.15 … 0.75")
    func applicability() {
        var job = Self.job
        job.requiredDegree = nil
        job.preferredSkills = []
        let result = MatchScorer().score(
            Self.resume(skills: ["Python", "Go", "PostgreSQL", "Docker"], years: 10, degree: nil), against: job,
            similarity: 0.45)
        #expect(result.components.map(\.kind.rawValue) == ["required skills", "experience", "semantic"])
        #expect(result.components.last?.value ?? 0 > 0.499 && result.components.last?.value ?? 1 < 0.501)
        // (0.40 + 0.15 + 0.20·0.5) / 0.75 = 86.7.
        #expect(result.score == 86.7)
        let classic = MatchScorer(weights: .classic).score(
            Self.resume(skills: ["Python"], years: 10, degree: nil), against: job, similarity: 0.9)
        #expect(!classic.components.contains { $0.kind == .semantic })
    }
}

import Testing

@testable import MatchEngine
@testable import ResumeParser

/// A candidate from another field ties at the floor: nothing of theirs orders them for the job.
@Suite("Different field: a typed floor")
struct DifferentFieldTests {
    static let job = ParsedJob(
        source: "a.txt", title: "Staff Accountant",
        requiredSkills: ["accounting", "Microsoft Excel", "SQL"].map { SkillMention(name: $0, category: .business) },
        minimumYears: 2, coreSkills: ["accounting"])

    static func candidate(_ title: String?, skills: Set<String>, shown: Set<String>) -> CandidateProfile {
        CandidateProfile(
            skills: skills, years: 6, degree: .bachelor,
            roles: title.map { [CandidateProfile.Role(title: $0, firstMonth: 24_000, lastMonth: 24_071)] } ?? [],
            evidencedSkills: shown)
    }

    @Test("an unrelated function with incidental skills only listed scores the floor and says why")
    func floored() {
        let engineer = Self.candidate("Backend Engineer", skills: ["Microsoft Excel", "SQL"], shown: [])
        let result = MatchScorer().score(engineer, against: Self.job, similarity: 0.6)
        #expect(result.score == 0)
        #expect(result.factors.contains { $0.kind == .differentField && $0.value == 0 })
        #expect(!result.factors.contains { $0.kind == .evidence }, "a skill was found: not the no-evidence rule")
        #expect(result.advice.contains { $0.contains("different field") })
        var off = ScoringWeights.standard
        off.differentField = 1
        #expect(MatchScorer(weights: off).score(engineer, against: Self.job, similarity: 0.6).score > 0)
        // One shared skill used at work is incidental; with the setting at 1 it keeps the candidate above.
        let analyst = Self.candidate("Backend Engineer", skills: ["SQL"], shown: ["SQL"])
        #expect(MatchScorer().score(analyst, against: Self.job, similarity: 0.6).score == 0)
        var one = ScoringWeights.standard
        one.differentFieldSharedSkills = 1
        #expect(MatchScorer(weights: one).score(analyst, against: Self.job, similarity: 0.6).score > 0)
    }

    @Test(
        "a neighbouring function, a core skill even listed, two skills used at work, or no title read stay above the floor"
    )
    func notFloored() {
        let scorer = MatchScorer()
        let cases = [
            Self.candidate("Financial Data Analyst", skills: ["SQL"], shown: []),
            Self.candidate("Backend Engineer", skills: ["accounting", "SQL"], shown: []),
            Self.candidate("Backend Engineer", skills: ["SQL", "Microsoft Excel"], shown: ["SQL", "Microsoft Excel"]),
            Self.candidate(nil, skills: ["SQL"], shown: []),
        ]
        for candidate in cases {
            let result = scorer.score(candidate, against: Self.job, similarity: 0.6)
            #expect(!result.factors.contains { $0.kind == .differentField }, "\(candidate.roles.map(\.title))")
            #expect(result.score > 0)
        }
    }
}

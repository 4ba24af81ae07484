import ResumeParser
import Testing

@testable import MatchEngine

@Suite("Top selection")
struct TopSelectionTests {
    @Test("equals a full sort's prefix, with duplicates, sorted and reversed input", arguments: [0, 1, 7, 100, 999])
    func matchesSort(count: Int) {
        var generator = SystemRandomNumberGenerator()
        let inputs: [[UInt64]] = [
            (0..<1_000).map { _ in UInt64.random(in: 0..<50, using: &generator) },
            Array(0..<1_000),
            Array((0..<1_000).reversed()),
            Array(repeating: 5, count: 1_000),
            [],
        ]
        for input in inputs {
            var keys = input
            #expect(TopSelection.largest(count, of: &keys) == Array(input.sorted(by: >).prefix(count)))
        }
    }

    @Test("the quick score is the explained score")
    func quickScore() {
        let scorer = MatchScorer()
        let job = ParsedJobFixtures.backend
        for years in [0.0, 2.5, 9] {
            let profile = CandidateProfile(skills: ["Go", "Kubernetes"], years: years, degree: .bachelor)
            for similarity in [nil, 0.1, 0.5, 0.9] as [Double?] {
                #expect(
                    scorer.quickScore(profile, against: job, similarity: similarity)
                        == scorer.score(profile, against: job, similarity: similarity).score)
            }
        }
    }
}

enum ParsedJobFixtures {
    static let backend = ParsedJob(
        source: "job", title: "Backend",
        requiredSkills: ["Go", "Kubernetes", "PostgreSQL"].map {
            SkillMention(name: $0, category: .tools)
        }, preferredSkills: [SkillMention(name: "Rust", category: .languages)], minimumYears: 5,
        requiredDegree: .master)
}

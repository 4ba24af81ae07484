import Foundation
import RankingEvaluation
import ResumeParser
import TestSupport
import Testing

@testable import MatchEngine

/// The ranking measures on hand-checked cases, and the scorer on the graded set in `Fixtures/relevance`
/// (hashing provider: no model needed, deterministic).
@Suite("Ranking evaluation")
struct RankingEvaluationTests {
    @Test("NDCG with gains 2^grade − 1: 1 for the ideal order, less when a better item is lower, nil when all are 0")
    func ndcg() throws {
        #expect(RankingMetrics.ndcg(rankedGrades: [3, 2, 1, 0], k: 3) == 1)
        #expect(
            RankingMetrics.ndcg(rankedGrades: [3, 2], k: -1) == nil
                && RankingMetrics.ndcg(rankedGrades: [3], k: 0) == nil)
        #expect(RankingMetrics.ndcg(rankedGrades: [3, 2, 1, 3], k: 3) ?? 1 < 1, "the ideal looks past the cut")
        let swapped = try #require(RankingMetrics.ndcg(rankedGrades: [2, 3, 0], k: 3))
        // DCG (3 + 7/log2 3) / ideal (7 + 3/log2 3).
        #expect(abs(swapped - (3 + 7 / log2(3.0)) / (7 + 3 / log2(3.0))) < 1e-12)
        #expect(RankingMetrics.ndcg(rankedGrades: [0, 0, 0], k: 3) == nil)
        #expect(RankingMetrics.ndcg(rankedGrades: [0, 0, 0, 3], k: 3) == 0)
    }

    @Test("Spearman: ±1 for monotone pairs, ties share ranks, nil for a constant list")
    func spearman() throws {
        #expect(RankingMetrics.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == 1)
        #expect(RankingMetrics.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        #expect(RankingMetrics.ranks([5, 1, 5, 3]) == [3.5, 1, 3.5, 2])
        #expect(RankingMetrics.spearman([1, 2, 3], [7, 7, 7]) == nil)
        let tied = try #require(RankingMetrics.spearman([1, 2, 3, 4], [0, 0, 1, 1]))
        #expect(abs(tied - 0.894_427_191) < 1e-6)
    }

    @Test("decision agreement, layout spread and per-job figures from given scores")
    func evaluateGiven() throws {
        let url = { (name: String) in URL(fileURLWithPath: "/\(name)") }
        let set = RelevanceSet(
            jobs: [.init(id: "j", url: url("j"))],
            resumes: ["a", "a2", "b", "c"].map { RelevanceSet.Document(id: $0, url: url($0)) },
            layoutGroups: [["a", "a2"]], grades: ["j": ["a": 3, "a2": 3, "b": 1, "c": 0]])
        let evaluation = RankingEvaluation.evaluate(
            set, scores: ["j": ["a": 80, "a2": 74.5, "b": 40, "c": 71]],
            baseline: ["j": ["a": 50, "a2": 50, "b": 50, "c": 0]], threshold: 70)
        let job = try #require(evaluation.jobs.first)
        #expect(job.scorer.grade3Interview == 2 && job.scorer.grade0Reject == 0 && job.scorer.layoutSpread == 5.5)
        #expect(evaluation.scorer.decisionAgreement == 2.0 / 3 && evaluation.baseline.grade3Interview == 0)
        #expect(evaluation.pairs.map(\.resume) == ["a", "a2", "c", "b"])
        // Two people tied at grade 3: no order of distinct scores reaches ρ = 1.
        let ceiling = try #require(job.scorer.spearmanCeiling)
        #expect(ceiling > 0.9 && ceiling < 1 && evaluation.scorer.spearmanCeiling == ceiling)
    }

    @Test("a grade naming a file the set does not list is an error naming the line")
    func unknownResume() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"jobs": ["j.md"], "resumes": ["r.txt"], "people": []}"#.utf8)
            .write(to: folder.appendingPathComponent("set.json"))
        try Data("job\tresume\tgrade\treason\nj.md\tother.txt\t2\tx\n".utf8)
            .write(to: folder.appendingPathComponent("grades.tsv"))
        #expect(
            throws: RankingEvaluationError.unknownDocument(
                path: folder.appendingPathComponent("grades.tsv").path, line: 2, name: "other.txt")
        ) {
            try RelevanceSet.load(from: folder)
        }
    }

    @Test("a set listing a resume twice, or with layout groups of neither shape, is an error, not a crash or 0")
    func malformedSet() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("job\tresume\tgrade\treason\nj.md\tr.txt\t2\tx\n".utf8)
            .write(to: folder.appendingPathComponent("grades.tsv"))
        for manifest in [
            #"{"jobs": ["j.md"], "resumes": ["r.txt", "r.txt"], "people": []}"#,
            #"{"jobs": ["j.md"], "resumes": ["r.txt"], "people": 7}"#,
        ] {
            try Data(manifest.utf8).write(to: folder.appendingPathComponent("set.json"))
            let error = #expect(throws: RankingEvaluationError.self) { try RelevanceSet.load(from: folder) }
            guard case .cannotRead = error else {
                Issue.record("\(manifest): \(String(describing: error))")
                continue
            }
        }
    }

    /// Ranks the graded set with the hashing provider (no model) in a temporary engine.
    static func evaluateRelevanceSet() async throws -> RankingEvaluation {
        let set = try RelevanceSet.load(from: Fixtures.root.appendingPathComponent("relevance"))
        #expect(set.jobs.count >= 12 && set.resumes.count >= 40 && !set.layoutGroups.isEmpty)
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = EngineConfiguration(provider: HashingEmbedder())
        configuration.referenceMonth = YearMonth(year: 2026, month: 11)
        let engine = try Engine(directory: folder, configuration: configuration)
        defer { engine.close() }
        return try await RankingEvaluation.run(set, engine: engine, namespace: "eval")
    }

    @Test("the issue's targets on Fixtures/relevance: NDCG@3, Spearman, decision agreement, layout spread")
    func targets() async throws {
        let evaluation = try await Self.evaluateRelevanceSet()
        let mine = evaluation.scorer
        let base = evaluation.baseline
        #expect(mine.ndcg3 >= 0.95 && mine.ndcg3Minimum >= 0.80, "\(mine)")
        #expect(mine.spearman >= 0.80, "\(mine)")
        #expect(mine.decisionAgreement >= 0.95, "\(mine)")
        #expect(mine.layoutSpread <= 3, "\(mine)")
        for (measure, target, ours, theirs) in [
            ("NDCG@3", 0.95, mine.ndcg3, base.ndcg3),
            ("Spearman", 0.80, mine.spearman, base.spearman),
            ("decision agreement", 0.95, mine.decisionAgreement, base.decisionAgreement),
        ] where theirs < target {
            #expect(ours >= theirs + 0.10, "\(measure): \(ours) against the baseline's \(theirs)")
        }
    }

    @Test("the measured floor on Fixtures/relevance (hashing provider): a regression fails")
    func measuredFloor() async throws {
        let evaluation = try await Self.evaluateRelevanceSet()
        let mine = evaluation.scorer
        let base = evaluation.baseline
        // Measured in the seventh session (Fixtures/relevance/RESULTS.md: NDCG@3 1.000, lowest 1.000, NDCG@5 0.992,
        // Spearman 0.805, grade 3 at ≥ 70 1.000, agreement 1.000, spread 2.4, mean 1.1), a little below.
        #expect(mine.ndcg3 >= 0.99 && mine.ndcg3Minimum >= 0.95, "\(mine)")
        #expect(mine.ndcg5 >= 0.97, "\(mine)")
        #expect(mine.spearman >= 0.79, "\(mine)")
        #expect(mine.grade3Interview >= 0.97 && mine.decisionAgreement >= 0.995, "\(mine)")
        #expect(mine.layoutSpread <= 3 && mine.layoutSpreadMean <= 1.5, "\(mine)")
        // Beats the keyword baseline computed in the same run (NDCG@3 0.789, NDCG@5 0.691, grade 3 at ≥ 70
        // 0.406 for the baseline then).
        #expect(mine.ndcg3 > base.ndcg3 && mine.grade3Interview >= base.grade3Interview + 0.10, "\(base)")
        #expect(mine.spearman > base.spearman && mine.ndcg5 >= base.ndcg5 + 0.10, "\(mine) \(base)")
    }
}

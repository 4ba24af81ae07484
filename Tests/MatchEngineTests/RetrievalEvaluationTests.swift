import Foundation
import RetrievalEvaluation
import TestSupport
import Testing

@testable import MatchEngine

/// The evaluation set in `Fixtures/retrieval` with the MiniLM model: hybrid retrieval must do at least as
/// well as each retriever alone. Needs the model files: a missing model fails this test loudly (run
/// `scripts/bootstrap.sh`), it is never skipped.
@Suite("Retrieval evaluation (MiniLM)")
struct RetrievalEvaluationTests {
    @Test("hybrid recall@4 and MRR are at least those of dense-only and of BM25-only")
    func hybridBeatsBoth() async throws {
        let embedder: MiniLMEmbedder
        do {
            embedder = try MiniLMEmbedder()
        } catch {
            Issue.record("the MiniLM model is not installed (run scripts/bootstrap.sh): \(error.localizedDescription)")
            throw error
        }
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // With sentence windows, as `match-tool ingest` and `eval-rag` store documents.
        var configuration = EngineConfiguration(provider: embedder)
        configuration.chunkWindows = ChunkWindows()
        let engine = try Engine(directory: folder, configuration: configuration)
        defer { engine.close() }
        let set = try RetrievalQuestions.load(from: Fixtures.root.appendingPathComponent("retrieval/questions.json"))
        #expect(set.questions.count >= 60)
        for type in ["exact", "paraphrase", "multi-hop", "negative"] {
            #expect(set.questions.contains { $0.type == type }, "the set has \(type) questions")
        }
        try await set.ingestCorpus(root: Fixtures.root.deletingLastPathComponent(), into: engine, namespace: "eval")
        let evaluation = try await RetrievalEvaluation.run(set, engine: engine, namespace: "eval")
        let hybrid = try #require(evaluation.scores[.hybrid])
        let dense = try #require(evaluation.scores[.dense])
        let bm25 = try #require(evaluation.scores[.bm25])
        #expect(hybrid.recall >= dense.recall && hybrid.recall >= bm25.recall, "\(evaluation.scores)")
        #expect(hybrid.mrr >= dense.mrr && hybrid.mrr >= bm25.mrr, "\(evaluation.scores)")
        // Floors at the measured values (see Fixtures/retrieval/README.md), so a regression shows.
        #expect(hybrid.recall >= 0.78 && hybrid.mrr >= 0.80 && hybrid.noAnswerPrecision >= 0.9, "\(hybrid)")
        #expect(hybrid.noAnswerPrecision >= bm25.noAnswerPrecision, "\(evaluation.scores)")
    }
}

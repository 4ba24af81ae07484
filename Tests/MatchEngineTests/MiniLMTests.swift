import Foundation
import TestSupport
import Testing

@testable import MatchEngine

/// Checks the Swift port against the sentence-transformers reference outputs in `Fixtures/minilm/`
/// (66 tricky lines: short skills, accents, CJK, emoji, truncation). Needs the model files: a missing
/// model fails these tests with a message saying to run `scripts/bootstrap.sh`.
@Suite("all-MiniLM-L6-v2 against the reference")
struct MiniLMTests {
    static let folder = Fixtures.root.appendingPathComponent("minilm")

    static func sentences() throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("ref_sentences.txt"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static let embedder: Result<MiniLMEmbedder, any Error> = Result { try MiniLMEmbedder() }

    func loadEmbedder() throws -> MiniLMEmbedder {
        do {
            return try Self.embedder.get()
        } catch {
            Issue.record("the MiniLM model is not installed: \(error.localizedDescription)")
            throw error
        }
    }

    @Test("token ids are identical to the reference tokenizer on every line")
    func tokens() throws {
        let embedder = try loadEmbedder()
        let sentences = try Self.sentences()
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("ref_tokens.json"))
        let expected = try JSONDecoder().decode([[Int32]].self, from: data)
        #expect(sentences.count == 66 && expected.count == 66)
        for (line, ids) in zip(sentences, expected) {
            #expect(embedder.tokenIDs(line) == ids, "\(line)")
        }
    }

    @Test("embeddings match the reference: cosine ≥ 0.9999 and max abs difference ≤ 1e-4 per vector")
    func embeddings() async throws {
        let embedder = try loadEmbedder()
        let sentences = try Self.sentences()
        let raw = try Data(contentsOf: Self.folder.appendingPathComponent("ref_embeddings.f32"))
        let reference = raw.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        #expect(reference.count == sentences.count * 384)
        let vectors = try await embedder.embed(sentences)
        var worstCosine: Float = 1
        var worstDifference: Float = 0
        for (i, vector) in vectors.enumerated() {
            let expected = reference[i * 384..<(i + 1) * 384]
            let cosine = zip(vector, expected).reduce(0) { $0 + $1.0 * $1.1 }
            let difference = zip(vector, expected).map { abs($0 - $1) }.max() ?? 0
            worstCosine = min(worstCosine, cosine)
            worstDifference = max(worstDifference, difference)
            #expect(cosine >= 0.9999, "line \(i + 1): cosine \(cosine)")
            #expect(difference <= 1e-4, "line \(i + 1): max abs difference \(difference)")
        }
        print("MiniLM vs reference: worst cosine \(worstCosine), worst max-abs difference \(worstDifference)")
    }

    @Test("a batch gives the same vectors as one text at a time")
    func batchingIsInvisible() throws {
        let embedder = try loadEmbedder()
        let texts = ["Go", "Senior Swift developer with ten years of iOS experience", "R", "Kubernetes and Terraform"]
        let batched = embedder.embedSynchronously(texts)
        for (text, vector) in zip(texts, batched) {
            let alone = embedder.embedSynchronously([text])[0]
            #expect(zip(alone, vector).allSatisfy { abs($0 - $1) < 1e-5 }, "\(text)")
        }
    }

    @Test("long documents are covered by overlapping windows")
    func longDocuments() throws {
        let embedder = try loadEmbedder()
        let short = "Python developer with PostgreSQL experience."
        // Equal up to summation order (other tests may change OpenBLAS's thread count meanwhile).
        let windowed = embedder.embedDocument(short)
        let direct = embedder.embedSynchronously([short])[0]
        #expect(zip(windowed, direct).allSatisfy { abs($0 - $1) < 1e-5 })
        let long = Array(repeating: "Built data pipelines in Python and Spark for analytics teams.", count: 80)
            .joined(separator: " ")
        let vector = embedder.embedDocument(long)
        #expect(vector.count == 384)
        #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
    }

    @Test("a missing model directory is a typed error that says what to run")
    func missingModel() {
        let nowhere = URL(fileURLWithPath: "/nonexistent/minilm")
        #expect(throws: EmbeddingError.modelMissing(directory: nowhere.path, file: "model.safetensors")) {
            try MiniLMEmbedder(directory: nowhere)
        }
    }
}

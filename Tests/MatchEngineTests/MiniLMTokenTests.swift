import Foundation
import Testing

@testable import MatchEngine

/// `embed(tokens:)` takes ids from anywhere: out-of-range ids are a typed error, long and empty
/// sequences are handled, nothing traps. Needs the model files (a missing model fails the test).
@Suite("MiniLM token input validation")
struct MiniLMTokenTests {
    @Test("ids outside the vocabulary throw; > 512 tokens are truncated; an empty sequence is the empty text")
    func validation() throws {
        let embedder = try MiniLMTests.embedder.get()
        #expect(throws: EmbeddingError.tokenOutOfVocabulary(id: 30_522, vocabularySize: 30_522)) {
            try embedder.embed(tokens: [[101, 30_522, 102]])
        }
        #expect(throws: EmbeddingError.tokenOutOfVocabulary(id: -1, vocabularySize: 30_522)) {
            try embedder.embed(tokens: [[101, 102], [101, -1, 102]])
        }
        let long = [Int32(101)] + Array(repeating: Int32(2_000), count: 700) + [102]
        let cut = [Int32(101)] + Array(repeating: Int32(2_000), count: 510) + [102]
        let vectors = try embedder.embed(tokens: [long, cut, []])
        // Same sequence, but batched differently: equal to float rounding.
        #expect(
            zip(vectors[0], vectors[1]).allSatisfy { abs($0 - $1) < 1e-5 },
            "a long sequence is its first 511 ids and [SEP]")
        #expect(vectors[0].count == 384 && vectors[0].allSatisfy(\.isFinite))
        let empty = try embedder.embed(tokens: [embedder.tokenIDs("")])[0]
        #expect(zip(vectors[2], empty).allSatisfy { abs($0 - $1) < 1e-5 }, "[] embeds as [CLS] [SEP]")
    }
}

@Suite("Model file errors in plain words")
struct ModelFileErrorTests {
    @Test("a folder or a missing file in place of model.safetensors is named without Foundation jargon")
    func unreadableModelFile() throws {
        for url in [FileManager.default.temporaryDirectory, URL(fileURLWithPath: "/nonexistent/model.safetensors")] {
            do {
                _ = try Safetensors(contentsOf: url)
                Issue.record("\(url.path) was read as a model")
            } catch let error as EmbeddingError {
                guard case .modelInvalid(_, let reason) = error else {
                    Issue.record("expected modelInvalid, got \(error)")
                    continue
                }
                #expect(!reason.contains("operation could not be completed") && !reason.contains("NSCocoaErrorDomain"))
                #expect(reason.contains("directory") || reason.contains("no such file"), "\(reason)")
            }
        }
    }
}

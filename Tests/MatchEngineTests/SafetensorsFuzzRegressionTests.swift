import Foundation
import TestSupport
import Testing

@testable import MatchEngine

/// Replays the safetensors fuzz corpus (`FuzzRegressions/safetensors/`) as `Fuzz/Sources/fuzz-safetensors`
/// runs it: each input as `model.safetensors` beside a minimal vocabulary, loaded by `MiniLMEmbedder`. It
/// must fail with an `EmbeddingError` (none of these files holds MiniLM's weights), each within
/// ``FuzzCorpus/bound``.
@Suite("Fuzz regression corpus (safetensors)")
struct SafetensorsFuzzRegressionTests {
    @Test("each input is refused with an EmbeddingError, in time")
    func safetensorsCorpus() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let vocabulary = (0..<100).map { "[unused\($0)]" } + ["[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "##s"]
        try (vocabulary.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        try "{}".write(to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        for input in try FuzzCorpus.inputs(module: "MatchEngineTests", target: "safetensors") {
            try Data(contentsOf: input).write(to: folder.appendingPathComponent("model.safetensors"))
            let elapsed = FuzzCorpus.time {
                #expect(throws: EmbeddingError.self, "\(input.lastPathComponent)") {
                    _ = try MiniLMEmbedder(directory: folder, batchSize: 1, threads: 1)
                }
            }
            #expect(elapsed < FuzzCorpus.bound, "safetensors/\(input.lastPathComponent) took \(elapsed)")
        }
    }
}

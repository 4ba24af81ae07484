import Foundation
import FuzzSupport
import MatchEngine

// The MiniLM weights loader: `MiniLMEmbedder(directory:)` on a model folder whose `model.safetensors` is the
// input (with a minimal vocabulary and config beside it). A failure must be an `EmbeddingError`.
enum SafetensorsTarget {
    /// A model folder with a vocabulary holding the special tokens at their BERT ids (100–102).
    static let directory: URL = {
        let vocabulary = (0..<100).map { "[unused\($0)]" } + ["[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "##s"]
        _ = ScratchDirectory.write(Data((vocabulary.joined(separator: "\n") + "\n").utf8), to: "vocab.txt")
        _ = ScratchDirectory.write(Data("{}".utf8), to: "config.json")
        return ScratchDirectory.url
    }()

    static func test(_ data: Data) {
        let folder = directory
        _ = ScratchDirectory.write(data, to: "model.safetensors")
        TypedErrors.expect(EmbeddingError.self) {
            _ = try MiniLMEmbedder(directory: folder, batchSize: 1, threads: 1)
        }
    }
}

Fuzzing.run { start, count in
    SafetensorsTarget.test(Fuzzing.data(start, count))
    return 0
}

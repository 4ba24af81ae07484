import Foundation
import ParallelWork
import VectorIndex

/// all-MiniLM-L6-v2 computed natively: WordPiece tokenizer, BERT forward pass on OpenBLAS, mean
/// pooling and L2 normalisation — the same vectors as the sentence-transformers model (checked against
/// its reference outputs in the tests).
///
/// ```swift
/// let embedder = try MiniLMEmbedder()                 // model files from ModelDirectory.default
/// let vectors = try await embedder.embed(["Senior Swift developer", "Go, Kubernetes"])
/// ```
///
/// Texts are cut to 256 tokens, like the original model; ``embedDocument(_:)`` covers longer texts with
/// overlapping windows. Batches are sorted by length and padded per batch, so short texts do not pay
/// for long ones. The model uses OpenBLAS threads (see `BLASThreads` in VectorIndex).
public final class MiniLMEmbedder: EmbeddingProvider {
    /// The model identifier stored with MiniLM vectors.
    public static let identifier = "sentence-transformers/all-MiniLM-L6-v2"
    /// 384.
    public let dimension = MiniLMModel.hidden
    /// ``identifier``.
    public let modelIdentifier = MiniLMEmbedder.identifier
    /// The most texts per forward pass (a request of fewer than `threads × batchSize` texts is split over
    /// the threads in passes of about equal cost).
    public let batchSize: Int
    /// Batches run in parallel on this many threads (default: every core).
    public let threads: Int

    private let tokenizer: WordPieceTokenizer
    private let model: MiniLMModel

    /// Loads the model from `directory`.
    ///
    /// - Throws: ``EmbeddingError/modelMissing(directory:file:)`` when a file is missing (run
    ///   `scripts/bootstrap.sh`), ``EmbeddingError/modelInvalid(file:reason:)`` when one is unusable.
    ///
    /// With more than one thread, batches run side by side with OpenBLAS on one thread per product
    /// (through ``BLASThreads/withSingleThread(_:)``, which restores the count afterwards): measured
    /// faster than OpenBLAS threading inside the small per-head products.
    public init(
        directory: URL = ModelDirectory.default, batchSize: Int = 32,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws {
        precondition(batchSize > 0 && threads > 0, "batch size and threads must be positive")
        self.threads = threads
        try ModelDirectory.check(directory)
        tokenizer = try WordPieceTokenizer(vocabularyFile: directory.appendingPathComponent("vocab.txt"))
        model = try MiniLMModel(weights: Safetensors(contentsOf: directory.appendingPathComponent("model.safetensors")))
        self.batchSize = batchSize
    }

    /// Runs the forward pass on a Dispatch queue, not on the caller's executor: seconds of BLAS work
    /// would otherwise hold a thread of Swift's small cooperative pool and stall every other task.
    public func embed(_ texts: [String]) async throws -> [[Float]] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: self.embedSynchronously(texts))
            }
        }
    }

    /// ``embed(_:)`` without suspending: runs on the calling thread.
    public func embedSynchronously(_ texts: [String]) -> [[Float]] {
        embedValidated(tokens: tokenize(texts))
    }

    /// Token ids of every text; large inputs are tokenized on ``threads`` threads (at 2 threads, serial
    /// tokenization of 1,000 short texts cost 8 % of the end-to-end time).
    private func tokenize(_ texts: [String]) -> [[Int32]] {
        guard threads > 1, texts.count > 64 else { return texts.map(tokenizer.encode) }
        let tokenizer = tokenizer
        return ParallelMap.map(texts) { tokenizer.encode($0) }
    }

    /// The token ids the model sees for `text` (with `[CLS]`/`[SEP]`, at most 256).
    public func tokenIDs(_ text: String) -> [Int32] { tokenizer.encode(text) }

    /// Embeds a text of any length: windows of 256 tokens (254 word pieces plus `[CLS]`/`[SEP]`) that
    /// overlap by 64 pieces are embedded and their vectors averaged, then normalised. A text that fits in
    /// one window gives exactly ``embed(_:)``'s vector.
    public func embedDocument(_ text: String) -> [Float] {
        let pieces = tokenizer.pieces(text)
        let window = tokenizer.maximumLength - 2
        let step = window - 64
        var windows: [[Int32]] = []
        var start = 0
        repeat {
            let end = min(start + window, pieces.count)
            windows.append(
                [WordPieceTokenizer.classifierToken] + pieces[start..<end] + [WordPieceTokenizer.separatorToken])
            start += step
        } while start + (window - step) < pieces.count
        let vectors = embedValidated(tokens: windows)
        guard vectors.count > 1 else { return vectors[0] }
        var mean = [Float](repeating: 0, count: dimension)
        for vector in vectors { for c in 0..<dimension { mean[c] += vector[c] } }
        mean.withUnsafeMutableBufferPointer { Distance.normalize($0) }
        return mean
    }

    /// Embeds pre-tokenized texts (each from ``tokenIDs(_:)``: `[CLS]` … `[SEP]`), in length-sorted batches;
    /// vectors come back in input order. A sequence longer than the model's 512 positions is cut to its
    /// first 511 ids and `[SEP]`; an empty one is embedded as `[CLS] [SEP]` (the empty text).
    ///
    /// - Throws: ``EmbeddingError/tokenOutOfVocabulary(id:vocabularySize:)`` for an id outside the
    ///   vocabulary (0 ..< 30,522), before anything is computed.
    public func embed(tokens: [[Int32]]) throws -> [[Float]] {
        let limit = MiniLMModel.maximumPositions
        var checked = tokens
        for index in checked.indices {
            if let bad = checked[index].first(where: { $0 < 0 || Int($0) >= MiniLMModel.vocabularySize }) {
                throw EmbeddingError.tokenOutOfVocabulary(id: bad, vocabularySize: MiniLMModel.vocabularySize)
            }
            if checked[index].isEmpty {
                checked[index] = [WordPieceTokenizer.classifierToken, WordPieceTokenizer.separatorToken]
            } else if checked[index].count > limit {
                checked[index] = Array(checked[index].prefix(limit - 1)) + [WordPieceTokenizer.separatorToken]
            }
        }
        return embedValidated(tokens: checked)
    }

    /// The forward passes for sequences of `lengths` (longest first), as ranges of that order. A request
    /// that fills fewer than `threads` full batches is cut into at most `threads` passes of about equal
    /// cost (texts × the longest one's length, what a padded pass computes), so that every core works
    /// about as long: halving the count instead gave one core the long texts and left the other idle
    /// for most of the request. Larger requests take full batches, which the threads share out.
    static func forwardPasses(lengths: [Int], threads: Int, batchSize: Int) -> [Range<Int>] {
        let count = lengths.count
        guard let longest = lengths.first else { return [] }
        // count < threads × batchSize, written so that no product can overflow.
        guard threads > 1, (count - 1) / threads < batchSize else {
            return stride(from: 0, to: count, by: batchSize).map { $0..<min($0 + batchSize, count) }
        }
        // Contiguous passes, each costing at most `capacity`; the least capacity that needs no more than
        // `threads` passes, by bisection (costs are whole numbers of tokens).
        func passes(capacity: Int) -> [Range<Int>] {
            var result: [Range<Int>] = []
            var start = 0
            while start < count {
                let size = min(batchSize, count - start, max(1, capacity / max(1, lengths[start])))
                result.append(start..<start + size)
                start += size
            }
            return result
        }
        var low = longest
        var high = count * longest
        while low < high {
            let middle = (low + high) / 2
            if passes(capacity: middle).count <= threads { high = middle } else { low = middle + 1 }
        }
        return passes(capacity: low)
    }

    /// ``embed(tokens:)`` for sequences known to be valid (from the tokenizer: ids in the vocabulary,
    /// 2 ... 512 of them).
    private func embedValidated(tokens: [[Int32]]) -> [[Float]] {
        let order = tokens.indices.sorted { tokens[$0].count > tokens[$1].count }
        let batches = Self.forwardPasses(
            lengths: order.map { tokens[$0].count }, threads: threads, batchSize: batchSize
        )
        .map { Array(order[$0]) }
        let result = ResultSlots<[Float]>(count: tokens.count, initial: [])
        let model = model
        let run = {
            ParallelMap.forEach(count: batches.count, threads: self.threads, workerState: { MiniLMModel.Workspace() }) {
                workspace, index in
                let batch = batches[index]
                for (slot, vector) in zip(batch, model.embed(batch.map { tokens[$0] }, workspace: workspace)) {
                    result.set(slot, vector)
                }
            }
        }
        // Batches side by side, one BLAS thread each; one batch alone gets every BLAS thread.
        if min(threads, batches.count) > 1 { BLASThreads.withSingleThread(run) } else { run() }
        return result.values
    }
}

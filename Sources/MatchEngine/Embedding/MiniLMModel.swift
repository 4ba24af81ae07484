import CBLAS
import CKernels
import Foundation

/// The all-MiniLM-L6-v2 network: a 6-layer BERT encoder (hidden 384, 12 heads, feed-forward 1536,
/// exact GELU, post-LayerNorm with ε = 1e-12), then mean pooling over real tokens and L2 normalisation.
///
/// Every matrix product runs through OpenBLAS `sgemm` on the whole batch; the steps between them
/// (bias, softmax, GELU, LayerNorm) run in the `CKernels` C loops. Weights are immutable after loading,
/// so one model serves any number of concurrent callers.
final class MiniLMModel: Sendable {
    static let hidden = 384
    static let heads = 12
    static let headSize = 32
    static let intermediate = 1536
    static let layerCount = 6
    static let vocabularySize = 30522
    static let maximumPositions = 512
    static let layerNormEpsilon: Float = 1e-12

    struct Layer: Sendable {
        /// Query, key and value projections stacked: [3 × 384, 384], so one product yields all three.
        var qkvWeight: [Float]
        var qkvBias: [Float]
        var attentionOutputWeight: [Float]
        var attentionOutputBias: [Float]
        var attentionNormGamma: [Float]
        var attentionNormBeta: [Float]
        var intermediateWeight: [Float]
        var intermediateBias: [Float]
        var outputWeight: [Float]
        var outputBias: [Float]
        var outputNormGamma: [Float]
        var outputNormBeta: [Float]
    }

    let wordEmbeddings: [Float]
    let positionEmbeddings: [Float]
    let tokenTypeEmbedding: [Float]
    let embeddingNormGamma: [Float]
    let embeddingNormBeta: [Float]
    let layers: [Layer]

    init(weights file: Safetensors) throws {
        let h = Self.hidden
        wordEmbeddings = try file.floats("embeddings.word_embeddings.weight", shape: [Self.vocabularySize, h])
        positionEmbeddings = try file.floats(
            "embeddings.position_embeddings.weight", shape: [Self.maximumPositions, h])
        tokenTypeEmbedding = Array(try file.floats("embeddings.token_type_embeddings.weight", shape: [2, h]).prefix(h))
        embeddingNormGamma = try file.floats("embeddings.LayerNorm.weight", shape: [h])
        embeddingNormBeta = try file.floats("embeddings.LayerNorm.bias", shape: [h])
        layers = try (0..<Self.layerCount).map { i in
            let p = "encoder.layer.\(i)."
            func matrix(_ name: String, _ rows: Int, _ columns: Int) throws -> [Float] {
                try file.floats(p + name + ".weight", shape: [rows, columns])
            }
            func vector(_ name: String, _ count: Int, _ suffix: String = ".bias") throws -> [Float] {
                try file.floats(p + name + suffix, shape: [count])
            }
            return Layer(
                qkvWeight: try matrix("attention.self.query", h, h) + matrix("attention.self.key", h, h)
                    + matrix("attention.self.value", h, h),
                qkvBias: try vector("attention.self.query", h) + vector("attention.self.key", h)
                    + vector("attention.self.value", h),
                attentionOutputWeight: try matrix("attention.output.dense", h, h),
                attentionOutputBias: try vector("attention.output.dense", h),
                attentionNormGamma: try vector("attention.output.LayerNorm", h, ".weight"),
                attentionNormBeta: try vector("attention.output.LayerNorm", h),
                intermediateWeight: try matrix("intermediate.dense", Self.intermediate, h),
                intermediateBias: try vector("intermediate.dense", Self.intermediate),
                outputWeight: try matrix("output.dense", h, Self.intermediate),
                outputBias: try vector("output.dense", h),
                outputNormGamma: try vector("output.LayerNorm", h, ".weight"),
                outputNormBeta: try vector("output.LayerNorm", h))
        }
    }

    /// Unit-length sentence embeddings for token sequences (each starting with `[CLS]` and ending with
    /// `[SEP]`, at most 512 long). The batch is padded to its longest sequence; padded keys are masked
    /// out of attention and padded positions out of the mean.
    func embed(_ sequences: [[Int32]], workspace: Workspace) -> [[Float]] {
        guard let longest = sequences.map(\.count).max(), longest > 0 else { return sequences.map { _ in [] } }
        precondition(longest <= Self.maximumPositions, "sequence longer than \(Self.maximumPositions) tokens")
        let h = Self.hidden
        let batch = sequences.count
        let rows = batch * longest
        workspace.reserve(rows: rows, longest: longest)
        let x = workspace.x
        for (b, ids) in sequences.enumerated() {
            for t in 0..<longest {
                let row = x + (b * longest + t) * h
                guard t < ids.count else {
                    row.update(repeating: 0, count: h)
                    continue
                }
                let word = Int(ids[t]) * h
                let position = t * h
                for c in 0..<h {
                    row[c] = wordEmbeddings[word + c] + positionEmbeddings[position + c] + tokenTypeEmbedding[c]
                }
            }
        }
        ck_layer_norm_rows(x, nil, embeddingNormGamma, embeddingNormBeta, rows, h, Self.layerNormEpsilon)
        let lengths = sequences.map(\.count)
        for layer in layers {
            encode(layer: layer, lengths: lengths, longest: longest, workspace: workspace)
        }
        return (0..<batch).map { b in pool(x, sequence: b, longest: longest, length: lengths[b]) }
    }

    /// Working memory of forward passes, reused across batches by one thread. Besides the hidden
    /// states and attention context of the batch it holds only row slices (≤ ``sliceRows`` rows), so a
    /// batch of 32 × 256 tokens needs about 40 MB.
    final class Workspace: @unchecked Sendable {
        static let sliceRows = 1024
        private(set) var x: UnsafeMutablePointer<Float>
        private(set) var context: UnsafeMutablePointer<Float>
        private(set) var qkv: UnsafeMutablePointer<Float>
        private(set) var scores: UnsafeMutablePointer<Float>
        let intermediate: UnsafeMutablePointer<Float>
        let projected: UnsafeMutablePointer<Float>
        private var rowCapacity = 0
        private var longestCapacity = 0

        init() {
            x = .allocate(capacity: 1)
            context = .allocate(capacity: 1)
            qkv = .allocate(capacity: 1)
            scores = .allocate(capacity: 1)
            intermediate = .allocate(capacity: Self.sliceRows * MiniLMModel.intermediate)
            projected = .allocate(capacity: Self.sliceRows * MiniLMModel.hidden)
        }

        deinit {
            for buffer in [x, context, qkv, scores, intermediate, projected] { buffer.deallocate() }
        }

        func reserve(rows: Int, longest: Int) {
            if rows > rowCapacity {
                x.deallocate()
                context.deallocate()
                x = .allocate(capacity: rows * MiniLMModel.hidden)
                context = .allocate(capacity: rows * MiniLMModel.hidden)
                rowCapacity = rows
            }
            if longest > longestCapacity {
                qkv.deallocate()
                scores.deallocate()
                qkv = .allocate(capacity: max(Self.sliceRows, longest) * 3 * MiniLMModel.hidden)
                scores = .allocate(capacity: longest * longest)
                longestCapacity = longest
            }
        }
    }

    private func encode(layer: Layer, lengths: [Int], longest: Int, workspace: Workspace) {
        let h = Self.hidden
        let rows = lengths.count * longest
        let x = workspace.x
        let context = workspace.context
        // Self-attention, a group of whole sequences at a time: Q | K | V of the group in one product.
        let sequencesPerGroup = max(1, Workspace.sliceRows / longest)
        var first = 0
        while first < lengths.count {
            let end = min(first + sequencesPerGroup, lengths.count)
            let groupRows = (end - first) * longest
            linear(
                x + first * longest * h, rows: groupRows, inputs: h, weight: layer.qkvWeight, bias: layer.qkvBias,
                outputs: 3 * h, into: workspace.qkv)
            for sequence in first..<end {
                attention(
                    qkv: workspace.qkv + (sequence - first) * longest * 3 * h, length: lengths[sequence],
                    scores: workspace.scores, into: context + sequence * longest * h)
            }
            first = end
        }
        // Output projection and feed-forward, each followed by residual + LayerNorm, in row slices.
        var start = 0
        while start < rows {
            let count = min(Workspace.sliceRows, rows - start)
            let slice = x + start * h
            linear(
                context + start * h, rows: count, inputs: h, weight: layer.attentionOutputWeight,
                bias: layer.attentionOutputBias, outputs: h, into: workspace.projected)
            ck_layer_norm_rows(
                slice, workspace.projected, layer.attentionNormGamma, layer.attentionNormBeta, count, h,
                Self.layerNormEpsilon)
            linear(
                slice, rows: count, inputs: h, weight: layer.intermediateWeight, bias: layer.intermediateBias,
                outputs: Self.intermediate, into: workspace.intermediate)
            ck_gelu_erf(workspace.intermediate, count * Self.intermediate)
            linear(
                workspace.intermediate, rows: count, inputs: Self.intermediate, weight: layer.outputWeight,
                bias: layer.outputBias, outputs: h, into: workspace.projected)
            ck_layer_norm_rows(
                slice, workspace.projected, layer.outputNormGamma, layer.outputNormBeta, count, h,
                Self.layerNormEpsilon)
            start += count
        }
    }

    /// `output = input × weightᵀ + bias`, with `weight` stored `[outputs, inputs]` as in PyTorch. The
    /// bias is copied into `output` first and accumulated into (β = 1), which spares OpenBLAS its pass
    /// that clears the output and us a pass that adds the bias.
    private func linear(
        _ input: UnsafePointer<Float>, rows: Int, inputs: Int, weight: [Float], bias: [Float], outputs: Int,
        into output: UnsafeMutablePointer<Float>
    ) {
        bias.withUnsafeBufferPointer { bias in
            for row in 0..<rows {
                (output + row * outputs).update(from: bias.baseAddress.unsafelyUnwrapped, count: outputs)
            }
        }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1, input,
            Int32(inputs), weight, Int32(inputs), 1, output, Int32(outputs))
    }

    /// Multi-head self-attention of one sequence over its own `length` real tokens: for every head,
    /// `softmax(Q Kᵀ / √32) V`, written head by head into the sequence's `context` rows. Padded rows are
    /// never read, which is the same as masking padded keys.
    private func attention(
        qkv: UnsafeMutablePointer<Float>, length: Int, scores: UnsafeMutablePointer<Float>,
        into context: UnsafeMutablePointer<Float>
    ) {
        let h = Self.hidden
        let width = 3 * h
        let d = Self.headSize
        let scale = 1 / Float(d).squareRoot()
        for head in 0..<Self.heads {
            let q = qkv + head * d
            let k = qkv + h + head * d
            let v = qkv + 2 * h + head * d
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(length), Int32(length), Int32(d), 1, q, Int32(width), k,
                Int32(width), 0, scores, Int32(length))
            ck_softmax_rows(scores, length, length, length, scale)
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(length), Int32(d), Int32(length), 1, scores,
                Int32(length), v, Int32(width), 0, context + head * d, Int32(h))
        }
    }

    private func pool(_ x: UnsafeMutablePointer<Float>, sequence b: Int, longest: Int, length: Int) -> [Float] {
        let h = Self.hidden
        var mean = [Float](repeating: 0, count: h)
        for t in 0..<length {
            let row = (b * longest + t) * h
            for c in 0..<h { mean[c] += x[row + c] }
        }
        var norm: Float = 0
        for c in 0..<h {
            mean[c] /= Float(length)
            norm += mean[c] * mean[c]
        }
        let inverse = 1 / max(norm.squareRoot(), 1e-12)
        return mean.map { $0 * inverse }
    }
}

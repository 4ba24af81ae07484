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
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        guard let longest = sequences.map(\.count).max(), longest > 0 else { return sequences.map { _ in [] } }
        precondition(longest <= Self.maximumPositions, "sequence longer than \(Self.maximumPositions) tokens")
        let h = Self.hidden
        let batch = sequences.count
        let rows = batch * longest
        var x = [Float](repeating: 0, count: rows * h)
        x.withUnsafeMutableBufferPointer { x in
            for (b, ids) in sequences.enumerated() {
                for (t, id) in ids.enumerated() {
                    let row = x.baseAddress! + (b * longest + t) * h
                    let word = Int(id) * h
                    let position = t * h
                    for c in 0..<h {
                        row[c] = wordEmbeddings[word + c] + positionEmbeddings[position + c] + tokenTypeEmbedding[c]
                    }
                }
            }
            ck_layer_norm_rows(
                x.baseAddress, nil, embeddingNormGamma, embeddingNormBeta, rows, h, Self.layerNormEpsilon)
        }
        let lengths = sequences.map(\.count)
        var scratch = Scratch(rows: rows, longest: longest)
        for layer in layers {
            encode(&x, layer: layer, lengths: lengths, longest: longest, scratch: &scratch)
        }
        return (0..<batch).map { b in pool(x, sequence: b, longest: longest, length: lengths[b]) }
    }

    /// Working buffers of one forward pass, reused by every layer.
    private struct Scratch {
        var qkv: [Float]
        var context: [Float]
        var projected: [Float]
        var scores: [Float]
        var intermediate: [Float]
        let intermediateRows: Int

        init(rows: Int, longest: Int) {
            qkv = [Float](repeating: 0, count: rows * 3 * MiniLMModel.hidden)
            context = [Float](repeating: 0, count: rows * MiniLMModel.hidden)
            projected = [Float](repeating: 0, count: rows * MiniLMModel.hidden)
            scores = [Float](repeating: 0, count: longest * longest)
            // The feed-forward block runs in slices of rows so its 4× wider activations stay small.
            intermediateRows = min(rows, 1024)
            intermediate = [Float](repeating: 0, count: intermediateRows * MiniLMModel.intermediate)
        }
    }

    private func encode(
        _ x: inout [Float], layer: Layer, lengths: [Int], longest: Int, scratch: inout Scratch
    ) {
        let h = Self.hidden
        let rows = lengths.count * longest
        let width = 3 * h
        x.withUnsafeMutableBufferPointer { x in
            let x = x.baseAddress!
            scratch.qkv.withUnsafeMutableBufferPointer { qkv in
                let qkv = qkv.baseAddress!
                // Q | K | V for every token in one product: [rows, 384] × [384, 1152].
                linear(
                    x, rows: rows, inputs: h, weight: layer.qkvWeight, bias: layer.qkvBias, outputs: width, into: qkv)
                scratch.scores.withUnsafeMutableBufferPointer { scores in
                    scratch.context.withUnsafeMutableBufferPointer { context in
                        attention(
                            qkv: qkv, lengths: lengths, longest: longest, scores: scores.baseAddress!,
                            into: context.baseAddress!)
                    }
                }
            }
            scratch.context.withUnsafeBufferPointer { context in
                scratch.projected.withUnsafeMutableBufferPointer { projected in
                    linear(
                        context.baseAddress!, rows: rows, inputs: h, weight: layer.attentionOutputWeight,
                        bias: layer.attentionOutputBias, outputs: h, into: projected.baseAddress!)
                    ck_layer_norm_rows(
                        x, projected.baseAddress, layer.attentionNormGamma, layer.attentionNormBeta, rows, h,
                        Self.layerNormEpsilon)
                }
            }
            scratch.intermediate.withUnsafeMutableBufferPointer { intermediate in
                scratch.projected.withUnsafeMutableBufferPointer { projected in
                    var start = 0
                    while start < rows {
                        let count = min(scratch.intermediateRows, rows - start)
                        linear(
                            x + start * h, rows: count, inputs: h, weight: layer.intermediateWeight,
                            bias: layer.intermediateBias, outputs: Self.intermediate, into: intermediate.baseAddress!)
                        ck_gelu_erf(intermediate.baseAddress, count * Self.intermediate)
                        linear(
                            intermediate.baseAddress!, rows: count, inputs: Self.intermediate,
                            weight: layer.outputWeight, bias: layer.outputBias, outputs: h,
                            into: projected.baseAddress! + start * h)
                        start += count
                    }
                    ck_layer_norm_rows(
                        x, projected.baseAddress, layer.outputNormGamma, layer.outputNormBeta, rows, h,
                        Self.layerNormEpsilon)
                }
            }
        }
    }

    /// `output = input × weightᵀ + bias`, with `weight` stored `[outputs, inputs]` as in PyTorch.
    private func linear(
        _ input: UnsafePointer<Float>, rows: Int, inputs: Int, weight: [Float], bias: [Float], outputs: Int,
        into output: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1, input,
            Int32(inputs), weight, Int32(inputs), 0, output, Int32(outputs))
        ck_add_bias_rows(output, bias, rows, outputs)
    }

    /// Multi-head self-attention of each sequence over its own tokens: for every head,
    /// `softmax(Q Kᵀ / √32) V` with padded keys masked, written head by head into `context`.
    private func attention(
        qkv: UnsafeMutablePointer<Float>, lengths: [Int], longest: Int, scores: UnsafeMutablePointer<Float>,
        into context: UnsafeMutablePointer<Float>
    ) {
        let h = Self.hidden
        let width = 3 * h
        let d = Self.headSize
        let scale = 1 / Float(d).squareRoot()
        for (b, length) in lengths.enumerated() {
            let base = qkv + b * longest * width
            for head in 0..<Self.heads {
                let q = base + head * d
                let k = base + h + head * d
                let v = base + 2 * h + head * d
                // Only the sequence's real rows are computed; its padded rows are never read.
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(length), Int32(length), Int32(d), 1, q,
                    Int32(width), k, Int32(width), 0, scores, Int32(length))
                ck_softmax_rows(scores, length, length, length, scale)
                cblas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(length), Int32(d), Int32(length), 1, scores,
                    Int32(length), v, Int32(width), 0, context + b * longest * h + head * d, Int32(h))
            }
        }
    }

    private func pool(_ x: [Float], sequence b: Int, longest: Int, length: Int) -> [Float] {
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

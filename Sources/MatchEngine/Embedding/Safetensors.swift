import Foundation

/// Reads float32 tensors from a `.safetensors` file: an 8-byte little-endian header length, a JSON
/// header `{name: {dtype, shape, data_offsets}}`, then the raw tensor bytes.
struct Safetensors {
    struct TensorInfo {
        var dtype: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    let path: String
    private let data: Data
    private let dataStart: Int
    let tensors: [String: TensorInfo]

    init(contentsOf url: URL) throws {
        path = url.path
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw EmbeddingError.modelInvalid(file: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        guard data.count >= 8 else { throw EmbeddingError.modelInvalid(file: path, reason: "shorter than its header") }
        let headerLength = data.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
        guard headerLength > 0, headerLength <= data.count - 8 else {
            throw EmbeddingError.modelInvalid(file: path, reason: "header length \(headerLength) out of range")
        }
        dataStart = 8 + headerLength
        let json = try? JSONSerialization.jsonObject(with: data.subdata(in: 8..<dataStart))
        guard let header = json as? [String: Any] else {
            throw EmbeddingError.modelInvalid(file: path, reason: "header is not a JSON object")
        }
        var tensors: [String: TensorInfo] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= data.count - dataStart
            else {
                throw EmbeddingError.modelInvalid(file: path, reason: "bad entry for tensor \(name)")
            }
            tensors[name] = TensorInfo(dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
        }
        self.tensors = tensors
    }

    /// The float32 tensor `name`, checked against `shape`.
    func floats(_ name: String, shape: [Int]) throws -> [Float] {
        guard let info = tensors[name] else {
            throw EmbeddingError.modelInvalid(file: path, reason: "no tensor \(name)")
        }
        guard info.dtype == "F32", info.shape == shape, info.end - info.begin == shape.reduce(4, *) else {
            throw EmbeddingError.modelInvalid(
                file: path, reason: "tensor \(name) is \(info.dtype) \(info.shape), expected F32 \(shape)")
        }
        let count = shape.reduce(1, *)
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                let source = UnsafeRawBufferPointer(rebasing: raw[(dataStart + info.begin)..<(dataStart + info.end)])
                _ = source.copyBytes(to: buffer)
            }
            initialized = count
        }
    }
}

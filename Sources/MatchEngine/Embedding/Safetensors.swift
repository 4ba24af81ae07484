import Foundation
import ResumeParser

/// Reads float32 tensors from a `.safetensors` file: an 8-byte little-endian header length, a JSON
/// header `{name: {dtype, shape, data_offsets}}`, then the raw tensor bytes.
///
/// Each tensor is read from the file straight into its array, so loading needs no more memory than the
/// weights themselves (mapping the file would add its pages to the peak).
final class Safetensors {
    struct TensorInfo {
        var dtype: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    let path: String
    private let file: FileHandle
    private let dataStart: Int
    let tensors: [String: TensorInfo]

    init(contentsOf url: URL) throws {
        path = url.path
        do {
            file = try FileHandle(forReadingFrom: url)
        } catch {
            let reason = TextExtractor.describe(error, fallback: "open error")
            throw EmbeddingError.modelInvalid(file: url.path, reason: "cannot open: \(reason)")
        }
        let fileSize = Int((try? file.seekToEnd()) ?? 0)
        let head = try Self.read(file, at: 0, count: 8, path: path)
        let headerLength = head.withUnsafeBytes {
            Int(clamping: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)))
        }
        guard headerLength > 0, headerLength <= fileSize - 8 else {
            throw EmbeddingError.modelInvalid(file: path, reason: "header length \(headerLength) out of range")
        }
        dataStart = 8 + headerLength
        let dataSize = fileSize - dataStart
        let json = try? JSONSerialization.jsonObject(with: Self.read(file, at: 8, count: headerLength, path: path))
        guard let header = json as? [String: Any] else {
            throw EmbeddingError.modelInvalid(file: path, reason: "header is not a JSON object")
        }
        var tensors: [String: TensorInfo] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataSize
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
        // Straight from the file into the array: reading into `Data` and copying cost a second pass over
        // the 90 MB and its page faults at every start.
        let count = shape.reduce(1, *)
        let offset = dataStart + info.begin
        var failure: Int32 = 0
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            failure = Self.readFully(file.fileDescriptor, into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            initialized = failure == 0 ? count : 0
        }
        guard failure == 0 else {
            let reason = failure < 0 ? "truncated" : "cannot read: \(String(cString: strerror(failure)))"
            throw EmbeddingError.modelInvalid(file: path, reason: reason)
        }
        return values
    }

    /// Reads `buffer.count` bytes at `offset`: 0 when all were read, -1 at the end of the file first, else
    /// the `errno` of the failed read.
    private static func readFully(
        _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int
    )
        -> Int32
    {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let read = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if read < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if read == 0 { return -1 }
            done += read
        }
        return 0
    }

    deinit { try? file.close() }

    private static func read(_ file: FileHandle, at offset: Int, count: Int, path: String) throws -> Data {
        do {
            try file.seek(toOffset: UInt64(offset))
            let data = try file.read(upToCount: count) ?? Data()
            guard data.count == count else { throw EmbeddingError.modelInvalid(file: path, reason: "truncated") }
            return data
        } catch let error as EmbeddingError {
            throw error
        } catch {
            let reason = TextExtractor.describe(error, fallback: "read error")
            throw EmbeddingError.modelInvalid(file: path, reason: "cannot read: \(reason)")
        }
    }
}

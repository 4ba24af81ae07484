import Foundation

/// Vectors as consecutive little-endian float32 values: the embedding cache's blobs and the rows of
/// `match-tool embed --format f32`.
package enum VectorBytes {
    package static func encode(_ vectors: [[Float]]) -> Data {
        // Stored into one buffer: appending four bytes at a time to `Data` cost 4 % of an ingest's CPU.
        var data = Data(count: vectors.reduce(0) { $0 + $1.count * 4 })
        data.withUnsafeMutableBytes { raw in
            var offset = 0
            for vector in vectors {
                for value in vector {
                    raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: offset, as: UInt32.self)
                    offset += 4
                }
            }
        }
        return data
    }

    /// The floats of `data`; a trailing partial value is ignored.
    package static func decode(_ data: Data) -> [Float] {
        data.withUnsafeBytes { raw in
            (0..<raw.count / 4).map { index in
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
            }
        }
    }
}

import Foundation

/// SQLite's variable-length integers (1 to 9 bytes, big-endian groups of seven bits, the ninth byte whole),
/// as FTS5 writes them in its averages and docsize records.
enum SQLiteVarint {
    /// Every varint in `bytes`, in order; a truncated last one is left out.
    static func decodeAll(_ bytes: Data) -> [UInt64] {
        var values: [UInt64] = []
        bytes.withUnsafeBytes { raw in
            var position = 0
            while position < raw.count {
                var value: UInt64 = 0
                var length = 0
                var complete = false
                while position + length < raw.count, length < 9 {
                    let byte = raw[position + length]
                    length += 1
                    if length == 9 {
                        value = value << 8 | UInt64(byte)
                        complete = true
                        break
                    }
                    value = value << 7 | UInt64(byte & 0x7F)
                    if byte & 0x80 == 0 {
                        complete = true
                        break
                    }
                }
                guard complete else { break }
                values.append(value)
                position += length
            }
        }
        return values
    }
}

/// Rewrites the checksums of an index file (`HNSWIndex.write(to:)`'s layout, documented in
/// `Sources/VectorIndex/IndexFile.swift`) so that a mutated file reaches the loader's structural checks
/// instead of stopping at its first checksum: each section's XXH64 in the section table, then the
/// header's. Bytes that are not an index file (short, another magic) are returned unchanged.
public enum IndexFileSealing {
    static let magic = Array("MEHNSW01".utf8)
    static let headerBytes = 512
    static let sectionCountOffset = 96
    static let headerChecksumOffset = 104
    static let sectionTableOffset = 112
    static let sectionEntryBytes = 32
    static let maximumSections = 12

    /// `bytes` with every checksum that can be computed (a section inside the file) recomputed.
    public static func seal(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= headerBytes, Array(bytes[0..<8]) == magic else { return bytes }
        var sealed = bytes
        func get(_ offset: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(sealed[offset + $1]) << (8 * UInt64($1)) }
        }
        func put(_ value: UInt64, at offset: Int) {
            for i in 0..<8 { sealed[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
        let sections = min(Int(get(sectionCountOffset) & 0xFFFF_FFFF), maximumSections)
        for i in 0..<sections {
            let base = sectionTableOffset + sectionEntryBytes * i
            let offset = get(base + 8)
            let length = get(base + 16)
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
            let checksum = sealed.withUnsafeBytes {
                XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset + length)]))
            }
            put(checksum, at: base + 24)
        }
        put(0, at: headerChecksumOffset)
        let checksum = sealed.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[0..<headerBytes])) }
        put(checksum, at: headerChecksumOffset)
        return sealed
    }
}

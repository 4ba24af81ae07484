import CKernels
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The on-disk layout of an ``HNSWIndex``, version 2 (version 1 files, without a revision, still
/// load). All integers little-endian.
///
/// ```
/// 0    magic "MEHNSW01"            8 bytes
/// 8    version                     UInt32 (1)
/// 12   header bytes                UInt32 (512)
/// 16   dimension, metric, M, efConstruction, efSearch, row stride     (UInt32 each; metric as UInt32)
/// 40   slots, live, entry point, seed, random state, tombstones, free slots  (UInt64 each)
/// 96   section count               UInt32, then 4 bytes of padding
/// 104  header checksum             UInt64: XXH64 of the 512 header bytes with this field zero
/// 112  section table               per section: kind, 0, offset, length, XXH64 (UInt32, UInt32, 3 × UInt64)
/// 496  revision                    UInt64 (version 2): the owner's change counter the index reflects
/// 512  sections, each starting on a 64-byte boundary
/// ```
///
/// Sections: the node rows exactly as in memory (vector padded to 64 bytes, then the level-0 link
/// list, so a load is one read per section and no per-node parsing), labels, levels, flags, the
/// upper-level link blocks of the nodes above level 0 in node order, and the free-slot list.
enum IndexFile {
    static let magic = Array("MEHNSW01".utf8)
    static let version: UInt32 = 2
    static let revisionOffset = 496
    static let headerBytes = 512
    static let maxSections = 12

    enum Section: UInt32, CaseIterable {
        case rows = 1
        case labels = 2
        case levels = 3
        case flags = 4
        case upperLinks = 5
        case freeSlots = 6
    }

    struct SectionEntry {
        var kind: Section
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    struct Header {
        var dimension: Int
        var metric: Metric
        var m: Int
        var efConstruction: Int
        var efSearch: Int
        var stride: Int
        var slots: Int
        var live: Int
        var entryPoint: UInt64
        var seed: UInt64
        var randomState: UInt64
        var tombstones: Int
        var freeSlots: Int
        var sections: [SectionEntry]
        var revision: UInt64 = 0
    }

    static func alignUp(_ offset: Int) -> Int { (offset + 63) / 64 * 64 }

    static func encode(_ header: Header) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: headerBytes)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { raw in
                for (i, byte) in raw.enumerated() { bytes[offset + i] = byte }
            }
        }
        for (i, byte) in magic.enumerated() { bytes[i] = byte }
        put(version, at: 8)
        put(UInt32(headerBytes), at: 12)
        put(UInt32(header.dimension), at: 16)
        put(UInt32(header.metric.rawValue), at: 20)
        put(UInt32(header.m), at: 24)
        put(UInt32(header.efConstruction), at: 28)
        put(UInt32(header.efSearch), at: 32)
        put(UInt32(header.stride), at: 36)
        put(UInt64(header.slots), at: 40)
        put(UInt64(header.live), at: 48)
        put(header.entryPoint, at: 56)
        put(header.seed, at: 64)
        put(header.randomState, at: 72)
        put(UInt64(header.tombstones), at: 80)
        put(UInt64(header.freeSlots), at: 88)
        put(UInt32(header.sections.count), at: 96)
        for (i, section) in header.sections.enumerated() {
            let base = 112 + 32 * i
            put(section.kind.rawValue, at: base)
            put(UInt64(section.offset), at: base + 8)
            put(UInt64(section.length), at: base + 16)
            put(section.checksum, at: base + 24)
        }
        put(header.revision, at: revisionOffset)
        put(ck_xxh64(bytes, bytes.count, 0), at: 104)
        return bytes
    }

    static func decode(_ bytes: [UInt8], fileSize: Int, path: String) throws -> Header {
        guard bytes.count == headerBytes, Array(bytes[0..<8]) == magic else {
            throw VectorIndexError.notAnIndex(path: path)
        }
        func get<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
            var value = T.zero
            withUnsafeMutableBytes(of: &value) { raw in
                for i in 0..<MemoryLayout<T>.size { raw[i] = bytes[offset + i] }
            }
            return T(littleEndian: value)
        }
        let version = get(UInt32.self, at: 8)
        guard version <= Self.version else {
            throw VectorIndexError.unsupportedVersion(path: path, version: Int(version))
        }
        var zeroed = bytes
        for i in 104..<112 { zeroed[i] = 0 }
        guard ck_xxh64(zeroed, zeroed.count, 0) == get(UInt64.self, at: 104) else {
            throw VectorIndexError.corruptIndex(path: path, reason: "header checksum mismatch")
        }
        guard let metric = Metric(rawValue: UInt8(truncatingIfNeeded: get(UInt32.self, at: 20))) else {
            throw VectorIndexError.corruptIndex(path: path, reason: "unknown metric")
        }
        let sectionCount = Int(get(UInt32.self, at: 96))
        guard sectionCount <= maxSections else {
            throw VectorIndexError.corruptIndex(path: path, reason: "\(sectionCount) sections")
        }
        var sections: [SectionEntry] = []
        for i in 0..<sectionCount {
            let base = 112 + 32 * i
            guard let kind = Section(rawValue: get(UInt32.self, at: base)) else {
                throw VectorIndexError.corruptIndex(path: path, reason: "unknown section kind")
            }
            let offset = Int(clamping: get(UInt64.self, at: base + 8))
            let length = Int(clamping: get(UInt64.self, at: base + 16))
            guard offset >= headerBytes, length == 0 || (offset <= fileSize && length <= fileSize - offset) else {
                throw VectorIndexError.corruptIndex(
                    path: path, reason: "section \(kind) lies beyond the end of the file (truncated?)")
            }
            sections.append(
                SectionEntry(kind: kind, offset: offset, length: length, checksum: get(UInt64.self, at: base + 24)))
        }
        return Header(
            dimension: Int(get(UInt32.self, at: 16)), metric: metric, m: Int(get(UInt32.self, at: 24)),
            efConstruction: Int(get(UInt32.self, at: 28)), efSearch: Int(get(UInt32.self, at: 32)),
            stride: Int(get(UInt32.self, at: 36)), slots: Int(clamping: get(UInt64.self, at: 40)),
            live: Int(clamping: get(UInt64.self, at: 48)), entryPoint: get(UInt64.self, at: 56),
            seed: get(UInt64.self, at: 64), randomState: get(UInt64.self, at: 72),
            tombstones: Int(clamping: get(UInt64.self, at: 80)), freeSlots: Int(clamping: get(UInt64.self, at: 88)),
            sections: sections, revision: version >= 2 ? get(UInt64.self, at: revisionOffset) : 0)
    }
}

/// A file opened with POSIX calls, for whole-buffer reads and writes straight into index memory.
struct PosixFile {
    let descriptor: Int32
    let path: String

    static func openForReading(_ path: String) throws -> PosixFile {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw VectorIndexError.io(path: path, reason: String(cString: strerror(errno))) }
        return PosixFile(descriptor: fd, path: path)
    }

    static func create(_ path: String) throws -> PosixFile {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw VectorIndexError.io(path: path, reason: String(cString: strerror(errno))) }
        return PosixFile(descriptor: fd, path: path)
    }

    func close() {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #elseif canImport(Darwin)
            _ = Darwin.close(descriptor)
        #endif
    }

    var size: Int {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) throws {
        var done = 0
        while done < count {
            let n = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw VectorIndexError.corruptIndex(path: path, reason: "unexpected end of file")
            }
            done += n
        }
    }

    func write(_ buffer: UnsafeRawPointer, count: Int, at offset: Int) throws {
        var done = 0
        while done < count {
            let n = pwrite(descriptor, buffer + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw VectorIndexError.io(path: path, reason: String(cString: strerror(errno))) }
            done += n
        }
    }

    func sync() throws {
        guard fsync(descriptor) == 0 else {
            throw VectorIndexError.io(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

extension IndexFile {
    /// XXH64 of `bytes` with seed 0: the checksum of a section.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 { ck_xxh64(bytes.baseAddress, bytes.count, 0) }
}

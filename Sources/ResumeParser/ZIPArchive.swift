import CInflate
import Foundation

/// The entries of a ZIP archive held in memory, read with every offset and size checked against the bytes.
///
/// The DOCX reader used ZIPFoundation 0.9.20, whose readers `scripts/fuzz.sh docx` showed unsafe on damaged
/// archives: its in-memory archive traps when an offset points past the end of the data, and its Linux
/// inflate loop gives zlib the whole buffer size as input even when the last chunk is shorter (zlib then
/// reads bytes that were never written) and never stops once the file is exhausted before the deflate
/// stream ends (a 364-byte DOCX hung the parser). This reader covers what a DOCX needs, no more: the
/// central directory (no ZIP64, no encryption, no multi-disk), stored and deflated entries, CRC-32 checked.
///
/// - Complexity: opening is O(entries); reading an entry is linear in its compressed and inflated sizes.
struct ZIPArchive {
    /// One file of the archive, as its central directory describes it.
    struct Entry {
        var path: String
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// Why an archive or an entry cannot be read.
    enum Failure: Error {
        /// No end-of-central-directory record: not a ZIP archive, or one cut short.
        case notAnArchive
        /// More entries than the caller allows.
        case tooManyEntries
        /// The archive is damaged; `reason` says where.
        case damaged(String)
    }

    let data: Data
    /// The entries in central-directory order.
    let entries: [Entry]

    private static let endOfCentralDirectory: UInt32 = 0x0605_4B50
    private static let centralHeader: UInt32 = 0x0201_4B50
    private static let localHeader: UInt32 = 0x0403_4B50

    /// Reads the central directory of `data`, refusing more than `maximumEntries` entries.
    init(data: Data, maximumEntries: Int) throws(Failure) {
        self.data = data
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while end >= lowest, u32(end) != Int(Self.endOfCentralDirectory) { end -= 1 }
        guard end >= lowest else { throw .notAnArchive }
        let count = u16(end + 10)
        let directoryOffset = u32(end + 16)
        guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF else { throw .damaged("ZIP64 archives are not read") }
        guard count <= maximumEntries else { throw .tooManyEntries }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var position = directoryOffset
        for _ in 0..<count {
            guard position <= end - 46, u32(position) == Int(Self.centralHeader) else {
                throw .damaged("central directory")
            }
            let flags = u16(position + 8)
            let nameLength = u16(position + 28)
            let next = position + 46 + nameLength + u16(position + 30) + u16(position + 32)
            guard flags & 1 == 0 else { throw .damaged("encrypted entry") }
            guard next <= end else { throw .damaged("central directory") }
            entries.append(
                Entry(
                    path: String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self),
                    method: UInt16(u16(position + 10)), crc32: UInt32(u32(position + 16)),
                    compressedSize: u32(position + 20), uncompressedSize: u32(position + 24),
                    localHeaderOffset: u32(position + 42)))
            position = next
        }
        self.entries = entries
    }

    /// Hands the content of `entry` to `consume` in chunks of at most 64 KiB, then checks its CRC-32.
    /// What `consume` throws is rethrown as is.
    func read(_ entry: Entry, _ consume: (Data) throws -> Void) throws {
        let start = data.startIndex
        let header = entry.localHeaderOffset
        guard header <= data.count - 30 else { throw Failure.damaged("local header beyond the end") }
        func u16(_ at: Int) -> Int { Int(data[start + at]) | Int(data[start + at + 1]) << 8 }
        guard u16(header) | u16(header + 2) << 16 == Int(Self.localHeader) else {
            throw Failure.damaged("local header")
        }
        let begin = header + 30 + u16(header + 26) + u16(header + 28)
        guard begin <= data.count, entry.compressedSize <= data.count - begin else {
            throw Failure.damaged("data beyond the end (truncated?)")
        }
        let compressed = data[(start + begin)..<(start + begin + entry.compressedSize)]
        var crc = crc32(0, nil, 0)
        func checked(_ chunk: Data) throws {
            crc = chunk.withUnsafeBytes { crc32(crc, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count)) }
            try consume(chunk)
        }
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw Failure.damaged("stored sizes differ") }
            var offset = compressed.startIndex
            while offset < compressed.endIndex {
                let next = min(offset + 65_536, compressed.endIndex)
                try checked(Data(compressed[offset..<next]))
                offset = next
            }
        case 8:
            try Self.inflate(Data(compressed), into: checked)
        default:
            throw Failure.damaged("compression method \(entry.method)")
        }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc32 else { throw Failure.damaged("CRC-32 mismatch") }
    }

    /// Inflates the raw deflate stream `input`, which must end within it.
    private static func inflate(_ input: Data, into consume: (Data) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.damaged("inflate could not start")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 65_536)
        try input.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: raw.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(raw.count)
            while true {
                let before = stream.avail_in
                let result = output.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return CInflate.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = output.count - Int(stream.avail_out)
                if produced > 0 { try consume(Data(output[0..<produced])) }
                if result == Z_STREAM_END { return }
                guard result == Z_OK || result == Z_BUF_ERROR else { throw Failure.damaged("deflate data") }
                // Neither input read nor output written: the stream needs bytes the entry does not have.
                guard produced > 0 || stream.avail_in != before else {
                    throw Failure.damaged("deflate stream cut short")
                }
            }
        }
    }
}

import Foundation
import TestSupport
import Testing

@testable import VectorIndex

/// Replays the index-file fuzz corpus (`FuzzRegressions/index-file/`) as `Fuzz/Sources/fuzz-index-file` runs
/// it: checksums recomputed, then `HNSWIndex(contentsOf:)`, and on success search, add, remove, compact, write
/// and load again. A failure must be a `VectorIndexError`; each input within ``FuzzCorpus/bound``.
@Suite("Fuzz regression corpus (index file)")
struct IndexFileFuzzRegressionTests {
    /// `bytes` with every section checksum that lies inside the file, then the header checksum, recomputed
    /// (the layout in `IndexFile`), as the fuzz target's `IndexFileSealing` does.
    static func sealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= IndexFile.headerBytes, Array(bytes[0..<8]) == IndexFile.magic else { return bytes }
        var sealed = bytes
        func get(_ offset: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(sealed[offset + $1]) << (8 * UInt64($1)) }
        }
        func put(_ value: UInt64, at offset: Int) {
            for i in 0..<8 { sealed[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
        for i in 0..<min(Int(get(96) & 0xFFFF_FFFF), IndexFile.maxSections) {
            let base = 112 + 32 * i
            let (offset, length) = (get(base + 8), get(base + 16))
            guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
            let range = Int(offset)..<Int(offset + length)
            put(
                sealed.withUnsafeBytes { IndexFile.checksum(UnsafeRawBufferPointer(rebasing: $0[range])) },
                at: base + 24)
        }
        put(0, at: 104)
        put(sealed.withUnsafeBytes { IndexFile.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<512])) }, at: 104)
        return sealed
    }

    @Test("the file that linked a live node to a free slot is refused as corrupt")
    func linkToFreeSlot() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("finding.hnsw")
        let input = FuzzCorpus.testsRoot.appendingPathComponent(
            "VectorIndexTests/FuzzRegressions/index-file/crash-link-to-free-slot-87599e48.hnsw")
        try Data(Self.sealed([UInt8](try Data(contentsOf: input)))).write(to: url)
        #expect {
            _ = try HNSWIndex(contentsOf: url)
        } throws: { error in
            guard case .corruptIndex(_, let reason) = error as? VectorIndexError else { return false }
            return reason.hasSuffix("links")
        }
    }

    @Test("each input loads and serves, or fails with a VectorIndexError, in time")
    func indexFileCorpus() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("replay.hnsw")
        var loaded = 0
        for input in try FuzzCorpus.inputs(module: "VectorIndexTests", target: "index-file") {
            try Data(Self.sealed([UInt8](try Data(contentsOf: input)))).write(to: url)
            let elapsed = FuzzCorpus.time {
                do {
                    let index = try HNSWIndex(contentsOf: url)
                    loaded += 1
                    let query = (0..<index.dimension).map { Float($0 % 7) - 2.5 }
                    #expect(index.search(query, k: 5).count <= min(5, index.count))
                    let ids = index.ids.sorted()
                    let newID = (ids.last ?? 0) &+ 1
                    index.add(id: newID, vector: query)
                    #expect(index.contains(id: newID))
                    if let first = ids.first { index.remove(id: first) }
                    _ = index.search(query, k: 5)
                    index.compact()
                    _ = index.search(query, k: 5)
                    try index.write(to: url)
                    #expect(try HNSWIndex(contentsOf: url).count == index.count, "\(input.lastPathComponent)")
                } catch {
                    #expect(error is VectorIndexError, "\(input.lastPathComponent): \(error)")
                }
            }
            #expect(elapsed < FuzzCorpus.bound, "index-file/\(input.lastPathComponent) took \(elapsed)")
        }
        #expect(loaded > 0, "no input of the corpus is a loadable index: the replay would test only rejections")
    }
}

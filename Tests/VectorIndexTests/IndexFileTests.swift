import CKernels
import Foundation
import TestSupport
import Testing

@testable import VectorIndex

@Suite("HNSW index files")
struct IndexFileTests {
    static let dimension = 24

    func makeIndex() -> HNSWIndex {
        let vectors = clusteredVectors(count: 3_000, dimension: Self.dimension, clusters: 20, seed: 71)
        let index = HNSWIndex(
            dimension: Self.dimension, metric: .cosine, configuration: .init(m: 8, efConstruction: 64))
        index.add(ids: vectors.indices.map { UInt64($0) * 3 + 1 }, vectors: vectors.flatMap { $0 })
        for id in stride(from: UInt64(1), to: 600, by: 9) { index.remove(id: id) }
        return index
    }

    @Test("save and load give identical search results, ids, deletes and settings")
    func roundTrip() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("index.hnsw")
        let index = makeIndex()
        index.efSearch = 40
        try index.write(to: url)
        let loaded = try HNSWIndex(contentsOf: url)
        #expect(loaded.count == index.count)
        #expect(loaded.efSearch == 40)
        #expect(loaded.metric == .cosine && loaded.dimension == Self.dimension)
        #expect(loaded.configuration.m == 8 && loaded.configuration.efConstruction == 64)
        #expect(loaded.configuration.seed == index.configuration.seed)
        #expect(!loaded.contains(id: 1) && loaded.contains(id: 4))
        let queries = clusteredVectors(count: 50, dimension: Self.dimension, clusters: 20, seed: 72)
        for q in queries { #expect(loaded.search(q, k: 10) == index.search(q, k: 10)) }
        // The loaded index keeps working: adds and removes.
        loaded.add(id: 999_999, vector: queries[0])
        #expect(loaded.search(queries[0], k: 1).first?.id == 999_999)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["index.hnsw"], "no temporary files are left behind")
    }

    @Test("a damaged section, a truncated file or a foreign file is refused", arguments: IndexFile.Section.allCases)
    func corruptionDetected(section: IndexFile.Section) throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("index.hnsw")
        let index = makeIndex()
        index.compact()  // so the free-slot section is not empty
        try index.write(to: url)
        var bytes = try Data(contentsOf: url)
        let header = try IndexFile.decode(Array(bytes.prefix(IndexFile.headerBytes)), fileSize: bytes.count, path: "x")
        let entry = try #require(header.sections.first { $0.kind == section })
        #expect(entry.length > 0, "section \(section) is empty in the test file")
        bytes[entry.offset + entry.length / 2] ^= 0x5A
        try bytes.write(to: url)
        #expect(throws: VectorIndexError.self) { try HNSWIndex(contentsOf: url) }
        do {
            _ = try HNSWIndex(contentsOf: url)
        } catch let error as VectorIndexError {
            guard case .corruptIndex(let path, _) = error else {
                Issue.record("expected corruptIndex, got \(error)")
                return
            }
            #expect(path == url.path)
        }
    }

    @Test("truncated, header-damaged, foreign and newer-version files")
    func badFiles() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("index.hnsw")
        try makeIndex().write(to: url)
        let good = try Data(contentsOf: url)

        try good.prefix(good.count - 1000).write(to: url)
        #expect(throws: VectorIndexError.self) { try HNSWIndex(contentsOf: url) }
        try good.prefix(100).write(to: url)
        #expect(throws: VectorIndexError.corruptIndex(path: url.path, reason: "truncated header")) {
            try HNSWIndex(contentsOf: url)
        }
        var header = good
        header[20] ^= 1
        try header.write(to: url)
        #expect(throws: VectorIndexError.corruptIndex(path: url.path, reason: "header checksum mismatch")) {
            try HNSWIndex(contentsOf: url)
        }
        var newer = good
        newer[8] = 9
        try newer.write(to: url)
        #expect(throws: VectorIndexError.unsupportedVersion(path: url.path, version: 9)) {
            try HNSWIndex(contentsOf: url)
        }
        try Data("SQLite format 3\u{0}".utf8 + Data(count: 4096)).write(to: url)
        #expect(throws: VectorIndexError.notAnIndex(path: url.path)) { try HNSWIndex(contentsOf: url) }
        #expect(throws: VectorIndexError.self) { try HNSWIndex(contentsOf: folder.appendingPathComponent("missing")) }
    }

    @Test("an empty index round-trips")
    func emptyIndex() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("empty.hnsw")
        try HNSWIndex(dimension: 4, metric: .squaredL2).write(to: url)
        let loaded = try HNSWIndex(contentsOf: url)
        #expect(loaded.count == 0)
        #expect(loaded.search([0, 0, 0, 0], k: 3).isEmpty)
    }

    /// A write killed between creating its temporary file and the rename (the crash harness, RELIABILITY.md)
    /// leaves `.<name>.<UUID>.tmp`, as large as the index; nothing removed it.
    @Test("a write removes the temporary files that killed writes left, not a live one")
    func abandonedTemporaryFiles() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("index.hnsw")
        let old = folder.appendingPathComponent(".index.hnsw.0A1B.tmp")
        let fresh = folder.appendingPathComponent(".index.hnsw.2C3D.tmp")
        let other = folder.appendingPathComponent(".other.hnsw.4E5F.tmp")
        for file in [old, fresh, other] { try Data("half a file".utf8).write(to: file) }
        let aMinuteAgo = Date(timeIntervalSinceNow: -120)
        for file in [old, other] {
            try FileManager.default.setAttributes([.modificationDate: aMinuteAgo], ofItemAtPath: file.path)
        }
        try HNSWIndex(dimension: 4, metric: .cosine).write(to: url)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == ["index.hnsw", fresh.lastPathComponent, other.lastPathComponent])
        #expect(try HNSWIndex(contentsOf: url).count == 0)
    }

    @Test("XXH64 reference values")
    func checksum() {
        #expect(xxh64([], seed: 0) == 0xEF46_DB37_51D8_E999)
        #expect(xxh64(Array("a".utf8), seed: 0) == 0xD24E_C4F1_A98C_6E5B)
        #expect(xxh64(Array("abc".utf8), seed: 0) == 0x44BC_2CF5_AD77_0999)
        let long = Array("Nobody inspects the spammish repetition".utf8)
        #expect(xxh64(long, seed: 0) == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test("XXH64 of a null pointer is the hash of no bytes, whatever the length (no pointer arithmetic on NULL)")
    func checksumOfNull() {
        // The undefined behaviour itself only shows under UBSan; this pins the defined result.
        #expect(ck_xxh64(nil, 0, 0) == 0xEF46_DB37_51D8_E999)
        #expect(ck_xxh64(nil, 1 << 20, 0) == 0xEF46_DB37_51D8_E999)
        let empty: [UInt8] = [0]
        #expect(ck_xxh64(nil, 0, 7) == empty.withUnsafeBytes { ck_xxh64($0.baseAddress, 0, 7) })
    }
}

private func xxh64(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
    bytes.withUnsafeBytes { IndexFile.checksum($0) }
}

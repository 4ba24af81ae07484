import Foundation
import TestSupport
import Testing

@testable import VectorIndex

/// Index files whose checksums are right but whose contents lie: the loader must refuse them with a
/// typed error before allocating what they declare or following a link they forged.
@Suite("Crafted index files")
struct CraftedIndexFileTests {
    static func makeIndex() -> HNSWIndex {
        let vectors = clusteredVectors(count: 800, dimension: 8, clusters: 10, seed: 5)
        let index = HNSWIndex(dimension: 8, metric: .cosine, configuration: .init(m: 4, efConstruction: 32))
        index.add(ids: vectors.indices.map { UInt64($0) }, vectors: vectors.flatMap { $0 }, threads: 1)
        return index
    }

    /// Writes `index`, then rewrites its header through `change` with a valid header checksum.
    static func craft(_ index: HNSWIndex, in folder: URL, _ change: (inout IndexFile.Header) -> Void) throws -> URL {
        let url = folder.appendingPathComponent("crafted-\(UUID()).hnsw")
        try index.write(to: url)
        var bytes = try Data(contentsOf: url)
        var header = try IndexFile.decode(Array(bytes.prefix(IndexFile.headerBytes)), fileSize: bytes.count, path: "x")
        change(&header)
        bytes.replaceSubrange(0..<IndexFile.headerBytes, with: IndexFile.encode(header))
        try bytes.write(to: url)
        return url
    }

    static func expectCorrupt(_ url: URL, mentioning words: String) {
        do {
            _ = try HNSWIndex(contentsOf: url)
            Issue.record("a crafted file was loaded")
        } catch let error as VectorIndexError {
            guard case .corruptIndex(_, let reason) = error else {
                Issue.record("expected corruptIndex, got \(error)")
                return
            }
            #expect(reason.contains(words), "\(reason)")
        } catch {
            Issue.record("untyped error \(error)")
        }
    }

    @Test("declared counts and sizes that the sections do not hold are refused before allocating")
    func headerLies() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = Self.makeIndex()
        // 2^40 slots: the old loader allocated 2^40 rows first (and trapped); the sections hold 800.
        Self.expectCorrupt(try Self.craft(index, in: folder) { $0.slots = 1 << 40 }, mentioning: "rows section")
        Self.expectCorrupt(try Self.craft(index, in: folder) { $0.slots = Int.max }, mentioning: "rows section")
        Self.expectCorrupt(try Self.craft(index, in: folder) { $0.live = 1 << 50 }, mentioning: "counts exceed")
        Self.expectCorrupt(
            try Self.craft(index, in: folder) { $0.dimension = 1 << 30 }, mentioning: "invalid parameters")
        Self.expectCorrupt(
            try Self.craft(index, in: folder) { $0.efSearch = 1 << 31 }, mentioning: "invalid parameters")
        Self.expectCorrupt(try Self.craft(index, in: folder) { $0.stride += 64 }, mentioning: "row stride")
        Self.expectCorrupt(
            try Self.craft(index, in: folder) { $0.sections.removeAll { $0.kind == .labels } }, mentioning: "labels")
    }

    @Test(
        "a link at level l to a node below level l is refused (a search would read a list that node lacks)"
    )
    func linkToLowerLevel() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = Self.makeIndex()
        let (used, _) = index.state.withLock { ($0.used, 0) }
        let high = try #require((0..<used).first { index.arena.levels[$0] >= 1 })
        let low = try #require((0..<used).first { index.arena.levels[$0] == 0 })
        let list = index.arena.links(UInt32(high), level: 1)
        list.pointee = max(list.pointee, 1)
        list[1] = UInt32(low)
        let url = folder.appendingPathComponent("bad-level.hnsw")
        try index.write(to: url)  // checksums are computed over the forged link
        Self.expectCorrupt(url, mentioning: "node \(high) level-1 links")
    }

    @Test("a legitimately written file with freed and reused slots still loads")
    func freedSlotsLoad() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let vectors = clusteredVectors(count: 2_000, dimension: 8, clusters: 10, seed: 6)
        let index = HNSWIndex(dimension: 8, metric: .cosine, configuration: .init(m: 4, efConstruction: 32))
        index.add(ids: vectors.indices.map { UInt64($0) }, vectors: vectors.flatMap { $0 }, threads: 1)
        for id in 0..<1_100 { index.remove(id: UInt64(id)) }  // compacts by itself (1,024 tombstones)
        #expect(index.state.withLock { !$0.freeSlots.isEmpty })
        index.add(ids: (5_000..<5_500).map { UInt64($0) }, vectors: vectors.prefix(500).flatMap { $0 }, threads: 1)
        let url = folder.appendingPathComponent("reused.hnsw")
        try index.write(to: url)
        let loaded = try HNSWIndex(contentsOf: url)
        #expect(loaded.count == index.count)
        #expect(loaded.search(vectors[1_500], k: 3) == index.search(vectors[1_500], k: 3))
    }
}

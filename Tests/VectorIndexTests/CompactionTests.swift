import TestSupport
import Testing

@testable import VectorIndex

@Suite("Compaction")
struct CompactionTests {
    @Test("after deleting most vectors and compacting, recall holds and slots are reused")
    func compactAndReuse() {
        let dimension = 32
        let vectors = clusteredVectors(count: 4_000, dimension: dimension, clusters: 25, seed: 81)
        let queries = clusteredVectors(count: 100, dimension: dimension, clusters: 25, seed: 82)
        let index = HNSWIndex(
            dimension: dimension, metric: .squaredL2, configuration: .init(m: 12, efConstruction: 100))
        index.add(ids: vectors.indices.map { UInt64($0) }, vectors: vectors.flatMap { $0 })
        var exact = ExactIndex(dimension: dimension, metric: .squaredL2)
        for (i, v) in vectors.enumerated() { exact.add(id: UInt64(i), vector: v) }
        // Deleting 70% crosses the automatic compaction threshold on the way.
        for id in 0..<2_800 where id % 10 != 0 {
            index.remove(id: UInt64(id))
            exact.remove(id: UInt64(id))
        }
        index.compact()
        let slotsBefore = index.state.withLock { $0.used }
        let free = index.state.withLock { $0.freeSlots.count }
        #expect(free == 2_520)
        var hits = 0
        for q in queries {
            hits += Set(index.search(q, k: 10, ef: 64).map(\.id)).intersection(exact.search(q, k: 10).map(\.id)).count
        }
        #expect(Double(hits) / 1_000 >= 0.95, "recall after compaction \(Double(hits) / 1_000)")
        // New vectors go into freed slots.
        index.add(ids: (10_000..<11_000).map { UInt64($0) }, vectors: vectors[0..<1_000].flatMap { $0 })
        #expect(index.state.withLock { $0.used } == slotsBefore)
        #expect(index.count == 4_000 - 2_520 + 1_000)
        for i in stride(from: 0, to: 1_000, by: 50) {
            let found = index.search(vectors[i], k: 2, ef: 64).map(\.id)
            #expect(found.contains(UInt64(10_000 + i)))
        }
    }
}

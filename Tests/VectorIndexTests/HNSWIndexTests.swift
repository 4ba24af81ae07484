import Foundation
import TestSupport
import Testing

@testable import VectorIndex

@Suite("HNSW index")
struct HNSWIndexTests {
    static let dimension = 48

    /// Mean recall@k of `found` against exact neighbours.
    func recall(_ found: [[Neighbor]], _ exact: [[Neighbor]], k: Int) -> Double {
        var hits = 0
        for (f, e) in zip(found, exact) { hits += Set(f.prefix(k).map(\.id)).intersection(e.prefix(k).map(\.id)).count }
        return Double(hits) / Double(k * exact.count)
    }

    /// Inner-product search is used on unit vectors (embeddings); the other metrics take the data as is.
    func prepared(_ vectors: [[Float]], for metric: Metric) -> [[Float]] {
        guard metric == .innerProduct else { return vectors }
        return vectors.map { v in
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return v.map { $0 / norm }
        }
    }

    func build(_ vectors: [[Float]], metric: Metric, threads: Int = 2, seed: UInt64 = 1) -> (HNSWIndex, ExactIndex) {
        let index = HNSWIndex(
            dimension: Self.dimension, metric: metric, configuration: .init(m: 12, efConstruction: 100, seed: seed))
        var exact = ExactIndex(dimension: Self.dimension, metric: metric)
        index.add(ids: vectors.indices.map { UInt64($0) }, vectors: vectors.flatMap { $0 }, threads: threads)
        for (i, v) in vectors.enumerated() { exact.add(id: UInt64(i), vector: v) }
        return (index, exact)
    }

    @Test("recall@10 against exact search on clustered data", arguments: Metric.allCases)
    func recallPerMetric(metric: Metric) {
        let vectors = prepared(
            clusteredVectors(count: 6_000, dimension: Self.dimension, clusters: 40, seed: 21), for: metric)
        let queries = prepared(
            clusteredVectors(count: 200, dimension: Self.dimension, clusters: 40, seed: 22), for: metric)
        let (index, exact) = build(vectors, metric: metric)
        #expect(index.count == 6_000)
        let found = queries.map { index.search($0, k: 10, ef: 64) }
        let truth = queries.map { exact.search($0, k: 10) }
        let r = recall(found, truth, k: 10)
        #expect(r >= 0.95, "recall@10 \(r) for \(metric)")
        let batch = index.search(batch: queries.flatMap { $0 }, k: 10, ef: 64, threads: 2)
        #expect(batch.map { $0.map(\.id) } == found.map { $0.map(\.id) })
        for (f, t) in zip(found, truth) where f.first?.id == t.first?.id {
            #expect(abs(f[0].distance - t[0].distance) < 1e-3)
        }
    }

    @Test("a candidate list as large as the index returns every node, exactly", arguments: [1, 2, 3])
    func fullCandidateListIsExact(seed: UInt64) {
        // m = 2 prunes hard: some nodes keep no incoming link, which a graph walk can never reach.
        let vectors = clusteredVectors(count: 60, dimension: Self.dimension, clusters: 6, seed: seed)
        let index = HNSWIndex(
            dimension: Self.dimension, metric: .squaredL2, configuration: .init(m: 2, efConstruction: 8, seed: seed))
        var exact = ExactIndex(dimension: Self.dimension, metric: .squaredL2)
        index.add(ids: vectors.indices.map { UInt64($0) }, vectors: vectors.flatMap { $0 }, threads: 2)
        for (i, v) in vectors.enumerated() { exact.add(id: UInt64(i), vector: v) }
        for query in vectors {
            let found = index.search(query, k: 100, ef: 100)
            #expect(found.count == 60)
            #expect(found.map(\.id) == exact.search(query, k: 100).map(\.id))
        }
    }

    @Test("a single-threaded build with a fixed seed is deterministic")
    func deterministic() {
        let vectors = clusteredVectors(count: 2_000, dimension: Self.dimension, clusters: 20, seed: 5)
        let queries = clusteredVectors(count: 50, dimension: Self.dimension, clusters: 20, seed: 6)
        let (a, _) = build(vectors, metric: .squaredL2, threads: 1, seed: 9)
        let (b, _) = build(vectors, metric: .squaredL2, threads: 1, seed: 9)
        for q in queries { #expect(a.search(q, k: 10, ef: 20) == b.search(q, k: 10, ef: 20)) }
    }

    @Test("removed ids are never returned and recall holds after many deletes")
    func deletes() {
        let vectors = clusteredVectors(count: 5_000, dimension: Self.dimension, clusters: 30, seed: 31)
        let queries = clusteredVectors(count: 150, dimension: Self.dimension, clusters: 30, seed: 32)
        var (index, exact) = build(vectors, metric: .cosine)
        var generator = SeededGenerator(seed: 3)
        let removed = Set((0..<5_000).map { UInt64($0) }.shuffled(using: &generator).prefix(2_500))
        for id in removed {
            #expect(index.remove(id: id))
            exact.remove(id: id)
        }
        #expect(!index.remove(id: removed.first!))
        #expect(index.count == 2_500)
        let found = queries.map { index.search($0, k: 10, ef: 64) }
        #expect(found.allSatisfy { $0.allSatisfy { !removed.contains($0.id) } })
        #expect(found.allSatisfy { $0.count == 10 })
        let r = recall(found, queries.map { exact.search($0, k: 10) }, k: 10)
        #expect(r >= 0.95, "recall@10 after deleting half: \(r)")
    }

    @Test("update moves a vector; the old position no longer answers for it")
    func update() {
        let vectors = clusteredVectors(count: 1_000, dimension: Self.dimension, clusters: 10, seed: 41)
        let (index, _) = build(vectors, metric: .squaredL2)
        let target = vectors[999]
        index.update(id: 0, vector: target)
        #expect(index.count == 1_000)
        let nearest = index.search(target, k: 2, ef: 50).map(\.id)
        #expect(Set(nearest) == [0, 999])
        #expect(index.vector(id: 0) == target)
        #expect(index.search(vectors[0], k: 1, ef: 50).first?.id != 0)
    }

    @Test("filtered search keeps recall at 50%, 10% and 1% selectivity", arguments: [2, 10, 100])
    func filters(modulus: Int) {
        let vectors = prepared(
            clusteredVectors(count: 8_000, dimension: Self.dimension, clusters: 40, seed: 51), for: .innerProduct)
        let queries = prepared(
            clusteredVectors(count: 100, dimension: Self.dimension, clusters: 40, seed: 52), for: .innerProduct)
        let (index, exact) = build(vectors, metric: .innerProduct)
        let allowed = Set((0..<8_000).filter { $0 % modulus == 0 }.map { UInt64($0) })
        let truth = queries.map { q in exact.search(q, k: 10, filter: { allowed.contains($0) }) }
        let bySet = queries.map { index.search($0, k: 10, ef: 64, filter: .allowedIDs(allowed)) }
        let m = UInt64(modulus)
        let byPredicate = queries.map { index.search($0, k: 10, ef: 64, filter: .predicate({ $0 % m == 0 })) }
        #expect(bySet.allSatisfy { $0.allSatisfy { allowed.contains($0.id) } })
        #expect(byPredicate.allSatisfy { $0.allSatisfy { allowed.contains($0.id) } })
        #expect(recall(bySet, truth, k: 10) >= 0.95, "allow-set recall at 1/\(modulus)")
        #expect(recall(byPredicate, truth, k: 10) >= 0.95, "predicate recall at 1/\(modulus)")
    }

    @Test("searches run while another thread inserts and removes")
    func concurrentSearchAndWrite() async {
        let vectors = clusteredVectors(count: 6_000, dimension: Self.dimension, clusters: 30, seed: 61)
        let index = HNSWIndex(
            dimension: Self.dimension, metric: .cosine, configuration: .init(m: 12, efConstruction: 60))
        index.add(ids: (0..<2_000).map { UInt64($0) }, vectors: vectors[0..<2_000].flatMap { $0 })
        await withTaskGroup(of: Int.self) { group in
            group.addTask {
                for i in 2_000..<6_000 {
                    index.add(id: UInt64(i), vector: vectors[i])
                    if i % 7 == 0 { index.remove(id: UInt64(i - 1_000)) }
                }
                return 0
            }
            for reader in 0..<3 {
                group.addTask {
                    var returned = 0
                    for i in stride(from: reader, to: 1_500, by: 3) {
                        let result = index.search(vectors[i], k: 5, ef: 32)
                        returned += result.count
                    }
                    return returned
                }
            }
            var total = 0
            for await n in group { total += n }
            #expect(total > 0)
        }
        let removed = (2_000..<6_000).filter { $0 % 7 == 0 }.count
        #expect(index.count == 6_000 - removed)
        // Ids i - 1000 were removed for every i divisible by 7.
        let isRemoved = { (id: Int) in id >= 1_000 && id < 5_000 && (id + 1_000) % 7 == 0 }
        var hits = 0
        let live = (3_000..<3_100).filter { !isRemoved($0) }.count
        for i in 3_000..<3_100 {
            let nearest = index.search(vectors[i], k: 1, ef: 64).first?.id
            if isRemoved(i) {
                #expect(nearest != UInt64(i))
            } else if nearest == UInt64(i) {
                hits += 1
            }
        }
        #expect(hits >= live - 2, "\(hits) of \(live) live vectors found themselves")
    }

    @Test("empty index, k above count, k of zero")
    func edgeCases() {
        let index = HNSWIndex(dimension: 3, metric: .squaredL2)
        #expect(index.search([0, 0, 0], k: 3).isEmpty)
        #expect(index.search(batch: [0, 0, 0, 1, 1, 1], k: 3) == [[], []])
        index.add(id: 5, vector: [1, 0, 0])
        index.add(id: 6, vector: [0, 1, 0])
        #expect(index.search([1, 0, 0], k: 10).map(\.id) == [5, 6])
        #expect(index.search([1, 0, 0], k: 0).isEmpty)
        #expect(index.remove(id: 5))
        #expect(index.search([1, 0, 0], k: 10).map(\.id) == [6])
        #expect(index.remove(id: 6))
        #expect(index.search([1, 0, 0], k: 10).isEmpty)
        #expect(index.count == 0)
    }
}

import TestSupport
import Testing

@testable import VectorIndex

@Suite("Exact search")
struct ExactIndexTests {
    /// Nearest ids by a plain double-precision scan: the reference the index must reproduce.
    private func naiveNearest(_ query: [Float], in vectors: [[Float]], metric: Metric, k: Int) -> [UInt64] {
        func unit(_ v: [Float]) -> [Double] {
            let norm = v.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            return v.map { Double($0) / norm }
        }
        let q = metric == .cosine ? unit(query) : query.map(Double.init)
        let scored = vectors.enumerated().map { index, vector -> (UInt64, Double) in
            let v = metric == .cosine ? unit(vector) : vector.map(Double.init)
            let distance: Double =
                switch metric {
                case .squaredL2: zip(q, v).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                case .cosine, .innerProduct: 1 - zip(q, v).reduce(0) { $0 + $1.0 * $1.1 }
                }
            return (UInt64(index) + 1000, distance)
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(k).map(\.0)
    }

    @Test("single and batch search return the exact neighbours", arguments: Metric.allCases)
    func exactNeighbours(metric: Metric) {
        let dimension = 37
        let vectors = randomVectors(count: 5_000, dimension: dimension, seed: 7)
        let queries = randomVectors(count: 40, dimension: dimension, seed: 8)
        var index = ExactIndex(dimension: dimension, metric: metric)
        for (i, vector) in vectors.enumerated() { index.add(id: UInt64(i) + 1000, vector: vector) }
        let batch = index.search(batch: queries.flatMap { $0 }, k: 10)
        for (q, query) in queries.enumerated() {
            let expected = naiveNearest(query, in: vectors, metric: metric, k: 10)
            #expect(index.search(query, k: 10).map(\.id) == expected)
            #expect(batch[q].map(\.id) == expected)
        }
    }

    @Test("batch (BLAS) and single (SIMD) distances agree, below and above the crossover", arguments: [2, 8])
    func batchDistancesMatchSingle(queryCount: Int) {
        let vectors = randomVectors(count: 300, dimension: 16, seed: 3)
        var index = ExactIndex(dimension: 16, metric: .squaredL2)
        for (i, vector) in vectors.enumerated() { index.add(id: UInt64(i), vector: vector) }
        let queries = randomVectors(count: queryCount, dimension: 16, seed: 4)
        let batch = index.search(batch: queries.flatMap { $0 }, k: 5)
        for (q, query) in queries.enumerated() {
            let single = index.search(query, k: 5)
            #expect(single.map(\.id) == batch[q].map(\.id))
            for (s, b) in zip(single, batch[q]) { #expect(abs(s.distance - b.distance) < 1e-4) }
        }
    }

    @Test("remove, replace and filters")
    func removeReplaceFilter() {
        var index = ExactIndex(dimension: 2, metric: .squaredL2)
        index.add(id: 1, vector: [0, 0])
        index.add(id: 2, vector: [1, 0])
        index.add(id: 3, vector: [5, 5])
        #expect(index.search([0.9, 0], k: 1).map(\.id) == [2])
        let removed = index.remove(id: 2)
        let removedTwice = index.remove(id: 2)
        #expect(removed)
        #expect(!removedTwice)
        #expect(index.count == 2)
        #expect(index.search([0.9, 0], k: 1).map(\.id) == [1])
        index.add(id: 3, vector: [1, 0])
        #expect(index.count == 2)
        #expect(index.search([0.9, 0], k: 1).map(\.id) == [3])
        #expect(index.search([0.9, 0], k: 5, filter: { $0 == 1 }).map(\.id) == [1])
    }

    @Test("empty index and k larger than the count")
    func edgeCases() {
        var index = ExactIndex(dimension: 3, metric: .cosine)
        #expect(index.search([1, 0, 0], k: 5).isEmpty)
        #expect(index.search(batch: [1, 0, 0, 0, 1, 0], k: 5) == [[], []])
        index.add(id: 9, vector: [0, 2, 0])
        index.add(id: 8, vector: [2, 0, 0])
        let results = index.search([1, 0, 0], k: 10)
        #expect(results.map(\.id) == [8, 9])
        #expect(abs(results[0].distance) < 1e-6)
        #expect(abs(results[0].similarity - 1) < 1e-6)
        #expect(index.search([1, 0, 0], k: 0).isEmpty)
    }
}

@Suite("TopK")
struct TopKTests {
    @Test("equally distant neighbours at the cut: the smaller ids stay, whatever the order they came in")
    func tiesAtTheCut() {
        let ids: [UInt64] = [9, 3, 7, 1, 5, 2, 8]
        var orders = [ids, ids.reversed(), ids.sorted(), ids.sorted().reversed()]
        orders.append([5, 1, 9, 2, 8, 3, 7])
        for order in orders {
            var top = TopK(k: 3)
            for id in order { top.insert(id: id, distance: 1) }
            #expect(top.sorted().map(\.id) == [1, 2, 3], "\(order)")
        }
    }
}

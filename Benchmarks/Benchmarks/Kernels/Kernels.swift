import Benchmark
import VectorIndex

/// Distance kernels and exact search on 384-dimensional vectors (the MiniLM embedding size).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(2))

    let dimension = 384
    var generator = SystemRandomNumberGenerator()
    let rows = 10_000
    let vectors = (0..<rows).map { _ in (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) } }
    let query = vectors[0]

    Benchmark("exact search, 1 query over 10k×384 (SIMD kernels)", configuration: .init(scalingFactor: .one)) {
        benchmark in
        var index = ExactIndex(dimension: dimension, metric: .innerProduct)
        for (i, v) in vectors.enumerated() { index.add(id: UInt64(i), vector: v) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(index.search(query, k: 10)) }
    }

    Benchmark("HNSW search, 1 query over 10k×384, ef 64", configuration: .init(scalingFactor: .kilo)) {
        benchmark in
        let index = HNSWIndex(dimension: dimension, metric: .innerProduct)
        index.add(ids: (0..<rows).map { UInt64($0) }, vectors: vectors.flatMap { $0 })
        let queries = vectors.prefix(1000).map { $0 }
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations { blackHole(index.search(queries[i % queries.count], k: 10, ef: 64)) }
    }

    Benchmark("exact search, 256 queries over 10k×384 (BLAS sgemm)", configuration: .init(scalingFactor: .one)) {
        benchmark in
        var index = ExactIndex(dimension: dimension, metric: .innerProduct)
        for (i, v) in vectors.enumerated() { index.add(id: UInt64(i), vector: v) }
        let batch = vectors.prefix(256).flatMap { $0 }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(index.search(batch: batch, k: 10)) }
    }
}

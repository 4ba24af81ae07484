// swift-tools-version: 6.1
// Benchmarks live in their own package so that building and testing the library does not pay for them.
import PackageDescription

let package = Package(
    name: "MatchEngineBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "MatchEngine", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The small argument reader the benchmark executables share.
        .target(name: "BenchmarkSupport"),
        // The Swift side of ../shared/bench/ann_bench.py: same datasets, sweep and JSON lines.
        .executableTarget(
            name: "ann-bench",
            dependencies: [.product(name: "VectorIndex", package: "MatchEngine")]
        ),
        // The Swift side of ../shared/bench/embed_bench.py: same workloads and JSON lines.
        .executableTarget(
            name: "embed-bench",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "MatchEngine", package: "MatchEngine"),
                .product(name: "VectorIndex", package: "MatchEngine"),
            ]
        ),
        // The engine against its targets: ingest, re-scoring, rank latency and open time.
        .executableTarget(
            name: "engine-bench",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "MatchEngine", package: "MatchEngine"),
                .product(name: "ResumeParser", package: "MatchEngine"),
            ]
        ),
        // `match-tool score` end to end (the built binary) against MiniLM alone on the same chunks.
        .executableTarget(
            name: "score-bench",
            dependencies: ["BenchmarkSupport", .product(name: "MatchEngine", package: "MatchEngine")]
        ),
        // Scoring cost per resume–job pair on parsed profiles, standard against classic in one run.
        .executableTarget(
            name: "scorer-bench",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "MatchEngine", package: "MatchEngine"),
                .product(name: "ResumeParser", package: "MatchEngine"),
            ]
        ),
        // Resume parsing throughput per format, single core.
        .executableTarget(
            name: "parse-bench",
            dependencies: ["BenchmarkSupport", .product(name: "ResumeParser", package: "MatchEngine")]
        ),
        // Micro-benchmarks with ordo-one/benchmark: `swift package benchmark`.
        .executableTarget(
            name: "Kernels",
            dependencies: [
                .product(name: "VectorIndex", package: "MatchEngine"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Kernels",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

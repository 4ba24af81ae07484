// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "MatchEngine",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "VectorIndex", targets: ["VectorIndex"]),
        .library(name: "ResumeParser", targets: ["ResumeParser"]),
        .library(name: "MatchEngine", targets: ["MatchEngine"]),
        .executable(name: "match-tool", targets: ["match-tool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // System OpenBLAS through <cblas.h>.
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // System zlib, for the DOCX reader's raw inflate and CRC-32.
        .systemLibrary(
            name: "CInflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Hot numeric loops in C, dispatched at run time to the widest vector unit the CPU has.
        .target(name: "CKernels"),
        // A C API over poppler-cpp; C++ never crosses into Swift.
        .target(
            name: "CPoppler",
            linkerSettings: [.linkedLibrary("poppler-cpp")]
        ),
        // An FTS5 auxiliary function (phrase hits per row) on the system SQLite that GRDB links.
        .target(
            name: "CFullText",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        // The one parallel loop (and parallel map) that indexing, embedding and the CLI share.
        .target(name: "ParallelWork"),
        .target(
            name: "VectorIndex",
            dependencies: ["CBLAS", "CKernels", "ParallelWork"]
        ),
        .target(
            name: "ResumeParser",
            dependencies: ["CPoppler", "CInflate"],
            resources: [.copy("Skills/Resources/skills-taxonomy.json")]
        ),
        // Scores the parser against ground truth: development tooling for `match-tool eval-parse` and the
        // tests, not part of any library product.
        .target(name: "ParserEvaluation", dependencies: ["ResumeParser"]),
        // Scores retrieval against the questions in Fixtures/retrieval: development tooling for
        // `match-tool eval-rag` and the tests, not part of any library product.
        .target(name: "RetrievalEvaluation", dependencies: ["MatchEngine"]),
        // Scores ranking against the graded pairs in Fixtures/relevance: development tooling for
        // `match-tool eval-rank` and the tests, not part of any library product.
        .target(name: "RankingEvaluation", dependencies: ["MatchEngine", "ResumeParser"]),
        .target(
            name: "MatchEngine",
            dependencies: [
                "VectorIndex", "ResumeParser", "ParallelWork", "CBLAS", "CKernels", "CFullText",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "match-tool",
            dependencies: [
                "MatchEngine", "ResumeParser", "ParserEvaluation", "RetrievalEvaluation", "RankingEvaluation",
                "VectorIndex",
                "ParallelWork",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fixture paths, seeded random data and a runner for the built binary, shared by the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Each test target's FuzzRegressions/ holds inputs its fuzz regression tests read from disk.
        .testTarget(
            name: "VectorIndexTests", dependencies: ["VectorIndex", "CBLAS", "TestSupport"],
            exclude: ["FuzzRegressions"]),
        .testTarget(
            name: "ResumeParserTests",
            dependencies: [
                "ResumeParser", "ParserEvaluation", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["FuzzRegressions"]
        ),
        .testTarget(
            name: "MatchEngineTests",
            dependencies: [
                "MatchEngine", "ResumeParser", "ParserEvaluation", "RetrievalEvaluation", "RankingEvaluation",
                "VectorIndex", "ParallelWork",
                "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["FuzzRegressions"]),
        .testTarget(name: "MatchToolTests", dependencies: ["match-tool", "ParserEvaluation", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

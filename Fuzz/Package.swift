// swift-tools-version: 6.1
// libFuzzer targets in their own package, so the library's products and its build never carry fuzzing code.
// Build and run them with `scripts/fuzz.sh` (it passes `-sanitize=fuzzer,address`); see RELIABILITY.md.
import PackageDescription

/// One executable per fuzz target (the untrusted-input entry points of the library), with the products it needs.
let targets: [(name: String, products: [String])] = [
    ("fuzz-pdf", ["ResumeParser"]), ("fuzz-docx", ["ResumeParser"]), ("fuzz-html", ["ResumeParser"]),
    ("fuzz-text-decoding", ["ResumeParser"]), ("fuzz-dates", ["ResumeParser"]), ("fuzz-resume-text", ["ResumeParser"]),
    ("fuzz-index-file", ["VectorIndex"]), ("fuzz-safetensors", ["MatchEngine"]),
]

let package = Package(
    name: "MatchEngineFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "MatchEngine", path: "..")],
    targets: [
        // Declares libFuzzer's `LLVMFuzzerRunDriver`, which each target's main calls.
        .target(name: "FuzzDriver"),
        // The driver call, a scratch folder for loaders that read files, and index-file checksums.
        .target(name: "FuzzSupport", dependencies: ["FuzzDriver"]),
        // Writes the seed index and safetensors files the file-loader targets start from.
        .executableTarget(
            name: "fuzz-seeds",
            dependencies: [.product(name: "VectorIndex", package: "MatchEngine")]
        ),
    ]
        + targets.map { target in
            .executableTarget(
                name: target.name,
                dependencies: ["FuzzSupport"] + target.products.map { .product(name: $0, package: "MatchEngine") }
            )
        },
    swiftLanguageModes: [.v6]
)

import Foundation
import VectorIndex

// Writes the seed files of the two file-loader targets into the folders given on the command line:
// `fuzz-seeds INDEX_DIR SAFETENSORS_DIR`. Small on purpose (libFuzzer mutates small inputs faster).

/// Small indexes that cover the loader's cases: every metric, upper levels, tombstones, free slots, empty.
func writeIndexSeeds(to folder: URL) throws {
    var random = SystemRandomNumberGenerator()
    func vectors(_ count: Int, _ dimension: Int) -> [Float] {
        (0..<count * dimension).map { _ in Float.random(in: -1...1, using: &random) }
    }
    let cases: [(name: String, dimension: Int, metric: Metric, count: Int, removed: Int, compact: Bool)] = [
        ("cosine-4d-24", 4, .cosine, 24, 0, false),
        ("l2-3d-40-tombstones", 3, .squaredL2, 40, 6, false),
        ("ip-8d-12", 8, .innerProduct, 12, 0, false),
        ("cosine-2d-30-free-slots", 2, .cosine, 30, 10, true),
        ("l2-5d-empty", 5, .squaredL2, 0, 0, false),
        ("cosine-16d-1", 16, .cosine, 1, 0, false),
    ]
    for seed in cases {
        let index = HNSWIndex(
            dimension: seed.dimension, metric: seed.metric,
            configuration: .init(m: 4, efConstruction: 16, efSearch: 8, seed: 7), capacity: 8)
        if seed.count > 0 {
            index.add(ids: (0..<UInt64(seed.count)).map { $0 * 3 + 1 }, vectors: vectors(seed.count, seed.dimension))
        }
        for id in (0..<UInt64(seed.removed)).map({ $0 * 3 + 1 }) { index.remove(id: id) }
        if seed.compact {
            index.compact()
            index.add(ids: [1000], vectors: vectors(1, seed.dimension))
        }
        try index.write(to: folder.appendingPathComponent("\(seed.name).hnsw"))
    }
}

/// Safetensors headers the loader must take apart: one float tensor, the metadata entry, the names and
/// shapes of MiniLM's first tensors with too little data, a wrong dtype, offsets past the end, not JSON.
func writeSafetensorsSeeds(to folder: URL) throws {
    func file(_ header: String, data: Int) -> Data {
        var bytes = Data()
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header.utf8)
        bytes.append(Data(repeating: 0x3F, count: data))
        return bytes
    }
    let seeds: [(String, String, Int)] = [
        ("one-tensor", #"{"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}"#, 16),
        (
            "metadata",
            #"{"__metadata__":{"format":"pt"},"embeddings.LayerNorm.weight":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#,
            16
        ),
        (
            "minilm-names",
            #"{"embeddings.word_embeddings.weight":{"dtype":"F32","shape":[30522,384],"data_offsets":[0,64]},"#
                + #""embeddings.position_embeddings.weight":{"dtype":"F32","shape":[512,384],"data_offsets":[64,128]}}"#,
            128
        ),
        (
            "wrong-dtype", #"{"embeddings.word_embeddings.weight":{"dtype":"F16","shape":[8],"data_offsets":[0,16]}}"#,
            16
        ),
        ("offsets-past-end", #"{"x":{"dtype":"F32","shape":[1000],"data_offsets":[0,4000]}}"#, 8),
        ("not-json", "[1, 2, 3", 0),
    ]
    for (name, header, data) in seeds {
        try file(header, data: data).write(to: folder.appendingPathComponent("\(name).safetensors"))
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: fuzz-seeds INDEX_DIR SAFETENSORS_DIR\n".utf8))
    exit(2)
}
let indexFolder = URL(fileURLWithPath: arguments[1])
let safetensorsFolder = URL(fileURLWithPath: arguments[2])
do {
    for folder in [indexFolder, safetensorsFolder] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    try writeIndexSeeds(to: indexFolder)
    try writeSafetensorsSeeds(to: safetensorsFolder)
} catch {
    FileHandle.standardError.write(Data("fuzz-seeds: \(error)\n".utf8))
    exit(1)
}

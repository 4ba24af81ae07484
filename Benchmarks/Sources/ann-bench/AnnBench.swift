import Foundation
import VectorIndex

/// `ann-bench DATASET_DIR [--threads N] [--ef 10,16,...] [--out FILE] [--repeats 3] [--no-exact] [--exact-only]`
///
/// The Swift side of `../shared/bench/ann_bench.py`: builds an `HNSWIndex` (M=16, efConstruction=200)
/// on a dataset written by `make_data.py`, sweeps ef, and writes the same JSON lines (library
/// "matchengine"), so that `ann_bench.py --summary --in theirs.jsonl ours.jsonl` compares them.
/// `qps_single` is an in-process loop of one query per call; `qps_batch` is `search(batch:)` on
/// `--threads` threads. Each timing is the best of `--repeats` runs after one warm-up run.
@main
struct AnnBench {
    static let efSweep = [10, 16, 24, 32, 48, 64, 96, 128, 192, 256, 512]
    static let m = 16
    static let efConstruction = 200
    static let k = 10

    struct Options {
        var dataset = ""
        var threads = 1
        var efs = efSweep
        var out: String?
        var repeats = 3
        var exact = true
        /// Measure exact search only (no HNSW build).
        var exactOnly = false
        /// Load the index from this file instead of building it (for profiling searches).
        var load: String?
        /// Only measure where BLAS batches overtake one-query-at-a-time SIMD scans in exact search.
        var crossover = false
        /// Also write the built index here.
        var keep: String?
        var seed: UInt64?
    }

    static func main() throws {
        let options = try parse(Array(CommandLine.arguments.dropFirst()))
        let dir = URL(fileURLWithPath: options.dataset)
        let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("meta.json")))
        guard let meta = meta as? [String: Any], let name = meta["name"] as? String,
            let metricName = meta["metric"] as? String
        else { throw BenchmarkError("meta.json lacks name/metric") }
        let base = try VectorFiles.read(dir.appendingPathComponent("base.fvecs").path, as: Float.self)
        let query = try VectorFiles.read(dir.appendingPathComponent("query.fvecs").path, as: Float.self)
        let truth = try VectorFiles.read(dir.appendingPathComponent("groundtruth.ivecs").path, as: Int32.self)
        let metric: Metric = metricName == "ip" ? .innerProduct : .squaredL2
        let output = try JSONLines(path: options.out)
        let environment = ProcessInfo.processInfo.environment
        output.emit([
            "record": "env", "dataset": name, "threads": options.threads, "library": "matchengine",
            "cpus": ProcessInfo.processInfo.activeProcessorCount, "simd": HNSWIndex.instructionSet,
            "env": Dictionary(uniqueKeysWithValues: ["OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"].map {
                ($0, environment[$0] ?? "null")
            }),
            "time": ISO8601DateFormatter().string(from: Date()),
        ])
        let common: [String: Any] = [
            "dataset": name, "metric": metricName, "threads": options.threads, "k": k, "n_base": base.rows,
            "n_query": query.rows, "dim": base.columns,
        ]
        func recall(_ found: [[Neighbor]]) -> Double {
            var hits = 0
            for (q, neighbours) in found.enumerated() {
                let expected = Set(truth.row(q).prefix(k).map { UInt64($0) })
                hits += neighbours.prefix(k).filter { expected.contains($0.id) }.count
            }
            return Double(hits) / Double(k * found.count)
        }

        if options.crossover {
            measureCrossover(base: base, query: query, metric: metric, repeats: options.repeats)
            return
        }

        if !options.exactOnly {
            // HNSW build (or load), save/load round trip, and sweep.
            let rss0 = residentBytes()
            var index = HNSWIndex(
                dimension: base.columns, metric: metric,
                configuration: .init(m: m, efConstruction: efConstruction, seed: options.seed ?? HNSWIndex.Configuration().seed),
                capacity: base.rows)
            var buildSeconds = 0.0
            if let load = options.load {
                index = try HNSWIndex(contentsOf: URL(fileURLWithPath: load))
            } else {
                buildSeconds = time {
                    index.add(ids: (0..<base.rows).map { UInt64($0) }, vectors: base.values, threads: options.threads)
                }
            }
            let rssDelta = residentBytes() - rss0
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("ann-bench-\(UUID()).hnsw")
            defer { try? FileManager.default.removeItem(at: file) }
            let saveSeconds = try time { try index.write(to: file) }
            var loaded: HNSWIndex?
            let loadSeconds = try time { loaded = try HNSWIndex(contentsOf: file) }
            withExtendedLifetime(loaded) {}
            loaded = nil
            let indexBytes = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
            log("matchengine: build \(format(buildSeconds))s, file \(format(Double(indexBytes) / 1_048_576, 1)) MiB (save \(format(saveSeconds, 3))s, load \(format(loadSeconds, 3))s), memory \(index.memoryBytes >> 20) MiB, RSS +\(rssDelta >> 20) MiB")
            if let keep = options.keep { try index.write(to: URL(fileURLWithPath: keep)) }
            for ef in options.efs {
                var found: [[Neighbor]] = []
                let batchSeconds = best(of: options.repeats) {
                    found = index.search(batch: query.values, k: k, ef: ef, threads: options.threads)
                }
                let rows = (0..<query.rows).map { Array(query.row($0)) }
                let singleSeconds = best(of: max(1, options.repeats - 1)) {
                    for row in rows { blackHole(index.search(row, k: k, ef: ef)) }
                }
                let r = recall(found)
                output.emit(
                    common.merging([
                        "record": "ann", "library": "matchengine", "M": m, "efC": efConstruction, "ef": ef,
                        "recall_at_10": rounded(r, 5), "qps_single": rounded(Double(query.rows) / singleSeconds, 1),
                        "qps_batch": rounded(Double(query.rows) / batchSeconds, 1), "build_s": rounded(buildSeconds, 3),
                        "index_bytes": indexBytes, "rss_delta_bytes": rssDelta, "memory_bytes": index.memoryBytes,
                        "save_s": rounded(saveSeconds, 3), "load_s": rounded(loadSeconds, 3),
                    ]) { $1 })
                log("  matchengine ef=\(ef) R@10=\(format(r, 4))  qps_single=\(format(Double(query.rows) / singleSeconds, 1))  qps_batch=\(format(Double(query.rows) / batchSeconds, 1))")
            }
        }

        // Exact search: all queries in one batch (BLAS) and 200 one at a time (SIMD scan).
        guard options.exact else { return }
        BLASThreads.set(options.threads)
        var exact = ExactIndex(dimension: base.columns, metric: metric)
        let exactBuild = time {
            for row in 0..<base.rows { exact.add(id: UInt64(row), vector: Array(base.row(row))) }
        }
        var found: [[Neighbor]] = []
        let batchSeconds = best(of: options.repeats) { found = exact.search(batch: query.values, k: k) }
        let singles = (0..<min(200, query.rows)).map { Array(query.row($0)) }
        let singleSeconds = best(of: 1) { for row in singles { blackHole(exact.search(row, k: k)) } }
        output.emit(
            common.merging([
                "record": "exact", "library": "matchengine-exact", "recall_at_10": rounded(recall(found), 5),
                "qps_batch": rounded(Double(query.rows) / batchSeconds, 1),
                "qps_single": rounded(Double(singles.count) / singleSeconds, 1), "build_s": rounded(exactBuild, 4),
                "index_bytes": base.values.count * 4,
            ]) { $1 })
        log("  matchengine-exact R@10=\(format(recall(found), 4))  qps_batch=\(format(Double(query.rows) / batchSeconds, 1))  qps_single=\(format(Double(singles.count) / singleSeconds, 1))")
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            func value() throws -> String {
                guard let v = iterator.next() else { throw BenchmarkError("\(argument) needs a value") }
                return v
            }
            switch argument {
            case "--threads": options.threads = Int(try value()) ?? 1
            case "--ef": options.efs = try value().split(separator: ",").compactMap { Int($0) }
            case "--out": options.out = try value()
            case "--repeats": options.repeats = Int(try value()) ?? 3
            case "--no-exact": options.exact = false
            case "--exact-only": options.exactOnly = true
            case "--load": options.load = try value()
            case "--keep": options.keep = try value()
            case "--crossover": options.crossover = true
            case "--seed": options.seed = UInt64(try value())
            case "-h", "--help":
                print(
                    "usage: ann-bench DATASET_DIR [--threads N] [--ef 10,16,...] [--out FILE] [--repeats 3] [--no-exact]"
                        + " [--keep INDEX_FILE] [--load INDEX_FILE]")
                exit(0)
            default:
                guard !argument.hasPrefix("-"), options.dataset.isEmpty else {
                    throw BenchmarkError("unexpected argument \(argument)")
                }
                options.dataset = argument
            }
        }
        guard !options.dataset.isEmpty else { throw BenchmarkError("usage: ann-bench DATASET_DIR [options]") }
        return options
    }
}

extension AnnBench {
    /// Microseconds per query for exact search at growing batch sizes, answered either one query at a
    /// time (SIMD scan) or as one batch (BLAS sgemm), single-threaded.
    static func measureCrossover(
        base: VectorFiles.Matrix<Float>, query: VectorFiles.Matrix<Float>, metric: Metric, repeats: Int
    ) {
        BLASThreads.set(1)
        var exact = ExactIndex(dimension: base.columns, metric: metric)
        for row in 0..<base.rows { exact.add(id: UInt64(row), vector: Array(base.row(row))) }
        for size in [1, 2, 4, 8, 16, 32, 64, 128] {
            let rows = (0..<size).map { Array(query.row($0)) }
            let flat = rows.flatMap { $0 }
            let single = best(of: repeats) { for row in rows { blackHole(exact.search(row, k: k)) } }
            let batch = best(of: repeats) { blackHole(exact.search(batch: flat, k: k)) }
            log("batch \(size): one at a time \(format(single / Double(size) * 1e6, 0)) µs/query, "
                + "sgemm \(format(batch / Double(size) * 1e6, 0)) µs/query")
        }
    }
}

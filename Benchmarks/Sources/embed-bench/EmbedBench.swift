import BenchmarkSupport
import Foundation
import MatchEngine
import VectorIndex

/// `embed-bench WORKLOAD_DIR [--threads 1,2] [--repeats 2] [--out FILE]`
///
/// The Swift side of `../shared/bench/embed_bench.py`: embeds the workloads it dumps
/// (`embed_bench.py --dump-workloads DIR` → `short-1000.txt`, `passage-200.txt`) with `MiniLMEmbedder`
/// in batches of 32 and writes the same JSON lines (engine "matchengine-minilm"), so
/// `embed_bench.py --summary anchors.jsonl ours.jsonl` compares them. `items_per_s` is end to end
/// (tokenize + model + pooling); `items_per_s_model` is the model alone on pre-tokenized input.
/// Threads are OpenBLAS threads. Each timing is the best of `--repeats` after one warm-up.
@main
struct EmbedBench {
    static func main() throws {
        var options = CommandLineOptions()
        let threads = (options.value("--threads") ?? "1,2").split(separator: ",").compactMap { Int($0) }
        let repeats = Int(options.value("--repeats") ?? "2") ?? 2
        let out = options.value("--out")
        guard let directory = options.remaining.first else {
            print("usage: embed-bench WORKLOAD_DIR [--threads 1,2] [--repeats 2] [--out FILE]")
            exit(64)
        }
        let baseline = residentBytes()
        var embedders: [Int: MiniLMEmbedder] = [:]
        for count in threads { embedders[count] = try MiniLMEmbedder(batchSize: 32, threads: count) }
        let modelBytes = (residentBytes() - baseline) / max(1, threads.count)
        log("model loaded: RSS +\(modelBytes >> 20) MiB each")
        var lines: [String] = []
        for workload in ["short-1000", "passage-200"] {
            let path = URL(fileURLWithPath: directory).appendingPathComponent("\(workload).txt")
            let texts = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
            let tokens = texts.map(embedders[threads[0]]!.tokenIDs)
            let tokenCount = tokens.reduce(0) { $0 + $1.count }
            for count in threads {
                let embedder = embedders[count]!
                BLASThreads.set(1)
                let endToEnd = best(of: repeats) { _ = embedder.embedSynchronously(texts) }
                // Token ids come from the tokenizer, so they are valid and nothing is thrown.
                let modelOnly = best(of: repeats) { _ = try? embedder.embed(tokens: tokens) }
                let record: [String: Any] = [
                    "record": "embed", "engine": "matchengine-minilm", "workload": workload, "n_items": texts.count,
                    "batch_size": 32, "threads": count, "items_per_s": round2(Double(texts.count) / endToEnd),
                    "items_per_s_model": round2(Double(texts.count) / modelOnly),
                    "tokens_per_s": round2(Double(tokenCount) / endToEnd),
                    "mean_tokens": round2(Double(tokenCount) / Double(texts.count)), "seconds": round2(endToEnd),
                    "model_rss_bytes": modelBytes, "peak_rss_bytes": peakResidentBytes(),
                ]
                let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
                lines.append(String(decoding: data, as: UTF8.self))
                log("\(workload) threads=\(count): \(round2(Double(texts.count) / endToEnd)) items/s end to end, "
                    + "\(round2(Double(texts.count) / modelOnly)) model only")
            }
        }
        let output = lines.joined(separator: "\n") + "\n"
        if let out {
            let url = URL(fileURLWithPath: out)
            if let handle = try? FileHandle(forWritingTo: url) {
                handle.seekToEndOfFile()
                handle.write(Data(output.utf8))
                try handle.close()
            } else {
                try output.write(to: url, atomically: true, encoding: .utf8)
            }
        } else {
            print(output, terminator: "")
        }
    }
}

func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }

func best(of repeats: Int, _ body: () -> Void) -> Double {
    body()
    var fastest = Double.infinity
    for _ in 0..<max(1, repeats) {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return fastest
}

func residentBytes() -> Int { statusField("VmRSS:") }

func peakResidentBytes() -> Int { statusField("VmHWM:") }

/// A `kB` field of /proc/self/status, in bytes.
func statusField(_ name: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(name) {
        let digits = line.split(separator: " ").compactMap { Int($0) }
        return (digits.first ?? 0) * 1024
    }
    return 0
}

func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

import BenchmarkSupport
import Foundation
import MatchEngine
import ResumeParser

/// `engine-bench FIXTURES_DIR [--files 1000] [--candidates 100000] [--queries 200] [--rounds 3] [--skip-large] [--out FILE]`
/// `engine-bench FIXTURES_DIR --only-retrieve [--chunks 100000] [--queries 200] [--out FILE]`
/// `engine-bench FIXTURES_DIR --pool-recall 100,250,500,1000 --large-dir DIR [--out FILE]`
///
/// Measures the engine against the targets, each in one run:
/// 1. ingest of `--files` distinct resume files (the fixture resumes copied round-robin, each copy with a
///    unique trailer line or comment and its own candidate id) with the hashing provider (resumes/s), and
///    with MiniLM, against MiniLM alone embedding exactly the chunks that ingest embedded (the ratio: the
///    median of `--rounds` paired rounds);
/// 2. re-scoring the stored resumes against a new job (add the job, then rank them all);
/// 3. with `--candidates` synthetic resumes ingested (hashing provider), `rank(job:)` latency p50/p99
///    over `--queries` jobs, and the time to open the engine on that directory (index + candidates).
/// 4. with `--only-retrieve`, only `retrieve` latency over about `--chunks` chunks (see `RetrieveBench`);
/// 5. with `--pool-recall`, only the ranking pool against exhaustive rescoring (see `PoolRecall`).
/// Prints a summary and writes JSON lines (`--out`).
@main
struct EngineBench {
    static func main() async throws {
        var options = CommandLineOptions()
        let usage = """
            usage: engine-bench FIXTURES_DIR [--files 1000] [--candidates 100000] [--queries 200] [--rounds 3] [--skip-large]
                   [--only-large] [--large-dir DIR] [--pool-size N] [--out FILE]
                   engine-bench FIXTURES_DIR --only-retrieve [--chunks 100000] [--queries 200] [--out FILE]
                   engine-bench FIXTURES_DIR --pool-recall 100,250,500,1000 --large-dir DIR [--out FILE]
            """
        options.exitIfHelpAsked(usage: usage)
        let files = Int(options.value("--files") ?? "1000") ?? 1_000
        let candidates = Int(options.value("--candidates") ?? "100000") ?? 100_000
        let queries = Int(options.value("--queries") ?? "200") ?? 200
        let rounds = max(1, Int(options.value("--rounds") ?? "3") ?? 3)
        let out = options.value("--out")
        let skipLarge = options.flag("--skip-large")
        let onlyLarge = options.flag("--only-large")
        // Keeps (or reuses) the large engine directory, so open and rank can be measured again without
        // ingesting the candidates anew.
        let largeDirectory = options.value("--large-dir").map { URL(fileURLWithPath: $0) }
        let chunks = Int(options.value("--chunks") ?? "100000") ?? 100_000
        let onlyRetrieve = options.flag("--only-retrieve")
        let poolSize = options.value("--pool-size").flatMap { Int($0) }
        let poolSizes = options.value("--pool-recall").map { $0.split(separator: ",").compactMap { Int($0) } }
        let fixtures = CommandLineOptions.directory(options.remaining.first, usage: usage)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("engine-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var records: [[String: Any]] = [["record": "env", "cpu_isa": HNSWInstructionSet.name, "cores": ProcessInfo.processInfo.activeProcessorCount]]

        // 4. Retrieval latency (alone with --only-retrieve); 5. the ranking pool against exhaustive rescoring.
        if onlyRetrieve || poolSizes != nil {
            if let poolSizes, let largeDirectory {
                records += try await PoolRecall.run(directory: largeDirectory, sizes: poolSizes)
            } else {
                records += try await RetrieveBench.run(chunks: chunks, queries: queries, work: work)
            }
            let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
            if let out { try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8) }
            print(lines.joined(separator: "\n"))
            return
        }

        // 1. Ingest of distinct files.
        if !onlyLarge {
        let sources = try FixtureCopies.replicate(
            fixtures.appendingPathComponent("resumes"), count: files, into: work.appendingPathComponent("files")
        ).enumerated().map { IngestSource.file($1, candidateID: "bench-\($0)") }
        let hashing = try await timedIngest(sources, provider: HashingEmbedder(), directory: work.appendingPathComponent("hashing"))
        log("ingest, hashing: \(files) files in \(fmt(hashing.seconds)) s = \(fmt(Double(files) / hashing.seconds)) resumes/s")
        records.append(["record": "ingest", "provider": "hashing", "files": files, "seconds": hashing.seconds,
                        "resumes_per_s": Double(files) / hashing.seconds, "stored": hashing.status.stored])

        let minilm = try MiniLMEmbedder()
        let engineDirectory = work.appendingPathComponent("minilm")
        // The fixtures replicated (as the target is stated), and as many synthetic resumes whose every
        // chunk is distinct (copies of a fixture share most chunks, which the cache embeds once).
        let synthetic = (0..<files).map { SyntheticResumes(seed: 11).source($0) }
        // Ingest and MiniLM alone alternate for `--rounds` rounds, each ratio from its own pair: on a shared
        // machine the speed drifts between minutes, so the median of paired ratios is the figure to quote.
        for (name, set) in [("fixtures", sources), ("synthetic", synthetic)] {
            let (batches, distinct, chunkCount) = try chunkBatches(set)
            var ratios: [Double] = []
            for round in 0..<rounds {
                let base = name == "fixtures" ? engineDirectory : work.appendingPathComponent("minilm-\(name)")
                let directory = round == 0 ? base : base.appendingPathExtension("round\(round)")
                let ingested = try await timedIngest(set, provider: minilm, directory: directory)
                let embedSeconds = try await embedAlone(batches)
                let ratio = ingested.seconds / embedSeconds
                ratios.append(ratio)
                log("ingest \(name), round \(round + 1), MiniLM: \(fmt(ingested.seconds)) s; MiniLM alone on the same \(distinct) distinct chunks (of \(chunkCount)): \(fmt(embedSeconds)) s; ratio ×\(fmt(ratio))")
                records.append(["record": "ingest", "provider": "minilm", "set": name, "files": files, "round": round + 1,
                                "seconds": ingested.seconds, "embed_only_seconds": embedSeconds, "chunks": chunkCount,
                                "distinct_chunks": distinct, "ratio": ratio])
            }
            let median = ratios.sorted()[ratios.count / 2]
            log("ingest \(name), MiniLM ÷ MiniLM alone, median of \(rounds) paired rounds: ×\(fmt(median)) (\(ratios.map { fmt($0) }.joined(separator: ", ")))")
            records.append(["record": "ingest_ratio", "set": name, "rounds": rounds, "median_ratio": median])
        }

        // 2. Re-scoring the stored resumes against a new job.
        do {
            let engine = try Engine(directory: engineDirectory, configuration: EngineConfiguration(provider: minilm))
            defer { engine.close() }
            let jobs = try FileManager.default.contentsOfDirectory(at: fixtures.appendingPathComponent("jobs"), includingPropertiesForKeys: nil)
                .sorted { $0.path < $1.path }
            var times: [Double] = []
            for job in jobs {
                let start = ContinuousClock.now
                let added = try await engine.addJob(.file(job), namespace: "bench")
                let ranked = try await engine.rank(job: added.id, namespace: "bench", limit: 100_000)
                times.append(seconds(since: start))
                precondition(ranked.count == files, "ranked \(ranked.count) of \(files)")
            }
            times.sort()
            log("re-score \(files) stored resumes against a new job (add job + rank all): median \(fmt(times[times.count / 2] * 1_000)) ms, worst \(fmt(times.last! * 1_000)) ms over \(times.count) jobs")
            records.append(["record": "rescore", "resumes": files, "median_s": times[times.count / 2], "max_s": times.last!])
        }

        }

        // 3. Ranking latency and open time over many candidates.
        if !skipLarge {
            let directory = largeDirectory ?? work.appendingPathComponent("large")
            let reuse = FileManager.default.fileExists(atPath: directory.appendingPathComponent("engine.sqlite").path)
            let generator = SyntheticResumes(seed: 7)
            var jobIDs: [JobID] = []
            var stored = candidates
            if !reuse {
            let engine = try Engine(directory: directory, configuration: configuration(HashingEmbedder(), batch: 256))
            let start = ContinuousClock.now
            let job = try engine.ingest((0..<candidates).map { generator.source($0) }, namespace: "bench")
            var lastReport = ContinuousClock.now
            for await event in job.events {
                if case .progress(let status, let rate, _) = event, seconds(since: lastReport) > 15 {
                    log("  \(status.seen)/\(status.total) at \(fmt(rate))/s")
                    lastReport = .now
                }
            }
            let status = await job.result()
            log("ingested \(status.stored) synthetic resumes in \(fmt(seconds(since: start))) s")
            stored = status.stored
            for q in 0..<20 {
                jobIDs.append(try await engine.addJob(requirements: generator.job(q), description: generator.jobText(q), namespace: "bench").id)
            }
            engine.close()
            }

            let openStart = ContinuousClock.now
            var rankConfiguration = configuration(HashingEmbedder(), batch: 256)
            if let poolSize { rankConfiguration.rankingPoolSize = poolSize }
            let reopened = try Engine(directory: directory, configuration: rankConfiguration)
            let openSeconds = seconds(since: openStart)
            if reuse {
                jobIDs = try reopened.jobs(namespace: "bench").map(\.id)
                stored = try reopened.candidates(namespace: "bench").count
            }
            log("open with \(stored) candidates: \(fmt(openSeconds * 1_000)) ms")
            // The first ranking after an open (or a change) also builds the keyword pool's lists.
            let firstStart = ContinuousClock.now
            _ = try await reopened.rank(job: jobIDs[0], namespace: "bench", limit: 10)
            let firstSeconds = seconds(since: firstStart)
            log("first rank(job:) after the open: \(fmt(firstSeconds * 1_000)) ms")
            records.append(["record": "first_rank", "candidates": stored, "seconds": firstSeconds])
            for id in jobIDs.prefix(3) { _ = try await reopened.rank(job: id, namespace: "bench", limit: 10) }  // warm-up
            var latencies: [Double] = []
            for q in 0..<queries {
                let t = ContinuousClock.now
                _ = try await reopened.rank(job: jobIDs[q % jobIDs.count], namespace: "bench", limit: 10)
                latencies.append(seconds(since: t))
            }
            latencies.sort()
            let p50 = latencies[latencies.count / 2] * 1_000
            let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)] * 1_000
            log("rank(job:) over \(stored) candidates, top 10: p50 \(fmt(p50)) ms, p99 \(fmt(p99)) ms (\(queries) queries)")
            records.append(["record": "rank", "candidates": stored, "queries": queries, "p50_ms": p50, "p99_ms": p99])
            records.append(["record": "open", "candidates": stored, "seconds": openSeconds])
            // A ranking right after a change: 16 more candidates ingested, then deleted again (the directory
            // is reused), each followed by one ranking.
            let extra = SyntheticResumes(seed: 99)
            let added = try await reopened.ingest(
                (0..<16).map { i in
                    IngestSource.bytes(Data(extra.text(i).utf8), name: "extra-\(i).txt", candidateID: "extra-\(i)")
                }, namespace: "bench"
            ).result()
            var afterChange: [Double] = []
            var start = ContinuousClock.now
            _ = try await reopened.rank(job: jobIDs[0], namespace: "bench", limit: 10)
            afterChange.append(seconds(since: start))
            for i in 0..<16 { try reopened.deleteCandidate("extra-\(i)", namespace: "bench") }
            start = ContinuousClock.now
            _ = try await reopened.rank(job: jobIDs[0], namespace: "bench", limit: 10)
            afterChange.append(seconds(since: start))
            log("rank(job:) after ingesting \(added.stored) more: \(fmt(afterChange[0] * 1_000)) ms; after deleting them: \(fmt(afterChange[1] * 1_000)) ms")
            records.append(["record": "rank_after_change", "after_ingest_ms": afterChange[0] * 1_000, "after_delete_ms": afterChange[1] * 1_000])
            reopened.close()
        }
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        if let out { try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8) }
        print(lines.joined(separator: "\n"))
    }

    /// The distinct chunk texts ingest embeds, in batches of the size ingest hands the provider (the chunks of
    /// the engine's default batch of documents), with the counts of distinct and all chunks.
    static func chunkBatches(_ sources: [IngestSource]) throws -> ([[String]], Int, Int) {
        let pipeline = DocumentPipeline()
        var seen = Set<String>()
        var chunkBatches: [[String]] = []
        var chunkCount = 0
        let batchSize = EngineConfiguration(provider: HashingEmbedder()).batchSize
        for start in stride(from: 0, to: sources.count, by: batchSize) {
            var batch: [String] = []
            for source in sources[start..<min(start + batchSize, sources.count)] {
                for chunk in try pipeline.prepareResume(source).chunks {
                    chunkCount += 1
                    let key = chunk.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    if seen.insert(key).inserted { batch.append(chunk.text) }
                }
            }
            if !batch.isEmpty { chunkBatches.append(batch) }
        }
        return (chunkBatches, seen.count, chunkCount)
    }

    /// MiniLM alone (a new embedder, no cache) on `batches`: seconds.
    static func embedAlone(_ batches: [[String]]) async throws -> Double {
        let alone = try MiniLMEmbedder()
        let start = ContinuousClock.now
        for batch in batches { _ = try await alone.embed(batch) }
        return seconds(since: start)
    }

    /// The engine's configuration with `provider`, and `batch` documents per ingest batch when given (the
    /// engine's default otherwise, which ``embedAlone(_:)`` mirrors).
    static func configuration(_ provider: any EmbeddingProvider, batch: Int? = nil) -> EngineConfiguration {
        var configuration = EngineConfiguration(provider: provider)
        if let batch { configuration.batchSize = batch }
        return configuration
    }

    static func timedIngest(_ sources: [IngestSource], provider: any EmbeddingProvider, directory: URL) async throws
        -> (seconds: Double, status: IngestJobStatus)
    {
        let engine = try Engine(directory: directory, configuration: configuration(provider))
        defer { engine.close() }
        let start = ContinuousClock.now
        let status = try await engine.ingest(sources, namespace: "bench").result()
        let elapsed = seconds(since: start)
        precondition(status.stored == sources.count, "stored \(status.stored) of \(sources.count): \(status.failures.prefix(3))")
        return (elapsed, status)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double { (ContinuousClock.now - start) / .seconds(1) }
    static func fmt(_ value: Double) -> String { String(format: "%.2f", value) }
    static func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }
}

enum HNSWInstructionSet {
    static var name: String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        return info.contains("avx512f") ? "avx512f" : info.contains("avx2") ? "avx2" : "baseline"
    }
}

import Foundation
import MatchEngine

/// Phase 4 of engine-bench: `Engine.retrieve` latency over a namespace of about `--chunks` chunks.
///
/// Synthetic resumes (five sections, so about five chunks each; hashing provider, so 100,000 chunks ingest
/// in minutes) fill a namespace; queries are embedded beforehand with the same provider and passed to
/// `retrieve(_:embedding:…)`, so the timings are the search alone: dense (HNSW over the chunk index with
/// the filter predicate), BM25 (FTS5), fusion, thresholds and the passage reads. The query embedding with
/// MiniLM is timed on its own, one query at a time. Run it on one core: `taskset -c 0 engine-bench …`.
enum RetrieveBench {
    static func run(chunks target: Int, queries: Int, work: URL) async throws -> [[String: Any]] {
        let directory = work.appendingPathComponent("retrieve")
        var configuration = EngineConfiguration(provider: HashingEmbedder())
        configuration.batchSize = 256
        let generator = SyntheticResumes(seed: 11)
        let pipeline = DocumentPipeline()
        let sample = try (0..<50).map { try pipeline.prepareResume(generator.source($0)).chunks.count }
        let perResume = Double(sample.reduce(0, +)) / Double(sample.count)
        let resumes = Int((Double(target) / perResume).rounded(.up))
        let engine = try Engine(directory: directory, configuration: configuration)
        let start = ContinuousClock.now
        let status = try await engine.ingest((0..<resumes).map { generator.source($0) }, namespace: "bench").result()
        let chunkCount = Int((Double(status.stored) * perResume).rounded())
        EngineBench.log(
            "retrieve: ingested \(status.stored) synthetic resumes (≈\(chunkCount) chunks, \(EngineBench.fmt(perResume)) a resume) in \(EngineBench.fmt(EngineBench.seconds(since: start))) s"
        )
        // A second namespace of the same size would double the ingest; a small one checks that the tag
        // filter, not the namespace's size, bounds the work.
        _ = try await engine.ingest((0..<200).map { generator.source(1_000_000 + $0) }, namespace: "other").result()

        let texts = questions(generator, count: queries)
        let hashing = HashingEmbedder()
        let vectors = try await hashing.embed(texts)

        let buildStart = ContinuousClock.now
        _ = try engine.retrieve(texts[0], embedding: vectors[0], namespace: "bench")
        let buildSeconds = EngineBench.seconds(since: buildStart)
        EngineBench.log("retrieve: chunk index built from the store in \(EngineBench.fmt(buildSeconds)) s (first query)")

        var records: [[String: Any]] = [
            ["record": "retrieve-build", "chunks": chunkCount, "resumes": status.stored, "seconds": buildSeconds]
        ]
        for mode in [RetrievalOptions.Mode.hybrid, .dense, .bm25] {
            let options = RetrievalOptions(mode: mode)
            for q in 0..<min(20, texts.count) {
                _ = try engine.retrieve(texts[q], embedding: vectors[q], namespace: "bench", options: options)
            }
            var latencies: [Double] = []
            var returned = 0
            for q in 0..<texts.count {
                let t = ContinuousClock.now
                let passages = try engine.retrieve(texts[q], embedding: vectors[q], namespace: "bench", options: options)
                latencies.append(EngineBench.seconds(since: t))
                returned += passages.count
            }
            let (p50, p99) = percentiles(latencies)
            EngineBench.log(
                "retrieve \(mode.rawValue), k 4, ≈\(chunkCount) chunks: p50 \(EngineBench.fmt(p50)) ms, p99 \(EngineBench.fmt(p99)) ms (\(texts.count) queries, \(EngineBench.fmt(Double(returned) / Double(texts.count))) passages a query)"
            )
            records.append([
                "record": "retrieve", "mode": mode.rawValue, "chunks": chunkCount, "queries": texts.count, "k": 4,
                "p50_ms": p50, "p99_ms": p99, "passages_per_query": Double(returned) / Double(texts.count),
            ])
        }
        // The first query after a write: one more resume in the namespace, then the chunk index catches up.
        var afterWrite: [Double] = []
        for round in 0..<3 {
            _ = try await engine.ingest([generator.source(2_000_000 + round)], namespace: "bench").result()
            let t = ContinuousClock.now
            _ = try engine.retrieve(texts[round], embedding: vectors[round], namespace: "bench")
            afterWrite.append(EngineBench.seconds(since: t))
        }
        EngineBench.log(
            "retrieve: first query after a one-resume ingest \(afterWrite.map { EngineBench.fmt($0 * 1_000) }.joined(separator: " / ")) ms"
        )
        records.append(["record": "retrieve-after-write", "chunks": chunkCount, "milliseconds": afterWrite.map { $0 * 1_000 }])
        engine.close()

        let reopened = try Engine(directory: directory, configuration: configuration)
        let loadStart = ContinuousClock.now
        _ = try reopened.retrieve(texts[0], embedding: vectors[0], namespace: "bench")
        let loadSeconds = EngineBench.seconds(since: loadStart)
        EngineBench.log("retrieve: chunk index loaded from its file in \(EngineBench.fmt(loadSeconds)) s (first query after open)")
        records.append(["record": "retrieve-load", "chunks": chunkCount, "seconds": loadSeconds])
        reopened.close()

        // MiniLM query embedding, excluded from the timings above: one query at a time, as retrieve does.
        let minilm = try MiniLMEmbedder()
        for q in 0..<min(10, texts.count) { _ = try await minilm.embed([texts[q]]) }
        var embedLatencies: [Double] = []
        for text in texts {
            let t = ContinuousClock.now
            _ = try await minilm.embed([text])
            embedLatencies.append(EngineBench.seconds(since: t))
        }
        let (e50, e99) = percentiles(embedLatencies)
        EngineBench.log("MiniLM query embedding: p50 \(EngineBench.fmt(e50)) ms, p99 \(EngineBench.fmt(e99)) ms (\(texts.count) queries)")
        records.append(["record": "query-embedding", "provider": "minilm", "queries": texts.count, "p50_ms": e50, "p99_ms": e99])
        return records
    }

    /// Questions in the style of the evaluation set, over the synthetic vocabulary.
    static func questions(_ generator: SyntheticResumes, count: Int) -> [String] {
        let skills = SyntheticResumes.skills
        let templates = [
            "Who built services in %@ and %@?", "Who led a migration to %@?", "Which candidates know %@?",
            "Who has both %@ and %@ experience?", "mentored engineers %@", "reliable services with %@ for millions of users",
            "Who studied computer science and knows %@?", "cut costs by a third with %@ and %@",
        ]
        return (0..<count).map { q in
            let template = templates[q % templates.count]
            let a = skills[(q * 7) % skills.count]
            let b = skills[(q * 13 + 5) % skills.count]
            return template.replacingOccurrences(of: "%@", with: a, options: [], range: template.range(of: "%@"))
                .replacingOccurrences(of: "%@", with: b)
        }
    }

    static func percentiles(_ values: [Double]) -> (p50: Double, p99: Double) {
        let sorted = values.sorted()
        return (sorted[sorted.count / 2] * 1_000, sorted[min(sorted.count - 1, sorted.count * 99 / 100)] * 1_000)
    }
}

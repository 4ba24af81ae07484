import Foundation
import GRDB
import Logging
import ResumeParser
import TestSupport
import Testing
import VectorIndex

@testable import MatchEngine

/// The soak behind `scripts/soak.sh`: skipped in the normal suite, it runs when
/// `MATCH_ENGINE_SOAK_SECONDS` is set. One engine directory takes cycles of mixed work — an ingest of
/// new resumes with four query tasks (rank, similar candidates, candidates) running beside it, a few
/// duplicates, then deletes of the oldest candidates so the namespace stays near a steady size —
/// while the process's resident memory is sampled after every cycle. At the end the engine is closed,
/// reopened (its saved index must load without a rebuild) and checked against its store.
@Suite("Engine soak")
struct EngineSoakTests {
    static let environment = ProcessInfo.processInfo.environment

    /// Resident set size of this process in KiB (Linux `/proc/self/status`), 0 when unknown.
    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    @Test(
        "mixed ingest / query / delete for MATCH_ENGINE_SOAK_SECONDS, memory sampled, reopened intact",
        .enabled(if: environment["MATCH_ENGINE_SOAK_SECONDS"] != nil))
    func soak() async throws {
        let seconds = Double(Self.environment["MATCH_ENGINE_SOAK_SECONDS"] ?? "") ?? 1_800
        let batch = Int(Self.environment["MATCH_ENGINE_SOAK_BATCH"] ?? "") ?? 40
        let steady = Int(Self.environment["MATCH_ENGINE_SOAK_CANDIDATES"] ?? "") ?? 400
        let directory: URL
        if let path = Self.environment["MATCH_ENGINE_SOAK_DIR"] {
            directory = URL(fileURLWithPath: path)
            try? FileManager.default.removeItem(at: directory)
        } else {
            directory = try Fixtures.temporaryDirectory().appendingPathComponent("engine")
        }
        let temporary = Self.environment["MATCH_ENGINE_SOAK_DIR"] == nil
        defer { if temporary { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) } }
        let inbox = directory.deletingLastPathComponent().appendingPathComponent("soak-inbox")
        var configuration = EngineConfiguration(provider: HashingEmbedder())
        configuration.referenceMonth = YearMonth(year: 2025, month: 6)
        configuration.batchSize = 8
        let engine = try Engine(directory: directory, configuration: configuration)
        let job = try await engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "soak")

        let started = ContinuousClock.now
        func elapsed() -> Double { (ContinuousClock.now - started) / .seconds(1) }
        var samples: [(time: Double, kib: Int)] = []
        var cycle = 0
        var ingested = 0
        var deleted = 0
        var queries = 0
        var previous: [URL] = []
        print("soak: \(seconds) s, \(batch) resumes a cycle, about \(steady) candidates, in \(directory.path)")
        while elapsed() < seconds {
            cycle += 1
            let files = try replicatedResumes(batch, tag: "s\(cycle)", in: inbox)
            // A few files of the previous cycle again: duplicates.
            let sources = (files + previous.prefix(4)).map { IngestSource.file($0) }
            let ingest = try engine.ingest(sources, namespace: "soak")
            let writing = Locked(true)
            let current = cycle
            let counted = try await withThrowingTaskGroup(of: Int.self) { group in
                for reader in 0..<4 {
                    group.addTask {
                        var done = 0
                        while writing.withLock({ $0 }) || done == 0 {
                            switch (reader + done) % 3 {
                            case 0: _ = try await engine.rank(job: job.id, namespace: "soak", limit: 10)
                            case 1:
                                if let some = try engine.candidates(namespace: "soak").last {
                                    _ = try? engine.similarCandidates(to: some.id, namespace: "soak")
                                }
                            default: _ = try engine.candidates(namespace: "soak").count
                            }
                            done += 1
                            // Readers that never suspend would hold every thread of the cooperative pool
                            // (two on two cores) and starve the ingest job.
                            await Task.yield()
                        }
                        return done
                    }
                }
                group.addTask {
                    let status = await ingest.result()
                    writing.withLock { $0 = false }
                    #expect(status.state == .succeeded && status.failed == 0, "cycle \(current)")
                    return 0
                }
                return try await group.reduce(0, +)
            }
            queries += counted
            ingested += batch
            for file in previous { try? FileManager.default.removeItem(at: file) }
            previous = files
            let candidates = try engine.candidates(namespace: "soak")
            for victim in candidates.prefix(max(0, candidates.count - steady)) {
                try engine.deleteCandidate(victim.id, namespace: "soak")
                deleted += 1
            }
            let kib = Self.residentKiB()
            samples.append((elapsed(), kib))
            if cycle % 10 == 1 {
                print(
                    String(
                        format: "soak t=%.0fs cycle=%d rss=%.1fMB ingested=%d deleted=%d queries=%d candidates=%d",
                        elapsed(), cycle, Double(kib) / 1024, ingested, deleted, queries,
                        try engine.candidates(namespace: "soak").count))
            }
        }
        for file in previous { try? FileManager.default.removeItem(at: file) }
        let expectedCandidates = try engine.candidates(namespace: "soak").map(\.id)
        let indexSlots = try engine.candidateIndex("soak").index.count
        engine.close()

        // Growth: the median of the last tenth of the samples over the median of the tenth after warm-up
        // (the first fifth of the run fills SQLite's page cache, malloc's arenas and the scratch pools).
        func median(_ slice: ArraySlice<(time: Double, kib: Int)>) -> Double {
            let sorted = slice.map(\.kib).sorted()
            return sorted.isEmpty ? 0 : Double(sorted[sorted.count / 2])
        }
        let tenth = max(1, samples.count / 10)
        let warm = samples.count / 5
        let baseline = median(samples[warm..<min(samples.count, warm + tenth)])
        let end = median(samples.suffix(tenth))
        let growth = baseline > 0 ? (end / baseline - 1) * 100 : 0
        print(
            String(
                format:
                    "soak done: %.0f s, %d cycles, %d ingested, %d deleted, %d queries; RSS after warm-up %.1f MB, "
                    + "at the end %.1f MB (growth %.1f %%), peak %.1f MB",
                elapsed(), cycle, ingested, deleted, queries, baseline / 1024, end / 1024, growth,
                Double(samples.map(\.kib).max() ?? 0) / 1024))

        let logs = LogCapture()
        configuration.logger = logs.logger()
        let reopened = try Engine(directory: directory, configuration: configuration)
        defer { reopened.close() }
        #expect(!logs.lines.contains { $0.contains("rebuilding") }, "the saved index is current: \(logs.lines)")
        #expect(try reopened.candidates(namespace: "soak").map(\.id) == expectedCandidates)
        #expect(try reopened.candidateIndex("soak").index.count == indexSlots)
        let integrity = try reopened.documentStore.read("integrity") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        #expect(integrity == ["ok"])
        let orphans = try reopened.documentStore.read("orphans") { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM candidate c LEFT JOIN document d ON d.id = c.currentDocumentId
                    WHERE d.id IS NULL
                    """) ?? -1
        }
        #expect(orphans == 0)
        #expect(try await reopened.rank(job: job.id, namespace: "soak", limit: 5).count == 5)
        if let limit = Double(Self.environment["MATCH_ENGINE_SOAK_MAX_GROWTH"] ?? "") {
            #expect(growth <= limit, "RSS grew \(growth) %")
        }
    }
}

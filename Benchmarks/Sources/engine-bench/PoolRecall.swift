import Foundation
import MatchEngine

/// `engine-bench FIXTURES_DIR --pool-recall 100,250,500,1000 --large-dir DIR`: how far the ranking pool
/// agrees with rescoring every candidate, per pool size, on a large engine directory made by a run of
/// the large phase: for each stored job the exhaustive top 10 (every candidate scored), then for each
/// pool size the pooled top 10, how many jobs it returns exactly (ids in order) and how many of the
/// exhaustive ten it holds, with the pooled ranking's p50 over three passes.
enum PoolRecall {
    static func run(directory: URL, sizes: [Int]) async throws -> [[String: Any]] {
        func open(_ change: (inout EngineConfiguration) -> Void) throws -> Engine {
            var configuration = EngineBench.configuration(HashingEmbedder(), batch: 256)
            change(&configuration)
            return try Engine(directory: directory, configuration: configuration)
        }
        let exhaustiveEngine = try open { $0.exhaustiveRankingLimit = 10_000_000 }
        let jobs = try exhaustiveEngine.jobs(namespace: "bench").map(\.id)
        var exhaustive: [JobID: [CandidateID]] = [:]
        var exhaustiveTimes: [Double] = []
        for job in jobs {
            let start = ContinuousClock.now
            exhaustive[job] = try await exhaustiveEngine.rank(job: job, namespace: "bench", limit: 10).map(\.candidate.id)
            exhaustiveTimes.append(EngineBench.seconds(since: start))
        }
        exhaustiveEngine.close()
        exhaustiveTimes.sort()
        EngineBench.log("exhaustive: \(jobs.count) jobs, p50 \(EngineBench.fmt(exhaustiveTimes[jobs.count / 2] * 1_000)) ms")
        var records: [[String: Any]] = [["record": "pool-recall", "pool": "exhaustive", "jobs": jobs.count, "p50_ms": exhaustiveTimes[jobs.count / 2] * 1_000]]
        for size in sizes {
            let engine = try open {
                $0.exhaustiveRankingLimit = 0
                $0.rankingPoolSize = size
            }
            var exact = 0
            var held = 0
            var times: [Double] = []
            for pass in 0..<3 {
                for job in jobs {
                    let start = ContinuousClock.now
                    let ranked = try await engine.rank(job: job, namespace: "bench", limit: 10).map(\.candidate.id)
                    times.append(EngineBench.seconds(since: start))
                    guard pass == 0, let expected = exhaustive[job] else { continue }
                    if ranked == expected { exact += 1 }
                    held += Set(ranked).intersection(expected).count
                }
            }
            engine.close()
            times.sort()
            let p50 = times[times.count / 2] * 1_000
            EngineBench.log("pool \(size): \(exact)/\(jobs.count) jobs exact, \(held)/\(jobs.count * 10) of the exhaustive top 10 held, p50 \(EngineBench.fmt(p50)) ms")
            records.append(["record": "pool-recall", "pool": size, "jobs": jobs.count, "exact_jobs": exact, "held": held, "p50_ms": p50])
        }
        return records
    }
}

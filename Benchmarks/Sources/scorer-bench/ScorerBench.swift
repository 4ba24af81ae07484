import BenchmarkSupport
import Foundation
import MatchEngine
import ResumeParser

/// Scoring cost per resume–job pair on stored data (profiles already parsed, as the engine keeps them):
/// every resume and job of a folder pair (default `Fixtures/relevance` resumes and jobs plus
/// `Fixtures/resumes`), `quickScore` (what ranking sorts a pool by, the job re-analysed on every call)
/// and `score` (with the explanation), for the standard and the classic preset in the same run.
///
/// Run: `swift run -c release scorer-bench [--root REPO] [--rounds 20]` from `Benchmarks/`. Prints one
/// line per measure and a JSON line.
@main
struct ScorerBench {
    static func main() throws {
        var options = CommandLineOptions()
        let root = URL(fileURLWithPath: options.value("--root") ?? "..")
        let rounds = Int(options.value("--rounds") ?? "20") ?? 20
        let parser = DocumentParser(referenceMonth: YearMonth(year: 2026, month: 11))
        func files(_ folder: String) -> [URL] {
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
        }
        let jobs = try files("Fixtures/relevance/jobs").map { try parser.parseJob(contentsOf: $0) }
        let resumes = (files("Fixtures/relevance/resumes") + files("Fixtures/resumes")).compactMap {
            try? parser.parseResume(contentsOf: $0)
        }
        let profiles = resumes.map { CandidateProfile($0, referenceMonth: YearMonth(year: 2026, month: 11)) }
        let pairs = Double(jobs.count * profiles.count)
        print("\(jobs.count) jobs × \(profiles.count) resumes = \(Int(pairs)) pairs, \(rounds) rounds")
        var record: [String: Any] = ["pairs": Int(pairs), "rounds": rounds]
        for (name, weights) in [("standard", ScoringWeights.standard), ("classic", ScoringWeights.classic)] {
            let scorer = MatchScorer(weights: weights)
            var checksum = 0.0
            var quick: [Double] = []
            var full: [Double] = []
            for _ in 0..<rounds {
                var start = DispatchTime.now().uptimeNanoseconds
                for job in jobs {
                    for profile in profiles { checksum += scorer.quickScore(profile, against: job, similarity: 0.4) }
                }
                quick.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000 / pairs)
                start = DispatchTime.now().uptimeNanoseconds
                for job in jobs {
                    for profile in profiles {
                        checksum += scorer.score(profile, against: job, similarity: 0.4).score
                    }
                }
                full.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000 / pairs)
            }
            quick.sort()
            full.sort()
            print(
                "\(name): quickScore median \(String(format: "%.2f", quick[quick.count / 2])) µs/pair, "
                    + "score with explanation median \(String(format: "%.2f", full[full.count / 2])) µs/pair "
                    + "(checksum \(Int(checksum)))")
            record["\(name)_quick_us"] = quick[quick.count / 2]
            record["\(name)_full_us"] = full[full.count / 2]
        }
        let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}

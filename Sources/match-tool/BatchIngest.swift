import Foundation
import MatchEngine

/// Ingests the files a user named into the engine, showing progress and reporting every failure with
/// its path and reason as it happens; the batch goes on. What `ingest` and `score` share.
struct BatchIngest {
    /// What the batch did.
    struct Outcome {
        /// The job's final status (counts, failures).
        var status: IngestJobStatus
        /// Every candidate a named file belongs to (stored, new version or already stored), in input order.
        var candidates: [CandidateID]
        /// Per file: the candidate and what happened (`stored`, `new version`, `already stored`, `error`).
        var rows: [(source: String, candidate: CandidateID?, outcome: String)]
        /// Named paths that do not exist.
        var missing: [String]

        /// The exit status the batch calls for: 66 when a named path is missing, 1 when a file failed.
        var exitStatus: Int32 {
            if !missing.isEmpty { return ExitStatus.noInput }
            return status.failed > 0 || status.state != .succeeded ? ExitStatus.someFailed : ExitStatus.ok
        }
    }

    /// Expands `paths` (folders to the files directly inside) and ingests them.
    static func run(
        _ paths: [String], into engine: Engine, namespace: String, progress: ProgressMode
    ) async throws -> Outcome {
        let missing = paths.filter { !FileManager.default.fileExists(atPath: $0) }
        let files = InputFiles.expand(paths)
        var reporter = ProgressReporter(progress, total: files.count)
        var rows: [(source: String, candidate: CandidateID?, outcome: String)] = []
        var candidateOf: [String: CandidateID] = [:]
        let ingest: IngestJob
        do {
            ingest = try engine.ingest(files.map { IngestSource.file($0) }, namespace: namespace)
        } catch {
            throw ExitStatus.report(error)
        }
        for await event in ingest.events {
            reporter.show(event)
            switch event {
            case .stored(let source, let candidate, let isNewVersion):
                candidateOf[source] = candidate
                rows.append((source, candidate, isNewVersion ? "new version" : "stored"))
            case .duplicate(let source, let candidate):
                candidateOf[source] = candidate
                rows.append((source, candidate, "already stored"))
            case .failed(let failure):
                reporter.interrupt()
                rows.append((failure.source, nil, "error"))
                FileHandleOutput.standardError("error: \(failure.reason)")
            case .parsed, .embedded, .progress, .finished: break
            }
        }
        let status = await ingest.result()
        if status.state != .succeeded {
            FileHandleOutput.standardError("error: ingest job \(status.id) ended \(status.state.rawValue)")
        }
        var seen = Set<CandidateID>()
        let candidates = files.compactMap { candidateOf[$0.path] }.filter { seen.insert($0).inserted }
        return Outcome(status: status, candidates: candidates, rows: rows, missing: missing)
    }

    /// The summary line for standard error: counts and the files that failed.
    static func summary(_ outcome: Outcome) -> String {
        let status = outcome.status
        var text =
            "\(status.total) file(s): \(status.stored) stored, \(status.duplicates) already stored, "
            + "\(status.failed) failed"
        if !status.failures.isEmpty {
            text += "\nfailed:\n" + status.failures.map { "  \($0.source): \($0.reason)" }.joined(separator: "\n")
        }
        return text
    }
}

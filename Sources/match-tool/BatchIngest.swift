import Foundation
import MatchEngine
import ResumeParser

/// Ingests the files a user named into the engine, showing progress and reporting every failure with
/// its path and reason as it happens; the batch goes on. What `ingest` and `score` share.
///
/// Files whose bytes the namespace already holds are found first (``Engine/storedCandidates(forFiles:namespace:)``:
/// a read and a hash each) and not submitted again, so a second run over a folder does not parse it again.
struct BatchIngest {
    /// What the batch did.
    struct Outcome {
        /// Files named (after expanding folders).
        var files: Int
        /// Files stored now (new candidates or new versions).
        var stored: Int
        /// Files whose bytes were already stored.
        var alreadyStored: Int
        /// Files that failed, with their reasons.
        var failures: [IngestFailure]
        /// Whether the ingest job (if one ran) ended otherwise than `succeeded`.
        var jobFailed: Bool
        /// Files the job never reached (it failed or was cancelled before them).
        var notProcessed: Int
        /// Every candidate a named file belongs to (stored, new version or already stored), in input order.
        var candidates: [CandidateID]
        /// Per file, in input order: the candidate and what happened (`stored`, `new version`, `already
        /// stored`, `error`).
        var rows: [(source: String, candidate: CandidateID?, outcome: String)]
        /// Named paths that do not exist.
        var missing: [String]
        /// Other named paths that yield no document (an empty or unreadable folder, a device, a link loop).
        var problems: Int

        /// The exit status the batch calls for: 66 when a named path is missing, 1 when a file failed.
        var exitStatus: Int32 {
            if !missing.isEmpty { return ExitStatus.noInput }
            return failures.isEmpty && problems == 0 && !jobFailed ? ExitStatus.ok : ExitStatus.someFailed
        }
    }

    /// Expands `paths` (folders to the files directly inside) and ingests what is not stored yet.
    static func run(
        _ paths: [String], into engine: Engine, namespace: String, progress: ProgressMode
    ) async throws -> Outcome {
        // Folders to their files, links followed; every skipped entry and every path that yields no
        // document is reported here (paths escaped), the missing ones too.
        let expansion = SourceExpansion.expand(paths)
        for skip in expansion.skipped { FileHandleOutput.standardError("warning: \(skip.description)") }
        for problem in expansion.problems { FileHandleOutput.standardError("error: \(problem.description)") }
        let missing = expansion.problems.filter { $0.reason == .missing }.map(\.url.path)
        let files = expansion.files
        var reporter = ProgressReporter(progress, total: files.count)
        var rowOf: [String: (candidate: CandidateID?, outcome: String)] = [:]
        let known: [URL: CandidateID]
        do {
            known = try await engine.storedCandidates(forFiles: files, namespace: namespace)
        } catch {
            throw ExitStatus.report(error)
        }
        for file in files {
            guard let candidate = known[file] else { continue }
            rowOf[file.path] = (candidate, "already stored")
            reporter.show(.duplicate(source: file.path, candidate: candidate))
        }
        var stored = 0
        var duplicates = known.count
        var failures: [IngestFailure] = []
        var jobFailed = false
        var notProcessed = 0
        let submitted = files.filter { known[$0] == nil }
        if !submitted.isEmpty {
            let ingest: IngestJob
            do {
                ingest = try engine.ingest(submitted.map { IngestSource.file($0) }, namespace: namespace)
            } catch {
                throw ExitStatus.report(error)
            }
            // Events show progress as it happens (a slow standard error may miss some); what each file
            // came to is read from the job's outcomes, which are complete.
            for await event in ingest.events {
                reporter.show(event)
                if case .failed(let failure) = event {
                    reporter.interrupt()
                    FileHandleOutput.standardError("error: \(failure.reason)")
                }
            }
            for outcome in await ingest.outcomes() {
                rowOf[outcome.source] = (outcome.candidate, outcome.kind == .failed ? "error" : outcome.kind.rawValue)
            }
            notProcessed = submitted.filter { rowOf[$0.path] == nil }.count
            let status = await ingest.result()
            stored = status.stored
            duplicates += status.duplicates
            failures = status.failures
            if status.state != .succeeded {
                jobFailed = true
                FileHandleOutput.standardError("error: ingest job \(status.id) ended \(status.state.rawValue)")
            }
        } else {
            reporter.interrupt()
        }
        var seen = Set<CandidateID>()
        let candidates = files.compactMap { rowOf[$0.path]?.candidate }.filter { seen.insert($0).inserted }
        let rows = files.compactMap { file in rowOf[file.path].map { (file.path, $0.candidate, $0.outcome) } }
        return Outcome(
            files: files.count, stored: stored, alreadyStored: duplicates, failures: failures, jobFailed: jobFailed,
            notProcessed: notProcessed,
            candidates: candidates, rows: rows, missing: missing, problems: expansion.problems.count - missing.count)
    }

    /// The summary line for standard error: counts and the files that failed.
    static func summary(_ outcome: Outcome) -> String {
        var text =
            "\(outcome.files) file(s): \(outcome.stored) stored, \(outcome.alreadyStored) already stored, "
            + "\(outcome.failures.count) failed"
            + (outcome.notProcessed > 0 ? ", \(outcome.notProcessed) not processed" : "")
        if !outcome.failures.isEmpty {
            // Reasons name their file (escaped, so that no name can forge a line); one that does not is
            // given the escaped name first.
            let lines = outcome.failures.map { failure in
                let name = FileNameEscaping.escaped(failure.source)
                return failure.reason.hasPrefix(name) ? "  \(failure.reason)" : "  \(name): \(failure.reason)"
            }
            text += "\nfailed:\n" + lines.joined(separator: "\n")
        }
        return text
    }
}

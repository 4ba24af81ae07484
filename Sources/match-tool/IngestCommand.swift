import ArgumentParser
import Foundation
import MatchEngine

/// `match-tool ingest`: extracts the text of resumes (and optionally a job) and stores them in the
/// database, printing one row per file. A file that fails is reported and the others go on; the exit
/// status is 1 when any file failed.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract text from resumes and jobs and store them in the database.",
        discussion: """
            Folders are expanded to the files directly inside them. Each file's format is detected from \
            its bytes (PDF, DOCX, plain text, Markdown, HTML). Ingesting the same bytes twice stores them once.
            """
    )

    @Option(name: .long, help: "The SQLite database to store documents in (created when missing).")
    var database: String = "match-engine.sqlite"

    @Option(name: .long, help: "Job description files or folders to ingest as jobs.")
    var job: [String] = []

    @Argument(help: "Resume files or folders.")
    var resumes: [String] = []

    func validate() throws {
        guard !resumes.isEmpty || !job.isEmpty else {
            throw ValidationError("Give at least one resume or --job file.")
        }
    }

    func run() throws {
        let store: DocumentStore
        do {
            store = try DocumentStore(path: database)
        } catch {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let ingestor = DocumentIngestor(store: store)
        var table = TextTable(
            headers: ["file", "kind", "format", "pages", "words", "sha256", "status"],
            rightAligned: [3, 4])
        var failures = 0
        let batches: [(DocumentKind, [URL])] = [
            (.job, InputFiles.expand(job)), (.resume, InputFiles.expand(resumes)),
        ]
        for (kind, urls) in batches {
            for url in urls {
                switch ingestor.ingest(url, as: kind) {
                case .stored(let document):
                    table.append(row(url, document, status: "stored"))
                case .alreadyStored(let document):
                    table.append(row(url, document, status: "already stored"))
                case .failed(_, let error):
                    failures += 1
                    table.append([url.lastPathComponent, kind.rawValue, "-", "-", "-", "-", "error"])
                    FileHandleOutput.standardError("error: \(error.localizedDescription)")
                }
            }
        }
        print(table.render())
        let stored = try store.count(of: .resume)
        let jobs = try store.count(of: .job)
        print("\n\(stored) resumes and \(jobs) jobs in \(database); \(failures) file(s) failed.")
        if failures > 0 { throw ExitCode(1) }
    }

    private func row(_ url: URL, _ document: StoredDocument, status: String) -> [String] {
        let words = document.text.split(whereSeparator: { $0.isWhitespace }).count
        return [
            url.lastPathComponent, document.kind.rawValue, document.format,
            document.pageCount.map(String.init) ?? "-", String(words), String(document.contentHash.prefix(12)),
            status,
        ]
    }
}

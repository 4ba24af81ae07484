import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// `match-tool ingest`: stores resumes (and optionally jobs) in the engine — parsed, chunked, embedded
/// and indexed — printing one row per file. A file that fails is reported and the others go on; the
/// exit status is 1 when any file failed.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse, embed and store resumes and jobs in the engine.",
        discussion: """
            Folders are expanded to the files directly inside them. Each file's format is detected from \
            its bytes (PDF, DOCX, plain text, Markdown, HTML). Ingesting the same bytes twice stores them \
            once; a new file of a known candidate (same e-mail) is stored as a new version. Besides each \
            chunk, its sentence windows are embedded for retrieval (`rag`, `search`), about twice the \
            embedding work of `score`, which stores chunks only.

            Examples:
              match-tool ingest resumes/
              match-tool ingest --db data/ --namespace acme --job job.md resumes/ --progress json

            \(ExitStatus.help)
            """
    )

    @OptionGroup var engine: EngineOptions

    @Option(name: .long, help: ArgumentHelp("Job description files or folders to store as jobs.", valueName: "file"))
    var job: [String] = []

    @Argument(help: "Resume files or folders.")
    var resumes: [String] = []

    func validate() throws {
        guard !resumes.isEmpty || !job.isEmpty else {
            throw ValidationError("Give at least one resume or --job file.")
        }
    }

    func run() async throws {
        // Ingest prepares documents for every use, retrieval included: sentence windows are embedded too.
        let (engine, settings) = try await self.engine.open(chunkWindows: ChunkWindows())
        defer { engine.close() }
        let namespace = self.engine.namespace(settings)
        var table = TextTable(headers: ["file", "kind", "candidate or job", "status"])
        var status = ExitStatus.ok
        for url in InputFiles.expand(job) {
            do {
                let stored = try await engine.addJob(.file(url), namespace: namespace)
                table.append([url.lastPathComponent, "job", stored.id, "stored"])
            } catch {
                status = FileManager.default.fileExists(atPath: url.path) ? max(status, 1) : ExitStatus.noInput
                table.append([url.lastPathComponent, "job", "-", "error"])
                FileHandleOutput.standardError("error: \(ExitStatus.describe(error))")
            }
        }
        if !resumes.isEmpty {
            let outcome = try await BatchIngest.run(
                resumes, into: engine, namespace: namespace, progress: self.engine.progressMode(settings))
            for row in outcome.rows {
                table.append([
                    URL(fileURLWithPath: row.source).lastPathComponent, "resume",
                    row.candidate ?? "-", row.outcome,
                ])
            }
            if outcome.exitStatus == ExitStatus.noInput || status == ExitStatus.noInput {
                status = ExitStatus.noInput
            } else {
                status = max(status, outcome.exitStatus)
            }
            if !self.engine.quiet { FileHandleOutput.standardError(BatchIngest.summary(outcome)) }
        }
        print(table.render())
        let candidates = try engine.candidates(namespace: namespace).count
        let jobs = try engine.jobs(namespace: namespace).count
        print("\n\(candidates) candidates and \(jobs) jobs in namespace \"\(namespace)\" of \(engine.directory.path).")
        if status != ExitStatus.ok { throw ExitCode(status) }
    }
}

extension IngestCommand: FileListCommand {
    var fileArguments: [String] {
        get { resumes }
        set { resumes = newValue }
    }
}

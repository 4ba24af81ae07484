import ArgumentParser
import Foundation
import MatchEngine

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
            once; a new file of a known candidate (same e-mail) is stored as a new version.
            """
    )

    @OptionGroup var engine: EngineOptions

    @Option(name: .long, help: "Job description files or folders to store as jobs.")
    var job: [String] = []

    @Argument(help: "Resume files or folders.")
    var resumes: [String] = []

    func validate() throws {
        guard !resumes.isEmpty || !job.isEmpty else {
            throw ValidationError("Give at least one resume or --job file.")
        }
    }

    func run() async throws {
        let engine = try await self.engine.open()
        defer { engine.close() }
        var table = TextTable(headers: ["file", "kind", "candidate or job", "status"])
        var failures = 0
        for url in InputFiles.expand(job) {
            do {
                let stored = try await engine.addJob(.file(url), namespace: self.engine.namespace)
                table.append([url.lastPathComponent, "job", stored.id, "stored"])
            } catch {
                failures += 1
                table.append([url.lastPathComponent, "job", "-", "error"])
                FileHandleOutput.standardError("error: \(error.localizedDescription)")
            }
        }
        let sources = InputFiles.expand(resumes).map { IngestSource.file($0) }
        if !sources.isEmpty {
            let ingest = try engine.ingest(sources, namespace: self.engine.namespace)
            for await event in ingest.events {
                switch event {
                case .stored(let source, let candidate, let isNewVersion):
                    table.append([Self.name(source), "resume", candidate, isNewVersion ? "new version" : "stored"])
                case .duplicate(let source, let candidate):
                    table.append([Self.name(source), "resume", candidate, "already stored"])
                case .failed(let failure):
                    table.append([Self.name(failure.source), "resume", "-", "error"])
                    FileHandleOutput.standardError("error: \(failure.reason)")
                case .parsed, .embedded, .progress, .finished: break
                }
            }
            let status = await ingest.result()
            failures += status.failed
            if status.state != .succeeded {
                FileHandleOutput.standardError("error: ingest job \(status.id) ended \(status.state.rawValue)")
                failures += 1
            }
        }
        print(table.render())
        let candidates = try engine.candidates(namespace: self.engine.namespace).count
        let jobs = try engine.jobs(namespace: self.engine.namespace).count
        print(
            "\n\(candidates) candidates and \(jobs) jobs in namespace \"\(self.engine.namespace)\" of "
                + "\(engine.directory.path); \(failures) file(s) failed.")
        if failures > 0 { throw ExitCode(1) }
    }

    private static func name(_ source: String) -> String { URL(fileURLWithPath: source).lastPathComponent }
}

import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// `match-tool jobs add|list|rm`: the jobs stored in a namespace.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Add, list and remove the jobs stored in the engine.",
        discussion: "\(ExitStatus.help)",
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Store job descriptions (parsed and embedded).",
            discussion: """
                Examples:
                  match-tool jobs add job.md
                  match-tool jobs add --id backend-2026 job.md

                \(ExitStatus.help)
                """)

        @OptionGroup var engine: EngineOptions
        @Option(help: "The job's id (default: sha256: and the SHA-256 of the file); one file only.")
        var id: String?
        @Argument(help: "Job description files or folders.")
        var files: [String]

        func validate() throws {
            if id != nil, files.count != 1 { throw ValidationError("--id names one job: give one file.") }
        }

        func run() async throws {
            let (engine, settings) = try await self.engine.open()
            defer { engine.close() }
            var table = TextTable(headers: ["id", "title", "file"])
            var status = ExitStatus.ok
            for url in InputFiles.expand(files) {
                do {
                    let job = try await engine.addJob(
                        .file(url, candidateID: id), namespace: self.engine.namespace(settings))
                    table.append([
                        job.id, job.requirements.title ?? "-", url.lastPathComponent,
                    ])
                } catch {
                    FileHandleOutput.standardError("error: \(ExitStatus.describe(error))")
                    status = ExitStatus.noInput
                }
            }
            print(table.render())
            if status != ExitStatus.ok { throw ExitCode(status) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the stored jobs.",
            discussion: "Example: match-tool jobs list --format json\n\n\(ExitStatus.help)")

        @OptionGroup var engine: EngineOptions
        @Option(help: "table or json.") var format: ListFormat?

        func run() async throws {
            let (engine, settings) = try await self.engine.open(["format": format?.rawValue])
            defer { engine.close() }
            let jobs = try Failure.map { try engine.jobs(namespace: self.engine.namespace(settings)) }
            if settings["format"] == "json" {
                struct Line: Encodable {
                    var id: String
                    var title: String?
                    var source: String
                    var requiredSkills: [String]
                    var preferredSkills: [String]
                    var minimumYears: Double?
                }
                for job in jobs {
                    let requirements = job.requirements
                    print(
                        JSONLine.encode(
                            Line(
                                id: job.id, title: requirements.title, source: job.source,
                                requiredSkills: requirements.requiredSkills.map(\.name),
                                preferredSkills: requirements.preferredSkills.map(\.name),
                                minimumYears: requirements.minimumYears)))
                }
            } else {
                var table = TextTable(headers: ["id", "title", "required", "file"])
                for job in jobs {
                    table.append([
                        job.id, job.requirements.title ?? "-",
                        job.requirements.requiredSkills.map(\.name).joined(separator: ", "),
                        URL(fileURLWithPath: job.source).lastPathComponent,
                    ])
                }
                print(table.render())
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Remove a job with its results and pipeline statuses.",
            discussion: "Example: match-tool jobs rm sha256:9f2c…\n\n\(ExitStatus.help)")

        @OptionGroup var engine: EngineOptions
        @Argument(help: "The job's id.") var id: String

        func run() async throws {
            let (engine, settings) = try await self.engine.open()
            defer { engine.close() }
            try Failure.map { try engine.deleteJob(id, namespace: self.engine.namespace(settings)) }
            print("removed job \(id)")
        }
    }
}

/// `table` or `json`, for listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

/// Runs a library call and turns its error into the documented exit status (reported on standard error).
enum Failure {
    static func map<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitStatus.report(error)
        }
    }

    static func map<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitStatus.report(error)
        }
    }
}

extension JobsCommand.Add: FileListCommand {
    var fileArguments: [String] {
        get { files }
        set { files = newValue }
    }
}

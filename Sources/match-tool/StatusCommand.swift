import ArgumentParser
import Foundation
import MatchEngine

/// `match-tool status set|show|history`: where candidates stand for a job.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Move candidates through a job's pipeline and read where they stand.",
        discussion: """
            The pipeline: new → screened → interviewing → offer → hired, or rejected / withdrawn from any \
            stage before hired. A move the pipeline does not allow is refused (exit status 1).

            \(ExitStatus.help)
            """,
        subcommands: [Set.self, Show.self, History.self]
    )

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Move a candidate to a status for a job.",
            discussion: """
                Example: match-tool status set --job backend-2026 --candidate email:jane@example.com screened \
                --note "strong Go"

                \(ExitStatus.help)
                """)

        @OptionGroup var engine: EngineOptions
        @Option(help: "The job's id.") var job: String
        @Option(help: "The candidate's id.") var candidate: String
        @Option(help: "A note kept with the move.") var note: String?
        @Argument(help: "The new status: \(PipelineStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
        var status: PipelineStatus

        func run() async throws {
            let (engine, settings) = try await self.engine.open()
            defer { engine.close() }
            let change = try Failure.map {
                try engine.setStatus(
                    status, candidate: candidate, job: job, namespace: self.engine.namespace(settings), note: note)
            }
            print("\(candidate): \(change.from.rawValue) → \(change.to.rawValue) for \(job)")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show where candidates stand for a job.",
            discussion: "Example: match-tool status show --job backend-2026\n\n\(ExitStatus.help)")

        @OptionGroup var engine: EngineOptions
        @Option(help: "The job's id.") var job: String
        @Option(help: "Only this candidate.") var candidate: String?
        @Option(help: "table or json.") var format: ListFormat?

        func run() async throws {
            let (engine, settings) = try await self.engine.open(["format": format?.rawValue])
            defer { engine.close() }
            let namespace = self.engine.namespace(settings)
            let rows: [(CandidateID, PipelineStatus)] = try Failure.map {
                let ids = try candidate.map { [$0] } ?? engine.candidates(namespace: namespace).map(\.id)
                return try ids.map { id in
                    (id, try engine.statusHistory(candidate: id, job: job, namespace: namespace).last?.to ?? .new)
                }
            }
            if settings["format"] == "json" {
                for (id, status) in rows { print(JSONLine.encode(["candidate": id, "status": status.rawValue])) }
                return
            }
            var table = TextTable(headers: ["candidate", "status"])
            for (id, status) in rows { table.append([id, status.rawValue]) }
            print(table.render())
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: "Every recorded move of a candidate for a job.",
            discussion: """
                Example: match-tool status history --job backend-2026 --candidate email:jane@example.com

                \(ExitStatus.help)
                """)

        @OptionGroup var engine: EngineOptions
        @Option(help: "The job's id.") var job: String
        @Option(help: "The candidate's id.") var candidate: String
        @Option(help: "table or json.") var format: ListFormat?

        func run() async throws {
            let (engine, settings) = try await self.engine.open(["format": format?.rawValue])
            defer { engine.close() }
            let history = try Failure.map {
                try engine.statusHistory(candidate: candidate, job: job, namespace: self.engine.namespace(settings))
            }
            if settings["format"] == "json" {
                for change in history { print(JSONLine.encode(change)) }
                return
            }
            var table = TextTable(headers: ["at", "from", "to", "note"])
            for change in history {
                table.append([
                    ISO8601DateFormatter().string(from: change.at), change.from.rawValue, change.to.rawValue,
                    change.note ?? "",
                ])
            }
            print(table.render())
        }
    }
}

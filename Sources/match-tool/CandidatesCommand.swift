import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// `match-tool candidates list|show|rm`: the candidates stored in a namespace.
struct CandidatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates",
        abstract: "List, show and remove the candidates stored in the engine.",
        discussion: "\(ExitStatus.help)",
        subcommands: [List.self, Show.self, Remove.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the stored candidates.",
            discussion: "Example: match-tool candidates list --namespace acme --format json\n\n\(ExitStatus.help)")

        @OptionGroup var engine: EngineOptions
        @Option(help: "table or json.") var format: ListFormat?

        func run() async throws {
            let (engine, settings) = try await self.engine.open(["format": format?.rawValue])
            defer { engine.close() }
            let candidates = try Failure.map { try engine.candidates(namespace: self.engine.namespace(settings)) }
            if settings["format"] == "json" {
                for candidate in candidates { print(JSONLine.encode(candidate)) }
                return
            }
            var table = TextTable(headers: ["id", "name", "years", "degree", "skills", "file"], rightAligned: [2])
            for candidate in candidates {
                table.append([
                    candidate.id, candidate.name ?? "-", String(format: "%.1f", candidate.years),
                    candidate.degree?.rawValue ?? "-", String(candidate.skills.count),
                    ShortlistReport.fileName(candidate.source),
                ])
            }
            print(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a candidate: facts, skills and resume versions.",
            discussion: "Example: match-tool candidates show email:jane@example.com --format json\n\n\(ExitStatus.help)"
        )

        @OptionGroup var engine: EngineOptions
        @Option(help: "table or json.") var format: ListFormat?
        @Argument(help: "The candidate's id.") var id: String

        func run() async throws {
            let (engine, settings) = try await self.engine.open(["format": format?.rawValue])
            defer { engine.close() }
            let namespace = self.engine.namespace(settings)
            let (candidate, versions, parsed) = try Failure.map {
                (
                    try engine.candidate(id, namespace: namespace),
                    try engine.resumeVersions(of: id, namespace: namespace),
                    try engine.parsedResume(of: id, namespace: namespace)
                )
            }
            if settings["format"] == "json" {
                struct Version: Encodable {
                    var contentHash: String
                    var source: String
                    var format: String
                    var ingestedAt: Date
                    var isCurrent: Bool
                }
                struct Shown: Encodable {
                    var candidate: CandidateSummary
                    var versions: [Version]
                    var parsed: ParsedResume
                }
                print(
                    JSONLine.encode(
                        Shown(
                            candidate: candidate,
                            versions: versions.map {
                                Version(
                                    contentHash: $0.contentHash, source: $0.source, format: $0.format,
                                    ingestedAt: $0.ingestedAt, isCurrent: $0.isCurrent)
                            }, parsed: parsed)))
                return
            }
            print("id:        \(candidate.id)")
            print("name:      \(candidate.name ?? "-")")
            print("e-mail:    \(candidate.email ?? "-")")
            print("location:  \(candidate.location ?? "-")")
            print("years:     \(String(format: "%.1f", candidate.years))")
            print("degree:    \(candidate.degree?.rawValue ?? "-")")
            print("skills:    \(candidate.skills.joined(separator: ", "))")
            print("\nversions:")
            var table = TextTable(headers: ["", "ingested", "format", "sha256", "file"])
            for version in versions {
                table.append([
                    version.isCurrent ? "*" : "", ISO8601DateFormatter().string(from: version.ingestedAt),
                    version.format,
                    String(version.contentHash.prefix(12)), version.source,
                ])
            }
            print(table.render())
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Remove a candidate with every resume version, result and status.",
            discussion: "Example: match-tool candidates rm email:jane@example.com\n\n\(ExitStatus.help)")

        @OptionGroup var engine: EngineOptions
        @Argument(help: "The candidate's id.") var id: String

        func run() async throws {
            let (engine, settings) = try await self.engine.open()
            defer { engine.close() }
            try Failure.map { try engine.deleteCandidate(id, namespace: self.engine.namespace(settings)) }
            print("removed candidate \(id)")
        }
    }
}

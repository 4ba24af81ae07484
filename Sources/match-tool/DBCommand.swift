import ArgumentParser
import Foundation
import MatchEngine

/// `match-tool db check|rebuild-index|stats`: the engine's storage.
struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Check the engine's storage, rebuild its indexes, count what it holds.",
        discussion: "\(ExitStatus.help)",
        subcommands: [Check.self, RebuildIndex.self, Stats.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the database's integrity and that every index agrees with the store.",
            discussion: """
                Prints what is wrong; the exit status is 74 when the database fails SQLite's integrity \
                check, 1 when an index disagrees with the store (`match-tool db rebuild-index` repairs it).

                Example: match-tool db check --format json

                \(ExitStatus.help)
                """)

        @OptionGroup var engine: EngineOptions
        @Option(help: "table or json.") var format: ListFormat?

        func run() async throws {
            let (engine, settings) = try await self.engine.open(["format": format?.rawValue])
            defer { engine.close() }
            let report = try Failure.map { try engine.check() }
            if settings["format"] == "json" {
                print(JSONLine.encode(report))
            } else {
                print("database integrity: \(report.integrity)")
                var table = TextTable(
                    headers: [
                        "namespace", "candidates", "indexed", "revision", "index revision", "chunks", "indexed chunks",
                        "problems",
                    ],
                    rightAligned: [1, 2, 3, 4, 5, 6])
                for namespace in report.namespaces {
                    table.append([
                        namespace.name, String(namespace.candidates), String(namespace.indexed),
                        String(namespace.storeRevision), String(namespace.indexRevision), String(namespace.chunks),
                        String(namespace.indexedChunks),
                        namespace.problems.isEmpty ? "none" : namespace.problems.joined(separator: "; "),
                    ])
                }
                print(table.render())
            }
            if report.integrity != "ok" { throw ExitCode(ExitStatus.storage) }
            if !report.isHealthy { throw ExitCode(ExitStatus.someFailed) }
        }
    }

    struct RebuildIndex: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild-index",
            abstract: "Rebuild the candidate indexes from the vectors in the database.",
            discussion: """
                Every namespace, or the one --namespace names.

                Example: match-tool db rebuild-index --namespace acme

                \(ExitStatus.help)
                """)

        @OptionGroup var engine: EngineOptions

        func run() async throws {
            let (engine, settings) = try await self.engine.open()
            defer { engine.close() }
            let only =
                self.engine.namespace == nil && settings.all.first { $0.key == "namespace" }?.source == .defaultValue
                ? nil : self.engine.namespace(settings)
            let rebuilt = try Failure.map { try engine.rebuildIndexes(namespace: only) }
            for (name, counts) in rebuilt.sorted(by: { $0.key < $1.key }) {
                print(
                    "namespace \(name): candidate index rebuilt with \(counts.candidates) vectors, "
                        + "chunk index with \(counts.chunks)")
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Count namespaces, candidates, documents, jobs, chunks and vectors.",
            discussion: "Example: match-tool db stats --format json\n\n\(ExitStatus.help)")

        @OptionGroup var engine: EngineOptions
        @Option(help: "table or json.") var format: ListFormat?

        func run() async throws {
            let (engine, settings) = try await self.engine.open(["format": format?.rawValue])
            defer { engine.close() }
            let statistics = try Failure.map { try engine.statistics() }
            if settings["format"] == "json" {
                struct Totals: Encodable {
                    var namespaces: Int
                    var candidates: Int
                    var documents: Int
                    var jobs: Int
                    var chunks: Int
                    var vectors: Int
                    var matchResults: Int
                    var cachedVectors: Int
                    var byNamespace: [EngineStatistics.Namespace]
                }
                print(
                    JSONLine.encode(
                        Totals(
                            namespaces: statistics.namespaces.count, candidates: statistics.total(\.candidates),
                            documents: statistics.total(\.documents), jobs: statistics.total(\.jobs),
                            chunks: statistics.total(\.chunks), vectors: statistics.total(\.vectors),
                            matchResults: statistics.total(\.matchResults), cachedVectors: statistics.cachedVectors,
                            byNamespace: statistics.namespaces)))
                return
            }
            var table = TextTable(
                headers: ["namespace", "candidates", "documents", "jobs", "chunks", "vectors", "results"],
                rightAligned: [1, 2, 3, 4, 5, 6])
            for namespace in statistics.namespaces {
                table.append(
                    [namespace.name]
                        + [
                            namespace.candidates, namespace.documents, namespace.jobs, namespace.chunks,
                            namespace.vectors, namespace.matchResults,
                        ].map(String.init))
            }
            table.append(
                ["all \(statistics.namespaces.count)"]
                    + [
                        statistics.total(\.candidates), statistics.total(\.documents), statistics.total(\.jobs),
                        statistics.total(\.chunks), statistics.total(\.vectors), statistics.total(\.matchResults),
                    ].map(String.init))
            print(table.render())
            print("\nembedding cache: \(statistics.cachedVectors) vectors")
        }
    }
}

import ArgumentParser
import Foundation

/// `match-tool config show`: the effective configuration and where each value came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration.",
        subcommands: [Show.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print every setting, its value and where it came from.",
            discussion: """
                Precedence: defaults < configuration file (match-tool.json in the working directory, or \
                --config FILE) < environment (MATCH_ENGINE_DB, MATCH_ENGINE_NAMESPACE, MATCH_ENGINE_PROVIDER, \
                MATCH_ENGINE_FORMAT, MATCH_ENGINE_PROGRESS, MATCH_ENGINE_PRESET, MATCH_ENGINE_WEIGHTS, \
                MATCH_ENGINE_THRESHOLD, MATCH_ENGINE_TOP, MATCH_ENGINE_HTTP_BASE_URL, MATCH_ENGINE_HTTP_MODEL, \
                MATCH_ENGINE_HTTP_DIMENSION, MATCH_ENGINE_HTTP_API_KEY_VARIABLE) < flags. The file is a JSON \
                object with the same keys in lower case (db, namespace, provider, format, progress, preset, \
                weights, threshold, top, http-base-url, http-model, http-dimension, http-api-key-variable); \
                an unknown key or a bad value anywhere is an error naming the key (exit status 78).

                Examples:
                  match-tool config show
                  MATCH_ENGINE_PROVIDER=hashing match-tool config show --namespace acme --format json

                \(ExitStatus.help)
                """)

        @OptionGroup var engine: EngineOptions
        @Option(help: "table or json.") var format: ListFormat?

        func run() throws {
            // --format chooses how this command prints; it is not the `format` setting shown.
            let settings = try engine.settings()
            var rows = settings.all.map { entry in
                (entry.key, entry.value ?? "", entry.source.description)
            }
            if settings["db"] == nil {
                rows = rows.map { $0.0 == "db" ? ("db", EngineOptions.directory(settings).path, "default") : $0 }
            }
            if format == .json {
                for (key, value, source) in rows {
                    print(JSONLine.encode(["key": key, "value": value, "source": source]))
                }
                return
            }
            var table = TextTable(headers: ["key", "value", "source"])
            for row in rows { table.append([row.0, row.1, row.2]) }
            print(table.render())
        }
    }
}

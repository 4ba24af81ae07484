import ArgumentParser
import Logging

@main
struct MatchTool: AsyncParsableCommand {
    /// Log lines go to standard error, which keeps standard output for results.
    static func main() async {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "match-tool",
        abstract: "Score resumes against jobs, locally.",
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, MatchCommand.self, ParseCommand.self, ParseJobCommand.self, EvalParseCommand.self,
            EmbedCommand.self, RagCommand.self, SearchCommand.self, EvalRagCommand.self,
        ]
    )
}

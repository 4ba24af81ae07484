import ArgumentParser
import Foundation
import Logging

@main
struct MatchTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match-tool",
        abstract: "Score resumes against jobs, locally.",
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, MatchCommand.self, ParseCommand.self, ParseJobCommand.self, EvalParseCommand.self,
            EmbedCommand.self, RagCommand.self, SearchCommand.self, EvalRagCommand.self,
        ]
    )

    /// ArgumentParser's own `main`, with log lines sent to standard error (standard output is for
    /// results), plus one last check of standard output: results that `print` could not write (a full
    /// disk, `> /dev/full`) end the run with status 74 (EX_IOERR) and a message, whatever the command
    /// itself concluded.
    static func main() async {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            try finishOutput()
        } catch {
            try? finishOutput()
            exit(withError: error)
        }
    }

    /// Exits with status 74 when standard output lost anything.
    private static func finishOutput() throws {
        do {
            try StandardOutput.finish()
        } catch {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            Foundation.exit(74)
        }
    }
}

import ArgumentParser
import Foundation
import Logging

@main
struct MatchTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match-tool",
        abstract: "Score resumes against jobs, locally.",
        discussion: """
            The recruiter's job: `match-tool score --job job.md resumes/` stores the job and the resumes in \
            the engine (default $XDG_DATA_HOME/match-engine, else ~/.local/share/match-engine; --db chooses \
            another) and prints the ranked shortlist; --format csv|json|html --output FILE writes a report.

            Examples:
              match-tool score --job job.md resumes/ --top 10
              match-tool score --job job.md resumes/ --format html --output shortlist.html
              match-tool jobs list
              match-tool explain --job JOB_ID --candidate CANDIDATE_ID
              match-tool db stats
              match-tool config show

            Shell completion: `match-tool --generate-completion-script bash > /etc/bash_completion.d/match-tool` \
            (also zsh, fish).

            \(ExitStatus.help)
            """,
        version: "0.1.0",
        subcommands: [
            ScoreCommand.self, IngestCommand.self, JobsCommand.self, CandidatesCommand.self, RankCommand.self,
            ExplainCommand.self, StatusCommand.self, DBCommand.self, ConfigCommand.self, RagCommand.self,
            SearchCommand.self, EvalRagCommand.self, EvalRankCommand.self, ParseCommand.self, ParseJobCommand.self,
            EvalParseCommand.self,
            EmbedCommand.self,
        ]
    )

    /// ArgumentParser's own `main`, with log lines sent to standard error (standard output is for
    /// results), long file lists kept out of ArgumentParser's positional matching (``LongArgumentLists``),
    /// plus one last check of standard output: results that `print` could not write (a full disk,
    /// `> /dev/full`) end the run with status 74 (EX_IOERR) and a message, whatever the command itself
    /// concluded.
    static func main() async {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        do {
            var command = try LongArgumentLists.parse(Array(CommandLine.arguments.dropFirst()), as: Self.self)
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

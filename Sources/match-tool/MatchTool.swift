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
            ExplainCommand.self, StatusCommand.self, DBCommand.self, ConfigCommand.self, ParseCommand.self,
            ParseJobCommand.self, EvalParseCommand.self, EmbedCommand.self,
        ]
    )
}

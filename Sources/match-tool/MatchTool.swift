import ArgumentParser

@main
struct MatchTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match-tool",
        abstract: "Score resumes against jobs, locally.",
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, MatchCommand.self, ParseCommand.self, ParseJobCommand.self, EvalParseCommand.self,
            EmbedCommand.self,
        ]
    )
}

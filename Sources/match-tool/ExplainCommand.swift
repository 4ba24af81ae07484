import ArgumentParser
import Foundation
import MatchEngine

/// `match-tool explain --job ID --candidate ID`: one candidate scored against one job, with reasons.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one candidate's score for one job: components, gaps, strengths, advice.",
        discussion: """
            Examples:
              match-tool explain --job backend-2026 --candidate email:jane@example.com
              match-tool explain --job backend-2026 --candidate email:jane@example.com --format json

            \(ExitStatus.help)
            """
    )

    @OptionGroup var engine: EngineOptions
    @Option(help: "The job's id.") var job: String
    @Option(help: "The candidate's id.") var candidate: String
    @Option(help: "table or json.") var format: ListFormat?
    @Option(help: "Scoring weights preset: standard or classic.") var preset: ScoreCommand.Preset?
    @Option(help: ArgumentHelp("A JSON file of scoring weights.", valueName: "file")) var weights: String?

    func run() async throws {
        let settings = try engine.settings([
            "format": format?.rawValue, "preset": preset?.rawValue, "weights": weights,
        ])
        let engine = try await EngineOptions.open(
            settings, weights: try EngineOptions.weights(settings), quiet: self.engine.quiet)
        defer { engine.close() }
        let namespace = self.engine.namespace(settings)
        let result = try await Failure.map {
            try await engine.explain(job: job, candidate: candidate, namespace: namespace)
        }
        if settings["format"] == "json" {
            print(JSONLine.encode(result))
            return
        }
        print("\(candidate) for \(job): \(String(format: "%.1f", result.score)) → \(result.decision.rawValue)\n")
        var table = TextTable(headers: ["component", "value", "weight"], rightAligned: [1, 2])
        for component in result.components {
            table.append([
                component.kind.rawValue, String(format: "%.2f", component.value),
                String(format: "%.2f", component.weight),
            ])
        }
        print(table.render())
        func line(_ label: String, _ items: [String]) {
            print("\(label): \(items.isEmpty ? "-" : items.joined(separator: ", "))")
        }
        print()
        line("matched required", result.matchedRequiredSkills)
        line("missing required", result.missingRequiredSkills)
        line("matched preferred", result.matchedPreferredSkills)
        line("missing preferred", result.missingPreferredSkills)
        print(
            "years: \(String(format: "%.1f", result.candidateYears))"
                + (result.yearsGap > 0 ? " (\(String(format: "%.1f", result.yearsGap)) short)" : ""))
        print(
            "degree: \(result.candidateDegree?.rawValue ?? "-")"
                + (result.missingDegree.map { " (\($0.rawValue) asked)" } ?? ""))
        if !result.strengths.isEmpty {
            print("\nstrengths:\n" + result.strengths.map { "  - \($0)" }.joined(separator: "\n"))
        }
        if !result.advice.isEmpty { print("\nadvice:\n" + result.advice.map { "  - \($0)" }.joined(separator: "\n")) }
    }
}

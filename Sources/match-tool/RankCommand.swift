import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// `match-tool rank --job ID`: ranks the candidates already stored in a namespace for a stored job.
struct RankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank the stored candidates for a stored job.",
        discussion: """
            Every candidate of the namespace is scored (see `match-tool score --help` for the formula) and \
            the results are recorded. Filters narrow the ranking.

            Examples:
              match-tool rank --job sha256:9f2c… --top 10
              match-tool rank --job backend-2026 --skill k8s --min-years 3 --format html --output rank.html

            \(ExitStatus.help)
            """
    )

    @OptionGroup var engine: EngineOptions
    @Option(help: "The job's id (see `match-tool jobs list`).") var job: String
    @Option(help: "The most candidates listed (default: 10).") var top: Int?
    @Option(help: "Output format: table, csv, json or html.") var format: ScoreCommand.Format?
    @Option(name: [.short, .long], help: ArgumentHelp("Write the output to this file.", valueName: "file"))
    var output: String?
    @Option(help: "Only candidates with at least this many years.") var minYears: Double?
    @Option(help: "Only candidates with this skill (any alias).") var skill: String?
    @Option(help: "Only candidates whose location contains this text.") var location: String?
    @Option(help: "Only candidates at this pipeline status for the job (repeatable).")
    var status: [PipelineStatus] = []
    @Option(help: "Scoring weights preset: standard or classic.") var preset: ScoreCommand.Preset?
    @Option(help: ArgumentHelp("A JSON file of scoring weights.", valueName: "file")) var weights: String?
    @Option(help: "Score at or above which the decision is interview.") var threshold: Double?

    func run() async throws {
        let settings = try engine.settings([
            "format": format?.rawValue, "top": top.map(String.init), "preset": preset?.rawValue, "weights": weights,
            "threshold": threshold.map { String($0) },
        ])
        let namespace = engine.namespace(settings)
        let weights = try EngineOptions.weights(settings)
        let engine = try await EngineOptions.open(settings, weights: weights, quiet: self.engine.quiet)
        defer { engine.close() }
        let filters = RankFilters(
            minimumYears: minYears, requiredSkill: skill, location: location,
            statuses: status.isEmpty ? nil : Set(status))
        let (summary, ranked) = try await Failure.map {
            guard let summary = try engine.jobs(namespace: namespace).first(where: { $0.id == job }) else {
                throw EngineError.unknownJob(job, namespace: namespace)
            }
            let ranked = try await engine.rank(
                job: job, namespace: namespace, limit: settings["top"].flatMap(Int.init) ?? 10, filters: filters)
            return (summary, ranked)
        }
        let report = ShortlistReport(job: summary, namespace: namespace, weights: weights, ranked: ranked)
        try ReportOutput.write(report, format: settings["format"] ?? "table", bom: false, to: output)
    }
}

extension PipelineStatus: ExpressibleByArgument {}

/// Writes a report in the chosen format to standard output or a file.
enum ReportOutput {
    static func write(_ report: ShortlistReport, format: String, bom: Bool, to output: String?) throws {
        let bytes: [UInt8]
        switch format {
        case "csv": bytes = report.csv().data(bom: bom)
        case "json": bytes = Array((report.json() + "\n").utf8)
        case "html": bytes = Array(report.html().utf8)
        default: bytes = Array((report.table() + "\n").utf8)
        }
        do {
            let sink = try OutputSink(path: output)
            try sink.write(Data(bytes))
            try sink.close()
        } catch {
            // A full disk or a closed pipe: the report is incomplete, a storage (I/O) error.
            let reason =
                (error as? OutputError)?.errorDescription
                ?? "cannot write to \(FileNameEscaping.escaped(output ?? "standard output")): \(error.localizedDescription)"
            FileHandleOutput.standardError("error: \(reason)")
            throw ExitCode(ExitStatus.storage)
        }
    }
}

import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// `match-tool score`: the recruiter's main job. Stores the job and whatever resumes are new in the
/// engine, scores every named resume against the job and prints the ranked shortlist.
struct ScoreCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, html }
    enum Preset: String, ExpressibleByArgument, CaseIterable { case standard, classic }

    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score resumes against a job and print the ranked shortlist (or write a report).",
        discussion: """
            Stores the job and every resume not stored yet in the engine (--db; a file already stored, \
            by its bytes, is not parsed or embedded again, so a second run over a folder is fast), then \
            scores each named resume: score = 100 × Σ weight × component / Σ weight over required skills \
            (0.40), preferred skills (0.15), experience (0.15), education (0.10) and semantic similarity \
            (0.20); components a job does not ask for are left out. --preset classic is keyword-only; \
            --weights reads a JSON file of weights (keys as in ScoringWeights). A score at or above \
            --threshold (default 70) is "interview", else "reject".

            Formats: table (terminal), csv (RFC 4180; --bom for Excel; cells that would be formulas are \
            prefixed with '), json (every field of each explanation), html (one self-contained page: \
            requirements, score bars, breakdowns; sortable when scripts run; printable). --output writes \
            to a file (atomically) instead of standard output.

            Every flag may also come from match-tool.json (or --config) and MATCH_ENGINE_* variables: \
            flags > environment > file > defaults; see `match-tool config show`.

            Examples:
              match-tool score --job job.md resumes/
              match-tool score --job job.md resumes/ --top 10 --format html --output shortlist.html
              match-tool score --job job.md resumes/ --format csv --bom --output shortlist.csv
              match-tool score --job job.md a.pdf b.docx --preset classic --provider hashing --format json

            \(ExitStatus.help)
            """
    )

    @OptionGroup var engine: EngineOptions

    @Option(help: ArgumentHelp("The job description to score against.", valueName: "file"))
    var job: String

    @Argument(help: "Resume files or folders (a folder's files directly inside it).")
    var resumes: [String]

    @Option(help: "Output format: table, csv, json or html (default: table).")
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the output to this file.", valueName: "file"))
    var output: String?

    @Flag(help: "Start CSV output with a UTF-8 byte-order mark (for Excel).")
    var bom = false

    @Option(help: "The most candidates listed (default: all).")
    var top: Int?

    @Option(help: "Score at or above which the decision is interview (default: 70).")
    var threshold: Double?

    @Option(help: "Scoring weights preset: standard or classic (keyword-only).")
    var preset: Preset?

    @Option(help: ArgumentHelp("A JSON file of scoring weights (over the preset).", valueName: "file"))
    var weights: String?

    @Option(help: "The month \"Present\" stands for, as YYYY-MM (default: this month).")
    var asOf: String?

    func validate() throws {
        if let asOf, YearMonth(asOf) == nil { throw ValidationError("--as-of must be YYYY-MM, not \(asOf).") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1.") }
        if let threshold, !(0...100).contains(threshold) { throw ValidationError("--threshold must be 0 … 100.") }
        if bom, format != .csv, format != nil { throw ValidationError("--bom applies to --format csv only.") }
    }

    func run() async throws {
        let settings = try engine.settings([
            "format": format?.rawValue, "top": top.map(String.init), "threshold": threshold.map { String($0) },
            "preset": preset?.rawValue, "weights": weights,
        ])
        let namespace = engine.namespace(settings)
        guard FileManager.default.fileExists(atPath: job) else {
            FileHandleOutput.standardError("error: \(FileNameEscaping.escaped(job)): job description not found")
            throw ExitCode(ExitStatus.noInput)
        }
        let weights = try EngineOptions.weights(settings)
        let engine = try await EngineOptions.open(
            settings, weights: weights, referenceMonth: asOf.flatMap(YearMonth.init), quiet: self.engine.quiet)
        defer { engine.close() }
        let stored: JobSummary
        do {
            stored = try await engine.addJob(.file(URL(fileURLWithPath: job)), namespace: namespace)
        } catch let error as ParseError {
            FileHandleOutput.standardError("error: \(ExitStatus.describe(error))")
            throw ExitCode(ExitStatus.noInput)
        } catch {
            throw ExitStatus.report(error)
        }
        let outcome = try await BatchIngest.run(
            resumes, into: engine, namespace: namespace, progress: self.engine.progressMode(settings))
        var ranked: [RankedCandidate] = []
        if !outcome.candidates.isEmpty {
            do {
                ranked = try await engine.rank(
                    job: stored.id, namespace: namespace,
                    limit: settings["top"].flatMap(Int.init) ?? outcome.candidates.count,
                    filters: RankFilters(candidates: Set(outcome.candidates)))
            } catch {
                throw ExitStatus.report(error)
            }
        }
        let report = ShortlistReport(
            job: stored, namespace: namespace, weights: weights, ranked: ranked, failures: outcome.failures)
        try ReportOutput.write(report, format: settings["format"] ?? "table", bom: bom, to: output)
        if !self.engine.quiet {
            FileHandleOutput.standardError(BatchIngest.summary(outcome))
            if let output {
                FileHandleOutput.standardError("report: \(FileNameEscaping.escaped(URL(fileURLWithPath: output).path))")
            }
        }
        if outcome.exitStatus != ExitStatus.ok { throw ExitCode(outcome.exitStatus) }
    }
}

extension ScoreCommand: FileListCommand {
    var fileArguments: [String] {
        get { resumes }
        set { resumes = newValue }
    }
}

import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// `match-tool match`: scores resumes against a job and prints them ranked.
struct MatchCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }
    enum Preset: String, ExpressibleByArgument, CaseIterable { case standard, classic }

    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Score resumes against a job and print them ranked.",
        discussion: """
            score = 100 × Σ weight × component / Σ weight over the components that apply: required skills \
            (0.40, share matched), preferred skills (0.15), experience (0.15, candidate years / minimum, at \
            most 1), education (0.10: 1 at or above the required degree, 0.5 one level below) and semantic \
            (0.20: MiniLM cosine of resume and job, mapped linearly from 0.15 … 0.75 to 0 … 1). A job without \
            preferred skills, minimum years or degree requirement drops that component; --no-semantic drops \
            the semantic one (no model needed); --preset classic is keyword-only (0.50/0.20/0.20/0.10). \
            Score ≥ 70 is "interview", else "reject". Resumes that cannot be read are reported on standard \
            error and left out of the ranking; the exit status is then 1.
            """
    )

    @Option(help: "The job description to score against.")
    var job: String

    @Argument(help: "Resume files or folders.")
    var resumes: [String]

    @Option(help: "Output format: a ranked table, or one JSON object per resume and line.")
    var format: Format = .table

    @Option(help: "Scoring weights.")
    var preset: Preset = .standard

    @Flag(help: "Leave out the semantic component (no model needed).")
    var noSemantic = false

    @Option(help: "The month \"Present\" stands for, as YYYY-MM (default: this month).")
    var asOf: String?

    @Option(help: "Keep the engine in this directory (default: a temporary one, removed afterwards).")
    var db: String?

    @Option(help: "The namespace (tenant) to work in.")
    var namespace: String = "default"

    func validate() throws {
        if let asOf, YearMonth(asOf) == nil { throw ValidationError("--as-of must be YYYY-MM, not \(asOf).") }
    }

    func run() async throws {
        var weights: ScoringWeights = preset == .classic ? .classic : .standard
        if noSemantic { weights.semantic = 0 }
        var options = try EngineOptions.parse(["--namespace", namespace])
        // Without the semantic component the vectors are never used: the hashing provider needs no model.
        if weights.semantic == 0 { options.provider = .hashing }
        let temporary =
            db == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent(
                "match-tool-\(UUID().uuidString)") : nil
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let engine = try await options.open(
            at: temporary ?? db.map { URL(fileURLWithPath: $0) }, weights: weights,
            referenceMonth: asOf.flatMap(YearMonth.init))
        defer { engine.close() }
        let jobURL = URL(fileURLWithPath: job)
        let stored: JobSummary
        do {
            stored = try await engine.addJob(.file(jobURL), namespace: namespace)
        } catch {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let ingest = try engine.ingest(InputFiles.expand(resumes).map { .file($0) }, namespace: namespace)
        for await event in ingest.events {
            if case .failed(let failure) = event { FileHandleOutput.standardError("error: \(failure.reason)") }
        }
        let status = await ingest.result()
        let ranked = try await engine.rank(job: stored.id, namespace: namespace, limit: 100_000)
        let parsedJob = stored.requirements
        switch format {
        case .json:
            struct Line: Encodable {
                var rank: Int
                var source: String
                var candidate: String
                var name: String?
                var result: MatchResult
            }
            for entry in ranked {
                print(
                    JSONLine.encode(
                        Line(
                            rank: entry.rank, source: Self.fileName(entry.candidate.source),
                            candidate: entry.candidate.id, name: entry.candidate.name, result: entry.result)))
            }
        case .table:
            print("\(parsedJob.title ?? jobURL.lastPathComponent): \(ranked.count) candidates\n")
            var table = TextTable(
                headers: [
                    "#", "file", "name", "score", "decision", "required", "preferred", "years", "degree",
                    "missing required",
                ],
                rightAligned: [0, 3, 7])
            for entry in ranked {
                let result = entry.result
                table.append([
                    String(entry.rank), Self.fileName(entry.candidate.source), entry.candidate.name ?? "-",
                    String(format: "%.1f", result.score), result.decision.rawValue,
                    "\(result.matchedRequiredSkills.count)/\(parsedJob.requiredSkills.count)",
                    "\(result.matchedPreferredSkills.count)/\(parsedJob.preferredSkills.count)",
                    String(format: "%.1f", result.candidateYears), result.candidateDegree?.rawValue ?? "-",
                    result.missingRequiredSkills.joined(separator: ", "),
                ])
            }
            print(table.render())
        }
        if status.failed > 0 || status.state != .succeeded { throw ExitCode(1) }
    }

    private static func fileName(_ source: String?) -> String {
        source.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "-"
    }
}

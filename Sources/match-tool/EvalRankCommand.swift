import ArgumentParser
import Foundation
import MatchEngine
import RankingEvaluation
import ResumeParser

/// `match-tool eval-rank DIR`: ranking quality on a graded relevance set, next to a keyword baseline.
struct EvalRankCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(
        commandName: "eval-rank",
        abstract: "Score ranking on a graded relevance set (Fixtures/relevance) against a keyword baseline.",
        discussion: """
            Stores the set's jobs and resumes in a temporary engine (each resume its own candidate), ranks \
            every resume for every job and compares with the grades (0 … 3). NDCG@k: gains 2^grade − 1; \
            Spearman: per job, scores against grades; decision: share of grade-3 pairs at or above the \
            threshold and of grade-0 pairs below it; layout spread: the largest score difference among layouts \
            of one person. The baseline is the share of the job's required skills named in the resume text.

            Example:
              match-tool eval-rank Fixtures/relevance --provider hashing
            """
    )

    @Argument(help: "The relevance set's folder (set.json, grades.tsv).")
    var directory = "Fixtures/relevance"

    @OptionGroup var engine: EngineOptions

    @Option(help: "Scoring preset: standard or classic.")
    var preset: String?

    @Option(help: "A JSON file of scoring weights.")
    var weights: String?

    @Option(help: "The month \"Present\" stands for (YYYY-MM), so figures do not drift with the calendar.")
    var asOf = "2026-11"

    @Option(help: "Output format.")
    var format: Format = .text

    @Flag(help: "List every graded pair: job, rank, grade, score, baseline.")
    var pairs = false

    func validate() throws {
        if YearMonth(asOf) == nil { throw ValidationError("--as-of must be YYYY-MM, not \(asOf).") }
    }

    func run() async throws {
        let set: RelevanceSet
        do {
            set = try RelevanceSet.load(from: URL(fileURLWithPath: directory))
        } catch {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(66)
        }
        let settings = try engine.settings(["preset": preset, "weights": weights])
        let temporary =
            settings["db"] == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("match-tool-\(UUID().uuidString)") : nil
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let opened = try await EngineOptions.open(
            settings, weights: try EngineOptions.weights(settings), referenceMonth: YearMonth(asOf),
            quiet: true, at: temporary)
        defer { opened.close() }
        let evaluation: RankingEvaluation
        do {
            evaluation = try await RankingEvaluation.run(set, engine: opened, namespace: engine.namespace(settings))
        } catch let error as RankingEvaluationError {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(1)
        } catch {
            throw ExitStatus.report(error)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(evaluation)
            print(String(decoding: data, as: UTF8.self))
        case .text:
            print(Self.render(evaluation, set: set, provider: opened.configuration.provider.modelIdentifier))
            if pairs {
                var table = TextTable(
                    headers: ["job", "rank", "grade", "score", "baseline", "resume"], rightAligned: [1, 2, 3, 4])
                for pair in evaluation.pairs {
                    table.append([
                        (pair.job as NSString).lastPathComponent, "\(pair.rank)", "\(pair.grade)",
                        String(format: "%.1f", pair.score),
                        String(format: "%.1f", pair.baseline), (pair.resume as NSString).lastPathComponent,
                    ])
                }
                print("\n" + table.render())
            }
        }
    }

    static func render(_ evaluation: RankingEvaluation, set: RelevanceSet, provider: String) -> String {
        let number = { (value: Double?) in value.map { String(format: "%.3f", $0) } ?? "-" }
        let share = { (hits: Int, total: Int) in total == 0 ? "-" : "\(hits)/\(total)" }
        var lines = [
            "\(evaluation.jobs.count) jobs, \(set.resumes.count) resumes, \(evaluation.pairs.count) graded pairs, "
                + "\(set.layoutGroups.count) layout groups; provider \(provider); threshold "
                + String(format: "%g", evaluation.threshold),
            "",
        ]
        var table = TextTable(
            headers: [
                "job", "NDCG@3", "base", "NDCG@5", "base", "Spearman", "base", "g3≥T", "base", "g0<T", "base", "spread",
                "base",
            ],
            rightAligned: Set(1...12))
        for job in evaluation.jobs {
            let mine = job.scorer
            let theirs = job.baseline
            table.append([
                (job.id as NSString).lastPathComponent, number(mine.ndcg3), number(theirs.ndcg3), number(mine.ndcg5),
                number(theirs.ndcg5),
                number(mine.spearman), number(theirs.spearman), share(mine.grade3Interview, mine.grade3),
                share(theirs.grade3Interview, theirs.grade3), share(mine.grade0Reject, mine.grade0),
                share(theirs.grade0Reject, theirs.grade0), String(format: "%.1f", mine.layoutSpread),
                String(format: "%.1f", theirs.layoutSpread),
            ])
        }
        lines.append(table.render())
        lines.append("")
        var overall = TextTable(headers: ["measure", "scorer", "baseline"], rightAligned: [1, 2])
        let rows: [(String, KeyPath<RankingEvaluation.Figures, Double>, Bool)] = [
            ("NDCG@3 (mean)", \.ndcg3, false), ("NDCG@3 (lowest job)", \.ndcg3Minimum, false),
            ("NDCG@5 (mean)", \.ndcg5, false), ("Spearman (mean)", \.spearman, false),
            ("Spearman (lowest job)", \.spearmanMinimum, false),
            ("Spearman ceiling (perfect order, no ties)", \.spearmanCeiling, false),
            ("grade 3 at ≥ threshold", \.grade3Interview, false),
            ("grade 0 below threshold", \.grade0Reject, false), ("decision agreement", \.decisionAgreement, false),
            ("layout spread (largest, points)", \.layoutSpread, true),
            ("layout spread (mean, points)", \.layoutSpreadMean, true),
        ]
        for (name, path, points) in rows {
            let format = points ? "%.1f" : "%.3f"
            overall.append([
                name, String(format: format, evaluation.scorer[keyPath: path]),
                String(format: format, evaluation.baseline[keyPath: path]),
            ])
        }
        lines.append(overall.render())
        return lines.joined(separator: "\n")
    }
}

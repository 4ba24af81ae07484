import ArgumentParser
import Foundation
import MatchEngine
import RetrievalEvaluation

/// `match-tool eval-rag`: scores retrieval on the evaluation set, dense-only, BM25-only and hybrid.
struct EvalRagCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(
        commandName: "eval-rag",
        abstract: "Score retrieval (dense, BM25, hybrid) on the questions in Fixtures/retrieval.",
        discussion: """
            Stores the set's corpus (the fixture resumes and jobs) in the engine — a temporary one unless --db \
            is given — then asks every question in each mode. recall@k: expected passages among the first k, \
            over min(expected, k), averaged over answerable questions; MRR: 1 / rank of the first answering \
            passage (first 10); no-answer precision: share of negative questions with no result; answered: \
            share of answerable questions with a result.
            """
    )

    @OptionGroup var engine: EngineOptions

    @Option(help: "The questions file.")
    var questions = "Fixtures/retrieval/questions.json"

    @Option(help: "The k of recall@k.")
    var k = 4

    @Flag(
        inversion: .prefixedNo,
        help: "Embed sentence windows beside each chunk, as `match-tool ingest` does (off: as `score` stores).")
    var windows = true

    @Option(help: "Minimum calibrated dense score (default: the engine's).")
    var minimumSimilarity: Double?

    @Option(help: "Minimum calibrated dense score of a passage that also matches in BM25 (default: the engine's).")
    var lexicalMinimumSimilarity: Double?

    @Option(
        help: "Lexical minimum when a word of the question occurs nowhere in the index (default: the engine's).")
    var unmatchedTermsLexicalMinimumSimilarity: Double?

    @Option(help: "Calibrated margin below the best passage within which passages are kept (default: the engine's).")
    var nearBestMargin: Double?

    @Option(help: "Share of the weight of the question's names a BM25 match must hold (default: the engine's).")
    var minimumKeyTermCoverage: Double?

    @Option(
        help: "Minimum calibrated dense score when none of the question's names is indexed (default: the engine's).")
    var unmatchedNamesMinimumSimilarity: Double?

    @Option(help: "The k of reciprocal rank fusion (default: the engine's).")
    var fusionK: Double?

    @Option(help: "BM25's fusion weight when the question names nothing indexed (default: the engine's).")
    var unnamedLexicalWeight: Double?

    @Option(help: "Minimum calibrated dense score of a passage of the question's other kind (default: the engine's).")
    var otherKindMinimumSimilarity: Double?

    @Option(
        help:
            "The factor on the fused score of passages of the other document kind than the question's (default: the engine's)."
    )
    var kindHintFactor: Double?

    @Option(help: "Output format.")
    var format: Format = .text

    @Flag(help: "List the questions each mode missed.")
    var misses = false

    @Flag(help: "Print each question's first six hybrid passages without thresholds: cosine, BM25, fused score.")
    var trace = false

    func validate() throws {
        guard (1...10).contains(k) else { throw ValidationError("--k must be 1 … 10.") }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: questions)
        let set: RetrievalQuestions
        do {
            set = try RetrievalQuestions.load(from: url)
        } catch {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(66)
        }
        var options = RetrievalOptions()
        if let minimumSimilarity { options.minimumSimilarity = minimumSimilarity }
        if let lexicalMinimumSimilarity { options.lexicalMinimumSimilarity = lexicalMinimumSimilarity }
        if let unmatchedTermsLexicalMinimumSimilarity {
            options.unmatchedTermsLexicalMinimumSimilarity = unmatchedTermsLexicalMinimumSimilarity
        }
        if let nearBestMargin { options.nearBestMargin = nearBestMargin }
        if let minimumKeyTermCoverage { options.minimumKeyTermCoverage = minimumKeyTermCoverage }
        if let unmatchedNamesMinimumSimilarity {
            options.unmatchedNamesMinimumSimilarity = unmatchedNamesMinimumSimilarity
        }
        if let fusionK { options.fusionK = fusionK }
        if let unnamedLexicalWeight { options.unnamedLexicalWeight = unnamedLexicalWeight }
        if let otherKindMinimumSimilarity { options.otherKindMinimumSimilarity = otherKindMinimumSimilarity }
        if let kindHintFactor { options.kindHintFactor = kindHintFactor }
        let settings = try engine.settings()
        let namespace = engine.namespace(settings)
        let temporary =
            settings["db"] == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("match-tool-\(UUID().uuidString)") : nil
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let opened = try await EngineOptions.open(
            settings, quiet: engine.quiet, at: temporary, chunkWindows: windows ? ChunkWindows() : .none)
        defer { opened.close() }
        let root = url.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let evaluation: RetrievalEvaluation
        do {
            try await set.ingestCorpus(root: root, into: opened, namespace: namespace)
            evaluation = try await RetrievalEvaluation.run(
                set, engine: opened, namespace: namespace, k: k, options: options)
        } catch let error as RetrievalEvaluationError {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(1)
        } catch let error as EngineError {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(78)
        }
        let modes: [RetrievalOptions.Mode] = [.dense, .bm25, .hybrid]
        if trace {
            var open = options
            open.minimumSimilarity = 0
            open.lexicalMinimumSimilarity = 0
            open.unmatchedTermsLexicalMinimumSimilarity = 0
            for question in set.questions {
                print("\(question.id) \(question.question) [\(question.relevant.count)]")
                let passages = try await opened.retrieve(
                    question.question, namespace: namespace, k: 6, options: open)
                for passage in passages {
                    let hit = question.relevant.contains { RetrievalEvaluation.answers(passage, $0) }
                    let cosine = passage.cosine.map { String(format: "%.3f", $0) } ?? "-"
                    let bm25 = passage.bm25Score.map { String(format: "%.2f", $0) } ?? "-"
                    print(
                        "   \(hit ? "+" : "-") cos \(cosine) bm25 \(bm25) fused \(String(format: "%.4f", passage.fusedScore))"
                            + " \(URL(fileURLWithPath: passage.source).lastPathComponent) \(passage.section.rawValue)")
                }
            }
        }
        switch format {
        case .json:
            struct Line: Encodable {
                var mode: String
                var k: Int
                var questions: Int
                var scores: RetrievalEvaluation.Scores
            }
            for mode in modes {
                guard let scores = evaluation.scores[mode] else { continue }
                print(
                    JSONLine.encode(
                        Line(mode: mode.rawValue, k: k, questions: set.questions.count, scores: scores)))
            }
        case .text:
            print("\(set.questions.count) questions, provider \(opened.configuration.provider.modelIdentifier)\n")
            var table = TextTable(
                headers: [
                    "mode", "recall@\(k)", "MRR", "no-answer precision", "answered", "exact", "paraphrase",
                    "multi-hop",
                ],
                rightAligned: Set(1...7))
            for mode in modes {
                guard let scores = evaluation.scores[mode] else { continue }
                let number = { (value: Double?) in value.map { String(format: "%.3f", $0) } ?? "-" }
                table.append([
                    mode.rawValue, number(scores.recall), number(scores.mrr), number(scores.noAnswerPrecision),
                    number(scores.answered), number(scores.recallByType["exact"]),
                    number(scores.recallByType["paraphrase"]), number(scores.recallByType["multi-hop"]),
                ])
            }
            print(table.render())
            for mode in modes {
                guard let scores = evaluation.scores[mode] else { continue }
                let types = ["exact", "paraphrase", "multi-hop"].compactMap { type in
                    scores.mrrByType[type].map { "\(type) \(String(format: "%.3f", $0))" }
                }
                print("\(mode.rawValue) MRR by type: \(types.joined(separator: ", "))")
            }
            if misses {
                for mode in modes {
                    print("\(mode.rawValue) missed: \(evaluation.scores[mode]?.misses.joined(separator: " ") ?? "")")
                }
            }
        }
    }
}

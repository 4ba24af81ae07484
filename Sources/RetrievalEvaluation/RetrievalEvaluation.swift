import Foundation
import MatchEngine

/// Scores ``Engine/retrieve(_:namespace:k:filters:options:)`` on a ``RetrievalQuestions`` set, for each
/// retrieval mode.
///
/// Measures (each in 0 … 1):
/// - `recall@k`, over answerable questions: the expected passages found among the first k results,
///   divided by min(expected, k), averaged;
/// - `MRR`: the mean over answerable questions of 1 / the rank of the first result that answers (0 when
///   none of the first 10 does);
/// - `no-answer precision`: the share of negative questions for which nothing is returned;
/// - `answered`: the share of answerable questions for which something is returned.
public struct RetrievalEvaluation: Sendable {
    /// The measures of one mode, overall and per question type.
    public struct Scores: Sendable, Equatable, Codable {
        /// Mean recall at k over answerable questions.
        public var recall: Double
        /// Mean reciprocal rank of the first answering passage (first 10 results).
        public var mrr: Double
        /// Share of negative questions with no result.
        public var noAnswerPrecision: Double
        /// Share of answerable questions with at least one result.
        public var answered: Double
        /// Recall at k per question type (`exact`, `paraphrase`, `multi-hop`).
        public var recallByType: [String: Double]
        /// MRR per question type (`exact`, `paraphrase`, `multi-hop`).
        public var mrrByType: [String: Double]
        /// Questions answerable but with recall below 1 at k, or negative but answered.
        public var misses: [String]
    }

    /// The k of recall@k (4, the engine's default).
    public var k: Int
    /// The scores of each mode evaluated.
    public var scores: [RetrievalOptions.Mode: Scores]

    /// Runs every question in every mode against `namespace` of `engine` (which must hold the set's corpus).
    ///
    /// - Throws: what ``Engine/retrieve(_:namespace:k:filters:options:)`` throws.
    public static func run(
        _ set: RetrievalQuestions, engine: Engine, namespace: String, k: Int = 4,
        modes: [RetrievalOptions.Mode] = RetrievalOptions.Mode.allCases, options: RetrievalOptions = RetrievalOptions()
    ) async throws -> RetrievalEvaluation {
        var scores: [RetrievalOptions.Mode: Scores] = [:]
        for mode in modes {
            var options = options
            options.mode = mode
            var recalls: [String: [Double]] = [:]
            var reciprocal: [Double] = []
            var reciprocalByType: [String: [Double]] = [:]
            var negatives = 0
            var silent = 0
            var answered = 0
            var misses: [String] = []
            for question in set.questions {
                let passages = try await engine.retrieve(
                    question.question, namespace: namespace, k: max(k, 10), options: options)
                if question.relevant.isEmpty {
                    negatives += 1
                    if passages.isEmpty { silent += 1 } else { misses.append(question.id) }
                    continue
                }
                if !passages.isEmpty { answered += 1 }
                let found = Set(
                    passages.prefix(k).flatMap { passage in question.relevant.filter { answers(passage, $0) } })
                let recall = Double(found.count) / Double(min(question.relevant.count, k))
                recalls[question.type, default: []].append(recall)
                if recall < 1 { misses.append(question.id) }
                let first = passages.prefix(10).firstIndex { passage in
                    question.relevant.contains { answers(passage, $0) }
                }
                reciprocal.append(first.map { 1 / Double($0 + 1) } ?? 0)
                reciprocalByType[question.type, default: []].append(reciprocal[reciprocal.count - 1])
            }
            let all = recalls.values.flatMap { $0 }
            scores[mode] = Scores(
                recall: mean(all), mrr: mean(reciprocal),
                noAnswerPrecision: negatives == 0 ? 1 : Double(silent) / Double(negatives),
                answered: reciprocal.isEmpty ? 1 : Double(answered) / Double(reciprocal.count),
                recallByType: recalls.mapValues(mean), mrrByType: reciprocalByType.mapValues(mean), misses: misses)
        }
        return RetrievalEvaluation(k: k, scores: scores)
    }

    /// Whether a retrieved passage is the expected one.
    public static func answers(_ passage: Passage, _ expected: RetrievalQuestions.Expected) -> Bool {
        guard URL(fileURLWithPath: passage.source).lastPathComponent == expected.source,
            passage.section.rawValue == expected.section
        else { return false }
        let text = fold(passage.text)
        return expected.quotes.allSatisfy { text.contains($0) }
    }

    private static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}

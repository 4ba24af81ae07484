import Foundation
import MatchEngine
import ResumeParser

/// Scores ``Engine/rank(job:namespace:limit:filters:)`` on a graded ``RelevanceSet``, next to the
/// ``KeywordBaseline`` computed in the same run.
///
/// Measures, per job and overall (over the graded resumes of each job):
/// - NDCG@3 and NDCG@5 with gains 2^grade − 1 (jobs where nobody has a grade above 0 are left out);
/// - Spearman's ρ between scores and grades (ties share ranks; jobs with one grade only are left out);
/// - decision agreement: the share of grade-3 pairs at or above the interview threshold and of grade-0
///   pairs below it, each alone and together;
/// - layout spread: the largest score difference among layouts of the same person, per job; overall the
///   largest over jobs.
public struct RankingEvaluation: Sendable, Codable, Equatable {
    /// The figures of one ranking of one job.
    public struct JobFigures: Sendable, Codable, Equatable {
        /// NDCG at 3, `nil` when no resume has a grade above 0.
        public var ndcg3: Double?
        /// NDCG at 5, likewise.
        public var ndcg5: Double?
        /// Spearman's ρ of scores and grades, `nil` when the grades are all equal.
        public var spearman: Double?
        /// The highest ρ distinct scores can reach against these grades (scores in perfect grade order,
        /// no ties): grades full of ties keep it below 1.
        public var spearmanCeiling: Double?
        /// Grade-3 pairs at or above the threshold.
        public var grade3Interview: Int
        /// Grade-3 pairs.
        public var grade3: Int
        /// Grade-0 pairs below the threshold.
        public var grade0Reject: Int
        /// Grade-0 pairs.
        public var grade0: Int
        /// The largest score difference among layouts of one person (0 without layout groups).
        public var layoutSpread: Double
    }

    /// The figures of one ranking over every job.
    public struct Figures: Sendable, Codable, Equatable {
        /// Mean NDCG@3 over the jobs where it is defined.
        public var ndcg3: Double
        /// The lowest NDCG@3 of a job.
        public var ndcg3Minimum: Double
        /// Mean NDCG@5.
        public var ndcg5: Double
        /// Mean per-job Spearman's ρ.
        public var spearman: Double
        /// The lowest per-job Spearman's ρ.
        public var spearmanMinimum: Double
        /// The mean per-job Spearman ceiling (see ``JobFigures/spearmanCeiling``).
        public var spearmanCeiling: Double
        /// Share of grade-3 pairs at or above the threshold.
        public var grade3Interview: Double
        /// Share of grade-0 pairs below the threshold.
        public var grade0Reject: Double
        /// Share of grade-3 and grade-0 pairs on the right side of the threshold.
        public var decisionAgreement: Double
        /// The largest layout spread of any job.
        public var layoutSpread: Double
        /// The mean of the per-job layout spreads.
        public var layoutSpreadMean: Double
    }

    /// One job's results.
    public struct Job: Sendable, Codable, Equatable {
        /// The job's id in the set.
        public var id: String
        /// Its title as parsed.
        public var title: String?
        /// Graded resumes.
        public var graded: Int
        /// The scorer's figures.
        public var scorer: JobFigures
        /// The keyword baseline's figures.
        public var baseline: JobFigures
    }

    /// One graded pair.
    public struct Pair: Sendable, Codable, Equatable {
        /// The job's id.
        public var job: String
        /// The resume's id.
        public var resume: String
        /// The grade read by a person.
        public var grade: Int
        /// The engine's score.
        public var score: Double
        /// The keyword baseline's score.
        public var baseline: Double
        /// The engine's rank among the job's graded resumes (1 = best).
        public var rank: Int
        /// The value of each component and (named "× kind") each role-fit factor of the engine's score (empty
        /// when not ranked by the engine).
        public var components: [String: Double] = [:]
    }

    /// Per job, in set order.
    public var jobs: [Job]
    /// The scorer over every job.
    public var scorer: Figures
    /// The keyword baseline over every job.
    public var baseline: Figures
    /// Every graded pair, by job then by the engine's rank.
    public var pairs: [Pair]
    /// The interview threshold used for both.
    public var threshold: Double

    /// Stores the set's jobs and resumes in `namespace` of `engine` (each resume as its own candidate,
    /// identified by its id in the set, so layouts of one person stay apart), ranks every resume for
    /// every job and measures the rankings.
    ///
    /// - Throws: ``RankingEvaluationError/incompleteCorpus(failed:)`` when a document cannot be stored or
    ///   read; what the engine throws.
    public static func run(_ set: RelevanceSet, engine: Engine, namespace: String) async throws -> RankingEvaluation {
        var jobIDs: [String: JobID] = [:]
        var parsedJobs: [String: ParsedJob] = [:]
        var failed: [String] = []
        for job in set.jobs {
            do {
                let summary = try await engine.addJob(.file(job.url, candidateID: job.id), namespace: namespace)
                jobIDs[job.id] = summary.id
                parsedJobs[job.id] = summary.requirements
            } catch {
                failed.append("\(job.id): \(describe(error))")
            }
        }
        let status = try await engine.ingest(
            set.resumes.map { .file($0.url, candidateID: $0.id) }, namespace: namespace
        ).result()
        failed += status.failures.map { "\($0.source): \($0.reason)" }
        let extractor = TextExtractor()
        var texts: [String: String] = [:]
        for resume in set.resumes {
            do {
                texts[resume.id] = try extractor.extract(contentsOf: resume.url).text
            } catch {
                failed.append("\(resume.id): \(describe(error))")
            }
        }
        guard failed.isEmpty else { throw RankingEvaluationError.incompleteCorpus(failed: failed) }
        let keywords = KeywordBaseline()
        var scores: [String: [String: Double]] = [:]
        var components: [String: [String: [String: Double]]] = [:]
        var order: [String: [String]] = [:]
        var baseline: [String: [String: Double]] = [:]
        for job in set.jobs {
            guard let id = jobIDs[job.id], let parsed = parsedJobs[job.id] else { continue }
            let ranked = try await engine.rank(job: id, namespace: namespace, limit: max(1, set.resumes.count))
            scores[job.id] = Dictionary(ranked.map { ($0.candidate.id, $0.result.score) }, uniquingKeysWith: max)
            order[job.id] = ranked.map(\.candidate.id)
            for entry in ranked {
                let parts =
                    entry.result.components.map { ($0.kind.rawValue, $0.value) }
                    + entry.result.factors.map { ("× " + $0.kind.rawValue, $0.value) }
                components[job.id, default: [:]][entry.candidate.id] = Dictionary(
                    parts.map { ($0.0, ($0.1 * 1_000).rounded() / 1_000) }, uniquingKeysWith: max)
            }
            let terms = keywords.terms(of: parsed)
            baseline[job.id] = Dictionary(
                uniqueKeysWithValues: set.resumes.map {
                    ($0.id, keywords.score(text: texts[$0.id] ?? "", terms: terms))
                })
        }
        var evaluation = evaluate(
            set, scores: scores, order: order, baseline: baseline,
            threshold: engine.configuration.weights.interviewThreshold)
        for index in evaluation.pairs.indices {
            let pair = evaluation.pairs[index]
            evaluation.pairs[index].components = components[pair.job]?[pair.resume] ?? [:]
        }
        for index in evaluation.jobs.indices {
            evaluation.jobs[index].title = parsedJobs[evaluation.jobs[index].id]?.title
        }
        return evaluation
    }

    private static func describe(_ error: any Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? "\(type(of: error))"
    }

    /// Measures given rankings: `scores[job][resume]` from the scorer in the ranked `order[job]` (best
    /// first; resumes missing from it follow by score), `baseline[job][resume]` ranked by score, ties in
    /// set order.
    public static func evaluate(
        _ set: RelevanceSet, scores: [String: [String: Double]], order: [String: [String]] = [:],
        baseline: [String: [String: Double]], threshold: Double
    ) -> RankingEvaluation {
        let setOrder = Dictionary(uniqueKeysWithValues: set.resumes.enumerated().map { ($1.id, $0) })
        func ranking(_ values: [String: Double], explicit: [String]?, graded: [String: Int]) -> [String] {
            let byScore = graded.keys.sorted {
                (values[$0] ?? 0, setOrder[$1] ?? 0) > (values[$1] ?? 0, setOrder[$0] ?? 0)
            }
            guard let explicit else { return byScore }
            let listed = explicit.filter { graded[$0] != nil }
            let seen = Set(listed)
            return listed + byScore.filter { !seen.contains($0) }
        }
        var jobs: [Job] = []
        var pairs: [Pair] = []
        for job in set.jobs {
            let graded = set.grades(of: job.id)
            guard !graded.isEmpty else { continue }
            let mine = scores[job.id] ?? [:]
            let theirs = baseline[job.id] ?? [:]
            let ranked = ranking(mine, explicit: order[job.id], graded: graded)
            for (offset, resume) in ranked.enumerated() {
                pairs.append(
                    Pair(
                        job: job.id, resume: resume, grade: graded[resume] ?? 0, score: mine[resume] ?? 0,
                        baseline: theirs[resume] ?? 0, rank: offset + 1))
            }
            jobs.append(
                Job(
                    id: job.id, title: nil, graded: graded.count,
                    scorer: figures(ranked, mine, graded, set.layoutGroups, threshold),
                    baseline: figures(
                        ranking(theirs, explicit: nil, graded: graded), theirs, graded, set.layoutGroups, threshold)))
        }
        return RankingEvaluation(
            jobs: jobs, scorer: overall(jobs.map(\.scorer)), baseline: overall(jobs.map(\.baseline)), pairs: pairs,
            threshold: threshold)
    }

    private static func figures(
        _ ranked: [String], _ scores: [String: Double], _ grades: [String: Int], _ groups: [[String]],
        _ threshold: Double
    ) -> JobFigures {
        let rankedGrades = ranked.map { grades[$0] ?? 0 }
        let keys = ranked
        let spearman = RankingMetrics.spearman(keys.map { scores[$0] ?? 0 }, keys.map { Double(grades[$0] ?? 0) })
        let sortedGrades = keys.map { Double(grades[$0] ?? 0) }.sorted()
        let ceiling = RankingMetrics.spearman(sortedGrades.indices.map(Double.init), sortedGrades)
        var figures = JobFigures(
            ndcg3: RankingMetrics.ndcg(rankedGrades: rankedGrades, k: 3),
            ndcg5: RankingMetrics.ndcg(rankedGrades: rankedGrades, k: 5), spearman: spearman,
            spearmanCeiling: ceiling, grade3Interview: 0,
            grade3: 0, grade0Reject: 0, grade0: 0, layoutSpread: 0)
        for (resume, grade) in grades {
            let score = scores[resume] ?? 0
            if grade == 3 {
                figures.grade3 += 1
                if score >= threshold { figures.grade3Interview += 1 }
            } else if grade == 0 {
                figures.grade0 += 1
                if score < threshold { figures.grade0Reject += 1 }
            }
        }
        for group in groups {
            let values = group.compactMap { scores[$0] }
            if let low = values.min(), let high = values.max() {
                figures.layoutSpread = max(figures.layoutSpread, ((high - low) * 10).rounded() / 10)
            }
        }
        return figures
    }

    private static func overall(_ jobs: [JobFigures]) -> Figures {
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        let ndcg3 = jobs.compactMap(\.ndcg3)
        let spearman = jobs.compactMap(\.spearman)
        let grade3 = jobs.reduce(0) { $0 + $1.grade3 }
        let grade0 = jobs.reduce(0) { $0 + $1.grade0 }
        let hits3 = jobs.reduce(0) { $0 + $1.grade3Interview }
        let hits0 = jobs.reduce(0) { $0 + $1.grade0Reject }
        return Figures(
            ndcg3: mean(ndcg3), ndcg3Minimum: ndcg3.min() ?? 0, ndcg5: mean(jobs.compactMap(\.ndcg5)),
            spearman: mean(spearman), spearmanMinimum: spearman.min() ?? 0,
            spearmanCeiling: mean(jobs.compactMap(\.spearmanCeiling)),
            grade3Interview: grade3 == 0 ? 1 : Double(hits3) / Double(grade3),
            grade0Reject: grade0 == 0 ? 1 : Double(hits0) / Double(grade0),
            decisionAgreement: grade3 + grade0 == 0 ? 1 : Double(hits3 + hits0) / Double(grade3 + grade0),
            layoutSpread: jobs.map(\.layoutSpread).max() ?? 0, layoutSpreadMean: mean(jobs.map(\.layoutSpread)))
    }
}

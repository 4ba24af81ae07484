import Foundation
import ResumeParser

/// Scores candidates against a parsed job. The weighted mean of the components that apply,
/// `raw = Σ wᵢ·cᵢ / Σ wᵢ` (see ``ScoringWeights``), mapped through the calibration curve to 0 … 100:
///
/// - **required skills**: each requirement counts once — a group of alternatives ("Python or Go") is one
///   requirement met by any of them — and core skills (the job's title, else its first requirement line)
///   count ``ScoringWeights/coreSkillImportance`` times; a related skill of the taxonomy (MySQL for
///   PostgreSQL) earns the relation's credit;
/// - **core skills**: the share of the core requirements met, so a Go engineer does not top a Java job on
///   shared databases and tools;
/// - **role and level**: the function of the candidate's positions (from their titles) against the job's
///   title, 1 for the same, ``ScoringWeights/neighbourFunction`` for a neighbouring one
///   (``ScoringWeights/tradeNeighbourFunction`` when it shares only the engineering trade with a specialised
///   job), times the match
///   of seniority levels (intern … lead) between the job's title and the latest relevant position;
/// - **preferred skills**, the same credit rules without importance;
/// - **experience**: years in positions of the job's function (neighbouring ones in part, internships
///   not at all) against ``ScoringWeights/yearsTolerance`` × the job's minimum;
/// - **education** and **semantic** as before.
///
/// Skills compare by canonical name, so an alias in the resume ("k8s") meets the canonical name in the
/// job ("Kubernetes"). The result is deterministic: the same inputs give the same score and explanation.
///
/// - Complexity: O(r + p) set lookups for r required and p preferred skills (plus their related skills),
///   and O(positions × months) for the years in relevant positions.
public struct MatchScorer: Sendable {
    /// The weights and thresholds in force.
    public var weights: ScoringWeights
    /// The taxonomy whose relations give related skills their credit.
    public var taxonomy: SkillTaxonomy

    /// A scorer with `weights` (the defaults unless told) and the relations of `taxonomy`.
    public init(weights: ScoringWeights = .standard, taxonomy: SkillTaxonomy = .standard) {
        self.weights = weights
        self.taxonomy = taxonomy
    }

    /// Scores a parsed resume; positions without an end count up to this month.
    ///
    /// - Parameter similarity: the cosine similarity of resume and job embeddings, or `nil` to leave
    ///   the semantic component out.
    public func score(_ resume: ParsedResume, against job: ParsedJob, similarity: Double? = nil) -> MatchResult {
        score(CandidateProfile(resume), against: job, similarity: similarity)
    }

    /// Scores a candidate profile; the same result as scoring the resume it came from.
    public func score(_ candidate: CandidateProfile, against job: ParsedJob, similarity: Double? = nil) -> MatchResult {
        score(candidate, against: prepare(job), similarity: similarity)
    }

    /// The score alone, without the explanation: what ranking sorts a pool by before it explains the
    /// few it returns. Equal to `score(candidate, against: job, similarity: similarity).score`.
    public func quickScore(_ candidate: CandidateProfile, against job: ParsedJob, similarity: Double? = nil) -> Double {
        quickScore(candidate, against: prepare(job), similarity: similarity)
    }

    /// What the scorer reads of `job`, computed once for many candidates.
    func prepare(_ job: ParsedJob) -> PreparedJob {
        PreparedJob(job: job, analysis: JobAnalysis(job, weights: weights, taxonomy: taxonomy))
    }

    /// A job with its analysis.
    struct PreparedJob: Sendable {
        var job: ParsedJob
        var analysis: JobAnalysis
    }

    func quickScore(_ candidate: CandidateProfile, against job: PreparedJob, similarity: Double?) -> Double {
        let fit = RoleFit(candidate, job: job.analysis, weights: weights)
        let read = components(candidate, against: job, fit: fit, similarity: similarity)
        return total(read.components, factors(candidate, job: job, fit: fit, shows: read.shows))
    }

    func score(_ candidate: CandidateProfile, against prepared: PreparedJob, similarity: Double?) -> MatchResult {
        let job = prepared.job
        let analysis = prepared.analysis
        let has = candidate.skills
        let fit = RoleFit(candidate, job: analysis, weights: weights)
        let (components, shows) = components(candidate, against: prepared, fit: fit, similarity: similarity)
        let factors = factors(candidate, job: prepared, fit: fit, shows: shows)
        let rounded = total(components, factors)
        var matchedRequired: [String] = []
        var missingRequired: [String] = []
        var related: [MatchResult.RelatedSkill] = []
        var byTitles: [String] = []
        for requirement in analysis.required {
            let credit = requirement.credit(
                has, evidenced: candidate.evidencedSkills, listed: 1, shownByTitles: titlesShowSkills(fit))
            if credit.byTitle, let matched = credit.matched { byTitles.append(matched) }
            if credit.byTitle, credit.matched == nil {
                // A position in a neighbouring function of the same discipline shows it in part: reported like a
                // related skill.
                related.append(
                    .init(required: requirement.name, candidate: fit.functionShown.title, credit: credit.value))
            } else if let matched = credit.matched {
                matchedRequired.append(matched)
            } else if let stand = credit.related {
                related.append(.init(required: requirement.name, candidate: stand, credit: credit.value))
            } else {
                missingRequired.append(requirement.name)
            }
        }
        var matchedPreferred: [String] = []
        var missingPreferred: [String] = []
        for requirement in analysis.preferred {
            let name = requirement.name
            if has.contains(name) {
                matchedPreferred.append(name)
            } else if requirement.credit(has, shownByTitles: titlesShowSkills(fit)).matched != nil {
                matchedPreferred.append(name)
                byTitles.append(name)
            } else {
                missingPreferred.append(name)
            }
        }
        let years = candidate.years
        let degree = candidate.degree
        let countedYears = fit.relevantYears ?? years
        let yearsGap = max(0, (job.minimumYears ?? 0) - countedYears)
        let missingDegree = job.requiredDegree.flatMap { needed in (degree ?? .other) < needed ? needed : nil }

        var gaps = missingRequired.map { MatchResult.Gap(kind: .missingRequiredSkill, skill: $0) }
        gaps += missingPreferred.map { MatchResult.Gap(kind: .missingPreferredSkill, skill: $0) }
        if yearsGap > 0 { gaps.append(.init(kind: .yearsShort, years: (yearsGap * 10).rounded() / 10)) }
        if let missingDegree { gaps.append(.init(kind: .degreeBelowRequired, degree: missingDegree)) }
        var strengths: [String] = []
        if !analysis.required.isEmpty && missingRequired.isEmpty && related.isEmpty {
            strengths.append("has every required skill")
        }
        if !related.isEmpty {
            strengths.append(
                "related skills: " + related.map { "\($0.candidate) for \($0.required)" }.joined(separator: ", "))
        }
        if !matchedPreferred.isEmpty { strengths.append("also knows \(matchedPreferred.joined(separator: ", "))") }
        if let minimum = job.minimumYears, countedYears >= minimum {
            let which = fit.relevantYears == nil ? "" : " in relevant roles"
            strengths.append("\(Self.oneDecimal(countedYears)) years\(which) (\(Self.shortest(minimum)) asked)")
        }
        var advice = Self.advice(for: gaps, minimumYears: job.minimumYears)
        if factors.contains(where: { $0.kind == .differentField }) {
            advice.append("a different field: no position in or near the job's function and none of its core skills")
        }
        if let wanted = analysis.level, let level = fit.level, level != wanted {
            advice.append("\(level.rawValue) level for a \(wanted.rawValue) role")
        }
        return MatchResult(
            score: rounded, decision: rounded >= weights.interviewThreshold ? .interview : .reject,
            components: components, factors: factors, matchedRequiredSkills: matchedRequired,
            missingRequiredSkills: missingRequired,
            relatedSkills: related, skillsShownByTitles: byTitles, matchedPreferredSkills: matchedPreferred,
            missingPreferredSkills: missingPreferred,
            candidateYears: years, relevantYears: fit.relevantYears.map { ($0 * 10).rounded() / 10 },
            jobLevel: analysis.level, candidateLevel: fit.level, yearsGap: (yearsGap * 10).rounded() / 10,
            candidateDegree: degree, missingDegree: missingDegree, gaps: gaps, strengths: strengths, advice: advice)
    }

    /// What a candidate shows of a job's skills: any required or preferred skill earning credit (`skill`, a
    /// title showing a function-named requirement included), any through the candidate's own skills
    /// (`ownSkill`, titles left out), a core skill or a skill used at work (`core`), and
    /// ``ScoringWeights/differentFieldSharedSkills`` of the job's other skills used at work (`work`: the
    /// function factor is then ``RoleFit/functionShowingWork``).
    struct Shows: Sendable {
        var skill = true
        var ownSkill = true
        var core = true
        var work = true
    }

    /// The function factor that applies: ``RoleFit/functionShowingWork`` when the experience shows the job's
    /// stack (``Shows/work``), else ``RoleFit/function``.
    private static func function(_ fit: RoleFit, showingWork: Bool) -> Double? {
        showingWork ? fit.functionShowingWork : fit.function
    }

    /// The role-fit factors that apply (after ``ScoringWeights/role``): function and level when the
    /// candidate's positions were read, years when the job states a minimum and the resume any years, and
    /// evidence (``ScoringWeights/noEvidence``) when a job of a known function meets a resume that shows no
    /// skill of it (`shows.skill` false) and no position in its function or a neighbouring one — or whose only
    /// relevant positions are in a neighbouring function that shares the trade, not the discipline
    /// (``RoleFit/titleShowsWork`` false), and which shows none of the job's skills of its own
    /// (`shows.ownSkill` false) —, else different field (``ScoringWeights/differentField``) when positions were
    /// read, none in or near the job's function, and no core skill earned credit (`shows.core` false). The
    /// default `shows` (all true) gives an upper bound.
    func factors(
        _ candidate: CandidateProfile, job prepared: PreparedJob, fit: RoleFit, shows: Shows = Shows()
    )
        -> [MatchResult.Factor]
    {
        let job = prepared.job
        guard weights.role > 0 else { return [] }
        var factors: [MatchResult.Factor] = []
        func add(_ kind: MatchResult.Factor.Kind, _ value: Double) {
            factors.append(.init(kind: kind, value: 1 - weights.role * (1 - min(1, max(0, value)))))
        }
        if let function = Self.function(fit, showingWork: shows.work) { add(.function, function) }
        if let level = fit.levelMatch { add(.level, level) }
        // Years unknown (no dated position read at all) are not zero years: no factor then.
        if let minimum = job.minimumYears, minimum > 0, fit.relevantYears != nil || candidate.years > 0 {
            add(.years, RoleFit.yearsFactor(fit.relevantYears ?? candidate.years, minimum: minimum, weights: weights))
        }
        if prepared.analysis.function != nil, !fit.relatedFunction {
            if !shows.skill {
                add(.evidence, weights.noEvidence)
            } else if fit.function != nil, !shows.core {
                add(.differentField, weights.differentField)
            }
        } else if prepared.analysis.function != nil, !fit.titleShowsWork, !shows.ownSkill {
            // A frontend developer for a backend job who shows none of its stack: the neighbouring title alone
            // is no evidence.
            add(.evidence, weights.noEvidence)
        }
        return factors
    }

    /// How far the candidate's positions show the requirements that name the job's function (1 a position
    /// in it, ½ one in a neighbouring function of the same discipline): a reading of the role fit, so 0 when
    /// ``ScoringWeights/role`` is 0 (``ScoringWeights/classic`` counts named skills only).
    func titlesShowSkills(_ fit: RoleFit) -> Double { weights.role > 0 ? fit.functionShown.share : 0 }

    /// The components that apply, in formula order, and what the candidate shows of the job's skills
    /// (``Shows``).
    func components(
        _ candidate: CandidateProfile, against prepared: PreparedJob, fit: RoleFit, similarity: Double?
    ) -> (components: [MatchResult.Component], shows: Shows) {
        let job = prepared.job
        let analysis = prepared.analysis
        var components: [MatchResult.Component] = []
        func add(_ kind: MatchResult.Component.Kind, _ value: Double, _ weight: Double) {
            if weight > 0 { components.append(.init(kind: kind, value: min(1, max(0, value)), weight: weight)) }
        }
        let has = candidate.skills
        let evidenced = candidate.evidencedSkills
        let listed = weights.listedSkillCredit
        let holds = titlesShowSkills(fit)
        var showsSkill = false
        var showsRequired = false
        // Whether a skill of the candidate's own (not a title's) earns credit.
        var showsOwn = false
        func ownCredit(_ requirement: JobAnalysis.Requirement) -> Bool {
            requirement.credit(has, evidenced: evidenced, listed: listed).value > 0
        }
        var coreShown: Bool?
        // How many non-core requirements the experience (not a skills list) shows a skill of, or a related one.
        var shownInWork = 0
        func shownInExperience(_ requirement: JobAnalysis.Requirement) -> Bool {
            requirement.credit(has, evidenced: evidenced ?? has, listed: 0).value > 0
        }
        if !analysis.required.isEmpty {
            var earned = 0.0
            var possible = 0.0
            var coreEarned = 0.0
            var coreCount = 0.0
            for requirement in analysis.required {
                let credit = requirement.credit(has, evidenced: evidenced, listed: listed, shownByTitles: holds).value
                if credit > 0 { showsRequired = true }
                if credit > 0, !showsOwn { showsOwn = ownCredit(requirement) }
                if credit > 0, !requirement.isCore, shownInExperience(requirement) { shownInWork += 1 }
                earned += requirement.importance * credit
                possible += requirement.importance
                if requirement.isCore {
                    coreEarned += credit
                    coreCount += 1
                }
            }
            add(.requiredSkills, earned / possible, weights.requiredSkills)
            if coreCount > 0 {
                add(.coreSkills, coreEarned / coreCount, weights.coreSkills)
                coreShown = coreEarned > 0
            }
        }
        showsSkill = showsRequired
        // The preferred skills are read before the role match is added: the stack shown at work decides the
        // function factor. The components stay in formula order.
        var preferredShare: Double?
        if !analysis.preferred.isEmpty {
            let earned = analysis.preferred.reduce(0) {
                $0 + $1.credit(has, evidenced: evidenced, listed: listed, shownByTitles: holds).value
            }
            if earned > 0 {
                showsSkill = true
                if !showsOwn { showsOwn = analysis.preferred.contains(where: ownCredit) }
                shownInWork += analysis.preferred.filter(shownInExperience).count
            }
            preferredShare = earned / Double(analysis.preferred.count)
        }
        let showsWork = Double(shownInWork) >= weights.differentFieldSharedSkills
        if let function = Self.function(fit, showingWork: showsWork), let level = fit.levelMatch {
            add(.roleMatch, function * level, weights.roleMatch)
        }
        if let preferredShare { add(.preferredSkills, preferredShare, weights.preferredSkills) }
        if let minimum = job.minimumYears, minimum > 0 {
            add(.experience, candidate.years / minimum, weights.experience)
        }
        if let needed = job.requiredDegree {
            let value: Double =
                switch candidate.degree {
                case let level? where level >= needed: 1
                case let level? where level.levelsBelow(needed) == 1: weights.educationOneLevelBelow
                default: 0
                }
            add(.education, value, weights.education)
        }
        if let similarity, similarity.isFinite {
            let calibrated = (similarity - weights.semanticFloor) / (weights.semanticCeiling - weights.semanticFloor)
            add(.semantic, calibrated, weights.semantic)
        }
        return (
            components,
            Shows(
                skill: showsSkill, ownSkill: showsOwn,
                core: (coreShown ?? showsRequired) || showsWork, work: showsWork)
        )
    }

    /// `Σ wᵢ·cᵢ / Σ wᵢ × Π factors` through the calibration curve, 0 … 100 with one decimal (0 when no
    /// component applies).
    func total(_ components: [MatchResult.Component], _ factors: [MatchResult.Factor]) -> Double {
        let totalWeight = components.reduce(0) { $0 + $1.weight }
        let weighted = totalWeight == 0 ? 0 : components.reduce(0) { $0 + $1.weight * $1.value } / totalWeight
        let raw = factors.reduce(weighted) { $0 * $1.value }
        return (Self.calibrate(raw, weights.calibration) * 10).rounded() / 10
    }

    /// The piecewise-linear curve through `points` at `raw` (clamped to 0 … 1), clamped to 0 … 100. A
    /// curve that is not a list of (x, y) pairs of finite numbers (weights set in code skip validation) is
    /// read as the identity, 100 × raw.
    static func calibrate(_ raw: Double, _ points: [[Double]]) -> Double {
        let x = raw.isNaN ? 0 : min(1, max(0, raw))
        guard !points.isEmpty, points.allSatisfy({ $0.count == 2 && $0[0].isFinite && $0[1].isFinite }) else {
            return 100 * x
        }
        var y = points[points.count - 1][1]
        for (low, high) in zip(points, points.dropFirst()) where x <= high[0] {
            let span = high[0] - low[0]
            y = span <= 0 ? high[1] : low[1] + (x - low[0]) / span * (high[1] - low[1])
            break
        }
        return min(100, max(0, y))
    }

    /// One sentence per kind of gap: the missing required skills together, then years, then degree.
    /// Missing preferred skills are not advice: they are already in the result.
    static func advice(for gaps: [MatchResult.Gap], minimumYears: Double?) -> [String] {
        var advice: [String] = []
        let missingRequired = gaps.filter { $0.kind == .missingRequiredSkill }.compactMap(\.skill)
        if !missingRequired.isEmpty { advice.append("ask about \(missingRequired.joined(separator: ", ")) (required)") }
        for gap in gaps {
            switch gap.kind {
            case .yearsShort:
                advice.append(
                    "\(oneDecimal(gap.years ?? 0)) years short of the \(shortest(minimumYears ?? 0)) asked")
            case .degreeBelowRequired:
                advice.append("no \(gap.degree?.rawValue ?? "required") degree found (required)")
            case .missingRequiredSkill, .missingPreferredSkill: break
            }
        }
        return advice
    }

    private static func oneDecimal(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `5` for 5.0, `2.5` for 2.5: the figure as the job states it.
    private static func shortest(_ value: Double) -> String { String(format: "%g", value) }
}

import Foundation
import ResumeParser

/// Scores candidates against a parsed job:
/// `score = 100 × Σ wᵢ·cᵢ / Σ wᵢ` over the components that apply (see ``ScoringWeights``).
///
/// Skills compare by canonical name, so an alias in the resume ("k8s") meets the canonical name in the
/// job ("Kubernetes"). Related-but-different skills (MySQL for PostgreSQL) earn nothing yet.
///
/// - Complexity: O(r + p) set lookups for r required and p preferred skills.
public struct MatchScorer: Sendable {
    /// The weights and thresholds in force.
    public var weights: ScoringWeights

    /// A scorer with `weights` (the design's defaults unless told).
    public init(weights: ScoringWeights = .standard) {
        self.weights = weights
    }

    /// Scores a parsed resume.
    ///
    /// - Parameter similarity: the cosine similarity of resume and job embeddings, or `nil` to leave
    ///   the semantic component out.
    public func score(_ resume: ParsedResume, against job: ParsedJob, similarity: Double? = nil) -> MatchResult {
        score(CandidateProfile(resume), against: job, similarity: similarity)
    }

    /// Scores a candidate profile; the same result as scoring the resume it came from.
    public func score(_ candidate: CandidateProfile, against job: ParsedJob, similarity: Double? = nil) -> MatchResult {
        let has = candidate.skills
        let required = job.requiredSkills.map(\.name)
        let preferred = job.preferredSkills.map(\.name)
        let components = components(candidate, against: job, similarity: similarity)
        let rounded = Self.total(components)
        let matchedRequired = required.filter(has.contains)
        let matchedPreferred = preferred.filter(has.contains)
        let years = candidate.years
        let degree = candidate.degree
        let yearsGap = max(0, (job.minimumYears ?? 0) - years)
        let missingDegree = job.requiredDegree.flatMap { needed in (degree ?? .other) < needed ? needed : nil }
        let missingRequired = required.filter { !has.contains($0) }
        let missingPreferred = preferred.filter { !has.contains($0) }

        var gaps = missingRequired.map { MatchResult.Gap(kind: .missingRequiredSkill, skill: $0) }
        gaps += missingPreferred.map { MatchResult.Gap(kind: .missingPreferredSkill, skill: $0) }
        if yearsGap > 0 { gaps.append(.init(kind: .yearsShort, years: (yearsGap * 10).rounded() / 10)) }
        if let missingDegree { gaps.append(.init(kind: .degreeBelowRequired, degree: missingDegree)) }
        var strengths: [String] = []
        if !required.isEmpty && missingRequired.isEmpty { strengths.append("has every required skill") }
        if !matchedPreferred.isEmpty { strengths.append("also knows \(matchedPreferred.joined(separator: ", "))") }
        if let minimum = job.minimumYears, years >= minimum {
            strengths.append("\(Self.oneDecimal(years)) years of experience (\(Self.shortest(minimum)) asked)")
        }
        return MatchResult(
            score: rounded, decision: rounded >= weights.interviewThreshold ? .interview : .reject,
            components: components,
            matchedRequiredSkills: matchedRequired, missingRequiredSkills: missingRequired,
            matchedPreferredSkills: matchedPreferred, missingPreferredSkills: missingPreferred, candidateYears: years,
            yearsGap: (yearsGap * 10).rounded() / 10, candidateDegree: degree, missingDegree: missingDegree,
            gaps: gaps, strengths: strengths, advice: Self.advice(for: gaps, minimumYears: job.minimumYears))
    }

    /// The score alone, without the explanation: what ranking sorts a pool by before it explains the
    /// few it returns. Equal to `score(candidate, against: job, similarity: similarity).score`.
    public func quickScore(_ candidate: CandidateProfile, against job: ParsedJob, similarity: Double? = nil) -> Double {
        Self.total(components(candidate, against: job, similarity: similarity))
    }

    /// The components that apply, in formula order.
    func components(
        _ candidate: CandidateProfile, against job: ParsedJob, similarity: Double?
    ) -> [MatchResult.Component] {
        var components: [MatchResult.Component] = []
        func add(_ kind: MatchResult.Component.Kind, _ value: Double, _ weight: Double) {
            if weight > 0 { components.append(.init(kind: kind, value: min(1, max(0, value)), weight: weight)) }
        }
        let has = candidate.skills
        if !job.requiredSkills.isEmpty {
            let matched = job.requiredSkills.reduce(0) { $0 + (has.contains($1.name) ? 1 : 0) }
            add(.requiredSkills, Double(matched) / Double(job.requiredSkills.count), weights.requiredSkills)
        }
        if !job.preferredSkills.isEmpty {
            let matched = job.preferredSkills.reduce(0) { $0 + (has.contains($1.name) ? 1 : 0) }
            add(.preferredSkills, Double(matched) / Double(job.preferredSkills.count), weights.preferredSkills)
        }
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
        return components
    }

    /// `100 × Σ wᵢ·cᵢ / Σ wᵢ`, one decimal (0 when no component applies).
    static func total(_ components: [MatchResult.Component]) -> Double {
        let totalWeight = components.reduce(0) { $0 + $1.weight }
        let score = totalWeight == 0 ? 0 : 100 * components.reduce(0) { $0 + $1.weight * $1.value } / totalWeight
        return (score * 10).rounded() / 10
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

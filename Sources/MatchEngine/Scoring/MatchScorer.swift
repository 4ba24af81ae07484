import ResumeParser

/// Scores parsed resumes against a parsed job:
/// `score = 100 × Σ wᵢ·cᵢ / Σ wᵢ` over the components that apply (see ``ScoringWeights``).
///
/// Skills compare by canonical name, so an alias in the resume ("k8s") meets the canonical name in the
/// job ("Kubernetes"). Related-but-different skills (MySQL for PostgreSQL) earn nothing yet.
public struct MatchScorer: Sendable {
    public var weights: ScoringWeights

    public init(weights: ScoringWeights = .standard) {
        self.weights = weights
    }

    /// - Parameter similarity: the cosine similarity of resume and job embeddings, or `nil` to leave
    ///   the semantic component out.
    public func score(_ resume: ParsedResume, against job: ParsedJob, similarity: Double? = nil) -> MatchResult {
        let has = Set(resume.skills.map(\.name))
        let required = job.requiredSkills.map(\.name)
        let preferred = job.preferredSkills.map(\.name)
        var components: [MatchResult.Component] = []
        func add(_ name: String, _ value: Double, _ weight: Double) {
            if weight > 0 { components.append(.init(name: name, value: min(1, max(0, value)), weight: weight)) }
        }
        let matchedRequired = required.filter(has.contains)
        let matchedPreferred = preferred.filter(has.contains)
        if !required.isEmpty {
            add("required skills", Double(matchedRequired.count) / Double(required.count), weights.requiredSkills)
        }
        if !preferred.isEmpty {
            add("preferred skills", Double(matchedPreferred.count) / Double(preferred.count), weights.preferredSkills)
        }
        let years = resume.totalExperienceYears
        if let minimum = job.minimumYears, minimum > 0 { add("experience", years / minimum, weights.experience) }
        let degree = resume.highestDegree
        if let needed = job.requiredDegree {
            let value: Double =
                switch degree {
                case let level? where level >= needed: 1
                case let level? where level.levelsBelow(needed) == 1: weights.educationOneLevelBelow
                default: 0
                }
            add("education", value, weights.education)
        }
        if let similarity {
            let calibrated = (similarity - weights.semanticFloor) / (weights.semanticCeiling - weights.semanticFloor)
            add("semantic", calibrated, weights.semantic)
        }
        let totalWeight = components.reduce(0) { $0 + $1.weight }
        let score = totalWeight == 0 ? 0 : 100 * components.reduce(0) { $0 + $1.weight * $1.value } / totalWeight
        let rounded = (score * 10).rounded() / 10
        let yearsGap = max(0, (job.minimumYears ?? 0) - years)
        let missingDegree = job.requiredDegree.flatMap { needed in (degree ?? .other) < needed ? needed : nil }
        let missingRequired = required.filter { !has.contains($0) }
        let missingPreferred = preferred.filter { !has.contains($0) }

        var strengths: [String] = []
        if !required.isEmpty && missingRequired.isEmpty { strengths.append("has every required skill") }
        if !matchedPreferred.isEmpty { strengths.append("also knows \(matchedPreferred.joined(separator: ", "))") }
        if let minimum = job.minimumYears, years >= minimum {
            strengths.append(String(format: "%.1f years of experience (%g asked)", years, minimum))
        }
        var advice: [String] = []
        if !missingRequired.isEmpty { advice.append("ask about \(missingRequired.joined(separator: ", ")) (required)") }
        if yearsGap > 0 {
            advice.append(String(format: "%.1f years short of the %g asked", yearsGap, job.minimumYears ?? 0))
        }
        if let missingDegree { advice.append("no \(missingDegree.rawValue) degree found (required)") }
        return MatchResult(
            score: rounded, decision: rounded >= weights.interviewThreshold ? .interview : .reject,
            components: components,
            matchedRequiredSkills: matchedRequired, missingRequiredSkills: missingRequired,
            matchedPreferredSkills: matchedPreferred, missingPreferredSkills: missingPreferred, candidateYears: years,
            yearsGap: (yearsGap * 10).rounded() / 10, candidateDegree: degree, missingDegree: missingDegree,
            strengths: strengths, advice: advice)
    }
}

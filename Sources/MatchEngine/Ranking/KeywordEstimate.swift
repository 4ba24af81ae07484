/// A candidate's keyword-pool value for one job (``Engine/keywordPool(_:job:scorer:weights:limit:bounded:)``):
/// its skill points, plus the role match and the worth of requirements its positions show, less what skills it
/// lists without its experience showing them lose, times the role-fit factors (estimated: years summed, not
/// merged). People doing the job's work with few skills named can outrank others, so the pool must hold them.
struct KeywordEstimate: Sendable {
    let prepared: MatchScorer.PreparedJob
    let scorer: MatchScorer
    let weights: ScoringWeights
    /// What each skill is worth (``Engine/skillPoints(_:weights:)``).
    let skillPoints: [String: Float]
    /// The requirements naming the job's function, with their worth.
    let titlePoints: [(skills: [String], worth: Float)]
    /// The job's named skills with the worth a candidate loses when it lists one without showing it.
    let unshown: [(skill: String, worth: Double)]

    init(_ prepared: MatchScorer.PreparedJob, scorer: MatchScorer, weights: ScoringWeights) {
        self.prepared = prepared
        self.scorer = scorer
        self.weights = weights
        (skillPoints, titlePoints) = Engine.skillPoints(prepared.analysis, weights: weights)
        let points = skillPoints
        unshown = (prepared.analysis.required + prepared.analysis.preferred).flatMap(\.skills).compactMap { skill in
            points[skill].map { (skill: skill, worth: Double($0) * (1 - weights.listedSkillCredit)) }
        }
    }

    /// The upper bound the pool orders candidates by (`nil` when the weights allow none).
    var bound: KeywordPoolBound? {
        KeywordPoolBound(prepared, titlePoints: titlePoints, unshown: unshown, weights: weights)
    }

    /// The value of a candidate with `points` skill points.
    func callAsFunction(_ profile: CandidateProfile, points: Float) -> Float {
        let fit = RoleFit(profile, job: prepared.analysis, weights: weights, estimate: true)
        // Requirements naming the job's function that the skills do not meet, which positions show.
        let shown = scorer.titlesShowSkills(fit)
        let byTitles =
            shown == 0
            ? 0
            : titlePoints.reduce(0) {
                $1.skills.contains(where: profile.skills.contains) ? $0 : $0 + Double($1.worth) * shown
            }
        // A skill the resume lists but its experience does not show earns part of its worth.
        let listed =
            profile.evidencedSkills.map { shown in
                unshown.reduce(0) {
                    profile.skills.contains($1.skill) && !shown.contains($1.skill) ? $0 + $1.worth : $0
                }
            } ?? 0
        // The function factor's upper bound, as `factors` takes it with every `Shows` true.
        let match = weights.roleMatch * (fit.functionShowingWork ?? 0) * (fit.levelMatch ?? 0) + byTitles - listed
        let factors = scorer.factors(profile, job: prepared, fit: fit).reduce(1) { $0 * $1.value }
        return Float((Double(points) + match) * factors)
    }
}

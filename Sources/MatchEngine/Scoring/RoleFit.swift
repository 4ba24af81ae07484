/// How a candidate's positions fit a job: years in positions of the job's function, the candidate's
/// level, and the role component's value (function × level match). Every field is `nil` when the
/// candidate has no dated, titled position (the scorer then falls back to total years and leaves the
/// role component out).
struct RoleFit: Sendable {
    /// Years in relevant positions: per month the highest relevance of a position covering it
    /// (1 same function, ``ScoringWeights/neighbourFunction`` a neighbouring one, internships 0).
    var relevantYears: Double?
    /// The latest relevant position's level, else the level the relevant years imply.
    var level: SeniorityLevel?
    /// The role component, 0 … 1.
    var value: Double?

    /// The most months a candidate's history is read over (60 years).
    static let monthLimit = 720
    /// The relevance of a position whose title names no known function.
    static let unknownFunction = 0.25

    init(_ candidate: CandidateProfile, job: JobAnalysis, weights: ScoringWeights) {
        let roles = candidate.roles
        guard let latest = roles.map(\.lastMonth).max() else { return }
        let relevance = roles.map { role -> Double in
            guard let wanted = job.function else { return 1 }
            guard let function = RoleFunction.of(role.title) else { return Self.unknownFunction }
            return function.nearness(to: wanted, neighbour: weights.neighbourFunction)
        }
        // Years: per month the best relevance of a position covering it, internships counting nothing.
        let start = max(roles.map(\.firstMonth).min() ?? latest, latest - Self.monthLimit + 1)
        var best = [Double](repeating: 0, count: latest - start + 1)
        for (role, weight) in zip(roles, relevance) where SeniorityLevel.of(role.title) != .intern && weight > 0 {
            let first = max(role.firstMonth, start)
            guard first <= role.lastMonth else { continue }
            for month in first...role.lastMonth where best[month - start] < weight { best[month - start] = weight }
        }
        let years = best.reduce(0, +) / 12
        relevantYears = years
        // Function: the best relevance, positions that ended more than three years before the latest at half.
        var function = 0.0
        var newest: (lastMonth: Int, index: Int)?
        for (index, role) in roles.enumerated() {
            let recency = latest - role.lastMonth <= 36 ? 1.0 : 0.5
            function = max(function, relevance[index] * recency)
            if relevance[index] >= weights.neighbourFunction, newest.map({ role.lastMonth > $0.lastMonth }) ?? true {
                newest = (role.lastMonth, index)
            }
        }
        let level =
            newest.flatMap { SeniorityLevel.of(roles[$0.index].title) } ?? SeniorityLevel.implied(byYears: years)
        self.level = level
        var match = 1.0
        if let wanted = job.level {
            let distance = abs(wanted.rank - level.rank)
            match = distance == 0 ? 1 : distance == 1 ? weights.levelOneOff : weights.levelTwoOff
        } else if level == .intern {
            match = weights.levelOneOff
        }
        value = function * match
    }
}

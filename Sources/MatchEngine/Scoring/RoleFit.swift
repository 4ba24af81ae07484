/// How a candidate's positions fit a job: the function factor (the candidate's positions against the
/// job's function, read from titles), the level factor (seniority against the job title's) and the years
/// in relevant positions. Positions whose title names no known function (a garbled title, a company read
/// as a title) are not read as unrelated: they are left out, and when no position is left every field is
/// `nil` (the scorer then uses total years and no function or level factor), so a layout the parser reads
/// badly is not punished for it.
struct RoleFit: Sendable {
    /// Years in relevant positions: per month the best weight of a position covering it (1 same function,
    /// ½ a neighbouring one, 0 otherwise; internships 0).
    var relevantYears: Double?
    /// The level the latest relevant position stating one states (a title without a level word, "Data
    /// Analyst", is passed over), else the level the relevant years imply; a trainee or junior title that a
    /// later relevant position without a level word followed is raised to the years' level.
    var level: SeniorityLevel?
    /// The function factor: a position in a neighbouring function that shares only the engineering trade with
    /// a specialised job counts ``ScoringWeights/tradeNeighbourFunction``.
    var function: Double?
    /// The function factor when the experience shows the job's stack: such a position then counts as any
    /// neighbour (``ScoringWeights/neighbourFunction``) — a "Software Engineer" whose bullets build Airflow and
    /// Spark pipelines did the data engineering work the title does not name. At least ``function``.
    var functionShowingWork: Double?
    /// The level factor.
    var levelMatch: Double?
    /// How far the positions (dated or undated titles) show the job's function — 1 a position in it, ½ one
    /// in a neighbouring function of the same discipline, 0 none (a neighbour sharing only the trade shows
    /// nothing) — with the latest such position's title: what shows a requirement that names the function
    /// (``JobAnalysis/Requirement/namesFunction``).
    var functionShown: (share: Double, title: String) = (0, "")
    /// Whether a position is in the job's function or a neighbouring one: relevant work, whatever the skills.
    var relatedFunction = false
    /// Whether a position is in the job's function itself, or in a neighbouring function of the same
    /// discipline (``RoleFunction/sharesDiscipline(with:)``), whose title shows part of the job's work without
    /// a skill; `false` when every relevant position is in a neighbouring function that shares only the trade.
    var titleShowsWork = false

    /// The most months a candidate's history is read over (60 years).
    static let monthLimit = 720

    /// - Parameter estimate: sum the positions' weighted years instead of merging overlapping months (an
    ///   upper bound, cheaper): what the engine's keyword pool uses to rank every candidate.
    init(_ candidate: CandidateProfile, job: JobAnalysis, weights: ScoringWeights, estimate: Bool = false) {
        let read = candidate.roles.compactMap { role in
            Self.relevance(of: role, job: job, weights: weights).map { (role: role, weight: $0) }
        }
        let roles = read.map(\.role)
        guard let latest = roles.map(\.lastMonth).max() else {
            self = RoleFit(titles: candidate.titles, years: candidate.years, job: job, weights: weights)
            return
        }
        let years: Double
        if estimate {
            years = read.reduce(0) { $1.role.level == .intern ? $0 : $0 + $1.role.years * $1.weight.years }
        } else {
            // Per month the best weight of a position covering it, internships counting nothing.
            let start = max(roles.map(\.firstMonth).min() ?? latest, latest - Self.monthLimit + 1)
            var best = [Double](repeating: 0, count: latest - start + 1)
            for (role, weight) in read where weight.years > 0 && role.level != .intern {
                let first = max(role.firstMonth, start)
                guard first <= role.lastMonth else { continue }
                for month in first...role.lastMonth where best[month - start] < weight.years {
                    best[month - start] = weight.years
                }
            }
            years = best.reduce(0, +) / 12
        }
        relevantYears = years
        functionShown = Self.shown(
            read.map { ($0.role.title, Self.showsWork($0.role, job: job) ? $0.weight.years : 0) })
        relatedFunction = read.contains { $0.weight.years > 0 }
        titleShowsWork = read.contains { Self.showsWork($0.role, job: job) }
        function = Self.function(roles, read.map(\.weight.function), latest: latest)
        functionShowingWork = Self.function(roles, read.map(\.weight.functionShowingWork), latest: latest)
        // The newest relevant position whose title states a level: a data analyst's title after years as a
        // staff accountant says nothing of the accountant's level, the staff accountant's title does.
        var newest: (lastMonth: Int, index: Int)?
        for (index, entry) in read.enumerated() where entry.weight.years >= 0.5 && entry.role.level != nil {
            if newest.map({ entry.role.lastMonth > $0.lastMonth }) ?? true { newest = (entry.role.lastMonth, index) }
        }
        let implied = SeniorityLevel.implied(byYears: years)
        var level = newest.flatMap { roles[$0.index].level } ?? implied
        // A trainee or junior title followed by a relevant position stating no level ("Software Engineering
        // Trainee", then "Software Engineer" for four years) was a start, not the level held now: the years
        // say more, never less than the title.
        if let newest, level < .mid,
            read.contains(where: {
                $0.weight.years >= 0.5 && $0.role.level == nil && $0.role.firstMonth > roles[newest.index].firstMonth
            })
        {
            level = max(level, implied)
        }
        self.level = level
        levelMatch = Self.levelMatch(level, wanted: job.level, weights: weights)
    }

    /// The fit read from undated titles (``CandidateProfile/titles``): the function factor is the best
    /// title's, the level the first title's that states one, else the one total years imply; no relevant
    /// years. Nothing when no title names a known function.
    private init(titles: [String], years: Double, job: JobAnalysis, weights: ScoringWeights) {
        let read = titles.map { CandidateProfile.Role(title: $0, firstMonth: 0, lastMonth: 0) }.compactMap { role in
            Self.relevance(of: role, job: job, weights: weights).map { (role: role, weight: $0) }
        }
        guard !read.isEmpty else { return }
        functionShown = Self.shown(
            read.map { ($0.role.title, Self.showsWork($0.role, job: job) ? $0.weight.years : 0) })
        relatedFunction = read.contains { $0.weight.years > 0 }
        titleShowsWork = read.contains { Self.showsWork($0.role, job: job) }
        function = read.map(\.weight.function).max()
        functionShowingWork = read.map(\.weight.functionShowingWork).max()
        let level =
            read.first { $0.weight.years >= 0.5 && $0.role.level != nil }?.role.level
            ?? SeniorityLevel.implied(byYears: years)
        self.level = level
        levelMatch = Self.levelMatch(level, wanted: job.level, weights: weights)
    }

    /// Whether a position's title shows the job's work: the job's own function (or a job of no known function),
    /// or a neighbour of the same discipline.
    private static func showsWork(_ role: CandidateProfile.Role, job: JobAnalysis) -> Bool {
        guard let wanted = job.function else { return true }
        guard let function = role.function else { return false }
        return function == wanted || function.sharesDiscipline(with: wanted)
    }

    /// The best nearness among `titles` (most recent first) and the first title that has it.
    private static func shown(_ titles: [(title: String, nearness: Double)]) -> (share: Double, title: String) {
        var best: (share: Double, title: String) = (0, "")
        for entry in titles where entry.nearness > best.share { best = (entry.nearness, entry.title) }
        return best
    }

    /// How a candidate's level meets the job's: 1 when equal (or when the job states none and the candidate
    /// is past intern), the one-off or two-off weight otherwise.
    static func levelMatch(_ level: SeniorityLevel, wanted: SeniorityLevel?, weights: ScoringWeights) -> Double {
        guard let wanted else { return level == .intern ? weights.levelOneOff : 1 }
        let distance = abs(wanted.rank - level.rank)
        return distance == 0 ? 1 : distance == 1 ? weights.levelOneOff : weights.levelTwoOff
    }

    /// The best relevance of a position, those that ended over three years before the latest at ¾.
    private static func function(_ roles: [CandidateProfile.Role], _ relevance: [Double], latest: Int) -> Double {
        var function = 0.0
        for (role, weight) in zip(roles, relevance) {
            function = max(function, weight * (latest - role.lastMonth <= 36 ? 1.0 : 0.75))
        }
        return function
    }

    /// A position's function factor (1, ``ScoringWeights/neighbourFunction``,
    /// ``ScoringWeights/tradeNeighbourFunction`` or ``ScoringWeights/unrelatedFunction``) and its weight in
    /// relevant years (1, ½, 0); `nil` for a title of no known function. Every position counts fully for a
    /// job whose title names no known function.
    private static func relevance(
        of role: CandidateProfile.Role, job: JobAnalysis, weights: ScoringWeights
    ) -> (function: Double, functionShowingWork: Double, years: Double)? {
        guard let wanted = job.function else { return (1, 1, 1) }
        guard let function = role.function else { return nil }
        let nearness = function.nearness(to: wanted, neighbour: 0.5)
        let factor = nearness == 1 ? 1 : nearness > 0 ? weights.neighbourFunction : weights.unrelatedFunction
        let tradeOnly = function.isTradeNeighbour(ofSpecialisedJob: wanted)
        return (tradeOnly ? weights.tradeNeighbourFunction : factor, factor, nearness)
    }

    /// The years factor: 1 at or above ``ScoringWeights/yearsTolerance`` × `minimum`, linear down to
    /// ``ScoringWeights/yearsFloor`` at none.
    static func yearsFactor(_ years: Double, minimum: Double, weights: ScoringWeights) -> Double {
        let share = years / (minimum * weights.yearsTolerance)
        return share >= 1 ? 1 : weights.yearsFloor + (1 - weights.yearsFloor) * max(0, share)
    }
}

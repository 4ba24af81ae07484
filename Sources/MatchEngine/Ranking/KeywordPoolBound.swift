/// An upper bound of a candidate's keyword-pool value (its skill points, then the role match and the
/// role-fit factors; ``Engine/keywordPool(_:job:scorer:weights:limit:bounded:)``) that reads only the
/// functions its positions and titles name, the levels they can be read at and the most years they can give:
/// the function showing work is at most the best of its functions', title points count only when one of them
/// shows the job's work, the function, level and years factors are at most those of the best function, the
/// best of those levels and the most years, the other factors at most 1. The part of the skill points a
/// candidate loses for skills it lists without its experience showing them is exact (``unshown``).
///
/// Computed for every candidate of a large namespace at every ranking, so it works on bit masks of
/// function ordinals (``CandidateIndex/Roster/Keywords/functionMasks``) with no call per function.
struct KeywordPoolBound: Sendable {
    /// The job's function, its neighbours and the other functions, as masks of ordinals (all zero for a
    /// job of no known function).
    private let sameMask: UInt16
    private let neighbourMask: UInt16
    private let otherMask: UInt16
    /// The functions whose titles show the job's work (the job's and its neighbours of the same discipline).
    private let showsMask: UInt16
    private let knownFunction: Bool
    private let weights: ScoringWeights
    private let titleWorth: Double
    private let minimumYears: Double
    /// The job's named skills with the worth a candidate loses when it lists one without its experience
    /// showing it, in the order the estimate subtracts them (a skill named twice, twice).
    let unshown: [(skill: String, worth: Double)]
    /// Per mask of levels (``CandidateIndex/Roster/Keywords/levelMasks``), the best level match among them;
    /// 1 for none (no level is read, so no level factor applies).
    private let levelMatches: [Double]

    /// `nil` (every candidate evaluated) when the weights let a factor leave 0 … 1 or the role match
    /// weigh less than nothing.
    init?(
        _ prepared: MatchScorer.PreparedJob, titlePoints: [(skills: [String], worth: Float)],
        unshown: [(skill: String, worth: Double)], weights: ScoringWeights
    ) {
        let unitWeights = [
            weights.role, weights.neighbourFunction, weights.unrelatedFunction, weights.yearsFloor, weights.levelOneOff,
            weights.levelTwoOff, weights.listedSkillCredit,
        ]
        guard weights.roleMatch >= 0, unitWeights.allSatisfy({ (0...1).contains($0) }) else { return nil }
        self.weights = weights
        self.unshown = unshown
        titleWorth = titlePoints.reduce(0.0) { $0 + Double($1.worth) }
        minimumYears = prepared.job.minimumYears ?? 0
        var masks: (same: UInt16, neighbour: UInt16, other: UInt16, shows: UInt16) = (0, 0, 0, 0)
        if let wanted = prepared.analysis.function {
            for function in RoleFunction.allCases {
                let bit = UInt16(1) << function.ordinal
                let nearness = function.nearness(to: wanted, neighbour: 0.5)
                if nearness == 1 {
                    masks.same |= bit
                } else if nearness > 0 {
                    masks.neighbour |= bit
                } else {
                    masks.other |= bit
                }
                if function == wanted || function.sharesDiscipline(with: wanted) { masks.shows |= bit }
            }
        }
        (sameMask, neighbourMask, otherMask, showsMask) = masks
        knownFunction = prepared.analysis.function != nil
        let levels = SeniorityLevel.allCases
        levelMatches = (0..<(1 << levels.count)).map { mask in
            mask == 0
                ? 1
                : levels.filter { mask & 1 << $0.rank != 0 }.map {
                    RoleFit.levelMatch($0, wanted: prepared.analysis.level, weights: weights)
                }.max() ?? 1
        }
    }

    /// The bound of a candidate whose functions are `mask`, who can be read at the levels `levels`, whose
    /// positions give at most `mostYears` (0: no years factor), who has `points` skill points and loses
    /// `unshownWorth` of them (``unshown``); a hair above the value it bounds, so that rounding to `Float` never
    /// puts it below.
    @inline(__always)
    func callAsFunction(mask: UInt16, levels: UInt8, mostYears: Double, points: Float, unshownWorth: Double) -> Float {
        let points = Double(points) - unshownWorth
        // The years factor at the most years the candidate's positions can give (it grows with the years).
        var years = 1.0
        if minimumYears > 0, mostYears > 0 {
            years = 1 - weights.role * (1 - RoleFit.yearsFactor(mostYears, minimum: minimumYears, weights: weights))
        }
        // The best level match, and its factor; a candidate read at no level has neither.
        let levelMatch = levelMatches[Int(levels)]
        let level = 1 - weights.role * (1 - levelMatch)
        // Every position counts fully for a job of no known function.
        guard knownFunction else {
            let value = (points + weights.roleMatch * levelMatch + titleWorth) * level * years
            return Float(value * (1 + 1e-6)) + 1e-6
        }
        // No function read: no level read either, no function or level factor.
        guard mask != 0 else { return Float(points * years * (1 + 1e-6)) + 1e-6 }
        var showing = 0.0
        if mask & sameMask != 0 { showing = 1 }
        if mask & neighbourMask != 0 { showing = max(showing, weights.neighbourFunction) }
        if mask & otherMask != 0 { showing = max(showing, weights.unrelatedFunction) }
        let most = weights.roleMatch * showing * levelMatch + (mask & showsMask != 0 ? titleWorth : 0)
        // At most the best function's factor.
        let function = 1 - weights.role * (1 - showing)
        return Float((points + most) * function * level * years * (1 + 1e-6)) + 1e-6
    }
}

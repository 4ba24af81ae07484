/// An upper bound of a candidate's keyword-pool value (its skill points, then the role match and the
/// role-fit factors; ``Engine/keywordPool(_:job:scorer:weights:limit:bounded:)``) that reads only the
/// functions its positions and titles name and the most years they can give: the function showing work
/// is at most the best of its functions', title points count only when one of them shows the job's work,
/// the function and years factors are at most those of the best function and the most years, the other
/// factors and the level match at most 1.
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

    /// `nil` (every candidate evaluated) when the weights let a factor leave 0 … 1 or the role match
    /// weigh less than nothing.
    init?(_ prepared: MatchScorer.PreparedJob, titlePoints: [(skills: [String], worth: Float)], weights: ScoringWeights)
    {
        let unitWeights = [
            weights.role, weights.neighbourFunction, weights.unrelatedFunction, weights.yearsFloor, weights.levelOneOff,
            weights.levelTwoOff, weights.listedSkillCredit,
        ]
        guard weights.roleMatch >= 0, unitWeights.allSatisfy({ (0...1).contains($0) }) else { return nil }
        self.weights = weights
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
    }

    /// The bound of a candidate whose functions are `mask`, whose positions give at most `mostYears`
    /// (0: no years factor) and who has `points` skill points; a hair above the value it bounds, so that
    /// rounding to `Float` never puts it below.
    @inline(__always)
    func callAsFunction(mask: UInt16, mostYears: Double, points: Float) -> Float {
        // The years factor at the most years the candidate's positions can give (it grows with the years).
        var years = 1.0
        if minimumYears > 0, mostYears > 0 {
            years = 1 - weights.role * (1 - RoleFit.yearsFactor(mostYears, minimum: minimumYears, weights: weights))
        }
        // Every position counts fully for a job of no known function.
        guard knownFunction else {
            return Float((Double(points) + weights.roleMatch + titleWorth) * years * (1 + 1e-6)) + 1e-6
        }
        var showing = 0.0
        if mask & sameMask != 0 { showing = 1 }
        if mask & neighbourMask != 0 { showing = max(showing, weights.neighbourFunction) }
        if mask & otherMask != 0 { showing = max(showing, weights.unrelatedFunction) }
        let most = weights.roleMatch * showing + (mask & showsMask != 0 ? titleWorth : 0)
        // No function read, no function factor; else at most the best function's.
        let function = mask == 0 ? 1 : 1 - weights.role * (1 - showing)
        return Float((Double(points) + most) * function * years * (1 + 1e-6)) + 1e-6
    }
}

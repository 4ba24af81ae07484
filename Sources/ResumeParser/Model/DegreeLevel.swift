/// How far someone's formal education went, in order: `other` < `highSchool` < `associate` < `bachelor`
/// < `master` < `doctorate`.
public enum DegreeLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A qualification that is none of the others (a certificate, a diploma of unknown level).
    case other
    /// A high-school diploma, GED, A-levels or Abitur.
    case highSchool = "high school"
    /// An associate degree (A.S., A.A., AAS).
    case associate
    /// A bachelor's degree (B.Sc., B.A., B.Eng., BBA, LL.B.).
    case bachelor
    /// A master's degree (M.Sc., M.A., MBA, M.Eng., LL.M.).
    case master
    /// A doctorate (PhD, DPhil, Ed.D.).
    case doctorate

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// How many levels this one is below `other`: 1 for a bachelor against a master, 0 for the same level,
    /// negative when this one is higher.
    public func levelsBelow(_ other: DegreeLevel) -> Int { other.rank - rank }

    /// Whether `lhs` is a lower level than `rhs`.
    public static func < (lhs: DegreeLevel, rhs: DegreeLevel) -> Bool { lhs.rank < rhs.rank }
}

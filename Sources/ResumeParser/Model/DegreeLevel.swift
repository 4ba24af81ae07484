/// How far someone's formal education went, in order.
public enum DegreeLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case other
    case highSchool = "high school"
    case associate
    case bachelor
    case master
    case doctorate

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: DegreeLevel, rhs: DegreeLevel) -> Bool { lhs.rank < rhs.rank }
}

/// How senior a role is, read from a title's words: intern < junior < mid < senior < lead (lead, staff,
/// principal, manager, head, director — one level for scoring).
public enum SeniorityLevel: String, Sendable, Codable, Comparable, CaseIterable {
    /// Intern, trainee, apprentice.
    case intern
    /// Junior, graduate, entry level, associate.
    case junior
    /// Mid-level (also a title with no level word, when years say so).
    case mid
    /// Senior.
    case senior
    /// Lead, staff, principal, manager, head, director.
    case lead

    /// Compares by seniority.
    public static func < (lhs: SeniorityLevel, rhs: SeniorityLevel) -> Bool { lhs.rank < rhs.rank }

    /// 0 for intern … 4 for lead.
    var rank: Int {
        switch self {
        case .intern: 0
        case .junior: 1
        case .mid: 2
        case .senior: 3
        case .lead: 4
        }
    }

    private static let words: [(SeniorityLevel, [String])] = [
        (.intern, [" intern ", " internship ", " trainee ", " apprentice ", " placement student "]),
        (
            .lead,
            [
                " lead ", " principal ", " head of ", " director ", " manager ", " chief ", " vp ", " architect ",
            ]
        ),
        (.senior, [" senior ", " sr "]),
        (.junior, [" junior ", " jr ", " graduate ", " entry level ", " associate "]),
        (.mid, [" mid level ", " intermediate "]),
    ]

    /// Title nouns after which "staff" is a level above senior (a staff engineer); elsewhere "staff" is
    /// the regular, qualified grade of a profession (a staff accountant, a staff nurse): mid level, below a
    /// senior accountant and above a junior one.
    private static let staffLevelNouns = [
        " engineer", " developer", " scientist", " designer", " architect", " sre ", " software ",
    ]

    /// Phrases whose "manager" names the role, not a manager of people: a product manager is an individual
    /// contributor whose level the other words state ("Associate Product Manager" junior, "Senior Product
    /// Manager" senior, "Product Manager" none).
    private static let managerRoleNouns: Set<Substring> = ["product", "project", "program", "programme"]

    /// The level a title states, or `nil` when it states none ("Software Engineer"); "Staff Accountant"
    /// states mid, "Staff Engineer" lead, "Associate Product Manager" junior.
    static func of(_ title: String) -> SeniorityLevel? {
        var lowered = RoleFunction.words(of: title)
        if lowered.containsLiteral(" manager ") {
            // "product manager" is the role's name: its "manager" says nothing of the level.
            var previous: Substring = ""
            var kept: [Substring] = []
            for word in lowered.split(separator: " ") {
                if !(word == "manager" && managerRoleNouns.contains(previous)) { kept.append(word) }
                previous = word
            }
            lowered = " " + kept.joined(separator: " ") + " "
        }
        for (level, phrases) in words where phrases.contains(where: { lowered.containsLiteral($0) }) { return level }
        if lowered.containsLiteral(" staff ") {
            return staffLevelNouns.contains(where: { lowered.containsLiteral($0) }) ? .lead : .mid
        }
        return nil
    }

    /// The level years in a function suggest when no title says: under 2 junior, under 5 mid, else senior.
    static func implied(byYears years: Double) -> SeniorityLevel {
        years < 2 ? .junior : years < 5 ? .mid : .senior
    }
}

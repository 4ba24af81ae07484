/// Skills that stand in for one another in part: a candidate with one of them, asked for another, earns
/// ``credit`` of that requirement (MySQL for PostgreSQL, Vue.js for React). Declared in the taxonomy's
/// `relations` (see `scripts/skill-relations.txt`).
public struct SkillRelation: Sendable, Hashable, Codable {
    /// Canonical names of the related skills (two or more).
    public var skills: [String]
    /// The share of a requirement one of them earns for another, in 0 … 1.
    public var credit: Double
    /// What they have in common, e.g. `"relational databases"`.
    public var note: String

    /// A relation among `skills`.
    public init(skills: [String], credit: Double, note: String) {
        self.skills = skills
        self.credit = credit
        self.note = note
    }
}

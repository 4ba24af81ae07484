/// A canonical skill of the taxonomy, with the other names it goes by.
public struct Skill: Sendable, Hashable, Codable {
    /// The canonical name, e.g. `"PostgreSQL"`.
    public var name: String
    /// The family the skill belongs to (languages, frameworks, databases, ...).
    public var category: SkillCategory
    /// Other names matched as this skill, e.g. `["postgres", "psql"]`. An alias written `"=Excel"`
    /// matches only with that capitalisation.
    public var aliases: [String]
    /// The canonical name matches only with its own capitalisation ("Go" the language, not "go").
    public var cased: Bool
    /// The skill counts only in a skills section or in a list next to other skills (for one-letter
    /// names such as "R" and "C").
    public var listed: Bool

    /// A skill; by default it has no aliases and matches in any case and anywhere.
    public init(
        name: String, category: SkillCategory, aliases: [String] = [], cased: Bool = false, listed: Bool = false
    ) {
        self.name = name
        self.category = category
        self.aliases = aliases
        self.cased = cased
        self.listed = listed
    }
}

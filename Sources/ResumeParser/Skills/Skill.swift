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
    /// A general concept ("communication", "distributed systems", "data models") rather than a technology:
    /// outside a skills section it counts only on a line that lists skills, never in prose; in a skills
    /// section it does not count as the label of a group ("Leadership:  Mentoring, Code Review").
    public var generic: Bool

    /// A skill; by default it has no aliases and matches in any case and anywhere.
    public init(
        name: String, category: SkillCategory, aliases: [String] = [], cased: Bool = false, listed: Bool = false,
        generic: Bool = false
    ) {
        self.name = name
        self.category = category
        self.aliases = aliases
        self.cased = cased
        self.listed = listed
        self.generic = generic
    }

    private enum CodingKeys: String, CodingKey {
        case name, category, aliases, cased, listed, generic
    }

    /// Decodes a skill; `generic` may be absent (taxonomies written before it existed) and means `false`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        category = try container.decode(SkillCategory.self, forKey: .category)
        aliases = try container.decode([String].self, forKey: .aliases)
        cased = try container.decode(Bool.self, forKey: .cased)
        listed = try container.decode(Bool.self, forKey: .listed)
        generic = try container.decodeIfPresent(Bool.self, forKey: .generic) ?? false
    }
}

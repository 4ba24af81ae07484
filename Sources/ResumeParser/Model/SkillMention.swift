/// A canonical skill found in a document.
public struct SkillMention: Sendable, Hashable, Codable {
    /// The canonical name (``Skill/name``), whatever alias the text used.
    public var name: String
    /// The skill's category in the taxonomy.
    public var category: SkillCategory

    /// A mention of the skill named `name` in `category`.
    public init(name: String, category: SkillCategory) {
        self.name = name
        self.category = category
    }
}

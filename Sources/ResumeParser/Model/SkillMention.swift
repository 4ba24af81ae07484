/// A canonical skill found in a document.
public struct SkillMention: Sendable, Hashable, Codable {
    public var name: String
    public var category: SkillCategory

    public init(name: String, category: SkillCategory) {
        self.name = name
        self.category = category
    }
}

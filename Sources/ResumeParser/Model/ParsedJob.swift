/// A job description turned into requirements. Produced by ``DocumentParser``.
public struct ParsedJob: Sendable, Hashable, Codable {
    /// The file (or label) the job description came from.
    public var source: String
    /// `pdf`, `docx`, `txt`, `md` or `html` (``DocumentFormat``'s raw values).
    public var format: String
    /// The first line, without Markdown marks and cut before " - Company", " at Company" or " | Company".
    public var title: String?
    /// Skills the job asks for outright.
    public var requiredSkills: [SkillMention]
    /// Skills under "nice to have", "bonus", "preferred" and the like.
    public var preferredSkills: [SkillMention]
    /// The smallest number of years of experience asked for, if stated ("5+ years").
    public var minimumYears: Double?
    /// The lowest degree level accepted, if one is required (a degree described as a plus is not).
    public var requiredDegree: DegreeLevel?

    /// A job from its parts, for a host that builds requirements in code. Skills should be canonical
    /// names (``SkillMatcher`` finds them in text) so they meet the resumes' skills.
    public init(
        source: String, format: String = "txt", title: String?, requiredSkills: [SkillMention],
        preferredSkills: [SkillMention] = [], minimumYears: Double? = nil, requiredDegree: DegreeLevel? = nil
    ) {
        self.source = source
        self.format = format
        self.title = title
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.minimumYears = minimumYears
        self.requiredDegree = requiredDegree
    }

    private enum CodingKeys: String, CodingKey {
        case source, format, title, requiredSkills, preferredSkills, minimumYears, requiredDegree
    }

    /// Absent values are written as `null`, so every object has every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(format, forKey: .format)
        try container.encode(title, forKey: .title)
        try container.encode(requiredSkills, forKey: .requiredSkills)
        try container.encode(preferredSkills, forKey: .preferredSkills)
        try container.encode(minimumYears, forKey: .minimumYears)
        try container.encode(requiredDegree, forKey: .requiredDegree)
    }
}

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
    /// The required skills the job is built around: those named in its title ("Backend Engineer (Java)"),
    /// else those of its first requirement line that names skills without stating years. Canonical names.
    public var coreSkills: [String]
    /// Groups of required skills the job accepts one for another ("Python or Go", "Snowflake, BigQuery or
    /// Redshift"): each group is one requirement. Canonical names.
    public var alternatives: [[String]]

    /// A job from its parts, for a host that builds requirements in code. Skills should be canonical
    /// names (``SkillMatcher`` finds them in text) so they meet the resumes' skills.
    public init(
        source: String, format: String = "txt", title: String?, requiredSkills: [SkillMention],
        preferredSkills: [SkillMention] = [], minimumYears: Double? = nil, requiredDegree: DegreeLevel? = nil,
        coreSkills: [String] = [], alternatives: [[String]] = []
    ) {
        self.source = source
        self.format = format
        self.title = title
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.minimumYears = minimumYears
        self.requiredDegree = requiredDegree
        self.coreSkills = coreSkills
        self.alternatives = alternatives
    }

    private enum CodingKeys: String, CodingKey {
        case source, format, title, requiredSkills, preferredSkills, minimumYears, requiredDegree, coreSkills,
            alternatives
    }

    /// Decodes a job; `coreSkills` and `alternatives`, absent from jobs stored before they existed, default
    /// to empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        format = try container.decode(String.self, forKey: .format)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        requiredSkills = try container.decode([SkillMention].self, forKey: .requiredSkills)
        preferredSkills = try container.decode([SkillMention].self, forKey: .preferredSkills)
        minimumYears = try container.decodeIfPresent(Double.self, forKey: .minimumYears)
        requiredDegree = try container.decodeIfPresent(DegreeLevel.self, forKey: .requiredDegree)
        coreSkills = try container.decodeIfPresent([String].self, forKey: .coreSkills) ?? []
        alternatives = try container.decodeIfPresent([[String]].self, forKey: .alternatives) ?? []
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
        try container.encode(coreSkills, forKey: .coreSkills)
        try container.encode(alternatives, forKey: .alternatives)
    }
}

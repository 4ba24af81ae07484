/// A resume turned into fields. Produced by ``DocumentParser``.
public struct ParsedResume: Sendable, Hashable, Codable {
    /// The file (or label) the resume came from.
    public var source: String
    /// `pdf`, `docx`, `txt`, `md` or `html` (``DocumentFormat``'s raw values).
    public var format: String
    /// Name, e-mail, phone, location and links.
    public var contact: ContactInfo
    /// Distinct canonical skills, in order of first appearance.
    public var skills: [SkillMention]
    /// Positions as listed (usually most recent first).
    public var experience: [ExperienceEntry]
    /// Degrees as listed.
    public var education: [EducationEntry]
    /// One item per line of the certifications section, bullets removed.
    public var certifications: [String]
    /// Spoken languages, e.g. `["English (native)", "Spanish (fluent)"]`.
    public var languages: [String]
    /// Years covered by the positions, overlapping positions counted once, current ones up to the
    /// parse's reference month; one decimal.
    public var totalExperienceYears: Double
    /// The text of each section found.
    public var sections: [SectionKind: String]

    /// A resume from its parts, for a host that builds one in code (fields it leaves out are empty).
    public init(
        source: String, format: String = "txt", contact: ContactInfo = ContactInfo(), skills: [SkillMention] = [],
        experience: [ExperienceEntry] = [], education: [EducationEntry] = [], certifications: [String] = [],
        languages: [String] = [], totalExperienceYears: Double = 0, sections: [SectionKind: String] = [:]
    ) {
        self.source = source
        self.format = format
        self.contact = contact
        self.skills = skills
        self.experience = experience
        self.education = education
        self.certifications = certifications
        self.languages = languages
        self.totalExperienceYears = totalExperienceYears
        self.sections = sections
    }

    /// The highest degree level, if any education was found.
    public var highestDegree: DegreeLevel? { education.map(\.level).max() }
}

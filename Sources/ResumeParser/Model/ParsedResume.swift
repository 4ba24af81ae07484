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

    /// The highest degree level, if any education was found.
    public var highestDegree: DegreeLevel? { education.map(\.level).max() }
}

/// One position held.
public struct ExperienceEntry: Sendable, Hashable, Codable {
    /// The job title, e.g. `"Senior Software Engineer"`.
    public var title: String?
    /// The employer, e.g. `"Acme Corp"`.
    public var company: String?
    /// Where the job was, as written (`"Austin, TX"`).
    public var location: String?
    /// The first month (a bare year starts in January, a season in its first month).
    public var start: YearMonth?
    /// `nil` when the position is current (or the end is not given).
    public var end: YearMonth?
    /// "Present", "Current", "now" and the like.
    public var isCurrent: Bool

    /// A position; every field defaults to absent and `isCurrent` to false.
    public init(
        title: String? = nil, company: String? = nil, location: String? = nil, start: YearMonth? = nil,
        end: YearMonth? = nil, isCurrent: Bool = false
    ) {
        self.title = title
        self.company = company
        self.location = location
        self.start = start
        self.end = end
        self.isCurrent = isCurrent
    }

    private enum CodingKeys: String, CodingKey { case title, company, location, start, end, isCurrent }

    /// Absent values are written as `null`, so every object has every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(company, forKey: .company)
        try container.encode(location, forKey: .location)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(isCurrent, forKey: .isCurrent)
    }
}

/// One position held.
public struct ExperienceEntry: Sendable, Hashable, Codable {
    public var title: String?
    public var company: String?
    public var location: String?
    public var start: YearMonth?
    /// `nil` when the position is current (or the end is not given).
    public var end: YearMonth?
    /// "Present", "Current", "now" and the like.
    public var isCurrent: Bool

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

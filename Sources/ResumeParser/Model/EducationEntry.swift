/// One degree, diploma or course of study.
public struct EducationEntry: Sendable, Hashable, Codable {
    /// How far the degree goes (``DegreeLevel/other`` for a school without a recognised degree).
    public var level: DegreeLevel
    /// The subject, e.g. `"Computer Science"`.
    public var field: String?
    /// The school, e.g. `"University of Texas at Austin"`.
    public var institution: String?
    /// The year of graduation (or the last year given).
    public var year: Int?

    /// An entry of `level`; the other fields default to absent.
    public init(level: DegreeLevel, field: String? = nil, institution: String? = nil, year: Int? = nil) {
        self.level = level
        self.field = field
        self.institution = institution
        self.year = year
    }

    private enum CodingKeys: String, CodingKey { case level, field, institution, year }

    /// Absent values are written as `null`, so every object has every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        try container.encode(field, forKey: .field)
        try container.encode(institution, forKey: .institution)
        try container.encode(year, forKey: .year)
    }
}

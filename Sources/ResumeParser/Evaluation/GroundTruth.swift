/// The expected parse of a fixture resume, as `scripts/generate-fixtures.py` writes it next to the
/// resume (`truth/NAME.json`). Fields mirror the JSON keys and mean what the same fields of
/// ``ParsedResume`` mean; dates are `YYYY-MM` strings, `end` is `nil` for a current position.
public struct GroundTruth: Sendable, Decodable {
    public struct Contact: Sendable, Decodable {
        public var name: String
        public var email: String
        public var phone: String
        public var location: String?
        public var links: [String]?
    }

    public struct Position: Sendable, Decodable {
        public var title: String
        public var company: String
        public var start: String
        public var end: String?
    }

    public struct Degree: Sendable, Decodable {
        public var level: DegreeLevel
        public var field: String?
        public var institution: String?
        public var year: Int?
    }

    public var source: String
    public var format: String
    /// `txt`, `md`, `pdf-single-column`, `pdf-two-column`, `docx`, `docx-table`.
    public var layout: String
    /// The month "Present" stood for when the truth was computed.
    public var asOf: YearMonth
    public var contact: Contact
    public var skills: [String]
    public var experience: [Position]
    public var education: [Degree]
    public var totalExperienceYears: Double
}

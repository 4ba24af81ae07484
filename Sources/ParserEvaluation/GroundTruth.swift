import Foundation
import ResumeParser

/// The expected parse of a fixture resume, as `scripts/generate-fixtures.py` writes it next to the
/// resume (`truth/NAME.json` beside `resumes/NAME.ext`). Fields mirror the JSON keys and mean what the
/// same fields of ``ResumeParser/ParsedResume`` mean; dates are `YYYY-MM` strings.
public struct GroundTruth: Sendable, Decodable {
    /// The true contact details.
    public struct Contact: Sendable, Decodable {
        /// The candidate's name as written.
        public var name: String
        /// The e-mail address (compared ignoring case).
        public var email: String
        /// The phone number in E.164 (`+15125550142`).
        public var phone: String
        /// "City, Region", when the resume states one.
        public var location: String?
        /// Profile and portfolio URLs, when the generator recorded them.
        public var links: [String]?
    }

    /// One true position.
    public struct Position: Sendable, Decodable {
        /// The job title.
        public var title: String
        /// The employer.
        public var company: String
        /// The first month, `YYYY-MM`.
        public var start: String
        /// The last month, `YYYY-MM`; `nil` for a current position.
        public var end: String?
    }

    /// One true degree.
    public struct Degree: Sendable, Decodable {
        /// The level of the degree.
        public var level: DegreeLevel
        /// The subject, when the resume names one.
        public var field: String?
        /// The school, when the resume names one.
        public var institution: String?
        /// The year of graduation, when stated.
        public var year: Int?
    }

    /// The resume's file name.
    public var source: String
    /// The resume's format as ``ResumeParser/DocumentFormat`` names it (`pdf`, `docx`, `txt`, `md`, `html`).
    public var format: String
    /// `txt`, `md`, `html`, `pdf-single-column`, `pdf-two-column`, `docx`, `docx-table`.
    public var layout: String
    /// The template family the resume was rendered from (`moderncv-classic`, `altacv`, ...), when the truth
    /// names one (`Fixtures/real`); ``ParseEvaluation`` groups by ``layout`` where it does not.
    public var family: String?
    /// The month "Present" stood for when the truth was computed.
    public var asOf: YearMonth
    /// The true contact details.
    public var contact: Contact
    /// Canonical skill names, as ``ResumeParser/SkillMatcher`` reports them.
    public var skills: [String]
    /// Every position, newest first.
    public var experience: [Position]
    /// Every degree.
    public var education: [Degree]
    /// Years of experience with overlaps counted once, to one decimal.
    public var totalExperienceYears: Double

    /// Reads the truth written for the resume at `resume`: `DIR/truth/NAME.json` for `DIR/resumes/NAME.ext`.
    ///
    /// - Throws: the file error when there is no such file, `DecodingError` when it is not ground truth.
    public init(forResume resume: URL) throws {
        self = try JSONDecoder().decode(GroundTruth.self, from: Data(contentsOf: Self.url(forResume: resume)))
    }

    /// Where the truth for `resume` is: `DIR/truth/NAME.json` for `DIR/resumes/NAME.ext`.
    static func url(forResume resume: URL) -> URL {
        resume.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("truth")
            .appendingPathComponent(resume.deletingPathExtension().lastPathComponent + ".json")
    }
}

/// The parts a resume is divided into.
public enum SectionKind: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable {
    /// The header: name and contact details.
    case contact
    /// A summary, profile or objective.
    case summary
    /// Employment history.
    case experience
    /// Degrees and schools.
    case education
    /// Skills, technologies and tools.
    case skills
    /// Projects, portfolio and open source work.
    case projects
    /// Certifications, licences and courses.
    case certifications
    /// Spoken languages.
    case languages
    /// Anything else (interests, publications, references, ...).
    case other
}

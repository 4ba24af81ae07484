/// The parts a resume is divided into.
public enum SectionKind: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable {
    /// The header: name and contact details.
    case contact
    case summary
    case experience
    case education
    case skills
    case projects
    case certifications
    case languages
    /// Anything else (interests, publications, references, ...).
    case other
}

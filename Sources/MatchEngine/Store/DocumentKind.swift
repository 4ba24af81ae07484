/// What a stored document is.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case resume
    case job
}

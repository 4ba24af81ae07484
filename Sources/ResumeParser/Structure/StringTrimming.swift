/// Trimming in pure Swift: Foundation's `trimmingCharacters(in:)` goes through NSString on Linux and
/// was 15 % of the time spent parsing a resume.
extension StringProtocol {
    /// Without leading and trailing whitespace (including line breaks).
    func trimmedWhitespace() -> String { trimmed(where: \.isWhitespace) }

    /// Without leading and trailing characters that are in `characters`.
    func trimmed(_ characters: String) -> String {
        let set = Set(characters)
        return trimmed(where: { set.contains($0) })
    }

    /// Without leading and trailing characters for which `predicate` holds.
    func trimmed(where predicate: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !predicate($0) }), let last = lastIndex(where: { !predicate($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

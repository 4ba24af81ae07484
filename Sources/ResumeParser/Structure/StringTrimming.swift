/// Trimming in pure Swift: Foundation's `trimmingCharacters(in:)` goes through NSString on Linux and
/// was 15 % of the time spent parsing a resume.
extension StringProtocol {
    /// Without leading and trailing whitespace (including line breaks).
    func trimmedWhitespace() -> String { trimmed(where: \.isWhitespace) }

    /// Without leading and trailing characters that are in `characters`.
    func trimmed(_ characters: String) -> String {
        // Most lines have none or a few characters to trim: those are looked up in `characters` itself, and
        // a set is built only when a run grows long (a hostile line of 100,000 dashes), not on every call.
        var lookups = 0
        var set: Set<Character> = []
        return trimmed(where: { character in
            lookups += 1
            if lookups <= 16 { return characters.contains(character) }
            if lookups == 17 { set = Set(characters) }
            return set.contains(character)
        })
    }

    /// Without leading and trailing characters for which `predicate` holds.
    func trimmed(where predicate: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !predicate($0) }), let last = lastIndex(where: { !predicate($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

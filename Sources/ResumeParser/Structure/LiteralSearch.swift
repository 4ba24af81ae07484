/// Substring tests without Foundation: with Foundation imported, `String.contains(_: some StringProtocol)` is
/// Foundation's, which bridges both strings through NSString on Linux; on the parser's and the scorer's
/// short lines that was 13 % of an ingest's CPU time outside the model.
extension StringProtocol {
    /// Whether `needle` occurs in this text as whole characters, canonical equivalents matching ("école"
    /// with its accent as a separate mark is "école"), as Foundation's `contains` reads them. An empty
    /// needle occurs nowhere, as there.
    ///
    /// An ASCII needle is looked for byte by byte; a hit is taken when the byte after it is ASCII too (or
    /// the text ends), since only a non-ASCII byte can add a combining mark to the hit's last character.
    /// Other cases compare characters.
    package func containsLiteral(_ needle: some StringProtocol) -> Bool {
        guard !needle.isEmpty else { return false }
        let fast =
            utf8.withContiguousStorageIfAvailable { haystack in
                needle.utf8.withContiguousStorageIfAvailable { needle in
                    Self.asciiHit(haystack, needle)
                } ?? nil
            } ?? nil
        switch fast {
        case .found?: return true
        case .absent?: return false
        case .unsure?, nil: return String(self).firstRange(of: String(needle)) != nil
        }
    }

    private static func asciiHit(
        _ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>
    )
        -> LiteralHit
    {
        guard let first = needle.first, needle.allSatisfy({ $0 < 0x80 }) else { return .unsure }
        guard needle.count <= haystack.count else { return .absent }
        let last = haystack.count - needle.count
        var start = 0
        // Needles are short (words and phrases): test each place their first byte occurs.
        while start <= last {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count {
                    let end = start + matched
                    if end == haystack.count || haystack[end] < 0x80 { return .found }
                    return .unsure
                }
            }
            start += 1
        }
        return .absent
    }
}

/// What a byte search could tell.
private enum LiteralHit {
    case found, absent, unsure
}

/// Section headings set in a left margin beside the section's first line, as moderncv's fancy style and
/// other label-column layouts print them: "Education     MBA in Digital Marketing, …". A two-word heading
/// that the margin wrapped ("Professional     Growth Marketing Manager, …" over "experience     Germany.")
/// is put back on one line first (``joiningWrapped(_:)``).
enum MarginHeading {
    /// The most characters a margin heading takes, gap included.
    static let maximumWidth = 40

    /// The heading at the start of `line` and the text after it, when a gap of three or more spaces sets
    /// off a heading (``SectionSplitter/heading(_:)`` with nothing after a colon) from non-empty text.
    static func split(_ line: String) -> (kind: SectionKind, heading: String, rest: String)? {
        guard let (head, rest) = marginSegment(line), !rest.isEmpty,
            let (kind, inline) = SectionSplitter.heading(head), inline.isEmpty
        else { return nil }
        return (kind, head, rest)
    }

    /// `lines` with each margin heading that wrapped onto the next line ("Professional" + "experience")
    /// joined on its first line, and the text beside its second half left on the next.
    ///
    /// - Complexity: O(n) in the number of lines; only short margin pieces are examined.
    static func joiningWrapped(_ lines: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if index + 1 < lines.count, let joined = wrapped(line, lines[index + 1]) {
                result.append(joined.line)
                if !joined.next.isEmpty { result.append(joined.next) }
                index += 2
            } else {
                result.append(line)
                index += 1
            }
        }
        return result
    }

    /// "Professional   Growth …" over "experience   Germany." → "Professional experience   Growth …" and
    /// "Germany.": the first piece of each line is at most three words, is no heading alone on the first
    /// line, and together they are one; the second half starts in lower case or is no heading alone.
    static func wrapped(_ line: String, _ next: String) -> (line: String, next: String)? {
        let (head, rest) = marginSegment(line) ?? (line, "")
        // The first line's piece is checked before the next line is read: most lines fail here.
        guard head.utf8.count <= maximumWidth, hasAtMostThreeWords(head) else { return nil }
        let (tail, nextRest) = marginSegment(next) ?? (next, "")
        guard tail.utf8.count <= maximumWidth, hasAtMostThreeWords(tail),
            SectionSplitter.heading(head) == nil,
            // "Leadership" over "Languages": a group label above a heading of its own, not one heading wrapped.
            tail.first?.isLowercase == true || SectionSplitter.heading(tail) == nil,
            let (_, inline) = SectionSplitter.heading(head + " " + tail), inline.isEmpty
        else { return nil }
        let joined = head + " " + tail
        return (rest.isEmpty ? joined : joined + "   " + rest, nextRest)
    }

    /// Whether `text` splits at spaces into at most three words (on the bytes when it is ASCII, where a byte
    /// is a character).
    private static func hasAtMostThreeWords(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ").count <= 3 }
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words <= 3
    }

    /// The piece of `line` before its first gap of three or more spaces (within ``maximumWidth``
    /// characters), and the rest of the line after the gap.
    static func marginSegment(_ line: String) -> (head: String, rest: String)? {
        // Only the first `maximumWidth × 2` characters are read. While those (and the byte after them, which
        // a combining mark would join to the last) are ASCII, a byte is a character: scan the bytes; while
        // they are scalars that are characters of their own (bullets, dashes, accented letters), scan those.
        if line.utf8.prefix(maximumWidth * 2 + 1).allSatisfy({ $0 < 0x80 }) {
            return segment(line, at: line.utf8.indices) { line.utf8[$0] == UInt8(ascii: " ") }
        }
        let scalars = line.unicodeScalars
        if scalars.prefix(maximumWidth * 2 + 1).allSatisfy({ $0.isCharacterOfItsOwn }) {
            return segment(line, at: scalars.indices) { scalars[$0] == " " }
        }
        return segment(line, at: line.indices) { line[$0] == " " }
    }

    private static func segment<Positions: Sequence<String.Index>>(
        _ line: String, at positions: Positions, isSpace: (String.Index) -> Bool
    ) -> (head: String, rest: String)? {
        var spaces = 0
        var count = 0
        for index in positions {
            count += 1
            if count > maximumWidth * 2 { return nil }
            if isSpace(index) {
                spaces += 1
                continue
            }
            if spaces >= 3 {
                let head = line[..<index].trimmedWhitespace()
                guard !head.isEmpty, head.utf8.count <= maximumWidth else { return nil }
                return (head, line[index...].trimmedWhitespace())
            }
            spaces = 0
        }
        return nil
    }
}

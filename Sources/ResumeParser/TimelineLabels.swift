/// The year labels of a timeline drawn in a PDF's left margin (moderncv's moderntimeline: "since 2023" at
/// the bar of a current position, the first and last year at the others), which the physical layout prints
/// as lines of their own between an entry's lines. They caption a drawing and are not the entry's dates: a
/// line that holds only a year ("2020", "since 2023") and starts at least four positions left of the body
/// text is dropped, unless the line above it starts in the margin too with other text ("2019 –" or
/// "February" over "2021": a date that a margin column wrapped).
enum TimelineLabels {
    /// The page (physical layout, one text line a line) without its timeline labels.
    ///
    /// - Complexity: O(n) in the length of `page`.
    static func removed(from page: String) -> String {
        let lines = page.linesAtLineFeeds(omittingEmpty: false)
        guard lines.contains(where: isYearLabel), let body = bodyIndentation(lines) else { return page }
        var kept: [Substring] = []
        kept.reserveCapacity(lines.count)
        var previous: Substring?
        for line in lines {
            if isYearLabel(line), indentation(line) + 4 <= body,
                !(previous.map { startsMarginDate($0, body: body) } ?? false)
            {
                continue
            }
            if line.contains(where: { $0 != " " }) { previous = line }
            kept.append(line)
        }
        return kept.count == lines.count ? page : kept.joined(separator: "\n")
    }

    /// "2020", "since 2023", "until 2019": a year between 1900 and 2099, alone or after one such word.
    static func isYearLabel(_ line: Substring) -> Bool {
        // Most lines fail at once: a label ends with a digit, an ASCII one, which is its last byte but spaces.
        guard let lastByte = line.utf8.last(where: { $0 != UInt8(ascii: " ") }), (0x30...0x39).contains(lastByte),
            let last = line.lastIndex(where: { $0 != " " }), line[last].isASCII, line[last].isNumber,
            let first = line.firstIndex(where: { $0 != " " })
        else { return false }
        let text = line[first...last]
        guard text.utf8.count <= 16 else { return false }
        let words = text.split(separator: " ")
        guard let year = words.last, words.count <= 2,
            words.count == 1 || ["since", "from", "until", "till"].contains(words[0].lowercased())
        else { return false }
        return year.count == 4 && year.allSatisfy { $0.isASCII && $0.isNumber }
            && (year.hasPrefix("19") || year.hasPrefix("20"))
    }

    private static func indentation(_ line: Substring) -> Int {
        let spaces = line.utf8.prefix { $0 == UInt8(ascii: " ") }.count
        // A space followed by ASCII (or nothing) is a character of its own; before other bytes (a combining
        // mark), the last space may be part of the next character.
        guard let next = line.utf8.dropFirst(spaces).first, next >= 0x80 else { return spaces }
        return line.prefix { $0 == " " }.count
    }

    /// Where most lines of running text start: the commonest indentation of lines with 25 or more
    /// characters after it.
    static func bodyIndentation(_ lines: [Substring]) -> Int? {
        var counts: [Int: Int] = [:]
        for line in lines {
            let indent = indentation(line)
            let length = line.eachByteIsACharacter ? line.utf8.count : line.count
            if length - indent >= 25 { counts[indent, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Whether `line` starts in the margin with something other than a year label: "2019 –", "February"
    /// (a range that a margin column wrapped, or wrote down one piece a line), whose year goes with it.
    private static func startsMarginDate(_ line: Substring, body: Int) -> Bool {
        indentation(line) + 4 <= body && !isYearLabel(line)
    }
}

/// Words that a narrow text column hyphenated at its edge ("Technol-" over "ogy, Trondheim", "Camp-   05.2019
/// – 01.2022" over "inas, Brazil.", "Machine Learn-" over "ing; Tools: PyTorch"), put back together for the
/// entry readers and the skill matcher.
enum HyphenatedWords {
    /// Words that form hyphenated compounds at the front ("self-managed", "cross-functional",
    /// "front-end"): a line that breaks after one of them keeps its hyphen, unless the joined word is a
    /// skill's name.
    static let compoundPrefixes: Set<String> = [
        "anti", "back", "best", "client", "cloud", "co", "cost", "cross", "customer", "data", "day", "down", "e",
        "end", "event", "ex", "fast", "first", "front", "full", "half", "hands", "high", "in", "long", "low",
        "mid", "multi", "near", "non", "off", "on", "one", "open", "out", "over", "part", "peer", "post", "pre",
        "real", "self", "semi", "server", "short", "state", "sub", "team", "test", "time", "top", "two", "under",
        "up", "user", "well", "world",
    ]

    /// `lines` with each word hyphenated at a line's end joined: the next line, which starts with a
    /// lower-case letter, goes where the hyphen was, before any dates set off in a right margin by a gap of
    /// three or more spaces. When the next line starts with a label of a left margin column set off by such
    /// a gap ("responsibilities      ers."), the text after the gap continues the word and the label goes
    /// to the end of the joined line. The hyphen is dropped ("Technol-" + "ogy" is "Technology") unless
    /// the word before it is one of ``compoundPrefixes`` and the joined word does not complete a skill of
    /// `matcher` ("self-" + "managed" stays "self-managed"; "front-" + "end" becomes "frontend", a skill).
    ///
    /// - Complexity: O(n) in the total length of `lines` (the matcher reads one joined line per hyphen).
    static func joined(_ lines: [String], matcher: SkillMatcher? = nil) -> [String] {
        var result: [String] = []
        result.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            // One join a line, so a hostile run of "a-" lines is not rescanned as it grows.
            if index + 1 < lines.count, let next = continuation(lines[index + 1]), let hyphen = wrapHyphen(line) {
                let left = line[..<hyphen]
                let after = line[line.index(after: hyphen)...]
                let label = next.label.map { "   " + $0 } ?? ""
                let closed = String(left) + next.text + after + label
                let keepsHyphen =
                    compoundPrefixes.contains(lastWord(left).lowercased())
                    && !(matcher.map { completesSkill(closed, at: left.utf8.count, matcher: $0) } ?? false)
                result.append(keepsHyphen ? String(left) + "-" + next.text + after + label : closed)
                index += 2
            } else {
                result.append(line)
                index += 1
            }
        }
        return result
    }

    /// The text that continues a hyphenated word on `line`: the line when it starts with a lower-case
    /// letter, or the text after a left margin label ("competences        ing; Tools") when that starts with
    /// one; `nil` when the line does not continue a word.
    static func continuation(_ line: String) -> (text: Substring, label: Substring?)? {
        guard let first = line.first, first.isLetter else { return nil }
        // A label of a few words, a gap of three or more spaces, then lower-case text.
        if let gap = line.range(of: "   "), line[..<gap.lowerBound].split(separator: " ").count <= 3 {
            let rest = line[gap.upperBound...].drop { $0 == " " }
            if let start = rest.first, start.isLowercase { return (rest, line[..<gap.lowerBound]) }
        }
        return first.isLowercase ? (line[...], nil) : nil
    }

    /// The word that ends `text` (the part of a hyphenated word before the hyphen).
    private static func lastWord(_ text: Substring) -> Substring {
        text.reversed().firstIndex { !$0.isLetter }.map { text[$0.base...] } ?? text
    }

    /// Whether a skill that `matcher` finds in `line` spans the UTF-8 offset `junction`.
    private static func completesSkill(_ line: String, at junction: Int, matcher: SkillMatcher) -> Bool {
        matcher.matches(in: line).contains { $0.utf8Range.lowerBound < junction && junction < $0.utf8Range.upperBound }
    }

    /// The hyphen after a letter that ends `line`'s text or its text before a gap of three or more spaces
    /// (the right-margin dates of moderncv).
    static func wrapHyphen(_ line: String) -> String.Index? {
        var candidate = line.firstIndex(of: "-")
        while let found = candidate {
            let after = line[line.index(after: found)...]
            if found > line.startIndex, line[line.index(before: found)].isLetter,
                after.isEmpty || after.hasPrefix("   ")
            {
                return found
            }
            candidate = after.firstIndex(of: "-")
        }
        return nil
    }
}

/// Skill names that a narrow column of a skills table wrapped onto the next line ("Product      Expert" over
/// "Management", "financial Advanced" over "statements"), put back together for the skill matcher.
enum WrappedSkillNames {
    /// The most words a line may have to be read as the rest of a wrapped name.
    static let maximumContinuationWords = 3
    /// The most leading words of a line the wrapped rest may follow.
    static let maximumLeadingWords = 3

    /// `lines` of a skills section with each wrapped name joined: when a short next line (at most
    /// ``maximumContinuationWords`` words, 60 characters) put after the first one to
    /// ``maximumLeadingWords`` words of a line completes a skill of `matcher` across the join, the next
    /// line goes there and the rest of the line (a level, "Expert") follows after a gap. Lines that do not
    /// complete a skill so stay as they are.
    ///
    /// - Complexity: O(n) in the total length of `lines` (at most three matcher reads of two short lines
    ///   each).
    static func joined(_ lines: [String], matcher: SkillMatcher) -> [String] {
        var result: [String] = []
        result.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if index + 1 < lines.count, let joined = join(line, lines[index + 1], matcher: matcher) {
                result.append(joined)
                index += 2
            } else {
                result.append(line)
                index += 1
            }
        }
        return result
    }

    /// `line` with `next` after its leading words when that completes a skill across the join.
    private static func join(_ line: String, _ next: String, matcher: SkillMatcher) -> String? {
        let rest = next.trimmedWhitespace()
        let restWords = rest.split(separator: " ")
        guard !restWords.isEmpty, restWords.count <= maximumContinuationWords, rest.utf8.count <= 60,
            rest.first?.isLetter == true, line.utf8.count <= 120
        else { return nil }
        let words = line.trimmedWhitespace().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first, first.first?.isLetter == true else { return nil }
        for count in 1...min(maximumLeadingWords, words.count) {
            let lead = words[..<count].joined(separator: " ")
            let candidate = lead + " " + rest
            let junction = lead.utf8.count
            let spans = matcher.matches(in: candidate, isSkillList: true).contains {
                $0.utf8Range.lowerBound < junction && $0.utf8Range.upperBound > junction + 1
            }
            if spans {
                let tail = words[count...].joined(separator: " ")
                return tail.isEmpty ? candidate : candidate + "   " + tail
            }
        }
        return nil
    }
}

/// Words that a narrow text column hyphenated at its edge ("Technol-" over "ogy, Trondheim", "Camp-   05.2019
/// – 01.2022" over "inas, Brazil."), put back together for the entry readers.
enum HyphenatedWords {
    /// `lines` with each word hyphenated at a line's end joined: the next line, which starts with a
    /// lower-case letter, goes where the hyphen was, before any dates set off in a right margin by a gap of
    /// three or more spaces.
    ///
    /// - Complexity: O(n) in the total length of `lines`.
    static func joined(_ lines: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            // One join a line, so a hostile run of "a-" lines is not rescanned as it grows.
            if index + 1 < lines.count, let first = lines[index + 1].first, first.isLowercase,
                let hyphen = wrapHyphen(line)
            {
                result.append(line[..<hyphen] + lines[index + 1] + line[line.index(after: hyphen)...])
                index += 2
            } else {
                result.append(line)
                index += 1
            }
        }
        return result
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

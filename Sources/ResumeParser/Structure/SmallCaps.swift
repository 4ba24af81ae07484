/// Words set in small capitals (LaTeX `\textsc`, titlesec headings), whose first letter a PDF's text
/// layer sets apart from the rest because it is a full capital of a larger size: "P ROFESSIONAL
/// E XPERIENCE", "A DMISSIONS AND C ERTIFICATES". Headings are set so; joined, they read as headings again.
enum SmallCaps {
    /// `line` with each lone capital joined to the capitals after it ("E DUCATION" → "EDUCATION"), or `nil`
    /// when `line` is not so set: every word in capitals (or "&"), at least one lone capital followed by a
    /// word of two capitals or more, and no lone capital left over.
    ///
    /// - Complexity: O(n) in the length of `line`; lines longer than 120 bytes are not looked at.
    static func joined(_ line: String) -> String? {
        let bytes = line.utf8
        guard bytes.count <= 120, bytes.count >= 4 else { return nil }
        // Most lines fail at once: such a line starts with a capital, a space and a capital.
        var prefix = bytes.makeIterator()
        guard let first = prefix.next(), isCapital(first), prefix.next() == UInt8(ascii: " "),
            let third = prefix.next(), isCapital(third)
        else { return nil }
        var words: [Substring] = []
        for word in line.split(separator: " ") {
            guard word == "&" || word.utf8.allSatisfy(isCapital) else { return nil }
            words.append(word)
        }
        var result: [String] = []
        var joins = 0
        var index = 0
        while index < words.count {
            let word = words[index]
            if word.utf8.count == 1, word != "&" {
                guard index + 1 < words.count, words[index + 1].utf8.count >= 2, words[index + 1] != "&" else {
                    return nil
                }
                result.append(String(word + words[index + 1]))
                joins += 1
                index += 2
            } else {
                result.append(String(word))
                index += 1
            }
        }
        return joins > 0 ? result.joined(separator: " ") : nil
    }

    private static func isCapital(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
}

/// Words set with wide letter spacing (CSS `letter-spacing`, LaTeX `\textls`), which a PDF's text layer
/// gives one letter a word, sometimes two where the font kerns a pair: "E D U C AT I O N". Headings are
/// set so; closed up, they read as headings again.
enum LetterSpacing {
    /// `line` with its letters closed up ("E D U C AT I O N" → "EDUCATION"; words stay apart where two or
    /// more spaces separate them), or `nil` when `line` is not letter-spaced: at least four pieces of one or
    /// two letters each, three in four of them single letters.
    ///
    /// - Complexity: O(n) in the length of `line`; lines longer than 120 bytes are not looked at.
    static func closedUp(_ line: String) -> String? {
        let bytes = line.utf8
        guard bytes.count <= 120, bytes.count >= 7 else { return nil }
        // Most lines fail at once: a letter-spaced line has a space after its first or second letter.
        // (Three ASCII bytes are three characters: read them without breaking the line into characters.)
        var head = bytes.makeIterator()
        let first = head.next() ?? 0
        let second = head.next() ?? 0
        let third = head.next() ?? 0
        if first < 0x80, second < 0x80, third < 0x80 {
            guard second == UInt8(ascii: " ") || third == UInt8(ascii: " ") else { return nil }
        } else {
            let start = Array(line.prefix(3))
            guard start.count == 3, start[1] == " " || start[2] == " " else { return nil }
        }
        // The first piece must be one or two letters, as every piece is ("- Led the …" is a bullet).
        let firstPiece = line.prefix { $0 != " " }
        guard firstPiece.count <= 2, firstPiece.allSatisfy(\.isLetter) else { return nil }
        var words: [String] = []
        var pieces = 0
        var singles = 0
        for word in line.split(separator: "  ", omittingEmptySubsequences: true) {
            var closed = ""
            for piece in word.split(separator: " ") {
                guard piece.count <= 2, piece.allSatisfy(\.isLetter) else { return nil }
                pieces += 1
                if piece.count == 1 { singles += 1 }
                closed += piece
            }
            if !closed.isEmpty { words.append(closed) }
        }
        guard pieces >= 4, singles * 4 >= pieces * 3 else { return nil }
        return words.joined(separator: " ")
    }
}

extension String {
    /// The pieces between line breaks, as Foundation's `components(separatedBy: .newlines)` gives them:
    /// each of U+000A–U+000D, U+0085, U+2028 and U+2029 ends a piece (so "\r\n" leaves an empty piece
    /// between its two), without bridging through NSString. Linear in the text's UTF-8 length.
    func splitAtLineBreaks() -> [String] {
        let bytes = Array(utf8)
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var width = 0
            if (0x0A...0x0D).contains(byte) {
                width = 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                width = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                width = 3
            }
            if width > 0 {
                pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += width
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self))
        return pieces
    }

    /// The lines `split(separator: "\n", omittingEmptySubsequences: omittingEmpty)` cuts (the first `limit`
    /// of them), found on the bytes and without reading past the last: a line feed is a character of its own
    /// except after a carriage return ("\r\n" is one character, which that split keeps whole).
    func linesAtLineFeeds(omittingEmpty: Bool, limit: Int = .max) -> [Substring] {
        var lines: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex
        var index = start
        var previous: UInt8 = 0
        while index != bytes.endIndex && lines.count < limit {
            let byte = bytes[index]
            if byte == 0x0A && previous != 0x0D {
                if !omittingEmpty || start != index { lines.append(self[start..<index]) }
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        if lines.count < limit && (!omittingEmpty || start != bytes.endIndex) { lines.append(self[start...]) }
        return lines
    }
}

extension StringProtocol {
    /// Whether every byte is a character of its own: ASCII without a carriage return (which joins a following
    /// line feed into one character, "\r\n"). Such text can be read byte by byte where it would be read
    /// character by character.
    var eachByteIsACharacter: Bool { utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
}

extension Unicode.Scalar {
    /// Whether this scalar is always a character on its own (Unicode's grapheme rules join it to no
    /// neighbour), for the scalars PDF text is mostly made of: below the combining marks (U+0300); General
    /// Punctuation to Miscellaneous Symbols and Arrows (U+2000–U+2BFF) but the zero-width joiners and the
    /// combining marks for symbols (U+20D0–U+20FF); the private use area (icon fonts); the Latin ligatures
    /// (U+FB00–U+FB06). Not carriage return: "\r\n" is one character. Text made of such scalars can be read
    /// scalar by scalar where it would be read character by character.
    var isCharacterOfItsOwn: Bool {
        switch value {
        case 0x0D, 0x200C, 0x200D, 0x20D0...0x20FF: false
        case 0..<0x0300, 0x2000...0x2BFF, 0xE000...0xF8FF, 0xFB00...0xFB06: true
        default: false
        }
    }
}

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
}

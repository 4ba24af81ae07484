/// Icon-font glyphs (Font Awesome and the like, in the Private Use Areas) and pictographs (✉ ☎ 📍) that
/// resume templates put before links, phones and places. They are separators, never text: inside a line
/// a run of them becomes " · " (a ``Bullet/glyphs`` separator every reader splits at); at either end of a
/// line it is dropped, so "\u{F09B} rendercv" is "rendercv" and "\u{F3C5} Austin, TX" is "Austin, TX".
enum IconGlyphs {
    /// Whether `scalar` is an icon: the Private Use Areas (U+E000–U+F8FF and planes 15–16), emoji
    /// pictographs (U+1F300–U+1FAFF) and the contact symbols ✆ ✉ ☎ ☏ ⌂ ⌨ ⚲.
    static func isIcon(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0xF0000...0x10FFFD, 0x1F300...0x1FAFF: true
        case 0x2706, 0x2709, 0x260E, 0x260F, 0x2302, 0x2328, 0x26B2: true
        default: false
        }
    }

    /// `line` with its icons as separators.
    ///
    /// - Complexity: O(n) in the length of `line`; a line without a byte ≥ 0xE2 (every icon's first UTF-8
    ///   byte is one) is returned as it is after one scan.
    static func separated(_ line: String) -> String {
        guard line.utf8.contains(where: { $0 >= 0xE2 }), line.unicodeScalars.contains(where: isIcon) else {
            return line
        }
        var result = String.UnicodeScalarView()
        var pendingSeparator = false
        for scalar in line.unicodeScalars {
            if isIcon(scalar) {
                pendingSeparator = true
                continue
            }
            if pendingSeparator {
                // Variation selectors and joiners belong to the icon before them ("✉️", "👩‍💻").
                if scalar.properties.isWhitespace || scalar.value == 0xFE0E || scalar.value == 0xFE0F
                    || scalar.value == 0x200D
                {
                    continue
                }
                // Drop the spaces before the icon, then separate (nothing at the start of the line).
                while let last = result.last, last.properties.isWhitespace { result.removeLast() }
                if !result.isEmpty { result.append(contentsOf: " · ".unicodeScalars) }
                pendingSeparator = false
            }
            result.append(scalar)
        }
        return String(result)
    }
}

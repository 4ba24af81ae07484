/// Typography that a PDF's text layer keeps and a reader does not mean: the compatibility ligatures
/// U+FB00–U+FB06 ("ﬂorian.drechsel@…" for "florian.drechsel@…", "Certiﬁed"), the typographic apostrophe
/// U+2019 that LaTeX and word processors set for "'" ("Girls’ High School"), the hyphen U+2010 and the
/// non-breaking hyphen U+2011 that xelatex and word processors set for "-" ("scikit‑learn", "Full‑Stack"),
/// and the soft hyphen U+00AD, an invisible break point ("Kuber\u{AD}netes"). Folded before any field is
/// read, so e-mail addresses, names, titles and skills come out as they were typed.
enum TypographicFolding {
    /// The letters each ligature U+FB00 … U+FB06 stands for.
    private static let ligatures: [UInt32: String] = [
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
    ]

    /// Whether `scalar` is one that ``folded(_:)`` rewrites.
    private static func isFolded(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x2010, 0x2011, 0x2019, 0xFB00...0xFB06: return true
        default: return false
        }
    }

    /// `line` with ligatures spelt out, typographic apostrophes as "'", hyphens U+2010 and U+2011 as "-",
    /// and soft hyphens removed.
    ///
    /// - Complexity: O(n) in the length of `line`; a line without a byte ≥ 0xC2 (the first UTF-8 byte of
    ///   U+00AD; every other folded scalar starts with 0xE2 or more) is returned as it is after one scan.
    static func folded(_ line: String) -> String {
        guard line.utf8.contains(where: { $0 >= 0xC2 }), line.unicodeScalars.contains(where: isFolded) else {
            return line
        }
        var result = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x2019: result.append("'")
            case 0x2010, 0x2011: result.append("-")
            case 0x00AD: continue
            default:
                if let letters = ligatures[scalar.value] {
                    result.append(contentsOf: letters.unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }
}

/// Typography that a PDF's text layer keeps and a reader does not mean: the compatibility ligatures
/// U+FB00–U+FB06 ("ﬂorian.drechsel@…" for "florian.drechsel@…", "Certiﬁed") and the typographic apostrophe
/// U+2019 that LaTeX and word processors set for "'" ("Girls’ High School"). Folded before any field is
/// read, so e-mail addresses, names and skills come out as they were typed.
enum TypographicFolding {
    /// The letters each ligature U+FB00 … U+FB06 stands for.
    private static let ligatures: [UInt32: String] = [
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
    ]

    /// `line` with ligatures spelt out and typographic apostrophes as "'".
    ///
    /// - Complexity: O(n) in the length of `line`; a line without a byte ≥ 0xE2 (the first UTF-8 byte of
    ///   U+2019 and of every ligature) is returned as it is after one scan.
    static func folded(_ line: String) -> String {
        guard line.utf8.contains(where: { $0 >= 0xE2 }),
            line.unicodeScalars.contains(where: { $0.value == 0x2019 || (0xFB00...0xFB06).contains($0.value) })
        else { return line }
        var result = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if scalar.value == 0x2019 {
                result.append("'")
            } else if let letters = ligatures[scalar.value] {
                result.append(contentsOf: letters.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

/// File names as messages show them: control and bidirectional-formatting characters written as escapes
/// (`\n`, `\t`, `\u{1B}`, `\u{202E}`), so that a file named `"a\nerror: forged"` cannot print a forged line
/// or reorder what a terminal shows. Everything else, including non-ASCII letters, is kept.
package enum FileNameEscaping {
    /// `name` with every control, line-separator and bidi-override character escaped.
    ///
    /// - Complexity: O(n) in the length of `name`; a name without such characters is returned as is.
    package static func escaped(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: needsEscape) else { return name }
        var result = ""
        result.reserveCapacity(name.utf8.count + 8)
        for scalar in name.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls, DEL
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional formatting
        default: false
        }
    }
}

import Foundation

/// Turns the bytes of a text file into a `String`: UTF-8 (with or without BOM), UTF-16 with a BOM, and
/// Windows-1252/Latin-1 for legacy files that are not valid UTF-8.
enum TextDecoding {
    /// The decoded text, or nil when the bytes look binary (NUL bytes or many control characters).
    static func decode(_ data: Data) -> String? {
        let text: String?
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = String(data: data.dropFirst(3), encoding: .utf8)
        } else if data.starts(with: [0xFF, 0xFE]) {
            text = String(data: data.dropFirst(2), encoding: .utf16LittleEndian)
        } else if data.starts(with: [0xFE, 0xFF]) {
            text = String(data: data.dropFirst(2), encoding: .utf16BigEndian)
        } else if let utf8 = decodeUTF8(data) {
            text = utf8
        } else {
            text = String(data: data, encoding: .windowsCP1252) ?? String(data: data, encoding: .isoLatin1)
        }
        guard let text, !looksBinary(text) else { return nil }
        return text
    }

    /// UTF-8, also when `data` is a prefix that ends inside a multi-byte character.
    private static func decodeUTF8(_ data: Data) -> String? {
        if let text = String(data: data, encoding: .utf8) { return text }
        for cut in 1...3 where data.count > cut && data[data.endIndex - cut] >= 0xC0 {
            return String(data: data.dropLast(cut), encoding: .utf8)
        }
        return nil
    }

    private static func looksBinary(_ text: String) -> Bool {
        var controls = 0
        var total = 0
        for scalar in text.unicodeScalars.prefix(65_536) {
            total += 1
            switch scalar.value {
            case 0: return true
            case 0x09, 0x0A, 0x0C, 0x0D: break
            case 0x01...0x1F, 0x7F: controls += 1
            default: break
            }
        }
        return total > 0 && controls * 100 > total
    }
}

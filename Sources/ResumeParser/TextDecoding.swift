import Foundation

/// Turns the bytes of a text file into a `String`: UTF-8 (with or without BOM), UTF-16 with a BOM or
/// without one (recognised by its NUL bytes: every other byte of ASCII text in UTF-16 is zero), and
/// Windows-1252/Latin-1 for legacy files that are not valid UTF-8. A file that is UTF-8 but for a few
/// broken bytes (a truncated copy, a bad paste) stays UTF-8, the broken bytes becoming U+FFFD, rather
/// than turning every accented letter into mojibake.
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
        } else if let bigEndian = utf16WithoutBOM(data) {
            text = decodeUTF16(data, bigEndian: bigEndian)
        } else if let utf8 = decodeUTF8(data) {
            text = utf8
        } else if isMostlyUTF8(data) {
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = String(data: data, encoding: .windowsCP1252) ?? String(data: data, encoding: .isoLatin1)
        }
        guard let text, !looksBinary(text) else { return nil }
        return text
    }

    /// Whether `data` looks like UTF-16 without a byte-order mark, and in which byte order: at least a
    /// quarter of the 16-bit units of its first 4 KiB have a zero high byte, and (almost) no low byte is zero.
    /// Returns `true` for big-endian, `false` for little-endian, `nil` when it is not UTF-16.
    static func utf16WithoutBOM(_ data: Data) -> Bool? {
        let sample = [UInt8](data.prefix(4096))
        let pairs = sample.count / 2
        guard pairs >= 2 else { return nil }
        var zeroEven = 0
        var zeroOdd = 0
        for index in 0..<pairs {
            if sample[2 * index] == 0 { zeroEven += 1 }
            if sample[2 * index + 1] == 0 { zeroOdd += 1 }
        }
        let tolerance = max(1, pairs / 50)
        if zeroOdd * 4 >= pairs && zeroEven <= tolerance { return false }
        if zeroEven * 4 >= pairs && zeroOdd <= tolerance { return true }
        return nil
    }

    /// UTF-16 in the given byte order; a trailing odd byte is dropped and unpaired surrogates become U+FFFD.
    private static func decodeUTF16(_ data: Data, bigEndian: Bool) -> String {
        let units = data.withUnsafeBytes { raw in
            (0..<raw.count / 2).map { index in
                let first = UInt16(raw[2 * index])
                let second = UInt16(raw[2 * index + 1])
                return bigEndian ? first << 8 | second : second << 8 | first
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// UTF-8, also when `data` is a prefix that ends inside a multi-byte character.
    private static func decodeUTF8(_ data: Data) -> String? {
        if let text = String(data: data, encoding: .utf8) { return text }
        for cut in 1...3 where data.count > cut && data[data.endIndex - cut] >= 0xC0 {
            return String(data: data.dropLast(cut), encoding: .utf8)
        }
        return nil
    }

    /// Whether `data` holds valid multi-byte UTF-8 sequences and few invalid bytes (8, or 1 %): UTF-8
    /// with damage, not a legacy 8-bit encoding (where every accented letter is an invalid byte).
    static func isMostlyUTF8(_ data: Data) -> Bool {
        var valid = 0
        var invalid = 0
        let bytes = [UInt8](data.prefix(1 << 20))
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length =
                lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            guard length > 1 else {
                if length == 0 { invalid += 1 }
                index += 1
                continue
            }
            let continuation = bytes[min(index + 1, bytes.count)..<min(index + length, bytes.count)]
            if continuation.count == length - 1 && continuation.allSatisfy({ $0 & 0xC0 == 0x80 }) {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return valid > 0 && invalid <= max(8, bytes.count / 100)
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

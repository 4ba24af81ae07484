/// Text from UTF-16 code units.
enum UTF16Text {
    /// The text of UTF-16 code units, as `String(decoding:as: UTF16.self)` reads them (a lone surrogate
    /// is U+FFFD), transcoded to UTF-8 in one pass: the standard library's generic path for UTF-16 was
    /// most of chunking's time.
    static func string(_ units: ArraySlice<UInt16>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count * 3)
        var index = units.startIndex
        while index < units.endIndex {
            let unit = UInt32(units[index])
            index += 1
            if unit < 0x80 {
                bytes.append(UInt8(unit))
            } else if unit < 0x800 {
                bytes.append(UInt8(0xC0 | unit >> 6))
                bytes.append(UInt8(0x80 | unit & 0x3F))
            } else if unit & 0xF800 != 0xD800 {
                bytes.append(UInt8(0xE0 | unit >> 12))
                bytes.append(UInt8(0x80 | unit >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | unit & 0x3F))
            } else if unit < 0xDC00, index < units.endIndex, units[index] & 0xFC00 == 0xDC00 {
                let scalar = 0x10000 + ((unit - 0xD800) << 10 | (UInt32(units[index]) - 0xDC00))
                index += 1
                bytes.append(UInt8(0xF0 | scalar >> 18))
                bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | scalar & 0x3F))
            } else {
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import TestSupport
import Testing

@testable import MatchEngine

@Suite("UTF-16 code units to text")
struct UTF16TextTests {
    @Test("the same text as the standard library's decoding, lone surrogates and all")
    func matchesStandardLibrary() {
        var generator = SeededGenerator(seed: 16)
        // Units from every UTF-8 length class, and both surrogate halves so pairs and lone halves occur.
        let ranges: [ClosedRange<UInt16>] = [
            0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xD800...0xDBFF, 0xDC00...0xDFFF, 0xE000...0xFFFF,
        ]
        for _ in 0..<2_000 {
            let units = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                UInt16.random(in: ranges.randomElement(using: &generator)!, using: &generator)
            }
            let slice = units[...].dropFirst(units.isEmpty ? 0 : 1)
            #expect(UTF16Text.string(slice) == String(decoding: slice, as: UTF16.self), "\(Array(slice))")
            #expect(Array(UTF16Text.string(slice).utf8) == Array(String(decoding: slice, as: UTF16.self).utf8))
        }
        let text = "Zoë 👩‍💻 naïve — 東京"
        #expect(UTF16Text.string(Array(text.utf16)[...]) == text)
    }
}

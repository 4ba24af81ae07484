import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// `SkillMatcher.fold` reads UTF-8 bytes (with a path for ASCII text); it must give what the loop over
/// Unicode scalars that it replaced gave, byte for byte, origin for origin.
@Suite("Skill text folding")
struct SkillFoldingTests {
    /// The scalar loop `fold` was before it read bytes (kept here as the reference).
    static func referenceFold(_ text: String) -> SkillMatcher.Folded {
        var folded = SkillMatcher.Folded()
        var offset = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var previous: Unicode.Scalar?
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let width = UTF8.width(scalar)
            index = scalars.index(after: index)
            defer {
                offset += width
                previous = scalar
            }
            let isWhitespace =
                scalar.isASCII
                ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if isWhitespace {
                if folded.bytes.last != 0x20 && !folded.bytes.isEmpty {
                    folded.bytes.append(0x20)
                    folded.origin.append(offset)
                    folded.originEnd.append(offset + width)
                    folded.isWord.append(false)
                }
                continue
            }
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                let lowered = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                folded.bytes.append(lowered)
                folded.origin.append(offset)
                folded.originEnd.append(offset + width)
                folded.isWord.append(
                    (lowered >= 0x30 && lowered <= 0x39) || (lowered >= 0x61 && lowered <= 0x7A) || lowered == 0x5F)
            } else if let hyphen = SkillMatcher.foldedHyphen(
                scalar, between: previous, and: index == scalars.endIndex ? nil : scalars[index])
            {
                for byte in hyphen {
                    folded.bytes.append(byte)
                    folded.origin.append(offset)
                    folded.originEnd.append(offset + width)
                    folded.isWord.append(false)
                }
            } else {
                let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                for byte in String(scalar).lowercased().utf8 {
                    folded.bytes.append(byte)
                    folded.origin.append(offset)
                    folded.originEnd.append(offset + width)
                    folded.isWord.append(isWord)
                }
            }
        }
        if folded.bytes.last == 0x20 {
            folded.bytes.removeLast()
            folded.origin.removeLast()
            folded.originEnd.removeLast()
            folded.isWord.removeLast()
        }
        return folded
    }

    static func expectSame(_ text: String) {
        let folded = SkillMatcher.fold(text)
        let reference = referenceFold(text)
        #expect(folded.bytes == reference.bytes, "\(text.debugDescription)")
        #expect(folded.origin == reference.origin, "\(text.debugDescription)")
        #expect(folded.originEnd == reference.originEnd, "\(text.debugDescription)")
        #expect(folded.isWord == reference.isWord, "\(text.debugDescription)")
        #expect(SkillMatcher.foldedBytes(text) == reference.bytes, "\(text.debugDescription)")
    }

    @Test("every line of the fixture documents and every name and alias of the taxonomy")
    func fixturesAndTaxonomy() throws {
        var count = 0
        for folder in ["resumes", "real/resumes", "real-holdout/resumes", "real-holdout2/resumes", "jobs", "hostile"] {
            let directory = Fixtures.root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
                guard let text = try? TextExtractor().extract(contentsOf: file).text else { continue }
                Self.expectSame(text)
                count += 1
            }
        }
        #expect(count > 200)
        for skill in SkillTaxonomy.standard.skills {
            Self.expectSame(skill.name)
            for alias in skill.aliases { Self.expectSame(alias) }
        }
    }

    @Test("random text over white space, hyphens, cased and combining scalars, emoji and ASCII")
    func randomText() {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "0", "_", " ", "\t", "\n", "\r", "\u{0B}", "-", ".", "+", "#", "@", "/", "\u{00A0}", "\u{2028}",
            "\u{3000}", "\u{2009}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{00AD}", "\u{0301}",
            "É", "é", "ß", "İ", "ı", "Σ", "ς", "Ω", "Ǆ", "ﬁ", "中", "٣", "Ⅻ", "😀", "\u{1F3FD}", "\u{200D}", "\u{FEFF}",
            "\u{0085}", "\u{200B}", "\u{0000}", "\u{7F}",
        ]
        var generator = SeededGenerator(seed: 23)
        for round in 0..<20_000 {
            let count = Int.random(in: 0...(round % 10 == 0 ? 200 : 16), using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<count { scalars.append(alphabet.randomElement(using: &generator) ?? " ") }
            Self.expectSame(String(scalars))
        }
    }
}

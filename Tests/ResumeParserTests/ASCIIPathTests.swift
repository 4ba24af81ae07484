import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// Where an ASCII line is read on its bytes (a byte is a character there), the result must be the one the
/// character loop gives.
@Suite("ASCII byte paths")
struct ASCIIPathTests {
    /// Every line of the fixture documents, odd strings, and random strings over a small alphabet.
    static func samples() throws -> [String] {
        var samples = [
            "", " ", "&", "R&D", "Skills & Tools", "  WORK   EXPERIENCE  ", "Skills/Tools", "Work-Experience", "a&&b",
            "Education:", "#Projects#", "\t Summary \t", "x & ", " & y", "Languages (spoken)", "It's me", "A_B*C",
            "line\r\nfeed", "@[`{", "Z", "z",
        ]
        for folder in ["resumes", "real/resumes", "real-holdout/resumes", "real-holdout2/resumes", "jobs"] {
            let directory = Fixtures.root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
                guard let text = try? TextExtractor().extract(contentsOf: file).text else { continue }
                samples += text.split(whereSeparator: \.isNewline).map(String.init)
            }
        }
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("aZ &/-_.:*#\t'(),x@[`{\r\n")
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...24, using: &generator)
            samples.append(String((0..<count).map { _ in alphabet.randomElement(using: &generator) ?? " " }))
        }
        return samples
    }

    @Test("a heading key on the bytes is the key through characters")
    func headingKey() throws {
        var compared = 0
        for title in try Self.samples() where title.eachByteIsACharacter {
            #expect(SectionSplitter.asciiKey(title) == SectionSplitter.key(title), "\(title.debugDescription)")
            compared += 1
        }
        #expect(compared >= 5_000)
    }

    @Test("a title's words on the bytes are its words through characters")
    func titleWords() throws {
        for text in try Self.samples() {
            let expected = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
            #expect(ExperienceExtractor.words(text) == expected, "\(text.debugDescription)")
        }
    }
}

import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// `ColumnLayout` reads a page whose scalars are each a character as scalars, any other page as characters;
/// the two must agree.
@Suite("Column layout: scalars and characters")
struct ColumnLayoutCellTests {
    @Test("every page of the PDF fixtures that can be read as scalars reads as it does as characters")
    func scalarsMatchCharacters() throws {
        let extractor = TextExtractor()
        var all = 0
        var pages = 0
        var reordered = 0
        for folder in ["resumes", "real/resumes", "real-holdout/resumes", "real-holdout2/resumes"] {
            let directory = Fixtures.root.appendingPathComponent(folder)
            let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            for file in files where file.pathExtension == "pdf" {
                let text = try extractor.extract(contentsOf: file).text
                for page in text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
                    let page = TimelineLabels.removed(from: String(page))
                    all += 1
                    let characters = page.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
                    let byCharacters = ColumnLayout.readingOrder(page, lines: characters)
                    // The entry point takes the scalar path where it can.
                    #expect(ColumnLayout.readingOrder(page) == byCharacters, "\(file.lastPathComponent)")
                    guard page.unicodeScalars.allSatisfy(\.isCharacterOfItsOwn) else { continue }
                    pages += 1
                    if byCharacters != page { reordered += 1 }
                }
            }
        }
        // Not vacuous: most pages take the scalar path, some of them read column by column.
        #expect(pages * 10 >= all * 9)
        #expect(reordered >= 5)
    }

    @Test("a year is four ASCII digits starting 19 or 20, for scalars and characters alike")
    func years() {
        for (text, expected) in [
            ("since 2019", true), ("1987–1990", true), ("12019", false), ("2100", false), ("١٩٩٠", false),
            ("19", false), ("v2.0.19", false), ("Jan 2003 -", true),
        ] {
            #expect(ColumnLayout.hasYear(ArraySlice(Array(text))) == expected, "\(text)")
            #expect(ColumnLayout.hasYear(ArraySlice(Array(text.unicodeScalars))) == expected, "\(text)")
        }
    }

    @Test("combining marks, joiners and carriage returns keep a page on characters")
    func wholeCharacters() {
        for scalar: Unicode.Scalar in ["a", "•", "–", "’", "\u{E000}", "\u{FB01}", "\u{00AD}"] {
            #expect(scalar.isCharacterOfItsOwn, "\(scalar.value)")
        }
        for scalar: Unicode.Scalar in [
            "\r", "\u{0301}", "\u{200D}", "\u{200C}", "\u{20DD}", "\u{FE0F}", "\u{1F600}", "\u{AC00}",
        ] {
            #expect(!scalar.isCharacterOfItsOwn, "\(scalar.value)")
        }
    }
}

import Foundation
import FuzzSupport
import ResumeParser

// Any bytes that are not a PDF or a ZIP through `TextExtractor.extract(_:source:)`: encoding detection (BOMs,
// UTF-16 without a BOM, Latin-1, binary), then the text/Markdown/HTML classification.
Fuzzing.run { start, count in
    let data = Fuzzing.data(start, count)
    let format = DocumentFormat.sniff(data)
    guard format != .pdf, format != .docx else { return -1 }
    TypedErrors.expect(ParseError.self) {
        let extracted = try TextExtractor().extract(data, source: "fuzz.txt")
        guard extracted.text.contains(where: { !$0.isWhitespace }) else {
            fatalError("extracted text is blank but no error was thrown")
        }
    }
    return 0
}

import Foundation
import FuzzSupport
import ResumeParser

// DOCX bytes through the extractor a host calls on an upload: `TextExtractor.extract(_:source:)`. Inputs whose
// mutations no longer sniff as DOCX are skipped (another target covers them).
Fuzzing.run { start, count in
    let data = Fuzzing.data(start, count)
    guard DocumentFormat.sniff(data) == .docx else { return -1 }
    TypedErrors.expect(ParseError.self) { _ = try TextExtractor().extract(data, source: "fuzz.docx") }
    return 0
}

import Foundation
import FuzzSupport
import ResumeParser

// HTML bytes through `TextExtractor.extract(_:source:)`: decoding, then tag, entity and whitespace handling.
// Inputs that no longer sniff as HTML are skipped (another target covers them).
Fuzzing.run { start, count in
    let data = Fuzzing.data(start, count)
    guard DocumentFormat.sniff(data) == .html else { return -1 }
    TypedErrors.expect(ParseError.self) { _ = try TextExtractor().extract(data, source: "fuzz.html") }
    return 0
}

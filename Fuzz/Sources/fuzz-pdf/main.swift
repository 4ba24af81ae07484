import Foundation
import FuzzSupport
import ResumeParser

// PDF bytes through the extractor a host calls on an upload: `TextExtractor.extract(_:source:)`. Inputs whose
// mutations no longer sniff as PDF are skipped (another target covers them).
Fuzzing.run { start, count in
    let data = Fuzzing.data(start, count)
    guard DocumentFormat.sniff(data) == .pdf else { return -1 }
    TypedErrors.expect(ParseError.self) { _ = try TextExtractor().extract(data, source: "fuzz.pdf") }
    return 0
}

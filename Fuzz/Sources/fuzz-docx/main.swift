import Foundation
import FuzzSupport
import ResumeParser

// DOCX bytes through the extractor a host calls on an upload: `TextExtractor.extract(_:source:)`. Inputs whose
// mutations no longer sniff as DOCX are skipped (another target covers them). The decompression limits are
// lowered (2 MB in all, 1 MB a part) so that mutations of the zip-bomb seeds stop at the limit in
// milliseconds instead of inflating 50 MB each; the hostile corpus checks the default limits.
enum DOCXTarget {
    static let extractor = TextExtractor(
        limits: .init(maximumUncompressedBytes: 2_000_000, maximumPartBytes: 1_000_000))

    static func test(_ data: Data) -> CInt {
        guard DocumentFormat.sniff(data) == .docx else { return -1 }
        TypedErrors.expect(ParseError.self) { _ = try extractor.extract(data, source: "fuzz.docx") }
        return 0
    }
}

Fuzzing.run { start, count in
    DOCXTarget.test(Fuzzing.data(start, count))
}

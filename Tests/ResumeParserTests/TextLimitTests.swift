import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// A document's text is capped: a small PDF can lay out to megabytes of padded text per page.
@Suite("Text size limit")
struct TextLimitTests {
    /// An uncompressed PDF of `pages` pages that all show one content stream of `words` words scattered
    /// over a 14,400-point page (physical layout pads the gaps with spaces).
    static func scatteredPDF(words: Int, pages: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        var content = "BT /F1 1 Tf\n"
        for word in 0..<words {
            let x = Double.random(in: 0..<14_000, using: &generator)
            let y = Double.random(in: 0..<14_000, using: &generator)
            content += String(format: "1 0 0 1 %.1f %.1f Tm (w%d) Tj\n", x, y, word)
        }
        content += "ET"
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\((0..<pages).map { "\(5 + $0) 0 R" }.joined(separator: " "))] /Count \(pages) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        for _ in 0..<pages {
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Resources << /Font << /F1 3 0 R >> >> "
                    + "/Contents 4 0 R >>")
        }
        var file = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (number, object) in objects.enumerated() {
            offsets.append(file.utf8.count)
            file += "\(number + 1) 0 obj\n\(object)\nendobj\n"
        }
        let table = file.utf8.count
        file += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { file += String(format: "%010d 00000 n \n", offset) }
        file += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        return Data(file.utf8)
    }

    @Test("a PDF whose pages lay out to more text than the limit stops at the page that goes over")
    func paddedPDF() throws {
        let pdf = Self.scatteredPDF(words: 150, pages: 50)
        #expect(pdf.count < 20_000)
        let extractor = TextExtractor(limits: .init(maximumTextBytes: 300_000))
        let start = ThreadCPUTime.now
        #expect(throws: ParseError.textTooLarge(source: "padded.pdf", limit: 300_000)) {
            try extractor.extract(pdf, source: "padded.pdf")
        }
        // Fifty pages would have been laid out without the limit; one or two are.
        #expect(ThreadCPUTime.now - start < .seconds(5))
        let message = ParseError.textTooLarge(source: "padded.pdf", limit: 300_000).localizedDescription
        #expect(message.hasPrefix("padded.pdf: the text is longer than the limit of 300000 bytes"))
    }

    @Test("plain text over the limit is refused; at the limit it is read")
    func plainText() throws {
        let extractor = TextExtractor(limits: .init(maximumTextBytes: 1_000))
        let under = Data(String(repeating: "word ", count: 200).utf8)
        #expect(try extractor.extract(under, source: "ok.txt").text.utf8.count == 1_000)
        #expect(throws: ParseError.textTooLarge(source: "big.txt", limit: 1_000)) {
            try extractor.extract(under + Data("x".utf8), source: "big.txt")
        }
    }
}

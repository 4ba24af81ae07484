import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import ResumeParser

/// Inputs that were quadratic (a `.count` of a growing string per item, `removeFirst()` in a loop).
@Suite("Linear-time extraction of large documents")
struct LinearTimeTests {
    /// A DOCX holding `xml` as word/document.xml, deflated.
    static func docx(_ xml: String) throws -> Data {
        let body = Data(xml.utf8)
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(body.count), compressionMethod: .deflate
        ) { position, size in
            body.subdata(in: Int(position)..<Int(position) + size)
        }
        return try #require(archive.data)
    }

    @Test("a DOCX of 200,000 empty paragraphs and one non-ASCII letter extracts in under 2 s")
    func manyParagraphs() throws {
        let xml =
            "<w:document><w:body><w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>Zoë</w:t></w:r></w:p>"
            + String(repeating: "<w:p/>", count: 200_000)
            + "<w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>Ærø</w:t></w:r></w:p></w:body></w:document>"
        let data = try Self.docx(xml)
        #expect(data.count < 20_000)
        let start = ThreadCPUTime.now
        let extracted = try TextExtractor().extract(data, source: "paragraphs.docx")
        let elapsed = ThreadCPUTime.now - start
        // Debug build: ~0.4 s here (3 s seen on a loaded machine); the quadratic version took about 30 s.
        #expect(elapsed < .seconds(10), "\(elapsed)")
        #expect(extracted.text.hasPrefix("• Zoë\n"))
        #expect(extracted.text.hasSuffix("\n• Ærø"))
    }

    @Test("a heading decorated with 2,000,000 # is stripped in linear time")
    func decoratedHeading() {
        let start = ThreadCPUTime.now
        #expect(SectionSplitter.heading(String(repeating: "#", count: 2_000_000) + " Experience")?.kind == .experience)
        #expect(SectionSplitter.heading(String(repeating: "#", count: 2_000_000)) == nil)
        let elapsed = ThreadCPUTime.now - start
        // Debug build: well under a second (3 s seen on a loaded machine); the `removeFirst()` loop took 19 s.
        #expect(elapsed < .seconds(10), "\(elapsed)")
        #expect(SectionSplitter.heading("## Skills: Go, Python")?.rest == "Go, Python")
        #expect(SectionSplitter.heading("•  Education")?.kind == .education)
    }

    @Test("only the first maximumStructuredCharacters of a text are read for structure")
    func structuredCap() {
        var parser = DocumentParser(referenceMonth: YearMonth(year: 2025, month: 1))
        parser.maximumStructuredCharacters = 1_000
        let text = "Skills: Python\n" + String(repeating: "filler ", count: 200) + "\nSkills: Kubernetes\n"
        let names = parser.parseResume(text: text, source: "capped.txt").skills.map(\.name)
        #expect(names.contains("Python") && !names.contains("Kubernetes"), "\(names)")
        #expect(DocumentParser().maximumStructuredCharacters == 200_000)
    }
}

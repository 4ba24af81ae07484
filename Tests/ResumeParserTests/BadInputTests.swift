import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import ResumeParser

@Suite("Bad input gives a typed error naming the file")
struct BadInputTests {
    let extractor = TextExtractor()

    @Test("a truncated PDF is reported as damaged")
    func truncatedPDF() throws {
        let pdf = try Data(contentsOf: Fixtures.resume(3))
        #expect(throws: ParseError.self) { try extractor.extract(pdf.prefix(400), source: "cut.pdf") }
        do {
            _ = try extractor.extract(pdf.prefix(400), source: "cut.pdf")
        } catch let error as ParseError {
            #expect(error.source == "cut.pdf")
            #expect(error.localizedDescription.hasPrefix("cut.pdf: "))
        }
    }

    @Test("binary garbage named .pdf is unsupported")
    func garbage() {
        var generator = SeededGenerator(seed: 1)
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(throws: ParseError.unsupportedFormat(source: "garbage.pdf")) {
            try extractor.extract(bytes, source: "garbage.pdf")
        }
    }

    @Test("an empty file and a whitespace-only file are empty documents")
    func empty() {
        #expect(throws: ParseError.emptyDocument(source: "e.txt")) { try extractor.extract(Data(), source: "e.txt") }
        #expect(throws: ParseError.emptyDocument(source: "w.txt")) {
            try extractor.extract(Data("  \n\t\n".utf8), source: "w.txt")
        }
    }

    @Test("a file over the size limit is refused before it is read")
    func tooLarge() throws {
        let small = TextExtractor(limits: .init(maximumFileBytes: 100))
        let url = Fixtures.resume(1)
        let size = try Data(contentsOf: url).count
        #expect(throws: ParseError.fileTooLarge(source: url.path, size: size, limit: 100)) {
            try small.extract(contentsOf: url)
        }
    }

    @Test("a missing file is unreadable, in the system's words, lower-cased")
    func missing() {
        #expect(throws: ParseError.unreadable(source: "/nonexistent/x.pdf", reason: "no such file or directory")) {
            try extractor.extract(contentsOf: URL(fileURLWithPath: "/nonexistent/x.pdf"))
        }
    }

    @Test("a ZIP that is not a Word document is unsupported; a zip bomb is stopped")
    func zipArchives() throws {
        let notWord = try Archive(data: Data(), accessMode: .create)
        try notWord.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(5)) { _, _ in
            Data("<a/>\n".utf8)
        }
        #expect(throws: ParseError.unsupportedFormat(source: "sheet.docx")) {
            try extractor.extract(notWord.data!, source: "sheet.docx")
        }

        let bomb = try Archive(data: Data(), accessMode: .create)
        let body = Data(
            ("<w:document><w:body><w:p><w:r><w:t>" + String(repeating: "a", count: 2_000_000)
                + "</w:t></w:r></w:p></w:body></w:document>").utf8)
        try bomb.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(body.count),
            compressionMethod: .deflate
        ) { position, size in
            body.subdata(in: Int(position)..<Int(position) + size)
        }
        let strict = TextExtractor(limits: .init(maximumUncompressedBytes: 1_000_000))
        #expect(bomb.data!.count < 20_000)
        #expect(throws: ParseError.self) { try strict.extract(bomb.data!, source: "bomb.docx") }
        #expect(try extractor.extract(bomb.data!, source: "big.docx").text.count == 2_000_000)
    }
}

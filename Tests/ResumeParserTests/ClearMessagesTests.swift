import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// Limits and encodings that used to surface as a vague "unsupported format" or "damaged file".
@Suite("Clear, typed messages for limits and encodings")
struct ClearMessagesTests {
    @Test("UTF-16 without a byte-order mark is recognised and decoded, in either byte order", arguments: [false, true])
    func utf16WithoutBOM(bigEndian: Bool) throws {
        let text = "Zoë Müller\nzoe@example.com\nSkills: Go, Python, Kubernetes\n"
        let data = try #require(text.data(using: bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        #expect(!data.starts(with: [0xFF, 0xFE]) && !data.starts(with: [0xFE, 0xFF]))
        let extracted = try TextExtractor().extract(data, source: "utf16.txt")
        #expect(extracted.text == text)
        let resume = try DocumentParser().parseResume(data: data, source: "utf16.txt")
        #expect(resume.contact.email == "zoe@example.com")
        #expect(Set(resume.skills.map(\.name)).isSuperset(of: ["Go", "Python", "Kubernetes"]))
    }

    @Test("UTF-16 detection leaves UTF-8, Latin-1 and binary alone")
    func utf16Heuristic() {
        #expect(TextDecoding.utf16WithoutBOM(Data("plain ASCII text, long enough".utf8)) == nil)
        #expect(TextDecoding.utf16WithoutBOM(Data("Zoë Müller, Köln".utf8)) == nil)
        #expect(TextDecoding.utf16WithoutBOM(Data(repeating: 0, count: 100)) == nil)
        #expect(TextDecoding.utf16WithoutBOM(Data([0x41, 0])) == nil, "too short to tell")
    }

    @Test("a PDF over the page limit is its own error naming the limit, not a damaged file")
    func tooManyPages() throws {
        let url = try #require(Fixtures.resumes.first { $0.pathExtension == "pdf" })
        let strict = TextExtractor(limits: .init(maximumPages: 0))
        do {
            _ = try strict.extract(contentsOf: url)
            Issue.record("page limit not enforced")
        } catch let error as ParseError {
            guard case .tooManyPages(_, let pages, let limit) = error else {
                Issue.record("expected tooManyPages, got \(error)")
                return
            }
            #expect(pages >= 1 && limit == 0)
            #expect(error.localizedDescription.contains("over the limit of 0"))
            #expect(!error.localizedDescription.contains("damaged"))
        }
    }

    @Test("a DOCX part over the per-part limit is its own error naming the part and the limit")
    func partTooLarge() throws {
        let xml =
            "<w:document><w:body><w:p><w:r><w:t>" + String(repeating: "a", count: 11_000_000)
            + "</w:t></w:r></w:p></w:body></w:document>"
        let data = try LinearTimeTests.docx(xml)
        #expect(throws: ParseError.partTooLarge(source: "big.docx", part: "word/document.xml", limit: 10_000_000)) {
            try TextExtractor().extract(data, source: "big.docx")
        }
        let error = ParseError.partTooLarge(source: "big.docx", part: "word/document.xml", limit: 10_000_000)
        #expect(error.localizedDescription.contains("word/document.xml is larger than the limit of 10000000 bytes"))
    }

    @Test(
        "file names with control characters are escaped in every error message",
        arguments: [
            ("cv\nerror: forged line.txt", "cv\\nerror: forged line.txt"), ("tab\there", "tab\\there"),
            ("esc\u{1B}[31mred", "esc\\u{1B}[31mred"), ("rlo\u{202E}fdp.exe", "rlo\\u{202E}fdp.exe"),
            ("Zoë résumé.pdf", "Zoë résumé.pdf"),
        ])
    func escapedNames(name: String, shown: String) {
        #expect(FileNameEscaping.escaped(name) == shown)
        let message = ParseError.emptyDocument(source: name).localizedDescription
        #expect(message.hasPrefix(shown + ": "))
        #expect(!message.contains("\n") && !message.contains("\u{1B}") && !message.contains("\u{202E}"))
    }
}

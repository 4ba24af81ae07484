import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// Replays the regression corpora of the parser's fuzz targets (`FuzzRegressions/<target>/`: what
/// `scripts/fuzz.sh` found, minimised, plus every crash or slow input once fixed) through the same entry
/// points as `Fuzz/Sources/fuzz-<target>/main.swift`, each input within ``FuzzCorpus/bound``.
@Suite("Fuzz regression corpora (parser)")
struct FuzzRegressionTests {
    static let module = "ResumeParserTests"
    static let referenceMonth = YearMonth(year: 2025, month: 6)
    static let parser = DocumentParser(referenceMonth: referenceMonth)

    @Test(
        "format corpora: the input sniffs as its format and extracts, or fails with a ParseError, in time",
        arguments: [("pdf", DocumentFormat.pdf), ("docx", .docx), ("html", .html)])
    func formatCorpus(target: String, format: DocumentFormat) throws {
        // fuzz-docx lowers the decompression limits so that mutated zip bombs stop early; replay with the same.
        let extractor =
            format == .docx
            ? TextExtractor(limits: .init(maximumUncompressedBytes: 2_000_000, maximumPartBytes: 1_000_000))
            : TextExtractor()
        for url in try FuzzCorpus.inputs(module: Self.module, target: target) {
            let data = try Data(contentsOf: url)
            #expect(DocumentFormat.sniff(data) == format, "\(url.lastPathComponent) is not \(format)")
            let elapsed = FuzzCorpus.time {
                do {
                    _ = try extractor.extract(data, source: url.lastPathComponent)
                } catch {
                    #expect(error is ParseError, "\(url.lastPathComponent): \(error)")
                }
            }
            #expect(elapsed < FuzzCorpus.bound, "\(target)/\(url.lastPathComponent) took \(elapsed)")
        }
    }

    @Test(
        "the DOCX findings (an offset past the end, a deflate stream cut short) are damaged files, read at once",
        arguments: ["crash-zip-seek-past-end-d6064292.docx", "timeout-inflate-at-end-of-file-b757e6c3.docx"])
    func docxFinding(name: String) throws {
        let url = FuzzCorpus.testsRoot.appendingPathComponent("\(Self.module)/FuzzRegressions/docx/\(name)")
        let data = try Data(contentsOf: url)
        let elapsed = FuzzCorpus.time {
            #expect {
                _ = try TextExtractor().extract(data, source: name)
            } throws: { error in
                guard case .corrupt = error as? ParseError else { return false }
                return true
            }
        }
        #expect(elapsed < FuzzCorpus.bound, "\(name) took \(elapsed)")
    }

    @Test("text decoding corpus: text that is not blank, or a ParseError, in time")
    func textDecodingCorpus() throws {
        for url in try FuzzCorpus.inputs(module: Self.module, target: "text-decoding") {
            let data = try Data(contentsOf: url)
            #expect(![DocumentFormat.pdf, .docx].contains(DocumentFormat.sniff(data)), "\(url.lastPathComponent)")
            let elapsed = FuzzCorpus.time {
                do {
                    let text = try TextExtractor().extract(data, source: url.lastPathComponent).text
                    #expect(text.contains { !$0.isWhitespace }, "\(url.lastPathComponent) extracted blank")
                } catch {
                    #expect(error is ParseError, "\(url.lastPathComponent): \(error)")
                }
            }
            #expect(elapsed < FuzzCorpus.bound, "text-decoding/\(url.lastPathComponent) took \(elapsed)")
        }
    }

    @Test("dates corpus: every month found is a real month, the experience total finite, in time")
    func datesCorpus() throws {
        for url in try FuzzCorpus.inputs(module: Self.module, target: "dates") {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            let elapsed = FuzzCorpus.time {
                for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(64) {
                    if let month = YearMonth(String(line)) { #expect((1...12).contains(month.month)) }
                }
                let resume = Self.parser.parseResume(text: "Jordan Example\n\nEXPERIENCE\n" + text, source: "dates")
                for month in resume.experience.flatMap({ [$0.start, $0.end] }).compactMap({ $0 }) {
                    #expect((1...12).contains(month.month), "\(url.lastPathComponent): \(month)")
                }
                #expect(resume.totalExperienceYears.isFinite && resume.totalExperienceYears >= 0)
            }
            #expect(elapsed < FuzzCorpus.bound, "dates/\(url.lastPathComponent) took \(elapsed)")
        }
    }

    @Test("resume text corpus: parses as text and as PDF text, in time")
    func resumeTextCorpus() throws {
        for url in try FuzzCorpus.inputs(module: Self.module, target: "resume-text") {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for format in ["txt", "pdf"] {
                let elapsed = FuzzCorpus.time {
                    let resume = Self.parser.parseResume(text: text, source: url.lastPathComponent, format: format)
                    #expect(resume.totalExperienceYears.isFinite && resume.totalExperienceYears >= 0)
                }
                #expect(elapsed < FuzzCorpus.bound, "resume-text/\(url.lastPathComponent) (\(format)) took \(elapsed)")
            }
        }
    }

    @Test("a missing or empty corpus folder fails the replay instead of passing on nothing")
    func missingCorpusFails() throws {
        #expect(throws: FuzzCorpus.MissingCorpus.self) {
            try FuzzCorpus.inputs(module: Self.module, target: "no-such-target")
        }
        let empty = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        try Data().write(to: empty.appendingPathComponent(".hidden"))
        #expect(throws: FuzzCorpus.MissingCorpus.self) { try FuzzCorpus.inputs(in: empty) }
    }
}

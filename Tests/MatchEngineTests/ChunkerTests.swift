import Foundation
import ResumeParser
import TestSupport
import Testing

@testable import MatchEngine

@Suite("Chunker")
struct ChunkerTests {
    private func reading(_ sections: [(SectionKind, String)]) -> ReadingText {
        var text = ""
        var spans: [ReadingText.Section] = []
        for (kind, body) in sections {
            if !text.isEmpty { text += "\n\n" }
            let start = text.utf16.count
            text += body
            spans.append(.init(kind: kind, range: start..<text.utf16.count))
        }
        return ReadingText(text: text, sections: spans)
    }

    @Test("short sections are one chunk each, with their section and exact offsets")
    func shortSections() {
        let text = reading([(.summary, "Backend engineer."), (.skills, "Go, Kubernetes, PostgreSQL")])
        let chunks = Chunker().chunks(of: text)
        #expect(chunks.map(\.section) == [.summary, .skills])
        #expect(chunks.map(\.ordinal) == [0, 1])
        for chunk in chunks {
            let units = Array(text.text.utf16)[chunk.range]
            #expect(String(decoding: units, as: UTF16.self) == chunk.text)
        }
    }

    @Test("long prose: chunks ≤ size, overlapping, cut at sentence or word ends, never inside a word")
    func longProse() {
        let sentence = "Led the migration of forty services to Kubernetes while keeping latency under budget. "
        let body = String(repeating: sentence, count: 60).trimmingCharacters(in: .whitespaces)
        let text = reading([(.experience, body)])
        let chunker = Chunker(size: 1_000, overlap: 200)
        let chunks = chunker.chunks(of: text)
        #expect(chunks.count > 5)
        let words = Set(body.split(separator: " ").map(String.init))
        for chunk in chunks {
            #expect(chunk.text.utf16.count <= 1_000)
            for word in chunk.text.split(separator: " ") { #expect(words.contains(String(word)), "cut inside \(word)") }
        }
        for (a, b) in zip(chunks, chunks.dropFirst()) {
            #expect(b.range.lowerBound < a.range.upperBound, "consecutive chunks overlap")
            #expect(b.range.lowerBound > a.range.lowerBound, "progress")
            #expect(a.text.hasSuffix("."), "cut at a sentence end: \(a.text.suffix(20))")
        }
        #expect(chunks.last?.range.upperBound == body.utf16.count)
    }

    @Test("a word longer than a chunk is cut, without looping and without splitting a surrogate pair")
    func hugeWord() {
        let body = String(repeating: "😀", count: 3_000)
        let chunks = Chunker(size: 100, overlap: 20).chunks(of: reading([(.other, body)]))
        #expect(!chunks.isEmpty)
        #expect(chunks.allSatisfy { !$0.text.unicodeScalars.contains("\u{FFFD}") })
        #expect(chunks.allSatisfy { $0.text.utf16.count <= 100 })
    }

    @Test("the limit caps the chunks of a long document; 1 MB of text chunks in well under a second")
    func limitAndSpeed() {
        let body = String(repeating: "word ", count: 200_000)
        let started = ThreadCPUTime.now
        let all = Chunker().chunks(of: reading([(.other, body)]))
        #expect(ThreadCPUTime.now - started < .seconds(2))
        #expect(all.count > 1_000)
        #expect(Chunker().chunks(of: reading([(.other, body)]), limit: 48).count == 48)
    }

    @Test("a resume's reading text: sections in order, chunks inside them")
    func resumeReadingText() throws {
        let parser = DocumentParser()
        let extracted = try parser.extractor.extract(contentsOf: Fixtures.resume(1))
        let reading = parser.readingText(ofResume: extracted.text, format: extracted.format.rawValue)
        #expect(reading.sections.map(\.kind).contains(.experience))
        let chunks = Chunker().chunks(of: reading)
        for chunk in chunks {
            let section = try #require(reading.sections.first { $0.range.contains(chunk.range.lowerBound) })
            #expect(section.kind == chunk.section && chunk.range.upperBound <= section.range.upperBound)
        }
    }

    @Test("parsing with the reading text gives what parsing and reading apart give, for every fixture")
    func parseWithReadingText() throws {
        let parser = DocumentParser()
        for url in Fixtures.resumes {
            let extracted = try parser.extractor.extract(contentsOf: url)
            let format = extracted.format.rawValue
            let both = parser.parseResumeWithReadingText(
                text: extracted.text, source: url.lastPathComponent, format: format)
            #expect(
                both.resume == parser.parseResume(text: extracted.text, source: url.lastPathComponent, format: format))
            #expect(
                both.reading == parser.readingText(ofResume: extracted.text, format: format), "\(url.lastPathComponent)"
            )
        }
    }
}

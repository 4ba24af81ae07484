import Foundation
import ResumeParser
import TestSupport
import Testing

@testable import MatchEngine

@Suite("Chunk windows")
struct ChunkWindowsTests {
    @Test("a chunk no longer than the window size, or of one segment, has no windows")
    func shortChunks() {
        let windows = ChunkWindows(size: 100)
        #expect(windows.windows(of: "Go, Kubernetes, PostgreSQL").isEmpty)
        #expect(windows.windows(of: String(repeating: "word ", count: 40)).isEmpty)
        #expect(ChunkWindows(size: 100, limit: 0).windows(of: String(repeating: "A line.\n", count: 40)).isEmpty)
    }

    @Test("lines and sentences packed in order, each window within the size, consecutive ones sharing a segment")
    func packing() {
        let lines = (1...12).map { "- Bullet number \($0) says something about the work done there." }
        let text = "Engineer, Quokka Labs   Jan 2020 - Present\n" + lines.joined(separator: "\n")
        let windows = ChunkWindows(size: 150).windows(of: text)
        #expect(windows.count >= 4)
        #expect(windows.allSatisfy { $0.utf16.count <= 150 })
        // Every line is in some window, and each window's last line starts the next one.
        for line in lines { #expect(windows.contains { $0.contains(line) }, "\(line)") }
        for (window, next) in zip(windows, windows.dropFirst()) {
            let last = window.split(separator: "\n").last.map(String.init) ?? ""
            #expect(next.hasPrefix(last))
        }
        // Sentences inside a long line are segments too.
        let prose = (1...8).map { "Sentence \($0) of a long paragraph about the ledger." }.joined(separator: " ")
        let cut = ChunkWindows(size: 120).windows(of: prose)
        #expect(cut.count >= 3 && cut.allSatisfy { $0.utf16.count <= 120 })
    }

    @Test("a segment longer than the size is a window of its own; the count is bounded by the limit")
    func bounds() {
        let long = String(repeating: "x", count: 300)
        let windows = ChunkWindows(size: 100).windows(of: "First line.\n\(long)\nLast line.")
        #expect(windows.contains(long))
        let many = String(repeating: "A line of text here.\n", count: 400)
        #expect(ChunkWindows(size: 40, limit: 16).windows(of: many).count == 16)
    }

    @Test("the pipeline stores each chunk's vector then its windows'; the document vector averages chunks only")
    func pipelineLayout() async throws {
        let provider = HashingEmbedder(dimension: 32)
        let long = (1...10).map { "- Built the ledger number \($0) in Go and PostgreSQL." }.joined(separator: "\n")
        let chunks = [
            Chunk(ordinal: 0, section: .summary, range: 0..<10, text: "Short summary."),
            Chunk(ordinal: 1, section: .experience, range: 10..<500, text: long),
        ]
        let embedded = try await DocumentPipeline.embed([chunks], with: provider, windows: ChunkWindows(size: 100))
        let document = try #require(embedded.first)
        let expectedWindows = ChunkWindows(size: 100).windows(of: long)
        #expect(!expectedWindows.isEmpty)
        #expect(document.chunks[0].count == 32)
        #expect(document.chunks[1].count == 32 * (1 + expectedWindows.count))
        let own = try await provider.embed([chunks[0].text, long] + expectedWindows)
        #expect(Array(document.chunks[1][0..<32]) == own[1])
        #expect(Array(document.chunks[1][32..<64]) == own[2])
        #expect(document.document == DocumentPipeline.mean([own[0], own[1]], dimension: 32))
    }
}

import Foundation
import MatchEngine
import TestSupport
import Testing

/// The host example of README.md ("Embedding the engine"), compiled and run here. The test also checks
/// that the README shows these very lines, so the two cannot drift apart.
@Suite("README host example")
struct HostExampleTests {
    @Test("compiles, runs, and is the README's text")
    func hostExample() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let jobURL = Fixtures.job("backend-engineer.txt")
        let resumeURLs = Array(Fixtures.resumes.prefix(12))
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // README-BEGIN
        let engine = try Engine(
            directory: directory, configuration: EngineConfiguration(provider: HashingEmbedder()))
        defer { engine.close() }
        let job = try await engine.addJob(.file(jobURL), namespace: "acme")
        let ingest = try engine.ingest(resumeURLs.map { .file($0) }, namespace: "acme")
        for await event in ingest.events {
            if case .failed(let failure) = event { print("skipped:", failure.reason) }
        }
        let shortlist = try await engine.rank(job: job.id, namespace: "acme", limit: 5)
        for entry in shortlist {
            print(entry.rank, entry.candidate.name ?? "?", entry.result.score, entry.result.decision)
        }
        try engine.setStatus(.screened, candidate: shortlist[0].candidate.id, job: job.id, namespace: "acme")
        // README-END

        #expect(printed.count == 5)
        #expect(printed[0].hasPrefix("1 "))
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let example = try #require(
            source.components(separatedBy: "// README-BEGIN\n").last?
                .components(separatedBy: "        // README-END").first)
        let dedented = example.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }.joined(separator: "\n")
        let readme = try String(
            contentsOf: Fixtures.root.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(dedented), "README.md must show the example exactly")
    }
}

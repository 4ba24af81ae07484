import Foundation
import TestSupport
import Testing

@testable import MatchEngine

/// The keyword pool's lists are built once and then kept up to date by every change to the roster; kept
/// lists must equal lists built afresh from the same roster.
@Suite("Keyword pool lists")
struct KeywordListsTests {
    /// Postings as sets of positions (updates do not keep their order), empty lists left out.
    static func normalised(_ postings: [String: [Int32]]) -> [String: [Int32]] {
        postings.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
    }

    @Test("lists kept through new candidates, new versions and deletes equal lists built afresh")
    func keptEqualsRebuilt() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest(Fixtures.resumes)
        let index = try fixture.engine.candidateIndex("default")
        let before = index.snapshot(postings: true)
        #expect(before.keywords != nil)
        // New versions of known candidates (same text and e-mail, other skills), new candidates, deletes:
        // the first, one in the middle and the last position.
        var versions: [URL] = []
        for (number, resume) in Fixtures.resumes.filter({ $0.pathExtension == "txt" }).prefix(3).enumerated() {
            let text = try String(contentsOf: resume, encoding: .utf8)
            let url = fixture.folder.appendingPathComponent("version-\(number).txt")
            try (text + "\nSkills: Haskell, Erlang, Kafka, Figma\n").write(to: url, atomically: true, encoding: .utf8)
            versions.append(url)
        }
        #expect(versions.count == 3)
        try await fixture.ingest(versions)
        #expect(index.snapshot().records.count == before.records.count, "new versions, no new candidates")
        let relevance = try FileManager.default.contentsOfDirectory(
            at: Fixtures.root.appendingPathComponent("relevance/resumes"), includingPropertiesForKeys: nil
        ).sorted { $0.path < $1.path }
        try await fixture.ingest(Array(relevance.prefix(20)))
        let grown = index.snapshot()
        #expect(grown.records.count > before.records.count)
        let last = try #require(grown.records.last)
        for record in [grown.records[0], grown.records[grown.records.count / 2], last] {
            try fixture.engine.deleteCandidate(record.identity, namespace: "default")
        }
        let kept = index.snapshot(postings: true)
        #expect(kept.records.count == grown.records.count - 3)
        let keywords = try #require(kept.keywords)
        let rebuilt = CandidateIndex.Roster.Keywords(kept)
        #expect(Self.normalised(keywords.postings) == Self.normalised(rebuilt.postings))
        #expect(Self.normalised(keywords.unshownPostings) == Self.normalised(rebuilt.unshownPostings))
        #expect(!rebuilt.unshownPostings.isEmpty, "some fixture lists a skill its experience does not show")
        #expect(keywords.functionMasks == rebuilt.functionMasks)
        #expect(keywords.mostYears == rebuilt.mostYears)
        #expect(keywords.levelMasks == rebuilt.levelMasks)
    }
}

import Foundation
import TestSupport
import Testing

@testable import MatchEngine

/// The keyword pool's lists are built once and then kept up to date by every change to the roster; kept
/// lists must equal lists built afresh from the same roster. Many changes between two queries clear them
/// instead (the next query builds them again).
@Suite("Keyword pool lists")
struct KeywordListsTests {
    /// Postings as sets of positions (updates do not keep their order), empty lists left out.
    static func normalised(_ postings: [String: [Int32]]) -> [String: [Int32]] {
        postings.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
    }

    /// A roster of the fixture resumes with its lists built, and the records of 20 other resumes.
    static func roster(_ fixture: EngineFixture) async throws -> (CandidateIndex.Roster, [CandidateRecord]) {
        try await fixture.ingest(Fixtures.resumes)
        let relevance = try FileManager.default.contentsOfDirectory(
            at: Fixtures.root.appendingPathComponent("relevance/resumes"), includingPropertiesForKeys: nil
        ).sorted { $0.path < $1.path }
        try await fixture.ingest(Array(relevance.prefix(20)), namespace: "other")
        let roster = try fixture.engine.candidateIndex("default").snapshot(postings: true)
        return (roster, try fixture.engine.candidateIndex("other").snapshot().records)
    }

    @Test("lists kept through new versions, new candidates and deletes equal lists built afresh")
    func keptEqualsRebuilt() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        var (roster, others) = try await Self.roster(fixture)
        let count = roster.records.count
        roster.keywords?.size = .max  // every update kept, however many
        // New versions of known candidates: other skills, a skill listed twice, only one shown at work.
        for position in [0, 5, count - 1] {
            var record = roster.records[position]
            record.skills = Array(record.skills.prefix(2)) + ["Haskell", "Erlang", "Haskell", "Kafka"]
            record.evidence = "Haskell"
            roster.upsert(record)
        }
        // New candidates, each showing only its first skill at work.
        for var record in others {
            record.rowID += 1_000_000
            record.identity = "other-\(record.rowID)"
            record.evidence = record.skills.first
            roster.upsert(record)
        }
        #expect(roster.records.count == count + others.count)
        // Deletes: the first position, one in the middle and the last (the last one moves into none).
        let last = try #require(roster.records.last)
        for rowID in [roster.records[0].rowID, roster.records[roster.records.count / 2].rowID, last.rowID] {
            roster.remove(rowID)
        }
        #expect(roster.records.count == count + others.count - 3)
        let keywords = try #require(roster.keywords, "the lists were kept, not cleared")
        let rebuilt = CandidateIndex.Roster.Keywords(roster)
        #expect(Self.normalised(keywords.postings) == Self.normalised(rebuilt.postings))
        #expect(Self.normalised(keywords.unshownPostings) == Self.normalised(rebuilt.unshownPostings))
        #expect(rebuilt.postings["Haskell"]?.count ?? 0 >= 4, "a duplicated skill is entered once a copy")
        #expect(keywords.functionMasks == rebuilt.functionMasks)
        #expect(keywords.mostYears == rebuilt.mostYears)
        #expect(keywords.levelMasks == rebuilt.levelMasks)
    }

    @Test("one change keeps the lists; replacing every candidate between two queries clears them")
    func manyChangesClear() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        var (roster, _) = try await Self.roster(fixture)
        roster.upsert(roster.records[0])
        #expect(roster.keywords != nil)
        for record in roster.records { roster.upsert(record) }
        #expect(roster.keywords == nil, "the updates would have read more than eight times what the lists hold")
    }
}

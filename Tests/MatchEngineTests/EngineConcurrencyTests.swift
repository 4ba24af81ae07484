import Foundation
import GRDB
import ResumeParser
import TestSupport
import Testing
import VectorIndex

@testable import MatchEngine

/// Text resumes with unique bytes and distinct candidates: the text fixtures, each copy with its own
/// e-mail address and a line of its own.
func replicatedResumes(_ count: Int, tag: String, in folder: URL) throws -> [URL] {
    let texts = try Fixtures.resumes.filter { ["txt", "md"].contains($0.pathExtension) }.map {
        (try String(contentsOf: $0, encoding: .utf8), $0.pathExtension)
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try (0..<count).map { number in
        let (text, pathExtension) = texts[number % texts.count]
        var copy = text
        if let at = copy.firstIndex(of: "@") { copy.replaceSubrange(at...at, with: "+\(tag)\(number)@") }
        copy += "\nReference: copy \(number) (\(tag))\n"
        let url = folder.appendingPathComponent("\(tag)-\(number).\(pathExtension)")
        try copy.write(to: url, atomically: false, encoding: .utf8)
        return url
    }
}

@Suite("Engine under concurrent writers and readers")
struct EngineConcurrencyTests {
    /// Two ingest jobs and two deleters write while four readers rank, look for similar candidates and
    /// list candidates; afterwards the store, the roster and the index agree, and a reopen loads the
    /// saved index (no rebuild) with the same candidates. Run under ThreadSanitizer in RELIABILITY.md.
    @Test("2 ingests + 2 deleters (4 writers) and 4 readers (rank, similar, candidates) keep the engine consistent")
    func writersAndReaders() async throws {
        let fixture = try EngineFixture { $0.batchSize = 4 }
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        let files = try replicatedResumes(72, tag: "c", in: fixture.folder.appendingPathComponent("in"))
        let base = Array(files.prefix(24))
        try await fixture.ingest(base)
        let job = try await engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let victims = try engine.candidates(namespace: "default").map(\.id)
        #expect(victims.count == 24)

        let first = try engine.ingest(files[24..<48].map { .file($0) }, namespace: "default")
        let second = try engine.ingest(files[48...].map { .file($0) }, namespace: "default")
        let writing = Locked(true)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for deleter in 0..<2 {
                group.addTask {
                    // Each deleter removes every other of the first candidates, while the ingests run.
                    for (offset, id) in victims.enumerated() where offset % 2 == deleter && offset < 16 {
                        try engine.deleteCandidate(id, namespace: "default")
                        await Task.yield()
                    }
                }
            }
            for reader in 0..<4 {
                group.addTask {
                    var rounds = 0
                    while writing.withLock({ $0 }) || rounds < 3 {
                        rounds += 1
                        switch (reader + rounds) % 3 {
                        case 0:
                            let ranked = try await engine.rank(job: job.id, namespace: "default", limit: 20)
                            #expect(Set(ranked.map(\.candidate.id)).count == ranked.count)
                        case 1:
                            let all = try engine.candidates(namespace: "default")
                            #expect(Set(all.map(\.id)).count == all.count)
                            if let some = all.last {
                                do {
                                    let similar = try engine.similarCandidates(to: some.id, namespace: "default")
                                    #expect(!similar.contains { $0.candidate.id == some.id })
                                } catch EngineError.unknownCandidate {
                                    // Deleted between the two calls.
                                }
                            }
                        default:
                            _ = try engine.ingestJob(id: first.id)
                        }
                        await Task.yield()
                    }
                }
            }
            group.addTask {
                let statuses = (await first.result(), await second.result())
                writing.withLock { $0 = false }
                #expect(statuses.0.state == .succeeded && statuses.0.stored == 24)
                #expect(statuses.1.state == .succeeded && statuses.1.stored == 24)
            }
            try await group.waitForAll()
        }

        let expected = 72 - 16
        let candidates = try engine.candidates(namespace: "default")
        #expect(candidates.count == expected)
        let index = try engine.candidateIndex("default")
        #expect(index.index.count == expected)
        for candidate in candidates {
            let record = try #require(index.record(identity: candidate.id))
            #expect(index.index.contains(id: UInt64(record.rowID)))
        }
        let stored = try engine.documentStore.read("count") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM candidate") ?? 0
        }
        #expect(stored == expected)
        #expect(try await engine.rank(job: job.id, namespace: "default", limit: 100).count == expected)

        let logs = LogCapture()
        let reopened = try fixture.reopen { $0.logger = logs.logger() }
        defer { reopened.close() }
        #expect(!logs.lines.contains { $0.contains("rebuilding") }, "the saved index covers every change")
        #expect(Set(try reopened.candidates(namespace: "default").map(\.id)) == Set(candidates.map(\.id)))
        #expect(try reopened.candidateIndex("default").index.count == expected)
    }

    /// A ranking reads a snapshot of the candidates and records its results after scoring; a candidate
    /// deleted in between made the whole ranking fail on the results' foreign key (found by the test
    /// above). Its result is now skipped and the others are recorded.
    @Test("recording results skips a candidate deleted since the ranking read it")
    func resultsOfDeletedCandidate() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        try await fixture.ingest(Array(Fixtures.resumes.prefix(3)))
        let job = try await engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let ranked = try await engine.rank(job: job.id, namespace: "default", limit: 3)
        let index = try engine.candidateIndex("default")
        let records = try ranked.map { entry in
            let record = try #require(index.record(identity: entry.candidate.id))
            return MatchRecord(candidate: record.rowID, document: try #require(record.documentID), result: entry.result)
        }
        func count() throws -> Int {
            try engine.documentStore.read("count") { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM matchResult") ?? 0
            }
        }
        try engine.store.deleteCandidate(records[1].candidate, namespace: index.namespaceID)
        let before = try count()
        let jobRow = try engine.jobRecord(job.id, in: index).rowID
        // Other weights than the ranking's: new rows beside its own (the same weights would replace them).
        try engine.store.recordMatches(records, job: jobRow, namespace: index.namespaceID, weights: .classic)
        #expect(try count() == before + 2)
    }
}

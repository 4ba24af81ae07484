import Foundation
import TestSupport
import Testing

@testable import MatchEngine

@Suite("Engine maintenance: statistics, check, index rebuild, job removal, ranking a chosen set")
struct EngineMaintenanceTests {
    @Test("statistics count every namespace's rows")
    func statistics() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest([Fixtures.resume(1), Fixtures.resume(2)])
        try await fixture.ingest([Fixtures.resume(3)], namespace: "other")
        _ = try await fixture.engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let statistics = try fixture.engine.statistics()
        #expect(statistics.namespaces.map(\.name) == ["default", "other"])
        let main = try #require(statistics.namespaces.first)
        #expect(main.candidates == 2 && main.jobs == 1 && main.documents == 3)
        #expect(main.chunks >= 3 && main.vectors == main.chunks + main.documents)
        #expect(statistics.total(\.candidates) == 3)
        #expect(statistics.cachedVectors > 0)
    }

    @Test("check finds an index file that no longer reads back; rebuildIndexes repairs it")
    func checkAndRebuild() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest([Fixtures.resume(1), Fixtures.resume(2), Fixtures.resume(3)])
        fixture.engine.close()
        let engine = try fixture.reopen()
        defer { engine.close() }
        let healthy = try engine.check()
        #expect(healthy.isHealthy, "\(healthy)")
        #expect(healthy.namespaces.first?.indexed == 3)
        let file = try engine.candidateIndex("default").file
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: file)
        let broken = try engine.check()
        #expect(!broken.isHealthy)
        #expect(broken.namespaces.first?.indexFileReadable == false)
        let chunks = try #require(healthy.namespaces.first?.chunks)
        #expect(chunks >= 3 && healthy.namespaces.first?.indexedChunks == chunks)
        #expect(try engine.rebuildIndexes() == ["default": RebuiltIndexes(candidates: 3, chunks: chunks)])
        #expect(try engine.check().isHealthy)
        #expect(throws: EngineError.unknownNamespace("nope")) { try engine.rebuildIndexes(namespace: "nope") }
    }

    @Test("check finds a chunk index file that no longer reads back or misses vectors; rebuildIndexes repairs it")
    func checkAndRebuildChunks() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest([Fixtures.resume(1), Fixtures.resume(2)])
        _ = try await fixture.engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let engine = fixture.engine
        let healthy = try engine.check()
        #expect(healthy.isHealthy, "\(healthy)")
        let chunks = try #require(healthy.namespaces.first?.chunks)
        #expect(chunks == (try engine.statistics().namespaces.first?.chunks))
        let index = try engine.chunkIndex("default")
        var bytes = try Data(contentsOf: index.file)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: index.file)
        // A vector lost from the loaded index behind the store's back (the revision still says current).
        _ = index.index.remove(id: try #require(index.index.ids.first))
        let broken = try #require(try engine.check().namespaces.first)
        #expect(!broken.chunkIndexFileReadable)
        #expect(broken.indexedChunks == chunks - 1)
        #expect(broken.problems.count == 2, "\(broken.problems)")
        #expect(try engine.rebuildIndexes(namespace: "default")["default"]?.chunks == chunks)
        #expect(try engine.check().isHealthy)
        #expect(try engine.chunkIndex("default") !== index)
    }

    @Test("deleteJob removes the job with its results and statuses, and keeps the candidates")
    func deleteJob() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest([Fixtures.resume(1), Fixtures.resume(2)])
        let job = try await fixture.engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let ranked = try await fixture.engine.rank(job: job.id, namespace: "default")
        try fixture.engine.setStatus(.screened, candidate: ranked[0].candidate.id, job: job.id, namespace: "default")
        try fixture.engine.deleteJob(job.id, namespace: "default")
        #expect(try fixture.engine.jobs(namespace: "default").isEmpty)
        #expect(try fixture.engine.candidates(namespace: "default").count == 2)
        let statistics = try fixture.engine.statistics()
        #expect(statistics.namespaces.first?.matchResults == 0 && statistics.namespaces.first?.documents == 2)
        #expect(throws: EngineError.unknownJob(job.id, namespace: "default")) {
            try fixture.engine.deleteJob(job.id, namespace: "default")
        }
    }

    @Test("RankFilters.candidates ranks only the chosen candidates")
    func rankChosen() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest(Array(Fixtures.resumes.prefix(6)))
        let job = try await fixture.engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let all = try fixture.engine.candidates(namespace: "default").map(\.id)
        let chosen = Set([all[1], all[4], "email:nobody@example.com"])
        let ranked = try await fixture.engine.rank(
            job: job.id, namespace: "default", limit: 10, filters: RankFilters(candidates: chosen))
        #expect(Set(ranked.map(\.candidate.id)) == Set([all[1], all[4]]))
    }

    @Test("storedCandidates finds the files already stored by their bytes, without parsing them")
    func storedFiles() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest([Fixtures.resume(1), Fixtures.resume(3)])
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("renamed.pdf")
        try FileManager.default.copyItem(at: Fixtures.resume(3), to: copy)
        let missing = folder.appendingPathComponent("missing.txt")
        let known = try await fixture.engine.storedCandidates(
            forFiles: [Fixtures.resume(1), Fixtures.resume(2), copy, missing], namespace: "default")
        let candidates = try fixture.engine.candidates(namespace: "default")
        #expect(Set(known.keys) == [Fixtures.resume(1), copy])
        #expect(Set(known.values) == Set(candidates.map(\.id)))
        #expect(try await fixture.engine.storedCandidates(forFiles: [Fixtures.resume(1)], namespace: "other").isEmpty)
        // A namespace with a job and no resume yet (score's first run): nothing is stored.
        _ = try await fixture.engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "jobs-only")
        #expect(
            try await fixture.engine.storedCandidates(forFiles: [Fixtures.resume(1)], namespace: "jobs-only").isEmpty)
    }
}

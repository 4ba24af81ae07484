import Foundation
import GRDB
import ParserEvaluation
import ResumeParser
import TestSupport
import Testing

@testable import MatchEngine

/// An engine in a fresh folder with the hashing provider (no model needed), removed by `cleanUp`.
struct EngineFixture {
    let folder: URL
    let engine: Engine

    init(configure: (inout EngineConfiguration) -> Void = { _ in }) throws {
        folder = try Fixtures.temporaryDirectory()
        var configuration = EngineConfiguration(provider: HashingEmbedder())
        configuration.referenceMonth = YearMonth(year: 2025, month: 6)
        configure(&configuration)
        engine = try Engine(directory: folder, configuration: configuration)
    }

    func reopen(configure: (inout EngineConfiguration) -> Void = { _ in }) throws -> Engine {
        engine.close()
        var configuration = EngineConfiguration(provider: HashingEmbedder())
        configuration.referenceMonth = YearMonth(year: 2025, month: 6)
        configure(&configuration)
        return try Engine(directory: folder, configuration: configuration)
    }

    func cleanUp() {
        engine.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Ingests files and waits for the job's end.
    @discardableResult
    func ingest(
        _ urls: [URL], namespace: String = "default", into engine: Engine? = nil
    ) async throws -> IngestJobStatus {
        try await (engine ?? self.engine).ingest(urls.map { .file($0) }, namespace: namespace).result()
    }
}

@Suite("Engine")
struct EngineTests {
    @Test(
        "ingests the fixtures: every resume stored once with parse, chunks and vectors; the same bytes again are duplicates"
    )
    func ingestAndDedupe() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let first = try await fixture.ingest(Fixtures.resumes)
        #expect(first.state == .succeeded)
        #expect(first.stored == Fixtures.resumes.count && first.failed == 0 && first.duplicates == 0)
        #expect(first.progress == 100)
        let candidates = try fixture.engine.candidates(namespace: "default")
        #expect(candidates.count == Fixtures.resumes.count)
        let truth = try GroundTruth(forResume: Fixtures.resume(1))
        let ada = try #require(candidates.first { $0.email == truth.contact.email.lowercased() })
        #expect(ada.id == "email:\(truth.contact.email.lowercased())")
        #expect(ada.source == Fixtures.resume(1).path, "the source is the path as given")

        let again = try await fixture.ingest(Fixtures.resumes)
        #expect(again.stored == 0 && again.duplicates == Fixtures.resumes.count)
        #expect(try fixture.engine.candidates(namespace: "default").count == Fixtures.resumes.count)
        let chunkRows = try fixture.engine.documentStore.read("count") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM embedding WHERE ordinal >= 0") ?? 0
        }
        let chunkCount = try fixture.engine.documentStore.read("count") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM chunk") ?? 0
        }
        #expect(chunkRows == chunkCount && chunkCount >= Fixtures.resumes.count, "no second embedding for duplicates")
    }

    @Test("a new file of a known candidate is a new version; the newest is ranked, the older kept")
    func versions() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let folder = fixture.folder
        let original = try String(contentsOf: Fixtures.resume(1), encoding: .utf8)
        let v1 = folder.appendingPathComponent("v1.txt")
        let v2 = folder.appendingPathComponent("v2.txt")
        try original.write(to: v1, atomically: true, encoding: .utf8)
        try (original + "\nSkills: Haskell, Erlang\n").write(to: v2, atomically: true, encoding: .utf8)
        try await fixture.ingest([v1])
        let status = try await fixture.engine.ingest([.file(v2)], namespace: "default").result()
        #expect(status.stored == 1)
        let candidates = try fixture.engine.candidates(namespace: "default")
        #expect(candidates.count == 1)
        #expect(candidates[0].skills.contains("Haskell"))
        let versions = try fixture.engine.resumeVersions(of: candidates[0].id, namespace: "default")
        #expect(versions.map(\.source) == [v2.path, v1.path])
        #expect(versions.map(\.isCurrent) == [true, false])
        #expect(try fixture.engine.parsedResume(of: candidates[0].id, namespace: "default").source == v2.path)
    }

    @Test("a failed file among good ones: reported with its reason, the others stored, the job succeeds")
    func failedFileAmongGood() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let bad = fixture.folder.appendingPathComponent("broken.pdf")
        try Data("%PDF-1.4\n1 0 obj\n<<".utf8).write(to: bad)
        let missing = fixture.folder.appendingPathComponent("missing.txt")
        let job = try fixture.engine.ingest(
            [.file(Fixtures.resume(1)), .file(bad), .file(Fixtures.resume(4)), .file(missing)], namespace: "default")
        var events: [IngestEvent] = []
        for await event in job.events { events.append(event) }
        let status = await job.result()
        #expect(status.state == .succeeded)
        #expect(status.stored == 2 && status.failed == 2 && status.seen == 4)
        #expect(status.failures.map(\.source) == [bad.path, missing.path])
        #expect(status.failures.allSatisfy { !$0.reason.isEmpty })
        #expect(try fixture.engine.ingestJob(id: job.id) == status, "persisted")
        guard case .finished(let last) = events.last else {
            Issue.record("the last event is not .finished")
            return
        }
        #expect(last == status)
        #expect(events.contains { if case .progress = $0 { true } else { false } })
        #expect(events.filter { if case .failed = $0 { true } else { false } }.count == 2)
    }

    @Test("cancellation stops between batches and keeps what was committed")
    func cancellation() async throws {
        let fixture = try EngineFixture { $0.batchSize = 2 }
        defer { fixture.cleanUp() }
        let job = try fixture.engine.ingest(Fixtures.resumes.map { .file($0) }, namespace: "default")
        var cancelled = false
        for await event in job.events {
            if case .stored = event, !cancelled {
                job.cancel()
                cancelled = true
            }
        }
        let status = await job.result()
        #expect(status.state == .cancelled)
        #expect(status.stored > 0 && status.stored < Fixtures.resumes.count)
        #expect(try fixture.engine.candidates(namespace: "default").count == status.stored)
        // A re-run finishes the rest, with no duplicates of what was kept.
        let rerun = try await fixture.ingest(Fixtures.resumes)
        #expect(rerun.duplicates == status.stored && rerun.stored == Fixtures.resumes.count - status.stored)
    }

    @Test("namespaces are isolated on every query path")
    func namespaceIsolation() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        try await fixture.ingest(Array(Fixtures.resumes.prefix(5)), namespace: "acme")
        try await fixture.ingest(Array(Fixtures.resumes.suffix(5)), namespace: "globex")
        let acmeJob = try await engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "acme")
        let acme = Set(try engine.candidates(namespace: "acme").map(\.id))
        let globex = Set(try engine.candidates(namespace: "globex").map(\.id))
        #expect(acme.count == 5 && globex.count == 5 && acme.isDisjoint(with: globex))
        let ranked = try await engine.rank(job: acmeJob.id, namespace: "acme", limit: 100)
        #expect(Set(ranked.map(\.candidate.id)) == acme)
        await #expect(throws: EngineError.unknownJob(acmeJob.id, namespace: "globex")) {
            try await engine.rank(job: acmeJob.id, namespace: "globex")
        }
        let someGlobex = try #require(globex.first)
        #expect(throws: EngineError.unknownCandidate(someGlobex, namespace: "acme")) {
            try engine.similarCandidates(to: someGlobex, namespace: "acme")
        }
        let similar = try engine.similarCandidates(to: try #require(acme.first), namespace: "acme", limit: 50)
        #expect(Set(similar.map(\.candidate.id)).isSubset(of: acme))
        #expect(try engine.jobs(namespace: "globex").isEmpty)
        #expect(try await engine.rankJobs(for: someGlobex, namespace: "globex").isEmpty)
        await #expect(throws: EngineError.self) {
            try await engine.explain(job: acmeJob.id, candidate: someGlobex, namespace: "acme")
        }
        #expect(throws: EngineError.self) {
            try engine.setStatus(.screened, candidate: someGlobex, job: acmeJob.id, namespace: "acme")
        }
        #expect(throws: EngineError.unknownNamespace("nobody")) { try engine.candidates(namespace: "nobody") }
        #expect(throws: EngineError.invalidNamespace("")) { try engine.candidates(namespace: "") }
    }

    @Test("ranking: deterministic, equal to exhaustive rescoring, explained the same way, recorded")
    func ranking() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        try await fixture.ingest(Fixtures.resumes)
        let job = try await engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let first = try await engine.rank(job: job.id, namespace: "default", limit: 100)
        let second = try await engine.rank(job: job.id, namespace: "default", limit: 100)
        #expect(first == second)
        #expect(first.count == Fixtures.resumes.count)
        #expect(first.map(\.rank) == Array(1...first.count))
        #expect(zip(first, first.dropFirst()).allSatisfy { $0.result.score >= $1.result.score })
        for entry in first.prefix(5) {
            let explained = try await engine.explain(job: job.id, candidate: entry.candidate.id, namespace: "default")
            #expect(explained == entry.result, "the compact profile scores like the full parse")
        }
        let recorded = try engine.matchResults(job: job.id, namespace: "default")
        #expect(recorded.count == first.count)
        #expect(recorded.first?.result == first.first?.result)
        // Ranked twice with the same weights and resumes: one row each, not one a run.
        #expect(try engine.statistics().namespaces.first { $0.name == "default" }?.matchResults == first.count)
    }

    /// The fixture and relevance resumes ingested, their roster with the keyword lists, and the fixture and
    /// relevance jobs: what the keyword-pool tests compare over.
    static func keywordPoolSetting(_ fixture: EngineFixture) async throws -> (CandidateIndex.Roster, [URL]) {
        let relevance = Fixtures.root.appendingPathComponent("relevance")
        let resumes = try FileManager.default.contentsOfDirectory(
            at: relevance.appendingPathComponent("resumes"), includingPropertiesForKeys: nil)
        try await fixture.ingest(Fixtures.resumes + resumes)
        let jobs =
            try FileManager.default.contentsOfDirectory(
                at: Fixtures.root.appendingPathComponent("jobs"), includingPropertiesForKeys: nil)
            + FileManager.default.contentsOfDirectory(
                at: relevance.appendingPathComponent("jobs"), includingPropertiesForKeys: nil)
        return (try fixture.engine.candidateIndex("default").snapshot(postings: true), jobs)
    }

    @Test("the bounded keyword pool is the pool every candidate's estimate gives, for each job, size and preset")
    func boundedKeywordPool() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let (roster, jobs) = try await Self.keywordPoolSetting(fixture)
        #expect(roster.records.count >= 80)
        var compared = 0
        for weights in [ScoringWeights.standard, .classic] {
            let scorer = MatchScorer(weights: weights)
            for url in jobs {
                let prepared = scorer.prepare(try DocumentParser().parseJob(contentsOf: url))
                for limit in [1, 3, 10, 25, 60] {
                    let bounded = Engine.keywordPool(
                        roster, job: prepared, scorer: scorer, weights: weights, limit: limit)
                    let every = Engine.keywordPool(
                        roster, job: prepared, scorer: scorer, weights: weights, limit: limit, bounded: false)
                    #expect(bounded == every, "\(url.lastPathComponent), limit \(limit)")
                    compared += 1
                }
            }
        }
        #expect(compared >= 100)
        #expect(RoleFunction.allCases.enumerated().allSatisfy { $1.ordinal == $0 })
    }

    @Test("the keyword-pool bound is at least every candidate's estimate, for each job and preset")
    func boundAtLeastEstimate() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let (roster, jobs) = try await Self.keywordPoolSetting(fixture)
        let keywords = try #require(roster.keywords)
        var compared = 0
        var tight = 0
        for weights in [ScoringWeights.standard, .classic] {
            let scorer = MatchScorer(weights: weights)
            for url in jobs {
                let estimate = KeywordEstimate(
                    scorer.prepare(try DocumentParser().parseJob(contentsOf: url)), scorer: scorer, weights: weights)
                let bound = try #require(estimate.bound)
                let worth = estimate.skillPoints.sorted { $0.key < $1.key }
                for (position, record) in roster.records.enumerated() {
                    let profile = roster.profiles[position]
                    // Skill points as the pool adds them: skill by skill in name order, once a listing.
                    var points: Float = 0
                    for (skill, each) in worth where each > 0 {
                        for listed in record.skills where listed == skill { points += each }
                    }
                    var unshown = 0.0
                    if let shown = profile.evidencedSkills {
                        for (skill, each) in estimate.unshown
                        where profile.skills.contains(skill) && !shown.contains(skill) {
                            unshown += each
                        }
                    }
                    let value = max(0, estimate(profile, points: points))
                    let reach = bound(
                        mask: keywords.functionMasks[position], levels: keywords.levelMasks[position],
                        mostYears: keywords.mostYears[position], points: points, unshownWorth: unshown)
                    #expect(reach >= value, "\(url.lastPathComponent), \(record.identity): \(reach) < \(value)")
                    if value > 0, reach <= value * 1.001 + 1e-5 { tight += 1 }
                    compared += 1
                }
            }
        }
        #expect(compared >= 2_000)
        #expect(tight > 0, "the bound meets some estimates exactly")
    }

    @Test(
        "a small candidate pool (HNSW nearest ∪ most skills in common) gives the exhaustive top 10 for every fixture job"
    )
    func poolEqualsExhaustive() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest(Fixtures.resumes)
        let jobs = try FileManager.default.contentsOfDirectory(
            at: Fixtures.root.appendingPathComponent("jobs"), includingPropertiesForKeys: nil)
        #expect(jobs.count >= 10)
        var exhaustive: [JobID: [CandidateID]] = [:]
        for url in jobs {
            let job = try await fixture.engine.addJob(.file(url), namespace: "default")
            exhaustive[job.id] = try await fixture.engine.rank(job: job.id, namespace: "default", limit: 10)
                .map(\.candidate.id)
        }
        let pooled = try fixture.reopen {
            $0.exhaustiveRankingLimit = 0
            // The smallest pool that holds the exhaustive top 10 of all ten jobs: 15 until the seven fixture
            // resumes whose oldest position is an internship were read at their level, not as interns (RoleFit),
            // which lifted their keyword estimates into one job's first 15. (The pool is never under twice the 10
            // asked for: 20 are scored here.)
            $0.rankingPoolSize = 16
        }
        defer { pooled.close() }
        for (job, expected) in exhaustive {
            let fromPool = try await pooled.rank(job: job, namespace: "default", limit: 10)
            #expect(fromPool.map(\.candidate.id) == expected, "\(job)")
        }
    }

    @Test("filters: years, skill by alias, location ignoring case and accents, pipeline status")
    func filters() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        try await fixture.ingest(Fixtures.resumes)
        let job = try await engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let all = try await engine.rank(job: job.id, namespace: "default", limit: 100)
        let senior = try await engine.rank(
            job: job.id, namespace: "default", limit: 100, filters: RankFilters(minimumYears: 8))
        #expect(senior.allSatisfy { $0.candidate.years >= 8 } && senior.count < all.count && !senior.isEmpty)
        let kubernetes = try await engine.rank(
            job: job.id, namespace: "default", limit: 100, filters: RankFilters(requiredSkill: "k8s"))
        #expect(!kubernetes.isEmpty && kubernetes.allSatisfy { $0.candidate.skills.contains("Kubernetes") })
        let someone = try #require(all.first { $0.candidate.location != nil })
        let place = try #require(someone.candidate.location?.split(separator: ",").first).uppercased()
        let local = try await engine.rank(
            job: job.id, namespace: "default", limit: 100, filters: RankFilters(location: place))
        #expect(local.contains { $0.candidate.id == someone.candidate.id })
        try engine.setStatus(.screened, candidate: someone.candidate.id, job: job.id, namespace: "default", note: "ok")
        let screened = try await engine.rank(
            job: job.id, namespace: "default", limit: 100, filters: RankFilters(statuses: [.screened]))
        #expect(screened.map(\.candidate.id) == [someone.candidate.id])
        #expect(screened.first?.status == .screened)
    }

    @Test("pipeline status: allowed moves recorded with history, forbidden ones refused")
    func pipelineStatus() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        try await fixture.ingest([Fixtures.resume(1)])
        let job = try await engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let candidate = try engine.candidates(namespace: "default")[0].id
        try engine.setStatus(.screened, candidate: candidate, job: job.id, namespace: "default")
        try engine.setStatus(.offer, candidate: candidate, job: job.id, namespace: "default", note: "fast track")
        try engine.setStatus(.hired, candidate: candidate, job: job.id, namespace: "default")
        #expect(throws: EngineError.invalidStatusChange(from: .hired, to: .rejected)) {
            try engine.setStatus(.rejected, candidate: candidate, job: job.id, namespace: "default")
        }
        let history = try engine.statusHistory(candidate: candidate, job: job.id, namespace: "default")
        #expect(history.map(\.to) == [.screened, .offer, .hired])
        #expect(history.map(\.from) == [.new, .screened, .offer])
        #expect(history[1].note == "fast track")
        #expect(!PipelineStatus.screened.canMove(to: .new))
        #expect(PipelineStatus.interviewing.canMove(to: .withdrawn))
    }

    @Test("reopen after close: same candidates, same ranking, index loaded not rebuilt")
    func reopen() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest(Fixtures.resumes)
        let job = try await fixture.engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let before = try await fixture.engine.rank(job: job.id, namespace: "default", limit: 100)
        let reopened = try fixture.reopen()
        defer { reopened.close() }
        #expect(try reopened.candidates(namespace: "default").count == Fixtures.resumes.count)
        #expect(try await reopened.rank(job: job.id, namespace: "default", limit: 100) == before)
        #expect(throws: EngineError.closed) { try fixture.engine.candidates(namespace: "default") }
    }

    @Test(
        "a deleted, corrupted or stale index file is rebuilt from the store", arguments: ["delete", "corrupt", "stale"])
    func indexRebuild(damage: String) async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest(Array(Fixtures.resumes.prefix(20)))
        let job = try await fixture.engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let before = try await fixture.engine.rank(job: job.id, namespace: "default", limit: 100)
        fixture.engine.close()
        let folder = fixture.folder.appendingPathComponent("indexes")
        let file = try #require(
            try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).first)
        switch damage {
        case "delete": try FileManager.default.removeItem(at: file)
        case "corrupt":
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count / 2] ^= 0xFF
            try bytes.write(to: file)
        default:
            // The store moves on without the index: delete a candidate behind the file's back.
            let store = try DocumentStore(path: fixture.folder.appendingPathComponent("engine.sqlite").path)
            let namespace = try #require(try store.namespaceID("default", create: false))
            try store.deleteCandidate(
                try #require(try store.candidates(namespace: namespace).first).rowID, namespace: namespace)
        }
        let reopened = try fixture.reopen()
        defer { reopened.close() }
        let after = try await reopened.rank(job: job.id, namespace: "default", limit: 100)
        if damage == "stale" {
            #expect(after.count == before.count - 1)
            #expect(
                try reopened.similarCandidates(to: after[0].candidate.id, namespace: "default", limit: 100).count == 18)
        } else {
            #expect(after == before)
        }
    }

    @Test("deleting a candidate removes it from the store and the index at once")
    func deleteCandidate() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        try await fixture.ingest(Array(Fixtures.resumes.prefix(6)))
        let victim = try fixture.engine.candidates(namespace: "default")[2].id
        try fixture.engine.deleteCandidate(victim, namespace: "default")
        #expect(!(try fixture.engine.candidates(namespace: "default").map(\.id).contains(victim)))
        let others = try fixture.engine.candidates(namespace: "default")
        let similar = try fixture.engine.similarCandidates(to: others[0].id, namespace: "default", limit: 10)
        #expect(!similar.map(\.candidate.id).contains(victim) && similar.count == 4)
    }

    @Test("queries run while an ingest job is writing")
    func concurrentQueries() async throws {
        let fixture = try EngineFixture { $0.batchSize = 4 }
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        try await fixture.ingest(Array(Fixtures.resumes.prefix(10)))
        let job = try await engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let ingest = try engine.ingest(Fixtures.resumes.dropFirst(10).map { .file($0) }, namespace: "default")
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var seen = 0
                    for _ in 0..<10 {
                        seen = max(seen, try await engine.rank(job: job.id, namespace: "default", limit: 100).count)
                    }
                    return seen
                }
            }
            for try await seen in group { #expect(seen >= 10) }
        }
        #expect(await ingest.result().stored == Fixtures.resumes.count - 10)
        #expect(try await engine.rank(job: job.id, namespace: "default", limit: 100).count == Fixtures.resumes.count)
    }

    @Test("rank jobs for a candidate, and a job built in code")
    func rankJobsAndJobInCode() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        try await fixture.ingest([Fixtures.resume(1)])
        let candidate = try engine.candidates(namespace: "default")[0]
        let job = ParsedJob(
            source: "in-code", format: "txt", title: "Skills match",
            requiredSkills: candidate.skills.prefix(3).map {
                SkillMention(name: $0, category: .tools)
            }, preferredSkills: [], minimumYears: nil, requiredDegree: nil)
        let stored = try await engine.addJob(
            requirements: job, description: "A role for \(candidate.skills.prefix(3).joined(separator: ", ")).",
            namespace: "default")
        _ = try await engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        let ranked = try await engine.rankJobs(for: candidate.id, namespace: "default")
        #expect(ranked.count == 2)
        #expect(ranked[0].job == stored.id)
        #expect(ranked[0].result.matchedRequiredSkills.count == 3)
    }

    @Test("documents of a schema-v1 database are parsed, embedded and ranked when the engine opens")
    func completesMigratedDocuments() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let resume = try String(contentsOf: Fixtures.resume(1), encoding: .utf8)
        let job = try String(contentsOf: Fixtures.job("backend-engineer.txt"), encoding: .utf8)
        try await DatabaseQueue(path: folder.appendingPathComponent("engine.sqlite").path).write { db in
            try db.execute(
                sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1: documents');
                    CREATE TABLE document (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, source TEXT NOT NULL,
                      contentHash TEXT NOT NULL, format TEXT NOT NULL, text TEXT NOT NULL, pageCount INTEGER,
                      ingestedAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, UNIQUE (kind, contentHash));
                    INSERT INTO document (kind, source, contentHash, format, text) VALUES
                      ('resume', 'old.txt', 'aaa', 'txt', ?), ('job', 'job.txt', 'jjj', 'txt', ?);
                    """, arguments: [resume, job])
        }
        let engine = try await Engine.open(
            directory: folder, configuration: EngineConfiguration(provider: HashingEmbedder()))
        defer { engine.close() }
        let candidates = try engine.candidates(namespace: "default")
        #expect(candidates.map(\.id) == ["sha256:aaa"])
        #expect(candidates[0].name != nil && !candidates[0].skills.isEmpty)
        let jobs = try engine.jobs(namespace: "default")
        #expect(jobs.map(\.id) == ["sha256:jjj"])
        let ranked = try await engine.rank(job: "sha256:jjj", namespace: "default")
        #expect(ranked.count == 1 && ranked[0].result.component(.semantic) != nil)
    }

    @Test("configuration out of range is a typed error, not a crash")
    func invalidConfiguration() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = EngineConfiguration(provider: HashingEmbedder())
        configuration.batchSize = 0
        #expect(throws: EngineError.self) { try Engine(directory: folder, configuration: configuration) }
        configuration.batchSize = 8
        configuration.weights.semantic = -1
        #expect(throws: EngineError.self) { try Engine(directory: folder, configuration: configuration) }
    }
}

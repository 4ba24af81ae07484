import Foundation
import TestSupport
import Testing

/// The commands beyond `score`, on one engine, as a recruiter would chain them.
@Suite("match-tool jobs, candidates, rank, explain, status, db, end to end")
struct EngineCommandsTests {
    @Test("a job's life: add, list, rank, explain, move a candidate, read the history, remove")
    func workflow() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ["--db", folder.appendingPathComponent("db").path, "--provider", "hashing", "--quiet"]
        func run(_ arguments: [String]) throws -> MatchToolProcess.Result {
            try MatchToolProcess.run(arguments + engine)
        }

        let added = try MatchToolProcess.run(
            ["jobs", "add"] + engine + ["--id", "backend", Fixtures.job("backend-engineer.txt").path])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("backend"))
        let ingest = try MatchToolProcess.run(
            ["ingest"] + engine + [Fixtures.resume(1).path, Fixtures.resume(14).path, Fixtures.resume(7).path])
        #expect(ingest.status == 0, "\(ingest.standardError)")

        let jobs = try run(["jobs", "list", "--format", "json"])
        let job = try #require(
            try JSONSerialization.jsonObject(with: Data(jobs.standardOutput.utf8)) as? [String: Any])
        #expect(job["id"] as? String == "backend")
        #expect(job["title"] as? String == "Senior Backend Engineer")

        let candidates = try run(["candidates", "list", "--format", "json"])
        let ids = candidates.standardOutput.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids.count == 3)
        let first = try #require(ids.first)

        let shown = try run(["candidates", "show", first])
        #expect(shown.status == 0)
        #expect(shown.standardOutput.contains("versions:"))

        let ranked = try run(["rank", "--job", "backend", "--format", "json"])
        #expect(ranked.status == 0, "\(ranked.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(ranked.standardOutput.utf8)) as? [String: Any])
        #expect((report["candidates"] as? [[String: Any]])?.count == 3)

        let explained = try run(["explain", "--job", "backend", "--candidate", first])
        #expect(explained.status == 0)
        #expect(explained.standardOutput.contains("required skills"))

        #expect(
            try run(["status", "set", "--job", "backend", "--candidate", first, "screened", "--note", "good"]).status
                == 0)
        #expect(try run(["status", "set", "--job", "backend", "--candidate", first, "interviewing"]).status == 0)
        let backwards = try run(["status", "set", "--job", "backend", "--candidate", first, "screened"])
        #expect(backwards.status == 1)
        #expect(backwards.standardError.contains("cannot move from interviewing to screened"))
        let history = try run(["status", "history", "--job", "backend", "--candidate", first])
        #expect(history.standardOutput.contains("new") && history.standardOutput.contains("good"))
        let show = try run(["status", "show", "--job", "backend"])
        #expect(show.standardOutput.contains("\(first)  interviewing"))

        let stats = try run(["db", "stats", "--format", "json"])
        let counts = try #require(
            try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any])
        #expect(counts["namespaces"] as? Int == 1)
        #expect(counts["candidates"] as? Int == 3)
        #expect(counts["jobs"] as? Int == 1)
        #expect(counts["documents"] as? Int == 4)
        #expect((counts["chunks"] as? Int ?? 0) >= 4)
        #expect((counts["vectors"] as? Int ?? 0) >= 8)

        let check = try run(["db", "check"])
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("database integrity: ok"))
        let rebuilt = try run(["db", "rebuild-index"])
        let expected = "namespace default: candidate index rebuilt with 3 vectors, chunk index with "
        #expect(rebuilt.standardOutput.contains(expected))

        #expect(try run(["candidates", "rm", first]).status == 0)
        #expect(try run(["candidates", "show", first]).status == 66)
        #expect(try run(["jobs", "rm", "backend"]).status == 0)
        #expect(try run(["rank", "--job", "backend"]).status == 66)
        let after = try run(["db", "stats", "--format", "json"])
        let remaining = try #require(
            try JSONSerialization.jsonObject(with: Data(after.standardOutput.utf8)) as? [String: Any])
        #expect(remaining["candidates"] as? Int == 2)
        #expect(remaining["jobs"] as? Int == 0)
    }

    @Test("a corrupt index file is rebuilt when the engine opens; db check is then clean")
    func corruptIndex() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db")
        let engine = ["--db", database.path, "--provider", "hashing", "--quiet"]
        #expect(try MatchToolProcess.run(["ingest"] + engine + [Fixtures.resume(1).path]).status == 0)
        let indexes = database.appendingPathComponent("indexes")
        let file = indexes.appendingPathComponent(
            try #require(try FileManager.default.contentsOfDirectory(atPath: indexes.path).first))
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: file)
        let check = try MatchToolProcess.run(["db", "check", "--format", "json"] + engine)
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("\"indexFileReadable\":true"))
    }
}

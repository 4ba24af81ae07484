import Foundation
import TestSupport
import Testing

/// Runs the built `match-tool` binary as a user would and reads its output and exit status.
@Suite("match-tool ingest, end to end")
struct IngestCommandTests {
    @Test("ingests the fixture resumes and a job, and prints a table")
    func ingestFixtures() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("engine").path
        let run = try MatchToolProcess.run([
            "ingest", "--db", database, "--provider", "hashing", "--job", Fixtures.job("backend-engineer.txt").path,
            Fixtures.root.appendingPathComponent("resumes").path,
        ])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        for resume in Fixtures.resumes {
            #expect(run.standardOutput.contains(resume.lastPathComponent))
        }
        #expect(run.standardOutput.contains("\(Fixtures.resumes.count) candidates and 1 jobs"))

        let second = try MatchToolProcess.run([
            "ingest", "--db", database, "--provider", "hashing", Fixtures.resume(1).path,
        ])
        #expect(second.status == 0)
        #expect(second.standardOutput.contains("already stored"))
    }

    @Test("a bad file is reported on stderr, the others are stored, and the exit status is 1")
    func badFileInBatch() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("garbage.pdf")
        try Data([0, 1, 2, 3, 255, 254]).write(to: bad)
        let run = try MatchToolProcess.run([
            "ingest", "--db", folder.appendingPathComponent("engine").path, "--provider", "hashing", bad.path,
            Fixtures.resume(2).path,
        ])
        #expect(run.status == 1)
        #expect(run.standardError.contains("garbage.pdf: unsupported format"))
        #expect(run.standardOutput.contains(Fixtures.resume(2).lastPathComponent))
        #expect(run.standardOutput.contains("1 candidates and 0 jobs"))
    }

    @Test("no input is a usage error")
    func usageError() throws {
        let run = try MatchToolProcess.run(["ingest"])
        #expect(run.status == 64)
        #expect(run.standardError.contains("at least one resume"))
    }
}

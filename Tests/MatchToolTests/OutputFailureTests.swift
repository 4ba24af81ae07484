import Foundation
import TestSupport
import Testing

/// Results that cannot be written (a full disk) must not look like a success.
@Suite("match-tool reports write errors on standard output")
struct OutputFailureTests {
    static func full() throws -> FileHandle {
        try #require(FileHandle(forWritingAtPath: "/dev/full"), "/dev/full is missing on this machine")
    }

    @Test("parse, parse-job, embed, ingest, score and jobs list into /dev/full exit 74 with a message")
    func devFull() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = folder.appendingPathComponent("lines.txt")
        try "one\ntwo\n".write(to: lines, atomically: true, encoding: .utf8)
        let commands: [[String]] = [
            ["parse", Fixtures.resume(1).path],
            ["parse", "--format", "table", Fixtures.resume(2).path],
            ["parse-job", Fixtures.job("backend-engineer.txt").path],
            ["embed", lines.path, "--provider", "hashing"],
            ["embed", lines.path, "--provider", "hashing", "--format", "f32"],
            [
                "ingest", "--db", folder.appendingPathComponent("engine").path, "--provider", "hashing",
                Fixtures.resume(1).path,
            ],
            [
                "score", "--db", folder.appendingPathComponent("engine").path, "--provider", "hashing", "--job",
                Fixtures.job("backend-engineer.txt").path, Fixtures.resume(1).path, "--format", "csv",
            ],
            ["jobs", "list", "--db", folder.appendingPathComponent("engine").path, "--provider", "hashing"],
        ]
        for arguments in commands {
            let run = try MatchToolProcess.run(arguments, standardOutput: try Self.full())
            #expect(run.status == 74, "\(arguments): \(run.status)")
            #expect(
                run.standardError.contains("cannot write to standard output: No space left on device"),
                "\(arguments): \(run.standardError)")
        }
    }

    @Test("the same commands into a pipe still exit 0")
    func pipeStillWorks() throws {
        let run = try MatchToolProcess.run(["parse", Fixtures.resume(1).path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardOutput.isEmpty)
    }
}

@Suite("match-tool output files")
struct OutputFileTests {
    @Test("an output file in a folder that does not exist is named with the system's reason")
    func missingFolder() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = folder.appendingPathComponent("lines.txt")
        try "one\n".write(to: lines, atomically: true, encoding: .utf8)
        let run = try MatchToolProcess.run(
            ["embed", lines.path, "--provider", "hashing", "--output", "/nonexistent/folder/vectors.json"])
        #expect(run.status == 74)
        #expect(
            run.standardError.contains("cannot write to /nonexistent/folder/vectors.json: No such file or directory"),
            "\(run.standardError)")
    }
}

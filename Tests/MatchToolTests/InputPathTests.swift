import Foundation
import TestSupport
import Testing

/// Folders, links and odd names on the command line: nothing skipped in silence, no Foundation jargon.
@Suite("match-tool input paths")
struct InputPathTests {
    @Test("a symlinked resume in a folder is parsed; a loop and a hidden file are reported as skipped")
    func symlinksInFolder() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("cvs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let resume = Fixtures.resume(1)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("linked-" + resume.lastPathComponent).path,
            withDestinationPath: resume.path)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("loop.pdf").path, withDestinationPath: "loop.pdf")
        let run = try MatchToolProcess.run(["parse", folder.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.split(separator: "\n").count == 1)
        #expect(run.standardError.contains("loop.pdf: skipped, a symbolic link that loops"), "\(run.standardError)")
    }

    @Test("an empty folder and a missing path are errors with status 1, not silence")
    func emptyFolder() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try MatchToolProcess.run(["parse", root.path, root.appendingPathComponent("nope.pdf").path])
        #expect(run.status == 1)
        #expect(run.standardError.contains("\(root.path): the folder has no files to read"), "\(run.standardError)")
        #expect(run.standardError.contains("nope.pdf: no such file or folder"), "\(run.standardError)")
    }

    @Test("a folder given as the job is named as a folder, without NSCocoaErrorDomain")
    func jobFolder() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try MatchToolProcess.run([
            "score", "--db", root.appendingPathComponent("engine").path, "--provider", "hashing", "--job", root.path,
            Fixtures.resume(1).path,
        ])
        #expect(run.status == 66)
        #expect(run.standardError.contains("it is a folder, not a file"), "\(run.standardError)")
        #expect(!run.standardError.contains("NSCocoaErrorDomain"))
    }

    @Test("a file name with a newline cannot forge a line on standard error")
    func newlineInName() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let name = "cv\nerror: everything is fine.pdf"
        try Data("%PDF-1.4 broken".utf8).write(to: root.appendingPathComponent(name))
        let run = try MatchToolProcess.run(["parse", root.appendingPathComponent(name).path])
        #expect(run.status == 1)
        #expect(run.standardError.contains("cv\\nerror: everything is fine.pdf: "), "\(run.standardError)")
        #expect(!run.standardError.split(separator: "\n").contains { $0.hasPrefix("error: everything is fine") })
    }

    @Test("embed on a missing file says so in plain words")
    func embedMissing() throws {
        let run = try MatchToolProcess.run(["embed", "/nonexistent/lines.txt", "--provider", "hashing"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("/nonexistent/lines.txt: no such file"), "\(run.standardError)")
        #expect(!run.standardError.contains("operation could not be completed"))
    }
}

/// Paths that name no ordinary file, names made to forge terminal output, the same file named twice.
@Suite("match-tool odd inputs")
struct OddInputTests {
    @Test("a named pipe given as the job is refused at once as not a regular file")
    func pipeAsJob() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let pipe = root.appendingPathComponent("job.fifo")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let run = try MatchToolProcess.run([
            "score", "--db", root.appendingPathComponent("engine").path, "--provider", "hashing", "--job", pipe.path,
            Fixtures.resume(1).path,
        ])
        #expect(run.status == 66)
        #expect(run.standardError.contains("not a regular file"), "\(run.standardError)")
    }

    @Test("a failing file whose name holds terminal escapes is escaped in the summary too")
    func escapesInSummary() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let name = "bad\u{1B}]0;title\u{07}\nerror: forged.pdf"
        try Data("%PDF-1.4 broken".utf8).write(to: root.appendingPathComponent(name))
        let run = try MatchToolProcess.run([
            "score", "--db", root.appendingPathComponent("engine").path, "--provider", "hashing", "--job",
            Fixtures.job("backend-engineer.txt").path, root.appendingPathComponent(name).path, Fixtures.resume(1).path,
        ])
        #expect(run.status == 1, "\(run.standardError)")
        #expect(!run.standardError.contains("\u{1B}") && !run.standardError.contains("\u{07}"), "\(run.standardError)")
        #expect(!run.standardError.split(separator: "\n").contains { $0.hasPrefix("error: forged") })
        #expect(run.standardError.contains("failed:\n"), "\(run.standardError)")
    }

    @Test("the same file named twice, and through its folder, is read and counted once")
    func sameFileTwice() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("cvs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let resume = folder.appendingPathComponent("cv.txt")
        try FileManager.default.copyItem(at: Fixtures.resume(1), to: resume)
        let run = try MatchToolProcess.run([
            "score", "--db", root.appendingPathComponent("engine").path, "--provider", "hashing", "--job",
            Fixtures.job("backend-engineer.txt").path, "--format", "csv", resume.path, folder.path,
            folder.path + "/./cv.txt",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("1 file(s): 1 stored"), "\(run.standardError)")
        #expect(run.standardOutput.split(whereSeparator: \.isNewline).count == 2, "\(run.standardOutput)")
    }
}

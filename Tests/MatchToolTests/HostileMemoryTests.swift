import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Peak memory of `match-tool parse` over the whole hostile corpus (Fixtures/hostile), as GNU time
/// reports it for the tool's process alone.
@Suite("Hostile-input corpus, memory")
struct HostileMemoryTests {
    /// Runs `executable arguments` under GNU time with output discarded; returns its exit status and
    /// peak resident set size in bytes.
    ///
    /// Not `wait4` on a child spawned from here: `posix_spawn` starts the child in this process's memory
    /// (vfork), and Linux carries that memory's high-water mark into the child's `ru_maxrss`, so the
    /// figure was the test runner's own size whenever it was the larger. GNU time forks the tool from
    /// its own small process, and reports the tool's figure alone.
    static func peakMemory(_ executable: String, _ arguments: [String]) throws -> (status: Int32, bytes: Int) {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else {
            throw POSIXError(.ENOENT)  // the test fails: install Debian's `time` package
        }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("peak-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([time, "-f", "%M", "-o", report.path, executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, time, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // GNU time writes the peak in kilobytes, after a "Command exited with non-zero status" line if any.
        let text = try String(contentsOf: report, encoding: .utf8)
        let kilobytes = text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        return ((status >> 8) & 0xFF, kilobytes * 1024)
    }

    /// The files that inflate to tens of megabytes; each is measured in a process of its own, so that the
    /// figure is that file's. (`parse` works on every core: the rest of the corpus together is one run.)
    static let heavy = [
        "docx-total-budget.docx", "docx-zip-bomb.docx", "docx-header-bomb.docx", "docx-part-11mb-text.docx",
        "docx-part-just-under-limit.docx", "pdf-flate-bomb.pdf",
    ]

    @Test("no hostile file takes match-tool parse over 300 MB of peak memory")
    func peak() throws {
        let tool = MatchToolProcess.productsDirectory.appendingPathComponent("match-tool").path
        let folder = Fixtures.root.appendingPathComponent("hostile")
        let light = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0 != "expected.json" && !Self.heavy.contains($0) }.sorted()
        #expect(light.count >= 60)
        let runs = Self.heavy.map { [$0] } + [light]
        var largest = 0
        for names in runs {
            let (status, bytes) = try Self.peakMemory(
                tool, ["parse"] + names.map { folder.appendingPathComponent($0).path })
            #expect(status == 0 || status == 1, "\(names.count == 1 ? names[0] : "the rest"): status \(status)")
            #expect(bytes > 1_000_000, "the measurement works")
            #expect(
                bytes < 300_000_000, "\(names.count == 1 ? names[0] : "the rest"): peak RSS \(bytes / 1_000_000) MB")
            largest = max(largest, bytes)
        }
        print("hostile corpus: largest match-tool parse peak RSS \(largest / 1_000_000) MB")
    }
}

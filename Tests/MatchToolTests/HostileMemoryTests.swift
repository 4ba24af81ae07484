import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Peak memory of `match-tool parse` over the whole hostile corpus (Fixtures/hostile), measured by the
/// kernel for that one child process.
@Suite("Hostile-input corpus, memory")
struct HostileMemoryTests {
    /// Runs `executable arguments` with output discarded; returns its exit status and peak resident set
    /// size in bytes (from `wait4`).
    static func peakMemory(_ executable: String, _ arguments: [String]) throws -> (status: Int32, bytes: Int) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        // The child's own high-water mark (VmHWM), read while it runs. `ru_maxrss` from wait4 is not the
        // child's alone: posix_spawn shares the parent's memory until exec, and Linux carries that
        // memory's high-water mark into the child's, so a test runner over 300 MB (the whole suite in
        // parallel) made every file "use" the runner's size.
        var highWater = 0
        var status: Int32 = 0
        var usage = rusage()
        while true {
            highWater = max(highWater, Self.highWaterKiB(pid) * 1024)
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            usleep(2_000)
        }
        // ru_maxrss (kilobytes) only when the child ended before it could be read; the exit status is in
        // bits 8-15 of a normal exit.
        return ((status >> 8) & 0xFF, highWater > 0 ? highWater : usage.ru_maxrss * 1024)
    }

    /// `VmHWM` of a running process in KiB, 0 when it cannot be read.
    static func highWaterKiB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
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

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
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // ru_maxrss is in kilobytes on Linux; the exit status is in bits 8-15 of a normal exit.
        return ((status >> 8) & 0xFF, usage.ru_maxrss * 1024)
    }

    @Test("parsing every hostile file stays under 300 MB of peak memory")
    func peak() throws {
        let tool = MatchToolProcess.productsDirectory.appendingPathComponent("match-tool").path
        let folder = Fixtures.root.appendingPathComponent("hostile").path
        let (status, bytes) = try Self.peakMemory(tool, ["parse", folder])
        #expect(status == 1, "some hostile files fail, so the status is 1")
        #expect(bytes > 1_000_000, "the measurement works")
        #expect(bytes < 300_000_000, "peak RSS \(bytes / 1_000_000) MB")
        print("hostile corpus: match-tool parse peak RSS \(bytes / 1_000_000) MB")
    }
}

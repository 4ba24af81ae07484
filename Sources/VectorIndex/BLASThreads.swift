import CBLAS

/// The one owner of OpenBLAS's process-wide thread count. ``ExactIndex/search(batch:k:)`` and the
/// MiniLM forward pass run under whatever it is set to.
///
/// Code that needs single-threaded BLAS for a while (because it runs its own workers, one product each)
/// asks through ``withSingleThread(_:)``, which nests and overlaps safely and puts the previous count
/// back when the last such scope ends; ``set(_:)`` is for hosts that choose a count for the process.
public enum BLASThreads {
    private struct Scopes {
        var active = 0
        var previous = 1
    }

    private static let scopes = Locked(Scopes())

    /// Sets the process-wide OpenBLAS thread count.
    ///
    /// - Precondition: `count` ≥ 1.
    public static func set(_ count: Int) {
        precondition(count >= 1, "thread count must be positive")
        openblas_set_num_threads(Int32(clamping: count))
    }

    /// The current process-wide OpenBLAS thread count.
    public static var current: Int { Int(openblas_get_num_threads()) }

    /// Runs `body` with OpenBLAS on one thread; the count in force before the first of any overlapping
    /// scopes is restored when the last one ends.
    public static func withSingleThread<T>(_ body: () throws -> T) rethrows -> T {
        enterSingleThread()
        defer { leaveSingleThread() }
        return try body()
    }

    /// The same for asynchronous work (an ingest job that parses on some cores while it embeds on others).
    public static func withSingleThread<T>(_ body: () async throws -> T) async rethrows -> T {
        enterSingleThread()
        defer { leaveSingleThread() }
        return try await body()
    }

    private static func enterSingleThread() {
        scopes.withLock { scopes in
            if scopes.active == 0 {
                scopes.previous = current
                openblas_set_num_threads(1)
            }
            scopes.active += 1
        }
    }

    private static func leaveSingleThread() {
        scopes.withLock { scopes in
            scopes.active -= 1
            if scopes.active == 0 { openblas_set_num_threads(Int32(clamping: scopes.previous)) }
        }
    }
}

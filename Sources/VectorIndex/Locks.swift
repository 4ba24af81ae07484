#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A reader-writer lock: many readers or one writer. ``HNSWIndex`` takes it shared for searches and
/// inserts (which coordinate among themselves with finer locks) and exclusively to reallocate or
/// compact its memory.
final class ReadWriteLock: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        #if canImport(Glibc)
            // Prefer a waiting writer, so that a steady stream of searches cannot starve a resize.
            var attributes = pthread_rwlockattr_t()
            pthread_rwlockattr_init(&attributes)
            pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
            pthread_rwlock_init(lock, &attributes)
            pthread_rwlockattr_destroy(&attributes)
        #else
            pthread_rwlock_init(lock, nil)
        #endif
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func withReadLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    func withWriteLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}

/// A fixed set of mutexes, node `n` guarded by mutex `n % count`: the link lists of a graph are
/// modified under the lock of their node without a mutex per node. Never hold two at once.
final class StripedLocks: @unchecked Sendable {
    private let mutexes: UnsafeMutablePointer<pthread_mutex_t>
    private let count: Int

    init(count: Int = 4096) {
        self.count = count
        mutexes = .allocate(capacity: count)
        for i in 0..<count {
            (mutexes + i).initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutexes + i, nil)
        }
    }

    deinit {
        for i in 0..<count { pthread_mutex_destroy(mutexes + i) }
        mutexes.deallocate()
    }

    @inline(__always)
    func withLock<T>(for node: UInt32, _ body: () throws -> T) rethrows -> T {
        let mutex = mutexes + Int(node) % count
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// A value guarded by a pthread mutex.
///
/// Used instead of the standard library's `Mutex`, whose Linux implementation waits on futexes
/// directly: ThreadSanitizer cannot see that synchronisation and reports false races, and this
/// module's concurrency is checked under ThreadSanitizer.
package final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    package init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

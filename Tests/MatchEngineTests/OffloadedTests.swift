import Dispatch
import Foundation
import ParallelWork
import Synchronization
import Testing

/// `Offloaded`: the work runs once, on a dispatch thread or on the caller, and never waits on a pool
/// that has no thread for it (an open builds its roster this way).
@Suite("Offloaded work")
struct OffloadedTests {
    @Test("every value is computed exactly once, whichever thread takes it")
    func once() {
        let runs = Atomic<Int>(0)
        let works = (0..<1_000).map { number in
            Offloaded {
                runs.add(1, ordering: .relaxed)
                return number * 2
            }
        }
        #expect(works.map(\.value) == (0..<1_000).map { $0 * 2 })
        #expect(runs.load(ordering: .relaxed) == 1_000)
    }

    /// Waiting on the dispatched block instead took about 7 s here: libdispatch adds a thread only after a stall.
    @Test("the caller computes the value at once when every dispatch thread is blocked")
    func starvedPool() {
        let release = DispatchSemaphore(value: 0)
        let blockers = 4 * ProcessInfo.processInfo.activeProcessorCount
        let started = DispatchSemaphore(value: 0)
        for _ in 0..<blockers {
            DispatchQueue.global(qos: .userInitiated).async {
                started.signal()
                release.wait()
            }
        }
        // At least the pool's width is blocked before the work is offloaded.
        for _ in 0..<ProcessInfo.processInfo.activeProcessorCount { started.wait() }
        let done = DispatchSemaphore(value: 0)
        let value = Mutex<Int?>(nil)
        let reader = Thread {
            let work = Offloaded { 42 }
            value.withLock { $0 = work.value }
            done.signal()
        }
        reader.start()
        let finished = done.wait(timeout: .now() + 3) == .success
        for _ in 0..<blockers { release.signal() }
        if !finished { done.wait() }
        #expect(finished, "the value waited for a thread of the blocked pool")
        #expect(value.withLock { $0 } == 42)
    }
}

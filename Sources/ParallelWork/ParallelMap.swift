import Dispatch
import Foundation
import Synchronization

/// The package's one way to run work items on several threads: the HNSW build and batch search, MiniLM's
/// batches and tokenization, and `match-tool`'s parsing and scoring of many files.
///
/// Workers take item indexes one at a time from a shared counter, so uneven items balance themselves;
/// results land in ``ResultSlots``, one slot per item, and come back in input order.
package enum ParallelMap {
    /// `transform` applied to every input, on every core; the outputs in input order.
    package static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let slots = ResultSlots<Output?>(count: inputs.count, initial: nil)
        forEach(count: inputs.count, threads: inputs.count) { index in slots.set(index, transform(inputs[index])) }
        return slots.values.compactMap { $0 }  // every slot was set
    }

    /// The threads for `count` short items of a query (scores, estimates): every core, or the caller's thread
    /// alone under 16 items, where handing work to another thread costs more than it saves.
    package static func threads(forItems count: Int) -> Int {
        count < 16 ? 1 : ProcessInfo.processInfo.activeProcessorCount
    }

    /// Runs `body(i)` for every `i` in `0..<count` on up to `threads` threads (the caller's thread alone
    /// when that is 1); returns when all have run. `body` must be safe to call concurrently.
    package static func forEach(count: Int, threads: Int, _ body: (Int) -> Void) {
        forEach(count: count, threads: threads, workerState: {}) { _, index in body(index) }
    }

    /// ``forEach(count:threads:_:)`` with state private to each worker (a scratch buffer, a workspace):
    /// `workerState` is called once per worker, and `body` gets that worker's state for each item it runs.
    package static func forEach<State>(
        count: Int, threads: Int, workerState: () -> State, _ body: (inout State, Int) -> Void
    ) {
        guard count > 0 else { return }
        let workers = max(1, min(threads, count))
        if workers == 1 {
            var state = workerState()
            for index in 0..<count { body(&state, index) }
            return
        }
        let next = Atomic<Int>(0)
        func work() {
            var state = workerState()
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                if index >= count { break }
                body(&state, index)
            }
        }
        withoutActuallyEscaping(work) { work in
            let shared = UncheckedSendable(work)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in shared.value() }
        }
    }
}

/// Carries a closure the caller promises is safe to call concurrently into `concurrentPerform`.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

import Dispatch
import Foundation

/// Work handed to a dispatch thread that the caller runs itself when no thread has taken it by the time
/// the result is needed: a starved thread pool (every worker blocked, say in other opens) delays it but
/// never deadlocks it, as waiting on a dispatched block could.
package final class Offloaded<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// The work until a thread takes it (guarded by `condition`).
    private var work: (@Sendable () -> Value)?
    private var result: Value?

    /// Starts `work` on a dispatch thread when one is free.
    package init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        DispatchQueue.global(qos: .userInitiated).async { self.runIfUntaken() }
    }

    /// The result: computed on the calling thread if no other thread took the work, else awaited.
    package var value: Value {
        runIfUntaken()
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return result }
            condition.wait()
        }
    }

    private func runIfUntaken() {
        condition.lock()
        let taken = work
        work = nil
        condition.unlock()
        guard let taken else { return }
        let computed = taken()
        condition.lock()
        result = computed
        condition.broadcast()
        condition.unlock()
    }
}

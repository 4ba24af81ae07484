import Dispatch

/// Maps on every core, keeping the input order; each result lands in its own ``ResultSlots`` slot.
package enum ParallelMap {
    package static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let slots = ResultSlots<Output?>(count: inputs.count, initial: nil)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            slots.set(index, transform(inputs[index]))
        }
        return slots.values.compactMap { $0 }  // every slot was set
    }
}

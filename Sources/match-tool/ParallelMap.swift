import Dispatch
import VectorIndex

/// Maps on every core, keeping the input order.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let slots = ResultSlots<Output?>(count: inputs.count, initial: nil)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            slots.set(index, transform(inputs[index]))
        }
        return slots.values.compactMap { $0 }  // every slot was set
    }
}

/// One result slot per work item, written by whichever thread did that item. The slots live in one
/// fixed buffer, so threads writing different slots never touch shared state (unlike an `Array`,
/// whose mutation goes through its shared header).
package final class ResultSlots<Element>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Element>
    private let count: Int

    package init(count: Int, initial: Element) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    package func set(_ index: Int, _ value: Element) { slots[index] = value }

    /// The results; read after every writer has finished.
    package var values: [Element] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}

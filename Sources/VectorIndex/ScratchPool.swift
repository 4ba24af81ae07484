/// Lends ``SearchScratch`` buffers to concurrent searches so that none allocates its own.
final class ScratchPool: Sendable {
    private let free = Locked<[SearchScratch]>([])
    private let maxLinks0: Int

    init(maxLinks0: Int) {
        self.maxLinks0 = maxLinks0
    }

    func withScratch<T>(nodeCapacity: Int, _ body: (SearchScratch) throws -> T) rethrows -> T {
        let scratch =
            free.withLock { $0.popLast() } ?? SearchScratch(nodeCapacity: nodeCapacity, maxLinks0: maxLinks0)
        defer { free.withLock { $0.append(scratch) } }
        scratch.beginSearch(nodeCapacity: nodeCapacity)
        return try body(scratch)
    }
}

/// The `k` smallest-distance neighbours seen so far: a bounded max-heap whose root is the worst kept.
///
/// - Complexity: O(log k) per ``insert(id:distance:)``.
struct TopK {
    let k: Int
    private(set) var heap: [Neighbor] = []

    init(k: Int) {
        self.k = k
        heap.reserveCapacity(k)
    }

    /// The distance a candidate must beat to enter; infinity until `k` are kept.
    var threshold: Float { heap.count < k ? .infinity : heap[0].distance }

    mutating func insert(id: UInt64, distance: Float) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append(Neighbor(id: id, distance: distance))
            siftUp(heap.count - 1)
        } else if Self.isWorse(heap[0], than: Neighbor(id: id, distance: distance)) {
            heap[0] = Neighbor(id: id, distance: distance)
            siftDown(0)
        }
    }

    /// The kept neighbours, nearest first (ties broken by smaller id, so results are deterministic).
    func sorted() -> [Neighbor] {
        heap.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
    }

    /// Farther, or as far with a larger id: the heap's order, so which of equally distant neighbours stay
    /// at the cut does not depend on the order they were seen in.
    private static func isWorse(_ a: Neighbor, than b: Neighbor) -> Bool {
        a.distance > b.distance || (a.distance == b.distance && a.id > b.id)
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.isWorse(heap[child], than: heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            var largest = left
            if right < heap.count && Self.isWorse(heap[right], than: heap[left]) { largest = right }
            guard Self.isWorse(heap[largest], than: heap[parent]) else { return }
            heap.swapAt(largest, parent)
            parent = largest
        }
    }
}

/// An order in which ``BoundedBest`` keeps the best elements: `ranksBelow` must be a strict total order on
/// the elements offered (ties broken, as by a key), so that what is kept does not depend on the order of
/// the offers.
protocol BestOrdered {
    static func ranksBelow(_ a: Self, _ b: Self) -> Bool
}

/// The `capacity` best elements offered, in a min-heap of their worst: an offer no better than the worst
/// kept costs one comparison, another O(log `capacity`).
struct BoundedBest<Element: BestOrdered> {
    let capacity: Int
    private var heap: [Element] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(min(self.capacity, 4_096))
    }

    var isFull: Bool { heap.count >= capacity }
    /// The worst element kept.
    var worst: Element? { heap.first }

    /// The elements kept, best first.
    var bestFirst: [Element] { heap.sorted { Element.ranksBelow($1, $0) } }

    mutating func offer(_ element: Element) {
        if heap.count < capacity {
            heap.append(element)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Element.ranksBelow(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if let worst = heap.first, Element.ranksBelow(worst, element) {
            heap[0] = element
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var lowest = parent
                if left < heap.count, Element.ranksBelow(heap[left], heap[lowest]) { lowest = left }
                if right < heap.count, Element.ranksBelow(heap[right], heap[lowest]) { lowest = right }
                if lowest == parent { return }
                heap.swapAt(parent, lowest)
                parent = lowest
            }
        }
    }
}

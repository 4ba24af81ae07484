/// A node and its distance to the query, as kept in search heaps.
struct Candidate {
    var distance: Float
    var node: UInt32
}

/// A binary max-heap of candidates by distance over caller-owned memory, so searches never allocate.
/// Min-heap behaviour comes from pushing negated distances.
struct CandidateHeap {
    private(set) var storage: UnsafeMutablePointer<Candidate>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    func deallocate() { storage.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The largest distance kept. Only valid when not empty.
    @inline(__always) var top: Candidate { storage[0] }

    @inline(__always) mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func push(_ distance: Float, _ node: UInt32) {
        if count == capacity { reserve(capacity * 2) }
        var child = count
        count += 1
        while child > 0 {
            let parent = (child - 1) >> 1
            guard storage[parent].distance < distance else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = Candidate(distance: distance, node: node)
    }

    @inline(__always)
    @discardableResult
    mutating func pop() -> Candidate {
        let result = storage[0]
        count -= 1
        if count > 0 {
            let last = storage[count]
            var parent = 0
            while true {
                var child = 2 * parent + 1
                if child >= count { break }
                if child + 1 < count && storage[child + 1].distance > storage[child].distance { child += 1 }
                guard storage[child].distance > last.distance else { break }
                storage[parent] = storage[child]
                parent = child
            }
            storage[parent] = last
        }
        return result
    }

    /// Empties the heap, returning its candidates nearest first.
    mutating func removeAllAscending() -> [Candidate] {
        var sorted = [Candidate](repeating: Candidate(distance: 0, node: 0), count: count)
        var slot = count
        while !isEmpty {
            slot -= 1
            sorted[slot] = pop()
        }
        return sorted
    }

    /// The kept candidates in heap order.
    var elements: UnsafeBufferPointer<Candidate> { UnsafeBufferPointer(start: storage, count: count) }

    private mutating func reserve(_ newCapacity: Int) {
        let grown = UnsafeMutablePointer<Candidate>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }
}

/// Per-search working memory, reused across searches through ``ScratchPool``: a generation-tagged
/// visited set (no clearing between searches), the two heaps, and buffers for one node's neighbours.
///
/// `@unchecked Sendable`: the pool hands each scratch to one search at a time, under its mutex.
final class SearchScratch: @unchecked Sendable {
    private(set) var visited: UnsafeMutablePointer<UInt16>
    private(set) var visitedCapacity: Int
    private(set) var generation: UInt16 = 0
    var candidates = CandidateHeap(capacity: 256)
    var results = CandidateHeap(capacity: 256)
    let neighbourIDs: UnsafeMutablePointer<UInt32>
    let neighbourDistances: UnsafeMutablePointer<Float>

    init(nodeCapacity: Int, maxLinks0: Int) {
        visitedCapacity = nodeCapacity
        visited = .allocate(capacity: nodeCapacity)
        visited.initialize(repeating: 0, count: nodeCapacity)
        neighbourIDs = .allocate(capacity: maxLinks0 + 1)
        neighbourDistances = .allocate(capacity: maxLinks0 + 1)
    }

    deinit {
        visited.deallocate()
        candidates.deallocate()
        results.deallocate()
        neighbourIDs.deallocate()
        neighbourDistances.deallocate()
    }

    /// Starts a new search over `nodeCapacity` nodes: every node reads as unvisited.
    @inline(__always)
    func beginSearch(nodeCapacity: Int) {
        if nodeCapacity > visitedCapacity {
            visited.deallocate()
            visitedCapacity = max(nodeCapacity, visitedCapacity * 2)
            visited = .allocate(capacity: visitedCapacity)
            visited.initialize(repeating: 0, count: visitedCapacity)
            generation = 0
        }
        generation &+= 1
        if generation == 0 {
            visited.update(repeating: 0, count: visitedCapacity)
            generation = 1
        }
        candidates.removeAll()
        results.removeAll()
    }

    /// Marks `node` visited; returns whether it was already. (``HNSWIndex``'s hot loop inlines this.)
    @inline(__always)
    func visit(_ node: UInt32) -> Bool {
        let slot = visited + Int(node)
        if slot.pointee == generation { return true }
        slot.pointee = generation
        return false
    }
}

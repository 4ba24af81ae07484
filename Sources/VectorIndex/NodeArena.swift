import CKernels

/// The memory of an HNSW graph: for every node, its vector and its level-0 links side by side in one
/// 64-byte-aligned row (so a visit touches one contiguous block), plus its label, level, flags and, for
/// nodes above level 0, a separately allocated block of upper-level links.
///
/// Row layout: `[vector: dimension floats, padded to 64 bytes][count: UInt32][links: maxLinks0 × UInt32]`,
/// the row padded to a multiple of 64 bytes. A link list is `[count, id, id, ...]`.
///
/// Not synchronised: ``HNSWIndex`` owns the locking. Rows are published to readers with release
/// stores of their ids (see `ck_store_release_u32`).
final class NodeArena {
    let dimension: Int
    let maxLinks0: Int
    let maxLinks: Int
    /// Bytes from a row's start to its level-0 link list.
    let linksOffset: Int
    /// Bytes per row.
    let stride: Int
    private(set) var capacity: Int
    private(set) var rows: UnsafeMutableRawPointer
    private(set) var labels: UnsafeMutablePointer<UInt64>
    private(set) var levels: UnsafeMutablePointer<UInt8>
    /// Bit 0: the node is deleted (a tombstone). Read and written with acquire/release atomics.
    private(set) var flags: UnsafeMutablePointer<UInt8>
    private(set) var upperLinks: UnsafeMutablePointer<UnsafeMutablePointer<UInt32>?>

    static let alignment = 64

    init(dimension: Int, maxLinks: Int, capacity: Int) {
        self.dimension = dimension
        self.maxLinks = maxLinks
        self.maxLinks0 = 2 * maxLinks
        linksOffset = Self.roundUp(dimension * MemoryLayout<Float>.size)
        stride = Self.stride(dimension: dimension, maxLinks: maxLinks)
        self.capacity = max(capacity, 1)
        rows = UnsafeMutableRawPointer.allocate(byteCount: self.capacity * stride, alignment: Self.alignment)
        labels = .allocate(capacity: self.capacity)
        levels = .allocate(capacity: self.capacity)
        flags = .allocate(capacity: self.capacity)
        upperLinks = .allocate(capacity: self.capacity)
        upperLinks.initialize(repeating: nil, count: self.capacity)
        flags.initialize(repeating: 0, count: self.capacity)
    }

    deinit {
        for node in 0..<capacity { upperLinks[node]?.deallocate() }
        rows.deallocate()
        labels.deallocate()
        levels.deallocate()
        flags.deallocate()
        upperLinks.deallocate()
    }

    static func roundUp(_ bytes: Int) -> Int { (bytes + alignment - 1) / alignment * alignment }

    /// Bytes per row for vectors of `dimension` floats and `2 × maxLinks` level-0 links.
    static func stride(dimension: Int, maxLinks: Int) -> Int {
        roundUp(roundUp(dimension * MemoryLayout<Float>.size) + (1 + 2 * maxLinks) * MemoryLayout<UInt32>.size)
    }

    /// Bytes a node uses (row, label, level, flags, upper links), for memory reports.
    func bytesUsed(nodes: Int) -> Int {
        var total = capacity * (stride + MemoryLayout<UInt64>.size + 2 + MemoryLayout<UnsafeMutableRawPointer?>.size)
        for node in 0..<nodes where levels[node] > 0 {
            total += Int(levels[node]) * (1 + maxLinks) * MemoryLayout<UInt32>.size
        }
        return total
    }

    @inline(__always)
    func vector(_ node: UInt32) -> UnsafeMutablePointer<Float> {
        (rows + Int(node) * stride).assumingMemoryBound(to: Float.self)
    }

    /// The link list `[count, ids...]` of `node` at `level`.
    @inline(__always)
    func links(_ node: UInt32, level: Int) -> UnsafeMutablePointer<UInt32> {
        if level == 0 {
            return (rows + Int(node) * stride + linksOffset).assumingMemoryBound(to: UInt32.self)
        }
        // Upper links exist for every level up to the node's own; callers never ask above it.
        return upperLinks[Int(node)].unsafelyUnwrapped + (level - 1) * (1 + maxLinks)
    }

    @inline(__always)
    func maxLinks(level: Int) -> Int { level == 0 ? maxLinks0 : maxLinks }

    @inline(__always)
    func isDeleted(_ node: UInt32) -> Bool { ck_load_acquire_u8(flags + Int(node)) & 1 != 0 }

    @inline(__always)
    func setDeleted(_ node: UInt32, _ deleted: Bool) {
        ck_store_release_u8(flags + Int(node), deleted ? 1 : 0)
    }

    /// Prepares `node` for a new vector: stores it with its label and level, empties its link lists.
    /// The node must not be reachable by readers yet.
    func initializeNode(_ node: UInt32, label: UInt64, level: Int, vector: UnsafePointer<Float>) {
        let index = Int(node)
        self.vector(node).update(from: vector, count: dimension)
        labels[index] = label
        levels[index] = UInt8(level)
        links(node, level: 0).pointee = 0
        upperLinks[index]?.deallocate()
        upperLinks[index] = nil
        if level > 0 {
            let block = UnsafeMutablePointer<UInt32>.allocate(capacity: level * (1 + maxLinks))
            block.initialize(repeating: 0, count: level * (1 + maxLinks))
            upperLinks[index] = block
        }
        ck_store_release_u8(flags + index, 0)
    }

    /// Reallocates for `newCapacity` nodes, keeping the first `used` rows. Readers must be excluded.
    func grow(to newCapacity: Int, used: Int) {
        precondition(newCapacity > capacity)
        let newRows = UnsafeMutableRawPointer.allocate(byteCount: newCapacity * stride, alignment: Self.alignment)
        newRows.copyMemory(from: rows, byteCount: used * stride)
        rows.deallocate()
        rows = newRows
        labels = Self.regrow(labels, used: used, capacity: newCapacity)
        levels = Self.regrow(levels, used: used, capacity: newCapacity)
        let newFlags = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newFlags.initialize(repeating: 0, count: newCapacity)
        newFlags.update(from: flags, count: used)
        flags.deallocate()
        flags = newFlags
        let newUpper = UnsafeMutablePointer<UnsafeMutablePointer<UInt32>?>.allocate(capacity: newCapacity)
        newUpper.initialize(repeating: nil, count: newCapacity)
        newUpper.update(from: upperLinks, count: capacity)
        upperLinks.deallocate()
        upperLinks = newUpper
        capacity = newCapacity
    }

    private static func regrow<T>(_ old: UnsafeMutablePointer<T>, used: Int, capacity: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: used)
        old.deallocate()
        return new
    }
}

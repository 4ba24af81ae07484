extension HNSWIndex {
    /// The ids stored (deleted ones excluded), in no particular order: what an owner compares with its
    /// source of truth to bring a loaded index up to date.
    ///
    /// - Complexity: O(n).
    public var ids: [UInt64] { state.withLock { Array($0.nodeOfID.keys) } }
}

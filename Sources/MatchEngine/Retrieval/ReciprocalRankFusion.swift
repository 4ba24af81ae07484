/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): an item's fused score is the sum over
/// the ranked lists it appears in of `1 / (k + rank)`, ranks from 1. It needs no score calibration
/// between retrievers, which is why it fuses BM25 (unbounded) with cosines.
enum ReciprocalRankFusion {
    /// The fused scores of every item in `lists` (each list best first).
    ///
    /// - Complexity: O(total length of the lists).
    static func fuse(_ lists: [[UInt64]], k: Double) -> [UInt64: Double] {
        var scores: [UInt64: Double] = [:]
        for list in lists {
            for (offset, item) in list.enumerated() { scores[item, default: 0] += 1 / (k + Double(offset + 1)) }
        }
        return scores
    }
}

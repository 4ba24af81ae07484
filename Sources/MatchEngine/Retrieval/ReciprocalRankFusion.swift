/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): an item's fused score is the sum over
/// the ranked lists it appears in of `weight / (k + rank)`, ranks from 1. It needs no score calibration
/// between retrievers, which is why it fuses BM25 (unbounded) with cosines.
enum ReciprocalRankFusion {
    /// The fused scores of every item in `lists` (each list best first), each list weighing `weight` (1 when
    /// `weights` is shorter); an item of a list of weight 0 gets a score of 0 from it, not none.
    ///
    /// - Complexity: O(total length of the lists).
    static func fuse(_ lists: [[UInt64]], k: Double, weights: [Double] = []) -> [UInt64: Double] {
        var scores: [UInt64: Double] = [:]
        for (index, list) in lists.enumerated() {
            let weight = index < weights.count ? weights[index] : 1
            for (offset, item) in list.enumerated() { scores[item, default: 0] += weight / (k + Double(offset + 1)) }
        }
        return scores
    }
}

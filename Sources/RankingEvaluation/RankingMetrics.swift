import Foundation

/// The measures of ranking quality: NDCG with graded gains and Spearman's rank correlation.
public enum RankingMetrics {
    /// NDCG at `k` of a ranking, best first, given each ranked item's grade: DCG = Σᵢ (2^gradeᵢ − 1) /
    /// log₂(i + 1) over the first k, divided by the DCG of the grades sorted best first. `nil` when no
    /// item has a grade above 0 (every order is as good) or when `k` is not positive.
    ///
    /// - Complexity: O(n log n) for n grades.
    public static func ndcg(rankedGrades: [Int], k: Int) -> Double? {
        guard k > 0 else { return nil }
        func dcg(_ grades: some Sequence<Int>) -> Double {
            var total = 0.0
            for (offset, grade) in grades.enumerated() {
                total += (Double(1 << max(0, min(grade, 30))) - 1) / log2(Double(offset) + 2)
            }
            return total
        }
        let ideal = dcg(rankedGrades.sorted(by: >).prefix(k))
        guard ideal > 0 else { return nil }
        return dcg(rankedGrades.prefix(k)) / ideal
    }

    /// Spearman's ρ of two paired lists: the Pearson correlation of their ranks, tied values sharing
    /// their mean rank. `nil` when either list is constant or has fewer than two items.
    ///
    /// - Precondition: `xs.count == ys.count`.
    /// - Complexity: O(n log n).
    public static func spearman(_ xs: [Double], _ ys: [Double]) -> Double? {
        precondition(xs.count == ys.count, "paired lists of different lengths")
        guard xs.count > 1 else { return nil }
        return pearson(ranks(xs), ranks(ys))
    }

    /// Ranks from 1, ties sharing the mean of the ranks they span.
    ///
    /// - Complexity: O(n log n).
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let shared = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = shared }
            start = end + 1
        }
        return ranks
    }

    static func pearson(_ xs: [Double], _ ys: [Double]) -> Double? {
        let n = Double(xs.count)
        let meanX = xs.reduce(0, +) / n
        let meanY = ys.reduce(0, +) / n
        var covariance = 0.0
        var varianceX = 0.0
        var varianceY = 0.0
        for (x, y) in zip(xs, ys) {
            covariance += (x - meanX) * (y - meanY)
            varianceX += (x - meanX) * (x - meanX)
            varianceY += (y - meanY) * (y - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }
}

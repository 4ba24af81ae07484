import Foundation

/// BM25 as FTS5's `bm25(chunkSearch, 1.0, 0.0)` scores it — k1 1.2, b 0.75, the text column weighted 1 and
/// the tags 0, row lengths over every column — computed from the rows a query matched (``FullTextHits``)
/// with the row lengths the chunk index keeps in memory (``ChunkEntry/tokens``). FTS5 reads each matching
/// row's length from its docsize table, one B-tree lookup a row: over 100,000 chunks a term held by 5 % of
/// them cost 7 ms that way, against 1 ms to read the matches (Benchmarks/RESULTS.md, sixth session).
///
/// Each phrase's inverse document frequency is `log((N − n + ½) / (n + ½))` (at least 10⁻⁶), N the table's
/// rows and n those holding the phrase, as FTS5 computes it.
enum FullTextRanking {
    static let k1 = 1.2
    static let b = 0.75
    /// The most matching rows read and ranked here; a query matching more is ranked by FTS5 itself.
    static let maximumRows = 200_000

    /// The best `limit` rows among `hits` that `tokens` gives a length for (one per row of `hits`; `nil`:
    /// not a row of the search, left out), highest score first, equal scores by key.
    ///
    /// - Parameters:
    ///   - documentCounts: per term phrase of `hits`, in its order, how many rows of the table hold it.
    /// - Complexity: O(r × p + r log `limit`) for r rows and p phrases.
    static func rank(
        _ hits: FullTextHits, documentCounts: [Int], limit: Int, tokens: [Int32?]
    ) -> [(key: UInt64, score: Double)] {
        let statistics = hits.statistics
        let phrases = hits.phrases
        guard phrases > 0, limit > 0, documentCounts.count == phrases, tokens.count == hits.keys.count,
            statistics.rows > 0
        else { return [] }
        let rows = Double(statistics.rows)
        let idf = documentCounts.map { count -> Double in
            let held = Double(min(max(count, 0), statistics.rows))
            return max(1e-6, log((rows - held + 0.5) / (held + 0.5)))
        }
        let average = statistics.averageTokens > 0 ? statistics.averageTokens : 1
        var best = BoundedBest(limit: limit)
        hits.counts.withUnsafeBufferPointer { counts in
            for (row, key) in hits.keys.enumerated() {
                guard let length = tokens[row] else { continue }
                let norm = k1 * (1 - b + b * (length > 0 ? Double(length) : average) / average)
                var score = 0.0
                for phrase in 0..<phrases {
                    let frequency = Double(counts[row * phrases + phrase])
                    if frequency > 0 { score += idf[phrase] * frequency * (k1 + 1) / (frequency + norm) }
                }
                best.offer(key: key, score: score)
            }
        }
        return best.sorted()
    }
}

/// The `limit` best (score, key) pairs seen — higher score first, then lower key — in a min-heap of their
/// worst: O(log `limit`) an offer.
private struct BoundedBest {
    let limit: Int
    private var heap: [(key: UInt64, score: Double)] = []

    init(limit: Int) {
        self.limit = limit
        heap.reserveCapacity(min(limit, 4_096))
    }

    /// Whether `a` ranks below `b`.
    private static func worse(_ a: (key: UInt64, score: Double), _ b: (key: UInt64, score: Double)) -> Bool {
        a.score != b.score ? a.score < b.score : a.key > b.key
    }

    mutating func offer(key: UInt64, score: Double) {
        let item = (key: key, score: score)
        if heap.count < limit {
            heap.append(item)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if Self.worse(heap[0], item) {
            heap[0] = item
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var worst = parent
                if left < heap.count, Self.worse(heap[left], heap[worst]) { worst = left }
                if right < heap.count, Self.worse(heap[right], heap[worst]) { worst = right }
                if worst == parent { break }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    func sorted() -> [(key: UInt64, score: Double)] {
        heap.sorted { Self.worse($1, $0) }
    }
}

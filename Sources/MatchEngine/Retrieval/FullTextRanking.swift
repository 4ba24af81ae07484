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
        var best = BoundedBest<ScoredRow>(capacity: limit)
        hits.counts.withUnsafeBufferPointer { counts in
            for (row, key) in hits.keys.enumerated() {
                guard let length = tokens[row] else { continue }
                let norm = k1 * (1 - b + b * (length > 0 ? Double(length) : average) / average)
                var score = 0.0
                for phrase in 0..<phrases {
                    let frequency = Double(counts[row * phrases + phrase])
                    if frequency > 0 { score += idf[phrase] * frequency * (k1 + 1) / (frequency + norm) }
                }
                best.offer(ScoredRow(key: key, score: score))
            }
        }
        return best.bestFirst.map { ($0.key, $0.score) }
    }
}

/// A row's BM25 score: higher first, then lower key.
private struct ScoredRow: BestOrdered {
    var key: UInt64
    var score: Double

    static func ranksBelow(_ a: ScoredRow, _ b: ScoredRow) -> Bool {
        a.score != b.score ? a.score < b.score : a.key > b.key
    }
}

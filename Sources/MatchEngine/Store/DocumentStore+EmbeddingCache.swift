import Foundation
import GRDB

/// The persistent side of ``EmbeddingCache``: vectors keyed by (model identifier, SHA-256 of the
/// normalised text), stored as little-endian float32 blobs.
extension DocumentStore {
    /// SQLite's default limit on bound parameters is well above this; chunks keep statements small.
    private static let digestsPerQuery = 500

    /// The stored vectors of `model` for those of `digests` that have one.
    func cachedVectors(model: String, digests: [String]) throws -> [String: [Float]] {
        guard !digests.isEmpty else { return [:] }
        return try read("read cached embeddings") { db in
            var found: [String: [Float]] = [:]
            var start = 0
            while start < digests.count {
                let chunk = digests[start..<min(start + Self.digestsPerQuery, digests.count)]
                start += chunk.count
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(
                    db,
                    sql: "SELECT digest, vector FROM embeddingCache WHERE model = ? AND digest IN (\(placeholders))",
                    arguments: StatementArguments([model] + Array(chunk)))
                while let row = try rows.next() {
                    let blob: Data = row["vector"]
                    found[row["digest"]] = VectorBytes.decode(blob)
                }
            }
            return found
        }
    }

    /// Stores (or replaces) vectors of `model`, all in one transaction.
    func storeCachedVectors(model: String, _ entries: [(digest: String, vector: [Float])]) throws {
        guard !entries.isEmpty else { return }
        try write("store cached embeddings") { db in
            let statement = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO embeddingCache (model, digest, vector) VALUES (?, ?, ?)")
            for entry in entries {
                try statement.execute(arguments: [model, entry.digest, VectorBytes.encode([entry.vector])])
            }
        }
    }

    /// The number of cached vectors stored for `model`.
    func cachedVectorCount(model: String) throws -> Int {
        try read("count cached embeddings") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM embeddingCache WHERE model = ?", arguments: [model]) ?? 0
        }
    }
}

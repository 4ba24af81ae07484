import Foundation
import GRDB

/// The persistent side of ``EmbeddingCache``: vectors keyed by (provider identity, SHA-256 of the
/// normalised text), stored as little-endian float32 blobs, bounded in count and age.
extension DocumentStore {
    /// SQLite's default limit on bound parameters is well above this; chunks keep statements small.
    private static let digestsPerQuery = 500

    /// The stored vectors of `provider` for those of `digests` that have one.
    func cachedVectors(provider: String, digests: [String]) throws -> [String: [Float]] {
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
                    sql: "SELECT digest, vector FROM embeddingCache WHERE provider = ? AND digest IN (\(placeholders))",
                    arguments: StatementArguments([provider] + Array(chunk)))
                while let row = try rows.next() {
                    let blob: Data = row["vector"]
                    found[row["digest"]] = VectorBytes.decode(blob)
                }
            }
            return found
        }
    }

    /// Stores (or replaces) vectors of `provider` in one transaction, then deletes the oldest rows past
    /// `capacity` (rows are numbered in write order, so this is one range delete on the primary key).
    func storeCachedVectors(provider: String, _ entries: [(digest: String, vector: [Float])], capacity: Int) throws {
        guard !entries.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try write("store cached embeddings") { db in
            let statement = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO embeddingCache (provider, digest, vector, createdAt) VALUES (?, ?, ?, ?)")
            for entry in entries {
                try statement.execute(arguments: [provider, entry.digest, VectorBytes.encode([entry.vector]), now])
            }
            try db.execute(
                sql: "DELETE FROM embeddingCache WHERE id <= (SELECT MAX(id) FROM embeddingCache) - ?",
                arguments: [capacity])
        }
    }

    /// Deletes cached vectors written more than `age` seconds ago; returns how many went.
    @discardableResult
    func evictCachedVectors(olderThan age: TimeInterval) throws -> Int {
        try write("evict cached embeddings") { db in
            try db.execute(
                sql: "DELETE FROM embeddingCache WHERE createdAt < ?", arguments: [Date().timeIntervalSince1970 - age])
            return db.changesCount
        }
    }

    /// The number of cached vectors stored for `provider`.
    func cachedVectorCount(provider: String) throws -> Int {
        try read("count cached embeddings") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM embeddingCache WHERE provider = ?", arguments: [provider])
                ?? 0
        }
    }
}

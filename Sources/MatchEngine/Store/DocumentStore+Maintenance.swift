import Foundation
import GRDB

/// Counting, checking and removing: what `match-tool db` and `jobs rm` need from SQLite.
extension DocumentStore {
    func deleteJob(_ job: Int64, namespace: Int64) throws {
        // Documents, chunks and vectors of the job, its match results and pipeline statuses cascade.
        try write("delete job") { db in
            try db.execute(sql: "DELETE FROM job WHERE id = ? AND namespaceId = ?", arguments: [job, namespace])
        }
    }

    func counts(namespace: Int64) throws -> StoreCounts {
        try read("count rows") { db in
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE namespaceId = ?", arguments: [namespace])
                    ?? 0
            }
            let resumes =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM document WHERE namespaceId = ? AND kind = 'resume'",
                    arguments: [namespace]) ?? 0
            return StoreCounts(
                candidates: try count("candidate"), documents: try count("document"), resumeDocuments: resumes,
                jobs: try count("job"), chunks: try count("chunk"), vectors: try count("embedding"),
                matchResults: try count("matchResult"))
        }
    }

    func cachedVectorCount() throws -> Int {
        try read("count cached vectors") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM embeddingCache") ?? 0 }
    }

    func candidatesWithoutVector(namespace: Int64, model: String) throws -> [CandidateID] {
        try read("find candidates without a vector") { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT c.identity FROM candidate c
                    WHERE c.namespaceId = ? AND NOT EXISTS (
                        SELECT 1 FROM embedding e
                        WHERE e.documentId = c.currentDocumentId AND e.ordinal = -1 AND e.model = ?)
                    ORDER BY c.id
                    """, arguments: [namespace, model])
        }
    }
}

/// Row counts of one namespace.
struct StoreCounts: Sendable, Equatable {
    var candidates: Int
    var documents: Int
    var resumeDocuments: Int
    var jobs: Int
    var chunks: Int
    var vectors: Int
    var matchResults: Int
}

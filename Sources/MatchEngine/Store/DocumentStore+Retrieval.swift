import CFullText
import Foundation
import GRDB

/// Retrieval's reads: the full-text table `chunkSearch` (schema v4, kept in sync by the store's writes and a
/// delete trigger on chunks), the chunk revision, chunk vectors and passage rows. Every statement names its
/// namespace.
extension DocumentStore {
    func chunkRevision(namespace: Int64) throws -> Int64 {
        try read("read chunk revision") { db in
            try Int64.fetchOne(db, sql: "SELECT chunkRevision FROM namespace WHERE id = ?", arguments: [namespace])
                ?? 0
        }
    }

    func currentChunks(namespace: Int64) throws -> (revision: Int64, chunks: [ChunkEntry]) {
        try read("list current chunks") { db in
            let revision =
                try Int64.fetchOne(db, sql: "SELECT chunkRevision FROM namespace WHERE id = ?", arguments: [namespace])
                ?? 0
            return (revision, try Self.currentChunks(db, namespace: namespace, documents: nil))
        }
    }

    func chunkChanges(
        namespace: Int64, since revision: Int64
    ) throws -> (
        revision: Int64, chunks: [ChunkEntry],
        documents: Set<Int64>
    )? {
        try read("read chunk changes") { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT chunkRevision, chunkChangeFloor FROM namespace WHERE id = ?",
                    arguments: [namespace]),
                revision >= row[1] as Int64, revision <= row[0] as Int64
            else { return nil }
            let documents = Set(
                try Int64.fetchAll(
                    db,
                    sql: "SELECT DISTINCT documentId FROM chunkChange WHERE namespaceId = ? AND revision > ?",
                    arguments: [namespace, revision]))
            let chunks = documents.isEmpty ? [] : try Self.currentChunks(db, namespace: namespace, documents: documents)
            return (row[0], chunks, documents)
        }
    }

    /// The namespace's current chunks, or those of `documents` only.
    private static func currentChunks(_ db: Database, namespace: Int64, documents: Set<Int64>?) throws -> [ChunkEntry] {
        var chunks: [ChunkEntry] = []
        for kind in ["candidate", "job"] {
            // A few documents: from their chunks by key, through the document to its owner, kept when the owner's
            // current version (`CROSS JOIN` fixes that order; led by the owners, SQLite walked every chunk of the
            // namespace for each: 4.9 s for 200 documents among 100,000 chunks). Every chunk: from the owners.
            let sql =
                if let documents {
                    """
                    SELECT c.documentId, c.ordinal, c.section, o.id AS owner, z.sz AS sizes FROM chunk c
                    CROSS JOIN document d ON d.id = c.documentId
                    CROSS JOIN \(kind) o ON o.id = d.\(kind)Id AND o.currentDocumentId = c.documentId
                    LEFT JOIN chunkSearch_docsize z ON z.id = c.documentId * 65536 + c.ordinal
                    WHERE c.documentId IN (\(documents.map(String.init).joined(separator: ",")))
                        AND o.namespaceId = ? AND c.namespaceId = ?
                    """
                } else {
                    """
                    SELECT c.documentId, c.ordinal, c.section, o.id AS owner, z.sz AS sizes FROM \(kind) o
                    JOIN chunk c ON c.documentId = o.currentDocumentId
                    LEFT JOIN chunkSearch_docsize z ON z.id = c.documentId * 65536 + c.ordinal
                    WHERE o.namespaceId = ? AND c.namespaceId = ?
                    """
                }
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [namespace, namespace])
            while let row = try rows.next() {
                let document: Int64 = row["documentId"]
                let ordinal: Int = row["ordinal"]
                // `z.id` above is the chunk's key (ChunkKey.make, in SQL). The row's token count over every column,
                // as FTS5's bm25() reads it (its docsize record).
                let tokens =
                    row.dataNoCopy(named: "sizes").map { SQLiteVarint.decodeAll($0).reduce(0) { $0 &+ $1 } } ?? 0
                chunks.append(
                    ChunkEntry(
                        key: ChunkKey.make(document: document, ordinal: ordinal), document: document,
                        isResume: kind == "candidate", section: row["section"], owner: row["owner"],
                        tokens: Int32(clamping: tokens)))
            }
        }
        return chunks
    }

    func currentChunkVectorCount(namespace: Int64, model: String) throws -> Int {
        try read("count current chunk vectors") { db in
            var count = 0
            for kind in ["candidate", "job"] {
                count +=
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM \(kind) o
                            JOIN embedding e ON e.documentId = o.currentDocumentId AND e.ordinal >= 0 AND e.model = ?
                            WHERE o.namespaceId = ? AND e.namespaceId = ?
                            """, arguments: [model, namespace, namespace]) ?? 0
            }
            return count
        }
    }

    func chunkVectors(
        _ keys: [UInt64], namespace: Int64, model: String, floats: Int?
    ) throws -> [(key: UInt64, vector: [Float])] {
        guard !keys.isEmpty else { return [] }
        let bytes = floats.map { $0 * 4 } ?? Int.max
        return try read("read chunk vectors") { db in
            var result: [(key: UInt64, vector: [Float])] = []
            result.reserveCapacity(keys.count)
            if keys.count <= 2_000 {
                let statement = try db.makeStatement(
                    sql: """
                        SELECT vector FROM embedding
                        WHERE documentId = ? AND ordinal = ? AND model = ? AND namespaceId = ?
                        """)
                for key in keys {
                    let (document, ordinal) = ChunkKey.split(key)
                    if let blob = try Data.fetchOne(
                        statement, arguments: [document, ordinal, model, namespace])
                    {
                        result.append((key, VectorBytes.decode(blob.prefix(bytes))))
                    }
                }
                return result
            }
            // Many keys (a rebuild): one pass over the namespace's chunk vectors.
            let wanted = Set(keys)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT documentId, ordinal, vector FROM embedding
                    WHERE namespaceId = ? AND model = ? AND ordinal >= 0
                    """, arguments: [namespace, model])
            while let row = try rows.next() {
                let key = ChunkKey.make(document: row["documentId"], ordinal: row["ordinal"])
                if wanted.contains(key) {
                    let blob: Data = row["vector"]
                    result.append((key, VectorBytes.decode(blob.prefix(bytes))))
                }
            }
            return result
        }
    }

    func searchChunks(_ expression: String, limit: Int) throws -> [(key: UInt64, score: Double)] {
        try read("full-text search") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, bm25(chunkSearch, 1.0, 0.0) AS score FROM chunkSearch
                    WHERE chunkSearch MATCH ? ORDER BY score LIMIT ?
                    """, arguments: [expression, limit]
            ).map { row in
                let rowid: Int64 = row["rowid"]
                let score: Double = row["score"]
                return (UInt64(rowid), -score)
            }
        }
    }

    func fullTextHits(_ expression: String, terms: [String], limit: Int) throws -> FullTextHits? {
        try read("full-text search") { db in
            // Read in C (CFullText): a row costs a tenth of a microsecond there, several through a row cursor.
            let connection = UnsafeMutableRawPointer(db.sqliteConnection)
            var raw = ft_hits()
            defer { ft_hits_free(&raw) }
            // Only the term phrases, the last of the expression's (its tags come first: a filter of a thousand
            // candidates is a thousand phrases no text holds).
            let status = ft_collect_hits(
                connection,
                "SELECT rowid, phrase_hits(chunkSearch, \(terms.count)) FROM chunkSearch WHERE chunkSearch MATCH ?1",
                expression, limit, &raw)
            if status == FT_OVER_LIMIT { return nil }
            guard status == 0 else {
                let reason = status == 7 ? "out of memory" : String(cString: ft_error_message(connection))
                throw StoreError.failed(operation: "full-text search", reason: reason)
            }
            var hits = FullTextHits()
            hits.phrases = Int(raw.phrases)
            hits.keys = UnsafeBufferPointer(start: raw.rowids, count: raw.rows).map { UInt64(bitPattern: $0) }
            hits.counts = Array(UnsafeBufferPointer(start: raw.counts, count: raw.rows * hits.phrases))
            // The statistics BM25 reads, in the same snapshot as the matches: FTS5's averages record (row 1 of
            // its data table: the row count, then each column's token total) and each term's row count.
            if let block = try Data.fetchOne(db, sql: "SELECT block FROM chunkSearch_data WHERE id = 1") {
                let values = SQLiteVarint.decodeAll(block)
                let rows = Int(clamping: values.first ?? 0)
                let tokens = values.dropFirst().reduce(0.0) { $0 + Double($1) }
                hits.statistics = FullTextStatistics(rows: rows, averageTokens: rows > 0 ? tokens / Double(rows) : 0)
            }
            let statement = try db.cachedStatement(sql: "SELECT doc FROM chunkSearchTerms WHERE term = ?")
            hits.termRows = try terms.map { try Int.fetchOne(statement, arguments: [$0]) ?? 0 }
            return hits
        }
    }

    func termDocumentCounts(_ terms: [String]) throws -> [String: Int] {
        guard !terms.isEmpty else { return [:] }
        return try read("read term statistics") { db in
            var counts: [String: Int] = [:]
            let statement = try db.makeStatement(sql: "SELECT doc FROM chunkSearchTerms WHERE term = ?")
            for term in Set(terms) {
                if let count = try Int.fetchOne(statement, arguments: [term]) { counts[term] = count }
            }
            return counts
        }
    }

    func passageRows(_ keys: [UInt64], namespace: Int64) throws -> [UInt64: PassageRow] {
        guard !keys.isEmpty else { return [:] }
        return try read("read passages") { db in
            let statement = try db.makeStatement(
                sql: """
                    SELECT c.section, c.startOffset, c.endOffset, c.text, d.kind, d.source,
                        ca.identity AS candidate, ca.name AS name, j.identity AS job, j.title AS title
                    FROM chunk c JOIN document d ON d.id = c.documentId
                    LEFT JOIN candidate ca ON ca.id = d.candidateId
                    LEFT JOIN job j ON j.id = d.jobId
                    WHERE c.documentId = ? AND c.ordinal = ? AND c.namespaceId = ? AND d.namespaceId = ?
                    """)
            var rows: [UInt64: PassageRow] = [:]
            for key in keys {
                let (document, ordinal) = ChunkKey.split(key)
                guard let row = try Row.fetchOne(statement, arguments: [document, ordinal, namespace, namespace])
                else { continue }
                let kind: String = row["kind"]
                rows[key] = PassageRow(
                    ordinal: ordinal, section: row["section"], start: row["startOffset"], end: row["endOffset"],
                    text: row["text"], isResume: kind == "resume", source: row["source"], candidate: row["candidate"],
                    name: row["name"], job: row["job"], title: row["title"])
            }
            return rows
        }
    }
}

/// A chunk's key in the full-text table and in the chunk vector index: the document's row id above 16 bits,
/// the ordinal below (a document has at most 10,000 chunks), as the v4 triggers compute it.
enum ChunkKey {
    static func make(document: Int64, ordinal: Int) -> UInt64 {
        UInt64(bitPattern: document) &* 65_536 &+ UInt64(truncatingIfNeeded: ordinal)
    }

    static func split(_ key: UInt64) -> (document: Int64, ordinal: Int) {
        (Int64(bitPattern: key / 65_536), Int(key % 65_536))
    }
}

/// What retrieval keeps in memory about a chunk of a current document: enough to filter without SQL.
struct ChunkEntry: Sendable, Equatable {
    var key: UInt64
    var document: Int64
    var isResume: Bool
    var section: String
    /// The candidate's row id for a resume chunk, the job's for a job chunk.
    var owner: Int64
    /// The chunk's full-text row length in tokens, every column (0 when it has no full-text row).
    var tokens: Int32 = 0
}

/// The rows a full-text query matched, unranked: each row's key and, per term phrase of the query (the last
/// phrases, after its tags; in its order), how many times the term occurs in the row's text (at most 255).
struct FullTextHits: Sendable {
    /// The term phrases counted (0 when no row matched).
    var phrases = 0
    /// The matching rows' keys, in rowid order.
    var keys: [UInt64] = []
    /// `phrases` counts per row, row after row.
    var counts: [UInt8] = []
    /// The table's row count and mean row length, read with the matches.
    var statistics = FullTextStatistics(rows: 0, averageTokens: 0)
    /// For each term asked, how many rows of the table hold it (in any column), read with the matches.
    var termRows: [Int] = []
}

/// What BM25 reads of the whole full-text table (every namespace, as FTS5's bm25() does).
struct FullTextStatistics: Sendable, Equatable {
    /// The number of rows.
    var rows: Int
    /// The mean row length in tokens, every column.
    var averageTokens: Double
}

/// A chunk with its document's facts, as a passage needs them.
struct PassageRow: Sendable {
    var ordinal: Int
    var section: String
    var start: Int
    var end: Int
    var text: String
    var isResume: Bool
    var source: String
    var candidate: String?
    var name: String?
    var job: String?
    var title: String?
}

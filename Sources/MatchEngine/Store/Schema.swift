import Foundation
import GRDB
import ResumeParser

/// The database schema, as GRDB migrations applied in order when a store opens. A migration that has
/// run never changes; a new schema is a new migration.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents") { db in
            try db.create(table: "document") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull()
                table.column("source", .text).notNull()
                table.column("contentHash", .text).notNull()
                table.column("format", .text).notNull()
                table.column("text", .text).notNull()
                table.column("pageCount", .integer)
                table.column("ingestedAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
                table.uniqueKey(["kind", "contentHash"])
            }
        }
        migrator.registerMigration("v2: embedding cache") { db in
            try db.create(table: "embeddingCache", options: .withoutRowID) { table in
                table.column("model", .text).notNull()
                table.column("digest", .text).notNull()
                table.column("vector", .blob).notNull()
                table.column("createdAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
                table.primaryKey(["model", "digest"])
            }
        }
        migrator.registerMigration("v3: engine", migrate: migrateToEngine)
        migrator.registerMigration("v4: retrieval", migrate: migrateToRetrieval)
        migrator.registerMigration("v5: candidate roles", migrate: migrateToRoles)
        // v6: chunks reach the full-text table from the store's writes, one statement per batch of documents
        // (``DocumentStore`` `indexForSearch`), not from a trigger per chunk row: FTS5 flushes its pending
        // terms at the end of every statement, and a statement per chunk cost about 46 µs a chunk.
        migrator.registerMigration("v6: full-text rows per write") { db in
            try db.execute(sql: "DROP TRIGGER chunk_search_insert")
        }
        // v7: the same for a candidate's or job's new version: the store's writes remove the superseded
        // version's rows in one statement per write, so the triggers that did it per updated row go (each
        // such update made FTS5 write its pending deletions out on its own).
        migrator.registerMigration("v7: superseded full-text rows per write") { db in
            try db.execute(sql: "DROP TRIGGER candidate_version_search; DROP TRIGGER job_version_search")
        }
        migrator.registerMigration("v8: chunk change log", migrate: migrateToChunkChangeLog)
        // v9: a candidate's current source on its row, so that listing a namespace's candidates (an open reads
        // 100,000) reads no document row: the join reached one page of the large document table per candidate.
        migrator.registerMigration("v9: candidate source") { db in
            try db.execute(
                sql: """
                    ALTER TABLE candidate ADD COLUMN source TEXT;
                    UPDATE candidate SET source = (SELECT source FROM document WHERE id = candidate.currentDocumentId);
                    """)
        }
        return migrator
    }

    /// v3: namespaces, candidates with resume versions, jobs, chunks, embeddings, match results, pipeline
    /// status with history, ingest jobs; the embedding cache keyed by provider identity. Documents of
    /// v1 move to the namespace `default` (resumes as candidates identified by their content hash) with
    /// `parsed` empty: the engine parses them again from their text when it opens.
    private static func migrateToEngine(_ db: Database) throws {
        try db.create(table: "namespace") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("name", .text).notNull().unique()
            // Bumped by every write that changes which resume vectors a namespace ranks.
            table.column("revision", .integer).notNull().defaults(to: 0)
            table.column("createdAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
        }
        try db.create(table: "candidate") { table in
            table.autoIncrementedPrimaryKey("id")
            table.belongsTo("namespace", onDelete: .cascade).notNull()
            table.column("identity", .text).notNull()
            table.column("name", .text)
            table.column("email", .text)
            table.column("location", .text)
            table.column("years", .double).notNull().defaults(to: 0)
            table.column("degree", .text)
            // Canonical skill names, one per line: what ranking needs without decoding the parsed JSON.
            table.column("skills", .text).notNull().defaults(to: "")
            table.column("currentDocumentId", .integer)
            table.column("createdAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
            table.column("updatedAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
            table.uniqueKey(["namespaceId", "identity"])
        }
        try db.create(table: "job") { table in
            table.autoIncrementedPrimaryKey("id")
            table.belongsTo("namespace", onDelete: .cascade).notNull()
            table.column("identity", .text).notNull()
            table.column("title", .text)
            table.column("currentDocumentId", .integer)
            table.column("createdAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
            table.uniqueKey(["namespaceId", "identity"])
        }
        try db.rename(table: "document", to: "documentV1")
        try db.create(table: "document") { table in
            table.autoIncrementedPrimaryKey("id")
            table.belongsTo("namespace", onDelete: .cascade).notNull()
            table.column("kind", .text).notNull()
            table.belongsTo("candidate", onDelete: .cascade)
            table.belongsTo("job", onDelete: .cascade)
            table.column("contentHash", .text).notNull()
            table.column("source", .text).notNull()
            table.column("format", .text).notNull()
            table.column("text", .text).notNull()
            table.column("readingText", .text).notNull().defaults(to: "")
            table.column("pageCount", .integer)
            table.column("parsed", .text)
            table.column("parserVersion", .integer).notNull().defaults(to: 0)
            table.column("ingestedAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
            table.uniqueKey(["namespaceId", "kind", "contentHash"])
            table.check(sql: "(kind = 'resume' AND candidateId IS NOT NULL) OR (kind = 'job' AND jobId IS NOT NULL)")
        }
        try db.create(table: "chunk") { table in
            table.belongsTo("namespace", onDelete: .cascade).notNull()
            table.belongsTo("document", onDelete: .cascade).notNull()
            table.column("ordinal", .integer).notNull()
            table.column("section", .text).notNull()
            table.column("startOffset", .integer).notNull()
            table.column("endOffset", .integer).notNull()
            table.column("text", .text).notNull()
            table.primaryKey(["documentId", "ordinal"])
        }
        try db.create(table: "embedding") { table in
            table.belongsTo("namespace", onDelete: .cascade).notNull()
            table.belongsTo("document", onDelete: .cascade).notNull()
            // -1: the whole document; 0…: its chunk of that ordinal.
            table.column("ordinal", .integer).notNull()
            table.column("model", .text).notNull()
            table.column("dimension", .integer).notNull()
            table.column("vector", .blob).notNull()
            table.primaryKey(["documentId", "ordinal", "model"])
        }
        try db.create(
            index: "embedding_by_namespace_model", on: "embedding", columns: ["namespaceId", "model", "ordinal"])
        try db.create(table: "matchResult") { table in
            table.autoIncrementedPrimaryKey("id")
            table.belongsTo("namespace", onDelete: .cascade).notNull()
            table.belongsTo("job", onDelete: .cascade).notNull()
            table.belongsTo("candidate", onDelete: .cascade).notNull()
            table.belongsTo("document", onDelete: .cascade).notNull()
            table.column("score", .double).notNull()
            table.column("decision", .text).notNull()
            table.column("result", .text).notNull()
            table.column("weights", .text).notNull()
            table.column("scoredAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
        }
        try db.create(table: "pipelineStatus") { table in
            table.belongsTo("namespace", onDelete: .cascade).notNull()
            table.belongsTo("job", onDelete: .cascade).notNull()
            table.belongsTo("candidate", onDelete: .cascade).notNull()
            table.column("status", .text).notNull()
            table.column("updatedAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
            table.primaryKey(["jobId", "candidateId"])
        }
        try db.create(table: "pipelineEvent") { table in
            table.autoIncrementedPrimaryKey("id")
            table.belongsTo("namespace", onDelete: .cascade).notNull()
            table.belongsTo("job", onDelete: .cascade).notNull()
            table.belongsTo("candidate", onDelete: .cascade).notNull()
            table.column("fromStatus", .text).notNull()
            table.column("toStatus", .text).notNull()
            table.column("note", .text)
            table.column("at", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
        }
        try db.create(table: "ingestJob") { table in
            table.primaryKey("id", .text)
            table.belongsTo("namespace", onDelete: .cascade).notNull()
            table.column("state", .text).notNull()
            table.column("total", .integer).notNull()
            table.column("seen", .integer).notNull().defaults(to: 0)
            table.column("stored", .integer).notNull().defaults(to: 0)
            table.column("duplicates", .integer).notNull().defaults(to: 0)
            table.column("failed", .integer).notNull().defaults(to: 0)
            table.column("createdAt", .datetime).notNull().defaults(sql: "CURRENT_TIMESTAMP")
            table.column("finishedAt", .datetime)
        }
        try db.create(table: "ingestFailure") { table in
            table.autoIncrementedPrimaryKey("id")
            table.belongsTo("ingestJob", onDelete: .cascade).notNull()
            table.column("source", .text).notNull()
            table.column("reason", .text).notNull()
        }

        // v1 documents: into the default namespace, to be parsed again from their text.
        try db.execute(sql: "INSERT INTO namespace (name) VALUES ('default')")
        let namespace = db.lastInsertedRowID
        let old = try Row.fetchAll(db, sql: "SELECT * FROM documentV1 ORDER BY id")
        for row in old {
            let kind: String = row["kind"]
            let hash: String = row["contentHash"]
            let owner = kind == "job" ? "job" : "candidate"
            try db.execute(
                sql: "INSERT INTO \(owner) (namespaceId, identity) VALUES (?, ?)",
                arguments: [namespace, "sha256:\(hash)"])
            let ownerID = db.lastInsertedRowID
            try db.execute(
                sql: """
                    INSERT INTO document (namespaceId, kind, \(owner)Id, contentHash, source, format, text, pageCount, ingestedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    namespace, kind == "job" ? "job" : "resume", ownerID, hash, row["source"], row["format"],
                    row["text"],
                    row["pageCount"], row["ingestedAt"],
                ])
            try db.execute(
                sql: "UPDATE \(owner) SET currentDocumentId = ? WHERE id = ?",
                arguments: [db.lastInsertedRowID, ownerID])
        }
        try db.drop(table: "documentV1")

        // Cached vectors were keyed by model name alone, which mixed dimensions and endpoints: drop them.
        try db.drop(table: "embeddingCache")
        try db.create(table: "embeddingCache") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("provider", .text).notNull()
            table.column("digest", .text).notNull()
            table.column("vector", .blob).notNull()
            table.column("createdAt", .double).notNull()
            table.uniqueKey(["provider", "digest"])
        }
        try db.create(index: "embeddingCache_by_age", on: "embeddingCache", columns: ["createdAt"])
    }

    /// v4: retrieval. An FTS5 table over the chunks of every current document version, kept in sync by
    /// triggers (so the code that writes chunks does not change), and a per-namespace chunk revision that
    /// every chunk change bumps (jobs add chunks without bumping `namespace.revision`).
    ///
    /// The table stores its own copy of the text and of the filter tags (namespace, kind, section, owner,
    /// document), so a delete needs only the row's key. An external-content table would read `chunk` by
    /// an integer rowid, which `chunk` lacks (its implicit rowid is not stable across VACUUM); a contentless
    /// one (SQLite 3.40 has no `contentless_delete`) needs the original values on delete, and the
    /// document-derived tags are gone when a cascade deletes the chunks. The price is the text twice.
    ///
    /// Tokenizer: `porter unicode61 remove_diacritics 2`. Porter folds English inflections ("migrated" /
    /// "migration", "mentoring" / "mentored", "dashboards" / "dashboard"), which questions and resume
    /// bullets rarely share word for word; technology names it over-stems ("pandas" → "panda") are stemmed
    /// the same way in questions, so exact-term questions still match. `chunkSearchTerms` (fts5vocab) gives
    /// each stemmed term's document count, so a query can leave out terms most chunks contain.
    /// v5: each candidate's positions (title and months) for seniority and years in relevant roles, and
    /// the skills its experience section shows, filled from the stored parse of its current resume.
    private static func migrateToRoles(_ db: Database) throws {
        try db.alter(table: "candidate") { table in
            table.add(column: "roles", .text).notNull().defaults(to: "")
            table.add(column: "evidence", .text)
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, d.parsed FROM candidate c JOIN document d ON d.id = c.currentDocumentId
                WHERE d.parsed IS NOT NULL AND d.parsed != ''
                """)
        let decoder = JSONDecoder()
        for row in rows {
            let json: String = row[1]
            guard let parsed = try? decoder.decode(ParsedResume.self, from: Data(json.utf8)) else { continue }
            try db.execute(
                sql: "UPDATE candidate SET roles = ?, evidence = ? WHERE id = ?",
                arguments: [
                    CandidateProfile.storedRoles(of: parsed),
                    CandidateProfile.evidencedSkills(of: parsed)?.joined(separator: "\n"), row[0] as Int64,
                ])
        }
    }

    /// v8: which documents' chunks each chunk revision changed (``ChunkChangeLog``), so that a chunk index
    /// catches up with a few writes by reading what they changed instead of listing every chunk. No foreign
    /// key to the namespace, so that logging never fails a write (nothing deletes a namespace today; its rows
    /// would stay behind, harmless, as namespace ids are never reused). Revisions before this migration are
    /// not in the log (`chunkChangeFloor`).
    private static func migrateToChunkChangeLog(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE chunkChange (
                    namespaceId INTEGER NOT NULL, revision INTEGER NOT NULL, documentId INTEGER NOT NULL);
                CREATE INDEX chunkChange_by_revision ON chunkChange (namespaceId, revision);
                ALTER TABLE namespace ADD COLUMN chunkChangeFloor INTEGER NOT NULL DEFAULT 0;
                UPDATE namespace SET chunkChangeFloor = chunkRevision;
                DROP TRIGGER chunk_search_delete;
                CREATE TRIGGER chunk_search_delete AFTER DELETE ON chunk BEGIN
                    DELETE FROM chunkSearch WHERE rowid = old.documentId * 65536 + old.ordinal;
                    UPDATE namespace SET chunkRevision = chunkRevision + 1 WHERE id = old.namespaceId;
                    INSERT INTO chunkChange (namespaceId, revision, documentId)
                    SELECT id, chunkRevision, old.documentId FROM namespace WHERE id = old.namespaceId;
                END;
                """)
    }

    private static func migrateToRetrieval(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE namespace ADD COLUMN chunkRevision INTEGER NOT NULL DEFAULT 0;
                CREATE VIRTUAL TABLE chunkSearch USING fts5(
                    text, tags, tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE chunkSearchTerms USING fts5vocab(chunkSearch, 'row');
                CREATE TRIGGER chunk_search_insert AFTER INSERT ON chunk BEGIN
                    INSERT INTO chunkSearch (rowid, text, tags)
                    SELECT new.documentId * 65536 + new.ordinal, new.text,
                        'n' || new.namespaceId || ' k' || d.kind || ' s' || new.section || ' d' || d.id
                        || CASE WHEN d.candidateId IS NOT NULL THEN ' c' || d.candidateId ELSE ' j' || d.jobId END
                    FROM document d WHERE d.id = new.documentId;
                    UPDATE namespace SET chunkRevision = chunkRevision + 1 WHERE id = new.namespaceId;
                END;
                CREATE TRIGGER chunk_search_delete AFTER DELETE ON chunk BEGIN
                    DELETE FROM chunkSearch WHERE rowid = old.documentId * 65536 + old.ordinal;
                    UPDATE namespace SET chunkRevision = chunkRevision + 1 WHERE id = old.namespaceId;
                END;
                CREATE TRIGGER candidate_version_search AFTER UPDATE OF currentDocumentId ON candidate
                WHEN old.currentDocumentId IS NOT NULL AND old.currentDocumentId IS NOT new.currentDocumentId BEGIN
                    DELETE FROM chunkSearch WHERE rowid IN
                        (SELECT documentId * 65536 + ordinal FROM chunk WHERE documentId = old.currentDocumentId);
                    UPDATE namespace SET chunkRevision = chunkRevision + 1 WHERE id = new.namespaceId;
                END;
                CREATE TRIGGER job_version_search AFTER UPDATE OF currentDocumentId ON job
                WHEN old.currentDocumentId IS NOT NULL AND old.currentDocumentId IS NOT new.currentDocumentId BEGIN
                    DELETE FROM chunkSearch WHERE rowid IN
                        (SELECT documentId * 65536 + ordinal FROM chunk WHERE documentId = old.currentDocumentId);
                    UPDATE namespace SET chunkRevision = chunkRevision + 1 WHERE id = new.namespaceId;
                END;
                INSERT INTO chunkSearch (rowid, text, tags)
                SELECT c.documentId * 65536 + c.ordinal, c.text,
                    'n' || c.namespaceId || ' k' || d.kind || ' s' || c.section || ' d' || d.id
                    || CASE WHEN d.candidateId IS NOT NULL THEN ' c' || d.candidateId ELSE ' j' || d.jobId END
                FROM chunk c JOIN document d ON d.id = c.documentId
                WHERE d.id IN (SELECT currentDocumentId FROM candidate UNION SELECT currentDocumentId FROM job);
                UPDATE namespace SET chunkRevision = 1
                WHERE id IN (SELECT DISTINCT namespaceId FROM chunk);
                """)
    }
}

import GRDB

/// The documents whose chunks each chunk revision of a namespace changed (added, superseded or deleted),
/// kept for the last ``window`` revisions: a chunk index at revision r catches up by re-reading those
/// documents' chunks alone (``DocumentStore/chunkChanges(namespace:since:)``). Older revisions are pruned;
/// the namespace's `chunkChangeFloor` says how far back the log is complete.
enum ChunkChangeLog {
    /// How many revisions the log keeps. A chunk deletion moves the revision once per chunk, a write once.
    static let window: Int64 = 100_000

    /// Logs `documents` at the namespace's current chunk revision and prunes what fell out of the window.
    static func record(_ db: Database, documents: [Int64], namespace: Int64) throws {
        guard !documents.isEmpty else { return }
        let ids = Set(documents).map(String.init).joined(separator: ",")
        try db.execute(
            sql: """
                INSERT INTO chunkChange (namespaceId, revision, documentId)
                SELECT n.id, n.chunkRevision, d.id FROM namespace n
                JOIN document d ON d.id IN (\(ids)) AND d.namespaceId = n.id
                WHERE n.id = ?
                """, arguments: [namespace])
        try prune(db, namespace: namespace)
    }

    /// Drops the rows older than the window and raises the namespace's floor to match.
    static func prune(_ db: Database, namespace: Int64) throws {
        guard
            let revision = try Int64.fetchOne(
                db, sql: "SELECT chunkRevision FROM namespace WHERE id = ?", arguments: [namespace]),
            revision > window
        else { return }
        let floor = revision - window
        try db.execute(
            sql: "DELETE FROM chunkChange WHERE namespaceId = ? AND revision <= ?", arguments: [namespace, floor])
        try db.execute(
            sql: "UPDATE namespace SET chunkChangeFloor = max(chunkChangeFloor, ?) WHERE id = ?",
            arguments: [floor, namespace])
    }
}

import Foundation
import GRDB

/// The SQLite database that is the engine's source of truth. Opened in WAL mode, so readers never wait
/// for the writer; the schema is created and upgraded by migrations when the store opens.
///
/// `DocumentStore` is safe to share between tasks: GRDB's `DatabasePool` serialises writes and runs
/// reads concurrently.
public final class DocumentStore: Sendable {
    private let pool: DatabasePool
    /// Where the database lives.
    public let path: String

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    ///
    /// - Throws: ``StoreError/cannotOpen(path:reason:)`` when the file is not a database, cannot be
    ///   created, or was written by a newer version of the engine.
    public init(path: String) throws {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? error.description)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The SQLite journal mode in force (`"wal"` for a file database).
    public func journalMode() throws -> String {
        try read("read journal mode") { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Stores `document` unless a document of the same kind with the same content hash is already stored;
    /// returns the stored row either way, and whether it was new.
    @discardableResult
    public func insert(_ document: StoredDocument) throws -> (document: StoredDocument, inserted: Bool) {
        try write("store \(document.source)") { db in
            if let existing =
                try StoredDocument
                .filter(Column("kind") == document.kind.rawValue && Column("contentHash") == document.contentHash)
                .fetchOne(db)
            {
                return (existing, false)
            }
            var copy = document
            try copy.insert(db)
            return (copy, true)
        }
    }

    /// All stored documents of `kind`, in insertion order.
    public func documents(of kind: DocumentKind) throws -> [StoredDocument] {
        try read("list \(kind.rawValue)s") { db in
            try StoredDocument.filter(Column("kind") == kind.rawValue).order(Column("id")).fetchAll(db)
        }
    }

    /// The number of stored documents of `kind`.
    public func count(of kind: DocumentKind) throws -> Int {
        try read("count \(kind.rawValue)s") { db in
            try StoredDocument.filter(Column("kind") == kind.rawValue).fetchCount(db)
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.failed(operation: operation, reason: "\(error)")
        }
    }

    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError.failed(operation: operation, reason: "\(error)")
        }
    }

    private static var migrator: DatabaseMigrator {
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
        return migrator
    }
}

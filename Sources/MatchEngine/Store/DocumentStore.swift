import CFullText
import Foundation
import GRDB

/// The SQLite database that is the engine's source of truth. Opened in WAL mode, so readers never wait
/// for the writer; foreign keys are enforced; the schema is created and upgraded by migrations when the
/// store opens (see `Schema`).
///
/// A host normally reaches the store through ``Engine``; it is public so that an ``EmbeddingCache`` can
/// persist in it. It is safe to share between tasks: GRDB's `DatabasePool` serialises writes and runs
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
            configuration.foreignKeysEnabled = true
            // WAL with synchronous=NORMAL: a commit survives the process being killed at any moment; only
            // an operating-system crash or power cut can lose the last commits (never corrupt the file).
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Retrieval ranks full-text matches itself (FullTextRanking) from each row's phrase hits.
                let status = ft_register_phrase_hits(UnsafeMutableRawPointer(db.sqliteConnection))
                guard status == 0 else {
                    throw StoreError.cannotOpen(path: path, reason: "SQLite without FTS5 (code \(status))")
                }
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Schema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError.cannotOpen(path: path, reason: "written by a newer version of MatchEngine")
            }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
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

    /// The result of `PRAGMA integrity_check`: `"ok"` for a sound database.
    public func integrityCheck() throws -> String {
        try read("check integrity") { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch let error as EngineError {
            throw error
        } catch {
            throw StoreError.failed(operation: operation, reason: Self.describe(error))
        }
    }

    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch let error as EngineError {
            throw error
        } catch {
            throw StoreError.failed(operation: operation, reason: Self.describe(error))
        }
    }

    /// SQLite's own message (e.g. "database or disk is full"), without the SQL text or its arguments.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.resultCode.description }
        return (error as? LocalizedError)?.errorDescription ?? String(describing: type(of: error))
    }
}

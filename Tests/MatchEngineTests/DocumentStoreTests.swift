import Foundation
import GRDB
import TestSupport
import Testing

@testable import MatchEngine

@Suite("SQLite store")
struct DocumentStoreTests {
    @Test("opens in WAL mode with foreign keys on, and survives reopening")
    func walAndReopen() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        do {
            let store = try DocumentStore(path: path)
            #expect(try store.journalMode() == "wal")
            #expect(try store.namespaceID("acme", create: true) != nil)
        }
        let reopened = try DocumentStore(path: path)
        #expect(try reopened.namespaces().map(\.name) == ["default", "acme"])
        #expect(try reopened.integrityCheck() == "ok")
        let foreignKeys = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA foreign_key_check") }
        #expect(foreignKeys == nil)
    }

    @Test("a v2 database migrates to v3: its documents move to the default namespace, nothing is lost")
    func migratesFromV2() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1: documents'), ('v2: embedding cache');
                    CREATE TABLE document (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, source TEXT NOT NULL,
                      contentHash TEXT NOT NULL, format TEXT NOT NULL, text TEXT NOT NULL, pageCount INTEGER,
                      ingestedAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, UNIQUE (kind, contentHash));
                    CREATE TABLE embeddingCache (model TEXT NOT NULL, digest TEXT NOT NULL, vector BLOB NOT NULL,
                      createdAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (model, digest)) WITHOUT ROWID;
                    INSERT INTO document (kind, source, contentHash, format, text) VALUES
                      ('resume', 'a.txt', 'aaa', 'txt', 'Ada'), ('job', 'j.txt', 'jjj', 'txt', 'Job'),
                      ('resume', 'b.txt', 'bbb', 'txt', 'Bob');
                    INSERT INTO embeddingCache (model, digest, vector) VALUES ('m', 'd', x'00000000');
                    """)
        }
        let store = try DocumentStore(path: path)
        let namespace = try #require(try store.namespaceID("default", create: false))
        #expect(try store.candidates(namespace: namespace).map(\.identity) == ["sha256:aaa", "sha256:bbb"])
        #expect(try store.candidates(namespace: namespace).map(\.source) == ["a.txt", "b.txt"], "v9 fills sources")
        let texts = try DatabaseQueue(path: path).read {
            try String.fetchAll($0, sql: "SELECT text FROM document ORDER BY id")
        }
        #expect(texts == ["Ada", "Job", "Bob"])
        #expect(try store.cachedVectorCount(provider: "m") == 0, "model-only cache keys are dropped")
        #expect(try store.integrityCheck() == "ok")
    }

    @Test("a file that is not a database is refused with a typed error")
    func notADatabase() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try DocumentStore(path: path) }
    }

    @Test("a database from a newer version is refused, not downgraded")
    func newerSchema() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.sqlite").path
        _ = try DocumentStore(path: path)
        try DatabaseQueue(path: path).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: future')")
        }
        #expect(throws: StoreError.cannotOpen(path: path, reason: "written by a newer version of MatchEngine")) {
            try DocumentStore(path: path)
        }
    }

    @Test("the persistent embedding cache is bounded: the oldest rows go past its capacity")
    func cacheBound() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DocumentStore(path: folder.appendingPathComponent("db.sqlite").path)
        for batch in 0..<5 {
            try store.storeCachedVectors(
                provider: "p#2", (0..<10).map { ("d\(batch)-\($0)", [1, 0]) }, capacity: 25)
        }
        #expect(try store.cachedVectorCount(provider: "p#2") == 25)
        #expect(try store.cachedVectors(provider: "p#2", digests: ["d0-0", "d4-9"]).keys.sorted() == ["d4-9"])
        #expect(try store.evictCachedVectors(olderThan: 3_600) == 0)
    }
}

import Foundation
import TestSupport
import Testing

@testable import MatchEngine

@Suite("SQLite store")
struct DocumentStoreTests {
    @Test("opens in WAL mode, migrates, and survives reopening")
    func walAndMigration() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        do {
            let store = try DocumentStore(path: path)
            #expect(try store.journalMode() == "wal")
            let document = StoredDocument(
                kind: .resume, source: "a.txt", contentHash: "abc", format: "txt", text: "hello", pageCount: nil)
            let first = try store.insert(document)
            #expect(first.inserted)
            #expect(first.document.id != nil)
            let again = try store.insert(document)
            #expect(!again.inserted)
            #expect(again.document.id == first.document.id)
            try store.insert(
                StoredDocument(
                    kind: .job, source: "a.txt", contentHash: "abc", format: "txt", text: "hi", pageCount: nil))
        }
        let reopened = try DocumentStore(path: path)
        #expect(try reopened.count(of: .resume) == 1)
        #expect(try reopened.count(of: .job) == 1)
        #expect(try reopened.documents(of: .resume).map(\.text) == ["hello"])
    }

    @Test("a file that is not a database is refused with a typed error")
    func notADatabase() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try DocumentStore(path: path) }
    }
}

import Foundation
import ResumeParser
import TestSupport
import Testing

@testable import MatchEngine

@Suite("Ingest")
struct DocumentIngestorTests {
    @Test("one bad file in a batch does not stop the others; ingest is idempotent")
    func batchWithBadFile() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("broken.pdf")
        try Data("%PDF-1.4\n1 0 obj\n<<".utf8).write(to: bad)
        let store = try DocumentStore(path: folder.appendingPathComponent("db.sqlite").path)
        let ingestor = DocumentIngestor(store: store)
        let urls = [Fixtures.resume(1), bad, Fixtures.resume(4)]

        let outcomes = ingestor.ingest(urls, as: .resume)
        #expect(outcomes.count == 3)
        guard case .stored(let first) = outcomes[0], case .failed(let source, let error) = outcomes[1],
            case .stored(let third) = outcomes[2]
        else {
            Issue.record("unexpected outcomes \(outcomes)")
            return
        }
        #expect(first.format == "txt" && third.format == "docx")
        #expect(source == bad.path)
        #expect(error is ParseError)
        #expect(try store.count(of: .resume) == 2)

        let again = ingestor.ingest(Fixtures.resume(1), as: .resume)
        guard case .alreadyStored(let existing) = again else {
            Issue.record("expected alreadyStored, got \(again)")
            return
        }
        #expect(existing.id == first.id)
        #expect(try store.count(of: .resume) == 2)
    }
}

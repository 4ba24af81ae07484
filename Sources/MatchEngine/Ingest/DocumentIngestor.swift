import Foundation
import ResumeParser

/// Reads files, extracts their text and stores them, one file at a time, so that one bad file never
/// stops a batch: each file gets its own ``Outcome``.
public struct DocumentIngestor: Sendable {
    /// What happened to one file.
    public enum Outcome: Sendable {
        /// The document was stored now.
        case stored(StoredDocument)
        /// The same bytes were already stored; the existing row is returned.
        case alreadyStored(StoredDocument)
        /// The file could not be read, parsed or stored; nothing was written for it.
        case failed(source: String, error: any Error)
    }

    public let store: DocumentStore
    public let extractor: TextExtractor

    public init(store: DocumentStore, extractor: TextExtractor = TextExtractor()) {
        self.store = store
        self.extractor = extractor
    }

    /// Ingests each file in `urls` as a document of `kind`, in order.
    public func ingest(_ urls: [URL], as kind: DocumentKind) -> [Outcome] {
        urls.map { ingest($0, as: kind) }
    }

    /// Ingests one file; never throws, the outcome says what happened.
    public func ingest(_ url: URL, as kind: DocumentKind) -> Outcome {
        let source = url.path
        do {
            let data = try extractor.readFile(at: url)
            let extracted = try extractor.extract(data, source: source)
            let document = StoredDocument(
                kind: kind, source: source, contentHash: SHA256.hexDigest(of: data), format: extracted.format.rawValue,
                text: extracted.text, pageCount: extracted.pageCount)
            let result = try store.insert(document)
            return result.inserted ? .stored(result.document) : .alreadyStored(result.document)
        } catch let error as ParseError {
            return .failed(source: source, error: error)
        } catch let error as StoreError {
            return .failed(source: source, error: error)
        } catch {
            return .failed(source: source, error: ParseError.unreadable(source: source, reason: "\(error)"))
        }
    }
}

import GRDB

/// A document as the store keeps it: its identity (the SHA-256 of its bytes), where it came from, and
/// its extracted text.
public struct StoredDocument: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "document"

    /// The row id, assigned by the store.
    public var id: Int64?
    public var kind: DocumentKind
    /// The path or label the document was ingested from.
    public var source: String
    /// Lower-case hex SHA-256 of the original bytes: ingesting the same bytes twice stores one document.
    public var contentHash: String
    /// The sniffed format (`pdf`, `docx`, `txt`, `md`, `html`).
    public var format: String
    public var text: String
    public var pageCount: Int?

    public init(
        id: Int64? = nil, kind: DocumentKind, source: String, contentHash: String, format: String, text: String,
        pageCount: Int?
    ) {
        self.id = id
        self.kind = kind
        self.source = source
        self.contentHash = contentHash
        self.format = format
        self.text = text
        self.pageCount = pageCount
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

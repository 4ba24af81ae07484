/// The text of one document and what is known about where it came from.
public struct ExtractedText: Sendable, Equatable {
    /// The format the bytes were recognised as.
    public var format: DocumentFormat
    /// The visible text; pages of a PDF are separated by form feeds (`\u{0C}`).
    public var text: String
    /// The number of pages, for formats that have pages (PDF).
    public var pageCount: Int?

    /// Text of `format`, with `pageCount` for formats that have pages.
    public init(format: DocumentFormat, text: String, pageCount: Int?) {
        self.format = format
        self.text = text
        self.pageCount = pageCount
    }
}

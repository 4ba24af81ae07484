import Foundation

/// Turns the bytes of a resume or job description into text, whatever its format.
///
/// ```swift
/// let extractor = TextExtractor()
/// let extracted = try extractor.extract(contentsOf: URL(fileURLWithPath: "resume.pdf"))
/// print(extracted.format, extracted.text)
/// ```
///
/// The format is sniffed from the bytes, not taken from the file name. Limits protect a batch from
/// hostile or broken files: every violation is a ``ParseError`` naming the file.
public struct TextExtractor: Sendable {
    /// Safety limits applied to every document.
    public struct Limits: Sendable, Equatable {
        /// The largest file accepted, in bytes (default 10 MB).
        public var maximumFileBytes: Int
        /// The most pages read from a PDF (default 50).
        public var maximumPages: Int
        /// The most entries a DOCX archive may have (default 1,000).
        public var maximumArchiveEntries: Int
        /// The most bytes a DOCX may decompress to, all parts together (default 50 MB).
        public var maximumUncompressedBytes: Int

        /// Limits with the defaults above; pass a value to change one.
        public init(
            maximumFileBytes: Int = 10_000_000, maximumPages: Int = 50, maximumArchiveEntries: Int = 1_000,
            maximumUncompressedBytes: Int = 50_000_000
        ) {
            self.maximumFileBytes = maximumFileBytes
            self.maximumPages = maximumPages
            self.maximumArchiveEntries = maximumArchiveEntries
            self.maximumUncompressedBytes = maximumUncompressedBytes
        }
    }

    /// The limits every document is checked against.
    public var limits: Limits

    /// An extractor that enforces `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads the file at `url` and extracts its text; errors name the file by its path.
    public func extract(contentsOf url: URL) throws -> ExtractedText {
        try extract(readFile(at: url), source: url.path)
    }

    /// The bytes of the file at `url`, refused before reading when it is over ``Limits/maximumFileBytes``.
    public func readFile(at url: URL) throws -> Data {
        let source = url.path
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: source)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw ParseError.unreadable(source: source, reason: "no such file or not accessible")
        }
        guard size <= limits.maximumFileBytes else {
            throw ParseError.fileTooLarge(source: source, size: size, limit: limits.maximumFileBytes)
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ParseError.unreadable(source: source, reason: error.localizedDescription)
        }
    }

    /// Extracts the text of `data`; `source` names the document in errors.
    public func extract(_ data: Data, source: String) throws -> ExtractedText {
        guard data.count <= limits.maximumFileBytes else {
            throw ParseError.fileTooLarge(source: source, size: data.count, limit: limits.maximumFileBytes)
        }
        guard !data.isEmpty else { throw ParseError.emptyDocument(source: source) }
        guard let format = DocumentFormat.sniff(data) else { throw ParseError.unsupportedFormat(source: source) }
        switch format {
        case .pdf:
            return try PDFTextExtractor(maximumPages: limits.maximumPages).extract(data, source: source)
        case .docx:
            return try DOCXTextExtractor(
                maximumEntries: limits.maximumArchiveEntries, maximumUncompressedBytes: limits.maximumUncompressedBytes
            ).extract(data, source: source)
        case .plainText, .markdown, .html:
            guard let decoded = TextDecoding.decode(data) else { throw ParseError.unsupportedFormat(source: source) }
            let text = format == .html ? HTMLTextExtractor.text(of: decoded) : decoded
            guard text.contains(where: { !$0.isWhitespace }) else { throw ParseError.emptyDocument(source: source) }
            return ExtractedText(format: format, text: text, pageCount: nil)
        }
    }
}

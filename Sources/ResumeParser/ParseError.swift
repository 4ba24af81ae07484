import Foundation

/// Why a document could not be turned into text. Every case names the document (`source`: a path or a
/// caller-chosen label) and reads as a sentence a recruiter understands.
public enum ParseError: Error, Sendable, Equatable, LocalizedError {
    /// The bytes are none of the formats the parser reads (PDF, DOCX, plain text, Markdown, HTML).
    case unsupportedFormat(source: String)
    /// The document is larger than the configured limit.
    case fileTooLarge(source: String, size: Int, limit: Int)
    /// The PDF needs a password.
    case encryptedPDF(source: String)
    /// The file is damaged or truncated, or breaks a safety limit (zip bomb, too many pages).
    case corrupt(source: String, reason: String)
    /// A PDF whose pages carry no text, typically a scan.
    case noTextLayer(source: String)
    /// The document was read but holds no text.
    case emptyDocument(source: String)
    /// The file could not be read from disk.
    case unreadable(source: String, reason: String)

    /// The document the error is about.
    public var source: String {
        switch self {
        case .unsupportedFormat(let source), .fileTooLarge(let source, _, _), .encryptedPDF(let source),
            .corrupt(let source, _), .noTextLayer(let source), .emptyDocument(let source),
            .unreadable(let source, _):
            source
        }
    }

    /// A sentence for a person that names the file and what was wrong with it.
    public var errorDescription: String? {
        switch self {
        case .unsupportedFormat(let source):
            "\(source): unsupported format (expected PDF, DOCX, plain text, Markdown or HTML)"
        case .fileTooLarge(let source, let size, let limit):
            "\(source): file is \(size) bytes, over the limit of \(limit) bytes"
        case .encryptedPDF(let source):
            "\(source): the PDF is encrypted; remove the password and try again"
        case .corrupt(let source, let reason):
            "\(source): damaged file (\(reason))"
        case .noTextLayer(let source):
            "\(source): the PDF has no text layer (a scanned image?); run it through OCR first"
        case .emptyDocument(let source):
            "\(source): the document contains no text"
        case .unreadable(let source, let reason):
            "\(source): cannot read the file (\(reason))"
        }
    }
}

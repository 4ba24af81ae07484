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
    /// The PDF has more pages than ``TextExtractor/Limits/maximumPages``.
    case tooManyPages(source: String, pages: Int, limit: Int)
    /// One XML part of a DOCX (`part`, e.g. `word/document.xml`) decompresses to more than
    /// ``TextExtractor/Limits/maximumPartBytes``.
    case partTooLarge(source: String, part: String, limit: Int)
    /// The document's text is longer than ``TextExtractor/Limits/maximumTextBytes`` (UTF-8 bytes): more
    /// than any resume or job description holds.
    case textTooLarge(source: String, limit: Int)
    /// A skill taxonomy file (``SkillTaxonomy/init(contentsOf:)``) that is not one; `reason` names what
    /// is wrong ("not JSON", "missing skills.0.name").
    case invalidTaxonomy(source: String, reason: String)
    /// A skill taxonomy file names the skill `name` twice (ignoring case).
    case duplicateSkill(source: String, name: String)

    /// The document the error is about.
    public var source: String {
        switch self {
        case .unsupportedFormat(let source), .fileTooLarge(let source, _, _), .encryptedPDF(let source),
            .corrupt(let source, _), .noTextLayer(let source), .emptyDocument(let source),
            .unreadable(let source, _), .tooManyPages(let source, _, _), .partTooLarge(let source, _, _),
            .textTooLarge(let source, _),
            .invalidTaxonomy(let source, _), .duplicateSkill(let source, _):
            source
        }
    }

    /// The sentence, with control characters in the document's name escaped (``FileNameEscaping``).
    public var errorDescription: String? {
        let source = FileNameEscaping.escaped(source)
        return switch self {
        case .unsupportedFormat:
            "\(source): unsupported format (expected PDF, DOCX, plain text, Markdown or HTML)"
        case .fileTooLarge(_, let size, let limit):
            "\(source): file is \(size) bytes, over the limit of \(limit) bytes"
        case .encryptedPDF:
            "\(source): the PDF is encrypted; remove the password and try again"
        case .corrupt(_, let reason):
            "\(source): damaged file (\(reason))"
        case .noTextLayer:
            "\(source): the PDF has no text layer (a scanned image?); run it through OCR first"
        case .emptyDocument:
            "\(source): the document contains no text"
        case .unreadable(_, let reason):
            "\(source): cannot read the file (\(reason))"
        case .tooManyPages(_, let pages, let limit):
            "\(source): the PDF has \(pages) pages, over the limit of \(limit)"
        case .partTooLarge(_, let part, let limit):
            "\(source): \(part) is larger than the limit of \(limit) bytes for one part of a Word document"
        case .textTooLarge(_, let limit):
            "\(source): the text is longer than the limit of \(limit) bytes; a resume or a job description holds far less"
        case .invalidTaxonomy(_, let reason):
            "\(source): not a skill taxonomy file (\(reason))"
        case .duplicateSkill(_, let name):
            "\(source): the skill \"\(name)\" appears twice; skill names must be unique (ignoring case)"
        }
    }
}

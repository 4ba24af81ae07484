import Foundation

/// The formats the parser reads. The format is sniffed from the bytes, never trusted from a file name.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    /// PDF, read through poppler in physical layout (two-column pages are split into columns later).
    case pdf
    /// Word (Office Open XML): the paragraphs of the body, headers and footers, table cells included.
    case docx
    /// Plain text: UTF-8, UTF-16 with a byte-order mark, or Windows-1252/Latin-1 for legacy files.
    case plainText = "txt"
    /// Markdown, read as plain text.
    case markdown = "md"
    /// HTML: the visible text (scripts and styles dropped), list items as bullet lines.
    case html

    /// Recognises the format of `data`, or returns nil for bytes the parser does not read.
    ///
    /// PDF and DOCX are recognised by their signatures (`%PDF-`; a ZIP, whose `word/document.xml` the DOCX
    /// reader checks); text is told apart as HTML, Markdown or plain by its content.
    public static func sniff(_ data: Data) -> DocumentFormat? {
        // Readers accept junk before the PDF header as long as the header is within the first KiB.
        if data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil { return .pdf }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        guard let text = TextDecoding.decode(data.prefix(64 * 1024)) else { return nil }
        return classifyText(text)
    }

    static func classifyText(_ text: String) -> DocumentFormat {
        // The tags' letters have no upper-case forms outside A–Z (only K and İ lower-case into ASCII, and
        // neither is in them): lowering the ASCII bytes finds what `lowercased()` would, without its Unicode
        // case mapping of 4,096 characters.
        let lowered = String(
            decoding: text.prefix(4096).utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        if lowered.containsLiteral("<html") || lowered.containsLiteral("<!doctype html")
            || lowered.containsLiteral("<body")
        {
            return .html
        }
        let lines = text.linesAtLineFeeds(omittingEmpty: true, limit: 200)
        let markdownLines = lines.filter { line in
            let trimmed = line.drop(while: { $0 == " " })
            return trimmed.hasPrefix("# ") || trimmed.hasPrefix("## ") || trimmed.hasPrefix("### ")
                || trimmed.hasPrefix("* ") || trimmed.hasPrefix("- ") || trimmed.containsLiteral("**")
                || trimmed.containsLiteral("](")
        }
        let hasHeading = lines.contains { $0.hasPrefix("#") }
        return hasHeading && markdownLines.count >= 2 ? .markdown : .plainText
    }
}

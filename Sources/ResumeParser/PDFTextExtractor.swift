import CPoppler
import Foundation

/// Reads the text of a PDF through poppler, page by page, in physical layout.
struct PDFTextExtractor {
    var maximumPages: Int
    /// Pages are read until their text passes this many bytes (then ``ParseError/textTooLarge(source:limit:)``).
    var maximumTextBytes: Int

    func extract(_ data: Data, source: String) throws -> ExtractedText {
        let document = try open(data, source: source)
        defer { cp_document_close(document) }
        let pageCount = Int(cp_document_page_count(document))
        guard pageCount >= 0 else { throw ParseError.corrupt(source: source, reason: "page tree unreadable") }
        guard pageCount <= maximumPages else {
            throw ParseError.tooManyPages(source: source, pages: pageCount, limit: maximumPages)
        }
        var pages: [String] = []
        pages.reserveCapacity(pageCount)
        var textBytes = 0
        for index in 0..<pageCount {
            let page = try pageText(document, index: index, source: source)
            textBytes += page.utf8.count + 2
            guard textBytes <= maximumTextBytes else {
                throw ParseError.textTooLarge(source: source, limit: maximumTextBytes)
            }
            pages.append(page)
        }
        let text = pages.joined(separator: "\n\u{0C}")
        guard pageCount > 0 else { throw ParseError.emptyDocument(source: source) }
        guard text.contains(where: { !$0.isWhitespace }) else { throw ParseError.noTextLayer(source: source) }
        return ExtractedText(format: .pdf, text: text, pageCount: pageCount)
    }

    private func open(_ data: Data, source: String) throws -> OpaquePointer {
        var document: OpaquePointer?
        let status = data.withUnsafeBytes { bytes in
            cp_document_open(bytes.baseAddress, bytes.count, &document)
        }
        switch status {
        case CP_OK:
            guard let document else { throw ParseError.corrupt(source: source, reason: "no document") }
            return document
        case CP_ERROR_ENCRYPTED:
            throw ParseError.encryptedPDF(source: source)
        default:
            throw ParseError.corrupt(source: source, reason: Self.describe(status))
        }
    }

    private func pageText(_ document: OpaquePointer, index: Int, source: String) throws -> String {
        var buffer: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = cp_document_page_text(document, Int32(index), CP_LAYOUT_PHYSICAL, &buffer, &length)
        defer { cp_string_free(buffer) }
        guard status == CP_OK, let buffer else {
            throw ParseError.corrupt(source: source, reason: "page \(index + 1): \(Self.describe(status))")
        }
        var bytes = UnsafeRawBufferPointer(start: buffer, count: length)[...]
        // Page text ends with a form feed; pages are joined with one by the caller. A form feed is one byte
        // in UTF-8, never part of another character's.
        while bytes.first == 0x0C { bytes.removeFirst() }
        while bytes.last == 0x0C { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func describe(_ status: cp_status) -> String {
        switch status {
        case CP_ERROR_DAMAGED: "not a readable PDF"
        case CP_ERROR_ENCRYPTED: "encrypted"
        case CP_ERROR_PAGE_RANGE: "page out of range"
        case CP_ERROR_NO_MEMORY: "out of memory"
        default: "internal PDF reader error"
        }
    }
}

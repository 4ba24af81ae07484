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
        /// The most bytes one XML part of a DOCX (the body, a header, a footer) may decompress to
        /// (default 10 MB, which is also the XML reader's own limit for one text node).
        public var maximumPartBytes: Int
        /// The most text a document may yield, in UTF-8 bytes (default 2 MB; a 50-page CV laid out by
        /// page holds a few hundred kB). A PDF is stopped at the page that goes over: a small file can
        /// lay out to hundreds of megabytes of padded text.
        public var maximumTextBytes: Int

        /// Limits with the defaults above; pass a value to change one.
        public init(
            maximumFileBytes: Int = 10_000_000, maximumPages: Int = 50, maximumArchiveEntries: Int = 1_000,
            maximumUncompressedBytes: Int = 50_000_000, maximumPartBytes: Int = 10_000_000,
            maximumTextBytes: Int = 2_000_000
        ) {
            self.maximumFileBytes = maximumFileBytes
            self.maximumPages = maximumPages
            self.maximumArchiveEntries = maximumArchiveEntries
            self.maximumUncompressedBytes = maximumUncompressedBytes
            self.maximumPartBytes = maximumPartBytes
            self.maximumTextBytes = maximumTextBytes
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
    ///
    /// - Throws: ``ParseError/unreadable(source:reason:)`` in plain words ("no such file", "it is a
    ///   folder, not a file", "permission denied"), ``ParseError/fileTooLarge(source:size:limit:)``.
    public func readFile(at url: URL) throws -> Data {
        let source = url.path
        // stat(2), not FileManager's attributes (which also look up the owner's and group's names: a
        // tenth of the time of reading a small file); it follows a link to the file it names.
        var status = stat()
        guard stat(source, &status) == 0 else {
            throw ParseError.unreadable(source: source, reason: Self.systemReason(errno))
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw ParseError.unreadable(source: source, reason: "it is a folder, not a file")
        }
        // A named pipe would block the read, a device never end it.
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ParseError.unreadable(source: source, reason: "not a regular file (a device, socket or named pipe)")
        }
        let size = Int(status.st_size)
        guard size <= limits.maximumFileBytes else {
            throw ParseError.fileTooLarge(source: source, size: size, limit: limits.maximumFileBytes)
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ParseError.unreadable(source: source, reason: Self.describe(error, fallback: "read error"))
        }
    }

    /// The system's words for POSIX error `code`, lower-cased as the other reasons are.
    private static func systemReason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// The system's words for a file error (`strerror` of its POSIX code), never Foundation's
    /// "The operation could not be completed" or "NSCocoaErrorDomain error 256".
    package static func describe(_ error: any Error, fallback: String) -> String {
        let error = error as NSError
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = underlying ?? (error.domain == NSPOSIXErrorDomain ? error : nil),
            posix.domain == NSPOSIXErrorDomain
        {
            return systemReason(Int32(posix.code))
        }
        if error.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: error.code) {
            case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            case .fileReadTooLarge: return "too large to read"
            case .fileReadInapplicableStringEncoding: return "not text in a supported encoding"
            default: break
            }
        }
        return fallback
    }

    /// Extracts the text of `data`; `source` names the document in errors.
    public func extract(_ data: Data, source: String) throws -> ExtractedText {
        guard data.count <= limits.maximumFileBytes else {
            throw ParseError.fileTooLarge(source: source, size: data.count, limit: limits.maximumFileBytes)
        }
        guard !data.isEmpty else { throw ParseError.emptyDocument(source: source) }
        guard let format = DocumentFormat.sniff(data) else { throw ParseError.unsupportedFormat(source: source) }
        let extracted: ExtractedText
        switch format {
        case .pdf:
            extracted = try PDFTextExtractor(
                maximumPages: limits.maximumPages, maximumTextBytes: limits.maximumTextBytes
            )
            .extract(data, source: source)
        case .docx:
            extracted = try DOCXTextExtractor(
                maximumEntries: limits.maximumArchiveEntries, maximumUncompressedBytes: limits.maximumUncompressedBytes,
                maximumPartBytes: limits.maximumPartBytes
            ).extract(data, source: source)
        case .plainText, .markdown, .html:
            guard let decoded = TextDecoding.decode(data) else { throw ParseError.unsupportedFormat(source: source) }
            let text = format == .html ? HTMLTextExtractor.text(of: decoded) : decoded
            guard text.contains(where: { !$0.isWhitespace }) else { throw ParseError.emptyDocument(source: source) }
            extracted = ExtractedText(format: format, text: text, pageCount: nil)
        }
        guard extracted.text.utf8.count <= limits.maximumTextBytes else {
            throw ParseError.textTooLarge(source: source, limit: limits.maximumTextBytes)
        }
        return extracted
    }
}

/// A document's text in reading order (two-column PDF pages read column by column, blank lines and
/// surrounding spaces dropped), with the span of each resume section in it. Retrieval cuts chunks
/// inside sections and reports offsets into ``text``.
public struct ReadingText: Sendable, Equatable {
    /// One section's place in ``ReadingText/text``.
    public struct Section: Sendable, Equatable {
        /// What the section is about.
        public var kind: SectionKind
        /// Its span in ``ReadingText/text``, in UTF-16 code units (heading line included).
        public var range: Range<Int>

        /// A section from its parts.
        public init(kind: SectionKind, range: Range<Int>) {
            self.kind = kind
            self.range = range
        }
    }

    /// The lines in reading order; sections are separated by a blank line.
    public var text: String
    /// Sections in order of appearance; they do not overlap and together cover every non-blank line.
    public var sections: [Section]

    /// A reading text from its parts (a host with its own sectioning, or a test).
    public init(text: String, sections: [Section]) {
        self.text = text
        self.sections = sections
    }
}

extension DocumentParser {
    /// The reading-order text of a resume and its sections, as ``parseResume(text:source:format:)``
    /// sees them.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public func readingText(ofResume text: String, format: String) -> ReadingText {
        Self.readingText(
            of: SectionSplitter.split(Self.lines(of: text, columns: format == DocumentFormat.pdf.rawValue)))
    }

    /// The reading text of a resume's sections (heading lines included).
    static func readingText(of sections: [SectionSplitter.Section]) -> ReadingText {
        readingText(sections.map { ($0.kind, [$0.heading].compactMap { $0 } + $0.lines) })
    }

    /// The reading-order text of a job description: one section of kind ``SectionKind/other``.
    public func readingText(ofJob text: String, format: String) -> ReadingText {
        Self.readingText([(.other, Self.lines(of: text, columns: format == DocumentFormat.pdf.rawValue))])
    }

    private static func readingText(_ parts: [(SectionKind, [String])]) -> ReadingText {
        var text = ""
        var length = 0
        var sections: [ReadingText.Section] = []
        for (kind, lines) in parts where !lines.isEmpty {
            if !text.isEmpty {
                text += "\n\n"
                length += 2
            }
            let body = lines.joined(separator: "\n")
            let bodyLength = body.utf16.count
            text += body
            sections.append(.init(kind: kind, range: length..<(length + bodyLength)))
            length += bodyLength
        }
        return ReadingText(text: text, sections: sections)
    }
}

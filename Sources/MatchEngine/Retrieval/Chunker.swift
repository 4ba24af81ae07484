import ResumeParser

/// One piece of a document, sized for an embedding model and for a prompt.
public struct Chunk: Sendable, Equatable, Codable {
    /// Its position among the document's chunks, from 0.
    public var ordinal: Int
    /// The resume section it lies in (chunks never straddle sections); ``SectionKind/other`` for jobs.
    public var section: SectionKind
    /// Its span in the document's reading-order text (``ReadingText/text``), in UTF-16 code units.
    public var range: Range<Int>
    /// The chunk's text (the span, without leading or trailing whitespace).
    public var text: String
}

/// Cuts a document's reading-order text into overlapping chunks of about ``size`` characters, on line
/// and sentence boundaries where it can, never inside a word (unless a single word is longer than
/// ``size``), and never across a section boundary.
///
/// - Complexity: O(n) in the length of the text (each cut looks back at most ``size`` characters).
public struct Chunker: Sendable, Equatable {
    /// The longest chunk, in UTF-16 code units (default 1,000).
    public var size: Int
    /// How much of the end of one chunk the next one repeats (default 200), so that a sentence cut at a
    /// boundary is whole in one of them.
    public var overlap: Int

    /// - Precondition: `size` ≥ 50 and 0 ≤ `overlap` ≤ `size` / 2.
    public init(size: Int = 1_000, overlap: Int = 200) {
        precondition(size >= 50 && overlap >= 0 && overlap <= size / 2, "chunk size ≥ 50, overlap ≤ half of it")
        self.size = size
        self.overlap = overlap
    }

    /// The chunks of `reading`, in order, at most `limit` of them.
    public func chunks(of reading: ReadingText, limit: Int = .max) -> [Chunk] {
        let units = Array(reading.text.utf16)
        var chunks: [Chunk] = []
        for section in reading.sections {
            var start = section.range.lowerBound
            let end = section.range.upperBound
            while start < end && chunks.count < limit {
                let cut = end - start <= size ? end : cutPoint(units, from: start, limit: start + size)
                if let span = trimmed(units, start..<cut) {
                    chunks.append(
                        Chunk(
                            ordinal: chunks.count, section: section.kind, range: span,
                            text: UTF16Text.string(units[span])))
                }
                guard cut < end else { break }
                start = max(restartPoint(units, cut: cut, floor: start + 1), start + 1)
            }
        }
        return chunks
    }

    /// Where to end a chunk that starts at `start` and may run to `limit`: the last line break in its
    /// second half, else the last sentence end, else the last space, else `limit` itself.
    private func cutPoint(_ units: [UInt16], from start: Int, limit: Int) -> Int {
        let floor = start + size / 2
        var lastSentence = -1
        var lastSpace = -1
        var index = limit
        while index > floor {
            let unit = units[index - 1]
            if unit == Self.newline { return index }
            if Self.isSpace(unit) {
                if lastSpace < 0 { lastSpace = index }
                if lastSentence < 0, index >= 2, Self.isSentenceEnd(units[index - 2]) { lastSentence = index }
            }
            index -= 1
        }
        if lastSentence > 0 { return lastSentence }
        if lastSpace > 0 { return lastSpace }
        return UTF16.isTrailSurrogate(units[limit - 1]) || !UTF16.isLeadSurrogate(units[limit - 1]) ? limit : limit - 1
    }

    /// Where the next chunk starts after a cut at `cut`: `overlap` units back, moved forward to the
    /// start of the next line, sentence or word.
    private func restartPoint(_ units: [UInt16], cut: Int, floor: Int) -> Int {
        guard overlap > 0 else { return cut }
        let from = max(floor, cut - overlap)
        var firstWord = -1
        var index = from
        while index < cut {
            let previous = index > 0 ? units[index - 1] : Self.newline
            if !Self.isSpace(units[index]) && Self.isSpace(previous) {
                if previous == Self.newline || (index >= 2 && Self.isSentenceEnd(units[index - 2])) { return index }
                if firstWord < 0 { firstWord = index }
            }
            index += 1
        }
        return firstWord >= 0 ? firstWord : cut
    }

    private func trimmed(_ units: [UInt16], _ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && Self.isSpace(units[lower]) { lower += 1 }
        while upper > lower && Self.isSpace(units[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    private static let newline = UInt16(UInt8(ascii: "\n"))

    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x0A || unit == 0x09 || unit == 0x0D || unit == 0xA0
    }

    private static func isSentenceEnd(_ unit: UInt16) -> Bool {
        unit == UInt16(UInt8(ascii: ".")) || unit == UInt16(UInt8(ascii: "!")) || unit == UInt16(UInt8(ascii: "?"))
            || unit == UInt16(UInt8(ascii: ";"))
    }
}

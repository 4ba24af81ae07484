/// Puts the lines of a two-column page (as poppler's physical layout prints it, columns side by side)
/// into reading order: full-width lines at the top, then the left column, then the right column.
///
/// Each line is cut into segments at runs of three or more spaces. The right column is where many
/// segments start within four positions of each other (poppler converts positions to character cells
/// line by line), past 25 % of the page width;
/// the page has two columns when at least a fifth of the lines have a segment starting there, a fifth
/// have text left of it, and at most a tenth have a segment running across it (a centred name, a
/// header). Right-aligned dates in a one-column resume start at varying positions and long lines run
/// across, and a left margin of dates beside each entry (moderncv) is not a column: such pages are
/// returned unchanged.
enum ColumnLayout {
    static let minimumGap = 3

    static func readingOrder(_ page: String) -> String {
        // Where every scalar is a character of its own, lines of scalars spare the grapheme breaking and the
        // string per cell of `[Character]` (most of this function's cost on a PDF page).
        let scalars = page.unicodeScalars
        if scalars.allSatisfy({ $0.isCharacterOfItsOwn }) {
            return readingOrder(
                page, lines: scalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init))
        }
        return readingOrder(page, lines: page.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init))
    }

    static func readingOrder<Cell: LayoutCell>(_ page: String, lines: [[Cell]]) -> String {
        guard let column = rightColumnStart(lines), !isDateMargin(lines, column), !hasFullWidthHeadings(lines, column)
        else { return page }
        var header: [String] = []
        var left: [String] = []
        var right: [String] = []
        var seenColumns = false
        for line in lines {
            let pieces = segments(line)
            if pieces.contains(where: { $0.lowerBound < column && $0.upperBound > column }) {
                // A line running across the columns: the header above them, or a stray wide line.
                if seenColumns { left.append(Cell.string(line[...])) } else { header.append(Cell.string(line[...])) }
                continue
            }
            let leftEnd = pieces.filter { $0.lowerBound < column }.map(\.upperBound).max() ?? 0
            let rightStart = pieces.first { $0.lowerBound >= column }?.lowerBound
            if leftEnd > 0 || rightStart != nil { seenColumns = true }
            if !seenColumns {
                header.append(Cell.string(line[...]))
            } else {
                left.append(Cell.string(line[..<leftEnd]))
                right.append(rightStart.map { Cell.string(line[$0...]) } ?? "")
            }
        }
        func trimmed(_ lines: [String]) -> [String] {
            lines.map { line in line.lastIndex { $0 != " " }.map { String(line[...$0]) } ?? "" }
        }
        return (trimmed(header) + trimmed(left) + [""] + trimmed(right)).joined(separator: "\n")
    }

    /// Whether the "columns" are an entry layout rather than two columns of text, so the page is read line
    /// by line and each date, place or label stays with its entry:
    /// - a left margin of dates (moderncv, curve): most of the left text has a year;
    /// - a right margin of dates and places (Awesome-CV, Jake's resume): most of the right text has a year
    ///   or is "City, Region";
    /// - a left column of labels aligned to the right (europecv's "Dates", "Occupation or position held"):
    ///   most left segments end at one position, and fewer start at one.
    static func isDateMargin<Cell: LayoutCell>(_ lines: [[Cell]], _ column: Int) -> Bool {
        var left: [Range<Int>] = []
        var leftDated = 0
        var right = 0
        var rightDated = 0
        for line in lines {
            for segment in segments(line) {
                if segment.upperBound <= column {
                    left.append(segment)
                    if hasYear(line[segment]) { leftDated += 1 }
                } else if segment.lowerBound >= column {
                    right += 1
                    let text = line[segment]
                    if hasYear(text)
                        || (text.contains(.comma)
                            && ContactExtractor.place(Cell.string(text).trimmedWhitespace()) != nil)
                    {
                        rightDated += 1
                    }
                }
            }
        }
        if !left.isEmpty && leftDated * 2 > left.count { return true }
        if right > 0 && rightDated * 5 >= right * 3 { return true }
        guard left.count >= 6 else { return false }
        func aligned(_ positions: [Int]) -> Int {
            var counts: [Int: Int] = [:]
            for position in positions { counts[position, default: 0] += 1 }
            // Poppler places one column's lines up to two positions apart.
            return counts.keys.map { key in (key - 2...key + 2).reduce(0) { $0 + (counts[$1] ?? 0) } }.max() ?? 0
        }
        let ends = aligned(left.map(\.upperBound))
        return ends * 5 >= left.count * 3 && ends > aligned(left.map(\.lowerBound))
    }

    /// Whether the "left column" holds the page's section headings, at least two with nothing beside them,
    /// and the right column none: a label column (simplecv's dates and topic labels under headings that span
    /// the page, Europass's section names over a grid whose labels stand beside their values, "Languages
    /// English, Irish"), whose labels go with the entries beside and below them, not a column of its own.
    static func hasFullWidthHeadings<Cell: LayoutCell>(_ lines: [[Cell]], _ column: Int) -> Bool {
        var leftHeadings = 0
        for line in lines {
            let pieces = segments(line)
            guard pieces.count <= 2 else { continue }
            for piece in pieces where piece.count <= 48 {
                let isHeading = SectionSplitter.heading(Cell.string(line[piece])).map { $0.rest.isEmpty } ?? false
                guard isHeading else { continue }
                if piece.lowerBound >= column { return false }
                if pieces.count == 1 { leftHeadings += 1 }
            }
        }
        return leftHeadings >= 2
    }

    /// Whether `text` holds a run of exactly four ASCII digits starting "19" or "20".
    static func hasYear<Cell: LayoutCell>(_ text: ArraySlice<Cell>) -> Bool {
        text.split(whereSeparator: { $0.asciiDigit == nil }).contains { run in
            guard run.count == 4, let first = run.first?.asciiDigit, let second = run.dropFirst().first?.asciiDigit
            else { return false }
            return (first, second) == (1, 9) || (first, second) == (2, 0)
        }
    }

    /// Non-blank stretches of a line separated by at least ``minimumGap`` spaces.
    static func segments<Cell: LayoutCell>(_ line: [Cell]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < line.count {
            guard line[index] != .space else {
                index += 1
                continue
            }
            var end = index
            var spaces = 0
            var cursor = index
            while cursor < line.count && spaces < minimumGap {
                if line[cursor] == .space {
                    spaces += 1
                } else {
                    spaces = 0
                    end = cursor + 1
                }
                cursor += 1
            }
            result.append(index..<end)
            index = end + spaces
        }
        return result
    }

    /// Whether a segment of `line` starts left of `column` and runs into it.
    static func crosses<Cell: LayoutCell>(_ line: [Cell], _ column: Int) -> Bool {
        segments(line).contains { $0.lowerBound < column && $0.upperBound > column }
    }

    /// The character position where the right column starts, if the page has two columns.
    static func rightColumnStart<Cell: LayoutCell>(_ lines: [[Cell]]) -> Int? {
        let textLines = lines.filter { $0.contains { $0 != .space } }
        let width = lines.map(\.count).max() ?? 0
        guard width >= 40, textLines.count >= 8 else { return nil }
        var starts = [Int](repeating: 0, count: width + 1)
        for line in textLines {
            for segment in segments(line) where segment.lowerBound > width / 4 { starts[segment.lowerBound] += 1 }
        }
        // Poppler places the lines of one column up to three positions apart (it converts x positions to
        // character cells line by line), so starts are counted in windows of four positions.
        var best: (column: Int, count: Int)?
        for column in (width / 4 + 1)..<width {
            let count = starts[column..<min(column + 4, width + 1)].reduce(0, +)
            if count > (best?.count ?? 0) { best = (column, count) }
        }
        guard let found = best else { return nil }
        // The busiest window may be the column's indented lines (bullets a few positions in): the column
        // starts at the window up to eight positions to its left that the fewest lines run across.
        var chosen: (column: Int, count: Int, crossing: Int)?
        for column in (max(width / 4 + 1, found.column - 8)...found.column).reversed() {
            let window = starts[column..<min(column + 4, width + 1)].reduce(0, +)
            guard column == found.column || (starts[column] > 0 && window * 3 >= found.count) else { continue }
            let count = starts[column..<min(found.column + 4, width + 1)].reduce(0, +)
            let crossing = textLines.filter { crosses($0, column) }.count
            if chosen.map({ crossing < $0.crossing }) ?? true { chosen = (column, count, crossing) }
        }
        guard let (column, count, crossing) = chosen else { return nil }
        let leftLines = textLines.filter { line in segments(line).contains { $0.upperBound < column } }.count
        guard count * 5 >= textLines.count, leftLines * 5 >= textLines.count, crossing * 10 <= textLines.count
        else { return nil }
        return column
    }
}

/// A character cell of a laid-out page: a `Character`, or a scalar that is a character on its own.
protocol LayoutCell: Equatable {
    static var space: Self { get }
    static var comma: Self { get }
    /// 0 … 9 for an ASCII digit, else `nil`.
    var asciiDigit: Int? { get }
    static func string(_ cells: ArraySlice<Self>) -> String
}

extension Character: LayoutCell {
    static var space: Character { " " }
    static var comma: Character { "," }
    var asciiDigit: Int? { isASCII ? wholeNumberValue : nil }
    static func string(_ cells: ArraySlice<Character>) -> String { String(cells) }
}

extension Unicode.Scalar: LayoutCell {
    static var space: Unicode.Scalar { " " }
    static var comma: Unicode.Scalar { "," }
    var asciiDigit: Int? { (0x30...0x39).contains(value) ? Int(value - 0x30) : nil }
    static func string(_ cells: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.count)
        for scalar in cells { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }
}

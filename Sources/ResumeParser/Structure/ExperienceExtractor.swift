import Foundation

/// Positions from the experience section. Each date range anchors one position; its title, company and
/// location come from the rest of that line and, when it does not hold both, from the short lines just
/// above or below it ("Title, Company   Mar 2019 – Present", "Title | Company | 2019 – 2021",
/// "Title" / "Company, City" / "Jan 2019 – Present", "Title at Company (2019–2021)").
enum ExperienceExtractor {
    static let titleWords: Set<String> = [
        "engineer", "developer", "manager", "analyst", "scientist", "designer", "lead", "director", "consultant",
        "intern", "architect", "specialist", "administrator", "officer", "coordinator", "head", "vp", "president",
        "founder", "cto", "ceo", "cfo", "programmer", "researcher", "technician", "assistant", "accountant",
        "nurse", "teacher", "representative", "executive", "owner", "partner", "advisor", "strategist",
        "writer", "editor", "recruiter", "associate", "sre", "devops", "tester", "principal", "staff",
        "fellow", "instructor", "lecturer", "professor", "trainee", "apprentice", "supervisor", "chief",
    ]
    private static let companyWords: Set<String> = [
        "inc", "ltd", "llc", "gmbh", "corp", "corporation", "co", "labs", "systems", "software", "technologies",
        "group", "plc", "ag", "sa", "bv", "limited", "company", "health", "bank", "university", "studio", "studios",
    ]

    struct Position {
        var entry: ExperienceEntry
        var range: DateRange
    }

    static func extract(_ lines: [String]) -> [Position] {
        var positions: [Position] = []
        var used = Set<Int>()
        let dated = lines.indices.compactMap { index in DateRange.first(in: lines[index]).map { (index, $0) } }
        for (index, range) in dated {
            used.insert(index)
            var parts = pieces(of: lines[index].replacingCharacters(in: range.span, with: " "))
            // Title and company are needed; a place does not count towards them.
            func named(_ parts: [Piece]) -> Int { parts.filter { !$0.isPlace }.count }
            if named(parts) < 2, index > 0, !used.contains(index - 1), isHeaderLine(lines[index - 1]) {
                used.insert(index - 1)
                parts = pieces(of: lines[index - 1]) + parts
                if named(parts) < 2, index > 1, !used.contains(index - 2), isHeaderLine(lines[index - 2]) {
                    used.insert(index - 2)
                    parts = pieces(of: lines[index - 2]) + parts
                }
            }
            if named(parts) < 2, index + 1 < lines.count, isHeaderLine(lines[index + 1]),
                DateRange.first(in: lines[index + 1]) == nil
            {
                used.insert(index + 1)
                parts += pieces(of: lines[index + 1])
            }
            positions.append(Position(entry: entry(from: parts, range: range), range: range))
        }
        return positions
    }

    /// A short line that can name a title, company or place (not a bullet, not a sentence).
    static func isHeaderLine(_ line: String) -> Bool {
        let trimmed = line.trimmedWhitespace()
        guard let first = trimmed.first, !Bullet.lineStarts.contains(first) else { return false }
        let words = trimmed.split(separator: " ")
        return !words.isEmpty && words.count <= 10 && !trimmed.hasSuffix(".")
    }

    /// A piece of an entry line, and whether it is a place ("City, ST"), decided once.
    struct Piece {
        var text: String
        var isPlace: Bool

        init(_ text: String) {
            self.text = text
            isPlace = ContactExtractor.location(in: [text]) != nil
        }
    }

    /// "Title, Company | City, ST" → "Title", "Company", "City, ST" (a place).
    static func pieces(of text: String) -> [Piece] {
        var parts: [Piece] = []
        let separators =
            [" | ", " — ", " – ", " - ", " @ ", " at ", "   ", "\t", "(", ")"] + Bullet.glyphs.map(String.init)
        for chunk in split(text, at: separators) {
            let piece = chunk.trimmed(" ,;:|-–—")
            guard !piece.isEmpty else { continue }
            // "Title, Company" splits at its first comma unless that comma is "City, ST".
            let whole = Piece(piece)
            if !whole.isPlace, let comma = piece.firstIndex(of: ",") {
                let head = piece[..<comma].trimmedWhitespace()
                let tail = piece[piece.index(after: comma)...].trimmedWhitespace()
                parts += [head, tail].filter { !$0.isEmpty }.map(Piece.init)
            } else {
                parts.append(whole)
            }
        }
        return parts
    }

    /// `text` cut at every occurrence of any of `separators`: one pass over the UTF-8 bytes (cuts fall on
    /// separator boundaries, so every chunk is valid text).
    static func split(_ text: String, at separators: [String]) -> [Substring] {
        let bytes = Array(text.utf8)
        let patterns = separators.map { Array($0.utf8) }
        func chunk(_ start: Int, _ end: Int) -> Substring {
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        }
        var chunks: [Substring] = []
        var chunkStart = 0
        var index = 0
        outer: while index < bytes.count {
            for pattern in patterns
            where bytes[index] == pattern[0] && index + pattern.count <= bytes.count
                && bytes[index..<index + pattern.count].elementsEqual(pattern)
            {
                chunks.append(chunk(chunkStart, index))
                index += pattern.count
                chunkStart = index
                continue outer
            }
            index += 1
        }
        chunks.append(chunk(chunkStart, bytes.count))
        return chunks
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    private static func entry(from parts: [Piece], range: DateRange) -> ExperienceEntry {
        var entry = ExperienceEntry(start: range.start, end: range.end, isCurrent: range.isCurrent)
        var pieces = parts
        if let index = pieces.firstIndex(where: \.isPlace) { entry.location = pieces.remove(at: index).text }
        let remaining = pieces.map(\.text)
        let titleIndex = remaining.firstIndex { !Set(words($0)).isDisjoint(with: titleWords) }
        let companyIndex = remaining.firstIndex { !Set(words($0)).isDisjoint(with: companyWords) }
        if let titleIndex {
            entry.title = remaining[titleIndex]
            let others = remaining.indices.filter { $0 != titleIndex }
            entry.company =
                companyIndex.flatMap { $0 != titleIndex ? remaining[$0] : nil } ?? others.first.map { remaining[$0] }
        } else if let companyIndex {
            entry.company = remaining[companyIndex]
            entry.title = remaining.indices.first { $0 != companyIndex }.map { remaining[$0] }
        } else {
            entry.title = remaining.first
            entry.company = remaining.dropFirst().first
        }
        return entry
    }
}

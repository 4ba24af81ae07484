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
        let lines = joiningWrappedRanges(lines)
        var positions: [Position] = []
        var used = Set<Int>()
        let dated = lines.indices.compactMap { index in DateRange.first(in: lines[index]).map { (index, $0) } }
        // Dates in a left margin (moderncv) or leading each entry: the entry's words follow the date.
        let leading = dated.filter { index, range in
            lines[index][..<range.span.lowerBound].allSatisfy { !$0.isLetter && !$0.isNumber }
        }
        let dateFirst =
            leading.count * 2 > dated.count
            && leading.contains { index, range in lines[index][range.span.upperBound...].contains(where: \.isLetter) }
        for (index, range) in dated {
            used.insert(index)
            var parts = pieces(of: lines[index].replacingCharacters(in: range.span, with: " "))
            // Title and company are needed; a place does not count towards them.
            func named(_ parts: [Piece]) -> Int { parts.filter { !$0.isPlace }.count }
            func usable(_ other: Int) -> Bool {
                lines.indices.contains(other) && !used.contains(other) && isHeaderLine(lines[other])
                    && DateRange.first(in: lines[other]) == nil
            }
            func takeAbove() {
                // A short line after a bullet that did not end its sentence is that bullet's wrapped tail.
                if index > 1, !dateFirst, usable(index + 1), isUnfinishedBullet(lines[index - 2]) { return }
                for offset in 1...2 where named(parts) < 2 {
                    guard usable(index - offset) else { return }
                    used.insert(index - offset)
                    parts = pieces(of: lines[index - offset]) + parts
                }
            }
            func takeBelow(_ count: Int) {
                for offset in 1...count where named(parts) < 2 {
                    guard usable(index + offset) else { return }
                    used.insert(index + offset)
                    parts += pieces(of: lines[index + offset])
                }
            }
            if named(parts) < 2 {
                if dateFirst {
                    takeBelow(2)
                    takeAbove()
                } else {
                    takeAbove()
                    takeBelow(1)
                }
            }
            positions.append(Position(entry: entry(from: parts, range: range), range: range))
        }
        return positions
    }

    /// Lines with each date range that a narrow margin column wrapped ("Mar 2021 –" / "Present ○ Built …")
    /// put back together on its first line.
    static func joiningWrappedRanges(_ lines: [String]) -> [String] {
        var result = lines
        for index in result.indices.dropLast() {
            if let (line, next) = DateRange.joinWrapped(result[index], result[index + 1]) {
                result[index] = line
                result[index + 1] = next
            }
        }
        return result
    }

    /// A bullet item that does not end with sentence punctuation: its text may go on on the next line.
    static func isUnfinishedBullet(_ line: String) -> Bool {
        guard let first = line.first, Bullet.lineStarts.contains(first), let last = line.last else { return false }
        return !".!?:;)".contains(last)
    }

    /// A short line that can name a title, company or place (not a bullet, not a sentence, not the
    /// lower-case or comma-ended tail of a wrapped line).
    static func isHeaderLine(_ line: String) -> Bool {
        var trimmed = Substring(line.trimmedWhitespace())
        // Markdown emphasis and heading marks ("**Stripe**", "*Austin, TX*", "### Engineer") are not bullets.
        if let mark = trimmed.first, "*_#".contains(mark) {
            let rest = trimmed.drop(while: { "*_#".contains($0) })
            if mark == "#" || rest.first?.isWhitespace == false { trimmed = rest.drop(while: \.isWhitespace) }
        }
        guard let first = trimmed.first, !Bullet.lineStarts.contains(first), !first.isLowercase,
            let last = trimmed.last, !".,;".contains(last)
        else { return false }
        let words = trimmed.split(separator: " ")
        return !words.isEmpty && words.count <= 10
    }

    /// A piece of an entry line, and whether it is a place ("City, ST", "Remote"), decided once.
    struct Piece {
        var text: String
        var isPlace: Bool

        init(_ text: String) {
            self.text = text
            isPlace = ContactExtractor.place(text) != nil || Self.workModes.contains(text.lowercased())
        }

        init(_ text: String, isPlace: Bool) {
            self.text = text
            self.isPlace = isPlace
        }

        static let workModes: Set<String> = ["remote", "hybrid", "on-site", "onsite", "remote-first"]
    }

    /// Pieces that say how long or on what terms, never who or what: "2 years 10 months", "Full-time".
    static let employmentTerms: Set<String> = [
        "full-time", "full time", "part-time", "part time", "contract", "contractor", "freelance", "temporary",
        "permanent", "internship", "present", "current",
    ]
    /// Words of a duration: "2 yrs 10 mos", "1 year", "6 months".
    private static let durationUnits: Set<String> = [
        "y", "yr", "yrs", "year", "years", "m", "mo", "mos", "month", "months", "and", "less", "than", "a",
    ]

    /// Whether `piece` is a duration ("2 years 10 months", "1 yr 3 mos", "6 months") or employment terms.
    static func isTerms(_ piece: String) -> Bool {
        let lowered = piece.lowercased()
        if employmentTerms.contains(lowered) { return true }
        let tokens = lowered.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "+" })
        guard tokens.count <= 8, tokens.contains(where: { $0.first?.isNumber == true }) else { return false }
        return tokens.allSatisfy { token in
            if durationUnits.contains(String(token)) { return true }
            // "2", "2.5", "10months"
            let digits = token.prefix(while: { $0.isNumber || $0 == "." })
            return !digits.isEmpty
                && (digits.count == token.count || durationUnits.contains(String(token.dropFirst(digits.count))))
        }
    }

    /// Corporate suffixes that stay with the name before their comma ("Acme, Inc.").
    private static let corporateSuffixes: Set<String> = [
        "inc", "inc.", "llc", "ltd", "ltd.", "gmbh", "co.", "corp", "corp.", "plc", "ag", "s.a.", "sa", "b.v.", "lp",
    ]

    /// "Title, Company | City, ST" → "Title", "Company", "City, ST" (a place). Markdown emphasis, links and
    /// heading marks are removed; durations and employment terms are dropped.
    static func pieces(of text: String) -> [Piece] {
        var parts: [Piece] = []
        let separators =
            [" | ", " — ", " – ", " - ", " @ ", " at ", "   ", "\t", "(", ")"] + Bullet.glyphs.map(String.init)
        for chunk in split(text, at: separators) {
            let piece = chunk.trimmed(" ,;:|-–—*_#`[]")
            guard !piece.isEmpty, !isTerms(piece), !piece.contains("://"), !piece.hasPrefix("www.") else { continue }
            parts += commaPieces(piece)
        }
        return parts
    }

    /// A piece cut at its commas, then put back together where a comma does not separate names: a
    /// place's city, region and country ("Berlin, Germany", "Austin, TX, USA") form one place piece, and a
    /// corporate suffix stays with its company ("Acme, Inc.").
    static func commaPieces(_ piece: String) -> [Piece] {
        guard piece.contains(",") else { return [Piece(piece)] }
        if ContactExtractor.place(piece) != nil { return [Piece(piece, isPlace: true)] }
        var result: [Piece] = []
        for raw in piece.split(separator: ",") {
            let part = raw.trimmed(" *_")
            guard !part.isEmpty else { continue }
            // Merged pieces stay short (a run of "UK, UK, UK, ..." must not grow one string quadratically).
            if let last = result.last, last.text.utf8.count > 80 {
                result.append(Piece(part))
            } else if let last = result.last, corporateSuffixes.contains(part.lowercased()), !last.isPlace {
                result[result.count - 1] = Piece("\(last.text), \(part)", isPlace: false)
            } else if let last = result.last, isRegion(part) {
                // "Berlin" + "Germany": the city joins the region; a place grows by its country.
                result[result.count - 1] = Piece("\(last.text), \(part)", isPlace: true)
            } else {
                result.append(Piece(part))
            }
        }
        return result
    }

    /// A region as written after a city: a two-letter code in capitals ("TX", "UK") or a country or state
    /// name we know, capitalised ("Germany", "United Kingdom").
    static func isRegion(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase, PhoneNumber.callingCode[text.lowercased()] != nil else {
            return false
        }
        return text.count > 2 || text.allSatisfy(\.isUppercase)
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

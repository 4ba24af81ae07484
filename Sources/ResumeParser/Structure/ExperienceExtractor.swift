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
        "student", "auditor", "controller", "integrator", "postdoctoral", "postdoc", "clerk", "therapist",
        "pharmacist", "physician", "paralegal", "attorney", "lawyer", "marketer", "planner", "coach",
    ]
    private static let companyWords: Set<String> = [
        "inc", "ltd", "llc", "llp", "gmbh", "corp", "corporation", "co", "labs", "systems", "software", "technologies",
        "group", "plc", "ag", "sa", "bv", "ab", "oy", "pty", "pvt", "srl", "sas", "kg", "limited", "company", "health",
        "bank", "university", "studio", "studios", "hospital", "clinic", "center", "centre", "medical", "trust",
        "foundation", "nhs", "agency", "partners", "services", "solutions", "consulting", "analytics", "media",
        "ventures", "capital", "holdings", "industries", "insurance", "mutual", "credit", "union", "district",
        "institute", "council", "ministry",
    ]

    struct Position {
        var entry: ExperienceEntry
        var range: DateRange
    }

    /// Positions from the lines of an experience section. `home` is the person's place ("Berlin, Germany"):
    /// its city, like the city of every place the entries name, is a place wherever it stands alone
    /// ("Engineer, Acme — Berlin"), never a title or a company.
    static func extract(_ lines: [String], home: String? = nil) -> [Position] {
        let lines = joiningWrappedRanges(joiningVerticalRanges(HyphenatedWords.joined(lines))).filter { !$0.isEmpty }
        var found: [(parts: [Piece], range: DateRange)] = []
        var used = Set<Int>()
        // Cities named as places so far (and the person's): a bare one is a place too.
        var cities = Set<String>()
        if let home { cities.insert(city(of: home)) }
        let dated = lines.indices.compactMap { index in DateRange.first(in: lines[index]).map { (index, $0) } }
        let datedLines = Set(dated.map(\.0))
        // Dates in a left margin (moderncv) or leading each entry: the entry's words follow the date.
        let leading = dated.filter { index, range in
            let before = lines[index][..<range.span.lowerBound].trimmed(" \t:")
            return before.allSatisfy { !$0.isLetter && !$0.isNumber } || fieldLabel(before) == .other
        }
        let dateFirst =
            leading.count * 2 > dated.count
            && leading.contains { index, range in
                // A title or company after the date, not only a place ("2020-06 to present | Denver, CO").
                pieces(of: String(lines[index][range.span.upperBound...])).contains { !$0.isPlace }
            }
        for (index, range) in dated {
            used.insert(index)
            var parts = pieces(of: lines[index].replacingCharacters(in: range.span, with: " "), line: index)
            // Title and company are needed; a place does not count towards them.
            func named(_ parts: [Piece]) -> Int {
                parts.filter { !$0.isPlace && !cities.contains($0.text.lowercased()) }.count
            }
            func usable(_ other: Int) -> Bool {
                lines.indices.contains(other) && !used.contains(other) && isHeaderLine(lines[other])
                    && !datedLines.contains(other)
            }
            func takeAbove() {
                // A short line after a bullet that did not end its sentence is that bullet's wrapped tail.
                if index > 1, !dateFirst, usable(index + 1), isUnfinishedBullet(lines[index - 2]) { return }
                for offset in 1...2 where named(parts) < 2 {
                    guard usable(index - offset) else { return }
                    used.insert(index - offset)
                    var above = pieces(of: lines[index - offset], line: index - offset)
                    // "Senior Data Engineer, Front Range" over "Energy": a narrow column wrapped the line,
                    // which names title and company alone; the short line is its last piece's tail (unless it
                    // is a company of its own: "Working Student, Backend" over "Datenbrücke AG").
                    if offset == 2, above.filter({ !$0.isPlace }).count >= 2, let tail = parts.first,
                        tail.line == index - 1, parts.filter({ $0.line == index - 1 }).count == 1,
                        tail.text.split(separator: " ").count <= 2, !tail.isPlace, !isCompanyName(tail.text),
                        let last = above.indices.last, !above[last].isPlace
                    {
                        above[last].text += " " + tail.text
                        parts.removeFirst()
                    }
                    parts = above + parts
                }
            }
            func takeBelow(_ count: Int) {
                for offset in 1...count where named(parts) < 2 {
                    guard usable(index + offset) else { return }
                    used.insert(index + offset)
                    parts += pieces(of: lines[index + offset], line: index + offset)
                }
            }
            if named(parts) < 2 {
                if dateFirst {
                    takeBelow(2)
                    takeAbove()
                } else {
                    // Dates alone on their line with nothing above them (a table's date cell): the title and
                    // the company are the two lines below.
                    let alone = parts.isEmpty
                    takeAbove()
                    takeBelow(alone && parts.isEmpty ? 2 : 1)
                }
            } else if needsCompanyLine(parts) {
                // "Registered Nurse, ICU   Jun 2016 – Jan 2020" under or over "Desert Vista Hospital   Mesa, AZ".
                func companyLine(_ other: Int) -> Bool {
                    usable(other) && pieces(of: lines[other]).contains { $0.isPlace || isCompanyName($0.text) }
                }
                if let other = [index + 1, index - 1].first(where: companyLine) {
                    used.insert(other)
                    parts += pieces(of: lines[other], line: other)
                }
            }
            // A form (Europass): the labelled fields of the entry follow its dates, between free text.
            if parts.contains(where: { $0.role != nil }) {
                var offset = 1
                while offset <= 8, lines.indices.contains(index + offset),
                    !datedLines.contains(index + offset)
                {
                    guard !used.contains(index + offset) else {
                        offset += 1
                        continue
                    }
                    let labelled = pieces(of: lines[index + offset], line: index + offset).filter { $0.role != nil }
                    if !labelled.isEmpty && !labelled.contains(where: { new in parts.contains { $0.role == new.role } })
                    {
                        used.insert(index + offset)
                        parts += labelled
                    }
                    offset += 1
                }
            }
            found.append((parts, range))
            for part in parts where part.isPlace { cities.insert(city(of: part.text)) }
        }
        return found.compactMap { parts, range in
            let parts = parts.map { part in
                var part = part
                if !part.isPlace && cities.contains(part.text.lowercased()) { part.isPlace = true }
                return part
            }
            let entry = entry(from: parts, range: range)
            return isDegree(entry) ? nil : Position(entry: entry, range: range)
        }
    }

    /// Whether an "entry" is a degree that reached the experience section (under a heading the splitter did
    /// not read): its title names a degree and no role ("LL.M. in Business Law", "BSc Civil Engineering"),
    /// and its company, if any, is a school. Its years are study, not work.
    static func isDegree(_ entry: ExperienceEntry) -> Bool {
        // The word test first: most titles name a role, and the degree patterns cost far more.
        guard let title = entry.title, title.utf8.count <= 200, Set(words(title)).isDisjoint(with: titleWords),
            EducationExtractor.namesLevel(title)
        else { return false }
        return entry.company.map { EducationExtractor.isInstitution($0) } ?? true
    }

    /// "Berlin" of "Berlin, Germany", lower-cased.
    private static func city(of place: String) -> String {
        String(place.prefix { $0 != "," }).trimmedWhitespace().lowercased()
    }

    /// Lines with each date range that a narrow margin column wrapped ("Mar 2021 –" / "Present ○ Built …")
    /// put back together on its first line.
    static func joiningWrappedRanges(_ lines: [String]) -> [String] {
        var result = lines
        for index in result.indices.dropLast() {
            if let (line, next) = DateRange.joinWrapped(result[index], result[index + 1]) {
                result[index] = line
                result[index + 1] = next
            } else if let (line, next) = DateRange.joinTrailing(result[index], result[index + 1]) {
                result[index] = line
                result[index + 1] = next
            } else if let line = joinedPlace(result[index], result[index + 1])
                ?? joinedBeforeRange(result[index], result[index + 1])
            {
                result[index] = line
                result[index + 1] = ""
            }
        }
        return result
    }

    /// "Senior Analyst, Acme Health, Cape Town, South Africa," over "Jan 2023 – Present": an entry line that
    /// the column wrapped just before its dates, as one line.
    static func joinedBeforeRange(_ line: String, _ next: String) -> String? {
        guard line.last == ",", next.utf8.count <= 40, let range = DateRange.first(in: next),
            next[..<range.span.lowerBound].allSatisfy(\.isWhitespace),
            next[range.span.upperBound...].allSatisfy({ $0.isWhitespace || $0.isPunctuation })
        else { return nil }
        return "\(line) \(next[range.span])"
    }

    /// A date range written down a margin column too narrow for it, one piece a line, between the entry's
    /// lines (mnjul/html-resume): "Mar   Staff Engineer" / "2016 · Oakland, CA" / "|" / "Presidio Logistics" /
    /// "Sep   • Designed …" / "2020   • Wrote …". The range is put at the start of its first line and its
    /// pieces taken off the others; up to two lines without a piece may come between them.
    static func joiningVerticalRanges(_ lines: [String]) -> [String] {
        var result = lines
        var index = 0
        while index < result.count {
            defer { index += 1 }
            guard let (first, firstRest) = DateRange.marginToken(result[index]),
                first.first?.isLetter == true
                    || first.first?.isNumber == true, DateRange.first(in: result[index]) == nil
            else { continue }
            var tokens = [first]
            var rests = [(index, firstRest)]
            var skipped = 0
            var next = index + 1
            while next < min(result.count, index + 8) {
                if let (token, rest) = DateRange.marginToken(result[next]) {
                    tokens.append(token)
                    rests.append((next, rest))
                    let text = tokens.map { "|–—-".contains($0) ? "–" : $0 }.joined(separator: " ")
                    if tokens.count >= 3, tokens.contains(where: { "|–—-".contains($0) }),
                        let range = DateRange.first(in: text), range.span.lowerBound == text.startIndex,
                        range.span.upperBound == text.endIndex
                    {
                        for (line, rest) in rests { result[line] = rest.trimmed(" ·") }
                        result[index] = text + "   " + firstRest
                        index = next
                        break
                    }
                } else if skipped < 2 {
                    skipped += 1
                } else {
                    break
                }
                next += 1
            }
        }
        return result
    }

    /// "… | Edinburgh, United" over "Kingdom": a place whose region a narrow column wrapped, as one line.
    static func joinedPlace(_ line: String, _ next: String) -> String? {
        guard next.utf8.count <= 30, let comma = line.lastIndex(of: ","),
            line.distance(from: comma, to: line.endIndex) <= 30
        else { return nil }
        let head = line[line.index(after: comma)...].trimmedWhitespace()
        let tail = next.trimmedWhitespace()
        guard !head.isEmpty, !tail.isEmpty, !isRegion(head), isRegion("\(head) \(tail)") else { return nil }
        return "\(line) \(tail)"
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
        // A lower-case start is a wrapped line's tail, unless the word has capitals ("iOS Engineer", "eBay").
        let firstWord = trimmed.prefix { $0 != " " }
        guard let first = trimmed.first, !Bullet.lineStarts.contains(first),
            !first.isLowercase || firstWord.contains(where: \.isUppercase),
            let last = trimmed.last, !",;".contains(last)
        else { return false }
        let words = trimmed.split(separator: " ")
        // A full stop ends a sentence, unless it ends a company's abbreviation ("Cascadia Outdoor Co.") or a
        // place ("Presidio Logistics, Oakland, CA.", as moderncv closes an entry).
        if last == ".", let word = words.last, !corporateSuffixes.contains(word.lowercased()),
            !isRegion(String(word.dropLast()))
        {
            return false
        }
        return !words.isEmpty && words.count <= 10
    }

    /// A piece of an entry line, and whether it is a place ("City, ST", "Remote"), decided once; `line` and
    /// `chunk` say where it was cut from (pieces of one chunk were separated by commas only).
    struct Piece {
        var text: String
        var isPlace: Bool
        var line = 0
        var chunk = 0
        /// What a form's label said the piece is ("Occupation or position held", "Employer:").
        var role: FieldLabel?

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

    /// What the label of a form's field says its value is.
    enum FieldLabel {
        case title, company, other
    }

    /// The labels of forms such as Europass and of label-value templates, lower-case.
    private static let fieldLabels: [String: FieldLabel] = [
        "occupation or position held": .title, "position held": .title, "position": .title, "job title": .title,
        "title": .title, "role": .title, "name and address of employer": .company, "employer": .company,
        "company": .company, "organisation": .company, "organization": .company, "name of employer": .company,
        "dates": .other, "date": .other, "period": .other, "duration": .other, "location": .other, "place": .other,
        "main activities and responsibilities": .other, "main activities and": .other, "responsibilities": .other,
        "type of business or sector": .other, "business or sector": .other, "highlights": .other,
        "description": .other, "achievements": .other, "key achievements": .other, "duties": .other,
    ]

    /// The field `text` labels, if it is one of ``fieldLabels`` (ignoring case).
    static func fieldLabel(_ text: some StringProtocol) -> FieldLabel? {
        text.utf8.count <= 40 ? fieldLabels[text.lowercased()] : nil
    }

    /// Whether an entry's named pieces are one "A, B" with a title word in A and no company word in B: a
    /// title with a qualifier ("Registered Nurse, ICU") whose company may be on the next line.
    static func needsCompanyLine(_ parts: [Piece]) -> Bool {
        let named = parts.filter { !$0.isPlace }
        guard named.count == 2, named[0].line == named[1].line, named[0].chunk == named[1].chunk else { return false }
        return !Set(words(named[0].text)).isDisjoint(with: titleWords) && !isCompanyName(named[1].text)
    }

    /// Whether `text` has a company word ("Inc", "GmbH", "Hospital", "Labs").
    static func isCompanyName(_ text: String) -> Bool { !Set(words(text)).isDisjoint(with: companyWords) }

    /// Corporate suffixes that stay with the name before their comma ("Acme, Inc.").
    private static let corporateSuffixes: Set<String> = [
        "inc", "inc.", "llc", "ltd", "ltd.", "gmbh", "co.", "corp", "corp.", "plc", "ag", "s.a.", "sa", "b.v.", "lp",
        "pvt.", "llp", "pty.",
    ]

    /// What separates the pieces of an entry's line: bars, dashes and "@"/"at" between spaces, gaps,
    /// parentheses and bullets.
    private static let pieceSeparators = Separators(
        [" | ", " — ", " – ", " - ", " @ ", " at ", "   ", "\t", "(", ")"] + Bullet.glyphs.map(String.init))

    /// "Title, Company | City, ST" → "Title", "Company", "City, ST" (a place). Markdown emphasis, links and
    /// heading marks are removed; durations and employment terms are dropped.
    static func pieces(of text: String, line: Int = 0) -> [Piece] {
        var parts: [Piece] = []
        var role: FieldLabel?
        for (index, chunk) in split(text, at: pieceSeparators).enumerated() {
            var piece = chunk.trimmed(" ,;:|-–—*_#`[]")
            // A form's label, alone ("Occupation or position held   Engineer") or before a colon ("Date: …").
            if let label = fieldLabel(piece) {
                role = label
                continue
            }
            if let colon = piece.firstIndex(of: ":"), piece.distance(from: piece.startIndex, to: colon) <= 40,
                let label = fieldLabel(piece[..<colon])
            {
                role = label
                piece = piece[piece.index(after: colon)...].trimmed(" ,;:|-–—*_#`[]")
            }
            guard !piece.isEmpty, !isTerms(piece), !piece.containsLiteral("://"), !piece.hasPrefix("www.") else {
                continue
            }
            parts += commaPieces(piece).enumerated().map { position, part in
                var part = part
                (part.line, part.chunk) = (line, index)
                if position == 0, role == .title || role == .company { part.role = role }
                return part
            }
            role = nil
        }
        return parts
    }

    /// A piece cut at its commas, then put back together where a comma does not separate names: a
    /// place's city, region and country ("Berlin, Germany", "Austin, TX, USA") form one place piece, and a
    /// corporate suffix stays with its company ("Acme, Inc.").
    static func commaPieces(_ piece: String) -> [Piece] {
        guard piece.containsLiteral(",") else { return [Piece(piece)] }
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
            } else if let last = result.last, isRegion(part.trimmed(".")) {
                // "Berlin" + "Germany": the city joins the region; a place grows by its country ("CA." ends
                // a sentence).
                result[result.count - 1] = Piece("\(last.text), \(part.trimmed("."))", isPlace: true)
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

    /// Separators for ``split(_:at:)``, as bytes, with a table of the bytes any of them starts with.
    struct Separators: Sendable {
        let patterns: [[UInt8]]
        let starts: [Bool]

        init(_ separators: [String]) {
            let patterns = separators.map { Array($0.utf8) }.filter { !$0.isEmpty }
            self.patterns = patterns
            starts = (0...255).map { byte in patterns.contains { $0[0] == UInt8(byte) } }
        }
    }

    /// `text` cut at every occurrence of any separator (the first listed wins where several start at one
    /// byte), separators dropped: one pass over the UTF-8 bytes (cuts fall on separator boundaries, so every
    /// chunk is valid text).
    static func split(_ text: String, at separators: Separators) -> [Substring] {
        let bytes = Array(text.utf8)
        func chunk(_ start: Int, _ end: Int) -> Substring {
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        }
        var chunks: [Substring] = []
        var chunkStart = 0
        var index = 0
        outer: while index < bytes.count {
            guard separators.starts[Int(bytes[index])] else {
                index += 1
                continue
            }
            for pattern in separators.patterns
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

    static func words(_ text: String) -> [String] {
        // In ASCII a byte is a character, and the letters are A–Z and a–z.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        return text.utf8.split(whereSeparator: { !(0x41...0x5A).contains($0 & 0xDF) }).map { word in
            String(decoding: word.map { $0 | 0x20 }, as: UTF8.self)
        }
    }

    /// Words that name a part of an organisation.
    private static let units: Set<String> = [
        "department", "dept", "faculty", "division", "team", "unit", "office", "lab", "laboratory", "group",
        "school", "institute", "centre", "center", "branch", "chair",
    ]

    /// "Department of Physics", "Platform Team": a part of the company named after it.
    private static func isUnitOfCompany(_ text: String) -> Bool {
        let words = Self.words(text)
        return words.first.map { units.contains($0) } == true || words.last.map { units.contains($0) } == true
    }

    /// Whether `title` starts a line's comma list of three or more names that a place ends ("Working Student,
    /// Embedded Software, Lechtal Automotive, Augsburg, Germany"): a title with a qualifier, then the company.
    private static func isQualifiedTitle(_ parts: [Piece], _ title: Piece) -> Bool {
        let list = parts.filter { $0.line == title.line && $0.chunk == title.chunk }
        guard list.first?.text == title.text, list.last?.isPlace == true else { return false }
        return list.filter { !$0.isPlace }.count >= 3
    }

    /// Title, company and place from an entry's pieces: the place is the first place; the title the first
    /// piece with a title word, the company the first with a company word, else the pieces in order. A
    /// title goes on past its commas ("Registered Nurse, ICU", "Teaching Assistant, Intro to Programming")
    /// while a company remains: one with a company word, or a piece on another line.
    private static func entry(from parts: [Piece], range: DateRange) -> ExperienceEntry {
        var entry = ExperienceEntry(start: range.start, end: range.end, isCurrent: range.isCurrent)
        entry.location = parts.first(where: \.isPlace)?.text
        let pieces = parts.filter { !$0.isPlace }
        let words = pieces.map { Set(Self.words($0.text)) }
        let titleIndex =
            pieces.firstIndex { $0.role == .title } ?? words.firstIndex { !$0.isDisjoint(with: titleWords) }
        var companyIndex =
            pieces.firstIndex { $0.role == .company }
            ?? words.indices.first { $0 != titleIndex && !words[$0].isDisjoint(with: companyWords) }
        guard let titleIndex else {
            if let companyIndex {
                entry.company = pieces[companyIndex].text
                entry.title = pieces.indices.first { $0 != companyIndex }.map { pieces[$0].text }
            } else {
                entry.title = pieces.first?.text
                entry.company = pieces.dropFirst().first?.text
            }
            return entry
        }
        let title = pieces[titleIndex]
        // "Working Student, Embedded Software, Lechtal Automotive, Augsburg, Germany": in a title's comma list
        // that a place ends, the company is the name before the place; a company word in the qualifier
        // right after the title ("Software") does not make it the company.
        if let found = companyIndex, found == titleIndex + 1, isQualifiedTitle(parts, title),
            let last = pieces.lastIndex(where: { $0.line == title.line && $0.chunk == title.chunk }), last > found,
            words[last].isDisjoint(with: titleWords), !isUnitOfCompany(pieces[last].text)
        {
            companyIndex = last
        }
        let companyElsewhere =
            companyIndex != nil || pieces.contains { $0.line != title.line } || isQualifiedTitle(parts, title)
        var end = titleIndex
        while companyElsewhere, end + 1 < pieces.count, end + 1 != companyIndex,
            pieces[end + 1].line == title.line, pieces[end + 1].chunk == title.chunk
        {
            // Keep one piece for the company when it has to come from another line.
            // (No piece after the next one and none before the title: O(1), not a scan per piece.)
            if companyIndex == nil && titleIndex == 0 && end + 2 >= pieces.count { break }
            end += 1
        }
        entry.title = pieces[titleIndex...end].map(\.text).joined(separator: ", ")
        entry.company =
            companyIndex.map { pieces[$0].text }
            ?? pieces.indices.first { !(titleIndex...end).contains($0) }.map { pieces[$0].text }
        return entry
    }
}

import Foundation

/// Degrees from the education section: level (by degree names and abbreviations, "B.Sc.", "Master of",
/// "PhD", "A.S.", "High School"), field, institution and year.
enum EducationExtractor {
    /// Highest first, so "Master of Business Administration" is not read as something lower.
    ///
    /// Each case-insensitive group starts with one `\b` before its alternatives rather than one in each: the
    /// same matches (a zero-width test at the same place), but ICU tests the boundary once a position instead
    /// of once an alternative, which halved the time a line takes (the patterns before are in the tests).
    static let levels: [(DegreeLevel, NSRegularExpression)] = [
        (
            .doctorate,
            NSRegularExpression.fixed(
                "(?i:\\b(?:ph\\.?\\s?d\\b\\.?|d\\.?phil\\b|doctor(?:ate)?\\b|doctoral\\b|doctorado\\b|doctorat\\b"
                    + "|doktor\\b|dottorato\\b|doutorado\\b))|\\bEd\\.D\\.")
        ),
        (
            .master,
            NSRegularExpression.fixed(
                "(?i:\\b(?:master'?s?\\b|m\\.?\\s?sc\\b\\.?|m\\.?\\s?eng\\b\\.?|m\\.?b\\.?a\\b\\.?|m\\.?\\s?tech\\b|mphil\\b"
                    + "|ll\\.?m\\b|máster\\b|maestr[ií]a\\b|mestrado\\b|laurea magistrale\\b|diplom-|magister\\b))"
                    + "|(?<!, )\\b(?:M\\.S\\.|MS|M\\.A\\.|MA|M\\.Ed\\.|MEd|M\\.E\\.)(?=[\\s,(]|$)")
        ),
        (
            .bachelor,
            NSRegularExpression.fixed(
                "(?i:\\b(?:bachelor'?s?\\b|b\\.?\\s?sc\\b\\.?|b\\.?\\s?eng\\b\\.?|b\\.?\\s?tech\\b|bba\\b|b\\.?com\\b|ll\\.?b\\b"
                    + "|undergraduate degree\\b|grado en\\b|licenciatura\\b|bacharelado\\b|laurea triennale\\b|bachelier\\b))"
                    + "|(?<!, )\\b(?:B\\.S\\.|BS|B\\.A\\.|BA|BFA|B\\.F\\.A\\.|B\\.E\\.|B\\.Eng)(?=[\\s,(]|$)"
            )
        ),
        (
            .associate,
            NSRegularExpression.fixed(
                "(?i:\\bassociate'?s?\\s+(?:degree|of|in)\\b)|(?<!, )\\b(?:A\\.S\\.|A\\.A\\.|A\\.A\\.S\\.|AAS)(?=[\\s,(]|$)"
            )
        ),
        (
            .highSchool,
            NSRegularExpression.fixed(
                "(?i:\\b(?:high school\\b|secondary school\\b|GED\\b|A-levels?\\b|abitur\\b))")
        ),
    ]
    /// Stems of the words that name a school, in the languages resumes use: "univers" covers University,
    /// Université, Universität, Universidad, Universiteit and Università; "institut" Institute and Instituto.
    private static let institutionWords = [
        "univers", "college", "institut", "school", "polytechn", "politecnic", "academy", "akademie", "academia",
        "conservatory", "conservatoire", "seminary", "école", "ecole", "hochschule", "escuela", "scuola", "escola",
        "collège",
    ]
    private static let year = NSRegularExpression.fixed("\\b(19[5-9]\\d|20\\d\\d)\\b")

    /// Any level's pattern, in one alternation: most text names no degree, and one pass over it says so
    /// where the five patterns took five.
    private static let anyLevel = NSRegularExpression.fixed(
        levels.map { "(?:\($0.1.pattern))" }.joined(separator: "|"))

    /// Whether `text` names a degree of any level: `level(in:) != nil` in one pass of the patterns (the
    /// alternation of them all matches exactly where one of them does).
    static func namesLevel(_ text: String) -> Bool {
        anyLevel.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func level(in text: String) -> (DegreeLevel, Range<String.Index>)? {
        guard namesLevel(text) else { return nil }
        for (level, pattern) in levels {
            if let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let range = Range(match.range, in: text)
            {
                return (level, range)
            }
        }
        return nil
    }

    /// Every degree level `text` names.
    static func levels(in text: String) -> [DegreeLevel] {
        guard namesLevel(text) else { return [] }
        return levels.filter { _, pattern in
            pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }.map(\.0)
    }

    /// Qualifications of no level of their own ("Graduate Diploma in Teaching", "Certificate in Data
    /// Science"): they start an entry as a degree does, with level ``DegreeLevel/other``.
    static func namesQualification(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["diploma", "certificate", "diplôme", "certificat"].contains { lowered.contains($0) }
    }

    static func extract(_ lines: [String]) -> [EducationEntry] {
        // A line naming a degree starts a new entry when the current one already has a degree; likewise
        // for institutions. Other lines (years, honours) join the current entry, up to three lines.
        var entries: [[String]] = []
        for raw in HyphenatedWords.joined(lines) {
            let line = raw.trimmed(" \t" + Bullet.marks)
            guard !line.isEmpty else { continue }
            let namesDegree = namesLevel(line) || namesQualification(line)
            let namesInstitution = isInstitution(line)
            guard let current = entries.last else {
                if namesDegree || namesInstitution { entries.append([line]) }
                continue
            }
            let currentText = current.joined(separator: " ")
            let currentHasDegree = namesLevel(currentText) || namesQualification(currentText)
            if (namesDegree && currentHasDegree) || (namesInstitution && !namesDegree && hasInstitution(current))
                || current.count >= 3
            {
                if namesDegree || namesInstitution { entries.append([line]) }
            } else {
                entries[entries.count - 1].append(line)
            }
        }
        return entries.compactMap(entry)
    }

    /// Whether `text` holds a word that names a school ("University", "Hochschule", "Institute").
    static func isInstitution(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return institutionWords.contains { lowered.containsLiteral($0) }
    }

    private static func hasInstitution(_ lines: [String]) -> Bool { lines.contains(where: isInstitution) }

    private static func entry(_ lines: [String]) -> EducationEntry? {
        let text = lines.joined(separator: " | ")
        guard let (level, degreeRange) = level(in: text) else {
            return isInstitution(text) || namesQualification(text)
                ? EducationEntry(level: .other, institution: institution(in: lines), year: lastYear(text)) : nil
        }
        // A degree still being studied for is not held yet: "B.S. (in progress, expected 2026)".
        let lowered = text.lowercased()
        let unfinished = ["in progress", "expected", "ongoing", "pursuing", "candidate", "anticipated"].contains {
            lowered.containsLiteral($0)
        }
        return EducationEntry(
            level: unfinished ? .other : level, field: level == .highSchool ? nil : field(after: degreeRange, in: text),
            institution: institution(in: lines),
            year: lastYear(text))
    }

    private static func lastYear(_ text: String) -> Int? {
        year.matches(in: text, range: NSRange(text.startIndex..., in: text)).last
            .flatMap { Range($0.range, in: text) }.flatMap { Int(text[$0]) }
    }

    /// The first part of `lines` that names a school and no degree. Parts are cut at bars, dashes, wide
    /// gaps, brackets and commas (a place stays whole); " at " cuts only after a degree or a subject, so
    /// "University of Texas at Austin" stays one name. A campus between the school and its place stays
    /// ("California State University, Sacramento, Sacramento, CA"); a name a narrow column wrapped after
    /// "of" goes on on the next line. Without a school word, the part just before the first place on a
    /// line that is not the degree's first part ("ETH Zurich, Zurich, Switzerland").
    private static func institution(in rawLines: [String]) -> String? {
        // Dates are no part of a name ("Escola Superior de Hotelaria 2011 – 2014").
        let lines = rawLines.map(withoutDates)
        var fallback: String?
        var nextLineFallback: String?
        for (number, line) in lines.enumerated() {
            var parts: [ExperienceExtractor.Piece] = []
            for chunk in ExperienceExtractor.split(line, at: separators) {
                var text = chunk.trimmed(" ,;:|-–—*_#`[].")
                if let at = text.range(of: " at "), !isInstitution(String(text[..<at.lowerBound])) {
                    text = String(text[at.upperBound...])
                }
                parts += ExperienceExtractor.commaPieces(text).filter { !$0.text.isEmpty }
            }
            for (index, part) in parts.enumerated() where isInstitution(part.text) && !isColumnLabel(part.text) {
                // "Boston College, MA" reads as a place: the school is the part before the comma.
                var name = part.isPlace ? String(part.text.prefix(while: { $0 != "," })) : part.text
                // "Bachelor of Science in Marine Biology University of Otago": no separator after the degree.
                if namesLevel(name), let school = school(after: name) { name = school }
                guard isInstitution(name) && !namesLevel(name) else { continue }
                if index + 2 < parts.count, !parts[index + 1].isPlace, parts[index + 2].isPlace,
                    isBareName(parts[index + 1].text)
                {
                    name += ", " + parts[index + 1].text
                }
                if let last = name.split(separator: " ").last, ["of", "for", "and", "de", "der", "für"].contains(last),
                    number + 1 < lines.count
                {
                    let next = ExperienceExtractor.pieces(of: lines[number + 1])
                    if let first = next.first, !first.isPlace { name += " " + first.text }
                } else if index == parts.count - 1, number + 1 < lines.count, startsWithConnector(lines[number + 1]) {
                    // "Escola Superior de Hotelaria" over "e Turismo do Estoril, Estoril, Portugal."
                    let next = ExperienceExtractor.pieces(of: lines[number + 1])
                    if let first = next.first, !first.isPlace { name += " " + first.text }
                }
                // "M.Sc. Physics, Technical" over "University of Munich, Munich, Germany."
                if index == 0, number > 0, let head = wrappedHead(of: lines[number - 1]) { name = head + " " + name }
                return name.trimmedWhitespace()
            }
            if fallback == nil, let place = parts.firstIndex(where: \.isPlace), place >= 2,
                isBareName(parts[place - 1].text)
            {
                fallback = parts[place - 1].text
            }
            // "MBA in Digital Marketing" over "Fundação Getulio Vargas · 2019 – 2021": a name alone with its
            // dates or place on the line after the degree's.
            if nextLineFallback == nil, number == 1, namesLevel(lines[0]) || namesQualification(lines[0]),
                let first = parts.first, !first.isPlace, isBareName(first.text), !isNote(first.text),
                parts.dropFirst().allSatisfy(\.isPlace), rawLines[number] != line || parts.count > 1
            {
                nextLineFallback = first.text
            }
        }
        return fallback ?? nextLineFallback
    }

    /// A school word alone ("Institution", "School"): a table's column label, not a school's name.
    private static func isColumnLabel(_ text: String) -> Bool {
        ["institution", "institutions", "school", "university", "college", "institute", "academy"].contains(
            text.lowercased())
    }

    /// `line` with its date range blanked out.
    private static func withoutDates(_ line: String) -> String {
        guard let range = DateRange.first(in: line) else { return line }
        return line.replacingCharacters(in: range.span, with: "   ")
    }

    /// Lower-case words that go on a school's name on the next line ("e Turismo do Estoril").
    private static let connectors: Set<String> = [
        "and", "of", "for", "e", "de", "do", "da", "dos", "das", "del", "der", "du", "di", "y", "et", "und", "für",
        "la",
    ]

    private static func startsWithConnector(_ line: String) -> Bool {
        let word = line.prefix { $0 != " " }
        return word.first?.isLowercase == true && connectors.contains(String(word))
    }

    /// Words that end a subject rather than begin a school's name: "Biology", "Mechatronics", "Technology".
    private static func isSubjectWord(_ word: some StringProtocol) -> Bool {
        let lowered = word.lowercased()
        return [
            "ics", "ogy", "ing", "nce", "nces", "ment", "tion", "ies", "ure", "try", "ism", "arts", "law", "design",
        ]
        .contains { lowered.hasSuffix($0) }
    }

    /// Lines about a degree that are not a school: honours, theses, grades.
    private static func isNote(_ text: String) -> Bool {
        let first = text.prefix { $0 != " " }.lowercased()
        return [
            "graduated", "thesis", "dissertation", "gpa", "grade", "honours", "honors", "minor", "major", "coursework",
            "focus", "specialisation", "specialization", "awarded", "summa", "magna", "cum", "first", "with",
        ].contains(first)
    }

    /// The school at the end of a degree written without a separator before it: from its school word, with
    /// up to two capitalised words before it that are no subject ("… Information Technology Technical
    /// University of Munich" → "Technical University of Munich").
    private static func school(after degree: String) -> String? {
        let words = degree.split(separator: " ")
        guard let keyword = words.firstIndex(where: { isInstitution(String($0)) }), keyword > 0 else { return nil }
        var start = keyword
        while start > max(0, keyword - 2), let first = words[start - 1].first, first.isUppercase,
            !isSubjectWord(words[start - 1]), !namesLevel(String(words[start - 1])),
            words[start - 1].allSatisfy({ $0.isLetter || $0 == "-" })
        {
            start -= 1
        }
        let name = words[start...].joined(separator: " ")
        return !namesLevel(name) ? name : nil
    }

    /// The start of a school's name that a narrow column left at the end of the degree's line: one or two
    /// capitalised words after its last comma ("M.Sc. Electrical Engineering, Technical").
    private static func wrappedHead(of line: String) -> String? {
        let text = line.trimmedWhitespace()
        guard let last = text.last, last.isLetter, namesLevel(text), let comma = text.lastIndex(of: ",")
        else { return nil }
        let head = text[text.index(after: comma)...].trimmedWhitespace()
        let words = head.split(separator: " ")
        guard (1...2).contains(words.count),
            words.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) && !isSubjectWord($0) }),
            !namesLevel(head), !isInstitution(head), !isNote(head),
            ExperienceExtractor.Piece(head).isPlace == false,
            !ExperienceExtractor.isRegion(head)
        else { return nil }
        return head
    }

    /// A short name without a degree, digits or a sentence: a campus or a school.
    private static func isBareName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (1...6).contains(words.count) && text.first?.isUppercase == true && !text.contains(where: \.isNumber)
            && !namesLevel(text)
    }

    private static let separators = ExperienceExtractor.Separators(
        [" | ", " — ", " – ", " - ", " @ ", "   ", "\t", "(", ")"] + Bullet.glyphs.map(String.init))

    /// The subject after the degree: "B.Sc. Computer Science, ..." and "Bachelor of Science in Physics".
    private static func field(after degree: Range<String.Index>, in text: String) -> String? {
        var rest = String(text[degree.upperBound...])
        for lead in ["'s degree", "’s degree", "'s", " degree", "."] where rest.hasPrefix(lead) {
            rest.removeFirst(lead.count)
        }
        rest = rest.trimmedWhitespace()
        let connectors = [
            "of Science in ", "of Arts in ", "of Engineering in ", "of Science, ", "in ", "of ", "em ", "– ", "- ",
            ": ",
        ]
        for connector in connectors where rest.hasPrefix(connector) {
            rest.removeFirst(connector.count)
            break
        }
        for stop in [",", "|", " - ", " – ", " — ", "(", " at ", ";", "  "] {
            if let range = rest.range(of: stop) { rest = String(rest[..<range.lowerBound]) }
        }
        let field = rest.trimmed(where: { $0.isWhitespace || $0.isPunctuation })
        guard !field.isEmpty, !field.contains(where: \.isNumber), !isInstitution(field),
            ["science", "arts", "engineering"].contains(field.lowercased()) == false
        else { return nil }
        return field
    }
}

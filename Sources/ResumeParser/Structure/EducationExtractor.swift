import Foundation

/// Degrees from the education section: level (by degree names and abbreviations, "B.Sc.", "Master of",
/// "PhD", "A.S.", "High School"), field, institution and year.
enum EducationExtractor {
    /// Highest first, so "Master of Business Administration" is not read as something lower.
    static let levels: [(DegreeLevel, NSRegularExpression)] = [
        (
            .doctorate,
            NSRegularExpression.fixed(
                "(?i:\\bph\\.?\\s?d\\b\\.?|\\bd\\.?phil\\b|\\bdoctor(?:ate)?\\b|\\bdoctoral\\b|\\bdoctorado\\b|\\bdoctorat\\b"
                    + "|\\bdoktor\\b|\\bdottorato\\b)|\\bEd\\.D\\.")
        ),
        (
            .master,
            NSRegularExpression.fixed(
                "(?i:\\bmaster'?s?\\b|\\bm\\.?\\s?sc\\b\\.?|\\bm\\.?\\s?eng\\b\\.?|\\bm\\.?b\\.?a\\b\\.?|\\bm\\.?\\s?tech\\b|\\bmphil\\b"
                    + "|\\bll\\.?m\\b|\\bmáster\\b|\\bmaestr[ií]a\\b|\\bmestrado\\b|\\blaurea magistrale\\b|\\bdiplom-|\\bmagister\\b)"
                    + "|(?<!, )\\b(?:M\\.S\\.|MS|M\\.A\\.|MA|M\\.Ed\\.|MEd|M\\.E\\.)(?=[\\s,(]|$)")
        ),
        (
            .bachelor,
            NSRegularExpression.fixed(
                "(?i:\\bbachelor'?s?\\b|\\bb\\.?\\s?sc\\b\\.?|\\bb\\.?\\s?eng\\b\\.?|\\bb\\.?\\s?tech\\b|\\bbba\\b|\\bb\\.?com\\b|\\bll\\.?b\\b"
                    + "|\\bundergraduate degree\\b|\\bgrado en\\b|\\blicenciatura\\b|\\blaurea triennale\\b|\\bbachelier\\b)"
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
                "(?i:\\bhigh school\\b|\\bsecondary school\\b|\\bGED\\b|\\bA-levels?\\b|\\babitur\\b)")
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

    static func level(in text: String) -> (DegreeLevel, Range<String.Index>)? {
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
        levels.filter { _, pattern in
            pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }.map(\.0)
    }

    static func extract(_ lines: [String]) -> [EducationEntry] {
        // A line naming a degree starts a new entry when the current one already has a degree; likewise
        // for institutions. Other lines (years, honours) join the current entry, up to three lines.
        var entries: [[String]] = []
        for raw in lines {
            let line = raw.trimmed(" \t" + Bullet.marks)
            guard !line.isEmpty else { continue }
            let namesDegree = level(in: line) != nil
            let namesInstitution = isInstitution(line)
            guard let current = entries.last else {
                if namesDegree || namesInstitution { entries.append([line]) }
                continue
            }
            let currentHasDegree = level(in: current.joined(separator: " ")) != nil
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

    private static func isInstitution(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return institutionWords.contains { lowered.contains($0) }
    }

    private static func hasInstitution(_ lines: [String]) -> Bool { lines.contains(where: isInstitution) }

    private static func entry(_ lines: [String]) -> EducationEntry? {
        let text = lines.joined(separator: " | ")
        guard let (level, degreeRange) = level(in: text) else {
            return isInstitution(text)
                ? EducationEntry(level: .other, institution: institution(in: lines), year: lastYear(text)) : nil
        }
        // A degree still being studied for is not held yet: "B.S. (in progress, expected 2026)".
        let lowered = text.lowercased()
        let unfinished = ["in progress", "expected", "ongoing", "pursuing", "candidate", "anticipated"].contains {
            lowered.contains($0)
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
    private static func institution(in lines: [String]) -> String? {
        var fallback: String?
        for (number, line) in lines.enumerated() {
            var parts: [ExperienceExtractor.Piece] = []
            for chunk in ExperienceExtractor.split(line, at: separators) {
                var text = chunk.trimmed(" ,;:|-–—*_#`[].")
                if let at = text.range(of: " at "), !isInstitution(String(text[..<at.lowerBound])) {
                    text = String(text[at.upperBound...])
                }
                parts += ExperienceExtractor.commaPieces(text)
            }
            for (index, part) in parts.enumerated() where isInstitution(part.text) {
                // "Boston College, MA" reads as a place: the school is the part before the comma.
                var name = part.isPlace ? String(part.text.prefix(while: { $0 != "," })) : part.text
                guard isInstitution(name) && level(in: name) == nil else { continue }
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
                }
                return name.trimmedWhitespace()
            }
            if fallback == nil, let place = parts.firstIndex(where: \.isPlace), place >= 2,
                isBareName(parts[place - 1].text)
            {
                fallback = parts[place - 1].text
            }
        }
        return fallback
    }

    /// A short name without a degree, digits or a sentence: a campus or a school.
    private static func isBareName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (1...6).contains(words.count) && text.first?.isUppercase == true && !text.contains(where: \.isNumber)
            && level(in: text) == nil
    }

    private static let separators =
        [" | ", " — ", " – ", " - ", " @ ", "   ", "\t", "(", ")"] + Bullet.glyphs.map(String.init)

    /// The subject after the degree: "B.Sc. Computer Science, ..." and "Bachelor of Science in Physics".
    private static func field(after degree: Range<String.Index>, in text: String) -> String? {
        var rest = String(text[degree.upperBound...])
        for lead in ["'s degree", "’s degree", "'s", " degree", "."] where rest.hasPrefix(lead) {
            rest.removeFirst(lead.count)
        }
        rest = rest.trimmedWhitespace()
        let connectors = [
            "of Science in ", "of Arts in ", "of Engineering in ", "of Science, ", "in ", "of ", "– ", "- ", ": ",
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

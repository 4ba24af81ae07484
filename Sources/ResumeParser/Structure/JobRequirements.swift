import Foundation

/// Reads a job description: title, required vs preferred skills, minimum years, required degree.
///
/// Skills under a "nice to have" / "bonus" / "preferred" / "a plus" heading, or on a line saying so,
/// are preferred; all others are required (a skill named in both places is required). A degree
/// described as "a plus", "preferred" or "not required" is not a requirement.
enum JobRequirements {
    private static let preferredMarkers = [
        "nice to have", "nice-to-have", "bonus", "preferred", "a plus", "desirable", "good to have", "would be great",
        "optional", "extra credit", "pluses", "not required",
    ]
    private static let years = NSRegularExpression.fixed(
        "(\\d{1,2}(?:\\.\\d)?)\\s*+\\+?\\s*+(?:(?:-|–|to)\\s*+\\d{1,2}\\s*+)?(?:years?|yrs?)\\b",
        options: .caseInsensitive)

    static func isPreferred(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return preferredMarkers.contains { lowered.contains($0) }
    }

    static func parse(text: String, source: String, format: String, matcher: SkillMatcher) -> ParsedJob {
        let lines = text.splitAtLineBreaks()
        var required: [SkillMention] = []
        var preferred: [SkillMention] = []
        var minimumYears: Double?
        var degree: DegreeLevel?
        var inPreferredBlock = false
        var inRequirementBlock = false
        var firstRequirementLine: [String]?
        // The first requirement line past years and degree lines has been read and named a skill; the skills
        // of the first requirement line that states years ("5+ years of product management").
        var firstRequirementNamed: Bool?
        var roleLine: [String]?
        var firstSkillLine: [String]?
        var alternatives: [[String]] = []
        for line in lines {
            let trimmed = line.trimmedWhitespace()
            guard !trimmed.isEmpty else { continue }
            let isBullet = trimmed.first.map { Bullet.lineStarts.contains($0) } ?? false
            let isHeading = isHeadingLine(trimmed) || (!isBullet && isPlainHeading(trimmed))
            if isHeading {
                inPreferredBlock = isPreferred(trimmed)
                inRequirementBlock = !inPreferredBlock && isRequirementHeading(trimmed)
            }
            // "(B2B SaaS preferred)" marks its own words preferred, not the line it stands in.
            let (text, asides) = isHeading ? (trimmed, []) : preferredAsides(trimmed)
            let preferredHere = inPreferredBlock || isPreferred(text)
            // A degree line names a field of study ("Computer Science"), not a skill. Bullet lines are lists.
            let namesDegree = EducationExtractor.namesLevel(text)
            let found = namesDegree ? [] : matcher.skills(in: text, isSkillList: isBullet)
            // The first requirement naming skills, past lines that state years ("5+ years as an SRE"):
            // those name the role, not the tool it is built around.
            if inRequirementBlock && !preferredHere && !isHeading && !namesDegree {
                if Self.minimumYears(in: text) != nil {
                    if roleLine == nil && !found.isEmpty { roleLine = found.map(\.name) }
                } else if firstRequirementNamed == nil {
                    firstRequirementNamed = !found.isEmpty
                }
            }
            if !preferredHere && !isHeading && !found.isEmpty {
                let statesYears = Self.minimumYears(in: text) != nil
                if inRequirementBlock && !statesYears && firstRequirementLine == nil {
                    firstRequirementLine = found.map(\.name)
                }
                if isBullet && !statesYears && firstSkillLine == nil { firstSkillLine = found.map(\.name) }
                alternatives += Self.alternatives(in: text, matcher: matcher, isSkillList: isBullet)
            }
            for skill in asides.flatMap({ matcher.skills(in: $0) }) {
                let mention = SkillMention(name: skill.name, category: skill.category)
                if !preferred.contains(mention) && !required.contains(mention) { preferred.append(mention) }
            }
            for skill in found {
                let mention = SkillMention(name: skill.name, category: skill.category)
                if preferredHere {
                    if !preferred.contains(mention) && !required.contains(mention) { preferred.append(mention) }
                } else if !required.contains(mention) {
                    required.append(mention)
                    preferred.removeAll { $0 == mention }
                }
            }
            if !preferredHere, minimumYears == nil, let found = Self.minimumYears(in: text) {
                minimumYears = found  // the first figure stated: "8+ years in engineering, 2+ managing" is 8
            }
            // "MSc or PhD": the lowest level named is the requirement.
            if !preferredHere, let level = EducationExtractor.levels(in: text).min() {
                degree = min(degree ?? level, level)
            }
        }
        let title = title(lines)
        let requiredNames = Set(required.map(\.name))
        // The skills the title names ("Senior Backend Engineer (Java)"), else the first requirement line's.
        // When that line names no skill the taxonomy knows ("Discovery and user research"), the role a years
        // line names ("5+ years of product management") is what the job is built around, not a later line's
        // tool ("Analytics: SQL or a product analytics tool").
        var core = (title.map { matcher.skills(in: $0).map(\.name) } ?? []).filter(requiredNames.contains)
        if core.isEmpty, firstRequirementNamed == false, let roleLine { core = roleLine }
        if core.isEmpty { core = firstRequirementLine ?? firstSkillLine ?? [] }
        return ParsedJob(
            source: source, format: format, title: title, requiredSkills: required, preferredSkills: preferred,
            minimumYears: minimumYears, requiredDegree: degree, coreSkills: core.filter(requiredNames.contains),
            alternatives: alternatives.map { $0.filter(requiredNames.contains) }.filter { $0.count > 1 })
    }

    /// Words that say how much a marker means ("strongly preferred", "would be a plus"), not what is preferred.
    private static let markerFillers: Set<String> = [
        "a", "an", "is", "are", "be", "but", "highly", "not", "required", "strongly", "very", "would", "great",
        "definitely", "big", "huge", "real", "also", "to", "have", "nice", "good", "plus", "preferred", "bonus",
    ]

    /// `line` without its parenthetical asides that name something of their own as preferred ("5+ years of
    /// product management (B2B SaaS preferred)"), and those asides. A parenthesis holding only the marker
    /// ("Kubernetes (preferred)", "(a plus)") qualifies the whole line and stays in it.
    ///
    /// - Complexity: O(n) in the length of `line`.
    static func preferredAsides(_ line: String) -> (main: String, asides: [String]) {
        guard line.contains("(") else { return (line, []) }
        var main = ""
        var asides: [String] = []
        var rest = line[...]
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let inside = rest[rest.index(after: open)..<close]
            main += rest[..<open]
            var words = inside.lowercased()
            for marker in preferredMarkers { words = words.replacingOccurrences(of: marker, with: " ") }
            let namesSomething = words.split { !$0.isLetter && !$0.isNumber }.contains {
                !markerFillers.contains(String($0))
            }
            if isPreferred(String(inside)) && namesSomething {
                asides.append(String(inside))
            } else {
                main += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        main += rest
        return (main, asides)
    }

    /// Groups of skills a line offers as alternatives: within each clause (cut at ";" and ":") that says
    /// "or" ("Python or Go", "Snowflake, BigQuery or Redshift", "REST and/or gRPC"), its skills.
    static func alternatives(in line: String, matcher: SkillMatcher, isSkillList: Bool) -> [[String]] {
        var groups: [[String]] = []
        for clause in line.split(whereSeparator: { $0 == ";" || $0 == ":" }) {
            let lowered = " " + clause.lowercased() + " "
            guard lowered.contains(" or ") || lowered.contains("and/or") || lowered.contains(" either ") else {
                continue
            }
            let names = matcher.skills(in: String(clause), isSkillList: isSkillList).map(\.name)
            if names.count > 1 { groups.append(names) }
        }
        return groups
    }

    private static let requirementHeadingWords = [
        "require", "qualif", "must", "you have", "you bring", "you'll bring", "you will bring", "looking for",
        "skills", "what we need", "about you", "who you are", "experience",
    ]

    private static func isRequirementHeading(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return requirementHeadingWords.contains { lowered.contains($0) }
    }

    /// A heading of a plain-text description: a short line (five words at most) that names a known section
    /// ("Requirements", "Nice to have", "About the role") and does not end a sentence.
    private static func isPlainHeading(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard words.count <= 5, let last = line.last, !".,;!?".contains(last) else { return false }
        let lowered = line.lowercased()
        return isPreferred(line) || isRequirementHeading(line) || lowered.hasPrefix("about ")
            || lowered.hasPrefix("what you") || lowered.contains("responsibilit") || lowered.contains("benefits")
            || lowered.contains("what we offer")
    }

    /// "5+ years", "3-5 years" (3), "at least 2 yrs": the first number of years the line states.
    static func minimumYears(in line: String) -> Double? {
        let lowered = line.lowercased()
        guard lowered.contains("experience") || lowered.contains("year") || lowered.contains("yrs") else { return nil }
        let matches = years.matches(in: line, range: NSRange(line.startIndex..., in: line))
        return matches.first.flatMap { Range($0.range(at: 1), in: line) }.flatMap { Double(line[$0]) }
    }

    private static func isHeadingLine(_ line: String) -> Bool {
        let stripped = line.trimmed("#*_ ")
        return line.hasPrefix("#") || (stripped.hasSuffix(":") && stripped.split(separator: " ").count <= 10)
    }

    /// The first line, without Markdown marks, cut before " - Company" / " at Company" / " | Company".
    private static func title(_ lines: [String]) -> String? {
        guard let first = lines.first(where: { !$0.trimmedWhitespace().isEmpty }) else { return nil }
        var title = first.trimmed("#*_ ")
        for separator in [" - ", " – ", " — ", " | ", " at ", " @ "] {
            if let range = title.range(of: separator) { title = String(title[..<range.lowerBound]) }
        }
        return title.isEmpty ? nil : title
    }
}

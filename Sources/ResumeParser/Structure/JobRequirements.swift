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
        let lines = text.components(separatedBy: .newlines)
        var required: [SkillMention] = []
        var preferred: [SkillMention] = []
        var minimumYears: Double?
        var degree: DegreeLevel?
        var inPreferredBlock = false
        for line in lines {
            let trimmed = line.trimmedWhitespace()
            guard !trimmed.isEmpty else { continue }
            let isHeading = isHeadingLine(trimmed)
            if isHeading { inPreferredBlock = isPreferred(trimmed) }
            let preferredHere = inPreferredBlock || isPreferred(trimmed)
            // A degree line names a field of study ("Computer Science"), not a skill. Bullet lines are lists.
            let namesDegree = EducationExtractor.level(in: trimmed) != nil
            let isBullet = trimmed.first.map { Bullet.lineStarts.contains($0) } ?? false
            for skill in namesDegree ? [] : matcher.skills(in: trimmed, isSkillList: isBullet) {
                let mention = SkillMention(name: skill.name, category: skill.category)
                if preferredHere {
                    if !preferred.contains(mention) && !required.contains(mention) { preferred.append(mention) }
                } else if !required.contains(mention) {
                    required.append(mention)
                    preferred.removeAll { $0 == mention }
                }
            }
            if !preferredHere, minimumYears == nil, let found = Self.minimumYears(in: trimmed) {
                minimumYears = found  // the first figure stated: "8+ years in engineering, 2+ managing" is 8
            }
            // "MSc or PhD": the lowest level named is the requirement.
            if !preferredHere, let level = EducationExtractor.levels(in: trimmed).min() {
                degree = min(degree ?? level, level)
            }
        }
        return ParsedJob(
            source: source, format: format, title: title(lines), requiredSkills: required, preferredSkills: preferred,
            minimumYears: minimumYears, requiredDegree: degree)
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

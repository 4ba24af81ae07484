import Foundation

/// Name, e-mail, phone, location and links. E-mail, phone and links are looked for in the whole
/// document (two-column layouts put them anywhere); name and location in its first lines.
enum ContactExtractor {
    // Every pattern below runs in linear time on any line: a match may start only where a run of its first
    // character class starts (the look-behinds), and runs are matched possessively (`++`), since the
    // character that must follow a run is never in it. Without that, a 50 KB line of letters took 14 s.
    private static let email = NSRegularExpression.fixed(
        "(?<![a-z0-9._%+-])[a-z0-9._%+-]++@[a-z0-9-]++(?:\\.[a-z0-9-]++)*\\.[a-z]{2,}", options: .caseInsensitive)
    private static let link = NSRegularExpression.fixed(
        "(?:https?://|www\\.)[^\\s|,;<>()]++|(?<![@\\w.-])(?:[a-z0-9-]++\\.)*"
            + "(?:linkedin\\.com|github\\.com|gitlab\\.com|bitbucket\\.org|behance\\.net|dribbble\\.com|medium\\.com|"
            + "stackoverflow\\.com)/[^\\s|,;<>()]*+",
        options: .caseInsensitive)
    private static let location = NSRegularExpression.fixed(
        "^\\s*([A-Z][A-Za-z.'\\- ]{1,30}?),\\s*([A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\\s*$")
    /// Words that make a line a job title or document label rather than a name.
    private static let notNameWords: Set<String> = [
        "resume", "résumé", "cv", "curriculum", "vitae", "engineer", "developer", "manager", "analyst", "scientist",
        "designer", "consultant", "profile", "summary", "contact", "experience", "education", "skills", "senior",
        "lead", "architect", "intern", "university", "college", "inc", "ltd", "llc", "page",
    ]

    static func extract(lines: [String], header: [String]) -> ContactInfo {
        let text = lines.joined(separator: "\n")
        var contact = ContactInfo()
        contact.email = firstEmail(in: text)
        contact.links = links(in: text)
        let headLines = Array((header.isEmpty ? lines : header).prefix(12))
        contact.name = name(in: headLines) ?? name(in: Array(lines.prefix(6)))
        contact.location = location(in: headLines) ?? location(in: Array(lines.prefix(15)))
        contact.phone = PhoneNumber.first(in: text, location: contact.location)
        return contact
    }

    /// The first e-mail address, looked for only in the words that contain an `@` (at most 320 characters,
    /// the longest address RFC 5321 allows, plus some punctuation around it).
    static func firstEmail(in text: String) -> String? {
        for word in text.split(whereSeparator: { $0.isWhitespace }) where word.utf8.count <= 320 && word.contains("@") {
            if let found = firstMatch(email, in: String(word)) { return found.lowercased() }
        }
        return nil
    }

    private static func firstMatch(_ pattern: NSRegularExpression, in text: String) -> String? {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            .flatMap { Range($0.range, in: text) }.map { String(text[$0]) }
    }

    static func links(in text: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            var url = String(text[range]).trimmed(".,;:)]}>\"'")
            if !url.lowercased().hasPrefix("http") { url = "https://" + url }
            if url.hasSuffix("/") { url.removeLast() }
            if seen.insert(url.lowercased()).inserted { result.append(url) }
        }
        return result
    }

    /// Pieces of a header line: "Austin, TX | ada@example.com | (512) 555-0142" → three parts.
    static func parts(of line: String) -> [String] {
        ExperienceExtractor.split(line, at: ["|", "\t", "   "] + Bullet.glyphs.map(String.init))
            .map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
    }

    static func name(in lines: [String]) -> String? {
        for line in lines {
            for part in parts(of: line.trimmed("#*_ ")).prefix(1) {
                let words = part.split(separator: " ")
                guard (2...4).contains(words.count),
                    words.allSatisfy({ word in
                        word.first?.isUppercase == true
                            && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." || $0 == "’" }
                    }),
                    !words.contains(where: {
                        notNameWords.contains($0.lowercased().trimmed(where: \.isPunctuation))
                    })
                else { continue }
                let isShouting = part.allSatisfy { !$0.isLetter || $0.isUppercase }
                return isShouting
                    ? words.map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ") : part
            }
        }
        return nil
    }

    static func location(in lines: [String]) -> String? {
        for line in lines {
            for part in parts(of: line) where !part.contains("@") {
                guard let match = location.firstMatch(in: part, range: NSRange(part.startIndex..., in: part)),
                    let regionRange = Range(match.range(at: 2), in: part),
                    let cityRange = Range(match.range(at: 1), in: part)
                else { continue }
                let region = String(part[regionRange])
                guard PhoneNumber.callingCode[region.lowercased()] != nil else { continue }
                return "\(part[cityRange].trimmedWhitespace()), \(region)"
            }
        }
        return nil
    }
}

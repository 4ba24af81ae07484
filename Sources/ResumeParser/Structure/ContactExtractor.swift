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
    // A city (letters of any script, dots, apostrophes, hyphens, spaces; at most 30) and a region: a
    // two-letter code or one to three capitalised words. The city run is bounded, so the lazy match is.
    private static let location = NSRegularExpression.fixed(
        "^\\s*(\\p{Lu}[\\p{L}.'\\- ]{1,30}?),\\s*(\\p{Lu}{2}|\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})\\s*$")
    /// Words that make a line a job title, a label or an address rather than a name.
    private static let notNameWords: Set<String> = [
        "resume", "résumé", "cv", "curriculum", "vitae", "engineer", "developer", "manager", "analyst", "scientist",
        "designer", "consultant", "profile", "summary", "contact", "experience", "education", "skills", "senior",
        "lead", "architect", "intern", "university", "college", "inc", "ltd", "llc", "page", "personal",
        "information", "info", "details", "data", "your", "my", "name", "location", "address", "phone", "mobile",
        "email", "e-mail", "website", "portfolio", "references", "objective", "about", "street", "road", "avenue",
        "lane", "drive", "suite", "apartment", "confidential", "updated", "links", "social", "me", "position",
        "applied", "application", "job", "target", "desired",
    ]
    /// Lower-case words that may stand inside a name ("Ludwig van Beethoven", "María de la Cruz").
    private static let nameParticles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ten", "ter",
        "bin", "binti", "al", "el", "y",
    ]

    /// How far into the document a name or a location is looked for when the header lacks it (a sidebar
    /// read after the main column, a name beside a photo).
    static let searchedLines = 80

    static func extract(lines: [String], header: [String]) -> ContactInfo {
        let text = lines.joined(separator: "\n")
        // Split once for the e-mail, link and phone searches, which each go line by line.
        let textLines = text.utf8.split(separator: UInt8(ascii: "\n"))
        var contact = ContactInfo()
        contact.email = firstEmail(inLines: textLines)
        contact.links = links(inLines: textLines)
        let headLines = Array((header.isEmpty ? lines : header).prefix(12))
        contact.name = name(
            header: headLines, top: Array(lines.prefix(searchedLines)),
            identity: identity(email: contact.email, links: contact.links))
        // The header, then the lines around the e-mail and phone (a sidebar, a footer), then the top.
        contact.location =
            location(in: headLines) ?? location(in: contactBlock(Array(lines.prefix(searchedLines))))
            ?? location(in: Array(lines.prefix(15)))
        contact.phone = PhoneNumber.first(inLines: textLines, location: contact.location)
        return contact
    }

    /// The lines around those that hold an e-mail address or a phone number (three either side), nearest
    /// first: where a sidebar or a footer keeps the rest of the contact details.
    static func contactBlock(_ lines: [String]) -> [String] {
        let anchors = lines.indices.filter { index in
            let line = lines[index]
            return line.containsLiteral("@")
                || (line.utf8.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 7
                    && PhoneNumber.first(in: line, location: nil) != nil)
        }
        var seen = Set<Int>()
        var block: [String] = []
        for distance in 0...3 {
            for anchor in anchors {
                for index in [anchor - distance, anchor + distance] where lines.indices.contains(index) {
                    if seen.insert(index).inserted { block.append(lines[index]) }
                }
            }
        }
        return block
    }

    /// The first e-mail address, looked for only in the words that contain an `@` (at most 320 characters,
    /// the longest address RFC 5321 allows, plus some punctuation around it).
    static func firstEmail(in text: String) -> String? {
        firstEmail(inLines: text.utf8.split(separator: UInt8(ascii: "\n")))
    }

    /// ``firstEmail(in:)`` over a text already cut at its line feeds.
    static func firstEmail(inLines lines: [Substring.UTF8View]) -> String? {
        // Words never span lines, so only the lines holding an "@" are split into words.
        for line in lines where line.contains(UInt8(ascii: "@")) {
            let line = String(Substring(line))
            for word in line.split(whereSeparator: { $0.isWhitespace })
            where word.utf8.count <= 320 && word.containsLiteral("@") {
                if let found = firstMatch(email, in: String(word)) { return endingAtColumnJoin(found).lowercased() }
            }
        }
        return nil
    }

    /// `address` without the word of a neighbouring column that the text layer set flush against it
    /// ("ada@example.ptOperations" → "ada@example.pt"): the top-level domain ends where a lower-case letter
    /// is followed by a capital, if two letters or more remain.
    static func endingAtColumnJoin(_ address: String) -> String {
        guard let dot = address.lastIndex(of: ".") else { return address }
        let label = address[address.index(after: dot)...]
        var previous: Character?
        for index in label.indices {
            let character = label[index]
            if let previous, previous.isLowercase, character.isUppercase {
                return label.distance(from: label.startIndex, to: index) >= 2 ? String(address[..<index]) : address
            }
            previous = character
        }
        return address
    }

    private static func firstMatch(_ pattern: NSRegularExpression, in text: String) -> String? {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            .flatMap { Range($0.range, in: text) }.map { String(text[$0]) }
    }

    static func links(in text: String) -> [String] {
        links(inLines: text.utf8.split(separator: UInt8(ascii: "\n")))
    }

    /// ``links(in:)`` over a text already cut at its line feeds.
    static func links(inLines lines: [Substring.UTF8View]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        // A link holds no white space, so it lies within one line, and it holds "http", "www." or one of the
        // named sites' ".com/", ".org/" or ".net/": the pattern runs only on lines holding one of those.
        for line in lines where mayHoldLink(line) {
            let line = String(Substring(line))
            for match in link.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                guard let range = Range(match.range, in: line) else { continue }
                var url = String(line[range]).trimmed(".,;:)]}>\"'")
                if !url.lowercased().hasPrefix("http") { url = "https://" + url }
                if url.hasSuffix("/") { url.removeLast() }
                if seen.insert(url.lowercased()).inserted { result.append(url) }
            }
        }
        return result
    }

    private static let linkNeedles: [[UInt8]] = ["http", "www.", ".com/", ".org/", ".net/"].map { Array($0.utf8) }
    /// For each byte, whether a needle starts with it lower-cased: most positions are passed over on one load.
    private static let startsLinkNeedle: [Bool] = (0...255).map { byte in
        let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        return linkNeedles.contains { $0.first == UInt8(lower) }
    }

    /// Whether `line` holds "http", "www.", ".com/", ".org/" or ".net/" in any case (the pattern
    /// ``link`` cannot match without one of them).
    private static func mayHoldLink(_ line: Substring.UTF8View) -> Bool {
        line.withContiguousStorageIfAvailable(mayHoldLink) ?? Array(line).withUnsafeBufferPointer(mayHoldLink)
    }

    private static func mayHoldLink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        for start in bytes.indices where startsLinkNeedle[Int(bytes[start])] {
            for needle in linkNeedles where start + needle.count <= bytes.count {
                var matched = true
                for (offset, byte) in needle.enumerated() {
                    let value = bytes[start + offset]
                    let lower = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                    if lower != byte {
                        matched = false
                        break
                    }
                }
                if matched { return true }
            }
        }
        return false
    }

    /// What separates the parts of a header line: bars, tabs, gaps of two spaces, dashes between spaces, slashes,
    /// semicolons, bullets and the diamonds and arrows templates use (icons are already bullets).
    private static let separators = ExperienceExtractor.Separators(
        ["|", "\t", "  ", " – ", " — ", " - ", " / ", "; "] + (Bullet.glyphs + "♦◆⋄✦►▸●○■").map(String.init))

    /// Pieces of a header line: "Austin, TX | ada@example.com | (512) 555-0142" → three parts.
    static func parts(of line: String) -> [String] {
        ExperienceExtractor.split(line, at: separators)
            .map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
    }

    /// The words a person's own addresses are made of: the e-mail's local part and the last path
    /// component of profile links ("ada.lovelace@", "linkedin.com/in/ada-lovelace"), letters only, folded.
    static func identity(email: String?, links: [String]) -> String {
        var sources = [email.map { String($0.prefix(while: { $0 != "@" })) } ?? ""]
        for link in links
        where link.containsLiteral("linkedin.") || link.containsLiteral("github.") || link.containsLiteral("gitlab.") {
            sources.append(String(link.split(separator: "/").last ?? ""))
        }
        return sources.joined(separator: " ").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The name: the first name-like line of the header, unless another name-like line near the top matches
    /// the person's addresses (``identity(email:links:)``) and the header's does not — a label or a place
    /// taken for a name, or a name in a sidebar read after the main column.
    static func name(header: [String], top: [String], identity: String) -> String? {
        let header = joiningHyphenated(header)
        let top = joiningHyphenated(top)
        let first = name(in: header) ?? name(in: Array(top.prefix(6)))
        guard !identity.isEmpty else { return first }
        if let first, matches(first, identity) { return first }
        for (index, line) in top.enumerated() {
            if let candidate = name(in: [line]), matches(candidate, identity) { return candidate }
            // A narrow sidebar sets the first name and the surname on lines of their own.
            if index + 1 < top.count, isOneWord(line), isOneWord(top[index + 1]),
                let candidate = name(in: [line + " " + top[index + 1]]), matches(candidate, identity)
            {
                return candidate
            }
        }
        return first
    }

    private static func isOneWord(_ line: String) -> Bool {
        line.utf8.count <= 30 && !line.containsLiteral(" ")
    }

    /// Lines with a name a narrow column hyphenated ("Tomás Okonkwo-" over "Reyes") put back together.
    static func joiningHyphenated(_ lines: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasSuffix("-"), line.dropLast().last?.isLetter == true, index + 1 < lines.count,
                isOneWord(lines[index + 1]), lines[index + 1].first?.isUppercase == true
            {
                result.append(line + lines[index + 1])
                index += 2
            } else {
                result.append(line)
                index += 1
            }
        }
        return result
    }

    /// Whether a name's words appear in `identity`: one of at least three letters, or all of them.
    static func matches(_ name: String, _ identity: String) -> Bool {
        let words = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !$0.isLetter }).map(String.init)
        let found = words.filter { $0.count >= 2 && identity.contains($0) }
        return found.contains { $0.count >= 3 } || (!words.isEmpty && found.count == words.count)
    }

    static func name(in lines: [String]) -> String? {
        // A name is short: longer lines are not looked at (bounded work per line on hostile text).
        for line in lines where line.utf8.count <= 120 {
            // The name is the line's first part, or the first after a label or contact details beside it
            // ("PERSONAL INFORMATION   Ada Lovelace", "github.com/ada   Ada Lovelace   ada@example.com").
            let pieces = parts(of: line.trimmed("#*_ "))
            let first = pieces.prefix(3).firstIndex { !isLabel($0) && !isContactValue($0) } ?? 0
            for part in pieces[first...].prefix(1) {
                let words = part.split(separator: " ")
                guard (2...5).contains(words.count),
                    words.enumerated().allSatisfy({ position, word in
                        (word.first?.isUppercase == true
                            || (position > 0 && nameParticles.contains(String(word))))
                            && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." || $0 == "’" }
                    }),
                    words.filter({ $0.first?.isUppercase == true }).count >= 2,
                    !words.contains(where: {
                        notNameWords.contains($0.lowercased().trimmed(where: \.isPunctuation))
                    }),
                    SectionSplitter.heading(line) == nil
                else { continue }
                let isShouting = part.allSatisfy { !$0.isLetter || $0.isUppercase }
                return isShouting
                    ? words.map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ") : part
            }
        }
        return nil
    }

    /// Words of the labels a form or a header sets before the name ("Personal information", "Name:").
    private static let labelWords: Set<String> = [
        "personal", "information", "info", "details", "data", "contact", "name", "full", "candidate", "about", "me",
        "curriculum", "vitae", "cv", "resume", "résumé", "profile",
    ]

    /// A label that a form or a header sets before the name: every word one of ``labelWords``.
    private static func isLabel(_ part: String) -> Bool {
        let words = part.split(separator: " ")
        return !words.isEmpty && words.count <= 4
            && words.allSatisfy { labelWords.contains($0.lowercased().trimmed(where: \.isPunctuation)) }
    }

    /// A part of a header that is a contact detail, not a name: it holds an "@", a "/", a digit or "www.",
    /// or is a place ("Melbourne, Australia").
    private static func isContactValue(_ part: String) -> Bool {
        part.utf8.contains { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") || (0x30...0x39).contains($0) }
            || part.hasPrefix("www.") || place(part) != nil
    }

    static func location(in lines: [String]) -> String? {
        // A header line holds a few short parts; longer lines are prose (and bound the work per line).
        for line in lines where line.utf8.count <= 400 {
            for part in parts(of: line) where !part.containsLiteral("@") {
                // "Location ... Madrid, Spain": the label's words are no part of the city.
                let value = endOfLabel(part).map { part[$0...].trimmedWhitespace() } ?? part
                if let found = place(value) ?? addressPlace(part) { return found }
            }
        }
        return nil
    }

    /// The city and region ending an address: "Location: Austin, TX", "Location ..... Austin, TX", "12
    /// Harbour Road, Leeds, UK", "Austin, TX 78701". Only a labelled part, one that starts with a street number
    /// or one that ends in a postcode counts, so "Engineer, Acme, Austin, TX" in an entry is not taken for the
    /// person's place.
    static func addressPlace(_ part: String) -> String? {
        let labelEnd = endOfLabel(part)
        let address = labelEnd.map { part[$0...] } ?? part[...]
        let pieces = address.split(separator: ",")
        guard pieces.count >= 2, pieces.count <= 6 else { return nil }
        var region = pieces[pieces.count - 1].trimmedWhitespace()
        let code = region.prefix(while: { $0 != " " })
        let postcode = region.dropFirst(code.count).trimmedWhitespace()
        let hasPostcode = !postcode.isEmpty && postcode.allSatisfy { $0.isNumber || $0 == "-" }
        if hasPostcode { region = String(code) }
        // A street number ("12 Harbour Road"), not a year ("2020 – 2024 B.S., …, San Marcos, TX").
        let number = address.drop(while: \.isWhitespace).prefix(while: \.isNumber)
        let startsWithNumber =
            !number.isEmpty && number.count <= 5
            && !(number.count == 4 && (number.hasPrefix("19") || number.hasPrefix("20")))
        guard labelEnd != nil || hasPostcode || startsWithNumber else { return nil }
        return place("\(pieces[pieces.count - 2].trimmedWhitespace()), \(region)")
    }

    /// Where the value after a label starts: after its colon ("Location: …") or after its dot leader, a run
    /// of three dots or more after a word within the first 40 bytes ("Location ...... Madrid, Spain", as
    /// plain-text exports align their fields).
    static func endOfLabel(_ part: String) -> String.Index? {
        if let colon = part.firstIndex(of: ":") { return part.index(after: colon) }
        let utf8 = part.utf8
        var dots = 0
        var sawLetter = false
        for index in utf8.indices.prefix(40) {
            let byte = utf8[index]
            if byte == UInt8(ascii: ".") {
                dots += 1
            } else if dots >= 3 {
                return sawLetter && byte == UInt8(ascii: " ") ? index : nil
            } else {
                dots = 0
                if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { sawLetter = true }
            }
        }
        return nil
    }

    /// "City, ST" or "City, Country" when `text` is exactly that and the region is one we know.
    static func place(_ text: String) -> String? {
        guard text.utf8.count <= 80,
            let match = location.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let regionRange = Range(match.range(at: 2), in: text),
            let cityRange = Range(match.range(at: 1), in: text)
        else { return nil }
        let region = String(text[regionRange])
        guard PhoneNumber.callingCode[region.lowercased()] != nil else { return nil }
        return "\(text[cityRange].trimmedWhitespace()), \(region)"
    }
}

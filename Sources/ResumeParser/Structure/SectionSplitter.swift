import Foundation

/// Divides a resume's lines into sections by their headings.
///
/// A heading is a short line (at most five words, no digits, no sentence punctuation, every word a
/// heading word) that names a section: by keyword anywhere in it ("Professional Experience", "Technical
/// Skills & Tools", "Academic Background"), in any case, with or without Markdown `#`, bullets, an ASCII rule
/// around it ("+-- SKILLS ----+") or a trailing colon. "Skills: Go, Python" is a heading with its content on
/// the same line, except inside experience, projects or skills, where such lines ("Tools: Docker, k8s") are
/// content. A letter-spaced heading ("E D U C AT I O N") is closed up first (``LetterSpacing``), one in small
/// capitals ("E DUCATION") joined (``SmallCaps``); a heading in a left margin beside the section's first line
/// ("Education     MBA in …") starts its section too (``MarginHeading``). Lines before the first heading are
/// the contact header. When no experience heading exists, lines with date ranges outside education are taken
/// as experience (by content, not by heading).
enum SectionSplitter {
    struct Section {
        var kind: SectionKind
        var heading: String?
        var lines: [String]
    }

    /// Keywords per section, the more specific first ("programming languages" is skills, "languages" is
    /// spoken languages; "volunteer experience" is not employment).
    private static let vocabulary: [(SectionKind, [String])] = [
        (
            .skills,
            [
                "programming languages", "technical skills", "skills", "skill", "skill set", "competencies",
                "competences", "proficiency",
                "technologies", "tech stack", "technical proficiencies", "proficiencies", "expertise", "toolbox",
                "tools", "technical summary", "stack",
            ]
        ),
        (
            .other,
            [
                "volunteer", "interests", "hobbies", "publications", "awards", "honors", "honours", "references",
                "activities", "achievements", "patents", "memberships", "affiliations",
            ]
        ),
        (.languages, ["languages", "language skills", "spoken languages"]),
        (
            .certifications,
            [
                "certifications", "certification", "certificates", "licenses", "licences", "credentials",
                "accreditations", "courses", "admissions",
            ]
        ),
        (.education, ["education", "academic", "qualifications", "degrees", "studies", "schooling", "training"]),
        (
            .experience,
            [
                "experience", "experiences", "employment", "work history", "career", "positions",
                "professional background",
                "professional history", "work",
            ]
        ),
        (
            .summary,
            [
                "summary", "profile", "about me", "about", "objective", "overview", "introduction",
                "personal statement",
            ]
        ),
        (.projects, ["projects", "portfolio", "open source"]),
    ]

    /// ``vocabulary`` with each keyword between spaces, as a heading's key is searched for it.
    private static let spacedVocabulary: [(SectionKind, [String])] = vocabulary.map { kind, keywords in
        (kind, keywords.map { " \($0) " })
    }

    /// Words a heading may consist of: the keywords' words and the qualifiers around them.
    private static let headingWords: Set<String> = {
        var words = Set<String>()
        for (_, keywords) in vocabulary {
            for keyword in keywords { words.formUnion(keyword.split(separator: " ").map(String.init)) }
        }
        words.formUnion(
            """
            and of me my our professional technical work key core relevant other additional selected personal
            academic spoken programming soft hard areas side history background summary skills experience
            education certifications languages projects profile employment career technology computer it
            industry leadership volunteering level levels matrix
            """.split(whereSeparator: \.isWhitespace).map(String.init))
        return words
    }()

    /// The longest of ``headingWords``, in bytes.
    private static let longestHeadingWord = headingWords.map(\.utf8.count).max() ?? 0

    /// Whether the title's first word, read as ``heading(_:)`` reads its key (lower-case letters up to a
    /// space or "&", other characters dropped), is surely no heading word; `false` when unsure (a letter
    /// outside ASCII). Most short lines stop here, before the key's allocations.
    private static func startsWithOtherWord(_ raw: String) -> Bool {
        // An ASCII line is its bytes; otherwise each character is its ASCII value, or a mark for a letter
        // or for anything else outside ASCII.
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return startsWithOtherWord(codes: raw.utf8) }
        return startsWithOtherWord(
            codes: raw.lazy.map { $0.asciiValue ?? ($0.isLetter ? nonASCIILetter : nonASCIIOther) })
    }

    private static let nonASCIILetter: UInt8 = 0x80
    private static let nonASCIIOther: UInt8 = 0x81

    private static func startsWithOtherWord(codes: some Sequence<UInt8>) -> Bool {
        var word = ""
        for ascii in codes {
            switch ascii {
            case nonASCIILetter: return false
            case nonASCIIOther: continue
            case UInt8(ascii: ":"):
                return !word.isEmpty && !headingWords.contains(word)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                word.unicodeScalars.append(Unicode.Scalar(ascii | 0x20))
                if word.utf8.count > longestHeadingWord { return true }
            case UInt8(ascii: "&"):
                return !headingWords.contains(word.isEmpty ? "and" : word)
            case UInt8(ascii: " ") where !word.isEmpty:
                return !headingWords.contains(word)
            default:
                continue
            }
        }
        return !word.isEmpty && !headingWords.contains(word)
    }

    /// The section a line heads, and any content after a "Heading:" on the same line.
    static func heading(_ raw: String) -> (kind: SectionKind, rest: String)? {
        // Most lines are not headings. Before the first colon, a digit, "@" or "," is in the title, and so is
        // every word holding an ASCII letter (the decoration and trimmed ends hold neither), so one byte scan
        // rules out such lines and those of six words or more without the work below.
        var lettered = 0
        var inWord = false
        var wordHasLetter = false
        for byte in raw.utf8 {
            if byte == UInt8(ascii: ":") { break }
            if (0x30...0x39).contains(byte) || byte == UInt8(ascii: "@") || byte == UInt8(ascii: ",") { return nil }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "/") {
                inWord = false
                continue
            }
            if !inWord {
                inWord = true
                wordHasLetter = false
            }
            if !wordHasLetter, (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                wordHasLetter = true
                lettered += 1
                if lettered > 5 { return nil }
            }
        }
        if startsWithOtherWord(raw) { return nil }
        // One pass over the decoration (`removeFirst()` in a loop was quadratic: 2M `#` took 19 s).
        let line = raw.trimmedWhitespace().drop(while: { headingDecoration.contains($0) }).trimmed(" *_")
        guard !line.isEmpty else { return nil }
        var title = line
        var rest = ""
        if let colon = line.firstIndex(of: ":") {
            title = String(line[..<colon])
            rest = String(line[line.index(after: colon)...]).trimmedWhitespace()
        }
        // A rule after the title ("+-- EXPERIENCE -----+", "Skills ====") is no part of it.
        if let last = title.last, headingRule.contains(last) {
            let end = title.lastIndex { !headingRule.contains($0) && $0 != " " }
            title = end.map { String(title[...$0]) } ?? ""
        }
        let words = title.split(whereSeparator: { $0 == " " || $0 == "/" })
        // Where a byte is a character, the length, digit and letter tests below read the bytes.
        let plain = title.eachByteIsACharacter
        guard (1...5).contains(words.count), (plain ? title.utf8.count : title.count) <= 48,
            plain ? !title.utf8.contains(where: { (0x30...0x39).contains($0) }) : !title.contains(where: \.isNumber),
            !title.containsLiteral("@"), !title.hasSuffix("."), !title.containsLiteral(",")
        else { return nil }
        let key = plain ? asciiKey(title) : key(title)
        // Every word must be a heading word: "Corvid Technologies" is a company, "Technologies" a heading.
        guard key.split(separator: " ").allSatisfy({ headingWords.contains(String($0)) }) else { return nil }
        for (kind, keywords) in spacedVocabulary where keywords.contains(where: { key.containsLiteral($0) }) {
            // A heading with inline content must end its title with a colon ("Skills: Go, Python").
            return (kind, rest)
        }
        return nil
    }

    /// `title`'s lower-case letters and single spaces between a space before and after, "&" read as "and"
    /// (in Swift: Foundation's replacing bridges through NSString on Linux, and this runs on every short line).
    static func key(_ title: String) -> String {
        var letters = ""
        for character in title.lowercased() {
            if character == "&" {
                letters += " and "
            } else if character.isLetter || character == " " {
                letters.append(character)
            }
        }
        return " " + letters.split(separator: " ").joined(separator: " ") + " "
    }

    /// ``key(_:)`` of an ASCII title, on its bytes.
    static func asciiKey(_ title: String) -> String {
        let space = UInt8(ascii: " ")
        var letters: [UInt8] = []
        letters.reserveCapacity(title.utf8.count + 8)
        for byte in title.utf8 {
            if byte == UInt8(ascii: "&") {
                letters += [space, 0x61, 0x6E, 0x64, space]
            } else if (0x41...0x5A).contains(byte) {
                letters.append(byte + 0x20)
            } else if (0x61...0x7A).contains(byte) || byte == space {
                letters.append(byte)
            }
        }
        let key = [space] + Array(letters.split(separator: space).joined(separator: [space])) + [space]
        return String(decoding: key, as: UTF8.self)
    }

    /// What may stand before a heading's words: Markdown and underline marks, bullets, the start of an
    /// ASCII rule ("+-- SKILLS ---+").
    private static let headingDecoration = "#=_+" + Bullet.lineStarts
    /// What a rule after a heading's words is drawn with.
    private static let headingRule: Set<Character> = ["-", "=", "+", "#", "~", "*", "_"]

    static func split(_ lines: [String]) -> [Section] {
        var sections = [Section(kind: .contact, heading: nil, lines: [])]
        for line in MarginHeading.joiningWrapped(lines) {
            // "Tools: Docker, k8s" inside a job or a skills list is content, not a new section.
            let current = sections[sections.count - 1].kind
            if let (kind, rest) = heading(line) ?? LetterSpacing.closedUp(line).flatMap(heading)
                ?? SmallCaps.joined(line).flatMap(heading),
                rest.isEmpty || ![.experience, .projects, .skills].contains(current),
                !isGroupLabel(line, kind: kind, in: sections[sections.count - 1])
            {
                sections.append(Section(kind: kind, heading: line, lines: rest.isEmpty ? [] : [rest]))
            } else if let margin = MarginHeading.split(line), margin.kind != current,
                current != .skills || margin.kind != .languages
            {
                // "Education     MBA in …": a heading in the margin beside the section's first line. In a skills
                // list, "Languages     Go, Rust" labels a group.
                sections.append(Section(kind: margin.kind, heading: margin.heading, lines: [margin.rest]))
            } else {
                sections[sections.count - 1].lines.append(line)
            }
        }
        if !sections.contains(where: { $0.kind == .experience }) { recoverExperience(&sections) }
        return sections
    }

    /// Whether a "Languages" heading inside a skills section whose heading is in capitals ("SKILLS") is set in
    /// lower case ("Languages"): a group label of the list (Go, Python), not the next section, which the
    /// document would head in capitals too.
    private static func isGroupLabel(_ line: String, kind: SectionKind, in section: Section) -> Bool {
        guard kind == .languages, section.kind == .skills, let heading = section.heading,
            heading.contains(where: \.isLetter), !heading.contains(where: \.isLowercase)
        else { return false }
        return line.contains(where: \.isLowercase)
    }

    /// Without an experience heading, dated blocks outside education are experience.
    private static func recoverExperience(_ sections: inout [Section]) {
        var recovered: [String] = []
        for index in sections.indices where [.contact, .summary, .other].contains(sections[index].kind) {
            let lines = sections[index].lines
            guard let first = lines.firstIndex(where: { DateRange.first(in: $0) != nil }), first > 0 || index > 0
            else { continue }
            let from = max(0, first - 1)
            recovered += lines[from...]
            sections[index].lines = Array(lines[..<from])
        }
        if !recovered.isEmpty { sections.append(Section(kind: .experience, heading: nil, lines: recovered)) }
    }
}

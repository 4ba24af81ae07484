import Foundation
import ResumeParser

/// What the scorer reads of a candidate: canonical skills, years, highest degree and the positions held
/// (title and months). Built from a ``ParsedResume``, or kept compactly by the engine for every stored
/// candidate.
public struct CandidateProfile: Sendable, Equatable {
    /// One position: its title and the months it covers.
    public struct Role: Sendable, Equatable {
        /// The title as written ("Senior Backend Engineer").
        public var title: String
        /// The first month, as `year × 12 + month − 1`.
        public var firstMonth: Int
        /// The last month (inclusive), in the same units; a current position ends at the reference month.
        public var lastMonth: Int
        /// The function the title names, read once.
        let function: RoleFunction?
        /// The level the title states, read once.
        let level: SeniorityLevel?

        /// A position from its parts.
        public init(title: String, firstMonth: Int, lastMonth: Int) {
            var readings = TitleReadings()
            self.init(title: title, firstMonth: firstMonth, lastMonth: lastMonth, readings: &readings)
        }

        /// A position whose title is read through `readings` (titles read before are not read again).
        init(title: String, firstMonth: Int, lastMonth: Int, readings: inout TitleReadings) {
            self.title = title
            self.firstMonth = firstMonth
            self.lastMonth = max(firstMonth, lastMonth)
            (function, level) = readings.reading(of: title)
        }

        /// The position's length in years.
        public var years: Double { Double(lastMonth - firstMonth + 1) / 12 }
    }

    /// What titles name (function, level), kept for the titles seen before: an engine opening 100,000
    /// candidates reads about 300,000 titles, most of them repeats ("Software Engineer"), at microseconds
    /// each. One per thread at a time (no lock): an open hands them from batch to batch; at most 50,000
    /// titles kept.
    struct TitleReadings {
        private var known: [String: (RoleFunction?, SeniorityLevel?)] = [:]

        mutating func reading(of title: String) -> (RoleFunction?, SeniorityLevel?) {
            if let reading = known[title] { return reading }
            let reading = (RoleFunction.of(title), SeniorityLevel.of(title))
            if known.count < 50_000 { known[title] = reading }
            return reading
        }
    }

    /// Canonical skill names.
    public var skills: Set<String>
    /// Years of experience (overlaps counted once).
    public var years: Double
    /// The highest degree, if any was found.
    public var degree: DegreeLevel?
    /// Positions with a title and a start, as listed (usually most recent first).
    public var roles: [Role]
    /// Job titles found in the text of the experience section (else the summary) when no dated position
    /// with a title of a known function was read — a layout whose positions the parser misses still says
    /// what the person does ("Senior Accountant, Northstar Components"). Most recent first, as written.
    public var titles: [String] = []
    /// The skills the experience section shows in use (titles and bullets), as opposed to those only
    /// listed or claimed in a summary; `nil` when no experience section was found (then every skill
    /// counts as shown).
    public var evidencedSkills: Set<String>?

    /// A profile from its parts.
    public init(
        skills: Set<String>, years: Double, degree: DegreeLevel?, roles: [Role] = [],
        evidencedSkills: Set<String>? = nil
    ) {
        self.skills = skills
        self.years = years
        self.degree = degree
        self.roles = roles
        self.evidencedSkills = evidencedSkills
    }

    /// The profile of a parsed resume; positions without an end count up to `referenceMonth`.
    public init(_ resume: ParsedResume, referenceMonth: YearMonth = .now) {
        self.init(
            skills: Set(resume.skills.map(\.name)), years: resume.totalExperienceYears, degree: resume.highestDegree,
            roles: Self.roles(of: resume, referenceMonth: referenceMonth),
            evidencedSkills: Self.evidencedSkills(of: resume).map(Set.init))
        titles = Self.undatedTitles(of: resume)
    }

    /// Words that end or head a job title.
    private static let titleNouns: Set<String> = [
        "engineer", "developer", "scientist", "analyst", "designer", "manager", "nurse", "accountant", "controller",
        "lead", "consultant", "administrator", "architect", "specialist", "intern", "programmer", "director",
        "officer", "technician", "representative", "owner", "head", "sre", "devops", "electrician", "bookkeeper",
    ]

    /// Month names and their abbreviations (and "present", "since"), which dates put before a title.
    private static let monthWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "present", "since", "current", "now", "to",
    ]

    /// Titles in the experience section's text (else the summary's) when no dated position of a known
    /// function was read: segments of at most six words between separators (`,` `|` `–` `—` `·` `•` `○`)
    /// that name a title noun and a known function; at most 6, the first 200 lines read.
    static func undatedTitles(of resume: ParsedResume) -> [String] {
        guard !resume.experience.contains(where: { $0.start != nil && $0.title.flatMap(RoleFunction.of) != nil })
        else { return [] }
        guard let text = resume.sections[.experience] ?? resume.sections[.summary] else { return [] }
        var titles: [String] = []
        for line in text.split(separator: "\n").prefix(200) where titles.count < 6 {
            for segment in line.split(whereSeparator: { ",|–—·•○".contains($0) }) where titles.count < 6 {
                let words = RoleFunction.words(of: String(segment)).split(separator: " ")
                guard !words.isEmpty, words.count <= 6, words.contains(where: { titleNouns.contains(String($0)) }),
                    RoleFunction.of(String(segment)) != nil
                else { continue }
                // "January 2015 Staff Accountant": dates before the title are not part of it.
                let title = segment.split(separator: " ").drop { word in
                    let plain = word.lowercased().filter(\.isLetter)
                    return plain.isEmpty || monthWords.contains(plain)
                }.joined(separator: " ")
                if !title.isEmpty, !titles.contains(title) { titles.append(String(title.prefix(120))) }
            }
        }
        return titles
    }

    /// The canonical skills named in the resume's experience section, in order of appearance, or `nil`
    /// when it has none.
    ///
    /// - Complexity: one pass of ``SkillMatcher/standard`` over the section.
    public static func evidencedSkills(of resume: ParsedResume, matcher: SkillMatcher = .standard) -> [String]? {
        guard let text = resume.sections[.experience], !text.isEmpty else { return nil }
        var seen = Set<String>()
        return matcher.skills(in: text).map(\.name).filter { seen.insert($0).inserted }
    }

    /// The positions of `resume` that have a title and a start (at most 30: a resume lists fewer).
    public static func roles(of resume: ParsedResume, referenceMonth: YearMonth) -> [Role] {
        func index(_ month: YearMonth) -> Int { month.year * 12 + month.month - 1 }
        return resume.experience.prefix(30).compactMap { entry in
            guard let title = entry.title, !title.isEmpty, let start = entry.start else { return nil }
            let end = entry.end.map(index) ?? index(referenceMonth)
            return Role(
                title: String(title.prefix(120)), firstMonth: index(start), lastMonth: min(end, index(referenceMonth)))
        }
    }

    /// The positions of a resume as the engine stores them: one line per position with a title and a
    /// start, `first<TAB>last<TAB>title`, `last` empty for a position without an end (current).
    package static func storedRoles(of resume: ParsedResume) -> String {
        func index(_ month: YearMonth) -> Int { month.year * 12 + month.month - 1 }
        let roles = resume.experience.prefix(30).compactMap { entry -> String? in
            guard let title = entry.title, !title.isEmpty, let start = entry.start else { return nil }
            let clean = String(title.prefix(120)).map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined()
            return "\(index(start))\t\(entry.end.map { String(index($0)) } ?? "")\t\(clean)"
        }
        let titles = undatedTitles(of: resume).map { title in
            "-\t-\t" + title.map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined()
        }
        return (roles + titles).joined(separator: "\n")
    }

    /// The undated titles stored by ``storedRoles(of:)`` (lines `-<TAB>-<TAB>title`).
    package static func titles(stored text: String) -> [String] {
        var readings = TitleReadings()
        return positions(stored: text, referenceMonth: .now, readings: &readings).titles
    }

    /// The lines of a stored text (roles, evidenced skills), split on the bytes (an open reads 100,000 of
    /// each): a newline is a byte of its own in UTF-8, unless a carriage return makes "\r\n" one character,
    /// where the character split decides. (A tab is always a character of its own: fields split on the bytes
    /// alike.)
    static func storedLines(_ text: String) -> [Substring] {
        text.utf8.contains(0x0D) ? text.split(separator: "\n") : text.utf8.split(separator: 0x0A).map { Substring($0) }
    }

    /// Calls `body` with the bytes of each line of a stored text, by the rule of ``storedLines(_:)`` (empty
    /// lines skipped), with no intermediate array: an open reads the lists and roles of 100,000 candidates.
    static func forEachStoredLine(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !text.utf8.contains(0x0D) else {
            for line in storedLines(text) {
                var line = String(line)
                line.withUTF8(body)
            }
            return
        }
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x0A {
                if end > start { body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
                start = end + 1
            }
        }
    }

    /// The lines of a stored list (skills, evidenced skills) as strings (``forEachStoredLine(_:_:)``).
    static func storedList(_ text: String) -> [String] {
        var lines: [String] = []
        forEachStoredLine(text) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    /// Positions read back from ``storedRoles(of:)``, current ones ending at `referenceMonth`; malformed
    /// lines are skipped.
    package static func roles(stored text: String, referenceMonth: YearMonth) -> [Role] {
        var readings = TitleReadings()
        return positions(stored: text, referenceMonth: referenceMonth, readings: &readings).roles
    }

    /// The positions (``roles(stored:referenceMonth:)``, titles read through `readings`) and the undated
    /// titles (``titles(stored:)``) of a stored text, in one pass over its lines.
    static func positions(
        stored text: String, referenceMonth: YearMonth, readings: inout TitleReadings
    ) -> (roles: [Role], titles: [String]) {
        let reference = referenceMonth.year * 12 + referenceMonth.month - 1
        var roles: [Role] = []
        var titles: [String] = []
        let undated = Array("-\t-\t".utf8)
        forEachStoredLine(text) { line in
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
            }
            if line.starts(with: undated) {
                titles.append(text(4..<line.count))
                return
            }
            // `first<TAB>last<TAB>title`: the title may hold further tabs.
            guard let tab = line.firstIndex(of: 0x09),
                let secondTab = line[(tab + 1)...].firstIndex(of: 0x09),
                let first = Int(text(0..<tab))
            else { return }
            let last = Int(text((tab + 1)..<secondTab)) ?? reference
            roles.append(
                Role(
                    title: text((secondTab + 1)..<line.count), firstMonth: first, lastMonth: min(last, reference),
                    readings: &readings))
        }
        return (roles, titles)
    }
}

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
            self.title = title
            self.firstMonth = firstMonth
            self.lastMonth = max(firstMonth, lastMonth)
            function = RoleFunction.of(title)
            level = SeniorityLevel.of(title)
        }

        /// The position's length in years.
        public var years: Double { Double(lastMonth - firstMonth + 1) / 12 }
    }

    /// Canonical skill names.
    public var skills: Set<String>
    /// Years of experience (overlaps counted once).
    public var years: Double
    /// The highest degree, if any was found.
    public var degree: DegreeLevel?
    /// Positions with a title and a start, as listed (usually most recent first).
    public var roles: [Role]
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
        return resume.experience.prefix(30).compactMap { entry -> String? in
            guard let title = entry.title, !title.isEmpty, let start = entry.start else { return nil }
            let clean = String(title.prefix(120)).map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined()
            return "\(index(start))\t\(entry.end.map { String(index($0)) } ?? "")\t\(clean)"
        }.joined(separator: "\n")
    }

    /// Positions read back from ``storedRoles(of:)``, current ones ending at `referenceMonth`; malformed
    /// lines are skipped.
    package static func roles(stored text: String, referenceMonth: YearMonth) -> [Role] {
        let reference = referenceMonth.year * 12 + referenceMonth.month - 1
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let first = Int(fields[0]) else { return nil }
            let last = Int(fields[1]) ?? reference
            return Role(title: String(fields[2]), firstMonth: first, lastMonth: min(last, reference))
        }
    }
}

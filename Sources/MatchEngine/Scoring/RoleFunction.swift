import ResumeParser

/// The function a job title or position title belongs to (backend engineering, frontend, data
/// engineering, nursing…), read from its words, and how near two functions are.
///
/// Read in order, the first family whose phrase the lower-cased title contains wins, so "data engineer"
/// is data engineering before the generic "engineer" makes it software.
enum RoleFunction: String, Sendable, CaseIterable {
    case nursing, accounting, finance, design, product, engineeringManagement, machineLearning, dataScience
    case dataEngineering, reliability, frontend, mobile, software, support, sales

    /// Phrases of each family, most specific families first.
    private static let phrases: [(RoleFunction, [String])] = [
        (.nursing, ["nurse", "nursing", "midwife", "clinical"]),
        (.accounting, ["accountant", "accounting", "bookkeep", "auditor", "controller", "payroll", " tax "]),
        (
            .finance,
            [
                "financial analyst", "financial data analyst", "finance analyst", "financial planning", " fp a ",
                "finance manager", "treasury",
            ]
        ),
        (
            .engineeringManagement,
            ["engineering manager", "head of engineering", "vp engineering", " cto ", "director of engineering"]
        ),
        (.product, ["product manager", "product management", "product owner", "product lead", "head of product"]),
        (.design, ["designer", " ux ", " ui ux ", "user experience", "interaction design"]),
        (
            .machineLearning,
            ["machine learning", "ml engineer", "ai engineer", "deep learning", "computer vision", "mlops"]
        ),
        (
            .dataScience,
            [
                "data scientist", "data analyst", "analytics", "statistician", "research scientist",
                "business intelligence", "bi analyst", "quantitative",
            ]
        ),
        (.dataEngineering, ["data engineer", " etl ", "data platform", "big data", "data warehouse"]),
        (
            .reliability,
            [
                "site reliability", " sre ", "devops", "platform engineer", "infrastructure", "cloud engineer",
                "systems administrator", "sysadmin", "operations engineer", "systems engineer",
            ]
        ),
        (.frontend, ["frontend", "front end", "front end", "ui engineer", "web developer"]),
        (.mobile, [" ios ", "android", "mobile"]),
        (
            .software,
            [
                "backend", "back end", "back end", "software", "developer", "programmer", "engineer", "full stack",
                "full stack", "architect", "tech lead",
            ]
        ),
        (.support, ["support", "customer service", "help desk", "helpdesk"]),
        (.sales, ["sales", "retail", "account executive", "cashier"]),
    ]

    /// Families one step apart: a candidate from one can reach a job in the other in part. Only work of the
    /// same discipline is near: data science is not accounting (a data scientist does not keep a ledger; a
    /// financial analyst is near both) and managing engineers is not product management.
    private static let neighbours: Set<[RoleFunction]> = Set<[RoleFunction]>([
        [.software, .frontend], [.software, .reliability], [.software, .dataEngineering], [.software, .mobile],
        [.software, .engineeringManagement], [.frontend, .mobile], [.frontend, .design],
        [.machineLearning, .dataScience], [.machineLearning, .dataEngineering], [.machineLearning, .software],
        [.dataScience, .dataEngineering], [.reliability, .dataEngineering], [.product, .design],
        [.finance, .accounting], [.finance, .dataScience],
    ]).union(sameDiscipline)

    /// Neighbours of one discipline, whose positions do part of the other's work by their title alone (a
    /// machine learning engineer's models for a data science job, a designer's research for a product
    /// manager's, a data scientist's datasets for a data engineering job: data science, machine learning and
    /// data engineering are the data discipline). Between other neighbours (backend and frontend engineering,
    /// SRE, data engineering, mobile) the trade is shared but not the stack: a position there shows nothing of
    /// the job without its skills.
    private static let sameDiscipline: Set<[RoleFunction]> = [
        [.machineLearning, .dataScience], [.dataScience, .dataEngineering], [.machineLearning, .dataEngineering],
        [.product, .design], [.finance, .accounting],
    ]

    /// The engineering functions: one trade, generic software engineering and its specialisations.
    private static let engineering: Set<RoleFunction> = [
        .software, .frontend, .mobile, .reliability, .dataEngineering, .machineLearning,
    ]

    /// The canonical names of the standard taxonomy (about 3,300), each with the family it names when it
    /// names one, read once so that a job's analysis looks its skills up instead of reading their words.
    private static let familyOfStandardSkill: [String: RoleFunction?] = {
        var table: [String: RoleFunction?] = [:]
        for skill in SkillTaxonomy.standard.skills { table[skill.name] = named(byName: skill.name) }
        return table
    }()

    /// Words that may follow a family's phrase in the name of the function itself ("Backend Development",
    /// "Site Reliability Engineering", "UX Design").
    private static let functionNameWords: Set<Substring> = [
        "development", "engineering", "design", "management", "operations",
    ]

    /// Builds the table of the taxonomy's names now (tens of milliseconds once a process) rather than in the
    /// first job analysis.
    static func prepareTables() { _ = familyOfStandardSkill }

    /// The family whose work a skill's name is ("Accounting", "Machine Learning", "Frontend Development",
    /// "DevOps"): looked up for a canonical skill of the standard taxonomy, read otherwise. A name that says
    /// more than the family's phrase and one of ``functionNameWords`` ("Infrastructure as Code", "Google
    /// Analytics", "Technical Support") names a skill of the field, not the function: `nil`.
    static func family(ofSkill name: String) -> RoleFunction? {
        familyOfStandardSkill[name] ?? named(byName: name)
    }

    /// The words of each family's phrases, read once (reading them for each of the taxonomy's names took
    /// 0.1 s at the end of a batch run, when the first ranking reads the table).
    private static let phraseWordsOfFamily: [RoleFunction: Set<Substring>] = Dictionary(
        phrases.map { family, phrases in (family, Set(phrases.flatMap { $0.split(separator: " ") })) },
        uniquingKeysWith: { $0.union($1) })

    /// The words of every family's phrases: a name with a word outside them and ``functionNameWords`` names
    /// no family, which rules out most of the taxonomy's 3,300 names before any phrase is searched.
    private static let anyPhraseWord: Set<Substring> = phraseWordsOfFamily.values.reduce(into: []) {
        $0.formUnion($1)
    }

    /// The family a name is, whole words: every word is in one of the family's phrases or is one of
    /// ``functionNameWords``.
    private static func named(byName name: String) -> RoleFunction? {
        let all = words(of: name).split(separator: " ")
        guard all.allSatisfy({ anyPhraseWord.contains($0) || functionNameWords.contains($0) }),
            let family = of(name), let phraseWords = phraseWordsOfFamily[family]
        else { return nil }
        let ok = all.allSatisfy { phraseWords.contains($0) || functionNameWords.contains($0) }
        return ok && all.contains(where: phraseWords.contains) ? family : nil
    }

    /// The family of a title, or `nil` when no phrase of any family occurs in it.
    ///
    /// A title is a head ("Principal Engineer") and, after a comma, a dash or a bar, a qualifier naming the
    /// team or area ("Developer Platform"). The head's family wins, except when the head says only
    /// "engineer", "developer" or the like (``genericSoftwareWords``): then a qualifier that names an area
    /// (``areaPhrases``, or any family's phrase but the generic words) decides, so "Principal Engineer,
    /// Developer Platform" is platform work and "Software Engineer, Machine Learning" machine learning,
    /// while "Backend Developer, Platform Team" stays backend and "Lead Engineer, Payments" software.
    ///
    /// - Complexity: O(title length × phrases).
    static func of(_ title: String) -> RoleFunction? {
        guard let whole = family(in: words(of: title)) else { return nil }
        guard let cut = qualifierCut(title) else { return whole }
        let head = words(of: String(title[..<cut.lowerBound]))
        let headFamily = family(in: head)
        if let headFamily, headFamily != .software || !isGenericSoftware(head) { return headFamily }
        return area(in: words(of: String(title[cut.upperBound...]))) ?? headFamily ?? whole
    }

    /// The first family whose phrase `text` (as ``words(of:)`` gives it) contains: on the bytes of an ASCII
    /// text through the list's ``PhraseTable``, else phrase by phrase.
    private static func family(in text: String, among table: PhraseTable = phraseTable) -> RoleFunction? {
        switch table.lookUp(text) {
        case .read(let family): return family
        case .unread: return searched(text, among: table.list)
        }
    }

    /// ``family(in:among:)`` phrase by phrase, the definition the tables follow.
    static func searched(_ text: String, among list: [(RoleFunction, [String])]) -> RoleFunction? {
        list.first { $0.1.contains(where: { text.containsLiteral($0) }) }?.0
    }

    /// The phrase lists a title is read against, as tables.
    static let phraseTable = PhraseTable(phrases)
    static let areaPhraseTable = PhraseTable(areaPhrases)
    static let specificPhraseTable = PhraseTable(specificPhrases)

    /// Words that make a title software engineering without saying which kind.
    private static let genericSoftwareWords: Set<Substring> = [
        "software", "developer", "programmer", "engineer", "architect", "tech", "lead", "principal", "staff",
        "senior", "junior", "sr", "jr", "mid", "level", "i", "ii", "iii", "iv",
    ]

    /// Whether a head that reads as software says no more than ``genericSoftwareWords``.
    private static func isGenericSoftware(_ head: String) -> Bool {
        head.split(separator: " ").allSatisfy { genericSoftwareWords.contains($0) }
    }

    /// Team and area names that name a function only after a title's head ("Engineer, Developer
    /// Platform"): internal platforms are platform engineering.
    private static let areaPhrases: [(RoleFunction, [String])] = [
        (
            .reliability,
            [
                "developer platform", "developer experience", "developer productivity", "developer tools",
                "internal platform", "cloud platform", "platform engineering",
            ]
        )
    ]

    /// The family phrases without the generic software words: what a qualifier can name.
    private static let specificPhrases: [(RoleFunction, [String])] = phrases.map { function, list in
        (function, function == .software ? list.filter { !isGenericSoftware(words(of: $0)) } : list)
    }

    /// The family a qualifier names: an area phrase, else a family phrase other than the generic software
    /// words (a "developer" in "Developer Relations" is not a developer).
    private static func area(in text: String) -> RoleFunction? {
        family(in: text, among: areaPhraseTable) ?? family(in: text, among: specificPhraseTable)
    }

    /// Where a title's qualifier starts: its first comma, " - ", " – ", " — " or " | ".
    static func qualifierCut(_ title: String) -> Range<String.Index>? {
        // An ASCII title holds neither of the other dashes, and the rest are found on its bytes (Foundation's
        // search bridges through NSString).
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            return [",", " - ", " | "].compactMap { asciiRange(of: $0, in: title) }.min {
                $0.lowerBound < $1.lowerBound
            }
        }
        return [",", " - ", " – ", " — ", " | "].compactMap { title.range(of: $0) }.min {
            $0.lowerBound < $1.lowerBound
        }
    }

    /// The first place `mark` occurs in the ASCII `title`, on the bytes.
    private static func asciiRange(of mark: String, in title: String) -> Range<String.Index>? {
        let bytes = Array(title.utf8)
        let needle = Array(mark.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
            let lower = title.utf8.index(title.utf8.startIndex, offsetBy: start)
            return lower..<title.utf8.index(lower, offsetBy: needle.count)
        }
        return nil
    }

    /// The title lower-cased with every run of other characters than letters and digits made one space,
    /// between spaces: phrases written " sre " match whole words only. Titles are cut at 200 characters.
    static func words(of title: String) -> String {
        var result = " "
        for character in title.prefix(200).lowercased() {
            if character.isLetter || character.isNumber {
                result.append(character)
            } else if result.last != " " {
                result.append(" ")
            }
        }
        return result.last == " " ? result : result + " "
    }

    /// 1 for the same family, `neighbour` for one step apart, 0 otherwise.
    func nearness(to other: RoleFunction, neighbour: Double) -> Double {
        if self == other { return 1 }
        return Self.pairs(Self.neighbourTable, contain: self, other) ? neighbour : 0
    }

    /// Whether `other` is a neighbour of the same discipline (``sameDiscipline``): its titles show part of
    /// this family's work without a skill.
    func sharesDiscipline(with other: RoleFunction) -> Bool {
        self != other && Self.pairs(Self.sameDisciplineTable, contain: self, other)
    }

    /// Whether a position in this function is a neighbour (``nearness(to:neighbour:)`` above 0) that shares
    /// only the engineering trade with a job in a specialised engineering function: a backend or platform
    /// engineer for a data engineering job, a software engineer for a frontend one. Not for a generic software
    /// job, whose work every specialist does in part, not between neighbours of one discipline, and not
    /// between functions that are not neighbours at all.
    func isTradeNeighbour(ofSpecialisedJob job: RoleFunction) -> Bool {
        self != job && job != .software && Self.engineering.contains(job) && Self.engineering.contains(self)
            && Self.pairs(Self.neighbourTable, contain: self, job) && !sharesDiscipline(with: job)
    }

    /// The function's place among ``allCases`` (0 ..< 15): a bit in a mask, an index in a table.
    var ordinal: Int {
        switch self {
        case .nursing: 0
        case .accounting: 1
        case .finance: 2
        case .design: 3
        case .product: 4
        case .engineeringManagement: 5
        case .machineLearning: 6
        case .dataScience: 7
        case .dataEngineering: 8
        case .reliability: 9
        case .frontend: 10
        case .mobile: 11
        case .software: 12
        case .support: 13
        case .sales: 14
        }
    }

    /// `pairs` as a table by ordinals (either order): looked up for every candidate of a ranking, where
    /// hashing a two-element array per lookup cost a fifth of the time.
    private static func table(_ pairs: Set<[RoleFunction]>) -> [Bool] {
        var table = [Bool](repeating: false, count: allCases.count * allCases.count)
        for pair in pairs where pair.count == 2 {
            table[pair[0].ordinal * allCases.count + pair[1].ordinal] = true
            table[pair[1].ordinal * allCases.count + pair[0].ordinal] = true
        }
        return table
    }

    private static let neighbourTable = table(neighbours)
    private static let sameDisciplineTable = table(sameDiscipline)

    private static func pairs(_ table: [Bool], contain one: RoleFunction, _ other: RoleFunction) -> Bool {
        table[one.ordinal * allCases.count + other.ordinal]
    }
}

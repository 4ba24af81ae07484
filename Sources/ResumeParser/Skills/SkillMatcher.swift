/// Finds the skills of a taxonomy in text: one Aho–Corasick pass over the case-folded text for all
/// names and aliases at once, then rules that keep the matches a reader would agree with:
///
/// - token boundaries: "Java" is not found in "JavaScript", "C" not in "C++" or "C#", "React" not in
///   "Reactive";
/// - leftmost-longest: "Spring Boot" wins over "Spring", "React Native" over "React";
/// - case for ambiguous names: ``Skill/cased`` skills match only as written ("Go", not "go"), and
///   `=`-marked aliases likewise;
/// - context for one-letter names: ``Skill/listed`` skills count only in a skills list (see
///   ``matches(in:isSkillList:)``) or next to another skill with only separators between ("Python, R
///   and SQL"); short names glued to `-`, `&` or `'` ("R&D", "C-level", "Go-to-market") never count;
/// - URLs and e-mail addresses are not searched.
///
/// Build one matcher and reuse it (or use ``standard``): building takes tens of milliseconds, matching a
/// resume well under one.
public struct SkillMatcher: Sendable {
    /// One skill found in a text.
    public struct Match: Sendable, Hashable {
        /// The skill of the taxonomy that was found (by its name or an alias).
        public var skill: Skill
        /// The UTF-8 byte offsets of the match in the text.
        public var utf8Range: Range<Int>
    }

    private struct Pattern: Sendable {
        var skill: Int32
        /// When set, the original text must be exactly these bytes.
        var exact: [UInt8]?
    }

    /// The skills this matcher finds.
    public let taxonomy: SkillTaxonomy
    private let automaton: AhoCorasick
    private let patterns: [Pattern]

    /// A matcher over ``SkillTaxonomy/standard``, built once on first use.
    public static let standard = SkillMatcher()

    /// Builds the automaton over every name and alias of `taxonomy`.
    ///
    /// - Complexity: O(total length of the names and aliases); tens of milliseconds for the standard taxonomy.
    public init(taxonomy: SkillTaxonomy = .standard) {
        self.taxonomy = taxonomy
        var patterns: [Pattern] = []
        var bytes: [[UInt8]] = []
        var seen = Set<HashedBytes>(minimumCapacity: taxonomy.skills.reduce(0) { $0 + 1 + $1.aliases.count })
        for (index, skill) in taxonomy.skills.enumerated() {
            let forms = [(skill.name, skill.cased)] + skill.aliases.map { (SkillTaxonomy.plain($0), $0.hasPrefix("=")) }
            for (form, cased) in forms {
                let folded = Self.foldedBytes(form)
                guard !folded.isEmpty else { continue }
                // The first skill to claim a folded form keeps it, unless the form is exact-case only.
                guard cased || seen.insert(HashedBytes(folded)).inserted else { continue }
                bytes.append(folded)
                patterns.append(Pattern(skill: Int32(index), exact: cased ? Array(form.utf8) : nil))
            }
        }
        self.patterns = patterns
        automaton = AhoCorasick(patterns: bytes)
    }

    /// The distinct skills in `text`, in order of first appearance.
    ///
    /// - Parameter isSkillList: the text is a skills section or list, where one-letter skills count.
    public func skills(in text: String, isSkillList: Bool = false) -> [Skill] {
        var seen = Set<String>()
        return matches(in: text, isSkillList: isSkillList).compactMap {
            seen.insert($0.skill.name).inserted ? $0.skill : nil
        }
    }

    /// Every skill occurrence in `text`, in text order.
    public func matches(in text: String, isSkillList: Bool = false) -> [Match] {
        let original = Array(text.utf8)
        var folded = Self.fold(text)
        Self.blankOutAddresses(&folded.bytes)
        let text = folded.bytes

        // Candidates that pass the boundary and case rules, then leftmost-longest among them.
        var candidates: [(start: Int, end: Int, pattern: Int)] = []
        for occurrence in automaton.occurrences(in: text) {
            let end = occurrence.end
            let start = end - automaton.patternLengths[occurrence.pattern]
            guard Self.isBounded(text, isWord: folded.isWord, start: start, end: end) else { continue }
            if let exact = patterns[occurrence.pattern].exact {
                let slice = original[folded.origin[start]..<folded.originEnd[end - 1]]
                guard slice.elementsEqual(exact) else { continue }
            }
            candidates.append((start, end, occurrence.pattern))
        }
        candidates.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var chosen: [(start: Int, end: Int, skill: Int)] = []
        var reach = 0
        for candidate in candidates where candidate.start >= reach {
            chosen.append((candidate.start, candidate.end, Int(patterns[candidate.pattern].skill)))
            reach = candidate.end
        }

        // The line of each chosen match (matches are in text order, so one pass over the line breaks).
        var lineBreaks: [Int] = []
        for (offset, byte) in original.enumerated() where byte == 0x0A { lineBreaks.append(offset) }
        var lineOf: [Int] = []
        var cursor = 0
        for match in chosen {
            while cursor < lineBreaks.count && lineBreaks[cursor] < folded.origin[match.start] { cursor += 1 }
            lineOf.append(cursor)
        }
        let lines = Lines(text: original, breaks: lineBreaks, lineOf: lineOf)
        var listsSkills: [Int: Bool] = [:]

        var result: [Match] = []
        for (position, match) in chosen.enumerated() {
            let skill = taxonomy.skills[match.skill]
            let range = folded.origin[match.start]..<folded.originEnd[match.end - 1]
            if skill.generic {
                if isSkillList {
                    let labelsOthers = position + 1 < chosen.count && lineOf[position + 1] == lineOf[position]
                    guard !(labelsOthers && lines.isGroupLabel(range, line: lineOf[position])),
                        !lines.continuesTerm(after: range.upperBound, line: lineOf[position])
                    else { continue }
                } else {
                    let line = lineOf[position]
                    if listsSkills[line] == nil {
                        listsSkills[line] = lines.listsSkills(line, chosen: chosen, folded: folded, at: position)
                    }
                    guard listsSkills[line] == true else { continue }
                }
            }
            if skill.listed && !isSkillList {
                let before = position > 0 ? chosen[position - 1] : nil
                let after = position + 1 < chosen.count ? chosen[position + 1] : nil
                let listed =
                    Self.isListLabel(original[Self.lineStart(original, before: range.lowerBound)..<range.lowerBound])
                    || before.map {
                        Self.isSeparator(original[folded.originEnd[$0.end - 1]..<range.lowerBound])
                    } == true
                    || after.map {
                        Self.isSeparator(original[range.upperBound..<folded.origin[$0.start]])
                    } == true
                guard listed else { continue }
            }
            result.append(Match(skill: skill, utf8Range: range))
        }
        return result
    }

    /// The lines of a text, for the rules about generic skills.
    private struct Lines {
        var text: [UInt8]
        /// Offsets of the line breaks.
        var breaks: [Int]
        /// The line of each chosen match.
        var lineOf: [Int]

        func bounds(_ line: Int) -> Range<Int> {
            (line == 0 ? 0 : breaks[line - 1] + 1)..<(line < breaks.count ? breaks[line] : text.count)
        }

        /// The rest of `line` after `offset`; `nil` when a match wrapped onto the next line ends past it
        /// ("business\nintelligence"): then nothing of this line follows the match.
        func rest(of line: Int, after offset: Int) -> ArraySlice<UInt8>? {
            let end = bounds(line).upperBound
            return offset <= end ? text[offset..<end] : nil
        }

        /// A skill at the start of its line (after bullets) followed by a colon or a wide gap and more
        /// text: the label of a group of skills ("Leadership:  Mentoring", "Accounting: audits") when other
        /// skills follow it (not a level: "financial analysis    Expert").
        func isGroupLabel(_ range: Range<Int>, line: Int) -> Bool {
            let bounds = bounds(line)
            let before = text[bounds.lowerBound..<range.lowerBound]
            guard
                before.allSatisfy({
                    $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "*")
                })
            else { return false }
            guard let after = rest(of: line, after: range.upperBound) else { return false }
            let spaces = after.prefix { $0 == 0x20 || $0 == 0x09 }
            let rest = after.dropFirst(spaces.count)
            guard !rest.isEmpty else { return false }
            return rest.first == UInt8(ascii: ":") || spaces.count >= 3 || spaces.contains(0x09)
        }

        /// Whether a lower-case word follows the match after one space on its line ("Search engine
        /// optimisation", "accounting software"): the match is then the first part of a longer term, not a
        /// skill of its own; words that join items or add a detail ("and", "in", "skills") do not count.
        func continuesTerm(after offset: Int, line: Int) -> Bool {
            guard let rest = rest(of: line, after: offset), rest.count >= 2, rest.first == 0x20,
                let first = rest.dropFirst().first, (0x61...0x7A).contains(first)
            else { return false }
            let word = rest.dropFirst().prefix { (0x61...0x7A).contains($0) }
            return !SkillMatcher.joiningWords.contains(String(decoding: word, as: UTF8.self))
        }

        /// Whether the line of the match at `position` lists skills: at least two skills, only separators
        /// between them, nothing but bullets or a short label before them and punctuation after.
        func listsSkills(
            _ line: Int, chosen: [(start: Int, end: Int, skill: Int)], folded: Folded, at position: Int
        ) -> Bool {
            var first = position
            while first > 0 && lineOf[first - 1] == line { first -= 1 }
            var last = position
            while last + 1 < chosen.count && lineOf[last + 1] == line { last += 1 }
            guard last > first else { return false }
            let bounds = bounds(line)
            let prefix = text[bounds.lowerBound..<folded.origin[chosen[first].start]]
            let isBullets = prefix.allSatisfy {
                $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "*")
            }
            guard isBullets || SkillMatcher.isListLabel(prefix) else { return false }
            for index in first..<last {
                let gap = text[folded.originEnd[chosen[index].end - 1]..<folded.origin[chosen[index + 1].start]]
                guard SkillMatcher.isSeparator(gap) else { return false }
            }
            guard let suffix = rest(of: line, after: folded.originEnd[chosen[last].end - 1]) else { return false }
            return suffix.allSatisfy {
                $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",")
                    || $0 == UInt8(ascii: ";")
            }
        }
    }

    // MARK: - Folding and rules

    /// Lower-cased text with whitespace runs as one space, hyphens folded (``foldedHyphen(_:between:and:)``),
    /// and for each byte the UTF-8 offsets of the original scalar it came from.
    struct Folded {
        var bytes: [UInt8] = []
        var origin: [Int] = []
        var originEnd: [Int] = []
        /// Whether each byte belongs to a letter or digit (so "•R" is a bullet and a word, "éR" one word).
        var isWord: [Bool] = []
    }

    static func fold(_ text: String) -> Folded {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(fold(utf8:))
            ?? Array(text.utf8).withUnsafeBufferPointer(fold(utf8:))
    }

    /// ``fold(_:)`` over the text's UTF-8 (valid, as a `String`'s is): ASCII bytes are folded as they come,
    /// other scalars are decoded from their bytes.
    private static func fold(utf8 text: UnsafeBufferPointer<UInt8>) -> Folded {
        var folded = Folded()
        let capacity = text.count
        folded.bytes.reserveCapacity(capacity)
        folded.origin.reserveCapacity(capacity)
        folded.originEnd.reserveCapacity(capacity)
        folded.isWord.reserveCapacity(capacity)
        func append(_ byte: UInt8, from offset: Int, width: Int, isWord: Bool) {
            folded.bytes.append(byte)
            folded.origin.append(offset)
            folded.originEnd.append(offset + width)
            folded.isWord.append(isWord)
        }
        var offset = 0
        var previous: Unicode.Scalar?
        while offset < text.count {
            let byte = text[offset]
            if byte < 0x80 {
                // ASCII's white space (tab to carriage return, and space) is decided without the Unicode tables.
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if folded.bytes.last != 0x20 && !folded.bytes.isEmpty {
                        append(0x20, from: offset, width: 1, isWord: false)
                    }
                } else {
                    let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    append(lowered, from: offset, width: 1, isWord: isWordByte(lowered))
                }
                previous = Unicode.Scalar(byte)
                offset += 1
                continue
            }
            let (scalar, width) = decodedScalar(text, at: offset)
            defer {
                offset += width
                previous = scalar
            }
            if scalar.properties.isWhitespace {
                if folded.bytes.last != 0x20 && !folded.bytes.isEmpty {
                    append(0x20, from: offset, width: width, isWord: false)
                }
                continue
            }
            let next = offset + width < text.count ? decodedScalar(text, at: offset + width).scalar : nil
            if let hyphen = foldedHyphen(scalar, between: previous, and: next) {
                for byte in hyphen {  // none for a soft hyphen: a break point, not a character
                    append(byte, from: offset, width: width, isWord: false)
                }
            } else {
                let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                for byte in String(scalar).lowercased().utf8 {
                    append(byte, from: offset, width: width, isWord: isWord)
                }
            }
        }
        if folded.bytes.last == 0x20 {
            folded.bytes.removeLast()
            folded.origin.removeLast()
            folded.originEnd.removeLast()
            folded.isWord.removeLast()
        }
        return folded
    }

    /// `fold(text).bytes` alone, what the automaton is built from: for ASCII text (nearly every name and
    /// alias of the taxonomy) straight from the bytes, without the offsets.
    static func foldedBytes(_ text: String) -> [UInt8] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return fold(text).bytes }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                // White space runs fold to one space, none at either end.
                if let last = bytes.last, last != 0x20 { bytes.append(0x20) }
            } else {
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        if bytes.last == 0x20 { bytes.removeLast() }
        return bytes
    }

    /// The scalar whose UTF-8 starts at `offset` of valid UTF-8, and its width in bytes.
    private static func decodedScalar(
        _ utf8: UnsafeBufferPointer<UInt8>, at offset: Int
    ) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = UInt32(utf8[offset])
        func continuation(_ index: Int) -> UInt32 { UInt32(utf8[offset + index] & 0x3F) }
        let (value, width): (UInt32, Int)
        switch lead {
        case ..<0x80: (value, width) = (lead, 1)
        case ..<0xE0: (value, width) = ((lead & 0x1F) << 6 | continuation(1), 2)
        case ..<0xF0: (value, width) = ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default:
            (value, width) = ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// The bytes a hyphen-like scalar folds to for matching: "-" for the hyphen U+2010 and the
    /// non-breaking hyphen U+2011 that typesetters set for "-" ("scikit‑learn" from xelatex), and for the
    /// figure dash U+2012 and the en dash U+2013 between two letters ("scikit–learn"; between digits or
    /// spaces a dash is a range and stays); nothing for the soft hyphen U+00AD, a break point a reader does
    /// not see ("Kuber\u{AD}netes"); `nil` for any other scalar, which folds as it is.
    static func foldedHyphen(
        _ scalar: Unicode.Scalar, between previous: Unicode.Scalar?, and next: Unicode.Scalar?
    ) -> [UInt8]? {
        switch scalar.value {
        case 0x2010, 0x2011: return [UInt8(ascii: "-")]
        case 0x00AD: return []
        case 0x2012, 0x2013:
            guard let previous, let next, previous.properties.isAlphabetic, next.properties.isAlphabetic else {
                return nil
            }
            return [UInt8(ascii: "-")]
        default: return nil
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Whether `text[start..<end]` stands as a token of its own.
    static func isBounded(_ text: [UInt8], isWord: [Bool], start: Int, end: Int) -> Bool {
        if isWord[start], start > 0, isWord[start - 1] { return false }
        if isWord[end - 1], end < text.count {
            let next = text[end]
            if isWord[end] || next == UInt8(ascii: "+") || next == UInt8(ascii: "#") { return false }
            // "node" in "node.js", "asp" in "asp.net": a dot followed by a letter continues the name.
            if next == UInt8(ascii: "."), end + 1 < text.count, isWord[end + 1] { return false }
        }
        if end - start <= 2 {
            let glue: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "&"), UInt8(ascii: "'")]
            if end < text.count, glue.contains(text[end]), end + 1 < text.count, isWord[end + 1] { return false }
            if start > 0, glue.contains(text[start - 1]) { return false }
        }
        return true
    }

    /// Replaces URLs and e-mail addresses with spaces, so "github.com/ada" is not the skill GitHub.
    static func blankOutAddresses(_ text: inout [UInt8]) {
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && text[end] != 0x20 { end += 1 }
            let token = text[start..<end]
            let isAddress =
                token.contains(UInt8(ascii: "@")) || token.starts(with: Array("www.".utf8))
                || (token.contains(UInt8(ascii: "/"))
                    && (token.firstRange(of: Array("://".utf8)) != nil
                        || token.firstRange(of: Array(".com/".utf8)) != nil))
            if isAddress { for index in start..<end { text[index] = 0x20 } }
            start = end + 1
        }
    }

    private static func lineStart(_ text: [UInt8], before offset: Int) -> Int {
        var index = offset
        while index > 0 && text[index - 1] != 0x0A { index -= 1 }
        return index
    }

    /// Text between two skills that makes them a list: commas, slashes, bullets, "and", "or".
    static func isSeparator(_ gap: ArraySlice<UInt8>) -> Bool {
        guard !gap.contains(0x0A) else { return false }
        let separators = Set((",/|;&+()" + Bullet.glyphs).unicodeScalars.map { $0 })
        let words = String(decoding: gap, as: UTF8.self).unicodeScalars
            .map { separators.contains($0) || $0.properties.isWhitespace ? " " : Character($0) }
        let remainder = String(words).split(separator: " ").map { $0.lowercased() }
        return remainder.allSatisfy { $0 == "and" || $0 == "or" } && remainder.count <= 1
    }

    /// Words after a skill that join it to the next item or add a detail, rather than continue its name.
    static let joiningWords: Set<String> = [
        "and", "or", "in", "with", "for", "of", "to", "at", "on", "via", "using", "skills", "experience", "from",
    ]

    /// A short label ending in a colon at the start of the line: "Languages: R".
    static func isListLabel(_ prefix: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: prefix, as: UTF8.self).trimmedWhitespace()
        guard text.hasSuffix(":") else { return false }
        return text.split(separator: " ").count <= 3
    }
}

import Foundation
import ResumeParser

/// A question turned into an FTS5 query that is safe to run: user text never reaches FTS5's query
/// syntax. The text is folded (case, diacritics), cut into runs of letters and digits, stop words are
/// dropped, and each remaining term is written as a double-quoted string (which cannot hold a quote, an
/// operator or a column filter); terms are OR-ed and BM25 ranks the matches. Tags written by the v4
/// triggers scope the query to one namespace and to the filters.
struct FullTextQuery: Sendable, Equatable {
    /// The terms, folded, at most ``maximumTerms`` of at most ``maximumTermLength`` characters each.
    var terms: [String]
    /// The kind of document the question is about, when its words say so: "which job / role / position /
    /// opening / vacancy" asks about job descriptions, "who" and "which candidate" about resumes.
    var kindHint: Passage.DocumentKind?
    /// The terms that name something — written with a capital inside a sentence ("Oxford", "Kafka"), with
    /// a capital past the first letter ("MLflow"), with digits beside letters ("EC2"), or joined to another
    /// word by `-`, `.`, `+`, `#` or `/` ("scikit-learn", "Node.js", "C++") — as opposed to the question's
    /// framing words ("lists", "among", "lives"). The words of a skill of the taxonomy named in the question
    /// ("kafka", "spring boot": ``SkillMatcher``, generic skills such as "accounting" left out) are key terms
    /// however they are written. A subset of ``terms``, in order.
    var keyTerms: [String]
    /// The names of several words: runs of two key terms or more written side by side in the question, with
    /// nothing but spaces or joiners between them ("Larkspur Insurance", "Oxford University"; a comma, a stop
    /// word, a framing word or a skill of the taxonomy ends a run: "Python Django" lists two skills), in order,
    /// each word as in ``keyTerms``.
    var names: [[String]]

    /// The most characters of a question that are read.
    static let maximumInput = 4_096
    /// The most terms one query keeps (the first ones, in order).
    static let maximumTerms = 32
    /// Longer terms are dropped (nothing in a resume is a 64-letter word).
    static let maximumTermLength = 64

    /// - Complexity: O(n) in the length of `question` (at most ``maximumInput`` characters are read).
    init(_ question: String) {
        let text = String(question.prefix(Self.maximumInput))
        let words = Self.questionWords(text)
        let skillWords = Self.skillWords(in: text)
        var terms: [String] = []
        var keyTerms: [String] = []
        var seen: Set<String> = []
        var hint: Passage.DocumentKind?
        var previous = ""
        var names: [[String]] = []
        var run: [String] = []
        func endRun() {
            if run.count >= 2 { names.append(run) }
            run = []
        }
        for (word, afterApostrophe, isKey, continues) in words {
            defer { previous = word }
            if hint == nil {
                if Self.jobWords.contains(word) {
                    hint = .job
                } else if Self.personWords.contains(word) || (previous == "which" && word.hasPrefix("candidate")) {
                    hint = .resume
                }
            }
            // A possessive ("company's") leaves an "s" that would match every "B.S." and "M.S.".
            if word == "s" && afterApostrophe {
                endRun()
                continue
            }
            let named =
                (isKey || skillWords.contains(word)) && word.count <= Self.maximumTermLength
                && !Self.stopWords.contains(word)
            // A skill of the taxonomy is a name of its own: "Python Django" lists two skills.
            let inName = named && !skillWords.contains(word)
            if !inName || !continues { endRun() }
            if inName && names.count < Self.maximumTerms && run.count < Self.maximumTerms { run.append(word) }
            guard word.count <= Self.maximumTermLength, !Self.stopWords.contains(word),
                terms.count < Self.maximumTerms, seen.insert(word).inserted
            else { continue }
            terms.append(word)
            if named { keyTerms.append(word) }
        }
        endRun()
        self.terms = terms
        self.keyTerms = keyTerms
        self.names = names
        kindHint = hint
    }

    /// The runs of letters and digits of `question`, folded (case, diacritics, width), each with whether it
    /// follows an apostrophe, whether it names something (see ``keyTerms``) and whether it continues the
    /// previous word's phrase (nothing but spaces or a joining `-`, `.`, `+`, `#`, `/` between them).
    ///
    /// - Complexity: O(n) in the length of `question`.
    private static func questionWords(
        _ question: String
    ) -> [(word: String, afterApostrophe: Bool, isKey: Bool, continues: Bool)] {
        var words: [(word: String, afterApostrophe: Bool, isKey: Bool, continues: Bool)] = []
        var sentenceStart = true
        // Whether the previous token ended on a letter or digit (no comma, bracket or full stop after it).
        var previousEndsInWord = false
        for token in question.split(whereSeparator: \.isWhitespace) {
            let scalars = Array(token.unicodeScalars)
            func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: return true  // a decomposed "é"
                default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                }
            }
            // Runs of letters and digits; an empty run marks an apostrophe ("company's").
            var runs: [String] = []
            var joined = false
            var current = ""
            var separator: Unicode.Scalar?
            for scalar in scalars {
                if isWordScalar(scalar) {
                    if current.isEmpty, !runs.isEmpty, let separator, "-.+#/".unicodeScalars.contains(separator) {
                        joined = true
                    }
                    current.unicodeScalars.append(scalar)
                    separator = nil
                } else {
                    if !current.isEmpty {
                        runs.append(current)
                        current = ""
                    }
                    separator = scalar
                    if scalar == "'" || scalar == "\u{2019}" { runs.append("") }
                }
            }
            if !current.isEmpty { runs.append(current) }
            // "C++", "C#": a trailing + or # makes the word a name.
            if let last = scalars.last, last == "+" || last == "#" { joined = true }
            var afterApostrophe = false
            let startsInWord = scalars.first.map(isWordScalar) ?? false
            var continues = previousEndsInWord && startsInWord
            for run in runs {
                if run.isEmpty {
                    afterApostrophe = true
                    continues = false
                    continue
                }
                let letters = Array(run.unicodeScalars)
                let capitalInside = letters.dropFirst().contains { $0.properties.isUppercase }
                let capitalised = letters.first?.properties.isUppercase ?? false
                let hasDigit = letters.contains { $0.properties.numericType != nil }
                let hasLetter = letters.contains { $0.properties.isAlphabetic }
                let isKey = joined || capitalInside || (capitalised && !sentenceStart) || (hasDigit && hasLetter)
                let folded = run.folding(
                    options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
                ).lowercased()
                words.append((folded, afterApostrophe, isKey, continues))
                afterApostrophe = false
                sentenceStart = false
                continues = joined
            }
            previousEndsInWord = scalars.last.map(isWordScalar) ?? false
            if let last = scalars.last, last == "." || last == "?" || last == "!" { sentenceStart = true }
        }
        return words
    }

    /// The folded words of the specific skills of the taxonomy that `text` names (generic ones such as
    /// "accounting" or "design" left out: they are descriptions, not names).
    ///
    /// - Complexity: O(n) in the length of `text` (one Aho–Corasick pass).
    private static func skillWords(in text: String) -> Set<String> {
        let bytes = Array(text.utf8)
        var words: Set<String> = []
        for match in SkillMatcher.standard.matches(in: text) where !match.skill.generic {
            guard match.utf8Range.lowerBound >= 0, match.utf8Range.upperBound <= bytes.count else { continue }
            let name = String(decoding: bytes[match.utf8Range], as: UTF8.self)
            for (word, _, _, _) in questionWords(name) { words.insert(word) }
        }
        return words
    }

    /// Words that make a question about job descriptions.
    static let jobWords: Set<String> = [
        "job", "jobs", "role", "roles", "position", "positions", "opening", "openings", "vacancy", "vacancies",
        "posting", "postings",
    ]
    /// Words that make a question about people (resumes).
    static let personWords: Set<String> = ["who", "whom", "whose", "anyone", "someone", "somebody", "anybody"]

    /// The forms a term's Porter stem may take in the full-text index: the term and its prefixes down to
    /// four characters shorter (at least three), with a final "y" as "i" ("company" → "compani"), and last
    /// its exact Porter stem (``PorterStemmer``: "engineering" → "engin", "certification" → "certif").
    static func stemCandidates(_ term: String) -> [String] {
        var candidates = [term]
        if term.hasSuffix("y") { candidates.append(String(term.dropLast()) + "i") }
        let length = term.count
        if length > 3 {
            for cut in 1...min(4, length - 3) { candidates.append(String(term.dropLast(cut))) }
        }
        let stem = PorterStemmer.stem(term)
        if !candidates.contains(stem) { candidates.append(stem) }
        return candidates
    }

    /// The query without the terms that more than `share` of the index's rows hold (their BM25 weight is
    /// near zero, and scoring every row that holds them is what makes a query slow), keeping at least the
    /// rarest term. A term's count is that of its longest stem candidate the index holds; a term with no
    /// known stem is kept. Indexes of fewer than `minimumRows` rows are left alone.
    ///
    /// - Parameters:
    ///   - counts: document counts of stem candidates (``stemCandidates(_:)``) in the index.
    ///   - rows: the number of rows in the index.
    func withoutCommonTerms(
        counts: [String: Int], rows: Int, share: Double = 0.1, minimumRows: Int = 1_000
    ) -> FullTextQuery {
        guard rows >= minimumRows, terms.count > 1 else { return self }
        let frequency = terms.map { term in
            Self.documentCount(of: term, in: counts)
        }
        let limit = Int(Double(rows) * share)
        var kept = zip(terms, frequency).filter { ($0.1 ?? 0) <= limit }.map(\.0)
        if kept.isEmpty, let rarest = zip(terms, frequency).min(by: { ($0.1 ?? 0) < ($1.1 ?? 0) }) {
            kept = [rarest.0]
        }
        var pruned = self
        pruned.terms = kept
        return pruned
    }

    /// The full-text row count of `term`'s first stem candidate the index holds (`counts` as
    /// ``termDocumentCounts``); `nil` when it holds none.
    static func documentCount(of term: String, in counts: [String: Int]) -> Int? {
        stemCandidates(term).lazy.compactMap { counts[$0] }.first
    }

    /// Each key term's weight: its inverse document frequency among `rows` full-text rows, from `counts`
    /// (as ``termDocumentCounts``). A key term the index does not hold weighs the most: a passage that
    /// holds only "University" of "Oxford University" is not evidence.
    func keyTermWeights(counts: [String: Int], rows: Int) -> [Double] {
        let total = Double(max(rows, 1))
        return keyTerms.map { term in
            let frequency = Double(Self.documentCount(of: term, in: counts) ?? 0)
            return log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        }
    }

    /// The share of `weights` (one per key term) carried by the key terms that occur in `text`. A term
    /// occurs when a word of the text equals it or starts with one of its stem candidates of four letters or
    /// more (what the Porter stemmer of the full-text index matches, approximately).
    ///
    /// - Complexity: O(words × key terms) over the first 20,000 characters of `text`.
    func keyTermCoverage(of text: String, weights: [Double]) -> Double {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        let words = Self.foldedWords(text.prefix(20_000))
        var covered = 0.0
        for (term, weight) in zip(keyTerms, weights) {
            let stems = Self.stemCandidates(term).filter { $0 == term || $0.count >= 4 }
            if words.contains(term) || words.contains(where: { word in stems.contains { word.hasPrefix($0) } }) {
                covered += weight
            }
        }
        return covered / total
    }

    /// Whether `text` holds every word of one of the question's ``names`` but never two of them together (in
    /// the question's order, at most ``nameGap`` words apart): "Larkspur Payments" in one line and "Harbor
    /// Insurance" in another are no "Larkspur Insurance", while "Senior Software Engineer" holds "Senior
    /// Engineer". A text holding the name together, or only part of it, does not split it.
    ///
    /// - Complexity: O(words × name words) over the first 20,000 characters of `text`.
    func splitsName(in text: String) -> Bool {
        guard !names.isEmpty else { return false }
        let words = Self.foldedWordSequence(text.prefix(20_000))
        for name in names {
            let stems = name.map { term in Self.stemCandidates(term).filter { $0 == term || $0.count >= 4 } }
            func matches(_ word: String, _ index: Int) -> Bool {
                word == name[index] || stems[index].contains { word.hasPrefix($0) }
            }
            var held = Array(repeating: false, count: name.count)
            var together = false
            for (position, word) in words.enumerated() {
                for index in name.indices where matches(word, index) {
                    held[index] = true
                    guard index + 1 < name.count else { continue }
                    let following = words[(position + 1)..<min(words.count, position + 2 + Self.nameGap)]
                    if following.contains(where: { matches($0, index + 1) }) { together = true }
                }
                if together { break }
            }
            if !together && held.allSatisfy({ $0 }) { return true }
        }
        return false
    }

    /// The most words between two words of a name that still hold it together (``splitsName(in:)``).
    static let nameGap = 2

    /// The distinct words of `text` (runs of letters and digits), folded once as a whole (folding removes
    /// the combining marks).
    private static func foldedWords(_ text: Substring) -> Set<String> {
        Set(foldedWordSequence(text))
    }

    /// The words of `text` (runs of letters and digits) in order, folded once as a whole.
    private static func foldedWordSequence(_ text: Substring) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Indexes with at least this many rows try the rows holding every term before the union.
    static let conjunctiveFirstRows = 1_000

    /// The FTS5 expression: the namespace tag (when given), the filter tags, then the terms OR-ed (AND-ed
    /// when `conjunctive`); `nil` when no term is left (a question of stop words only matches nothing).
    func expression(namespace: Int64?, tags: [[String]], conjunctive: Bool = false) -> String? {
        guard !terms.isEmpty else { return nil }
        var parts = namespace.map { ["tags : \"n\($0)\""] } ?? []
        for group in tags where !group.isEmpty {
            parts.append("tags : (" + group.map { "\"\($0)\"" }.joined(separator: " OR ") + ")")
        }
        parts.append("text : (" + terms.map { "\"\($0)\"" }.joined(separator: conjunctive ? " AND " : " OR ") + ")")
        return parts.joined(separator: " AND ")
    }

    /// English function words, question words, and words every resume or question has ("experience",
    /// "candidate"), which would only add noise to BM25.
    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "anyone", "are", "as", "at",
        "be", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done",
        "each", "either", "for", "from", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "me", "more", "most", "my", "neither", "no", "nor", "not", "of", "on",
        "or", "our", "out", "over", "own", "she", "should", "so", "some", "someone", "such", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "would", "you", "your", "candidate", "candidates", "applicant", "applicants", "person",
        "people", "anybody", "somebody", "experience", "experienced", "resume", "resumes", "cv", "list", "show",
        "find", "tell", "give", "name", "names", "mention", "mentions", "mentioned", "say", "says", "job", "jobs",
        "role", "roles", "position", "positions", "opening", "openings", "vacancy", "vacancies", "posting", "postings",
    ]
}

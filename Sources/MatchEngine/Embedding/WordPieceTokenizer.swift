import Foundation

/// The BERT uncased tokenizer of all-MiniLM-L6-v2, reproducing the reference token ids exactly:
///
/// 1. normalise: drop NUL, U+FFFD and control/format characters (except tab and line breaks), turn
///    whitespace into spaces, put spaces around CJK ideographs, decompose (NFD) and drop combining marks
///    (strips accents), then lowercase character by character;
/// 2. split on spaces, and make every punctuation character (ASCII symbols and Unicode `P*`) a word;
/// 3. WordPiece each word: greedy longest match from the left, continuations prefixed `##`; a word that
///    cannot be covered, or is longer than 100 characters, becomes one `[UNK]`;
/// 4. keep at most `maximumLength − 2` pieces between `[CLS]` and `[SEP]`.
struct WordPieceTokenizer: Sendable {
    static let classifierToken: Int32 = 101
    static let separatorToken: Int32 = 102
    static let unknownToken: Int32 = 100
    static let maximumWordLength = 100

    private let vocabulary: [String: Int32]
    let maximumLength: Int

    init(vocabularyFile url: URL, maximumLength: Int = 256) throws {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw EmbeddingError.modelInvalid(file: url.path, reason: "not a UTF-8 vocabulary file")
        }
        // One token a line, split on line feeds ("\r\n" read as one break; other line separators are not
        // in the vocabulary files): Foundation's `enumerateLines` bridges through NSString and took 60 ms.
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(32_000)
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let token = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            vocabulary[String(Substring(token))] = Int32(clamping: index)
        }
        guard vocabulary["[CLS]"] == Self.classifierToken, vocabulary["[SEP]"] == Self.separatorToken,
            vocabulary["[UNK]"] == Self.unknownToken
        else {
            throw EmbeddingError.modelInvalid(file: url.path, reason: "special tokens are not at 100/101/102")
        }
        self.vocabulary = vocabulary
        self.maximumLength = maximumLength
    }

    /// Token ids with `[CLS]` and `[SEP]`, truncated to ``maximumLength``.
    func encode(_ text: String) -> [Int32] {
        [Self.classifierToken] + pieces(text, limit: maximumLength - 2) + [Self.separatorToken]
    }

    /// The word-piece ids of `text` without special tokens, at most `limit` of them.
    func pieces(_ text: String, limit: Int = .max) -> [Int32] {
        var ids: [Int32] = []
        for word in Self.words(in: Self.normalize(text)) {
            for id in wordPieces(word) {
                guard ids.count < limit else { return ids }
                ids.append(id)
            }
        }
        return ids
    }

    /// Step 1: the normalised text as Unicode scalars.
    static func normalize(_ text: String) -> [Unicode.Scalar] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0 || value == 0xFFFD { continue }
            let isLineSpace = value == 0x09 || value == 0x0A || value == 0x0D
            if !isLineSpace && isControlOrFormat(scalar) { continue }
            if isLineSpace || scalar.properties.isWhitespace {
                cleaned.append(" ")
            } else if isCJKIdeograph(value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        var result: [Unicode.Scalar] = []
        for scalar in String(cleaned).decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return result
    }

    /// Step 2: words split on spaces, each punctuation character a word of its own.
    static func words(in scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in scalars {
            if scalar == " " {
                if !current.isEmpty { words.append(current) }
                current = []
            } else if isPunctuation(scalar) {
                if !current.isEmpty { words.append(current) }
                words.append([scalar])
                current = []
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Step 3: greedy longest-match WordPiece of one word.
    func wordPieces(_ word: [Unicode.Scalar]) -> [Int32] {
        guard word.count <= Self.maximumWordLength else { return [Self.unknownToken] }
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                var piece = start == 0 ? "" : "##"
                piece.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = vocabulary[piece] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else { return [Self.unknownToken] }
            pieces.append(found)
            start = end
        }
        return pieces
    }

    private static func isControlOrFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    private static func isCJKIdeograph(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B820...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }
}

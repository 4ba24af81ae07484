/// Reads a taxonomy file of the expected shape in one pass over its bytes, straight into skills and relations.
/// `JSONDecoder` took 0.07 s for the shipped file (about 950 KB), on the path of every command's first parse.
///
/// It reads what ``SkillTaxonomy/init(contentsOf:)`` decodes and nothing else: `skills` (each with `name`,
/// `category`, `aliases`, `cased`, `listed` and an optional `generic`) and optional `relations` (`skills`,
/// `credit`, `note`); the values of other keys are checked as JSON and skipped, as the decoder skips them.
/// Anything else (malformed JSON, a missing or mistyped field, an unknown category, a key twice in one
/// object, a number a `Double` cannot hold) gives `nil`, and the caller decodes with `JSONDecoder`, which
/// names the problem.
struct TaxonomyFileReader {
    private let bytes: [UInt8]
    private var position = 0

    /// Deeper nesting than this is no taxonomy (and no stack to spend on a hostile file).
    private static let maximumDepth = 64

    static func read(_ bytes: [UInt8]) -> (skills: [Skill], relations: [SkillRelation])? {
        var reader = TaxonomyFileReader(bytes: bytes)
        guard let result = reader.file(), reader.atEnd() else { return nil }
        return result
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: The taxonomy's objects

    /// The keys the reader knows, as bytes.
    private enum Key {
        static let aliases = Array("aliases".utf8)
        static let cased = Array("cased".utf8)
        static let category = Array("category".utf8)
        static let credit = Array("credit".utf8)
        static let generic = Array("generic".utf8)
        static let listed = Array("listed".utf8)
        static let name = Array("name".utf8)
        static let note = Array("note".utf8)
        static let relations = Array("relations".utf8)
        static let skills = Array("skills".utf8)
    }

    private mutating func file() -> (skills: [Skill], relations: [SkillRelation])? {
        var skills: [Skill]?
        var relations: [SkillRelation]??
        let complete = object(depth: 0) { reader, key in
            switch key {
            case Key.skills: return Self.once(&skills, reader.list(depth: 1, { $0.skill(depth: 2) }))
            case Key.relations:
                return Self.once(&relations, reader.nullOr { $0.list(depth: 1, { $0.relation(depth: 2) }) })
            default: return reader.skipValue(depth: 1)
            }
        }
        guard complete, let skills else { return nil }
        return (skills, (relations ?? nil) ?? [])
    }

    private mutating func skill(depth: Int) -> Skill? {
        var name: String?
        var category: SkillCategory?
        var aliases: [String]?
        var cased: Bool?
        var listed: Bool?
        var generic: Bool??
        let complete = object(depth: depth) { reader, key in
            switch key {
            case Key.name: return Self.once(&name, reader.string())
            case Key.category: return Self.once(&category, reader.string().flatMap(SkillCategory.init(rawValue:)))
            case Key.aliases: return Self.once(&aliases, reader.list(depth: depth + 1, { $0.string() }))
            case Key.cased: return Self.once(&cased, reader.bool())
            case Key.listed: return Self.once(&listed, reader.bool())
            case Key.generic: return Self.once(&generic, reader.nullOr { $0.bool() })
            default: return reader.skipValue(depth: depth + 1)
            }
        }
        guard complete, let name, let category, let aliases, let cased, let listed else { return nil }
        return Skill(
            name: name, category: category, aliases: aliases, cased: cased, listed: listed,
            generic: (generic ?? nil) ?? false)
    }

    private mutating func relation(depth: Int) -> SkillRelation? {
        var skills: [String]?
        var credit: Double?
        var note: String?
        let complete = object(depth: depth) { reader, key in
            switch key {
            case Key.skills: return Self.once(&skills, reader.list(depth: depth + 1, { $0.string() }))
            case Key.credit: return Self.once(&credit, reader.number())
            case Key.note: return Self.once(&note, reader.string())
            default: return reader.skipValue(depth: depth + 1)
            }
        }
        guard complete, let skills, let credit, let note else { return nil }
        return SkillRelation(skills: skills, credit: credit, note: note)
    }

    /// Stores `value` in `slot`: `false` (the object is left to the decoder) when it is missing or malformed
    /// (`nil`), or when the key came before (`slot` already holds a value).
    private static func once<Value>(_ slot: inout Value?, _ value: Value?) -> Bool {
        guard slot == nil, let value else { return false }
        slot = value
        return true
    }

    // MARK: JSON

    mutating func atEnd() -> Bool {
        skipSpace()
        return position == bytes.count
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Whether the next byte (after white space) is `byte`, which is then passed.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// An object, each key (escapes resolved) handed to `field`, which reads the value; `false` from it, or
    /// malformed JSON, stops with `false`.
    private mutating func object(depth: Int, _ field: (inout TaxonomyFileReader, [UInt8]) -> Bool) -> Bool {
        guard depth <= Self.maximumDepth, take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            // Every key must be UTF-8, as the decoder makes each a `String`; only a known one is compared.
            guard let key = stringBytes(),
                key.allSatisfy({ $0 < 0x80 }) || String(validating: key, as: UTF8.self) != nil,
                take(UInt8(ascii: ":")), field(&self, key)
            else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// An array whose every element `element` reads.
    private mutating func list<Element>(
        depth: Int, _ element: (inout TaxonomyFileReader) -> Element?
    ) -> [Element]? {
        guard depth <= Self.maximumDepth, take(UInt8(ascii: "[")) else { return nil }
        var elements: [Element] = []
        if take(UInt8(ascii: "]")) { return elements }
        while true {
            guard let value = element(&self) else { return nil }
            elements.append(value)
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? elements : nil
        }
    }

    /// Any value, checked and passed over.
    private mutating func skipValue(depth: Int) -> Bool {
        guard depth <= Self.maximumDepth else { return false }
        skipSpace()
        guard position < bytes.count else { return false }
        switch bytes[position] {
        case UInt8(ascii: "{"): return object(depth: depth) { reader, _ in reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): return list(depth: depth) { $0.skipValue(depth: depth + 1) ? true : nil } != nil
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return bool() != nil
        case UInt8(ascii: "n"): return null()
        default: return number() != nil
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    private mutating func null() -> Bool { literal("null") }

    /// `null` as `.some(nil)`, else what `read` reads (`nil` when it fails).
    private mutating func nullOr<Value>(_ read: (inout TaxonomyFileReader) -> Value?) -> Value?? {
        if null() { return .some(nil) }
        return read(&self).map { .some($0) }
    }

    private mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// A number in JSON's grammar that a `Double` holds (finite).
    private mutating func number() -> Double? {
        skipSpace()
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { return nil }
        }
        let mantissaEnd = position
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { return nil }
        }
        guard let number = Double(String(decoding: bytes[start..<position], as: UTF8.self)), number.isFinite else {
            return nil
        }
        // A number too small for a `Double` rounds to zero; the decoder rejects it unless it is zero.
        if number == 0, bytes[start..<mantissaEnd].contains(where: { (0x31...0x39).contains($0) }) { return nil }
        return number
    }

    private mutating func string() -> String? {
        skipSpace()
        return stringBytes().flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// The bytes of a string literal with its escapes resolved; no raw control characters. (Its UTF-8 is
    /// checked when it becomes a `String`; a key is only compared.)
    private mutating func stringBytes() -> [UInt8]? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        position += 1
        var text: [UInt8] = []
        var runStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                text += bytes[runStart..<position]
                position += 1
                return text
            }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                text += bytes[runStart..<position]
                guard position + 1 < bytes.count else { return nil }
                let escape = bytes[position + 1]
                position += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    text += Array(String(scalar).utf8)
                default: return nil
                }
                runStart = position
                continue
            }
            position += 1
        }
        return nil
    }

    /// The scalar of `\uXXXX` (after the `u`), or of a surrogate pair `\uD8xx\uDCxx`.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hexQuad() else { return nil }
        if (0xD800...0xDBFF).contains(high) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { return nil }
            position += 2
            guard let low = hexQuad(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    private mutating func hexQuad() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        position += 4
        return value
    }
}

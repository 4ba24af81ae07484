import Foundation

/// The skills the parser recognises: canonical names, aliases and categories.
///
/// ``standard`` is the taxonomy shipped with the package (about 3,300 skills, 14,000 aliases): our
/// curated technology skills over ESCO v1.1.1 knowledge, digital and transversal skills (© European
/// Union, https://esco.ec.europa.eu), built by `scripts/build-skills-taxonomy.py`. Hosts may build
/// their own from ``Skill`` values.
public struct SkillTaxonomy: Sendable {
    /// Every skill, in the order given.
    public let skills: [Skill]
    /// Groups of related skills and the partial credit one earns for another.
    public let relations: [SkillRelation]
    private let indexOfName: [String: Int]
    /// Canonical name → (related canonical name → the highest credit between them).
    private let relatedOfName: [String: [String: Double]]

    /// - Precondition: canonical names are unique (case-insensitively).
    public init(skills: [Skill], relations: [SkillRelation] = []) {
        self.skills = skills
        self.relations = relations
        var related: [String: [String: Double]] = [:]
        for relation in relations {
            for skill in relation.skills {
                for other in relation.skills where other != skill {
                    related[skill, default: [:]][other] = max(related[skill]?[other] ?? 0, relation.credit)
                }
            }
        }
        relatedOfName = related
        var index: [String: Int] = [:]
        for (position, skill) in skills.enumerated() {
            let key = skill.name.lowercased()
            precondition(index[key] == nil, "skill \(skill.name) appears twice")
            index[key] = position
        }
        for (position, skill) in skills.enumerated() {
            for alias in skill.aliases {
                let key = Self.plain(alias).lowercased()
                if index[key] == nil { index[key] = position }
            }
        }
        indexOfName = index
    }

    /// The taxonomy shipped with the package, loaded once.
    public static let standard: SkillTaxonomy = {
        guard let url = Bundle.module.url(forResource: "skills-taxonomy", withExtension: "json") else {
            preconditionFailure("skills-taxonomy.json is missing from the ResumeParser bundle")
        }
        do {
            return try SkillTaxonomy(contentsOf: url)
        } catch {
            preconditionFailure("skills-taxonomy.json is unreadable: \(error)")
        }
    }()

    /// Reads a taxonomy file in the format of the shipped one (`{"skills": [{"name", "category",
    /// "aliases", "cased", "listed", "generic"}], "relations": [{"skills", "credit", "note"}]}`; relations
    /// and the skill's "generic" flag optional).
    ///
    /// - Throws: ``ParseError/unreadable(source:reason:)`` when the file cannot be read,
    ///   ``ParseError/invalidTaxonomy(source:reason:)`` when it is not a taxonomy, and
    ///   ``ParseError/duplicateSkill(source:name:)`` when two skills share a name (ignoring case).
    public init(contentsOf url: URL) throws {
        let source = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ParseError.unreadable(source: source, reason: TextExtractor.describe(error, fallback: "read error"))
        }
        let skills: [Skill]
        let relations: [SkillRelation]
        // The reader takes the file of the expected shape; the decoder reads anything else, or names its fault.
        if let read = TaxonomyFileReader.read([UInt8](data)) {
            (skills, relations) = read
        } else {
            (skills, relations) = try Self.decode(data, source: source)
        }
        var seen = Set<String>()
        for skill in skills where !seen.insert(skill.name.lowercased()).inserted {
            throw ParseError.duplicateSkill(source: source, name: skill.name)
        }
        let names = Set(skills.map(\.name))
        for relation in relations {
            guard relation.credit.isFinite, (0...1).contains(relation.credit) else {
                throw ParseError.invalidTaxonomy(source: source, reason: "relation credit must be 0 … 1")
            }
            if let unknown = relation.skills.first(where: { !names.contains($0) }) {
                throw ParseError.invalidTaxonomy(source: source, reason: "relation names unknown skill \(unknown)")
            }
        }
        self.init(skills: skills, relations: relations)
    }

    /// The skills and relations of a taxonomy file through `JSONDecoder`, whose errors name what is wrong.
    private static func decode(_ data: Data, source: String) throws -> (skills: [Skill], relations: [SkillRelation]) {
        struct File: Decodable {
            var skills: [Skill]
            var relations: [SkillRelation]?
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            return (file.skills, file.relations ?? [])
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw ParseError.invalidTaxonomy(source: source, reason: "missing \(path)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ParseError.invalidTaxonomy(source: source, reason: "wrong type at \(path)")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ParseError.invalidTaxonomy(source: source, reason: "invalid value at \(path)")
        } catch {
            throw ParseError.invalidTaxonomy(source: source, reason: "not JSON")
        }
    }

    /// The skills related to the canonical skill `name`, with the credit each earns for it (the highest
    /// when several relations join them), by name. Empty when it has none.
    public func related(to name: String) -> [String: Double] { relatedOfName[name] ?? [:] }

    /// The skill a name or alias stands for, ignoring case ("postgres" → PostgreSQL), or `nil`.
    public func skill(named name: String) -> Skill? {
        let key = name.trimmedWhitespace().lowercased()
        return indexOfName[key].map { skills[$0] }
    }

    /// An alias without its exact-case marker.
    static func plain(_ alias: String) -> String { alias.hasPrefix("=") ? String(alias.dropFirst()) : alias }
}

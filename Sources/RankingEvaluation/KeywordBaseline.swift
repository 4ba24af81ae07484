import Foundation
import ResumeParser

/// The plain keyword-overlap score a ranking must beat: 100 × the share of the job's required skills
/// (its preferred ones when it states none) whose canonical name or an alias occurs in the resume's text
/// as a whole word, ignoring case. No parsing of the resume, no weights, no years.
public struct KeywordBaseline: Sendable {
    private let taxonomy: SkillTaxonomy

    /// A baseline over `taxonomy`'s names and aliases.
    public init(taxonomy: SkillTaxonomy = .standard) {
        self.taxonomy = taxonomy
    }

    /// The terms that stand for each skill the job asks for (its name and aliases, lower-case).
    public func terms(of job: ParsedJob) -> [[String]] {
        let skills = job.requiredSkills.isEmpty ? job.preferredSkills : job.requiredSkills
        return skills.map { mention in
            let aliases = taxonomy.skill(named: mention.name)?.aliases.map {
                $0.hasPrefix("=") ? String($0.dropFirst()) : $0
            }
            return Array(Set([mention.name] + (aliases ?? []))).map { $0.lowercased() }.sorted()
        }
    }

    /// 0 … 100: the share of the job's skills found in `text`.
    ///
    /// - Complexity: O(t × n) for t terms and text length n.
    public func score(text: String, terms: [[String]]) -> Double {
        guard !terms.isEmpty else { return 0 }
        let lowered = text.lowercased()
        let found = terms.filter { alternatives in alternatives.contains { Self.containsWord($0, in: lowered) } }
        return (1_000 * Double(found.count) / Double(terms.count)).rounded() / 10
    }

    /// Whether `term` occurs in `text` with no letter or digit just before or after it.
    static func containsWord(_ term: String, in text: String) -> Bool {
        guard !term.isEmpty else { return false }
        var searchStart = text.startIndex
        while let range = text.range(of: term, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let bounded = { (character: Character?) in character.map { !($0.isLetter || $0.isNumber) } ?? true }
            if bounded(before) && bounded(after) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }
}

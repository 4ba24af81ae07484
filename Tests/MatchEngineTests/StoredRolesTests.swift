import Foundation
import ResumeParser
import TestSupport
import Testing

@testable import MatchEngine

/// Stored roles, titles and evidenced skills are read on their bytes; they must read as the character loop read them.
@Suite("Stored roles read back")
struct StoredRolesTests {
    static func referenceRoles(_ text: String, referenceMonth: YearMonth) -> [CandidateProfile.Role] {
        let reference = referenceMonth.year * 12 + referenceMonth.month - 1
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let first = Int(fields[0]) else { return nil }
            let last = Int(fields[1]) ?? reference
            return CandidateProfile.Role(title: String(fields[2]), firstMonth: first, lastMonth: min(last, reference))
        }
    }

    static func referenceTitles(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            line.hasPrefix("-\t-\t") ? String(line.dropFirst(4)) : nil
        }
    }

    @Test("random stored text (tabs, newlines, signs, digits, accents, combining marks, emoji) reads the same")
    func randomText() {
        let pieces = [
            "\t", "\n", "\r", "\r\n", "-", "+", "0", "7", "24301", "-\t-\t", "Senior Engineer", "é", "e\u{301}",
            "\u{301}", "😀", " ", "Ingénieure", "x",
        ]
        var generator = SeededGenerator(seed: 5)
        let month = YearMonth(year: 2025, month: 6)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...14, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(
                CandidateProfile.roles(stored: text, referenceMonth: month)
                    == Self.referenceRoles(text, referenceMonth: month), "\(text.debugDescription)")
            #expect(CandidateProfile.titles(stored: text) == Self.referenceTitles(text), "\(text.debugDescription)")
            // Evidenced skills are stored one a line.
            #expect(CandidateProfile.storedLines(text) == text.split(separator: "\n"), "\(text.debugDescription)")
            #expect(
                CandidateProfile.storedList(text) == text.split(separator: "\n").map(String.init),
                "\(text.debugDescription)")
        }
    }

    @Test("a well-formed stored history reads back its positions and undated titles")
    func wellFormed() {
        let text = "24300\t24311\tData Engineer\n24312\t-\tSenior Data Engineer\n-\t-\tAnalytics Lead"
        let roles = CandidateProfile.roles(stored: text, referenceMonth: YearMonth(year: 2026, month: 1))
        #expect(roles.map(\.title) == ["Data Engineer", "Senior Data Engineer"])
        #expect(roles.last?.lastMonth == 2026 * 12)
        #expect(CandidateProfile.titles(stored: text) == ["Analytics Lead"])
    }
}

import TestSupport
import Testing

@testable import ResumeParser

@Suite("Aho-Corasick automaton")
struct AhoCorasickTests {
    @Test("every occurrence of every pattern, as a search pattern by pattern finds them")
    func againstNaiveSearch() {
        var generator = SeededGenerator(seed: 11)
        let alphabet = Array("abc -é".utf8)
        func random(_ lengths: ClosedRange<Int>) -> [UInt8] {
            (0..<Int.random(in: lengths, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? 0x61
            }
        }
        for _ in 0..<200 {
            // Many patterns over few bytes: shared prefixes, patterns inside patterns, repeats.
            let patterns = (0..<Int.random(in: 1...40, using: &generator)).map { _ in random(1...5) }
            let automaton = AhoCorasick(patterns: patterns)
            for _ in 0..<5 {
                let text = random(0...60)
                var expected: [[Int]] = []
                for end in 0...text.count {
                    for (index, pattern) in patterns.enumerated()
                    where pattern.count <= end && Array(text[(end - pattern.count)..<end]) == pattern {
                        expected.append([end, index])
                    }
                }
                let found = automaton.occurrences(in: text).map { [$0.end, $0.pattern] }
                #expect(
                    found.sorted { $0.lexicographicallyPrecedes($1) }
                        == expected.sorted { $0.lexicographicallyPrecedes($1) })
                #expect(found.map { $0[0] } == found.map { $0[0] }.sorted(), "ordered by end")
            }
        }
    }
}

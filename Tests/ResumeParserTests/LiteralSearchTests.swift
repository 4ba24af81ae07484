import Foundation
import TestSupport
import Testing

@testable import ResumeParser

@Suite("Literal search")
struct LiteralSearchTests {
    @Test("containsLiteral agrees with Foundation's contains on ASCII needles, fixed and random texts")
    func matchesFoundation() {
        let cases: [(String, String)] = [
            ("", "a"), ("a", ""), ("", ""), ("abc", "abc"), ("abc", "abcd"), ("xxabcxx", "abc"), ("ababac", "abac"),
            (" work experience ", " experience "), ("Café @ home", "@"), ("naïve, really", ","), ("🚀 go", " go"),
            ("https://x.org", "://"), ("aaa", "aab"), ("é", "e"),
            // Canonical equivalents match; a mark on a hit's last character unmakes it.
            ("e\u{301}cole normale", "école"), ("colle\u{300}ge de france", "collège"), ("école", "e\u{301}cole"),
            ("a@\u{301}b", "@"), ("in progress\u{301}", "in progress"), ("nurse\u{301} ", "nurse"),
            ("nurse é", "nurse"),
        ]
        for (text, needle) in cases {
            #expect(text.containsLiteral(needle) == text.contains(needle), "\(text.debugDescription) ∋ \(needle)")
            let slice = ("<" + text + ">").dropFirst().dropLast()
            #expect(slice.containsLiteral(needle) == text.contains(needle), "substring \(text.debugDescription)")
        }
        let alphabet: [Character] = ["a", "b", " ", "@", "é", "€", "e\u{301}", "\u{301}"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let text = String(
                (0..<Int.random(in: 0..<12, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? "a"
                })
            let needle = String(
                (0..<Int.random(in: 1..<4, using: &generator)).map { _ in
                    "ab @".randomElement(using: &generator) ?? "a"
                })
            #expect(text.containsLiteral(needle) == text.contains(needle), "\(text.debugDescription) ∋ \(needle)")
        }
    }
}

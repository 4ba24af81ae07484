import Foundation
import Testing

@testable import ResumeParser

@Suite("Line breaks")
struct LineBreakTests {
    @Test("splitAtLineBreaks gives Foundation's components(separatedBy: .newlines), on fixed and random texts")
    func matchesFoundation() {
        let texts = [
            "", "\n", "a", "a\nb", "a\r\nb", "a\rb\n", "\n\na\n\n", "x\u{0B}y\u{0C}z", "one\u{85}two",
            "p\u{2028}q\u{2029}r",
            "é\u{301}\ne", "🚀\r\n🚀", "\u{2027}\u{202A}", "tail\u{C2}",
        ]
        for text in texts {
            #expect(text.splitAtLineBreaks() == text.components(separatedBy: .newlines), "\(text.debugDescription)")
        }
        let alphabet: [Character] = [
            "a", " ", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "é", "\u{0B}", "€",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let count = Int.random(in: 0..<20, using: &generator)
            let text = String((0..<count).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            #expect(text.splitAtLineBreaks() == text.components(separatedBy: .newlines), "\(text.debugDescription)")
        }
    }
}

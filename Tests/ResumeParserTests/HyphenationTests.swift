import Testing

@testable import ResumeParser

/// Hyphens as typesetters set them: other code points for "-", invisible soft hyphens, and words broken at
/// a line's end. The parser must read the skill the writer typed.
@Suite("Hyphens: typographic hyphens and words broken at a line's end")
struct HyphenationTests {
    static let matcher = SkillMatcher.standard

    @Test(
        "the hyphen U+2010, the non-breaking hyphen U+2011 and an en dash inside a word match as \"-\"",
        arguments: ["scikit\u{2010}learn", "scikit\u{2011}learn", "scikit\u{2013}learn", "scikit\u{2012}learn"])
    func typographicHyphens(written: String) {
        let found = Self.matcher.skills(in: "Modelling: \(written), pandas").map(\.name)
        #expect(found.contains("scikit-learn"), "\(found)")
    }

    @Test("a soft hyphen is invisible to the matcher; an en dash between numbers or spaces stays a dash")
    func softHyphenAndRanges() {
        #expect(Self.matcher.skills(in: "Ran Kuber\u{AD}netes clusters").map(\.name) == ["Kubernetes"])
        let folded = SkillMatcher.fold("2019\u{2013}2021 and Java \u{2013} Go")
        #expect(String(decoding: folded.bytes, as: UTF8.self) == "2019\u{2013}2021 and java \u{2013} go")
        // Offsets still point into the original text: the match covers the typographic hyphen.
        let text = "Used scikit\u{2011}learn daily"
        let match = Self.matcher.matches(in: text, isSkillList: true).first
        #expect(match.map { String(decoding: Array(text.utf8)[$0.utf8Range], as: UTF8.self) } == "scikit\u{2011}learn")
    }

    @Test("the parser folds U+2010/U+2011 and drops soft hyphens before reading titles and skills")
    func parserFolding() {
        #expect(TypographicFolding.folded("Full\u{2011}Stack De\u{AD}veloper") == "Full-Stack Developer")
        #expect(TypographicFolding.folded("plain ascii") == "plain ascii")
        let resume = DocumentParser(referenceMonth: YearMonth(year: 2026, month: 11)).parseResume(
            text: "Skills\nscikit\u{2011}learn, pandas, NumPy", source: "cv.txt")
        #expect(resume.skills.map(\.name).contains("scikit-learn"))
    }

    @Test("a word broken at a line's end is joined without its hyphen; a compound prefix keeps it")
    func lineBreakJoins() {
        #expect(
            HyphenatedWords.joined(["Deep Learning, Machine Learn-", "ing, NumPy"], matcher: Self.matcher)
                == ["Deep Learning, Machine Learning, NumPy"])
        // A compound's first word keeps the hyphen, unless the joined word is a skill.
        #expect(
            HyphenatedWords.joined(["Led a self-", "managed team"], matcher: Self.matcher) == [
                "Led a self-managed team"
            ])
        #expect(
            HyphenatedWords.joined(["Worked as a full-", "stack engineer"], matcher: Self.matcher)
                == ["Worked as a fullstack engineer"])
        #expect(HyphenatedWords.joined(["cross-", "functional work"]) == ["cross-functional work"])
        // The next line's left-margin label is not part of the word: the text after its gap is.
        #expect(
            HyphenatedWords.joined(["Studied translation with Hugging Face Transform-", "responsibilities      ers."])
                == ["Studied translation with Hugging Face Transformers.   responsibilities"])
        // A capitalised next line is not a continuation.
        #expect(HyphenatedWords.joined(["Baden-", "Württemberg"]) == ["Baden-", "Württemberg"])
    }

    @Test("a resume whose skills line breaks a skill's name at a hyphen still lists the skill")
    func parserJoinsSkills() {
        let resume = DocumentParser(referenceMonth: YearMonth(year: 2026, month: 11)).parseResume(
            text: """
                Experience
                Research Scientist, Lumen Labs, 2020 - Present
                Ran the lab's GPU cluster on Kuber-
                netes and trained models in PyTorch.
                Skills
                Research: Natural Language Processing, Deep Learning, Machine Learn-
                competences        ing; Tools: PyTorch, JAX
                """, source: "cv.txt")
        let names = resume.skills.map(\.name)
        #expect(names.contains("Machine Learning"), "\(names)")
        #expect(names.contains("Kubernetes"), "\(names)")
    }
}

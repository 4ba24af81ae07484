import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// The degree patterns test the word boundary once before each group's alternatives; they must match exactly
/// where the patterns with a boundary in every alternative did.
@Suite("Degree patterns: the boundary factored out")
struct DegreePatternTests {
    /// The patterns as they were, one `\b` an alternative (before 2026-12-01).
    static let unfactored = [
        "(?i:\\bph\\.?\\s?d\\b\\.?|\\bd\\.?phil\\b|\\bdoctor(?:ate)?\\b|\\bdoctoral\\b|\\bdoctorado\\b|\\bdoctorat\\b"
            + "|\\bdoktor\\b|\\bdottorato\\b|\\bdoutorado\\b)|\\bEd\\.D\\.",
        "(?i:\\bmaster'?s?\\b|\\bm\\.?\\s?sc\\b\\.?|\\bm\\.?\\s?eng\\b\\.?|\\bm\\.?b\\.?a\\b\\.?|\\bm\\.?\\s?tech\\b|\\bmphil\\b"
            + "|\\bll\\.?m\\b|\\bmáster\\b|\\bmaestr[ií]a\\b|\\bmestrado\\b|\\blaurea magistrale\\b|\\bdiplom-|\\bmagister\\b)"
            + "|(?<!, )\\b(?:M\\.S\\.|MS|M\\.A\\.|MA|M\\.Ed\\.|MEd|M\\.E\\.)(?=[\\s,(]|$)",
        "(?i:\\bbachelor'?s?\\b|\\bb\\.?\\s?sc\\b\\.?|\\bb\\.?\\s?eng\\b\\.?|\\bb\\.?\\s?tech\\b|\\bbba\\b|\\bb\\.?com\\b|\\bll\\.?b\\b"
            + "|\\bundergraduate degree\\b|\\bgrado en\\b|\\blicenciatura\\b|\\bbacharelado\\b|\\blaurea triennale\\b|\\bbachelier\\b)"
            + "|(?<!, )\\b(?:B\\.S\\.|BS|B\\.A\\.|BA|BFA|B\\.F\\.A\\.|B\\.E\\.|B\\.Eng)(?=[\\s,(]|$)",
        "(?i:\\bassociate'?s?\\s+(?:degree|of|in)\\b)|(?<!, )\\b(?:A\\.S\\.|A\\.A\\.|A\\.A\\.S\\.|AAS)(?=[\\s,(]|$)",
        "(?i:\\bhigh school\\b|\\bsecondary school\\b|\\bGED\\b|\\bA-levels?\\b|\\babitur\\b)",
    ]

    @Test(
        "every line of every fixture, and tricky degree strings, match where they did; one pass says whether any level does"
    )
    func sameMatches() throws {
        let reference = try Self.unfactored.map { try NSRegularExpression(pattern: $0) }
        #expect(reference.count == EducationExtractor.levels.count)
        var lines = [
            "Ph.D. in Physics", "PhD", "ph. d", "D.Phil", "Doctorate", "doctoral", "Ed.D.", "ed.d.", "Master's",
            "M.Sc.",
            "M Sc", "MEng", "M.B.A.", "MBA, 2019", "M.Tech", "MPhil", "LL.M", "Máster en", "Maestría", "mestrado",
            "Laurea Magistrale", "Diplom-Informatiker", "Magister", "M.S. in CS", "MS (2018)", "Boston, MA", "MA",
            "M.Ed.", "MEd", "M.E.", "Bachelor's", "B.Sc", "B Eng", "B.Tech", "BBA", "B.Com", "LL.B",
            "undergraduate degree",
            "Grado en", "Licenciatura", "Bacharelado", "Laurea Triennale", "Bachelier", "B.S.", "BS, 2010", "B.A.",
            "BA",
            "BFA", "B.F.A.", "B.E.", "B.Eng", "Associate's degree", "associate of arts", "A.S.", "A.A.", "A.A.S.",
            "AAS",
            "High School Diploma", "secondary school", "GED", "A-levels", "A-level", "Abitur", "mastery", "emphasis",
            "phdx", "xphd", "submaster", "embassy", "ABS", "a.s.a.p.", "", "   ", "Ph.D.Ph.D.", "MSc.BSc.", "ÉMBA",
        ]
        for folder in ["resumes", "real/resumes", "real-holdout/resumes", "real-holdout2/resumes", "jobs"] {
            let directory = Fixtures.root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
                guard let text = try? TextExtractor().extract(contentsOf: file).text else { continue }
                lines += text.split(whereSeparator: \.isNewline).map(String.init)
            }
        }
        var matched = 0
        for line in lines {
            let range = NSRange(line.startIndex..., in: line)
            #expect(EducationExtractor.namesLevel(line) == (EducationExtractor.level(in: line) != nil), "\(line)")
            for (old, (level, new)) in zip(reference, EducationExtractor.levels) {
                let before = old.firstMatch(in: line, range: range)?.range
                #expect(new.firstMatch(in: line, range: range)?.range == before, "\(level) in \(line)")
                if before != nil { matched += 1 }
            }
        }
        // Not vacuous: thousands of lines, hundreds of them naming a degree.
        #expect(lines.count >= 5_000)
        #expect(matched >= 300)
    }
}

import Foundation
import FuzzSupport
import ResumeParser

// Date ranges as the parser meets them: every line of the input as an experience line under a heading,
// through `DocumentParser.parseResume(text:source:)`, and each line through `YearMonth.init?(_:)`.
// Every month found must be a real month, and the experience total a finite, non-negative number.
enum DatesTarget {
    static let parser = DocumentParser(referenceMonth: YearMonth(year: 2025, month: 6))

    static func test(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(64) {
            if let month = YearMonth(String(line)) { check(month) }
        }
        let resume = parser.parseResume(text: "Jordan Example\n\nEXPERIENCE\n" + text, source: "fuzz-dates.txt")
        for entry in resume.experience {
            if let start = entry.start { check(start) }
            if let end = entry.end { check(end) }
        }
        guard resume.totalExperienceYears.isFinite, resume.totalExperienceYears >= 0 else {
            fatalError("total experience \(resume.totalExperienceYears)")
        }
    }

    static func check(_ month: YearMonth) {
        guard (1...12).contains(month.month) else { fatalError("month \(month.month) of \(month.year)") }
    }
}

Fuzzing.run { start, count in
    DatesTarget.test(String(decoding: Fuzzing.data(start, count), as: UTF8.self))
    return 0
}

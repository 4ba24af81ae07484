import Foundation
import FuzzSupport
import ResumeParser

// The resume parser on text: `DocumentParser.parseResume(text:source:format:)` (contact, sections, experience,
// education, skills), once as plain text and once as PDF text (whose lines go through column detection).
enum ResumeTextTarget {
    static let parser = DocumentParser(referenceMonth: YearMonth(year: 2025, month: 6))

    static func test(_ text: String) {
        for format in ["txt", "pdf"] {
            let resume = parser.parseResume(text: text, source: "fuzz.\(format)", format: format)
            guard resume.totalExperienceYears.isFinite, resume.totalExperienceYears >= 0 else {
                fatalError("total experience \(resume.totalExperienceYears)")
            }
        }
    }
}

Fuzzing.run { start, count in
    ResumeTextTarget.test(String(decoding: Fuzzing.data(start, count), as: UTF8.self))
    return 0
}

import Foundation
import ParserEvaluation
import TestSupport
import Testing

@testable import ResumeParser

/// The accuracy targets on the 60 generated fixture resumes (`scripts/generate-fixtures.py`).
@Suite("Parse accuracy on the fixtures")
struct ParseAccuracyTests {
    @Test("field accuracy meets the targets, and two-column PDFs are within 3 points of single-column")
    func accuracy() throws {
        let (evaluation, failures) = try ParseEvaluation.run(fixtures: Fixtures.root, parser: DocumentParser())
        #expect(failures.isEmpty, "\(failures)")
        let all = evaluation.overall
        #expect(all.resumes >= 60)
        let misses = evaluation.misses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            .joined(separator: "\n")
        #expect(all.name.rate >= 0.97, "name \(all.name.rate)\n\(misses)")
        #expect(all.email.rate >= 0.97, "email \(all.email.rate)")
        #expect(all.phone.rate >= 0.97, "phone \(all.phone.rate)\n\(misses)")
        #expect(all.skillF1 >= 0.92, "skills F1 \(all.skillF1)\n\(misses)")
        #expect(all.employers.rate >= 0.9, "employers \(all.employers.rate)\n\(misses)")
        #expect(all.degreeLevel.rate >= 0.95, "degree \(all.degreeLevel.rate)\n\(misses)")
        #expect(all.years.rate >= 0.9, "years \(all.years.rate)\n\(misses)")
        let single = try #require(evaluation.byLayout["pdf-single-column"])
        let double = try #require(evaluation.byLayout["pdf-two-column"])
        #expect(double.resumes >= 10)
        #expect(single.mean - double.mean <= 0.03, "single \(single.mean) two-column \(double.mean)")
    }

    /// Issue 15's targets on `Fixtures/real` (resumes rendered by moderncv, europecv, curve, Awesome-CV, AltaCV,
    /// Jake's resume, two-column-resume, html-resume, Chromium, WeasyPrint, python-docx, LibreOffice, pandoc).
    @Test("field accuracy on the real-renderer corpus meets issue 15's targets, every layout within 5 points")
    func realRenderers() throws {
        let folder = Fixtures.root.appendingPathComponent("real")
        let (evaluation, failures) = try ParseEvaluation.run(fixtures: folder, parser: DocumentParser())
        #expect(failures.isEmpty, "\(failures)")
        let all = evaluation.overall
        #expect(all.resumes >= 60)
        let misses = evaluation.misses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            .joined(separator: "\n")
        #expect(all.name.rate >= 0.97, "name \(all.name.rate)\n\(misses)")
        #expect(all.email.rate >= 0.97, "email \(all.email.rate)")
        #expect(all.phone.rate >= 0.97, "phone \(all.phone.rate)")
        #expect(all.location.rate >= 0.9, "location \(all.location.rate)\n\(misses)")
        #expect(all.skillF1 >= 0.9 && all.skillPrecision >= 0.88, "skills F1 \(all.skillF1) P \(all.skillPrecision)")
        #expect(all.employers.rate >= 0.9, "employers \(all.employers.rate)\n\(misses)")
        #expect(all.titles.rate >= 0.9, "titles \(all.titles.rate)\n\(misses)")
        #expect(all.degreeLevel.rate >= 0.95, "degree \(all.degreeLevel.rate)\n\(misses)")
        #expect(all.dates.rate >= 0.95, "dates \(all.dates.rate)\n\(misses)")
        let single = try #require(evaluation.byLayout["pdf-single-column"])
        for (layout, scores) in evaluation.byLayout {
            #expect(single.mean - scores.mean <= 0.05, "\(layout) \(scores.mean) vs single-column \(single.mean)")
        }
    }

    @Test("a folder whose resumes have no truth files is an error, not a perfect score")
    func noGroundTruth() throws {
        let folder = try Fixtures.resumesWithoutTruth()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: EvaluationError.noGroundTruth(directory: folder.path)) {
            try ParseEvaluation.run(fixtures: folder, parser: DocumentParser())
        }
    }

    @Test("job descriptions: title, required and preferred skills, years and degree as the truth says")
    func jobs() throws {
        struct JobTruth: Decodable {
            var title: String
            var requiredSkills: [String]
            var preferredSkills: [String]
            var minimumYears: Double?
            var requiredDegree: DegreeLevel?
        }
        let parser = DocumentParser()
        let folder = Fixtures.root.appendingPathComponent("jobs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 10)
        for name in names {
            let stem = (name as NSString).deletingPathExtension
            let truth = try JSONDecoder().decode(
                JobTruth.self,
                from: Data(contentsOf: Fixtures.root.appendingPathComponent("jobs-truth/\(stem).json")))
            let job = try parser.parseJob(contentsOf: folder.appendingPathComponent(name))
            #expect(job.title == truth.title, "\(name)")
            #expect(Set(job.requiredSkills.map(\.name)) == Set(truth.requiredSkills), "\(name)")
            #expect(Set(job.preferredSkills.map(\.name)) == Set(truth.preferredSkills), "\(name)")
            #expect(job.minimumYears == truth.minimumYears, "\(name)")
            #expect(job.requiredDegree == truth.requiredDegree, "\(name)")
        }
    }
}

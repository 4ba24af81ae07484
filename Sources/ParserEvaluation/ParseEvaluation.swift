import Foundation
import ResumeParser

/// Scores parsed resumes against their ground truth, field by field, overall and per layout.
///
/// Measures (each a fraction in 0 ... 1):
/// - `name`, `email`, `phone`, `location`: exact matches (name and location ignoring case);
/// - `skills F1`: micro-averaged F1 of canonical skill names over all resumes;
/// - `employers`, `titles`: share of true positions whose company (title) is among the parsed ones,
///   ignoring case; `dates`: share of true positions parsed with the same start and end;
/// - `degree level`: share of resumes whose highest parsed level is the true highest level;
/// - `years ±0.5`: share of resumes whose total years are within half a year of the truth.
public struct ParseEvaluation: Sendable {
    /// Hits and trials of one measure.
    public struct Tally: Sendable, Equatable {
        /// Trials that matched the truth.
        public var hits = 0
        /// Values compared.
        public var trials = 0
        /// `hits / trials`, in 0 ... 1; 1 when nothing was compared.
        public var rate: Double { trials == 0 ? 1 : Double(hits) / Double(trials) }

        mutating func record(_ hit: Bool) {
            trials += 1
            if hit { hits += 1 }
        }
    }

    /// Every measure for one group of resumes.
    public struct Scores: Sendable, Equatable {
        /// Resumes scored.
        public var resumes = 0
        /// Names equal to the truth, ignoring case.
        public var name = Tally()
        /// E-mail addresses equal to the truth, ignoring case.
        public var email = Tally()
        /// Phone numbers equal to the truth (both in E.164).
        public var phone = Tally()
        /// Locations equal to the truth, ignoring case.
        public var location = Tally()
        /// True positions whose company was parsed, one trial per position.
        public var employers = Tally()
        /// True positions whose title was parsed, one trial per position.
        public var titles = Tally()
        /// True positions parsed with the same start and end month, one trial per position.
        public var dates = Tally()
        /// Resumes whose highest parsed degree level is the true highest level.
        public var degreeLevel = Tally()
        /// Resumes whose total years are within half a year of the truth.
        public var years = Tally()
        /// Skills found that the truth lists, summed over resumes.
        public var skillTruePositives = 0
        /// Skills found that the truth does not list, summed over resumes.
        public var skillFalsePositives = 0
        /// Skills the truth lists that were not found, summed over resumes.
        public var skillFalseNegatives = 0

        /// Share of found skills that are true, in 0 ... 1 (1 when none were found).
        public var skillPrecision: Double {
            let found = skillTruePositives + skillFalsePositives
            return found == 0 ? 1 : Double(skillTruePositives) / Double(found)
        }
        /// Share of true skills that were found, in 0 ... 1 (1 when the truth lists none).
        public var skillRecall: Double {
            let expected = skillTruePositives + skillFalseNegatives
            return expected == 0 ? 1 : Double(skillTruePositives) / Double(expected)
        }
        /// The harmonic mean of ``skillPrecision`` and ``skillRecall``, micro-averaged over resumes.
        public var skillF1: Double {
            let sum = skillPrecision + skillRecall
            return sum == 0 ? 0 : 2 * skillPrecision * skillRecall / sum
        }

        /// The measures by name, in report order.
        public var measures: [(name: String, value: Double)] {
            [
                ("name", name.rate), ("email", email.rate), ("phone", phone.rate), ("location", location.rate),
                ("skills F1", skillF1), ("employers", employers.rate), ("titles", titles.rate), ("dates", dates.rate),
                ("degree level", degreeLevel.rate), ("years ±0.5", years.rate),
            ]
        }

        /// The unweighted mean of the measures, for comparing layouts.
        public var mean: Double { measures.map(\.value).reduce(0, +) / Double(measures.count) }
    }

    /// The measures over every resume scored.
    public private(set) var overall = Scores()
    /// The measures per layout (``GroundTruth/layout``: `pdf-two-column`, `docx-table`, ...).
    public private(set) var byLayout: [String: Scores] = [:]
    /// Per resume, what did not match, for reading the misses.
    public private(set) var misses: [String: [String]] = [:]

    /// An evaluation with nothing scored yet; ``add(_:truth:)`` scores resumes into it.
    public init() {}

    /// Adds one resume's parse to the scores.
    public mutating func add(_ parsed: ParsedResume, truth: GroundTruth) {
        var scores = byLayout[truth.layout] ?? Scores()
        var missed: [String] = []
        var ignored: [String] = []
        Self.score(parsed, truth: truth, into: &overall, missed: &ignored)
        Self.score(parsed, truth: truth, into: &scores, missed: &missed)
        byLayout[truth.layout] = scores
        if !missed.isEmpty { misses[truth.source] = missed }
    }

    private static func score(
        _ parsed: ParsedResume, truth: GroundTruth, into scores: inout Scores, missed: inout [String]
    ) {
        func check(_ hit: Bool, _ tally: inout Tally, _ label: @autoclosure () -> String) {
            tally.record(hit)
            if !hit { missed.append(label()) }
        }
        scores.resumes += 1
        let contact = parsed.contact
        check(
            contact.name?.lowercased() == truth.contact.name.lowercased(), &scores.name, "name \(contact.name ?? "nil")"
        )
        check(contact.email == truth.contact.email.lowercased(), &scores.email, "email \(contact.email ?? "nil")")
        check(contact.phone == truth.contact.phone, &scores.phone, "phone \(contact.phone ?? "nil")")
        check(
            contact.location?.lowercased() == truth.contact.location?.lowercased(), &scores.location,
            "location \(contact.location ?? "nil")")

        let found = Set(parsed.skills.map(\.name))
        let expected = Set(truth.skills)
        scores.skillTruePositives += found.intersection(expected).count
        scores.skillFalsePositives += found.subtracting(expected).count
        scores.skillFalseNegatives += expected.subtracting(found).count
        if found != expected {
            missed.append(
                "skills +\(found.subtracting(expected).sorted()) -\(expected.subtracting(found).sorted())")
        }

        let companies = Set(parsed.experience.compactMap { $0.company?.lowercased() })
        let titles = Set(parsed.experience.compactMap { $0.title?.lowercased() })
        let spans = Set(parsed.experience.map { "\($0.start?.description ?? "?")/\($0.end?.description ?? "now")" })
        for position in truth.experience {
            check(companies.contains(position.company.lowercased()), &scores.employers, "company \(position.company)")
            check(titles.contains(position.title.lowercased()), &scores.titles, "title \(position.title)")
            check(
                spans.contains("\(position.start)/\(position.end ?? "now")"), &scores.dates, "dates \(position.start)")
        }
        let level = parsed.highestDegree
        check(level == truth.education.map(\.level).max(), &scores.degreeLevel, "degree \(level?.rawValue ?? "nil")")
        check(
            abs(parsed.totalExperienceYears - truth.totalExperienceYears) <= 0.5, &scores.years,
            "years \(parsed.totalExperienceYears) vs \(truth.totalExperienceYears)")
    }

    /// Parses every resume in `directory/resumes` that has a `directory/truth` file and scores it; the
    /// parser's reference month is set to each truth's `asOf`. Files that fail to parse are returned
    /// with their errors (and count as misses in nothing: a failure is reported, not scored).
    ///
    /// - Throws: ``EvaluationError/noGroundTruth(directory:)`` when no resume has a truth file; the file
    ///   error when `directory/resumes` cannot be listed or a truth file read; `DecodingError` for a truth
    ///   file that is not ground truth.
    /// - Complexity: one parse per resume with a truth file.
    public static func run(
        fixtures directory: URL, parser: DocumentParser
    ) throws -> (
        evaluation: ParseEvaluation, failures: [String: String]
    ) {
        let resumes = directory.appendingPathComponent("resumes")
        var evaluation = ParseEvaluation()
        var failures: [String: String] = [:]
        var withTruth = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: resumes.path).sorted()
        for name in names where !name.hasPrefix(".") {
            let resume = resumes.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: GroundTruth.url(forResume: resume).path) else { continue }
            withTruth += 1
            let truth = try GroundTruth(forResume: resume)
            var reader = parser
            reader.referenceMonth = truth.asOf
            do {
                evaluation.add(try reader.parseResume(contentsOf: resume), truth: truth)
            } catch {
                failures[name] = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            }
        }
        guard withTruth > 0 else { throw EvaluationError.noGroundTruth(directory: directory.path) }
        return (evaluation, failures)
    }

    /// The report as table cells: a header row (`measure`, then `all (N)` and `LAYOUT (N)` for each layout,
    /// N resumes) and one row per measure and a last `mean` row, values to three decimals.
    public var report: (headers: [String], rows: [[String]]) {
        let layouts = byLayout.keys.sorted()
        let columns = [("all", overall)] + layouts.map { ($0, byLayout[$0] ?? Scores()) }
        var rows: [[String]] = []
        for (index, measure) in overall.measures.enumerated() {
            rows.append([measure.name] + columns.map { String(format: "%.3f", $0.1.measures[index].value) })
        }
        rows.append(["mean"] + columns.map { String(format: "%.3f", $0.1.mean) })
        return (["measure"] + columns.map { "\($0.0) (\($0.1.resumes))" }, rows)
    }
}

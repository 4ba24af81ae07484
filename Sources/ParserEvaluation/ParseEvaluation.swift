import Foundation
import ResumeParser

/// Scores parsed resumes against their ground truth, field by field, overall and per layout, template
/// family and format.
///
/// Measures (each a fraction in 0 ... 1):
/// - `name`, `email`, `phone`, `location`: exact matches (name and location ignoring case);
/// - `skills F1`, `skills P`, `skills R`: micro-averaged F1, precision and recall of canonical skill
///   names over all resumes;
/// - `employers`, `titles`: share of true positions whose company (title) is among the parsed ones,
///   ignoring case; `dates`: share of true positions parsed with the same start and end; `start years`:
///   share of true positions whose start year is among the parsed start years;
/// - `schools`: share of true degrees naming a school whose school is among the parsed ones, ignoring case;
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
        /// True positions whose start year is among the parsed start years, one trial per position.
        public var startYears = Tally()
        /// True degrees whose school is among the parsed schools (ignoring case), one trial per degree that
        /// names a school.
        public var schools = Tally()
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

        /// The measures by name, in report order: the fields of ``mean``, then skill precision and recall.
        public var measures: [(name: String, value: Double)] {
            fields + [("skills P", skillPrecision), ("skills R", skillRecall)]
        }

        /// One value per field of the resume (skills counted once, as F1), in report order.
        private var fields: [(name: String, value: Double)] {
            [
                ("name", name.rate), ("email", email.rate), ("phone", phone.rate), ("location", location.rate),
                ("skills F1", skillF1), ("employers", employers.rate), ("titles", titles.rate), ("dates", dates.rate),
                ("start years", startYears.rate), ("schools", schools.rate), ("degree level", degreeLevel.rate),
                ("years ±0.5", years.rate),
            ]
        }

        /// The unweighted mean of the fields (skills as F1; precision and recall left out so skills count
        /// once), for comparing layouts and families.
        public var mean: Double { fields.map(\.value).reduce(0, +) / Double(fields.count) }
    }

    /// The measures over every resume scored.
    public private(set) var overall = Scores()
    /// How resumes are grouped in a report.
    public enum Grouping: String, Sendable, CaseIterable {
        /// By ``GroundTruth/layout`` (`pdf-two-column`, `docx-table`, ...).
        case layout
        /// By ``GroundTruth/family`` (`moderncv-classic`, `altacv`, ...), the layout where no family is named.
        case family
        /// By ``GroundTruth/format`` (`pdf`, `docx`, `txt`, `md`, `html`).
        case format
    }

    /// The measures per layout (``GroundTruth/layout``: `pdf-two-column`, `docx-table`, ...).
    public var byLayout: [String: Scores] { groups[.layout] ?? [:] }
    /// The measures per template family (``GroundTruth/family``, else the layout).
    public var byFamily: [String: Scores] { groups[.family] ?? [:] }
    /// The measures per format (``GroundTruth/format``).
    public var byFormat: [String: Scores] { groups[.format] ?? [:] }
    private var groups: [Grouping: [String: Scores]] = [:]
    /// Per resume, what did not match, for reading the misses.
    public private(set) var misses: [String: [String]] = [:]

    /// An evaluation with nothing scored yet; ``add(_:truth:)`` scores resumes into it.
    public init() {}

    /// Adds one resume's parse to the scores.
    public mutating func add(_ parsed: ParsedResume, truth: GroundTruth) {
        var missed: [String] = []
        Self.score(parsed, truth: truth, into: &overall, missed: &missed)
        for grouping in Grouping.allCases {
            let key =
                switch grouping {
                case .layout: truth.layout
                case .family: truth.family ?? truth.layout
                case .format: truth.format
                }
            var ignored: [String] = []
            Self.score(
                parsed, truth: truth, into: &groups[grouping, default: [:]][key, default: Scores()], missed: &ignored)
        }
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
        let startYears = Set(parsed.experience.compactMap { $0.start.map { String($0.year) } })
        for position in truth.experience {
            check(companies.contains(position.company.lowercased()), &scores.employers, "company \(position.company)")
            check(titles.contains(position.title.lowercased()), &scores.titles, "title \(position.title)")
            check(
                spans.contains("\(position.start)/\(position.end ?? "now")"), &scores.dates, "dates \(position.start)")
            let year = String(position.start.prefix(4))
            check(startYears.contains(year), &scores.startYears, "start year \(year)")
        }
        let schools = Set(parsed.education.compactMap { $0.institution?.lowercased() })
        for degree in truth.education {
            guard let school = degree.institution else { continue }
            check(schools.contains(school.lowercased()), &scores.schools, "school \(school)")
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

    /// The report grouped by `grouping`, as table cells: a header row (the grouping's name, `n`, one column
    /// per measure and `mean`), then a row `all` and one row per group in name order, values to three
    /// decimals.
    public func report(by grouping: Grouping) -> (headers: [String], rows: [[String]]) {
        let named = groups[grouping] ?? [:]
        let rows = [("all", overall)] + named.keys.sorted().map { ($0, named[$0] ?? Scores()) }
        return (
            [grouping.rawValue, "n"] + overall.measures.map(\.name) + ["mean"],
            rows.map { name, scores in
                [name, String(scores.resumes)] + scores.measures.map { String(format: "%.3f", $0.value) }
                    + [String(format: "%.3f", scores.mean)]
            }
        )
    }
}

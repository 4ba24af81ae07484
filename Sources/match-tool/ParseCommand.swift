import ArgumentParser
import Foundation
import ParallelWork
import ParserEvaluation
import ResumeParser

/// `match-tool parse` and `match-tool parse-job`: structured JSON (or a table) for each file.
struct ParseCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse resumes into contact, skills, experience, education and sections.",
        discussion: """
            --format json prints one JSON object per file and line: source, format, contact (name, email, \
            phone in E.164 when the country is known, location, links), skills (name, category), experience \
            (title, company, location, start and end as YYYY-MM, end null when current), education (level, \
            field, institution, year), certifications, languages, totalExperienceYears (overlapping jobs \
            counted once, current jobs up to this month) and the text of each section. Folders are expanded \
            to the files directly inside them; files are parsed on every core. A file that fails is reported \
            on standard error and the others go on; the exit status is 1 when any failed.

            Examples:
              match-tool parse resumes/
              match-tool parse --format table cv.pdf cv.docx
            """
    )

    @Option(help: "Output format.")
    var format: Format = .json

    @Option(help: "The month \"Present\" stands for, as YYYY-MM (default: this month).")
    var asOf: String?

    @Argument(help: "Resume files or folders.")
    var files: [String]

    func validate() throws {
        if let asOf, YearMonth(asOf) == nil { throw ValidationError("--as-of must be YYYY-MM, not \(asOf).") }
    }

    func run() throws {
        let parser = DocumentParser(referenceMonth: asOf.flatMap(YearMonth.init) ?? .now)
        let table = TextTable(
            headers: ["file", "format", "name", "email", "phone", "years", "positions", "degree", "skills"],
            rightAligned: [5, 6])
        try ParsedOutput.emit(
            files, format: format, table: table, parse: { try parser.parseResume(contentsOf: $0) }
        ) {
            url, resume in
            [
                url.lastPathComponent, resume.format, resume.contact.name ?? "-",
                resume.contact.email ?? "-",
                resume.contact.phone ?? "-", String(format: "%.1f", resume.totalExperienceYears),
                String(resume.experience.count), resume.highestDegree?.rawValue ?? "-",
                resume.skills.prefix(6).map(\.name).joined(separator: ", ")
                    + (resume.skills.count > 6 ? ", … (\(resume.skills.count))" : ""),
            ]
        }
    }
}

/// `match-tool parse-job`.
struct ParseJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-job",
        abstract: "Parse job descriptions into title, required and preferred skills, years and degree.",
        discussion: """
            Skills under "nice to have", "bonus", "preferred" or "a plus" (as a heading or on the line) are \
            preferred, the others required. --format json prints one object per file and line.

            Example: match-tool parse-job --format table job.md
            """
    )

    @Option(help: "Output format.")
    var format: ParseCommand.Format = .json

    @Argument(help: "Job description files or folders.")
    var files: [String]

    func run() throws {
        let parser = DocumentParser()
        let table = TextTable(
            headers: ["file", "title", "years", "degree", "required", "preferred"], rightAligned: [2])
        try ParsedOutput.emit(
            files, format: format, table: table, parse: { try parser.parseJob(contentsOf: $0) }
        ) {
            url, job in
            [
                url.lastPathComponent, job.title ?? "-",
                job.minimumYears.map { String(format: "%g", $0) } ?? "-",
                job.requiredDegree?.rawValue ?? "-", job.requiredSkills.map(\.name).joined(separator: ", "),
                job.preferredSkills.map(\.name).joined(separator: ", "),
            ]
        }
    }
}

/// `match-tool eval-parse DIR`: field accuracy of the parser against ground truth.
struct EvalParseCommand: ParsableCommand {
    /// What the rows of a table group by.
    enum Group: String, ExpressibleByArgument, CaseIterable {
        case layout, family, format

        var grouping: ParseEvaluation.Grouping {
            switch self {
            case .layout: .layout
            case .family: .family
            case .format: .format
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "eval-parse",
        abstract: "Score the parser against ground truth (DIR/resumes and DIR/truth, as in Fixtures/).",
        discussion: """
            Prints a table per grouping (layout, template family, format): a row for all resumes and one per \
            group, a column per measure (skills as F1, precision P and recall R) and their mean. --misses \
            lists what each resume got wrong. A folder where no resume has a truth file is an error (exit \
            status 66), not a perfect score.

            Examples:
              match-tool eval-parse Fixtures --misses
              match-tool eval-parse Fixtures/real --by family
            """
    )

    @Argument(help: "A folder with resumes/ and truth/ (e.g. Fixtures).")
    var directory: String

    @Option(help: "Group the rows by layout, family or format; repeat for several (default: all three).")
    var by: [Group] = []

    @Flag(help: "List the fields each resume got wrong.")
    var misses = false

    func run() throws {
        let evaluation: ParseEvaluation
        let failures: [String: String]
        do {
            (evaluation, failures) = try ParseEvaluation.run(
                fixtures: URL(fileURLWithPath: directory), parser: DocumentParser())
        } catch let error as EvaluationError {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(66)
        }
        let groups = by.isEmpty ? Group.allCases : by
        for (index, group) in groups.enumerated() {
            let report = evaluation.report(by: group.grouping)
            var table = TextTable(headers: report.headers, rightAligned: Set(report.headers.indices.dropFirst()))
            for row in report.rows { table.append(row) }
            if index > 0 { print("") }
            print(table.render())
        }
        if misses {
            for (source, fields) in evaluation.misses.sorted(by: { $0.key < $1.key }) {
                print("\(source): \(fields.joined(separator: "; "))")
            }
        }
        for (source, error) in failures.sorted(by: { $0.key < $1.key }) {
            FileHandleOutput.standardError("error: \(source): \(error)")
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

/// The output of `parse` and `parse-job`: files parsed on every core, then a JSON line or a table row
/// per success in input order, each failure on standard error, exit status 1 when any failed.
enum ParsedOutput {
    static func emit<Value: Encodable & Sendable>(
        _ paths: [String], format: ParseCommand.Format, table: TextTable,
        parse: @escaping @Sendable (URL) throws -> Value, row: (URL, Value) -> [String]
    ) throws {
        // Folders and links are expanded; every path that yields no document counts as a failed input.
        let (urls, problems) = InputFiles.expandCountingProblems(paths)
        let results = ParallelMap.map(urls) { url in Result { try parse(url) } }
        var table = table
        var failures = problems
        for (url, result) in zip(urls, results) {
            switch result {
            case .success(let value):
                if format == .json { print(JSONLine.encode(value)) } else { table.append(row(url, value)) }
            case .failure(let error):
                failures += 1
                FileHandleOutput.standardError("error: \(error.localizedDescription)")
            }
        }
        if format == .table { print(table.render()) }
        if failures > 0 { throw ExitCode(1) }
    }
}

extension ParseCommand: FileListCommand {
    var fileArguments: [String] {
        get { files }
        set { files = newValue }
    }
}

extension ParseJobCommand: FileListCommand {
    var fileArguments: [String] {
        get { files }
        set { files = newValue }
    }
}

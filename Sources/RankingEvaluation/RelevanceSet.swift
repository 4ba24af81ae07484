import Foundation

/// A graded relevance set (`Fixtures/relevance/`): job descriptions, resumes, a grade 0 … 3 for each
/// (job, resume) pair read by a person, and which resume files are layouts of the same person.
///
/// The folder holds `set.json` (the jobs, the resumes and the layout groups) and `grades.tsv`
/// (`job<TAB>resume<TAB>grade<TAB>reason`, a header line allowed). Files are named relative to the
/// folder, or else to the repository that holds it.
public struct RelevanceSet: Sendable {
    /// One document of the set.
    public struct Document: Sendable, Hashable {
        /// The name grades use for it (as `set.json` writes it).
        public var id: String
        /// Where it is.
        public var url: URL

        /// A document named `id` at `url`.
        public init(id: String, url: URL) {
            self.id = id
            self.url = url
        }
    }

    /// The jobs, in file order.
    public var jobs: [Document]
    /// The resumes, in file order.
    public var resumes: [Document]
    /// Groups of resume ids that are the same person in different layouts (groups of two or more).
    public var layoutGroups: [[String]]
    /// grade[job id][resume id] in 0 … 3.
    public var grades: [String: [String: Int]]

    /// A set from its parts.
    public init(jobs: [Document], resumes: [Document], layoutGroups: [[String]], grades: [String: [String: Int]]) {
        self.jobs = jobs
        self.resumes = resumes
        self.layoutGroups = layoutGroups
        self.grades = grades
    }

    /// The grades of one job by resume id (empty when the job has none).
    public func grades(of job: String) -> [String: Int] { grades[job] ?? [:] }

    /// Reads `set.json` and `grades.tsv` from `folder`.
    ///
    /// - Throws: ``RankingEvaluationError/cannotRead(path:reason:)`` when a file is missing or malformed,
    ///   ``RankingEvaluationError/unknownDocument(path:line:name:)`` when a grade names a job or resume the
    ///   set does not list.
    public static func load(from folder: URL) throws -> RelevanceSet {
        let setURL = folder.appendingPathComponent("set.json")
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: setURL))
        } catch {
            throw RankingEvaluationError.cannotRead(path: setURL.path, reason: Self.describe(error))
        }
        let root = folder.deletingLastPathComponent().deletingLastPathComponent()
        func resolve(_ entry: Manifest.Entry, folderHint: String) -> Document {
            if entry.file.hasPrefix("/") { return Document(id: entry.id, url: URL(fileURLWithPath: entry.file)) }
            let candidates = [
                folder.appendingPathComponent(entry.file),
                folder.appendingPathComponent(folderHint).appendingPathComponent(entry.file),
                root.appendingPathComponent(entry.file),
            ]
            let url =
                candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
            return Document(id: entry.id, url: url)
        }
        let jobs = manifest.jobs.map { resolve($0, folderHint: "jobs") }
        let resumes = manifest.resumes.map { resolve($0, folderHint: "resumes") }
        for (kind, documents) in [("job", jobs), ("resume", resumes)] {
            var seen: Set<String> = []
            for document in documents where !seen.insert(document.id).inserted {
                throw RankingEvaluationError.cannotRead(
                    path: setURL.path, reason: "the \(kind) id \"\(document.id)\" is listed twice")
            }
        }
        let gradesURL = folder.appendingPathComponent("grades.tsv")
        let text: String
        do {
            text = try String(contentsOf: gradesURL, encoding: .utf8)
        } catch {
            throw RankingEvaluationError.cannotRead(path: gradesURL.path, reason: Self.describe(error))
        }
        let jobOf = Self.lookup(jobs)
        let resumeOf = Self.lookup(resumes)
        var grades: [String: [String: Int]] = [:]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard fields.count >= 3, !fields[0].isEmpty, !fields[0].hasPrefix("#") else { continue }
            guard let grade = Int(fields[2]) else {
                if offset == 0 { continue }  // the header
                throw RankingEvaluationError.cannotRead(
                    path: gradesURL.path, reason: "line \(offset + 1): grade \"\(fields[2])\" is not 0 … 3")
            }
            guard (0...3).contains(grade) else {
                throw RankingEvaluationError.cannotRead(
                    path: gradesURL.path, reason: "line \(offset + 1): grade \(grade) is not 0 … 3")
            }
            guard let job = jobOf(fields[0]) else {
                throw RankingEvaluationError.unknownDocument(path: gradesURL.path, line: offset + 1, name: fields[0])
            }
            guard let resume = resumeOf(fields[1]) else {
                throw RankingEvaluationError.unknownDocument(path: gradesURL.path, line: offset + 1, name: fields[1])
            }
            grades[job, default: [:]][resume] = grade
        }
        let known = Set(resumes.map(\.id))
        let groups = manifest.layoutGroups.map { group in group.compactMap { resumeOf($0) }.filter(known.contains) }
        return RelevanceSet(jobs: jobs, resumes: resumes, layoutGroups: groups.filter { $0.count > 1 }, grades: grades)
    }

    /// Finds a document by its id, its file name, or its file name without extension.
    private static func lookup(_ documents: [Document]) -> (String) -> String? {
        var byName: [String: String] = [:]
        for document in documents {
            let name = document.url.lastPathComponent
            for key in [document.id, name, (name as NSString).deletingPathExtension, document.url.path] {
                if byName[key] == nil { byName[key] = document.id }
            }
        }
        return { name in byName[name] ?? byName[(name as NSString).lastPathComponent] }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case is DecodingError: "not JSON of the expected shape"
        default: (error as? LocalizedError)?.errorDescription ?? "\(type(of: error))"
        }
    }
}

/// The shape of `set.json`: `jobs` and `resumes` as file names (or objects with `file` or `path`, and
/// optionally `id`), and the layout groups as lists of resume names under `layouts` (or `people`,
/// `sameperson`; objects with `files`/`resumes` accepted).
private struct Manifest: Decodable {
    struct Entry: Decodable {
        var id: String
        var file: String

        init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
                file = name
                id = name
                return
            }
            let container = try decoder.container(keyedBy: AnyKey.self)
            let file =
                try container.decodeIfPresent(String.self, forKey: AnyKey("file"))
                ?? container.decodeIfPresent(String.self, forKey: AnyKey("path"))
                ?? container.decode(String.self, forKey: AnyKey("id"))
            self.file = file
            id = try container.decodeIfPresent(String.self, forKey: AnyKey("id")) ?? file
        }
    }

    struct Group: Decodable {
        var members: [String]

        init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let names = try? single.decode([String].self) {
                members = names
                return
            }
            let container = try decoder.container(keyedBy: AnyKey.self)
            for key in ["files", "resumes", "layouts", "members"] {
                if let names = try container.decodeIfPresent([String].self, forKey: AnyKey(key)) {
                    members = names
                    return
                }
            }
            members = []
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var jobs: [Entry]
    var resumes: [Entry]
    var layoutGroups: [[String]]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        jobs = try container.decode([Entry].self, forKey: AnyKey("jobs"))
        resumes = try container.decode([Entry].self, forKey: AnyKey("resumes"))
        var groups: [[String]] = []
        for key in ["layouts", "layoutGroups", "people", "sameperson", "samePerson"]
        where container.contains(AnyKey(key)) {
            // Two shapes are accepted; a key present in neither is an error, not "no layout groups".
            if let decoded = try? container.decode([Group].self, forKey: AnyKey(key)) {
                groups = decoded.map(\.members)
            } else if let decoded = try? container.decode([String: [String]].self, forKey: AnyKey(key)) {
                groups = decoded.keys.sorted().compactMap { decoded[$0] }
            } else {
                throw DecodingError.dataCorruptedError(
                    forKey: AnyKey(key), in: container,
                    debugDescription: "\"\(key)\" is neither a list of groups nor an object of file lists")
            }
            break
        }
        layoutGroups = groups
    }
}

/// Why a ranking evaluation could not run.
public enum RankingEvaluationError: Error, Sendable, Equatable, LocalizedError {
    /// A set file is missing or not the expected shape.
    case cannotRead(path: String, reason: String)
    /// A grade names a job or resume the set does not list.
    case unknownDocument(path: String, line: Int, name: String)
    /// Documents of the set could not be stored: the figures would not mean anything.
    case incompleteCorpus(failed: [String])

    /// A sentence naming the file or the problem.
    public var errorDescription: String? {
        switch self {
        case .cannotRead(let path, let reason): "\(path): cannot read the relevance set (\(reason))"
        case .unknownDocument(let path, let line, let name): "\(path):\(line): \(name) is not in set.json"
        case .incompleteCorpus(let failed):
            "\(failed.count) document(s) of the set could not be stored (\(failed.prefix(3).joined(separator: ", "))); no evaluation"
        }
    }
}

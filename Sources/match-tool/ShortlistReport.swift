import Foundation
import MatchEngine
import ResumeParser

/// A ranked shortlist for one job, as every output format renders it; `--format json` is this, encoded.
struct ShortlistReport: Encodable {
    /// The job's requirements.
    struct Job: Encodable {
        var id: JobID
        var title: String?
        var source: String
        var requiredSkills: [String]
        var preferredSkills: [String]
        var minimumYears: Double?
        var requiredDegree: DegreeLevel?
    }

    /// One ranked candidate with the full typed explanation.
    struct Entry: Encodable {
        var rank: Int
        var file: String
        var candidate: CandidateSummary
        var status: PipelineStatus
        var result: MatchResult
    }

    var job: Job
    var namespace: String
    var generatedAt: String
    var weights: ScoringWeights
    var candidates: [Entry]
    var failures: [IngestFailure]

    init(
        job: JobSummary, namespace: String, weights: ScoringWeights, ranked: [RankedCandidate],
        failures: [IngestFailure] = [], now: Date = Date()
    ) {
        let requirements = job.requirements
        self.job = Job(
            id: job.id, title: requirements.title, source: job.source,
            requiredSkills: requirements.requiredSkills.map(\.name),
            preferredSkills: requirements.preferredSkills.map(\.name), minimumYears: requirements.minimumYears,
            requiredDegree: requirements.requiredDegree)
        self.namespace = namespace
        let formatter = ISO8601DateFormatter()
        generatedAt = formatter.string(from: now)
        self.weights = weights
        candidates = ranked.map {
            Entry(
                rank: $0.rank, file: Self.fileName($0.candidate.source), candidate: $0.candidate, status: $0.status,
                result: $0.result)
        }
        self.failures = failures
    }

    /// The job's title, else its file name.
    var title: String { job.title ?? Self.fileName(job.source) }

    static func fileName(_ source: String?) -> String {
        source.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""
    }

    /// Pretty, key-sorted JSON.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            return "{\"error\":\"cannot encode: \(error)\"}"
        }
    }

    /// The terminal table: rank, name, file, score, decision, top matched skills, related skills (the
    /// candidate's skill for the required one), missing required skills.
    func table() -> String {
        var table = TextTable(
            headers: ["#", "name", "file", "score", "decision", "matched skills", "related", "missing required"],
            rightAligned: [0, 3])
        for entry in candidates {
            let result = entry.result
            let matched = result.matchedRequiredSkills + result.matchedPreferredSkills
            table.append([
                String(entry.rank), entry.candidate.name ?? "-", entry.file, String(format: "%.1f", result.score),
                result.decision.rawValue, Self.abbreviated(matched, 4),
                Self.abbreviated(Self.related(result), 3), Self.abbreviated(result.missingRequiredSkills, 4),
            ])
        }
        let requirements =
            "required: " + (job.requiredSkills.isEmpty ? "-" : job.requiredSkills.joined(separator: ", "))
        // The title comes from the job's text: escaped, so that it cannot move the cursor or forge lines.
        return
            "\(FileNameEscaping.escaped(title)) (\(job.id)): \(candidates.count) candidates\n\(requirements)\n\n\(table.render())"
    }

    /// "MySQL for PostgreSQL", one per related skill.
    static func related(_ result: MatchResult) -> [String] {
        result.relatedSkills.map { "\($0.candidate) for \($0.required)" }
    }

    private static func abbreviated(_ items: [String], _ count: Int) -> String {
        if items.isEmpty { return "-" }
        let shown = items.prefix(count).joined(separator: ", ")
        return items.count > count ? shown + " +\(items.count - count)" : shown
    }
}

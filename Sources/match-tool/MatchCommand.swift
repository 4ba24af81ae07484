import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser
import VectorIndex

/// `match-tool match`: scores resumes against a job and prints them ranked.
struct MatchCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }
    enum Preset: String, ExpressibleByArgument, CaseIterable { case standard, classic }

    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Score resumes against a job and print them ranked.",
        discussion: """
            score = 100 × Σ weight × component / Σ weight over the components that apply: required skills \
            (0.40, share matched), preferred skills (0.15), experience (0.15, candidate years / minimum, at \
            most 1), education (0.10: 1 at or above the required degree, 0.5 one level below) and semantic \
            (0.20: MiniLM cosine of resume and job, mapped linearly from 0.15 … 0.75 to 0 … 1). A job without \
            preferred skills, minimum years or degree requirement drops that component; --no-semantic drops \
            the semantic one (no model needed); --preset classic is keyword-only (0.50/0.20/0.20/0.10). \
            Score ≥ 70 is "interview", else "reject". Resumes that cannot be read are reported on standard \
            error and left out of the ranking; the exit status is then 1.
            """
    )

    @Option(help: "The job description to score against.")
    var job: String

    @Argument(help: "Resume files or folders.")
    var resumes: [String]

    @Option(help: "Output format: a ranked table, or one JSON object per resume and line.")
    var format: Format = .table

    @Option(help: "Scoring weights.")
    var preset: Preset = .standard

    @Flag(help: "Leave out the semantic component (no model needed).")
    var noSemantic = false

    @Option(help: "The month \"Present\" stands for, as YYYY-MM (default: this month).")
    var asOf: String?

    func validate() throws {
        if let asOf, YearMonth(asOf) == nil { throw ValidationError("--as-of must be YYYY-MM, not \(asOf).") }
    }

    func run() throws {
        let parser = DocumentParser(referenceMonth: asOf.flatMap(YearMonth.init) ?? .now)
        let weights: ScoringWeights = preset == .classic ? .classic : .standard
        let useSemantic = !noSemantic && weights.semantic > 0
        let jobURL = URL(fileURLWithPath: job)
        let jobText: String
        let parsedJob: ParsedJob
        do {
            let extracted = try parser.extractor.extract(contentsOf: jobURL)
            jobText = extracted.text
            parsedJob = parser.parseJob(
                text: jobText, source: jobURL.lastPathComponent, format: extracted.format.rawValue)
        } catch {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let embedder: MiniLMEmbedder?
        do {
            embedder = useSemantic ? try MiniLMEmbedder(threads: 1) : nil
        } catch {
            FileHandleOutput.standardError("error: \(error.localizedDescription) (or pass --no-semantic)")
            throw ExitCode(1)
        }
        let urls = InputFiles.expand(resumes)
        // Each worker parses and embeds one resume with single-threaded BLAS: resumes are the parallel unit.
        let previousThreads = BLASThreads.current
        if embedder != nil { BLASThreads.set(1) }
        defer { BLASThreads.set(previousThreads) }
        let jobVector = embedder?.embedDocument(jobText)
        let scorer = MatchScorer(weights: weights)
        let outcomes = ParallelMap.map(urls) { url -> Result<(ParsedResume, MatchResult), any Error> in
            Result {
                let extracted = try parser.extractor.extract(contentsOf: url)
                let resume = parser.parseResume(
                    text: extracted.text, source: url.lastPathComponent, format: extracted.format.rawValue)
                // Both vectors are unit length: their dot product is the cosine.
                let similarity = embedder.flatMap { embedder in
                    jobVector.map { job in
                        Double(Distance.dot(job, embedder.embedDocument(extracted.text), count: job.count))
                    }
                }
                return (resume, scorer.score(resume, against: parsedJob, similarity: similarity))
            }
        }
        var ranked: [(resume: ParsedResume, result: MatchResult)] = []
        var failures = 0
        for outcome in outcomes {
            switch outcome {
            case .success(let pair): ranked.append(pair)
            case .failure(let error):
                failures += 1
                FileHandleOutput.standardError("error: \(error.localizedDescription)")
            }
        }
        ranked.sort { ($0.result.score, $1.resume.source) > ($1.result.score, $0.resume.source) }
        switch format {
        case .json:
            struct Line: Encodable {
                var rank: Int
                var source: String
                var name: String?
                var result: MatchResult
            }
            for (index, entry) in ranked.enumerated() {
                print(
                    JSONLine.encode(
                        Line(
                            rank: index + 1, source: entry.resume.source, name: entry.resume.contact.name,
                            result: entry.result)))
            }
        case .table:
            print("\(parsedJob.title ?? jobURL.lastPathComponent): \(ranked.count) candidates\n")
            var table = TextTable(
                headers: [
                    "#", "file", "name", "score", "decision", "required", "preferred", "years", "degree",
                    "missing required",
                ],
                rightAligned: [0, 3, 7])
            for (index, entry) in ranked.enumerated() {
                let result = entry.result
                table.append([
                    String(index + 1), entry.resume.source, entry.resume.contact.name ?? "-",
                    String(format: "%.1f", result.score), result.decision.rawValue,
                    "\(result.matchedRequiredSkills.count)/\(parsedJob.requiredSkills.count)",
                    "\(result.matchedPreferredSkills.count)/\(parsedJob.preferredSkills.count)",
                    String(format: "%.1f", result.candidateYears), result.candidateDegree?.rawValue ?? "-",
                    result.missingRequiredSkills.joined(separator: ", "),
                ])
            }
            print(table.render())
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

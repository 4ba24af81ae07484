import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// `match-tool rag`: the passages of a namespace that answer a question, laid out for a prompt.
struct RagCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(
        commandName: "rag",
        abstract: "Retrieve the passages that answer a question, with numbered citations.",
        discussion: """
            Hybrid retrieval over the namespace's resumes and job descriptions (current versions): MiniLM \
            chunk embeddings and BM25, fused by reciprocal rank; passages below the minimum similarity are \
            dropped, so a question without an answer prints nothing (and says so on standard error). Text \
            output is the prompt-ready context within --budget characters; JSON is one passage per line with \
            its source, section, offsets and scores.
            """
    )

    @OptionGroup var engine: EngineOptions

    @Argument(help: "The question.")
    var question: String

    @Option(help: "The most passages (1 … 100).")
    var k = 4

    @Option(help: "The context's size in characters (text output; 200 … 200,000).")
    var budget = 4_000

    @Option(help: "Only resumes or only job descriptions.")
    var kind: Passage.DocumentKind?

    @Option(help: "Only this section (repeatable): \(SectionKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var section: [SectionKind] = []

    @Option(help: "Only this candidate's resume (repeatable).")
    var candidate: [String] = []

    @Option(help: "Passages below this calibrated similarity are dropped (0 … 1).")
    var minimumSimilarity: Double?

    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        guard (1...RetrievalOptions.maximumK).contains(k) else { throw ValidationError("--k must be 1 … 100.") }
        guard (RetrievalContext.minimumBudget...RetrievalContext.maximumBudget).contains(budget) else {
            throw ValidationError("--budget must be 200 … 200,000.")
        }
        if let minimumSimilarity, !(0...1).contains(minimumSimilarity) {
            throw ValidationError("--minimum-similarity must be 0 … 1.")
        }
    }

    func run() async throws {
        let (opened, settings) = try await engine.open()
        defer { opened.close() }
        let namespace = engine.namespace(settings)
        var options = RetrievalOptions()
        if let minimumSimilarity { options.minimumSimilarity = minimumSimilarity }
        let filters = RetrievalFilters(
            kind: kind, candidates: candidate.isEmpty ? nil : candidate, sections: section.isEmpty ? nil : Set(section))
        let context: RetrievalContext
        do {
            context = try await opened.context(
                for: question, namespace: namespace, budget: budget, k: k, filters: filters, options: options)
        } catch let error as EngineError {
            throw RetrievalFailure.exit(for: error)
        }
        if context.citations.isEmpty {
            FileHandleOutput.standardError("no passage answers this question in namespace \"\(namespace)\"")
        }
        switch format {
        case .text:
            if !context.text.isEmpty { print(context.text) }
        case .json:
            for (offset, passage) in context.citations.enumerated() {
                print(JSONLine.encode(PassageLine(rank: offset + 1, passage)))
            }
        }
    }
}

extension Passage.DocumentKind: ExpressibleByArgument {}
extension SectionKind: ExpressibleByArgument {}

/// One passage as a JSON line.
struct PassageLine: Encodable {
    var rank: Int
    var source: String
    var kind: String
    var candidate: String?
    var name: String?
    var job: String?
    var section: String
    var start: Int
    var end: Int
    var cosine: Double?
    var denseScore: Double?
    var bm25Score: Double?
    var fusedScore: Double
    var text: String

    init(rank: Int, _ passage: Passage) {
        self.rank = rank
        source = passage.source
        kind = passage.kind.rawValue
        candidate = passage.candidate
        name = passage.candidateName
        job = passage.job
        section = passage.section.rawValue
        start = passage.range.lowerBound
        end = passage.range.upperBound
        cosine = passage.cosine
        denseScore = passage.denseScore
        bm25Score = passage.bm25Score
        fusedScore = passage.fusedScore
        text = passage.text
    }
}

/// Exit statuses for what retrieval throws: a namespace, candidate or job that does not exist is a named
/// input missing (66); a setting out of range is a configuration error (78); the store, 74.
enum RetrievalFailure {
    static func exit(for error: EngineError) -> ExitCode {
        FileHandleOutput.standardError("error: \(error.localizedDescription)")
        switch error {
        case .unknownNamespace, .unknownCandidate, .unknownJob: return ExitCode(66)
        case .invalidConfiguration, .invalidNamespace: return ExitCode(78)
        default: return ExitCode(74)
        }
    }
}

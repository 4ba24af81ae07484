import ArgumentParser
import Foundation
import MatchEngine

/// `match-tool search`: candidates whose resumes match free text, best first.
struct SearchCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find candidates whose resumes match free text, ranked by their best passages.",
        discussion: """
            Hybrid retrieval over the namespace's current resumes; a candidate's score is the fused score of \
            their best passage plus a tenth of their second best. Candidates without a passage above the \
            minimum similarity are not listed.
            """
    )

    @OptionGroup var engine: EngineOptions

    @Argument(help: "What to look for, in words.")
    var text: String

    @Option(help: "The most candidates (1 … 100).")
    var limit = 10

    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be 1 … 100.") }
    }

    func run() async throws {
        let (opened, settings) = try await engine.open()
        defer { opened.close() }
        let namespace = engine.namespace(settings)
        let results: [CandidateSearchResult]
        do {
            results = try await opened.searchCandidates(text, namespace: namespace, limit: limit)
        } catch let error as EngineError {
            throw RetrievalFailure.exit(for: error)
        }
        if results.isEmpty {
            FileHandleOutput.standardError("no candidate matches in namespace \"\(namespace)\"")
        }
        switch format {
        case .json:
            struct Line: Encodable {
                var rank: Int
                var candidate: String
                var name: String?
                var source: String?
                var score: Double
                var passages: [PassageLine]
            }
            for result in results {
                print(
                    JSONLine.encode(
                        Line(
                            rank: result.rank, candidate: result.candidate.id, name: result.candidate.name,
                            source: result.candidate.source, score: result.score,
                            passages: result.passages.enumerated().map { PassageLine(rank: $0.offset + 1, $0.element) })
                    ))
            }
        case .text:
            guard !results.isEmpty else { return }
            var table = TextTable(headers: ["#", "name", "candidate", "score", "best passage"], rightAligned: [0, 3])
            for result in results {
                let best = result.passages.first.map { passage in
                    let line = passage.text.split(whereSeparator: \.isNewline).joined(separator: " / ")
                    return "[\(passage.section.rawValue)] " + (line.count > 80 ? String(line.prefix(79)) + "…" : line)
                }
                table.append([
                    String(result.rank), result.candidate.name ?? "-", result.candidate.id,
                    String(format: "%.4f", result.score), best ?? "-",
                ])
            }
            print(table.render())
        }
    }
}

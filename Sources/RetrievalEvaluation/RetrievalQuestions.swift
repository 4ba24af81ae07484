import Foundation
import MatchEngine

/// The retrieval evaluation set (`Fixtures/retrieval/questions.json`, written by
/// `scripts/build-retrieval-eval.py`): questions over the fixture resumes and jobs and one layout per
/// person of the real-layout corpus, each with the passages that answer it (none for a negative question).
public struct RetrievalQuestions: Sendable, Decodable {
    /// A passage that answers a question: a retrieved passage matches it when it comes from the file named
    /// `source`, lies in `section` and contains every quote (ignoring case and runs of whitespace).
    public struct Expected: Sendable, Decodable, Hashable {
        /// The file name of the document (no folder).
        public var source: String
        /// The section it lies in (`other` for job descriptions).
        public var section: String
        /// Text the passage must contain, lower-case.
        public var quotes: [String]
    }

    /// One question.
    public struct Question: Sendable, Decodable {
        /// A stable id (`exact-01`, `para-03`, `multi-02`, `neg-05`…).
        public var id: String
        /// `exact`, `paraphrase`, `multi-hop` or `negative`.
        public var type: String
        /// The question as a person would ask it.
        public var question: String
        /// The passages that answer it; empty for a negative question.
        public var relevant: [Expected]
    }

    /// The questions, in file order.
    public var questions: [Question]
    /// The resumes folder, relative to the repository.
    public var resumes: String
    /// More resume files, relative to the repository (the real-layout ones); none in a version 1 set.
    public var resumeFiles: [String]?
    /// The job descriptions folder, relative to the repository.
    public var jobs: String

    /// Reads the set from a JSON file.
    ///
    /// - Throws: ``RetrievalEvaluationError/cannotRead(path:reason:)``.
    public static func load(from url: URL) throws -> RetrievalQuestions {
        do {
            return try JSONDecoder().decode(RetrievalQuestions.self, from: Data(contentsOf: url))
        } catch {
            throw RetrievalEvaluationError.cannotRead(path: url.path, reason: "\(type(of: error))")
        }
    }
}

/// Why an evaluation could not run.
public enum RetrievalEvaluationError: Error, Sendable, Equatable, LocalizedError {
    /// The questions file is missing or not the expected JSON.
    case cannotRead(path: String, reason: String)
    /// The corpus could not be ingested whole (a fixture failed): the scores would not mean anything.
    case incompleteCorpus(failed: Int)

    /// A sentence naming the file or the problem.
    public var errorDescription: String? {
        switch self {
        case .cannotRead(let path, let reason): "\(path): cannot read the questions (\(reason))"
        case .incompleteCorpus(let failed): "\(failed) fixture(s) could not be ingested; no evaluation"
        }
    }
}

extension RetrievalQuestions {
    /// Stores the set's corpus (its resumes and jobs folders and its resume files, relative to `root`) in
    /// `namespace` of `engine`; documents already there are recognised as duplicates.
    ///
    /// - Throws: ``RetrievalEvaluationError/incompleteCorpus(failed:)`` when a document cannot be stored,
    ///   what ``Engine/addJob(_:namespace:)`` and ``Engine/ingest(_:namespace:)`` throw.
    public func ingestCorpus(root: URL, into engine: Engine, namespace: String) async throws {
        func files(_ folder: String) -> [URL] {
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
        }
        for job in files(jobs) { _ = try await engine.addJob(.file(job), namespace: namespace) }
        let more = (resumeFiles ?? []).map { root.appendingPathComponent($0) }
        let status = try await engine.ingest((files(resumes) + more).map { .file($0) }, namespace: namespace).result()
        if status.failed > 0 || status.state != .succeeded {
            throw RetrievalEvaluationError.incompleteCorpus(failed: max(status.failed, 1))
        }
    }
}

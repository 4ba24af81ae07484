import Foundation
import ResumeParser

/// What the engine needs from its database. SQLite (``DocumentStore``) is the one implementation; a
/// server database can back the engine later by implementing this protocol. Every call is scoped by a
/// namespace row id, and an implementation must never return another namespace's rows.
protocol EngineStore: Sendable {
    /// The row id of namespace `name`, created when `create` and missing.
    func namespaceID(_ name: String, create: Bool) throws -> Int64?
    /// Every namespace with its row id.
    func namespaces() throws -> [(id: Int64, name: String)]
    /// The namespace's revision: bumped by every write that changes the resume vectors it ranks.
    func revision(namespace: Int64) throws -> Int64
    /// Which of `hashes` are already stored as resumes in the namespace, with their candidate's id.
    func storedResumeHashes(_ hashes: [String], namespace: Int64) throws -> [String: CandidateID]
    /// Whether the namespace holds any resume.
    func hasResumes(namespace: Int64) throws -> Bool
    /// Stores a batch of resumes in one transaction with the ingest job's counts; returns one outcome each.
    func writeResumes(
        _ writes: [ResumeWrite], namespace: Int64, model: String, progress: IngestProgressWrite
    ) throws
        -> [ResumeWriteOutcome]
    /// Stores a job description (a new job, or a new version of the job with the same identity).
    func writeJob(_ write: JobWrite, namespace: Int64, model: String) throws -> (job: JobRecord, inserted: Bool)
    /// Records an ingest job as pending.
    func createIngestJob(id: String, namespace: Int64, total: Int) throws
    /// Sets an ingest job's state.
    func setIngestJobState(id: String, _ state: IngestState) throws
    /// An ingest job as recorded; its failure list only when `failures` (progress needs the counts).
    func ingestJob(id: String, failures: Bool) throws -> IngestJobStatus?
    /// Every candidate of the namespace with the facts ranking needs.
    func candidates(namespace: Int64) throws -> [CandidateRecord]
    /// The same, handed to `body` `size` at a time as they are read (`body` runs on the reading thread).
    func candidates(namespace: Int64, inBatchesOf size: Int, _ body: ([CandidateRecord]) -> Void) throws
    /// One candidate by identity.
    func candidate(_ identity: CandidateID, namespace: Int64) throws -> CandidateRecord?
    /// The ranked (newest) resume vector of every candidate of the namespace that has one for `model`.
    func resumeVectors(namespace: Int64, model: String) throws -> [(candidate: Int64, vector: [Float])]
    /// The document-level vector of a document for `model`.
    func documentVector(document: Int64, model: String) throws -> [Float]?
    /// The parsed resume of a document.
    func parsedResume(document: Int64) throws -> ParsedResume?
    /// Every version of a candidate's resume, newest first.
    func resumeVersions(candidate: Int64) throws -> [ResumeVersion]
    /// One job by identity.
    func job(_ identity: JobID, namespace: Int64) throws -> JobRecord?
    /// Every job of the namespace.
    func jobs(namespace: Int64) throws -> [JobRecord]
    /// Appends scored results for one job; a candidate deleted meanwhile (or whose document is gone) is
    /// skipped, so a ranking that ran beside a delete still succeeds.
    func recordMatches(_ matches: [MatchRecord], job: Int64, namespace: Int64, weights: ScoringWeights) throws
    /// The latest stored results for a job (newest scoring of each candidate), best first.
    func matchResults(job: Int64, namespace: Int64) throws -> [(candidate: Int64, result: MatchResult)]
    /// The pipeline status of every candidate that has one for `job`.
    func statuses(job: Int64, namespace: Int64) throws -> [Int64: PipelineStatus]
    /// Moves a candidate for a job to `status` (checked against the pipeline) and records the move.
    func setStatus(
        _ status: PipelineStatus, candidate: Int64, job: Int64, namespace: Int64, note: String?
    ) throws
        -> PipelineStatusChange
    /// The recorded moves of a candidate for a job, oldest first.
    func statusHistory(candidate: Int64, job: Int64, namespace: Int64) throws -> [PipelineStatusChange]
    /// Documents stored without a parse (moved from a schema-v1 database), to be parsed from their text.
    func unparsedDocuments(namespace: Int64) throws -> [UnparsedDocument]
    /// Completes an unparsed document: its parse, reading text, chunks and vectors; for a resume also the
    /// candidate's facts, and the namespace revision.
    func complete(
        _ document: UnparsedDocument, with completion: DocumentCompletion, namespace: Int64, model: String)
        throws
    /// Deletes a candidate with every version, chunk, vector, result and status; bumps the revision.
    func deleteCandidate(_ candidate: Int64, namespace: Int64) throws
    /// Deletes a job with its description's versions, chunks, vectors, match results and statuses.
    func deleteJob(_ job: Int64, namespace: Int64) throws
    /// Row counts of the namespace.
    func counts(namespace: Int64) throws -> StoreCounts
    /// Vectors in the embedding cache (shared by every namespace).
    func cachedVectorCount() throws -> Int
    /// Candidates whose ranked resume has no document vector for `model`.
    func candidatesWithoutVector(namespace: Int64, model: String) throws -> [CandidateID]
    /// The result of SQLite's integrity check: `"ok"` for a sound database.
    func integrityCheck() throws -> String

    // Retrieval (DocumentStore+Retrieval.swift).

    /// The namespace's chunk revision: bumped by every chunk written or deleted and every new version.
    func chunkRevision(namespace: Int64) throws -> Int64
    /// The chunks of the namespace's current document versions (resumes and jobs), read in one
    /// transaction with the chunk revision they reflect.
    func currentChunks(namespace: Int64) throws -> (revision: Int64, chunks: [ChunkEntry])
    /// What changed since chunk revision `revision` (``ChunkChangeLog``): the namespace's revision now, the
    /// documents whose chunks were added, superseded or deleted after it, and the current chunks among them;
    /// `nil` when the log no longer reaches back that far, or `revision` is ahead of the store's (a restored
    /// database): then list every chunk.
    func chunkChanges(
        namespace: Int64, since revision: Int64
    ) throws -> (
        revision: Int64, chunks: [ChunkEntry], documents: Set<Int64>
    )?
    /// How many chunks of the namespace's current document versions have a vector for `model`.
    func currentChunkVectorCount(namespace: Int64, model: String) throws -> Int
    /// The stored vectors of these chunks for `model` (chunks without one are left out): each chunk's vector
    /// then its windows' (``DocumentPipeline/Embedded/chunks``), or only the first `floats` values.
    func chunkVectors(
        _ keys: [UInt64], namespace: Int64, model: String, floats: Int?
    ) throws -> [(key: UInt64, vector: [Float])]
    /// Full-text (BM25) search ranked by FTS5 itself, for a query matching more rows than
    /// ``fullTextHits(_:terms:limit:)`` reads: `expression` is an FTS5 query built by ``FullTextQuery``; the best
    /// `limit` chunk keys, with BM25 scores (higher is better).
    func searchChunks(_ expression: String, limit: Int) throws -> [(key: UInt64, score: Double)]
    /// Full-text matches: every row matching `expression` (an FTS5 query built by ``FullTextQuery``), with
    /// how often each of `terms` (stemmed, as the index holds them; the expression's last phrases, after its
    /// tags) occurs in its text, the table's statistics and the terms' row counts, all read in one snapshot
    /// (``FullTextHits``); unranked: ``FullTextRanking`` scores BM25 with the lengths the chunk index keeps.
    /// `nil` when more than `limit` rows match.
    func fullTextHits(_ expression: String, terms: [String], limit: Int) throws -> FullTextHits?
    /// How many rows of the full-text table hold each of these stemmed terms (all namespaces: the table's
    /// own statistics, like BM25's); terms it does not hold are left out.
    func termDocumentCounts(_ terms: [String]) throws -> [String: Int]
    /// The text and document facts of these chunks, when they belong to the namespace.
    func passageRows(_ keys: [UInt64], namespace: Int64) throws -> [UInt64: PassageRow]
}

/// One document ready to store: the document, its parse, its chunks and their vectors.
struct DocumentWrite<Parsed: Sendable>: Sendable {
    var source: String
    var contentHash: String
    var format: String
    var text: String
    var pageCount: Int?
    var reading: ReadingText
    var parsed: Parsed
    var hostID: String?
    var chunks: [Chunk]
    var chunkVectors: [[Float]]
    var documentVector: [Float]
    /// For resumes, what ranking reads without decoding the parse; computed from `parsed` when `nil`.
    var facts: RankingFacts? = nil
    /// `parsed` as the store keeps it (``DocumentStore/json(_:)``), encoded ahead by the caller so that the
    /// one writer does not; encoded by the writer when `nil`.
    var parsedJSON: String? = nil
}

/// What ranking reads of a resume without decoding its parse: the positions held (as
/// ``CandidateProfile/storedRoles(of:)`` writes them) and the skills its experience section shows.
struct RankingFacts: Sendable {
    var roles: String
    /// One skill a line; `nil` when the resume has no experience section.
    var evidence: String?

    init(_ parsed: ParsedResume) {
        roles = CandidateProfile.storedRoles(of: parsed)
        evidence = CandidateProfile.evidencedSkills(of: parsed)?.joined(separator: "\n")
    }
}

/// A resume ready to store.
typealias ResumeWrite = DocumentWrite<ParsedResume>
/// A job description ready to store.
typealias JobWrite = DocumentWrite<ParsedJob>

/// What storing one resume did.
enum ResumeWriteOutcome: Sendable, Equatable {
    case stored(candidate: Int64, identity: CandidateID, isNewVersion: Bool, document: Int64)
    case duplicate(identity: CandidateID)
}

/// The ingest job's counts to add in the same transaction as a batch.
struct IngestProgressWrite: Sendable {
    var jobID: String
    var failures: [IngestFailure]
    /// Documents of the batch found already stored before embedding (not among the writes).
    var knownDuplicates: Int
}

/// A candidate as ranking sees it.
struct CandidateRecord: Sendable, Equatable {
    var rowID: Int64
    var identity: CandidateID
    var name: String?
    var email: String?
    var location: String?
    var years: Double
    var degree: DegreeLevel?
    var skills: [String]
    /// The positions held, as ``CandidateProfile/storedRoles(of:)`` writes them.
    var roles: String = ""
    /// The skills the experience section shows, one per line; `nil` when it has none.
    var evidence: String? = nil
    var documentID: Int64?
    var source: String?
}

/// A job as ranking sees it.
struct JobRecord: Sendable {
    var rowID: Int64
    var identity: JobID
    var documentID: Int64
    var source: String
    var parsed: ParsedJob
}

/// One scored pair to record.
struct MatchRecord: Sendable {
    var candidate: Int64
    var document: Int64
    var result: MatchResult
}

/// A document moved from schema v1: text without a parse.
struct UnparsedDocument: Sendable {
    var id: Int64
    var kind: String
    var owner: Int64
    var source: String
    var format: String
    var text: String
}

/// What parsing and embedding an ``UnparsedDocument`` produced.
struct DocumentCompletion: Sendable {
    enum Parsed: Sendable {
        case resume(ParsedResume)
        case job(ParsedJob)
    }

    var parsed: Parsed
    var reading: ReadingText
    var chunks: [Chunk]
    var chunkVectors: [[Float]]
    var documentVector: [Float]
}

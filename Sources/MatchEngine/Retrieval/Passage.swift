import ResumeParser

/// One retrieved chunk of a resume or job description, with where it comes from and how it scored.
public struct Passage: Sendable, Equatable, Codable {
    /// What kind of document a passage comes from.
    public enum DocumentKind: String, Sendable, Equatable, Codable, CaseIterable {
        /// A candidate's resume (its current version).
        case resume
        /// A job description (its current version).
        case job
    }

    /// The document's source (its path as given at ingest, or the name the host gave to bytes).
    public var source: String
    /// Resume or job.
    public var kind: DocumentKind
    /// The candidate whose resume this is (resumes only).
    public var candidate: CandidateID?
    /// The candidate's name as parsed (resumes only, when found).
    public var candidateName: String?
    /// The job this description belongs to (jobs only).
    public var job: JobID?
    /// The section the chunk lies in (``SectionKind/other`` for job descriptions).
    public var section: SectionKind
    /// The chunk's position among its document's chunks, from 0.
    public var ordinal: Int
    /// The chunk's span in the document's reading-order text, in UTF-16 code units.
    public var range: Range<Int>
    /// The chunk's text.
    public var text: String
    /// Cosine similarity of the question's and the chunk's embeddings (`nil` when the chunk has no vector
    /// for the engine's provider).
    public var cosine: Double?
    /// The cosine calibrated to 0 … 1 (see ``RetrievalOptions/similarityFloor``); what the minimum
    /// similarity is compared with.
    public var denseScore: Double?
    /// The chunk's BM25 score for the question's terms (higher is better), `nil` when no term matched.
    public var bm25Score: Double?
    /// The reciprocal-rank-fusion score the passages are ordered by (higher is better).
    public var fusedScore: Double
}

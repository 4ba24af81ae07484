import Foundation
import ResumeParser

/// A stored candidate, as a host sees it.
public struct CandidateSummary: Sendable, Equatable, Codable {
    /// The candidate's id (see ``CandidateID`` for the identity rule).
    public var id: CandidateID
    /// The name found in the newest resume.
    public var name: String?
    /// The e-mail address found in the newest resume.
    public var email: String?
    /// The location found in the newest resume, as written.
    public var location: String?
    /// Years of experience in the newest resume (overlaps counted once).
    public var years: Double
    /// The highest degree in the newest resume.
    public var degree: DegreeLevel?
    /// Canonical skills of the newest resume.
    public var skills: [String]
    /// The source of the newest resume (see ``IngestSource``'s naming rule).
    public var source: String?
}

/// One candidate ranked for a job.
public struct RankedCandidate: Sendable, Equatable {
    /// 1 for the best.
    public var rank: Int
    /// Who.
    public var candidate: CandidateSummary
    /// The score with its typed components, gaps and the sentences derived from them.
    public var result: MatchResult
    /// Where the candidate stands for this job.
    public var status: PipelineStatus
}

/// One job ranked for a candidate.
public struct RankedJob: Sendable, Equatable {
    /// 1 for the best fit.
    public var rank: Int
    /// The job's id.
    public var job: JobID
    /// Its title, if the description states one.
    public var title: String?
    /// The candidate scored against this job.
    public var result: MatchResult
}

/// A candidate whose resume is close to another's in embedding space.
public struct SimilarCandidate: Sendable, Equatable {
    /// Who.
    public var candidate: CandidateSummary
    /// Cosine similarity of the two newest resumes' vectors, -1 … 1.
    public var similarity: Double
}

/// One stored version of a candidate's resume.
public struct ResumeVersion: Sendable, Equatable {
    /// SHA-256 of the file's bytes.
    public var contentHash: String
    /// Where it came from.
    public var source: String
    /// Its format (`pdf`, `docx`, `txt`, `markdown`, `html`).
    public var format: String
    /// The parser version that read it.
    public var parserVersion: Int
    /// When it was stored.
    public var ingestedAt: Date
    /// Whether it is the version ranked (the newest).
    public var isCurrent: Bool
}

/// A stored job.
public struct JobSummary: Sendable, Equatable {
    /// The job's id (see ``JobID``).
    public var id: JobID
    /// Where the description came from.
    public var source: String
    /// The parsed requirements.
    public var requirements: ParsedJob
}

/// Narrows a ranking to candidates that meet every condition set.
public struct RankFilters: Sendable, Equatable {
    /// At least this many years of experience.
    public var minimumYears: Double?
    /// Has this skill (any alias: "k8s" finds Kubernetes).
    public var requiredSkill: String?
    /// Location contains this text, ignoring case and accents ("austin" finds "Austin, TX").
    public var location: String?
    /// Stands at one of these pipeline statuses for the job (candidates never moved are `new`).
    public var statuses: Set<PipelineStatus>?
    /// Is one of these candidates (say, the ones a batch just ingested); they are scored whatever the
    /// size of the namespace, and ids not in it are ignored.
    public var candidates: Set<CandidateID>?

    /// No condition: every candidate.
    public init(
        minimumYears: Double? = nil, requiredSkill: String? = nil, location: String? = nil,
        statuses: Set<PipelineStatus>? = nil, candidates: Set<CandidateID>? = nil
    ) {
        self.minimumYears = minimumYears
        self.requiredSkill = requiredSkill
        self.location = location
        self.statuses = statuses
        self.candidates = candidates
    }
}

import ResumeParser

/// Conditions every retrieved passage meets, on top of the namespace (which every query names).
public struct RetrievalFilters: Sendable, Equatable {
    /// Only resumes, or only job descriptions; `nil`: both.
    public var kind: Passage.DocumentKind?
    /// Only these candidates' resumes (at most 1,000); `nil`: every candidate. Implies resumes only.
    public var candidates: [CandidateID]?
    /// Only these jobs' descriptions (at most 1,000); `nil`: every job. Implies jobs only.
    public var jobs: [JobID]?
    /// Only chunks of these sections; `nil`: all.
    public var sections: Set<SectionKind>?

    /// Filters from their parts; the defaults let everything of the namespace through.
    public init(
        kind: Passage.DocumentKind? = nil, candidates: [CandidateID]? = nil, jobs: [JobID]? = nil,
        sections: Set<SectionKind>? = nil
    ) {
        self.kind = kind
        self.candidates = candidates
        self.jobs = jobs
        self.sections = sections
    }
}

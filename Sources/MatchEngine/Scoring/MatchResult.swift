import ResumeParser

/// One candidate scored against one job, with the reasons.
public struct MatchResult: Sendable, Equatable, Codable {
    /// What a recruiter should do next.
    public enum Decision: String, Sendable, Codable { case interview, reject }

    /// One component of the score: its value in 0 ... 1 and its weight. Components that do not apply
    /// (a job without preferred skills, without a degree requirement, no embedding) are left out and
    /// the others renormalised.
    public struct Component: Sendable, Equatable, Codable {
        public var name: String
        public var value: Double
        public var weight: Double
    }

    /// 0 ... 100.
    public var score: Double
    public var decision: Decision
    public var components: [Component]
    public var matchedRequiredSkills: [String]
    public var missingRequiredSkills: [String]
    public var matchedPreferredSkills: [String]
    public var missingPreferredSkills: [String]
    public var candidateYears: Double
    /// Years short of the job's minimum (0 when met or not stated).
    public var yearsGap: Double
    public var candidateDegree: DegreeLevel?
    /// The required degree when the candidate's is below it.
    public var missingDegree: DegreeLevel?
    /// What speaks for the candidate, in plain words.
    public var strengths: [String]
    /// What to ask about or work on, in plain words.
    public var advice: [String]
}

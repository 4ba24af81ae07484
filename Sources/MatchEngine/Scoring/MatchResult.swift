import ResumeParser

/// One candidate scored against one job, with the reasons: typed components and gaps, and the
/// sentences (``strengths``, ``advice``) derived from them.
public struct MatchResult: Sendable, Equatable, Codable {
    /// What a recruiter should do next.
    public enum Decision: String, Sendable, Codable {
        /// The score reached ``ScoringWeights/interviewThreshold``.
        case interview
        /// It did not.
        case reject
    }

    /// One component of the score: its value in 0 ... 1 and its weight. Components that do not apply
    /// (a job without preferred skills, without a degree requirement, no embedding) are left out and
    /// the others renormalised.
    public struct Component: Sendable, Equatable, Codable {
        /// Which part of the formula.
        public enum Kind: String, Sendable, Codable, CaseIterable {
            /// Share of the job's required skills the candidate has.
            case requiredSkills = "required skills"
            /// Share of the job's preferred skills the candidate has.
            case preferredSkills = "preferred skills"
            /// Candidate years / the job's minimum, at most 1.
            case experience
            /// 1 at or above the required degree, partial one level below.
            case education
            /// The calibrated cosine of resume and job embeddings.
            case semantic
        }

        /// Which part of the formula.
        public var kind: Kind
        /// 0 ... 1.
        public var value: Double
        /// The weight it had (before renormalisation).
        public var weight: Double
    }

    /// Something the candidate lacks for this job.
    public struct Gap: Sendable, Equatable, Codable {
        /// What kind of gap.
        public enum Kind: String, Sendable, Codable {
            /// A required skill not found (``skill``).
            case missingRequiredSkill
            /// A preferred skill not found (``skill``).
            case missingPreferredSkill
            /// Fewer years than asked (``years`` short).
            case yearsShort
            /// No degree at the required level (``degree`` is the level asked).
            case degreeBelowRequired
        }

        /// What kind of gap.
        public var kind: Kind
        /// The skill missing, for the two skill kinds.
        public var skill: String?
        /// Years short, for ``Kind/yearsShort``.
        public var years: Double?
        /// The degree level asked, for ``Kind/degreeBelowRequired``.
        public var degree: DegreeLevel?
    }

    /// 0 ... 100, one decimal.
    public var score: Double
    /// ``Decision/interview`` at or above the threshold.
    public var decision: Decision
    /// The components that applied, in formula order.
    public var components: [Component]
    /// Required skills the candidate has, in the job's order.
    public var matchedRequiredSkills: [String]
    /// Required skills the candidate lacks.
    public var missingRequiredSkills: [String]
    /// Preferred skills the candidate has.
    public var matchedPreferredSkills: [String]
    /// Preferred skills the candidate lacks.
    public var missingPreferredSkills: [String]
    /// The candidate's years of experience.
    public var candidateYears: Double
    /// Years short of the job's minimum (0 when met or not stated).
    public var yearsGap: Double
    /// The candidate's highest degree.
    public var candidateDegree: DegreeLevel?
    /// The required degree when the candidate's is below it.
    public var missingDegree: DegreeLevel?
    /// Every gap, typed: missing required skills, missing preferred skills, years, degree.
    public var gaps: [Gap]
    /// What speaks for the candidate, in plain words (derived from the components).
    public var strengths: [String]
    /// What to ask about or work on, in plain words (derived from ``gaps``).
    public var advice: [String]

    /// The component of `kind`, if it applied.
    public func component(_ kind: Component.Kind) -> Component? { components.first { $0.kind == kind } }
}

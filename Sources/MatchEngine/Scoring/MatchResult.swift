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
            /// Share of the job's required skills the candidate has (core skills counting more, related
            /// skills in part, alternatives as one).
            case requiredSkills = "required skills"
            /// Share of the job's core skills (its title's, else its first requirement line's) the
            /// candidate has.
            case coreSkills = "core skills"
            /// The role fit as a component: the function factor times the level factor (before
            /// ``ScoringWeights/role``), so people doing the job's work rank above others with the same skills.
            case roleMatch = "role match"
            /// Share of the job's preferred skills the candidate has.
            case preferredSkills = "preferred skills"
            /// Candidate years / the job's minimum, at most 1 (an additive component only when weighted;
            /// by default years act through ``Factor/Kind/years``).
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

    /// A factor of the role fit that multiplies the weighted components: 1 is a full fit.
    public struct Factor: Sendable, Equatable, Codable {
        /// Which factor.
        public enum Kind: String, Sendable, Codable, CaseIterable {
            /// The function of the candidate's positions (from their titles) against the job's: same,
            /// neighbouring (data engineer for a backend job), a neighbour sharing only the trade with a
            /// specialised job (backend engineer for a data engineering job; see
            /// ``ScoringWeights/tradeNeighbourFunction``) or unrelated.
            case function
            /// The candidate's seniority level against the level the job's title states.
            case level
            /// Years in positions of the job's function against its minimum.
            case years
            /// ``ScoringWeights/noEvidence`` when the resume shows nothing relevant to the job (no required,
            /// core, related or preferred skill, no position in its function or a neighbouring one, or only
            /// positions in a neighbouring function of another discipline and none of the job's skills); absent
            /// otherwise.
            case evidence
            /// ``ScoringWeights/differentField`` when the candidate is from another field: every position
            /// read is in a function unrelated to the job's, no core skill of the job (nor a related one) is
            /// shown, and fewer than ``ScoringWeights/differentFieldSharedSkills`` of its other skills are used
            /// at work; absent otherwise.
            case differentField = "different field"
        }

        /// Which factor.
        public var kind: Kind
        /// The factor as applied (after ``ScoringWeights/role``), 0 … 1.
        public var value: Double
    }

    /// A required skill the candidate lacks but has a related skill for, earning part of it.
    public struct RelatedSkill: Sendable, Equatable, Codable {
        /// The skill the job asks for.
        public var required: String
        /// The candidate's skill that stands in for it.
        public var candidate: String
        /// The share of the requirement it earned, 0 … 1.
        public var credit: Double
    }

    /// 0 ... 100, one decimal.
    public var score: Double
    /// ``Decision/interview`` at or above the threshold.
    public var decision: Decision
    /// The components that applied, in formula order.
    public var components: [Component]
    /// The role-fit factors that multiplied the weighted components (none when the candidate's positions
    /// could not be read or ``ScoringWeights/role`` is 0).
    public var factors: [Factor] = []
    /// Required skills the candidate has, in the job's order.
    public var matchedRequiredSkills: [String]
    /// Required skills the candidate lacks (neither the skill, an alternative the job accepts, nor a
    /// related skill).
    public var missingRequiredSkills: [String]
    /// Required skills the candidate lacks but has a related skill for (MySQL for PostgreSQL).
    public var relatedSkills: [RelatedSkill] = []
    /// Required and preferred skills met by a position in the job's function rather than by a skill the
    /// resume names ("Accounting" by a "Senior Accountant" position): a requirement that names the job's own
    /// function is shown by the titles, whatever words the parser kept. Also in the matched lists.
    public var skillsShownByTitles: [String] = []
    /// Preferred skills the candidate has.
    public var matchedPreferredSkills: [String]
    /// Preferred skills the candidate lacks.
    public var missingPreferredSkills: [String]
    /// The candidate's years of experience.
    public var candidateYears: Double
    /// Years in positions of the job's function (neighbouring functions in part), when titles were read.
    public var relevantYears: Double?
    /// The level the job's title states, if any.
    public var jobLevel: SeniorityLevel?
    /// The candidate's level: the latest relevant position's title, else implied by relevant years.
    public var candidateLevel: SeniorityLevel?
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

    private enum CodingKeys: String, CodingKey {
        case score, decision, components, factors, matchedRequiredSkills, missingRequiredSkills, relatedSkills,
            skillsShownByTitles, matchedPreferredSkills, missingPreferredSkills, candidateYears, relevantYears,
            jobLevel, candidateLevel,
            yearsGap, candidateDegree, missingDegree, gaps, strengths, advice
    }

    /// A result from its parts.
    public init(
        score: Double, decision: Decision, components: [Component], factors: [Factor] = [],
        matchedRequiredSkills: [String],
        missingRequiredSkills: [String], relatedSkills: [RelatedSkill] = [], skillsShownByTitles: [String] = [],
        matchedPreferredSkills: [String],
        missingPreferredSkills: [String], candidateYears: Double, relevantYears: Double? = nil,
        jobLevel: SeniorityLevel? = nil, candidateLevel: SeniorityLevel? = nil, yearsGap: Double,
        candidateDegree: DegreeLevel?, missingDegree: DegreeLevel?, gaps: [Gap], strengths: [String], advice: [String]
    ) {
        self.score = score
        self.decision = decision
        self.components = components
        self.factors = factors
        self.matchedRequiredSkills = matchedRequiredSkills
        self.missingRequiredSkills = missingRequiredSkills
        self.relatedSkills = relatedSkills
        self.skillsShownByTitles = skillsShownByTitles
        self.matchedPreferredSkills = matchedPreferredSkills
        self.missingPreferredSkills = missingPreferredSkills
        self.candidateYears = candidateYears
        self.relevantYears = relevantYears
        self.jobLevel = jobLevel
        self.candidateLevel = candidateLevel
        self.yearsGap = yearsGap
        self.candidateDegree = candidateDegree
        self.missingDegree = missingDegree
        self.gaps = gaps
        self.strengths = strengths
        self.advice = advice
    }

    /// Decodes a result; fields added after results were first stored (related skills, relevant years,
    /// levels) may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        score = try container.decode(Double.self, forKey: .score)
        decision = try container.decode(Decision.self, forKey: .decision)
        components = try container.decode([Component].self, forKey: .components)
        factors = try container.decodeIfPresent([Factor].self, forKey: .factors) ?? []
        matchedRequiredSkills = try container.decode([String].self, forKey: .matchedRequiredSkills)
        missingRequiredSkills = try container.decode([String].self, forKey: .missingRequiredSkills)
        relatedSkills = try container.decodeIfPresent([RelatedSkill].self, forKey: .relatedSkills) ?? []
        skillsShownByTitles = try container.decodeIfPresent([String].self, forKey: .skillsShownByTitles) ?? []
        matchedPreferredSkills = try container.decode([String].self, forKey: .matchedPreferredSkills)
        missingPreferredSkills = try container.decode([String].self, forKey: .missingPreferredSkills)
        candidateYears = try container.decode(Double.self, forKey: .candidateYears)
        relevantYears = try container.decodeIfPresent(Double.self, forKey: .relevantYears)
        jobLevel = try container.decodeIfPresent(SeniorityLevel.self, forKey: .jobLevel)
        candidateLevel = try container.decodeIfPresent(SeniorityLevel.self, forKey: .candidateLevel)
        yearsGap = try container.decode(Double.self, forKey: .yearsGap)
        candidateDegree = try container.decodeIfPresent(DegreeLevel.self, forKey: .candidateDegree)
        missingDegree = try container.decodeIfPresent(DegreeLevel.self, forKey: .missingDegree)
        gaps = try container.decode([Gap].self, forKey: .gaps)
        strengths = try container.decode([String].self, forKey: .strengths)
        advice = try container.decode([String].self, forKey: .advice)
    }

    /// The component of `kind`, if it applied.
    public func component(_ kind: Component.Kind) -> Component? { components.first { $0.kind == kind } }
}

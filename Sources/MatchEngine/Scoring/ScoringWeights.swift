/// How much each component counts in a match score, and the thresholds that turn a score into a
/// decision. Defaults are those of the design document; every number is a setting.
public struct ScoringWeights: Sendable, Equatable, Codable {
    public var requiredSkills: Double
    public var preferredSkills: Double
    public var experience: Double
    public var education: Double
    public var semantic: Double
    /// Scores at or above this are `interview`, below `reject`.
    public var interviewThreshold: Double
    /// The education component one level below the required degree (at or above it is 1).
    public var educationOneLevelBelow: Double
    /// Cosine similarities at or below this calibrate to 0 ...
    public var semanticFloor: Double
    /// ... and at or above this to 1 (linear in between). MiniLM's cosine between a resume and an
    /// unrelated job is rarely under 0.15, between a resume and a job it fits rarely over 0.75.
    public var semanticCeiling: Double

    public init(
        requiredSkills: Double = 0.40, preferredSkills: Double = 0.15, experience: Double = 0.15,
        education: Double = 0.10, semantic: Double = 0.20, interviewThreshold: Double = 70,
        educationOneLevelBelow: Double = 0.5, semanticFloor: Double = 0.15, semanticCeiling: Double = 0.75
    ) {
        precondition(
            [requiredSkills, preferredSkills, experience, education, semantic].allSatisfy { $0 >= 0 },
            "weights must not be negative")
        precondition(semanticCeiling > semanticFloor, "semanticCeiling must be above semanticFloor")
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.experience = experience
        self.education = education
        self.semantic = semantic
        self.interviewThreshold = interviewThreshold
        self.educationOneLevelBelow = educationOneLevelBelow
        self.semanticFloor = semanticFloor
        self.semanticCeiling = semanticCeiling
    }

    /// The design's defaults: required 0.40, preferred 0.15, experience 0.15, education 0.10, semantic 0.20.
    public static let standard = ScoringWeights()

    /// Keyword matching only: required 0.50, preferred 0.20, experience 0.20, education 0.10, no semantic.
    public static let classic = ScoringWeights(
        requiredSkills: 0.50, preferredSkills: 0.20, experience: 0.20, education: 0.10, semantic: 0)
}

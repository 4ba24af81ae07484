import ResumeParser

/// What the scorer reads of a candidate: canonical skills, years and highest degree. Built from a
/// ``ParsedResume``, or kept compactly by the engine for every stored candidate.
public struct CandidateProfile: Sendable, Equatable {
    /// Canonical skill names.
    public var skills: Set<String>
    /// Years of experience (overlaps counted once).
    public var years: Double
    /// The highest degree, if any was found.
    public var degree: DegreeLevel?

    /// A profile from its parts.
    public init(skills: Set<String>, years: Double, degree: DegreeLevel?) {
        self.skills = skills
        self.years = years
        self.degree = degree
    }

    /// The profile of a parsed resume.
    public init(_ resume: ParsedResume) {
        self.init(
            skills: Set(resume.skills.map(\.name)), years: resume.totalExperienceYears, degree: resume.highestDegree)
    }
}

import Foundation

/// How much each component counts in a match score, and the thresholds that turn a score into a
/// decision. Defaults are those of the design document; every number is a setting.
///
/// Weights read from JSON (``load(from:)``, `Decodable`) are checked: a negative, infinite or NaN
/// number, all weights zero, or a semantic floor not below its ceiling is an
/// ``EngineError/invalidConfiguration(_:)``, never a crash. Keys left out keep their defaults.
public struct ScoringWeights: Sendable, Equatable, Codable {
    /// Weight of the share of required skills matched, core skills counting ``coreSkillImportance`` times
    /// (default 0.45).
    public var requiredSkills: Double
    /// Weight of the share of the job's core skills matched: those in its title, else its first
    /// requirement line (default 0.25).
    public var coreSkills: Double
    /// Weight of the role match component: function factor × level factor (default 0.25).
    public var roleMatch: Double
    /// How much the role fit multiplies the score, 0 … 1 (default 1): each fit factor — the function of
    /// the candidate's positions, the seniority level, the years in relevant positions — applies as
    /// `1 − role × (1 − factor)`, so 0 leaves the score to the weighted components alone.
    public var role: Double
    /// Weight of the share of preferred skills matched (default 0.15).
    public var preferredSkills: Double
    /// Weight of an additive years component, candidate years / the job's minimum (default 0: years act
    /// through the role fit's years factor; 0.20 in ``classic``).
    public var experience: Double
    /// Weight of the degree against the job's requirement (default 0.05).
    public var education: Double
    /// Weight of the calibrated embedding similarity (default 0.10).
    public var semantic: Double
    /// Scores at or above this are `interview`, below `reject` (default 70, range 0 … 100).
    public var interviewThreshold: Double
    /// The education component one level below the required degree (at or above it is 1; default 0.5).
    public var educationOneLevelBelow: Double
    /// Cosine similarities at or below this calibrate to 0 ...
    public var semanticFloor: Double
    /// ... and at or above this to 1 (linear in between). MiniLM's cosine between a resume and an
    /// unrelated job is rarely under 0.15, between a resume and a job it fits rarely over 0.75.
    public var semanticCeiling: Double
    /// How many times a core skill counts in the required share (default 2).
    public var coreSkillImportance: Double
    /// The function factor of a position in a neighbouring function (data engineer for a backend job;
    /// default 0.6) …
    public var neighbourFunction: Double
    /// … in a neighbouring engineering function that shares only the trade with a job in a specialised one
    /// (a backend or platform engineer for a data engineering job, a software engineer for a frontend job;
    /// default 0.3): the specialist does the general work, the generalist's title shows none of the
    /// specialised work, so this is nearer unrelated than neighbour (see
    /// `RoleFunction.isTradeNeighbour(ofSpecialisedJob:)`). When the experience section shows
    /// ``differentFieldSharedSkills`` of the job's other skills at work, the position counts as a neighbour
    /// again (``neighbourFunction``): the bullets show the work the title does not name …
    public var tradeNeighbourFunction: Double
    /// … and in an unrelated one (customer support for a backend job; default 0.25). A title naming no
    /// known function is left out (see ``MatchScorer``).
    public var unrelatedFunction: Double
    /// The level factor one level off the job's (default 0.75) …
    public var levelOneOff: Double
    /// … and two or more levels off (default 0.4).
    public var levelTwoOff: Double
    /// The share of the job's minimum years in relevant positions that already counts as meeting it
    /// (default 0.75) …
    public var yearsTolerance: Double
    /// … and the years factor with no relevant years (default 0.5; linear in between).
    public var yearsFloor: Double
    /// The credit of a skill the resume lists or claims but its experience section does not show, as a
    /// share of a shown one (default 0.75).
    public var listedSkillCredit: Double
    /// The evidence factor of a candidate the resume shows nothing relevant of (default 0): no required,
    /// core, related or preferred skill, and no position in the job's function or a neighbouring one. Such
    /// a resume is "no fit" and scores the floor of the scale (0 by default) rather than a few points of
    /// noise from education or the semantic component; 1 turns the rule off. Like the other role-fit
    /// factors it applies through ``role``, and only for a job whose title names a known function. It applies
    /// too when the only relevant positions are in a neighbouring function that shares the trade, not the
    /// discipline (a frontend developer for a backend job), and none of the job's skills is the candidate's.
    public var noEvidence: Double
    /// The different-field factor (default 0): a candidate whose positions were read and are all in
    /// functions unrelated to the job's (a nurse for a backend job, an engineer for an accounting one), and
    /// who shows none of the job's core skills (nor a related skill for one; every required skill when the
    /// job names no core skill), is from another field. A recruiter does not order such candidates, so they
    /// all score the floor (0 by default) instead of a few points from incidental skills (SQL, Excel, Git),
    /// education or the semantic component; 1 turns the rule off. A position in a neighbouring function, a
    /// core skill (listed or shown, or a related one), ``differentFieldSharedSkills`` other skills of the job
    /// used at work, or no position read at all keep a candidate above it.
    /// Applies through ``role``, only for a job whose title names a known function.
    public var differentField: Double
    /// How many of the job's other required or preferred skills a candidate from another field must show in
    /// the experience section to stay above the different-field floor (default 2): one shared skill used at
    /// work (SQL for a data scientist against a product manager's job, Excel for an analyst against an
    /// accountant's) is incidental, two or more are a real link to the job. At least 1.
    public var differentFieldSharedSkills: Double
    /// The calibration: the weighted mean of the components (0 … 1) is mapped to the score through this
    /// piecewise-linear curve of `[raw, score]` points, raw increasing from 0 to 1 and score from 0 to
    /// 100 (default `[[0, 0], [0.5, 52], [0.62, 70], [1, 100]]`; `[[0, 0], [1, 100]]` is none).
    public var calibration: [[Double]]

    /// Weights from their parts.
    ///
    /// - Precondition: the weights are finite and not negative, and `semanticCeiling > semanticFloor`
    ///   (a programmer's error here; values from outside go through ``validate()``).
    public init(
        requiredSkills: Double = 0.45, coreSkills: Double = 0.25, roleMatch: Double = 0.25, role: Double = 1,
        preferredSkills: Double = 0.15,
        experience: Double = 0, education: Double = 0.05, semantic: Double = 0.10, interviewThreshold: Double = 70,
        educationOneLevelBelow: Double = 0.5, semanticFloor: Double = 0.15, semanticCeiling: Double = 0.75,
        coreSkillImportance: Double = 2, neighbourFunction: Double = 0.6, tradeNeighbourFunction: Double = 0.3,
        unrelatedFunction: Double = 0.25,
        levelOneOff: Double = 0.75, levelTwoOff: Double = 0.4, yearsTolerance: Double = 0.75, yearsFloor: Double = 0.5,
        listedSkillCredit: Double = 0.75, noEvidence: Double = 0, differentField: Double = 0,
        differentFieldSharedSkills: Double = 2,
        calibration: [[Double]] = ScoringWeights.defaultCalibration
    ) {
        self.requiredSkills = requiredSkills
        self.coreSkills = coreSkills
        self.roleMatch = roleMatch
        self.role = role
        self.coreSkillImportance = coreSkillImportance
        self.neighbourFunction = neighbourFunction
        self.tradeNeighbourFunction = tradeNeighbourFunction
        self.unrelatedFunction = unrelatedFunction
        self.levelOneOff = levelOneOff
        self.levelTwoOff = levelTwoOff
        self.yearsTolerance = yearsTolerance
        self.yearsFloor = yearsFloor
        self.listedSkillCredit = listedSkillCredit
        self.noEvidence = noEvidence
        self.differentField = differentField
        self.differentFieldSharedSkills = differentFieldSharedSkills
        self.calibration = calibration
        self.preferredSkills = preferredSkills
        self.experience = experience
        self.education = education
        self.semantic = semantic
        self.interviewThreshold = interviewThreshold
        self.educationOneLevelBelow = educationOneLevelBelow
        self.semanticFloor = semanticFloor
        self.semanticCeiling = semanticCeiling
        precondition((try? validate()) != nil, "invalid scoring weights")
    }

    /// The default calibration curve (see ``calibration``).
    public static let defaultCalibration: [[Double]] = [[0, 0], [0.5, 52], [0.62, 70], [1, 100]]

    /// The defaults: required 0.45, core 0.25, preferred 0.15, education 0.05, semantic 0.10, times the
    /// role fit (function, level, years in relevant positions), through the calibration curve.
    public static let standard = ScoringWeights()

    /// Keyword matching only, as the first scorer did: required 0.50, preferred 0.20, experience 0.20,
    /// education 0.10; no core, role or semantic component, every required skill equal, no calibration.
    public static let classic = ScoringWeights(
        requiredSkills: 0.50, coreSkills: 0, roleMatch: 0, role: 0, preferredSkills: 0.20, experience: 0.20,
        education: 0.10,
        semantic: 0, coreSkillImportance: 1, listedSkillCredit: 1, calibration: [[0, 0], [1, 100]])

    /// Checks every number.
    ///
    /// - Throws: ``EngineError/invalidConfiguration(_:)`` naming the first bad value.
    public func validate() throws {
        let named: [(String, Double)] = [
            ("requiredSkills", requiredSkills), ("coreSkills", coreSkills), ("roleMatch", roleMatch),
            ("preferredSkills", preferredSkills), ("experience", experience), ("education", education),
            ("semantic", semantic),
        ]
        for (name, value) in named where !value.isFinite || value < 0 {
            throw EngineError.invalidConfiguration("weight \(name) must be a finite number ≥ 0, not \(value)")
        }
        guard named.contains(where: { $0.1 > 0 }) else {
            throw EngineError.invalidConfiguration("at least one weight must be above 0")
        }
        guard interviewThreshold.isFinite, (0...100).contains(interviewThreshold) else {
            throw EngineError.invalidConfiguration("interviewThreshold must be 0 … 100, not \(interviewThreshold)")
        }
        guard educationOneLevelBelow.isFinite, (0...1).contains(educationOneLevelBelow) else {
            throw EngineError.invalidConfiguration("educationOneLevelBelow must be 0 … 1")
        }
        guard semanticFloor.isFinite, semanticCeiling.isFinite, semanticCeiling > semanticFloor else {
            throw EngineError.invalidConfiguration("semanticCeiling must be above semanticFloor, both finite")
        }
        guard coreSkillImportance.isFinite, (1...10).contains(coreSkillImportance) else {
            throw EngineError.invalidConfiguration("coreSkillImportance must be 1 … 10")
        }
        for (name, value) in [
            ("role", role), ("neighbourFunction", neighbourFunction),
            ("tradeNeighbourFunction", tradeNeighbourFunction), ("unrelatedFunction", unrelatedFunction),
            ("levelOneOff", levelOneOff), ("levelTwoOff", levelTwoOff), ("yearsFloor", yearsFloor),
            ("listedSkillCredit", listedSkillCredit), ("noEvidence", noEvidence), ("differentField", differentField),
        ] where !value.isFinite || !(0...1).contains(value) {
            throw EngineError.invalidConfiguration("\(name) must be 0 … 1")
        }
        guard differentFieldSharedSkills.isFinite, (1...100).contains(differentFieldSharedSkills) else {
            throw EngineError.invalidConfiguration("differentFieldSharedSkills must be 1 … 100")
        }
        guard yearsTolerance.isFinite, yearsTolerance > 0, yearsTolerance <= 1 else {
            throw EngineError.invalidConfiguration("yearsTolerance must be above 0 and at most 1")
        }
        let points = calibration
        guard points.count >= 2, points.count <= 32, points.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isFinite) }),
            points.first == [0, 0], points.last == [1, 100],
            zip(points, points.dropFirst()).allSatisfy({ $0[0] < $1[0] && $0[1] <= $1[1] })
        else {
            throw EngineError.invalidConfiguration(
                "calibration must be 2 … 32 [raw, score] points from [0, 0] to [1, 100], both increasing")
        }
    }

    /// Reads weights from a JSON file (keys as the properties; missing keys keep their defaults).
    ///
    /// - Throws: ``EngineError/invalidConfiguration(_:)`` naming the file when it cannot be read, is not
    ///   JSON of this shape (files over 1 MB are refused), or holds a bad value.
    public static func load(from url: URL) throws -> ScoringWeights {
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber
            guard (size?.intValue ?? 0) <= 1_000_000 else {
                throw EngineError.invalidConfiguration("\(url.path): weights file over 1 MB")
            }
            data = try Data(contentsOf: url)
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.invalidConfiguration("\(url.path): cannot read the weights file")
        }
        do {
            return try JSONDecoder().decode(ScoringWeights.self, from: data)
        } catch EngineError.invalidConfiguration(let reason) {
            throw EngineError.invalidConfiguration("\(url.path): \(reason)")
        } catch {
            throw EngineError.invalidConfiguration("\(url.path): not a JSON object of weights")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case requiredSkills, coreSkills, roleMatch, role, preferredSkills, experience, education, semantic,
            interviewThreshold,
            educationOneLevelBelow, semanticFloor, semanticCeiling, coreSkillImportance, neighbourFunction,
            tradeNeighbourFunction, levelOneOff,
            levelTwoOff, yearsTolerance, calibration, unrelatedFunction, yearsFloor, listedSkillCredit, noEvidence,
            differentField, differentFieldSharedSkills
    }

    /// Decodes and validates; keys left out keep their defaults.
    ///
    /// - Throws: `DecodingError` for a wrong shape, ``EngineError/invalidConfiguration(_:)`` for a bad value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ScoringWeights.standard
        func value(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            try container.decodeIfPresent(Double.self, forKey: key) ?? fallback
        }
        requiredSkills = try value(.requiredSkills, defaults.requiredSkills)
        coreSkills = try value(.coreSkills, defaults.coreSkills)
        role = try value(.role, defaults.role)
        roleMatch = try value(.roleMatch, defaults.roleMatch)
        coreSkillImportance = try value(.coreSkillImportance, defaults.coreSkillImportance)
        neighbourFunction = try value(.neighbourFunction, defaults.neighbourFunction)
        tradeNeighbourFunction = try value(.tradeNeighbourFunction, defaults.tradeNeighbourFunction)
        levelOneOff = try value(.levelOneOff, defaults.levelOneOff)
        levelTwoOff = try value(.levelTwoOff, defaults.levelTwoOff)
        yearsTolerance = try value(.yearsTolerance, defaults.yearsTolerance)
        unrelatedFunction = try value(.unrelatedFunction, defaults.unrelatedFunction)
        yearsFloor = try value(.yearsFloor, defaults.yearsFloor)
        listedSkillCredit = try value(.listedSkillCredit, defaults.listedSkillCredit)
        noEvidence = try value(.noEvidence, defaults.noEvidence)
        differentField = try value(.differentField, defaults.differentField)
        differentFieldSharedSkills = try value(.differentFieldSharedSkills, defaults.differentFieldSharedSkills)
        calibration = try container.decodeIfPresent([[Double]].self, forKey: .calibration) ?? defaults.calibration
        preferredSkills = try value(.preferredSkills, defaults.preferredSkills)
        experience = try value(.experience, defaults.experience)
        education = try value(.education, defaults.education)
        semantic = try value(.semantic, defaults.semantic)
        interviewThreshold = try value(.interviewThreshold, defaults.interviewThreshold)
        educationOneLevelBelow = try value(.educationOneLevelBelow, defaults.educationOneLevelBelow)
        semanticFloor = try value(.semanticFloor, defaults.semanticFloor)
        semanticCeiling = try value(.semanticCeiling, defaults.semanticCeiling)
        try validate()
    }
}

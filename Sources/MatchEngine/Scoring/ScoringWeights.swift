import Foundation

/// How much each component counts in a match score, and the thresholds that turn a score into a
/// decision. Defaults are those of the design document; every number is a setting.
///
/// Weights read from JSON (``load(from:)``, `Decodable`) are checked: a negative, infinite or NaN
/// number, all weights zero, or a semantic floor not below its ceiling is an
/// ``EngineError/invalidConfiguration(_:)``, never a crash. Keys left out keep their defaults.
public struct ScoringWeights: Sendable, Equatable, Codable {
    /// Weight of the share of required skills matched (default 0.40).
    public var requiredSkills: Double
    /// Weight of the share of preferred skills matched (default 0.15).
    public var preferredSkills: Double
    /// Weight of years against the job's minimum (default 0.15).
    public var experience: Double
    /// Weight of the degree against the job's requirement (default 0.10).
    public var education: Double
    /// Weight of the calibrated embedding similarity (default 0.20).
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

    /// Weights from their parts.
    ///
    /// - Precondition: the weights are finite and not negative, and `semanticCeiling > semanticFloor`
    ///   (a programmer's error here; values from outside go through ``validate()``).
    public init(
        requiredSkills: Double = 0.40, preferredSkills: Double = 0.15, experience: Double = 0.15,
        education: Double = 0.10, semantic: Double = 0.20, interviewThreshold: Double = 70,
        educationOneLevelBelow: Double = 0.5, semanticFloor: Double = 0.15, semanticCeiling: Double = 0.75
    ) {
        self.requiredSkills = requiredSkills
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

    /// The design's defaults: required 0.40, preferred 0.15, experience 0.15, education 0.10, semantic 0.20.
    public static let standard = ScoringWeights()

    /// Keyword matching only: required 0.50, preferred 0.20, experience 0.20, education 0.10, no semantic.
    public static let classic = ScoringWeights(
        requiredSkills: 0.50, preferredSkills: 0.20, experience: 0.20, education: 0.10, semantic: 0)

    /// Checks every number.
    ///
    /// - Throws: ``EngineError/invalidConfiguration(_:)`` naming the first bad value.
    public func validate() throws {
        let named: [(String, Double)] = [
            ("requiredSkills", requiredSkills), ("preferredSkills", preferredSkills), ("experience", experience),
            ("education", education), ("semantic", semantic),
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
        case requiredSkills, preferredSkills, experience, education, semantic, interviewThreshold,
            educationOneLevelBelow, semanticFloor, semanticCeiling
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

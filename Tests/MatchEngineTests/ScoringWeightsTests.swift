import Foundation
import TestSupport
import Testing

@testable import MatchEngine

@Suite("Scoring weights from JSON")
struct ScoringWeightsTests {
    @Test("missing keys keep their defaults")
    func defaults() throws {
        let weights = try JSONDecoder().decode(ScoringWeights.self, from: Data(#"{"semantic": 0.5}"#.utf8))
        #expect(weights.semantic == 0.5 && weights.requiredSkills == 0.45 && weights.interviewThreshold == 70)
        #expect(weights.calibration == ScoringWeights.defaultCalibration && weights.role == 1)
    }

    @Test(
        "negative, all-zero, out-of-range and inverted values are clear errors",
        arguments: [
            #"{"requiredSkills": -1}"#,
            #"{"requiredSkills": 0, "coreSkills": 0, "roleMatch": 0, "preferredSkills": 0, "education": 0, "semantic": 0}"#,
            #"{"calibration": [[0, 0], [0.5, 80], [0.4, 90], [1, 100]]}"#,
            #"{"calibration": [[0, 10], [1, 100]]}"#,
            #"{"role": 1.5}"#,
            #"{"coreSkillImportance": 0}"#,
            #"{"interviewThreshold": 150}"#,
            #"{"semanticFloor": 0.9, "semanticCeiling": 0.1}"#,
            #"{"experience": 1e400}"#,
        ])
    func invalid(json: String) throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("weights.json")
        try Data(json.utf8).write(to: file)
        do {
            _ = try ScoringWeights.load(from: file)
            Issue.record("accepted \(json)")
        } catch let error as EngineError {
            guard case .invalidConfiguration(let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reason.hasPrefix(file.path))
        }
    }

    @Test("not JSON, or a missing file, names the file")
    func unreadable() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/weights.json")
        #expect(throws: EngineError.invalidConfiguration("/nonexistent/weights.json: cannot read the weights file")) {
            try ScoringWeights.load(from: missing)
        }
    }
}

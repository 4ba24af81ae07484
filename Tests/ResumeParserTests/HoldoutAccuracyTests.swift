import Foundation
import ParserEvaluation
import TestSupport
import Testing

@testable import ResumeParser

/// The held-out real-renderer set `Fixtures/real-holdout` (`scripts/real-corpus/render-holdout.py`): ten
/// people and eight template families the parser was never tuned on. First measured with the parser at
/// f916df0 (see Fixtures/real-holdout/README.md: mean 0.877, e-mail 0.900, employers 0.845, schools 0.567,
/// degree level 0.750); the failure classes it showed were then fixed as general rules (issue 15), so this set
/// is no longer independent of the parser: a second held-out set measures generalisation. These floors keep
/// later work from silently losing what was fixed.
@Suite("Parse accuracy on the held-out real-renderer set")
struct HoldoutAccuracyTests {
    /// The measurement on `Fixtures/real-holdout` per field (the "all" row) after the failure classes were
    /// fixed; each may drop by 0.03 at most.
    static let holdoutMeasurement: [(name: String, value: Double)] = [
        ("name", 1.000), ("email", 1.000), ("phone", 1.000), ("location", 1.000), ("skills F1", 0.986),
        ("employers", 1.000), ("titles", 1.000), ("dates", 1.000), ("start years", 1.000), ("schools", 1.000),
        ("degree level", 1.000), ("years ±0.5", 1.000), ("skills P", 0.971), ("skills R", 1.000),
    ]

    @Test("held-out set: no field falls more than 0.03 below its measurement")
    func holdoutFloor() throws {
        try checkFloors(set: "real-holdout", resumes: 20, families: 12, measurement: Self.holdoutMeasurement)
    }

    /// The measurement on the second held-out set `Fixtures/real-holdout2` per field (the "all" row) after its
    /// failure classes were fixed as general rules (first measured at mean 0.862, then 0.891 before that work;
    /// see its README); each may drop by 0.03 at most. The set no longer measures generalisation either.
    static let secondHoldoutMeasurement: [(name: String, value: Double)] = [
        ("name", 1.000), ("email", 1.000), ("phone", 1.000), ("location", 1.000), ("skills F1", 0.978),
        ("employers", 1.000), ("titles", 1.000), ("dates", 1.000), ("start years", 1.000), ("schools", 1.000),
        ("degree level", 1.000), ("years ±0.5", 1.000), ("skills P", 0.957), ("skills R", 1.000),
    ]

    @Test("second held-out set: no field falls more than 0.03 below its measurement")
    func secondHoldoutFloor() throws {
        try checkFloors(set: "real-holdout2", resumes: 24, families: 11, measurement: Self.secondHoldoutMeasurement)
    }

    /// Evaluates the fixture set `set` and expects each field at its `measurement` minus 0.03 at most.
    private func checkFloors(
        set: String, resumes: Int, families: Int, measurement: [(name: String, value: Double)]
    ) throws {
        let (evaluation, failures) = try ParseEvaluation.run(
            fixtures: Fixtures.root.appendingPathComponent(set), parser: DocumentParser())
        #expect(failures.isEmpty, "\(failures)")
        #expect(evaluation.overall.resumes == resumes)
        #expect(evaluation.byFamily.count == families, "\(evaluation.byFamily.keys.sorted())")
        let measured = Dictionary(uniqueKeysWithValues: evaluation.overall.measures.map { ($0.name, $0.value) })
        #expect(Set(measured.keys) == Set(measurement.map(\.name)))
        let misses = evaluation.misses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            .joined(separator: "\n")
        for (name, value) in measurement {
            let now = try #require(measured[name], "no measure \(name)")
            #expect(now >= value - 0.03, "\(set): \(name) \(now) fell below its measurement \(value) - 0.03\n\(misses)")
        }
    }
}

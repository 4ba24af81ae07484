import Foundation
import ResumeParser
import TestSupport
import Testing

@testable import MatchEngine

/// Recorded match results are written field by field (``MatchResultJSON``); they must be what `JSONEncoder`
/// with sorted keys writes, byte for byte, and read back as the same result.
@Suite("Stored JSON of a match result")
struct MatchResultJSONTests {
    static func encoderJSON(_ result: MatchResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    @Test("every fixture resume scored against every fixture job, both presets: the same bytes as JSONEncoder")
    func fixtures() throws {
        let parser = DocumentParser()
        let resumes = try
            (Fixtures.resumes
            + FileManager.default.contentsOfDirectory(
                at: Fixtures.root.appendingPathComponent("relevance/resumes"), includingPropertiesForKeys: nil))
            .map {
                CandidateProfile(
                    try parser.parseResume(contentsOf: $0), referenceMonth: YearMonth(year: 2025, month: 6))
            }
        let jobs = try FileManager.default.contentsOfDirectory(
            at: Fixtures.root.appendingPathComponent("jobs"), includingPropertiesForKeys: nil
        ).map { try parser.parseJob(contentsOf: $0) }
        var compared = 0
        for weights in [ScoringWeights.standard, .classic] {
            let scorer = MatchScorer(weights: weights)
            for job in jobs {
                let prepared = scorer.prepare(job)
                for (number, resume) in resumes.enumerated() {
                    let result = scorer.score(resume, against: prepared, similarity: number % 3 == 0 ? nil : 0.41)
                    #expect(MatchResultJSON.string(result) == (try Self.encoderJSON(result)))
                    compared += 1
                }
            }
        }
        #expect(compared >= 1_000)
    }

    @Test("random results (optional fields absent or set, odd characters and numbers): same bytes, read back")
    func randomResults() throws {
        var generator = SeededGenerator(seed: 23)
        let odd = [
            "quote \" backslash \\ slash /", "tab \t line \n return \r", "nul \u{0} unit \u{1F} delete \u{7F}",
            "é 😀 \u{2028} \u{FEFF}", "C++", "", "Node.js",
        ]
        let numbers: [Double] = [0, 1, 0.5, 1.0 / 3, 1e-7, 2.5e-5, 87.3, 100, 1e16, 123_456.789, -0.25]
        func text() -> String { odd.randomElement(using: &generator) ?? "" }
        func texts() -> [String] { (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() } }
        func number() -> Double {
            Bool.random(using: &generator)
                ? numbers.randomElement(using: &generator) ?? 0 : Double.random(in: 0...1, using: &generator)
        }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &generator) ? value() : nil }
        for _ in 0..<2_000 {
            let result = MatchResult(
                score: number(), decision: Bool.random(using: &generator) ? .interview : .reject,
                components: MatchResult.Component.Kind.allCases.shuffled(using: &generator).prefix(3).map {
                    MatchResult.Component(kind: $0, value: number(), weight: number())
                },
                factors: MatchResult.Factor.Kind.allCases.shuffled(using: &generator).prefix(2).map {
                    MatchResult.Factor(kind: $0, value: number())
                },
                matchedRequiredSkills: texts(), missingRequiredSkills: texts(),
                relatedSkills: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    MatchResult.RelatedSkill(required: text(), candidate: text(), credit: number())
                },
                skillsShownByTitles: texts(), matchedPreferredSkills: texts(), missingPreferredSkills: texts(),
                candidateYears: number(), relevantYears: maybe(number()),
                jobLevel: maybe(SeniorityLevel.allCases.randomElement(using: &generator)) ?? nil,
                candidateLevel: maybe(SeniorityLevel.allCases.randomElement(using: &generator)) ?? nil,
                yearsGap: number(),
                candidateDegree: maybe(DegreeLevel.allCases.randomElement(using: &generator)) ?? nil,
                missingDegree: maybe(DegreeLevel.allCases.randomElement(using: &generator)) ?? nil,
                gaps: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    MatchResult.Gap(
                        kind: [.missingRequiredSkill, .missingPreferredSkill, .yearsShort, .degreeBelowRequired]
                            .randomElement(using: &generator) ?? .yearsShort,
                        skill: maybe(text()), years: maybe(number()),
                        degree: maybe(DegreeLevel.allCases.randomElement(using: &generator)) ?? nil)
                },
                strengths: texts(), advice: texts())
            let written = try #require(MatchResultJSON.string(result))
            #expect(written == (try Self.encoderJSON(result)))
            #expect(try JSONDecoder().decode(MatchResult.self, from: Data(written.utf8)) == result)
        }
    }

    @Test("a number JSON cannot write leaves it to JSONEncoder, which reports it")
    func nonFinite() {
        var result = MatchResult(
            score: 50, decision: .reject, components: [], matchedRequiredSkills: [], missingRequiredSkills: [],
            matchedPreferredSkills: [], missingPreferredSkills: [], candidateYears: 3, yearsGap: 0,
            candidateDegree: nil, missingDegree: nil, gaps: [], strengths: [], advice: [])
        #expect(MatchResultJSON.string(result) != nil)
        result.relevantYears = .nan
        #expect(MatchResultJSON.string(result) == nil)
        #expect(throws: (any Error).self) { try DocumentStore.json(result) }
    }
}

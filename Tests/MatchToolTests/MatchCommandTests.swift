import Foundation
import TestSupport
import Testing

@Suite("match-tool match, end to end")
struct MatchCommandTests {
    @Test("ranks every fixture resume by score, best first, keyword-only")
    func ranked() throws {
        let run = try MatchToolProcess.run([
            "match", "--job", Fixtures.job("backend-engineer.txt").path,
            Fixtures.root.appendingPathComponent("resumes").path,
            "--no-semantic", "--format", "json", "--as-of", "2026-11",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(lines.count == Fixtures.resumes.count)
        let scores = lines.compactMap { ($0["result"] as? [String: Any])?["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        #expect(lines.map { $0["rank"] as? Int } == Array(1...lines.count))
    }

    @Test("with the model, the semantic component is part of the score")
    func semantic() throws {
        let run = try MatchToolProcess.run([
            "match", "--job", Fixtures.job("backend-engineer.txt").path, Fixtures.resume(1).path,
            Fixtures.resume(2).path,
            "--format", "json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let first = try #require(
            run.standardOutput.split(separator: "\n").first.flatMap {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            })
        let components = try #require((first["result"] as? [String: Any])?["components"] as? [[String: Any]])
        #expect(components.contains { $0["kind"] as? String == "semantic" })
    }

    @Test("the table names the job and the candidates; a bad resume fails alone")
    func table() throws {
        let bad = Fixtures.root.appendingPathComponent("bad/truncated.pdf")
        let run = try MatchToolProcess.run([
            "match", "--job", Fixtures.job("backend-engineer.txt").path, Fixtures.resume(3).path, bad.path,
            "--no-semantic",
        ])
        #expect(run.status == 1)
        #expect(run.standardOutput.hasPrefix("Senior Backend Engineer: 1 candidates"))
        #expect(run.standardError.contains("truncated.pdf"))
    }
}

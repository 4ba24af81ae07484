import Foundation
import ParserEvaluation
import TestSupport
import Testing

@Suite("match-tool parse, parse-job and eval-parse, end to end")
struct ParseCommandTests {
    @Test("parse prints one JSON object per file with the documented fields; a bad file fails alone")
    func parse() throws {
        let bad = Fixtures.root.appendingPathComponent("bad/garbage.pdf")
        let run = try MatchToolProcess.run([
            "parse", "--as-of", "2026-11", Fixtures.resume(1).path, bad.path, Fixtures.resume(3).path,
        ])
        #expect(run.status == 1)
        #expect(run.standardError.contains("garbage.pdf"))
        let objects = run.standardOutput.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(objects.count == 2)
        let first = try #require(objects.first)
        let truth = try GroundTruth(forResume: Fixtures.resume(1))
        let contact = try #require(first["contact"] as? [String: Any])
        #expect(contact["name"] as? String == truth.contact.name)
        #expect(contact["phone"] as? String == truth.contact.phone)
        for key in ["source", "format", "skills", "experience", "education", "totalExperienceYears", "sections"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        let experience = try #require(first["experience"] as? [[String: Any]])
        let current = try #require(experience.first)
        #expect(current["end"] is NSNull, "a current position has end null")
        #expect((current["start"] as? String)?.count == 7, "YYYY-MM")
        let skills = try #require(first["skills"] as? [[String: Any]])
        #expect(skills.allSatisfy { $0["name"] is String && $0["category"] is String })
    }

    @Test("parse --format table and parse-job")
    func tableAndJob() throws {
        let table = try MatchToolProcess.run([
            "parse", "--format", "table", Fixtures.root.appendingPathComponent("resumes").path,
        ])
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.split(separator: "\n").count == Fixtures.resumes.count + 2)
        let job = try MatchToolProcess.run(["parse-job", Fixtures.job("backend-engineer.txt").path])
        #expect(job.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(job.standardOutput.utf8)) as? [String: Any])
        #expect(object["minimumYears"] as? Double == 5)
        #expect(object["requiredDegree"] as? String == "bachelor")
    }

    @Test("eval-parse prints the accuracy table")
    func evalParse() throws {
        let run = try MatchToolProcess.run(["eval-parse", Fixtures.root.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("skills F1"))
        #expect(run.standardOutput.contains("pdf-two-column"))
    }

    @Test("eval-parse --by family lists each template family, with skills precision and recall")
    func evalParseByFamily() throws {
        let run = try MatchToolProcess.run([
            "eval-parse", Fixtures.root.appendingPathComponent("real").path, "--by", "family", "--by", "format",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        for column in ["family", "skills F1", "skills P", "skills R", "schools", "start years", "mean"] {
            #expect(header.contains(column), "\(header)")
        }
        for row in ["moderncv-classic ", "altacv ", "text-export ", "pdf ", "docx ", "txt "] {
            #expect(lines.contains { $0.hasPrefix(row) }, "no row \(row)")
        }
        #expect(!lines.contains { $0.hasPrefix("layout") }, "only the groupings asked for")
    }

    @Test("eval-parse over a folder without truth files fails with a clear error")
    func evalParseWithoutTruth() throws {
        let folder = try Fixtures.resumesWithoutTruth()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try MatchToolProcess.run(["eval-parse", folder.path])
        #expect(run.status == 66)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("ground-truth file"), "\(run.standardError)")
    }
}

import Foundation
import TestSupport
import Testing

/// `match-tool score` run as a user would: every output format read back, a second run reusing the
/// engine, a folder with bad files, and the exit statuses.
@Suite("match-tool score, end to end")
struct ScoreCommandTests {
    static let job = Fixtures.job("backend-engineer.txt").path
    static let resumes = Fixtures.root.appendingPathComponent("resumes").path

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("JSON lists every resume ranked with every field of the explanation; a second run stores nothing new")
    func jsonAndSecondRun() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = [
            "score", "--db", folder.appendingPathComponent("db").path, "--provider", "hashing", "--job", Self.job,
            Self.resumes, "--format", "json", "--as-of", "2026-11",
        ]
        let first = try MatchToolProcess.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardError.contains("60 stored, 0 already stored, 0 failed"))
        let report = try Self.json(first.standardOutput)
        let job = try #require(report["job"] as? [String: Any])
        #expect(job["title"] as? String == "Senior Backend Engineer")
        #expect((job["requiredSkills"] as? [String])?.contains("Kubernetes") == true)
        let candidates = try #require(report["candidates"] as? [[String: Any]])
        #expect(candidates.count == Fixtures.resumes.count)
        #expect(candidates.map { $0["rank"] as? Int } == Array(1...candidates.count))
        let scores = candidates.compactMap { ($0["result"] as? [String: Any])?["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        let result = try #require(candidates.first?["result"] as? [String: Any])
        for key in [
            "score", "decision", "components", "matchedRequiredSkills", "missingRequiredSkills",
            "matchedPreferredSkills", "missingPreferredSkills", "candidateYears", "yearsGap", "gaps", "strengths",
            "advice",
        ] {
            #expect(result[key] != nil, "result lacks \(key)")
        }
        let components = try #require(result["components"] as? [[String: Any]])
        #expect(components.contains { $0["kind"] as? String == "semantic" })
        #expect(candidates.first?["candidate"] as? [String: Any] != nil)

        let second = try MatchToolProcess.run(arguments)
        #expect(second.status == 0)
        #expect(second.standardError.contains("0 stored, 60 already stored, 0 failed"))
        let again = try #require(try Self.json(second.standardOutput)["candidates"] as? [[String: Any]])
        #expect(again.compactMap { ($0["result"] as? [String: Any])?["score"] as? Double } == scores)
    }

    @Test("the table names the job and the candidates; --top limits it; only the named resumes are ranked")
    func table() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db").path
        let run = try MatchToolProcess.run([
            "score", "--db", database, "--provider", "hashing", "--job", Self.job, Fixtures.resume(1).path,
            Fixtures.resume(2).path, Fixtures.resume(3).path, "--top", "2", "--quiet",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("Senior Backend Engineer (sha256:"))
        #expect(run.standardOutput.contains(": 2 candidates"))
        #expect(run.standardError.isEmpty, "--quiet: \(run.standardError)")
        let rows = run.standardOutput.split(separator: "\n").filter { $0.first == "1" || $0.first == "2" }
        #expect(rows.count == 2)
        // Another batch into the same engine is ranked alone.
        let other = try MatchToolProcess.run([
            "score", "--db", database, "--provider", "hashing", "--job", Self.job, Fixtures.resume(4).path,
            Fixtures.resume(5).path, "--progress", "bar",
        ])
        #expect(other.status == 0)
        #expect(other.standardError.contains("\r\u{1B}[2K[###############...............] 1/2 files"))
        #expect(other.standardError.contains("] 2/2 files"))
        #expect(other.standardOutput.contains(": 2 candidates"))
        #expect(other.standardOutput.contains(Fixtures.resume(4).lastPathComponent))
    }

    @Test("CSV is RFC 4180 with an optional BOM, and formula-like cells are neutralised")
    func csv() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let resumes = folder.appendingPathComponent("resumes")
        try FileManager.default.createDirectory(at: resumes, withIntermediateDirectories: true)
        let planted = resumes.appendingPathComponent("=HYPERLINK(\"http:evil\",\"x\").txt")
        try FileManager.default.copyItem(at: Fixtures.resume(1), to: planted)
        try FileManager.default.copyItem(
            at: Fixtures.resume(7), to: resumes.appendingPathComponent(Fixtures.resume(7).lastPathComponent))
        let output = folder.appendingPathComponent("shortlist.csv")
        let run = try MatchToolProcess.run([
            "score", "--db", folder.appendingPathComponent("db").path, "--provider", "hashing", "--job", Self.job,
            resumes.path, "--format", "csv", "--bom", "--output", output.path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        let bytes = try Data(contentsOf: output)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let records = try CSVReader.parse(text)
        let header = try #require(records.first)
        #expect(header.prefix(8) == ["rank", "candidate_id", "name", "email", "location", "file", "score", "decision"])
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.count == header.count })
        let fileColumn = try #require(header.firstIndex(of: "file"))
        let files = records.dropFirst().map { $0[fileColumn] }
        #expect(files.contains("'=HYPERLINK(\"http:evil\",\"x\").txt"))
        #expect(records.dropFirst().allSatisfy { Double($0[6]) != nil })
    }

    @Test("a folder with bad files: each is reported with its path and reason, the rest are ranked, exit 1")
    func badFiles() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let resumes = folder.appendingPathComponent("resumes")
        try FileManager.default.createDirectory(at: resumes, withIntermediateDirectories: true)
        let bad = ["truncated.pdf", "encrypted.pdf", "empty.txt", "not-a-word-file.docx"]
        for name in bad {
            try FileManager.default.copyItem(
                at: Fixtures.root.appendingPathComponent("bad/\(name)"), to: resumes.appendingPathComponent(name))
        }
        for number in [1, 2] {
            try FileManager.default.copyItem(
                at: Fixtures.resume(number),
                to: resumes.appendingPathComponent(Fixtures.resume(number).lastPathComponent))
        }
        let run = try MatchToolProcess.run([
            "score", "--db", folder.appendingPathComponent("db").path, "--provider", "hashing", "--job", Self.job,
            resumes.path, "--progress", "plain",
        ])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains(": 2 candidates"))
        for name in bad {
            #expect(run.standardError.contains("error: \(resumes.appendingPathComponent(name).path)"), "\(name)")
        }
        #expect(run.standardError.contains("2 stored, 0 already stored, 4 failed"))
        #expect(run.standardError.contains("failed:\n"))
        #expect(run.standardError.contains("ingest: 6/6 files"))
    }

    @Test("exit statuses: missing job or input 66, usage 64, configuration 78, storage 74")
    func exitStatuses() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db").path
        let base = ["score", "--db", database, "--provider", "hashing"]

        let noJob = try MatchToolProcess.run(
            base + ["--job", folder.appendingPathComponent("nope.md").path, Self.resumes])
        #expect(noJob.status == 66)
        #expect(noJob.standardError.contains("nope.md: job description not found"))

        let missing = folder.appendingPathComponent("missing.pdf").path
        let noInput = try MatchToolProcess.run(base + ["--job", Self.job, Fixtures.resume(1).path, missing])
        #expect(noInput.status == 66)
        #expect(noInput.standardError.contains("missing.pdf"))
        #expect(noInput.standardOutput.contains(": 1 candidates"))

        let usage = try MatchToolProcess.run(base + ["--job", Self.job, Self.resumes, "--format", "xml"])
        #expect(usage.status == 64)

        let weights = folder.appendingPathComponent("weights.json")
        try Data(#"{"requiredSkills": -1}"#.utf8).write(to: weights)
        let badWeights = try MatchToolProcess.run(
            base + ["--job", Self.job, Fixtures.resume(1).path, "--weights", weights.path])
        #expect(badWeights.status == 78)
        #expect(badWeights.standardError.contains("requiredSkills"))

        let badEnvironment = try MatchToolProcess.run(
            base + ["--job", Self.job, Fixtures.resume(1).path], environment: ["MATCH_ENGINE_TOP": "many"])
        #expect(badEnvironment.status == 78)
        #expect(badEnvironment.standardError.contains("top must be a whole number"))
        #expect(badEnvironment.standardError.contains("MATCH_ENGINE_TOP"))

        let noModel = try MatchToolProcess.run(
            ["score", "--db", database, "--provider", "minilm", "--job", Self.job, Fixtures.resume(1).path],
            environment: ["MATCH_ENGINE_MODEL_DIR": folder.appendingPathComponent("no-model").path])
        #expect(noModel.status == 78)
        #expect(noModel.standardError.contains("model files not found at"))
        #expect(noModel.standardError.contains("MATCH_ENGINE_MODEL_DIR"))

        let notADirectory = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: notADirectory)
        let storage = try MatchToolProcess.run(
            ["score", "--db", notADirectory.path, "--provider", "hashing", "--job", Self.job, Fixtures.resume(1).path])
        #expect(storage.status == 74)

        let help = try MatchToolProcess.run(["score", "--help"])
        #expect(help.status == 0)
        for code in ["64 usage", "66 the job", "74 storage", "78 configuration"] {
            #expect(help.standardOutput.contains(code))
        }
    }
}

/// Reads CSV per RFC 4180 (quoted fields with doubled quotes, CRLF records), strictly: a malformed
/// document throws.
enum CSVReader {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\r" {
                guard scalars.popFirst() == "\n" else { throw Malformed() }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else if scalar == "\n" {
                throw Malformed()
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted, field.isEmpty, record.isEmpty else { throw Malformed() }
        return records
    }
}

import Foundation
import TestSupport
import Testing

/// `match-tool rag` and `match-tool search`, run as a user would, on the fixtures with the hashing provider.
@Suite("match-tool rag and search, end to end")
struct RagCommandTests {
    /// An engine folder with the fixture resumes and jobs in namespace `acme`; the caller removes `folder`.
    static func ingested() throws -> (folder: URL, database: String) {
        let folder = try Fixtures.temporaryDirectory()
        let database = folder.appendingPathComponent("engine").path
        let run = try MatchToolProcess.run([
            "ingest", "--db", database, "--provider", "hashing", "--namespace", "acme", "--job",
            Fixtures.root.appendingPathComponent("jobs").path, Fixtures.root.appendingPathComponent("resumes").path,
        ])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        return (folder, database)
    }

    @Test("rag prints numbered citations within the budget; JSON lines carry source, section, offsets, scores")
    func rag() throws {
        let (folder, database) = try Self.ingested()
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = ["--db", database, "--provider", "hashing", "--namespace", "acme"]
        let text = try MatchToolProcess.run(
            ["rag"] + common + ["Which job requires MLflow?", "--budget", "600", "--minimum-similarity", "0"])
        #expect(text.status == 0, "stderr: \(text.standardError)")
        #expect(text.standardOutput.hasPrefix("[1] ") && text.standardOutput.contains("ml-engineer.md"))
        #expect(text.standardOutput.count <= 601)

        let json = try MatchToolProcess.run(
            ["rag"] + common + ["Who speaks Swahili?", "--format", "json", "--k", "3", "--minimum-similarity", "0"])
        #expect(json.status == 0, "stderr: \(json.standardError)")
        let lines = json.standardOutput.split(separator: "\n")
        #expect(!lines.isEmpty && lines.count <= 3)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["rank", "source", "kind", "section", "start", "end", "fusedScore", "text"] {
                #expect(object[key] != nil, "\(key) in \(line)")
            }
        }
        #expect(json.standardOutput.contains("Swahili"))

        let hostile = try MatchToolProcess.run(["rag"] + common + ["\"NEAR( tags : n1 * OR"])
        #expect(hostile.status == 0, "stderr: \(hostile.standardError)")
    }

    @Test("another namespace sees nothing; unknown namespaces exit 66; bad flags exit 64")
    func isolationAndErrors() throws {
        let (folder, database) = try Self.ingested()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = try MatchToolProcess.run([
            "ingest", "--db", database, "--provider", "hashing", "--namespace", "other", Fixtures.resume(2).path,
        ])
        #expect(other.status == 0)
        let inOther = try MatchToolProcess.run([
            "rag", "--db", database, "--provider", "hashing", "--namespace", "other", "--format", "json",
            "--minimum-similarity", "0", "Swahili Kubernetes MLflow Portuguese",
        ])
        #expect(inOther.status == 0, "stderr: \(inOther.standardError)")
        for line in inOther.standardOutput.split(separator: "\n") {
            #expect(line.contains("02-jordan-achterberg.md"), "only namespace other's resume: \(line)")
        }
        let missing = try MatchToolProcess.run([
            "rag", "--db", database, "--provider", "hashing", "--namespace", "nowhere", "question",
        ])
        #expect(missing.status == 66 && missing.standardError.contains("no namespace"))
        let badK = try MatchToolProcess.run(["rag", "--db", database, "--provider", "hashing", "--k", "0", "q"])
        #expect(badK.status == 64)
    }

    @Test("search ranks candidates by their best passages")
    func search() throws {
        let (folder, database) = try Self.ingested()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try MatchToolProcess.run([
            "search", "--db", database, "--provider", "hashing", "--namespace", "acme", "Swahili", "--format",
            "json", "--limit", "5",
        ])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(!lines.isEmpty && lines.count <= 5)
        #expect(lines.first?.contains("\"rank\":1") == true && lines.first?.contains("Swahili") == true)
        let table = try MatchToolProcess.run([
            "search", "--db", database, "--provider", "hashing", "--namespace", "acme", "Swahili",
        ])
        #expect(table.status == 0 && table.standardOutput.hasPrefix("#"))
    }
}

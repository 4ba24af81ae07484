import Foundation
import TestSupport
import Testing

@Suite("match-tool embed, end to end")
struct EmbedCommandTests {
    static func floats(_ data: Data) -> [Float] {
        data.withUnsafeBytes { raw in
            (0..<raw.count / 4).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
            }
        }
    }

    @Test("MiniLM f32 output matches the sentence-transformers reference embeddings")
    func miniLMMatchesReference() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("vectors.f32")
        let sentences = Fixtures.root.appendingPathComponent("minilm/ref_sentences.txt")
        let run = try MatchToolProcess.run(["embed", sentences.path, "--format", "f32", "--output", output.path])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let ours = Self.floats(try Data(contentsOf: output))
        let reference = Self.floats(
            try Data(contentsOf: Fixtures.root.appendingPathComponent("minilm/ref_embeddings.f32")))
        let lines =
            try String(contentsOf: sentences, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .count - 1
        #expect(ours.count == lines * 384)
        #expect(ours.count == reference.count)
        let worst = zip(ours, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-4, "max abs difference \(worst)")
        #expect(run.standardError.contains("embedded \(lines) texts with sentence-transformers/all-MiniLM-L6-v2"))
    }

    @Test("hashing JSON: one unit-length array per line, empty lines kept, same output every run")
    func hashingJSON() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("lines.txt")
        try "Senior Swift developer\n\nGo and Kubernetes\r\nPostgreSQL\n".write(
            to: input, atomically: true, encoding: .utf8)
        let arguments = ["embed", input.path, "--provider", "hashing", "--dimension", "16"]
        let run = try MatchToolProcess.run(arguments)
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let rows = run.standardOutput.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [Double] ?? []
        }
        #expect(rows.map(\.count) == [16, 16, 16, 16])
        let norms = rows.map { $0.reduce(0) { $0 + $1 * $1 } }
        #expect(abs(norms[0] - 1) < 1e-5 && norms[1] == 0 && abs(norms[2] - 1) < 1e-5)
        #expect(try MatchToolProcess.run(arguments).standardOutput == run.standardOutput)
    }

    @Test("--database caches vectors: the second run embeds nothing")
    func persistentCache() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("lines.txt")
        try "alpha\nbeta\nalpha\n".write(to: input, atomically: true, encoding: .utf8)
        let arguments = [
            "embed", input.path, "--provider", "hashing", "--database", folder.appendingPathComponent("c.sqlite").path,
        ]
        let first = try MatchToolProcess.run(arguments)
        #expect(first.standardError.contains("0 hits (0 from the database), 3 misses"), "\(first.standardError)")
        let second = try MatchToolProcess.run(arguments)
        #expect(second.standardError.contains("3 hits (3 from the database), 0 misses"), "\(second.standardError)")
        #expect(first.standardOutput == second.standardOutput)
    }

    @Test("--db caches vectors in an engine's database, which ingest then reuses")
    func engineCache() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("lines.txt")
        try "alpha\nbeta\n".write(to: input, atomically: true, encoding: .utf8)
        let engine = folder.appendingPathComponent("engine").path
        let arguments = ["embed", input.path, "--provider", "hashing", "--db", engine]
        let first = try MatchToolProcess.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardError.contains("0 hits (0 from the database), 2 misses"), "\(first.standardError)")
        let second = try MatchToolProcess.run(arguments)
        #expect(second.standardError.contains("2 hits (2 from the database), 0 misses"), "\(second.standardError)")
        let stats = try MatchToolProcess.run(["db", "stats", "--db", engine, "--provider", "hashing", "--quiet"])
        #expect(stats.standardOutput.contains("embedding cache: 2 vectors"), "\(stats.standardOutput)")
        let both = try MatchToolProcess.run(arguments + ["--database", folder.appendingPathComponent("c.sqlite").path])
        #expect(both.status == 64)
    }

    @Test("--provider http calls the service with the key, retries a 503, and reports usage")
    func http() throws {
        let attempts = Counter()
        let server = try LocalHTTPServer { request in
            guard attempts.increment() > 1 else { return .init(status: 503) }
            let inputs = request.json?["input"] as? [String] ?? []
            let authorised = request.headers["authorization"] == "Bearer sk-cli-test"
            let items = inputs.indices.map { ["index": $0, "embedding": [authorised ? 2.0 : 0.0, 0.0, 0.0]] }
            return .json(["data": items, "usage": ["prompt_tokens": 7]])
        }
        defer { server.stop() }
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("lines.txt")
        try "one\ntwo\n".write(to: input, atomically: true, encoding: .utf8)
        let run = try MatchToolProcess.run(
            [
                "embed", input.path, "--provider", "http", "--base-url", server.baseURL.absoluteString, "--dimension",
                "3", "--api-key-env", "ME_CLI_KEY", "--model", "tiny",
            ], environment: ["ME_CLI_KEY": "sk-cli-test"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardOutput == "[1.0,0.0,0.0]\n[1.0,0.0,0.0]\n")
        #expect(run.standardError.contains("HTTP: 2 requests, 1 failed, 7 tokens"), "\(run.standardError)")
        #expect(!run.standardError.contains("sk-cli-test"))
    }

    @Test("a missing input file or API key fails with a message and status 1")
    func failures() throws {
        let missing = try MatchToolProcess.run(["embed", "/nonexistent/lines.txt", "--provider", "hashing"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("/nonexistent/lines.txt"))
        let noKey = try MatchToolProcess.run(
            ["embed", "-", "--provider", "http", "--dimension", "3", "--api-key-env", "ME_UNSET_KEY_VARIABLE"])
        #expect(noKey.status == 1)
        #expect(noKey.standardError.contains("ME_UNSET_KEY_VARIABLE is not set"))
        let usage = try MatchToolProcess.run(["embed", "-", "--provider", "http"])
        #expect(usage.status == 64)
        #expect(usage.standardError.contains("--dimension"))
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The count after adding one.
    func increment() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
}

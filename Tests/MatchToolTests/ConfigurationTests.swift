import Foundation
import TestSupport
import Testing

/// defaults < match-tool.json (or --config) < MATCH_ENGINE_* < flags, read back from `config show` and
/// from what `score` does.
@Suite("match-tool configuration precedence, end to end")
struct ConfigurationTests {
    static func settings(_ run: MatchToolProcess.Result) -> [String: (value: String, source: String)] {
        var settings: [String: (value: String, source: String)] = [:]
        for line in run.standardOutput.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                let key = object["key"]
            else { continue }
            settings[key] = (object["value"] ?? "", object["source"] ?? "")
        }
        return settings
    }

    @Test("each layer overrides the one below, and config show says where each value came from")
    func precedence() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("match-tool.json")
        try Data(#"{"namespace": "from-file", "provider": "hashing", "format": "json", "top": 2}"#.utf8).write(to: file)
        let clean: [String: String?] = [
            "MATCH_ENGINE_NAMESPACE": nil, "MATCH_ENGINE_PROVIDER": nil, "MATCH_ENGINE_FORMAT": nil,
            "MATCH_ENGINE_TOP": nil, "MATCH_ENGINE_DB": nil,
        ]

        let fileOnly = Self.settings(
            try MatchToolProcess.run(
                ["config", "show", "--format", "json"], environment: clean, currentDirectory: folder))
        #expect(fileOnly["namespace"]?.value == "from-file")
        #expect(fileOnly["namespace"]?.source == "file \(file.path)")
        #expect(fileOnly["preset"]?.source == "default")

        var environment = clean
        environment["MATCH_ENGINE_NAMESPACE"] = "from-env"
        let withEnvironment = Self.settings(
            try MatchToolProcess.run(
                ["config", "show", "--format", "json"], environment: environment, currentDirectory: folder))
        #expect(withEnvironment["namespace"]?.value == "from-env")
        #expect(withEnvironment["namespace"]?.source == "environment MATCH_ENGINE_NAMESPACE")
        #expect(withEnvironment["provider"]?.value == "hashing")

        let withFlag = Self.settings(
            try MatchToolProcess.run(
                ["config", "show", "--format", "json", "--namespace", "from-flag"], environment: environment,
                currentDirectory: folder))
        #expect(withFlag["namespace"]?.value == "from-flag")
        #expect(withFlag["namespace"]?.source == "flag --namespace")

        // What score does follows the same layers: the file's format and top, the environment's namespace.
        let database = folder.appendingPathComponent("db").path
        let scored = try MatchToolProcess.run(
            [
                "score", "--db", database, "--job", Fixtures.job("backend-engineer.txt").path, Fixtures.resume(1).path,
                Fixtures.resume(2).path, Fixtures.resume(3).path, "--quiet",
            ], environment: environment, currentDirectory: folder)
        #expect(scored.status == 0, "\(scored.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(scored.standardOutput.utf8)) as? [String: Any])
        #expect(report["namespace"] as? String == "from-env")
        #expect((report["candidates"] as? [[String: Any]])?.count == 2)
        let table = try MatchToolProcess.run(
            [
                "score", "--db", database, "--job", Fixtures.job("backend-engineer.txt").path, Fixtures.resume(1).path,
                "--format", "table", "--quiet",
            ], environment: environment, currentDirectory: folder)
        #expect(table.standardOutput.hasPrefix("Senior Backend Engineer"))
    }

    @Test("an unknown key or a bad value is a configuration error naming the key (exit 78)")
    func errors() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("custom.json")
        try Data(#"{"namespase": "typo"}"#.utf8).write(to: file)
        let unknown = try MatchToolProcess.run(["config", "show", "--config", file.path])
        #expect(unknown.status == 78)
        #expect(unknown.standardError.contains("unknown configuration key \"namespase\""))

        try Data(#"{"provider": "gpt"}"#.utf8).write(to: file)
        let bad = try MatchToolProcess.run(["config", "show", "--config", file.path])
        #expect(bad.status == 78)
        #expect(bad.standardError.contains("provider must be one of minilm, hashing"))

        let missing = try MatchToolProcess.run([
            "config", "show", "--config", folder.appendingPathComponent("no.json").path,
        ])
        #expect(missing.status == 78)
        #expect(missing.standardError.contains("configuration file not found"))
    }

    @Test("--help shows examples and the exit statuses; completion scripts are generated")
    func helpAndCompletion() throws {
        let engineCommands: [[String]] = [
            ["score"], ["ingest"], ["jobs", "add"], ["jobs", "list"], ["jobs", "rm"], ["candidates", "list"],
            ["candidates", "show"], ["candidates", "rm"], ["rank"], ["explain"], ["status", "set"], ["status", "show"],
            ["status", "history"], ["db", "check"], ["db", "rebuild-index"], ["db", "stats"], ["config", "show"],
        ]
        for command in engineCommands + [["parse"], ["parse-job"], ["eval-parse"], ["embed"]] {
            let help = try MatchToolProcess.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.standardOutput.contains("Example"), "\(command)")
            if engineCommands.contains(command) {
                #expect(help.standardOutput.contains("78 configuration error"), "\(command)")
            }
        }
        let bash = try MatchToolProcess.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(bash.standardOutput.contains("score"))
    }
}

/// `--provider http` on the engine commands, configured through the environment.
@Suite("match-tool score --provider http, end to end")
struct HTTPProviderScoreTests {
    @Test("score embeds through an OpenAI-compatible service named by MATCH_ENGINE_HTTP_* variables")
    func score() throws {
        let requests = RequestCount()
        let server = try LocalHTTPServer { request in
            requests.add()
            let inputs = request.json?["input"] as? [String] ?? []
            let items = inputs.enumerated().map { offset, text in
                ["index": offset, "embedding": [1.0, Double(text.count % 7), 0.5, 0.25]]
            }
            return .json(["data": items, "usage": ["prompt_tokens": 3]])
        }
        defer { server.stop() }
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment: [String: String?] = [
            "MATCH_ENGINE_HTTP_BASE_URL": server.baseURL.absoluteString, "MATCH_ENGINE_HTTP_MODEL": "tiny",
            "MATCH_ENGINE_HTTP_DIMENSION": "4", "MATCH_ENGINE_HTTP_API_KEY_VARIABLE": "ME_SCORE_KEY",
            "ME_SCORE_KEY": "sk-score",
        ]
        let run = try MatchToolProcess.run(
            [
                "score", "--db", folder.appendingPathComponent("db").path, "--provider", "http", "--job",
                Fixtures.job("backend-engineer.txt").path, Fixtures.resume(1).path, Fixtures.resume(2).path,
                "--format", "json", "--quiet",
            ], environment: environment)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(requests.value > 0)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect((report["candidates"] as? [[String: Any]])?.count == 2)

        var noKey = environment
        noKey["ME_SCORE_KEY"] = .some(nil)
        let refused = try MatchToolProcess.run(
            [
                "score", "--db", folder.appendingPathComponent("db2").path, "--provider", "http", "--job",
                Fixtures.job("backend-engineer.txt").path, Fixtures.resume(1).path,
            ], environment: noKey)
        #expect(refused.status == 78)
        #expect(refused.standardError.contains("ME_SCORE_KEY is not set"))
    }
}

private final class RequestCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

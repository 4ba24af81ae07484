import Foundation
import Logging
import ResumeParser
import TestSupport
import Testing
import VectorIndex

@testable import MatchEngine

@Suite("Engine security: namespace isolation, log hygiene, paths")
struct EngineSecurityTests {
    /// The text fixtures (fast to parse) and the candidate each one is.
    static let files = Fixtures.resumes.filter { ["txt", "md"].contains($0.pathExtension) }

    /// Namespace isolation over random operation sequences: a seeded loop (seeds in the arguments, so a
    /// failing sequence is replayed by its seed) rather than a property-testing library, because the
    /// operations are async and stateful (shrinking would have to replay the engine) and the package
    /// takes no test-only dependency. A model keeps which candidates each namespace holds; after every
    /// step, every query path of every namespace sees exactly its own candidates, and after a reopen too.
    @Test("namespace isolation holds over random ingest / delete / rank / similar sequences", arguments: 1...6)
    func isolationProperty(seed: UInt64) async throws {
        let fixture = try EngineFixture { $0.batchSize = 3 }
        defer { fixture.cleanUp() }
        var engine = fixture.engine
        var generator = SeededGenerator(seed: seed)
        let namespaces = ["acme", "globex", "../../x", "名前 é"]
        var model: [String: Set<CandidateID>] = [:]
        var identityOfFile: [URL: CandidateID] = [:]
        var jobs: [String: JobID] = [:]
        var trace: [String] = []

        func check() async throws {
            for namespace in namespaces {
                let expected = model[namespace] ?? []
                guard (try? engine.namespaces().contains(namespace)) == true else {
                    #expect(expected.isEmpty, "seed \(seed): \(trace)")
                    continue
                }
                let listed = Set(try engine.candidates(namespace: namespace).map(\.id))
                #expect(listed == expected, "seed \(seed) \(namespace): \(trace)")
                if let job = jobs[namespace] {
                    let ranked = try await engine.rank(job: job, namespace: namespace, limit: 1_000)
                    #expect(Set(ranked.map(\.candidate.id)) == expected, "seed \(seed) rank \(namespace): \(trace)")
                }
                if let some = expected.first {
                    let similar = try engine.similarCandidates(to: some, namespace: namespace, limit: 1_000)
                    #expect(
                        Set(similar.map(\.candidate.id)).isSubset(of: expected.subtracting([some])),
                        "seed \(seed) similar \(namespace): \(trace)")
                }
                for (other, ids) in model where other != namespace {
                    for id in ids.subtracting(expected).prefix(2) {
                        #expect(throws: EngineError.unknownCandidate(id, namespace: namespace)) {
                            try engine.similarCandidates(to: id, namespace: namespace)
                        }
                    }
                }
            }
        }

        for _ in 0..<10 {
            let namespace = namespaces.randomElement(using: &generator) ?? "acme"
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<5:
                let picked = (0..<Int.random(in: 1...4, using: &generator)).compactMap { _ in
                    Self.files.randomElement(using: &generator)
                }
                trace.append("ingest \(picked.map(\.lastPathComponent)) → \(namespace)")
                let job = try engine.ingest(picked.map { .file($0) }, namespace: namespace)
                for await event in job.events {
                    switch event {
                    case .stored(let source, let candidate, _), .duplicate(let source, let candidate):
                        let url = URL(fileURLWithPath: source)
                        #expect(identityOfFile[url, default: candidate] == candidate, "one identity per file")
                        identityOfFile[url] = candidate
                        model[namespace, default: []].insert(candidate)
                    case .failed(let failure): Issue.record("seed \(seed): \(failure.reason)")
                    default: break
                    }
                }
            case 5..<7:
                guard let victim = model[namespace]?.sorted().randomElement(using: &generator) else { continue }
                trace.append("delete \(victim) from \(namespace)")
                try engine.deleteCandidate(victim, namespace: namespace)
                model[namespace]?.remove(victim)
            case 7:
                guard model[namespace] != nil else { continue }
                trace.append("job → \(namespace)")
                jobs[namespace] = try await engine.addJob(
                    .file(Fixtures.job("backend-engineer.txt")), namespace: namespace
                ).id
            case 8:
                trace.append("reopen")
                engine.close()
                engine = try fixture.reopen()
            default:
                // Deleting another namespace's candidate through this one is refused and changes nothing.
                guard
                    let (other, ids) = model.first(where: { $0.key != namespace && !$0.value.isEmpty }),
                    let id = ids.subtracting(model[namespace] ?? []).first
                else { continue }
                trace.append("delete \(id) of \(other) through \(namespace)")
                #expect(throws: EngineError.self) { try engine.deleteCandidate(id, namespace: namespace) }
            }
            try await check()
        }
        engine.close()
    }

    /// At the default level, ingest, rank and a failing HTTP provider log no key, no e-mail address and
    /// no resume text, even when the server echoes the request's key and input in its error.
    @Test("no key, e-mail address or resume text in the logs at the default level")
    func logHygiene() async throws {
        let logs = LogCapture()
        let fixture = try EngineFixture { $0.logger = logs.logger() }
        defer { fixture.cleanUp() }
        try await fixture.ingest(Self.files + [Fixtures.root.appendingPathComponent("bad/empty.txt")])
        let job = try await fixture.engine.addJob(.file(Fixtures.job("backend-engineer.txt")), namespace: "default")
        _ = try await fixture.engine.rank(job: job.id, namespace: "default", limit: 5)
        // An index rebuild and a damaged file are logged at `notice`.
        fixture.engine.close()
        let indexes = fixture.folder.appendingPathComponent("indexes")
        for file in try FileManager.default.contentsOfDirectory(at: indexes, includingPropertiesForKeys: nil) {
            try Data("garbage".utf8).write(to: file)
        }
        try fixture.reopen { $0.logger = logs.logger() }.close()

        let key = "sk-live-LOGSECRET-1234567890"
        let server = try LocalHTTPServer { request in
            // A server that echoes the credentials and the input it was sent.
            let input = (request.json?["input"] as? [String])?.first ?? ""
            let message = "bad request from Authorization: \(request.headers["authorization"] ?? "") for \(input)"
            return .json(["error": ["message": message]], status: 400)
        }
        defer { server.stop() }
        var configuration = HTTPEmbeddingProvider.Configuration(
            baseURL: server.baseURL, model: "echo", dimension: 32, apiKeyVariable: "ME_LOG_KEY")
        configuration.timeout = 30
        let provider = try HTTPEmbeddingProvider(configuration, environment: ["ME_LOG_KEY": key])
        let remote = try Engine(
            directory: fixture.folder.appendingPathComponent("remote"),
            configuration: {
                var configuration = EngineConfiguration(provider: provider)
                configuration.logger = logs.logger()
                return configuration
            }())
        defer { remote.close() }
        let status = try await remote.ingest(Self.files.prefix(3).map { .file($0) }, namespace: "default").result()
        #expect(status.failed == 3, "the provider failed every document")
        #expect(server.requests.count >= 1)

        let lines = logs.lines
        #expect(lines.contains { $0.contains("ingest stopped") }, "the failure is logged: \(lines)")
        #expect(lines.contains { $0.contains("rebuilding") })
        let email = try Regex("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")
        var resumeLines: Set<String> = []
        for file in Self.files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                // Lines long enough to be the resume's own words, not a section heading.
                if trimmed.count >= 16 { resumeLines.insert(String(trimmed.prefix(40))) }
            }
        }
        for line in lines {
            #expect(!line.contains(key) && !line.contains("LOGSECRET"), "key in \(line)")
            #expect(line.firstMatch(of: email) == nil, "e-mail address in \(line)")
            for text in resumeLines { #expect(!line.contains(text), "resume text in \(line)") }
        }
    }

    /// Namespace names are a host's (or a user's) input: whatever they hold, index files are created in
    /// the engine's `indexes/` folder and nothing is written outside the engine's directory.
    @Test("paths from input never leave the engine's directory")
    func pathsStayInside() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = root.appendingPathComponent("a/b/engine")
        var configuration = EngineConfiguration(provider: HashingEmbedder())
        configuration.referenceMonth = YearMonth(year: 2025, month: 6)
        let engine = try Engine(directory: directory, configuration: configuration)
        let names = [
            "../../x", "a/b", "..", ".", "/etc/passwd", "~", "x\\..\\y", "名前/../é", "🙂 space", "%2e%2e%2fz",
            String(repeating: "../", count: 42),
        ]
        for name in names {
            let status = try await engine.ingest([.file(Self.files[0])], namespace: name).result()
            #expect(status.stored == 1, "\(name)")
        }
        #expect(throws: EngineError.invalidNamespace("a\u{0}b")) { try engine.ingest([], namespace: "a\u{0}b") }
        #expect(throws: EngineError.invalidNamespace("a\nb")) { try engine.ingest([], namespace: "a\nb") }
        engine.close()

        // Everything under root is the engine's directory, and index files are in indexes/ only.
        let everything = try #require(FileManager.default.subpathsOfDirectory(atPath: root.path) as [String]?)
        for path in everything {
            #expect(path == "a" || path == "a/b" || path.hasPrefix("a/b/engine"), "\(path) outside the engine")
        }
        let indexFiles = everything.filter { $0.hasSuffix(".hnsw") }
        // Plus the namespace `default` every store starts with.
        #expect(indexFiles.count == names.count + 1, "\(indexFiles)")
        #expect(indexFiles.allSatisfy { $0.hasPrefix("a/b/engine/indexes/") && $0.split(separator: "/").count == 5 })
        let reopened = try Engine(directory: directory, configuration: configuration)
        defer { reopened.close() }
        #expect(Set(try reopened.namespaces()) == Set(names + ["default"]))
    }
}

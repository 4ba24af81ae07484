import Foundation
import TestSupport
import Testing

@testable import MatchEngine

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What a hostile or broken server can do to the HTTP provider: oversized answers, silence, a closed
/// port, echoing the API key back.
@Suite("HTTP provider limits, deadlines and redaction")
struct HTTPLimitsTests {
    static func provider(
        _ server: LocalHTTPServer, limit: Int? = nil, timeout: TimeInterval = 30, key: String? = nil
    ) throws -> HTTPEmbeddingProvider {
        var configuration = HTTPEmbeddingProvider.Configuration(
            baseURL: server.baseURL, model: "fake-embed", dimension: 4, apiKeyVariable: key == nil ? nil : "ME_KEY")
        configuration.maximumResponseBytes = limit
        configuration.timeout = timeout
        return try HTTPEmbeddingProvider(configuration, environment: key.map { ["ME_KEY": $0] } ?? [:])
    }

    @Test(
        "a body over the cap is refused with a typed error, with or without a Content-Length", arguments: [false, true])
    func oversized(omitsContentLength: Bool) async throws {
        // 4 MB of a valid-looking JSON prefix; the cap is 64 KiB, so the client never holds the whole body.
        let body = Data(("{\"data\":[{\"index\":0,\"embedding\":[" + String(repeating: "0.1,", count: 1_000_000)).utf8)
        let server = try LocalHTTPServer { _ in
            LocalHTTPServer.Response(status: 200, body: body, omitsContentLength: omitsContentLength)
        }
        defer { server.stop() }
        let provider = try Self.provider(server, limit: 65_536)
        await #expect(throws: EmbeddingError.responseTooLarge(provider: provider.name, limit: 65_536)) {
            try await provider.embed(["x"])
        }
        let error = EmbeddingError.responseTooLarge(provider: provider.name, limit: 65_536)
        #expect(error.localizedDescription.contains("limit of 65536 bytes"))
        #expect(!error.isRetryable)
    }

    @Test("the default cap is what a full batch needs, never overflowing")
    func defaultLimit() {
        var configuration = HTTPEmbeddingProvider.Configuration(
            baseURL: URL(fileURLWithPath: "/"), model: "m", dimension: 1536, apiKeyVariable: nil)
        #expect(configuration.responseLimit == 256 * 1536 * 32 + (1 << 20))
        configuration.dimension = Int.max / 2
        #expect(configuration.responseLimit == 1 << 30)
        configuration.maximumResponseBytes = 10
        #expect(configuration.responseLimit == 10)
    }

    @Test("the deadline is the client's own: a silent server is abandoned at it, whatever URLSession's timeouts")
    func deadline() async throws {
        let server = try LocalHTTPServer { _ in LocalHTTPServer.Response(status: 200, delay: 30) }
        defer { server.stop() }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 120
        configuration.timeoutIntervalForResource = 120
        let client = BoundedHTTPClient(configuration: configuration)
        defer { client.invalidate() }
        var request = URLRequest(url: server.baseURL.appendingPathComponent("embeddings"))
        request.httpMethod = "POST"
        request.httpBody = Data("{}".utf8)
        // The server answers (200) after 30 s and URLSession would wait 120 s for it, so an error here
        // proves the client's own deadline fired first. (No wall-clock bound: a parallel run can keep the
        // awaiting task off the cooperative threads for tens of seconds after it was answered.)
        await #expect(throws: BoundedHTTPClient.Failure.timedOut) {
            _ = try await client.send(request, limit: 1000, deadline: 0.5)
        }

        let provider = try Self.provider(server, timeout: 0.5)
        do {
            _ = try await provider.embed(["x"])
            Issue.record("no timeout")
        } catch {
            #expect(error.localizedDescription.contains("no answer within 0.5 s"), "\(error.localizedDescription)")
        }
    }

    @Test("a closed port is 'connection refused' with host and port, not a URL error number")
    func closedPort() async throws {
        let server = try LocalHTTPServer { _ in .init(status: 200) }
        server.stop()
        let provider = try Self.provider(server)
        do {
            _ = try await provider.embed(["x"])
            Issue.record("a closed port answered")
        } catch {
            #expect(
                error.localizedDescription.contains("connection refused by 127.0.0.1:\(server.port)"),
                "\(error.localizedDescription)")
            #expect(!error.localizedDescription.contains("-1004"))
        }
    }

    @Test("a server that echoes the key or the Authorization header does not put it in the error")
    func redaction() async throws {
        let server = try LocalHTTPServer { request in
            let echoed = request.headers["authorization"] ?? ""
            return .json(
                ["error": ["message": "invalid key sk-live-SECRET42; you sent Authorization: \(echoed), retry"]],
                status: 401)
        }
        defer { server.stop() }
        let provider = try Self.provider(server, key: "sk-live-SECRET42")
        do {
            _ = try await provider.embed(["x"])
            Issue.record("401 accepted")
        } catch {
            #expect(!error.localizedDescription.contains("SECRET42"), "\(error.localizedDescription)")
            #expect(!"\(error)".contains("SECRET42"))
            #expect(error.localizedDescription.contains("[redacted]"))
        }
    }

    @Test(
        "redaction blanks the key, bearer and basic credentials and Authorization values",
        arguments: [
            ("token sk-abc is invalid", "token [redacted] is invalid"),
            ("Bearer other-token.xyz rejected", "Bearer [redacted] rejected"),
            ("{\"Authorization\": \"Bearer zzz\"}", "{\"Authorization\": \"[redacted]\"}"),
            ("authorization=Basic dXNlcjpwYXNz", "authorization=[redacted]"),
            ("basic auth dXNlcjpwYXNz", "basic [redacted] dXNlcjpwYXNz"),
            ("model not found", "model not found"),
        ])
    func redactedText(input: String, expected: String) {
        #expect(HTTPEmbeddingProvider.redacted(input, key: "sk-abc") == expected)
    }

    @Test("a chain that gave up says how many attempts it made and over how long")
    func attemptsInMessage() async throws {
        let service = try FakeEmbeddingService([.status(503)])
        let chain = ResilientProvider(
            [try service.provider()], retry: .init(delays: [.milliseconds(10), .milliseconds(10)], jitter: 0))
        do {
            _ = try await chain.embed(["x"])
            Issue.record("503 accepted")
        } catch {
            #expect(error.localizedDescription.contains("(3 attempts over "), "\(error.localizedDescription)")
        }
    }
}

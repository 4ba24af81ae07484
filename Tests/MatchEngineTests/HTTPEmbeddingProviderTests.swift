import Foundation
import Testing

@testable import MatchEngine

@Suite("HTTP embedding provider")
struct HTTPEmbeddingProviderTests {
    let texts = ["Senior Swift developer", "PostgreSQL and Kubernetes", "", "Data engineer, Berlin"]

    @Test("sends an OpenAI embeddings request with the key and returns normalised vectors in input order")
    func success() async throws {
        let service = try FakeEmbeddingService([.ok])
        let provider = try HTTPEmbeddingProvider(
            service.configuration(apiKeyVariable: "ME_TEST_KEY"), environment: ["ME_TEST_KEY": "sk-test-123"])
        let vectors = try await provider.embed(texts)
        #expect(FakeEmbeddingService.isAnswer(vectors, for: texts))
        let request = try #require(service.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/embeddings")
        #expect(request.headers["authorization"] == "Bearer sk-test-123")
        #expect(request.json?["model"] as? String == "fake-embed")
        #expect(request.json?["input"] as? [String] == texts)
        #expect(provider.usage.requests == 1)
        #expect(provider.usage.texts == 4)
        #expect(provider.usage.promptTokens == 9)
        #expect(provider.modelIdentifier == "fake-embed")
    }

    @Test("splits large inputs into requests of at most maxBatchSize texts")
    func batching() async throws {
        let service = try FakeEmbeddingService([.ok])
        var configuration = service.configuration()
        configuration.maxBatchSize = 3
        let provider = try HTTPEmbeddingProvider(configuration)
        let many = (0..<7).map { "text number \($0)" }
        let vectors = try await provider.embed(many)
        #expect(FakeEmbeddingService.isAnswer(vectors, for: many))
        #expect(service.requests.map { ($0.json?["input"] as? [String])?.count ?? 0 } == [3, 3, 1])
        #expect(provider.usage.requests == 3)
    }

    @Test("429, 5xx and 4xx map to typed errors; only 429 and 5xx are retryable")
    func statusErrors() async throws {
        let service = try FakeEmbeddingService([
            .rateLimited(retryAfter: "2"), .status(503), .status(401, body: "{\"error\":{\"message\":\"bad key\"}}"),
        ])
        let provider = try service.provider()
        let name = provider.name
        await #expect(throws: EmbeddingError.rateLimited(provider: name, retryAfter: 2)) {
            try await provider.embed(["a"])
        }
        await #expect(throws: EmbeddingError.serverError(provider: name, status: 503, message: "scripted failure")) {
            try await provider.embed(["a"])
        }
        await #expect(throws: EmbeddingError.requestRejected(provider: name, status: 401, message: "bad key")) {
            try await provider.embed(["a"])
        }
        #expect(EmbeddingError.rateLimited(provider: name, retryAfter: nil).isRetryable)
        #expect(EmbeddingError.serverError(provider: name, status: 503, message: "").isRetryable)
        #expect(!EmbeddingError.requestRejected(provider: name, status: 401, message: "").isRetryable)
        #expect(provider.usage.requests == 3)
        #expect(provider.usage.failedRequests == 3)
    }

    @Test(
        "malformed bodies are refused, not half-used",
        arguments: [
            FakeEmbeddingService.Behaviour.body("<html>gateway</html>"),
            .body("{\"data\":[{\"index\":0,\"embedding\":[1,2]}]}"),
            .body("{\"data\":[]}"),
            .wrongDimension,
        ])
    func malformed(_ behaviour: FakeEmbeddingService.Behaviour) async throws {
        let service = try FakeEmbeddingService([behaviour])
        let provider = try service.provider()
        do {
            _ = try await provider.embed(["one", "two"])
            Issue.record("a malformed body was accepted")
        } catch let error as EmbeddingError {
            guard case .malformedResponse = error else {
                Issue.record("expected malformedResponse, got \(error)")
                return
            }
            #expect(!error.isRetryable)
        }
    }

    @Test("a slow service times out as a transport error; a closed port is a transport error")
    func transport() async throws {
        let service = try FakeEmbeddingService([.delayed(15)])
        let provider = try service.provider(timeout: 0.4)
        let start = ContinuousClock.now
        do {
            _ = try await provider.embed(["slow"])
            Issue.record("no timeout")
        } catch let error as EmbeddingError {
            guard case .transport(_, let reason) = error else {
                Issue.record("expected transport, got \(error)")
                return
            }
            // The answer would have come after 15 s and succeeded; a timeout error proves the deadline.
            // (No upper bound on the wait: a parallel test run can starve the timer's thread.)
            #expect(reason.contains("timed out"))
            #expect(error.isRetryable)
        }
        #expect(ContinuousClock.now - start >= .seconds(0.4))

        service.server.stop()
        await #expect {
            try await provider.embed(["nobody listens"])
        } throws: { error in
            guard case .transport = error as? EmbeddingError else { return false }
            return true
        }
    }

    @Test("a missing key is a typed error and the key never appears in any error message")
    func apiKey() async throws {
        let service = try FakeEmbeddingService([.status(401, body: "{\"error\":{\"message\":\"no\"}}")])
        #expect(throws: EmbeddingError.missingAPIKey(variable: "ME_TEST_KEY")) {
            try HTTPEmbeddingProvider(service.configuration(apiKeyVariable: "ME_TEST_KEY"), environment: [:])
        }
        let provider = try HTTPEmbeddingProvider(
            service.configuration(apiKeyVariable: "ME_TEST_KEY"), environment: ["ME_TEST_KEY": "sk-secret-value"])
        do {
            _ = try await provider.embed(["x"])
            Issue.record("401 accepted")
        } catch {
            #expect(!"\(error)".contains("sk-secret"))
            #expect(!error.localizedDescription.contains("sk-secret"))
        }
        #expect(!provider.name.contains("sk-secret"))
    }
}

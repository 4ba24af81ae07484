import Foundation
import Testing

@testable import MatchEngine

@Suite("Resilient provider chain")
struct ResilientProviderTests {
    static let fast = ResilientProvider.RetryPolicy(
        delays: [.milliseconds(20), .milliseconds(40), .milliseconds(80)], jitter: 0.5)

    @Test("retries 5xx and 429 with backoff, then succeeds on the same provider")
    func retries() async throws {
        let service = try FakeEmbeddingService([.status(500), .rateLimited(retryAfter: nil), .status(502), .ok])
        let chain = ResilientProvider([try service.provider()], retry: Self.fast)
        let start = ContinuousClock.now
        let vectors = try await chain.embed(["retry me"])
        let waited = ContinuousClock.now - start
        #expect(vectors.count == 1)
        #expect(service.requests.count == 4)
        // Three pauses of 20, 40 and 80 ms, each scaled by 0.5 ... 1.5.
        #expect(waited >= .milliseconds(70), "waited \(waited)")
        #expect(chain.status[0].attempts == 4)
        #expect(chain.status[0].failures == 3)
        #expect(chain.status[0].circuit == .closed)
    }

    @Test("Retry-After is honoured when longer than the backoff; past maxRetryAfter the provider is skipped")
    func retryAfter() async throws {
        let service = try FakeEmbeddingService([.rateLimited(retryAfter: "0.3"), .ok])
        let chain = ResilientProvider([try service.provider()], retry: Self.fast)
        let start = ContinuousClock.now
        _ = try await chain.embed(["wait for me"])
        #expect(ContinuousClock.now - start >= .milliseconds(300))

        let impatient = try FakeEmbeddingService([.rateLimited(retryAfter: "120"), .ok])
        let fallback = try FakeEmbeddingService([.ok])
        let chain2 = ResilientProvider(
            [try impatient.provider(modelIdentifier: "m"), try fallback.provider(modelIdentifier: "m")],
            retry: Self.fast)
        let start2 = ContinuousClock.now
        _ = try await chain2.embed(["no waiting"])
        #expect(ContinuousClock.now - start2 < .seconds(60), "did not wait the 120 s asked for")
        #expect(impatient.requests.count == 1)
        #expect(fallback.requests.count == 1)
    }

    @Test("a request the service refuses (4xx) is not retried; the chain falls back to the same model elsewhere")
    func fallbackSameModel() async throws {
        let primary = try FakeEmbeddingService([.status(400)])
        let secondary = try FakeEmbeddingService([.ok])
        let chain = ResilientProvider(
            [
                try primary.provider(modelIdentifier: "shared-model"),
                try secondary.provider(modelIdentifier: "shared-model"),
            ],
            retry: Self.fast)
        let vectors = try await chain.embed(["fallback"])
        #expect(FakeEmbeddingService.isAnswer(vectors, for: ["fallback"]))
        #expect(primary.requests.count == 1)
        #expect(secondary.requests.count == 1)
    }

    @Test("vectors of another model are never returned as the primary's; embedAnyModel names the model")
    func neverMixesModels() async throws {
        let service = try FakeEmbeddingService([.status(503)])
        let hashing = HashingEmbedder(dimension: FakeEmbeddingService.dimension)
        let chain = ResilientProvider([try service.provider(), hashing], retry: .none)
        #expect(chain.modelIdentifier == "fake-embed")
        await #expect {
            try await chain.embed(["only fake-embed vectors, please"])
        } throws: { error in
            guard case .allProvidersFailed(let failures) = error as? EmbeddingError else { return false }
            return failures.count == 1 && failures[0].contains("503")
        }
        let result = try await chain.embedAnyModel(["any model will do"])
        #expect(result.modelIdentifier == hashing.modelIdentifier)
        #expect(result.vectors == [hashing.vector("any model will do")])
    }

    @Test("the circuit opens after N failures, stops calling, and a probe after the cool-down closes it")
    func circuitBreaker() async throws {
        let service = try FakeEmbeddingService([.status(503)])
        let chain = ResilientProvider(
            [try service.provider(), HashingEmbedder(dimension: FakeEmbeddingService.dimension)], retry: .none,
            breaker: .init(failureThreshold: 2, coolDown: .milliseconds(300)))
        for _ in 0..<2 { _ = try await chain.embedAnyModel(["x"]) }
        #expect(chain.status[0].circuit == .open)
        #expect(service.requests.count == 2)
        let whileOpen = try await chain.embedAnyModel(["x"])
        #expect(whileOpen.modelIdentifier.hasPrefix("hashing"))
        #expect(service.requests.count == 2, "an open circuit sends nothing")

        try await Task.sleep(for: .milliseconds(350))
        service.script([.ok])
        let probed = try await chain.embedAnyModel(["x"])
        #expect(probed.modelIdentifier == "fake-embed")
        #expect(service.requests.count == 3)
        #expect(chain.status[0].circuit == .closed)
    }

    @Test("a failed probe opens the circuit again; only one probe goes through at a time")
    func halfOpen() {
        let breaker = CircuitBreaker(policy: .init(failureThreshold: 1, coolDown: .seconds(10)))
        let start = ContinuousClock.now
        breaker.recordFailure(now: start)
        #expect(!breaker.allowsCall(now: start + .seconds(5)))
        #expect(breaker.allowsCall(now: start + .seconds(11)), "the probe")
        #expect(!breaker.allowsCall(now: start + .seconds(11)), "a second caller waits for the probe")
        breaker.recordFailure(now: start + .seconds(12))
        #expect(!breaker.allowsCall(now: start + .seconds(13)))
        #expect(breaker.allowsCall(now: start + .seconds(23)))
        breaker.recordAbandoned(now: start + .seconds(23))
        #expect(breaker.allowsCall(now: start + .seconds(23)), "a cancelled probe lets the next caller probe")
        breaker.recordSuccess()
        #expect(breaker.currentState == .closed(consecutiveFailures: 0))
    }

    @Test("malformed answers and timeouts move on to the fallback")
    func malformedAndSlow() async throws {
        let broken = try FakeEmbeddingService([.body("not json")])
        let slow = try FakeEmbeddingService([.delayed(15)])
        let healthy = try FakeEmbeddingService([.ok])
        let chain = ResilientProvider(
            [
                try broken.provider(modelIdentifier: "m"), try slow.provider(modelIdentifier: "m", timeout: 0.5),
                try healthy.provider(modelIdentifier: "m"),
            ], retry: .none)
        let vectors = try await chain.embed(["a", "b"])
        #expect(FakeEmbeddingService.isAnswer(vectors, for: ["a", "b"]))
        #expect(chain.status.map(\.failures) == [1, 1, 0])
    }
}

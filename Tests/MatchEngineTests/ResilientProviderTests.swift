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
    @Test(
        "a Retry-After of 1e300, inf, nan, a negative number or garbage never traps",
        arguments: [
            "1e300", "inf", "-inf", "nan", "-5", "1e18", "9223372036854775807", "Wed, 21 Oct 2015 07:28:00 GMT",
        ])
    func hostileRetryAfter(value: String) async throws {
        let service = try FakeEmbeddingService([.rateLimited(retryAfter: value), .ok])
        let chain = ResilientProvider([try service.provider()], retry: Self.fast)
        // Before the fix, "1e300" and "inf" trapped converting to Int64 and took the test process down.
        do {
            let vectors = try await chain.embed(["x"])
            #expect(FakeEmbeddingService.isAnswer(vectors, for: ["x"]))
        } catch EmbeddingError.allProvidersFailed(let failures) {
            // A delay past maxRetryAfter gives up on the provider instead of waiting.
            #expect(failures.count == 1 && failures[0].contains("429"), "\(failures)")
        }
    }

    @Test("Retry-After seconds convert to a Duration without trapping, huge values clamped to a year")
    func retryAfterConversion() {
        let year = Duration.seconds(365 * 86_400)
        #expect(ResilientProvider.duration(.nan) == nil)
        #expect(ResilientProvider.duration(-1) == nil)
        #expect(ResilientProvider.duration(0) == nil)
        #expect(ResilientProvider.duration(-.infinity) == nil)
        #expect(ResilientProvider.duration(.infinity) == year)
        #expect(ResilientProvider.duration(1e300) == year)
        #expect(ResilientProvider.duration(.greatestFiniteMagnitude) == year)
        #expect(ResilientProvider.duration(0.3) == .milliseconds(300))
    }

    @Test("a provider that reports an infinite or NaN Retry-After itself is given up on or retried, never a trap")
    func nonFiniteRetryAfterFromAnyProvider() async throws {
        for value in [Double.infinity, .nan, 1e300, -3] {
            let flaky = ScriptedFailure(retryAfter: value)
            let chain = ResilientProvider([flaky], retry: Self.fast)
            do {
                let vectors = try await chain.embed(["x"])
                #expect(vectors.count == 1 && !value.isInfinite && value != 1e300, "\(value)")
            } catch {
                #expect(value.isInfinite || value == 1e300, "\(value): \(error)")
            }
        }
    }
}

/// Fails once with a 429 carrying `retryAfter`, then answers.
private final class ScriptedFailure: EmbeddingProvider, @unchecked Sendable {
    let dimension = 2
    let modelIdentifier = "scripted"
    private let retryAfter: Double
    private let lock = NSLock()
    private var calls = 0

    init(retryAfter: Double) { self.retryAfter = retryAfter }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        let call = lock.withLock {
            calls += 1
            return calls
        }
        if call == 1 { throw EmbeddingError.rateLimited(provider: "scripted", retryAfter: retryAfter) }
        return texts.map { _ in [1, 0] }
    }
}

import Foundation
import VectorIndex

/// A chain of providers tried in order, each behind retries with exponential backoff and jitter and
/// a circuit breaker.
///
/// A call goes to the first provider whose circuit is closed. A retryable failure
/// (``EmbeddingError/isRetryable``: 429, 5xx, no response) is retried after the next delay of
/// ``RetryPolicy/delays`` (default 1, 2, 4, 8 s, each scaled by a random factor in
/// 1 ± ``RetryPolicy/jitter``; a longer `Retry-After` is honoured up to ``RetryPolicy/maxRetryAfter``).
/// Other failures, exhausted retries and open circuits move on to the next provider.
///
/// Vectors of different models never mix: a whole call is answered by one provider, and
/// ``embed(_:)`` (the ``EmbeddingProvider`` conformance) only falls back to providers with the primary's
/// ``modelIdentifier`` and ``dimension``. To fall back across models (say, to ``HashingEmbedder`` as a
/// last resort), call ``embedAnyModel(_:)``, which says which model answered, and keep its vectors
/// apart.
public final class ResilientProvider: EmbeddingProvider {
    /// How often and how long to wait before retrying one provider.
    public struct RetryPolicy: Sendable {
        /// The pause before each retry; the number of delays is the number of retries.
        public var delays: [Duration]
        /// Each pause is multiplied by a random factor in `1 - jitter ... 1 + jitter` (0 ..< 1), so that
        /// many clients do not retry in step.
        public var jitter: Double
        /// A `Retry-After` longer than this gives up on the provider instead of waiting.
        public var maxRetryAfter: Duration

        /// A policy of `delays.count` retries with the given pauses, jitter and `Retry-After` ceiling.
        ///
        /// - Precondition: `0 <= jitter < 1`.
        public init(
            delays: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8)], jitter: Double = 0.25,
            maxRetryAfter: Duration = .seconds(30)
        ) {
            precondition((0..<1).contains(jitter), "jitter must be in 0 ..< 1")
            self.delays = delays
            self.jitter = jitter
            self.maxRetryAfter = maxRetryAfter
        }

        /// No retries.
        public static let none = RetryPolicy(delays: [])
    }

    /// When a provider's circuit opens and how long it stays open before a probe.
    public struct BreakerPolicy: Sendable {
        /// Consecutive failed calls (after retries) that open the circuit.
        public var failureThreshold: Int
        /// How long an open circuit refuses calls before letting one probe through.
        public var coolDown: Duration

        /// A policy that opens the circuit after `failureThreshold` consecutive failed calls and keeps it open
        /// for `coolDown`.
        public init(failureThreshold: Int = 5, coolDown: Duration = .seconds(30)) {
            self.failureThreshold = failureThreshold
            self.coolDown = coolDown
        }
    }

    /// Vectors and the model that produced them.
    public struct Embeddings: Sendable {
        /// The identifier of the model that produced ``vectors``.
        public var modelIdentifier: String
        /// The length of each vector.
        public var dimension: Int
        /// One vector per text, in order.
        public var vectors: [[Float]]
    }

    /// One provider's health, for monitoring.
    public struct ProviderStatus: Sendable, Equatable {
        /// The state of the provider's circuit breaker.
        public enum Circuit: Sendable, Equatable {
            /// Calls go through.
            case closed
            /// Calls are refused until the cool-down has passed.
            case open
            /// The cool-down has passed: one probe call goes through and decides whether it closes again.
            case halfOpen
        }
        /// The provider's model identifier.
        public var modelIdentifier: String
        /// Whether calls go through.
        public var circuit: Circuit
        /// Attempts sent to the provider, counting retries.
        public var attempts: Int
        /// Attempts that failed.
        public var failures: Int
    }

    private struct Link: Sendable {
        var provider: any EmbeddingProvider
        var breaker: CircuitBreaker
    }

    private struct Counts: Sendable {
        var attempts = 0
        var failures = 0
    }

    /// How each provider is retried.
    public let retryPolicy: RetryPolicy
    private let links: [Link]
    private let counts: Locked<[Counts]>

    /// - Parameter providers: tried in this order; the first is the primary.
    /// - Precondition: `providers` is not empty.
    public init(
        _ providers: [any EmbeddingProvider], retry: RetryPolicy = RetryPolicy(),
        breaker: BreakerPolicy = BreakerPolicy()
    ) {
        precondition(!providers.isEmpty, "a chain needs at least one provider")
        let policy = CircuitBreaker.Policy(failureThreshold: breaker.failureThreshold, coolDown: breaker.coolDown)
        links = providers.map { Link(provider: $0, breaker: CircuitBreaker(policy: policy)) }
        counts = Locked(Array(repeating: Counts(), count: providers.count))
        retryPolicy = retry
    }

    /// The primary's dimension.
    public var dimension: Int { links[0].provider.dimension }
    /// The primary's model identifier.
    public var modelIdentifier: String { links[0].provider.modelIdentifier }
    /// The primary's identity (fallbacks of ``embed(_:)`` share its model and dimension).
    public var providerIdentity: String { links[0].provider.providerIdentity }

    /// The health of each provider, in chain order.
    public var status: [ProviderStatus] {
        let counts = counts.withLock { $0 }
        return zip(links, counts).map { link, count in
            let circuit: ProviderStatus.Circuit =
                switch link.breaker.currentState {
                case .closed: .closed
                case .open: .open
                case .halfOpen: .halfOpen
                }
            return ProviderStatus(
                modelIdentifier: link.provider.modelIdentifier, circuit: circuit, attempts: count.attempts,
                failures: count.failures)
        }
    }

    /// Embeds with the first provider that succeeds among those serving the primary's model.
    ///
    /// - Throws: ``EmbeddingError/allProvidersFailed(_:)`` with each provider's last error.
    public func embed(_ texts: [String]) async throws -> [[Float]] {
        let primary = links[0].provider
        let sameModel = links.indices.filter {
            links[$0].provider.modelIdentifier == primary.modelIdentifier
                && links[$0].provider.dimension == primary.dimension
        }
        return try await embed(texts, using: sameModel).vectors
    }

    /// Embeds with the first provider that succeeds, whatever its model; the result names the model.
    ///
    /// - Throws: ``EmbeddingError/allProvidersFailed(_:)`` with each provider's last error.
    public func embedAnyModel(_ texts: [String]) async throws -> Embeddings {
        try await embed(texts, using: Array(links.indices))
    }

    private func embed(_ texts: [String], using candidates: [Int]) async throws -> Embeddings {
        var failures: [String] = []
        for index in candidates {
            let link = links[index]
            do {
                let vectors = try await attempt(texts, with: link, at: index)
                return Embeddings(
                    modelIdentifier: link.provider.modelIdentifier, dimension: link.provider.dimension,
                    vectors: vectors)
            } catch is CancellationError {
                throw CancellationError()
            } catch let gaveUp as GaveUp {
                // Retries multiply a per-request timeout: say how long the provider was tried in all.
                var failure = (gaveUp.error as? LocalizedError)?.errorDescription ?? "\(type(of: gaveUp.error)) error"
                if gaveUp.attempts > 1 {
                    let seconds = gaveUp.elapsed / .seconds(1)
                    failure += " (\(gaveUp.attempts) attempts over " + String(format: "%.1f", seconds) + " s)"
                }
                failures.append(failure)
            } catch {
                failures.append((error as? LocalizedError)?.errorDescription ?? "\(type(of: error)) error")
            }
        }
        throw EmbeddingError.allProvidersFailed(failures)
    }

    /// The last error of a provider that was given up on, with how often and how long it was tried.
    private struct GaveUp: Error {
        var error: any Error
        var attempts: Int
        var elapsed: Duration
    }

    /// Calls one provider, retrying retryable failures while its circuit stays closed.
    private func attempt(_ texts: [String], with link: Link, at index: Int) async throws -> [[Float]] {
        var retry = 0
        let start = ContinuousClock.now
        while true {
            guard link.breaker.allowsCall() else {
                throw EmbeddingError.circuitOpen(provider: link.provider.modelIdentifier)
            }
            counts.withLock { $0[index].attempts += 1 }
            let failure: any Error
            do {
                let vectors = try await link.provider.embed(texts)
                link.breaker.recordSuccess()
                return vectors
            } catch is CancellationError {
                link.breaker.recordAbandoned()
                throw CancellationError()
            } catch {
                failure = error
            }
            counts.withLock { $0[index].failures += 1 }
            link.breaker.recordFailure()
            guard let delay = pause(before: retry, after: failure) else {
                throw GaveUp(error: failure, attempts: retry + 1, elapsed: ContinuousClock.now - start)
            }
            retry += 1
            try await Task.sleep(for: delay)
        }
    }

    /// The pause before retry number `retry`, or `nil` when the failure is not worth retrying.
    private func pause(before retry: Int, after failure: any Error) -> Duration? {
        guard let error = failure as? EmbeddingError, error.isRetryable, retry < retryPolicy.delays.count else {
            return nil
        }
        let scale = 1 + Double.random(in: -retryPolicy.jitter...retryPolicy.jitter)
        let backoff = retryPolicy.delays[retry] * scale
        guard case .rateLimited(_, let retryAfter?) = error else { return backoff }
        guard let requested = Self.duration(retryAfter) else { return backoff }
        guard requested <= retryPolicy.maxRetryAfter else { return nil }
        return max(backoff, requested)
    }

    /// A server's `Retry-After` in seconds as a `Duration`: `nil` for NaN, zero or negative values (the
    /// backoff applies); values past a year (including infinity) are clamped to a year, which is over any
    /// sensible ``RetryPolicy/maxRetryAfter`` and so gives up. Converting never traps.
    static func duration(_ seconds: Double) -> Duration? {
        guard !seconds.isNaN, seconds > 0 else { return nil }
        let clamped = min(seconds, 365 * 86_400)
        return .milliseconds(Int64((clamped * 1000).rounded(.up)))
    }
}

import Foundation

/// A client-side limit on a remote provider: at most ``requestsPerMinute`` calls and
/// ``tokensPerMinute`` tokens (estimated as UTF-8 bytes / 4) in any minute.
public struct RateLimit: Sendable, Equatable {
    /// Calls per minute (1 … 1,000,000).
    public var requestsPerMinute: Int
    /// Estimated tokens per minute (1 … 1,000,000,000).
    public var tokensPerMinute: Int

    /// - Throws: ``EngineError/invalidConfiguration(_:)`` when a figure is out of range.
    public init(requestsPerMinute: Int, tokensPerMinute: Int) throws {
        guard (1...1_000_000).contains(requestsPerMinute), (1...1_000_000_000).contains(tokensPerMinute) else {
            throw EngineError.invalidConfiguration("rate limit: 1 … 1,000,000 requests and 1 … 10⁹ tokens per minute")
        }
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
    }
}

/// Wraps a provider so that its calls stay within a ``RateLimit``: a call waits (without holding a
/// thread) until both budgets, refilled continuously, cover it. A batch larger than a minute's token
/// budget waits for a full budget and then goes alone.
public actor RateLimitedProvider: EmbeddingProvider {
    /// The provider called.
    public nonisolated let base: any EmbeddingProvider
    /// The limit applied.
    public nonisolated let limit: RateLimit
    private var requestBudget: Double
    private var tokenBudget: Double
    private var refilledAt: ContinuousClock.Instant

    /// Limits `base` to `limit`, starting with full budgets.
    public init(_ base: any EmbeddingProvider, limit: RateLimit) {
        self.base = base
        self.limit = limit
        requestBudget = Double(limit.requestsPerMinute)
        tokenBudget = Double(limit.tokensPerMinute)
        refilledAt = .now
    }

    /// The wrapped provider's dimension.
    public nonisolated var dimension: Int { base.dimension }
    /// The wrapped provider's model.
    public nonisolated var modelIdentifier: String { base.modelIdentifier }
    /// The wrapped provider's identity: the limit does not change the vectors.
    public nonisolated var providerIdentity: String { base.providerIdentity }

    /// Waits for budget, then embeds through the wrapped provider.
    public func embed(_ texts: [String]) async throws -> [[Float]] {
        let tokens = min(Double(limit.tokensPerMinute), Double(texts.reduce(0) { $0 + $1.utf8.count / 4 + 1 }))
        while true {
            refill()
            if requestBudget >= 1 && tokenBudget >= tokens { break }
            let requestWait = max(0, 1 - requestBudget) / Double(limit.requestsPerMinute) * 60
            let tokenWait = max(0, tokens - tokenBudget) / Double(limit.tokensPerMinute) * 60
            try await Task.sleep(for: .seconds(min(60, max(requestWait, tokenWait, 0.001))))
        }
        requestBudget -= 1
        tokenBudget -= tokens
        return try await base.embed(texts)
    }

    private func refill() {
        let now = ContinuousClock.now
        let elapsed = (now - refilledAt) / .seconds(60)
        refilledAt = now
        requestBudget = min(Double(limit.requestsPerMinute), requestBudget + elapsed * Double(limit.requestsPerMinute))
        tokenBudget = min(Double(limit.tokensPerMinute), tokenBudget + elapsed * Double(limit.tokensPerMinute))
    }
}

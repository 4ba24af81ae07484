/// Wraps a provider with an ``EmbeddingCache``: texts already seen (in memory, or in the cache's
/// database) come from the cache; the others are embedded by the wrapped provider in one batch, each
/// distinct text once, and cached.
public struct CachedEmbeddingProvider: EmbeddingProvider {
    /// The provider asked for texts the cache does not hold.
    public let base: any EmbeddingProvider
    /// Where vectors are kept (and, with a store, persisted).
    public let cache: EmbeddingCache

    /// Wraps `base` with `cache` (by default an in-memory cache of 10,000 vectors).
    public init(_ base: any EmbeddingProvider, cache: EmbeddingCache = EmbeddingCache()) {
        self.base = base
        self.cache = cache
    }

    /// The wrapped provider's dimension.
    public var dimension: Int { base.dimension }
    /// The wrapped provider's model.
    public var modelIdentifier: String { base.modelIdentifier }
    /// The wrapped provider's identity.
    public var providerIdentity: String { base.providerIdentity }

    /// Vectors from the cache where it has them; the rest embedded by ``base`` in one call, each
    /// distinct text once, and cached.
    ///
    /// - Throws: the wrapped provider's error; nothing is cached then.
    public func embed(_ texts: [String]) async throws -> [[Float]] {
        let keys = texts.map { EmbeddingCache.key(provider: base.providerIdentity, text: $0) }
        var result = cache.vectors(for: keys)
        var firstIndexOfKey: [EmbeddingCache.Key: Int] = [:]
        for index in result.indices where result[index] == nil && firstIndexOfKey[keys[index]] == nil {
            firstIndexOfKey[keys[index]] = index
        }
        guard !firstIndexOfKey.isEmpty else { return result.map { $0 ?? [] } }
        let missing = firstIndexOfKey.values.sorted()
        let computed = try await base.embed(missing.map { texts[$0] })
        guard computed.count == missing.count else {
            throw EmbeddingError.malformedResponse(
                provider: base.modelIdentifier, reason: "\(computed.count) vectors for \(missing.count) texts")
        }
        var vectorOfKey: [EmbeddingCache.Key: [Float]] = [:]
        for (index, vector) in zip(missing, computed) { vectorOfKey[keys[index]] = vector }
        cache.store(missing.map { (keys[$0], vectorOfKey[keys[$0]] ?? []) })
        for index in result.indices where result[index] == nil { result[index] = vectorOfKey[keys[index]] }
        return result.map { $0 ?? [] }
    }
}

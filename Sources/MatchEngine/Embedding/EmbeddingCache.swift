import Foundation
import VectorIndex

/// A bounded, thread-safe least-recently-used cache of embeddings, keyed by (model identifier, SHA-256
/// of the normalised text), so that vectors of different models never mix and re-embedding the same
/// text is free.
///
/// - Complexity: O(1) per lookup and insert (hash map + doubly linked list over slots).
public final class EmbeddingCache: Sendable {
    /// Lookups answered from the cache and lookups that were not.
    public struct Statistics: Sendable, Equatable {
        public var hits: Int
        public var misses: Int
    }

    struct Key: Hashable, Sendable {
        var model: String
        var digest: String
    }

    private struct Storage {
        var slotOfKey: [Key: Int] = [:]
        var keys: [Key] = []
        var vectors: [[Float]] = []
        var previous: [Int] = []
        var next: [Int] = []
        var head = -1  // most recently used
        var tail = -1  // least recently used
        var statistics = Statistics(hits: 0, misses: 0)
    }

    /// The most vectors kept.
    public let capacity: Int
    private let storage: Locked<Storage>

    public init(capacity: Int = 10_000) {
        precondition(capacity > 0, "capacity must be positive")
        self.capacity = capacity
        storage = Locked(Storage())
    }

    public var statistics: Statistics { storage.withLock { $0.statistics } }

    public var count: Int { storage.withLock { $0.slotOfKey.count } }

    /// The key of `text` for `model`: whitespace runs collapse to one space, ends are trimmed, and the
    /// text is put in Unicode NFC, so trivially different copies of a text share a vector.
    static func key(model: String, text: String) -> Key {
        let normalised = text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return Key(model: model, digest: SHA256.hexDigest(of: Array(normalised.utf8)))
    }

    func vector(for key: Key) -> [Float]? {
        storage.withLock { storage in
            guard let slot = storage.slotOfKey[key] else {
                storage.statistics.misses += 1
                return nil
            }
            storage.statistics.hits += 1
            Self.moveToFront(slot, in: &storage)
            return storage.vectors[slot]
        }
    }

    func store(_ vector: [Float], for key: Key) {
        storage.withLock { storage in
            if let slot = storage.slotOfKey[key] {
                storage.vectors[slot] = vector
                Self.moveToFront(slot, in: &storage)
                return
            }
            let slot: Int
            if storage.keys.count < capacity {
                slot = storage.keys.count
                storage.keys.append(key)
                storage.vectors.append(vector)
                storage.previous.append(-1)
                storage.next.append(-1)
            } else {
                slot = storage.tail
                Self.unlink(slot, in: &storage)
                storage.slotOfKey[storage.keys[slot]] = nil
                storage.keys[slot] = key
                storage.vectors[slot] = vector
            }
            storage.slotOfKey[key] = slot
            Self.pushFront(slot, in: &storage)
        }
    }

    private static func moveToFront(_ slot: Int, in storage: inout Storage) {
        guard storage.head != slot else { return }
        unlink(slot, in: &storage)
        pushFront(slot, in: &storage)
    }

    private static func unlink(_ slot: Int, in storage: inout Storage) {
        let before = storage.previous[slot]
        let after = storage.next[slot]
        if before >= 0 { storage.next[before] = after } else { storage.head = after }
        if after >= 0 { storage.previous[after] = before } else { storage.tail = before }
        storage.previous[slot] = -1
        storage.next[slot] = -1
    }

    private static func pushFront(_ slot: Int, in storage: inout Storage) {
        storage.next[slot] = storage.head
        storage.previous[slot] = -1
        if storage.head >= 0 { storage.previous[storage.head] = slot }
        storage.head = slot
        if storage.tail < 0 { storage.tail = slot }
    }
}

/// Wraps a provider with an ``EmbeddingCache``: texts already seen come from the cache, the others are
/// embedded by the wrapped provider in one batch.
public struct CachedEmbeddingProvider<Base: EmbeddingProvider>: EmbeddingProvider {
    public let base: Base
    public let cache: EmbeddingCache

    public init(_ base: Base, cache: EmbeddingCache = EmbeddingCache()) {
        self.base = base
        self.cache = cache
    }

    public var dimension: Int { base.dimension }
    public var modelIdentifier: String { base.modelIdentifier }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        let keys = texts.map { EmbeddingCache.key(model: base.modelIdentifier, text: $0) }
        var result = keys.map { cache.vector(for: $0) }
        let missing = result.indices.filter { result[$0] == nil }
        guard !missing.isEmpty else { return result.map { $0 ?? [] } }
        let computed = try await base.embed(missing.map { texts[$0] })
        for (index, vector) in zip(missing, computed) {
            cache.store(vector, for: keys[index])
            result[index] = vector
        }
        return result.map { $0 ?? [] }
    }
}

import Foundation
import VectorIndex

/// A bounded, thread-safe least-recently-used cache of embeddings, keyed by (provider identity — model,
/// dimension, endpoint — and SHA-256 of the normalised text), so that vectors of different models never
/// mix and re-embedding the same text is free.
///
/// With a ``DocumentStore`` the cache is also persistent: vectors are written through to the store's
/// SQLite database, and texts missing from memory are looked up there before they count as misses, so
/// a new process does not re-embed what an earlier one did. A cache is an optimisation: when the
/// database cannot be read or written the lookup counts as a miss, the vector is still returned, and
/// ``Statistics/persistenceFailures`` and ``lastPersistenceError`` say so.
///
/// - Complexity: O(1) per lookup and insert in memory (hash map + doubly linked list over slots); one
///   SQLite query per batch for the texts memory does not hold.
public final class EmbeddingCache: Sendable {
    /// Lookups answered from the cache and lookups that were not.
    public struct Statistics: Sendable, Equatable {
        /// Lookups answered, from memory or from the database.
        public var hits: Int
        /// Lookups not answered: the text had to be embedded.
        public var misses: Int
        /// Of ``hits``, those answered by the database.
        public var storedHits = 0
        /// Database reads or writes that failed (the cache went on in memory).
        public var persistenceFailures = 0
    }

    struct Key: Hashable, Sendable {
        var provider: String
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
        var lastPersistenceError: String?
    }

    /// The most vectors kept in memory.
    public let capacity: Int
    /// Where vectors persist, if anywhere.
    public let store: DocumentStore?
    /// The most vectors kept in the database; the oldest written go first.
    public let storedCapacity: Int
    private let storage: Locked<Storage>

    /// - Parameters:
    ///   - capacity: the most vectors kept in memory.
    ///   - store: persists vectors across processes; `nil` keeps them in memory only.
    ///   - storedCapacity: the most vectors kept in the database (default 200,000, about 330 MB at 384
    ///     dimensions); writing past it deletes the oldest.
    /// - Precondition: both capacities are positive.
    public init(capacity: Int = 10_000, store: DocumentStore? = nil, storedCapacity: Int = 200_000) {
        precondition(capacity > 0 && storedCapacity > 0, "capacity must be positive")
        self.capacity = capacity
        self.store = store
        self.storedCapacity = storedCapacity
        storage = Locked(Storage())
    }

    /// Why the last database read or write failed, if one did.
    public var lastPersistenceError: String? { storage.withLock { $0.lastPersistenceError } }

    /// Hits and misses so far.
    public var statistics: Statistics { storage.withLock { $0.statistics } }

    /// Vectors held in memory.
    public var count: Int { storage.withLock { $0.slotOfKey.count } }

    /// The key of `text` for `provider` (an ``EmbeddingProvider/providerIdentity``): whitespace runs
    /// collapse to one space, ends are trimmed, and the text is put in Unicode NFC, so trivially different
    /// copies of a text share a vector.
    static func key(provider: String, text: String) -> Key {
        Key(provider: provider, digest: SHA256.hexDigest(of: normalisedBytes(text)))
    }

    /// The UTF-8 bytes the key hashes. Text whose every scalar is one NFC leaves alone and that never
    /// joins a neighbour into one character (ASCII, Latin-1 and Latin Extended letters, general
    /// punctuation, currency signs, geometric bullets: most chunks) takes a scalar loop with the same result
    /// as the general path, where whitespace characters are exactly the whitespace scalars.
    static func normalisedBytes(_ text: String) -> [UInt8] {
        guard text.unicodeScalars.allSatisfy(isStableScalar) else {
            let normalised = text.precomposedStringWithCanonicalMapping
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return Array(normalised.utf8)
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
                || (scalar.value >= 0x80 && scalar.properties.isWhitespace)
            {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                UTF8.encode(scalar) { result.append($0) }
            }
        }
        return result
    }

    /// Scalars with NFC quick-check Yes and combining class 0 that extend no grapheme cluster (the first
    /// combining marks are at U+0300; U+2000 and U+2001 decompose to other spaces; the joiners and marks of
    /// U+200B–U+200F and the separators of U+2028–U+202F take the general path).
    private static func isStableScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x25A0...0x25FF: true
        default: false
        }
    }

    /// The cached vector of each key, `nil` where there is none: memory first, then one database query
    /// per model for the rest (found vectors are kept in memory).
    func vectors(for keys: [Key]) -> [[Float]?] {
        var result = keys.map { lookUpInMemory($0, countingMiss: store == nil) }
        guard let store else { return result }
        let missing = result.indices.filter { result[$0] == nil }
        for (model, indices) in Dictionary(grouping: missing, by: { keys[$0].provider }) {
            let found: [String: [Float]]
            do {
                found = try store.cachedVectors(provider: model, digests: indices.map { keys[$0].digest })
            } catch {
                recordPersistenceFailure(error)
                found = [:]
            }
            var hits = 0
            for index in indices {
                result[index] = found[keys[index].digest]
                if let vector = result[index] {
                    insertInMemory(vector, for: keys[index])
                    hits += 1
                }
            }
            storage.withLock { storage in
                storage.statistics.hits += hits
                storage.statistics.storedHits += hits
                storage.statistics.misses += indices.count - hits
            }
        }
        return result
    }

    /// Caches vectors in memory and, with a store, in the database (one transaction per model).
    func store(_ entries: [(key: Key, vector: [Float])]) {
        for entry in entries { insertInMemory(entry.vector, for: entry.key) }
        guard let store else { return }
        for (model, group) in Dictionary(grouping: entries, by: { $0.key.provider }) {
            do {
                try store.storeCachedVectors(
                    provider: model, group.map { ($0.key.digest, $0.vector) }, capacity: storedCapacity)
            } catch {
                recordPersistenceFailure(error)
            }
        }
    }

    private func recordPersistenceFailure(_ error: any Error) {
        storage.withLock { storage in
            storage.statistics.persistenceFailures += 1
            storage.lastPersistenceError = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        }
    }

    /// The vector in memory for `key`, counting a hit, or a miss when `countingMiss`.
    func vector(for key: Key) -> [Float]? { lookUpInMemory(key, countingMiss: true) }

    private func lookUpInMemory(_ key: Key, countingMiss: Bool) -> [Float]? {
        storage.withLock { storage in
            guard let slot = storage.slotOfKey[key] else {
                if countingMiss { storage.statistics.misses += 1 }
                return nil
            }
            storage.statistics.hits += 1
            Self.moveToFront(slot, in: &storage)
            return storage.vectors[slot]
        }
    }

    /// Caches one vector in memory only.
    func store(_ vector: [Float], for key: Key) { insertInMemory(vector, for: key) }

    private func insertInMemory(_ vector: [Float], for key: Key) {
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

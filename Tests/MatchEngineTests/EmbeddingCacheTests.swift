import Foundation
import GRDB
import TestSupport
import Testing

@testable import MatchEngine

/// Counts the texts it is asked to embed.
private actor CountingProvider: EmbeddingProvider {
    nonisolated let dimension = 8
    nonisolated let modelIdentifier = "counting"
    private(set) var embedded: [String] = []

    func embed(_ texts: [String]) async throws -> [[Float]] {
        embedded += texts
        return texts.map { HashingEmbedder(dimension: 8).vector($0) }
    }
}

@Suite("Embedding cache")
struct EmbeddingCacheTests {
    @Test("texts already seen are not embedded again; near-identical copies share a vector")
    func cachesByNormalisedText() async throws {
        let base = CountingProvider()
        let cached = CachedEmbeddingProvider(base, cache: EmbeddingCache(capacity: 10))
        let first = try await cached.embed(["Swift developer", "Go engineer"])
        let second = try await cached.embed(["Go engineer", "  Swift   developer ", "Rust"])
        #expect(await base.embedded == ["Swift developer", "Go engineer", "Rust"])
        #expect(second[0] == first[1] && second[1] == first[0])
        #expect(cached.cache.statistics == .init(hits: 2, misses: 3))
    }

    @Test("the fast path of the key's normalisation gives the general path's bytes")
    func fastNormalisationMatchesGeneralPath() {
        func general(_ text: String) -> [UInt8] {
            Array(
                text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    .utf8)
        }
        let texts = [
            "", " ", "Swift developer", "  Swift \t\n developer \r\n", "a\u{0B}b\u{0C}c", "\n\nlead\n", "x  ",
            "Caf\u{65}\u{301} lead", "Zoë  Ångström", "tab\u{A0}nbsp", "line\u{2028}sep", "emoji 🚀  go",
            "next\u{85}line", "• Led — 40 %  ▪ €5k", "a\u{2000}b\u{2001}c", "Ω\u{2126}K\u{212A}", "▪\u{FE0F} x",
        ]
        for text in texts { #expect(EmbeddingCache.normalisedBytes(text) == general(text), "\(text.debugDescription)") }
        var generator = SeededGenerator(seed: 85)
        // Scalars at both sides of the fast path's edges: marks that combine, spaces that decompose, joiners.
        let alphabet: [Character] = [
            "a", "B", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", ".", "é", "\u{301}", "\u{85}", "\u{A0}",
            "\u{2FF}",
            "\u{2000}", "\u{2001}", "\u{200D}", "\u{2013}", "\u{2022}", "\u{2027}", "\u{2028}", "\u{202F}", "\u{205E}",
            "\u{205F}", "\u{20AC}", "\u{25AA}", "\u{FE0F}", "👩", "東",
        ]
        for _ in 0..<2_000 {
            let text = String(
                (0..<Int.random(in: 0..<24, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? "a"
                })
            #expect(EmbeddingCache.normalisedBytes(text) == general(text), "\(text.debugDescription)")
        }
    }

    @Test("the least recently used vector is evicted at capacity")
    func evictsLeastRecentlyUsed() {
        let cache = EmbeddingCache(capacity: 2)
        let a = EmbeddingCache.key(provider: "m", text: "a")
        let b = EmbeddingCache.key(provider: "m", text: "b")
        let c = EmbeddingCache.key(provider: "m", text: "c")
        cache.store([1], for: a)
        cache.store([2], for: b)
        #expect(cache.vector(for: a) == [1])  // a is now the most recent
        cache.store([3], for: c)  // evicts b
        #expect(cache.vector(for: b) == nil)
        #expect(cache.vector(for: a) == [1] && cache.vector(for: c) == [3])
        #expect(cache.count == 2)
    }

    @Test("the same text under two models gives two entries")
    func modelsNeverMix() {
        let cache = EmbeddingCache(capacity: 4)
        cache.store([1], for: EmbeddingCache.key(provider: "minilm", text: "Go"))
        #expect(cache.vector(for: EmbeddingCache.key(provider: "hashing", text: "Go")) == nil)
        #expect(cache.vector(for: EmbeddingCache.key(provider: "minilm", text: "Go")) == [1])
    }

    @Test("with a store, vectors persist: a new process's cache answers from SQLite without embedding")
    func persistsAcrossProcesses() async throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("cache.sqlite").path
        let texts = ["Swift developer", "Go engineer", "Swift developer", "Rust"]
        let firstBase = CountingProvider()
        let first = CachedEmbeddingProvider(
            firstBase, cache: EmbeddingCache(capacity: 10, store: try DocumentStore(path: path)))
        let original = try await first.embed(texts)
        #expect(await firstBase.embedded == ["Swift developer", "Go engineer", "Rust"], "each distinct text once")
        #expect(first.cache.statistics == .init(hits: 0, misses: 4))

        let secondBase = CountingProvider()
        let secondCache = EmbeddingCache(capacity: 10, store: try DocumentStore(path: path))
        let second = CachedEmbeddingProvider(secondBase, cache: secondCache)
        let again = try await second.embed(texts + ["C#"])
        #expect(Array(again.prefix(4)) == original, "bit-exact round trip through the blob")
        #expect(await secondBase.embedded == ["C#"])
        #expect(secondCache.statistics == .init(hits: 4, misses: 1, storedHits: 4))
        _ = try await second.embed(["Rust"])
        #expect(secondCache.statistics.storedHits == 4, "now answered from memory")
        #expect(try secondCache.store?.cachedVectorCount(provider: "counting#8") == 4)
        #expect(try secondCache.store?.cachedVectorCount(provider: "other#8") == 0)
    }

    @Test("a broken cache table costs speed, not results, and is reported")
    func persistenceFailure() async throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("cache.sqlite").path
        let cache = EmbeddingCache(capacity: 10, store: try DocumentStore(path: path))
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: "DROP TABLE embeddingCache") }
        let base = CountingProvider()
        let vectors = try await CachedEmbeddingProvider(base, cache: cache).embed(["a b", "c d"])
        #expect(vectors == [HashingEmbedder(dimension: 8).vector("a b"), HashingEmbedder(dimension: 8).vector("c d")])
        #expect(cache.statistics.persistenceFailures == 2, "one failed read, one failed write")
        #expect(cache.statistics.misses == 2)
        #expect(cache.lastPersistenceError?.contains("embeddingCache") == true)
    }
}

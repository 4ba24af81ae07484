import Foundation
import TestSupport
import Testing
import VectorIndex

@testable import MatchEngine

/// One model name at any dimension, like a remote model with a `dimensions` parameter.
private struct SameModel: EmbeddingProvider {
    let dimension: Int
    let modelIdentifier = "same-model"
    func embed(_ texts: [String]) async throws -> [[Float]] { texts.map(HashingEmbedder(dimension: dimension).vector) }
}

@Suite("Embedding cache keyed by provider identity")
struct ProviderIdentityTests {
    @Test("the same model at another dimension or endpoint never gets the other's cached vectors")
    func identityKeysTheCache() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DocumentStore(path: folder.appendingPathComponent("db.sqlite").path)
        let small = CachedEmbeddingProvider(SameModel(dimension: 8), cache: EmbeddingCache(store: store))
        let large = CachedEmbeddingProvider(SameModel(dimension: 16), cache: EmbeddingCache(store: store))
        #expect(small.modelIdentifier == large.modelIdentifier)
        #expect(small.providerIdentity != large.providerIdentity)
        #expect(try await small.embed(["Go"])[0].count == 8)
        #expect(try await large.embed(["Go"])[0].count == 16)
        let a = try HTTPEmbeddingProvider(
            .init(
                baseURL: try #require(URL(string: "http://127.0.0.1:1/v1")), model: "m", dimension: 4,
                apiKeyVariable: nil))
        let b = try HTTPEmbeddingProvider(
            .init(
                baseURL: try #require(URL(string: "http://127.0.0.1:2/v1")), model: "m", dimension: 4,
                apiKeyVariable: nil))
        #expect(a.providerIdentity != b.providerIdentity)
        #expect(ResilientProvider([a, b]).providerIdentity == a.providerIdentity)
    }

    @Test("the rate limiter keeps the wrapped identity and spaces calls past the budget")
    func rateLimit() async throws {
        let limited = RateLimitedProvider(
            HashingEmbedder(dimension: 8), limit: try RateLimit(requestsPerMinute: 600, tokensPerMinute: 1_000_000))
        #expect(limited.providerIdentity == HashingEmbedder(dimension: 8).providerIdentity)
        let started = ContinuousClock.now
        for _ in 0..<605 { _ = try await limited.embed(["x"]) }
        // 600 in the bucket, then 10 per second: 5 more take about half a second.
        #expect(ContinuousClock.now - started > .milliseconds(300))
        #expect(throws: EngineError.self) { try RateLimit(requestsPerMinute: 0, tokensPerMinute: 10) }
    }

    @Test("BLAS thread scopes nest and restore the count")
    func blasScopes() {
        let before = BLASThreads.current
        BLASThreads.withSingleThread {
            #expect(BLASThreads.current == 1)
            BLASThreads.withSingleThread { #expect(BLASThreads.current == 1) }
            #expect(BLASThreads.current == 1)
        }
        #expect(BLASThreads.current == before)
    }
}

import Foundation
import Logging
import ResumeParser
import VectorIndex

/// Everything an ``Engine`` can be told; every number has a default and a stated ceiling.
public struct EngineConfiguration: Sendable {
    /// Turns texts into vectors (MiniLM, hashing, HTTP, a ``ResilientProvider`` chain…). The engine
    /// wraps it with its persistent ``EmbeddingCache`` (and with ``rateLimit`` when set).
    public var provider: any EmbeddingProvider
    /// How scores are computed and turned into decisions.
    public var weights: ScoringWeights
    /// How documents are cut into chunks (default 1,000 characters, 200 overlap).
    public var chunker: Chunker
    /// The sentence windows embedded beside each chunk for retrieval (dense scores are a passage's best
    /// cosine over the chunk and its windows; see ``ChunkWindows``). Off by default (``ChunkWindows/none``):
    /// they double the text an ingest embeds, which a host that only ranks candidates does not need.
    /// Retrieval uses the windows of the documents stored with them; `match-tool ingest` turns them on.
    public var chunkWindows: ChunkWindows
    /// The most chunks embedded per document (default 48, about 48,000 characters of reading text);
    /// text past them is stored but neither chunked nor embedded. Bounds the embedding work of one file.
    public var maximumChunksPerDocument: Int
    /// The most vectors the persistent embedding cache keeps (default 200,000); the oldest go first.
    public var embeddingCacheCapacity: Int
    /// Cached vectors older than this many seconds are dropped when the engine opens (default: kept).
    public var embeddingCacheMaximumAge: TimeInterval?
    /// A client-side limit for remote providers (requests and tokens per minute); `nil`: none.
    public var rateLimit: RateLimit?
    /// Documents parsed, embedded and committed together (default 64): the unit of progress, of
    /// back-pressure and of what a cancellation or crash keeps. 64 rather than 32 lets one embedding
    /// request hold enough texts for every core when most chunks are cached (score-bench, 1,000 copies of the
    /// fixtures: first run 7.2–7.5 s at 32, 6.9 s at 64, 6.7 s at 128).
    public var batchSize: Int
    /// File size, page and archive limits for reading documents.
    public var parserLimits: TextExtractor.Limits
    /// The month "Present" stands for when totalling years (default: this month).
    public var referenceMonth: YearMonth
    /// The HNSW parameters of the per-namespace candidate indexes.
    public var index: HNSWIndex.Configuration
    /// Namespaces with at most this many candidates are rescored whole by ``Engine/rank(job:namespace:limit:filters:)``
    /// (default 5,000); larger ones through a candidate pool.
    public var exhaustiveRankingLimit: Int
    /// The size of each of the two candidate pools (nearest by embedding, most skills in common) that
    /// larger namespaces rescore (default 250; at least twice the number of candidates asked for). Over
    /// 100,000 synthetic candidates a pool of 250 gave the exhaustive top 10 for 20 of 20 jobs, 100 for
    /// 17 and 50 for 11 (`engine-bench --pool-recall`); the ranking's time grows with the pool.
    public var rankingPoolSize: Int
    /// Where the engine logs (swift-log; default level `notice`: index rebuilds and failures). Lines
    /// carry the ingest job's id as `job`, never resume text, e-mail addresses or keys.
    public var logger: Logger

    /// A configuration with the defaults above and `provider`.
    public init(provider: any EmbeddingProvider, weights: ScoringWeights = .standard) {
        self.provider = provider
        self.weights = weights
        chunker = Chunker()
        chunkWindows = .none
        maximumChunksPerDocument = 48
        embeddingCacheCapacity = 200_000
        embeddingCacheMaximumAge = nil
        rateLimit = nil
        batchSize = 64
        parserLimits = TextExtractor.Limits()
        referenceMonth = .now
        index = HNSWIndex.Configuration()
        exhaustiveRankingLimit = 5_000
        rankingPoolSize = 250
        logger = Logger(label: "match-engine")
        logger.logLevel = .notice
    }

    /// Throws ``EngineError/invalidConfiguration(_:)`` naming the first setting out of range.
    func validate() throws {
        func check(_ ok: Bool, _ reason: String) throws {
            if !ok { throw EngineError.invalidConfiguration(reason) }
        }
        try weights.validate()
        try check((1...10_000).contains(maximumChunksPerDocument), "maximumChunksPerDocument must be 1 … 10,000")
        try check((1...100_000_000).contains(embeddingCacheCapacity), "embeddingCacheCapacity must be 1 … 100,000,000")
        if let age = embeddingCacheMaximumAge {
            try check(age.isFinite && age > 0, "embeddingCacheMaximumAge must be > 0")
        }
        try check((1...4_096).contains(batchSize), "batchSize must be 1 … 4,096")
        try check((0...10_000_000).contains(exhaustiveRankingLimit), "exhaustiveRankingLimit must be 0 … 10,000,000")
        try check((1...100_000).contains(rankingPoolSize), "rankingPoolSize must be 1 … 100,000")
        try check((1...65_536).contains(provider.dimension), "the provider's dimension must be 1 … 65,536")
    }
}

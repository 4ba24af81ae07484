/// How ``Engine/retrieve(_:namespace:k:filters:options:)`` searches; every number has a default and a
/// ceiling.
public struct RetrievalOptions: Sendable, Equatable {
    /// Which retrievers take part.
    public enum Mode: String, Sendable, Equatable, CaseIterable, Codable {
        /// Dense (chunk embeddings, HNSW) and sparse (BM25 over FTS5), fused by reciprocal rank.
        case hybrid
        /// Embeddings only.
        case dense
        /// BM25 only: every chunk that matches a term of the question is a result.
        case bm25
    }

    /// Which retrievers take part (default ``Mode/hybrid``).
    public var mode: Mode
    /// Passages below this calibrated dense score are dropped (default 0.5): fewer results rather than junk.
    public var minimumSimilarity: Double
    /// The lower bar for a passage that also matches the question's terms in BM25 (default 0.2): lexical
    /// evidence counts, but a term match alone is not an answer.
    public var lexicalMinimumSimilarity: Double
    /// The lexical bar instead when a word of the question occurs nowhere in the index (default 0.5, the
    /// dense minimum: no lexical path): "Who holds a nursing license?" matches "license" everywhere, but the
    /// index never says "nursing", so a term match is no evidence there.
    public var unmatchedTermsLexicalMinimumSimilarity: Double
    /// When the question's best passage reaches the dense bar, passages whose calibrated dense score is
    /// within this margin of the best one's are kept too (hybrid; default 0.15, 0 turns it off): a question
    /// that has an answer gets the passages ranked next to it, down to ``lexicalMinimumSimilarity``.
    public var nearBestMargin: Double
    /// When the question names things (``keyTerms``: "Kafka", "Oxford", "scikit-learn"), a BM25 match is
    /// evidence only when it holds this share of their weight (each weighs its inverse document frequency;
    /// default 0.5), and such a passage is kept whatever its dense score; other BM25 matches are not
    /// evidence. A question naming nothing uses ``lexicalMinimumSimilarity`` instead.
    public var minimumKeyTermCoverage: Double
    /// The calibrated dense score a passage needs when the question names things and one of them does not
    /// occur in the index (default 0.7): "Who speaks Finnish?" over resumes that never say "Finnish" should not
    /// return the nearest languages section.
    public var unmatchedNamesMinimumSimilarity: Double
    /// The cosine that calibrates to 0 (default 0.15).
    public var similarityFloor: Double
    /// The cosine that calibrates to 1 (default 0.75).
    public var similarityCeiling: Double
    /// The constant of reciprocal rank fusion, `Σ weight / (fusionK + rank)` (default 60).
    public var fusionK: Double
    /// The weight of the BM25 ranking in the fusion when the question names nothing the full-text index
    /// holds (no ``keyTerms`` found in it; the dense ranking weighs 1; default 0: the dense ranking alone
    /// orders the passages). A question naming things ("Kafka", "Oxford University") fuses both rankings
    /// with weight 1; one that describes ("Who coached junior developers?") shares only framing words with
    /// the passages BM25 finds, whose order is noise there. BM25 matches remain lexical evidence for the
    /// thresholds either way.
    public var unnamedLexicalWeight: Double
    /// How many candidates each retriever contributes before fusion (default 50; 1 … 1,000).
    public var candidatePool: Int
    /// The factor applied to the fused score of a passage whose document kind is not the one the question
    /// is about ("which job…" → job descriptions, "who…" → resumes) when no kind filter is set (default 0.5;
    /// 1 turns the hint off).
    public var kindHintFactor: Double
    /// The calibrated dense score a passage of the other document kind than the question's (see
    /// ``kindHintFactor``) needs to be kept, whatever its lexical evidence (default 0.7; 0 turns it off):
    /// "Who has a degree in marine biology?" is about people, and a job asking for a degree is no answer.
    /// Such passages below it do not count as the question's best passage either.
    public var otherKindMinimumSimilarity: Double

    /// The defaults above.
    public init(
        mode: Mode = .hybrid, minimumSimilarity: Double = 0.5, lexicalMinimumSimilarity: Double = 0.2,
        unmatchedTermsLexicalMinimumSimilarity: Double = 0.5, nearBestMargin: Double = 0.15,
        minimumKeyTermCoverage: Double = 0.5, unmatchedNamesMinimumSimilarity: Double = 0.7,
        similarityFloor: Double = 0.15, similarityCeiling: Double = 0.75, fusionK: Double = 60,
        unnamedLexicalWeight: Double = 0, candidatePool: Int = 50, kindHintFactor: Double = 0.5,
        otherKindMinimumSimilarity: Double = 0.7
    ) {
        self.mode = mode
        self.minimumSimilarity = minimumSimilarity
        self.lexicalMinimumSimilarity = lexicalMinimumSimilarity
        self.unmatchedTermsLexicalMinimumSimilarity = unmatchedTermsLexicalMinimumSimilarity
        self.nearBestMargin = nearBestMargin
        self.minimumKeyTermCoverage = minimumKeyTermCoverage
        self.unmatchedNamesMinimumSimilarity = unmatchedNamesMinimumSimilarity
        self.similarityFloor = similarityFloor
        self.similarityCeiling = similarityCeiling
        self.fusionK = fusionK
        self.unnamedLexicalWeight = unnamedLexicalWeight
        self.candidatePool = candidatePool
        self.kindHintFactor = kindHintFactor
        self.otherKindMinimumSimilarity = otherKindMinimumSimilarity
    }

    /// The most passages one query returns.
    public static let maximumK = 100

    /// A cosine mapped linearly from floor … ceiling to 0 … 1 and clamped.
    func calibrated(_ cosine: Double) -> Double {
        min(1, max(0, (cosine - similarityFloor) / (similarityCeiling - similarityFloor)))
    }

    func validate() throws {
        func check(_ ok: Bool, _ reason: String) throws {
            if !ok { throw EngineError.invalidConfiguration(reason) }
        }
        try check(minimumSimilarity.isFinite && (0...1).contains(minimumSimilarity), "minimumSimilarity must be 0 … 1")
        try check(
            lexicalMinimumSimilarity.isFinite && (0...1).contains(lexicalMinimumSimilarity),
            "lexicalMinimumSimilarity must be 0 … 1")
        try check(
            unmatchedTermsLexicalMinimumSimilarity.isFinite && (0...1).contains(unmatchedTermsLexicalMinimumSimilarity),
            "unmatchedTermsLexicalMinimumSimilarity must be 0 … 1")
        try check(
            minimumKeyTermCoverage.isFinite && (0...1).contains(minimumKeyTermCoverage),
            "minimumKeyTermCoverage must be 0 … 1")
        try check(
            unmatchedNamesMinimumSimilarity.isFinite && (0...1).contains(unmatchedNamesMinimumSimilarity),
            "unmatchedNamesMinimumSimilarity must be 0 … 1")
        try check(
            similarityFloor.isFinite && similarityCeiling.isFinite && similarityFloor < similarityCeiling
                && similarityFloor >= -1 && similarityCeiling <= 1,
            "the similarity floor must be below the ceiling, both in -1 … 1")
        try check(nearBestMargin.isFinite && (0...1).contains(nearBestMargin), "nearBestMargin must be 0 … 1")
        try check(fusionK.isFinite && fusionK >= 0 && fusionK <= 10_000, "fusionK must be 0 … 10,000")
        try check((1...1_000).contains(candidatePool), "candidatePool must be 1 … 1,000")
        try check(kindHintFactor.isFinite && (0...1).contains(kindHintFactor), "kindHintFactor must be 0 … 1")
        try check(
            unnamedLexicalWeight.isFinite && (0...1).contains(unnamedLexicalWeight),
            "unnamedLexicalWeight must be 0 … 1")
        try check(
            otherKindMinimumSimilarity.isFinite && (0...1).contains(otherKindMinimumSimilarity),
            "otherKindMinimumSimilarity must be 0 … 1")
    }
}

import Foundation
import ResumeParser
import VectorIndex

extension Engine {
    /// The passages of `namespace` that best answer `query`, best first: dense retrieval from the
    /// namespace's chunk index and BM25 from SQLite FTS5, fused by reciprocal rank, then thresholded, so
    /// a question without an answer returns fewer passages (or none) rather than junk.
    ///
    /// A passage's dense score is its best cosine over the chunk's vector and its ``ChunkWindows``' (max-sim).
    /// A passage is kept when its calibrated dense score reaches ``RetrievalOptions/minimumSimilarity`` (or
    /// comes within ``RetrievalOptions/nearBestMargin`` of a best passage that does), or on lexical evidence:
    /// when the question names things ("Kafka", "Oxford University"), a BM25 match holding
    /// ``RetrievalOptions/minimumKeyTermCoverage`` of their weight; otherwise a BM25 match that reaches the
    /// lower ``RetrievalOptions/lexicalMinimumSimilarity`` (``RetrievalOptions/unmatchedTermsLexicalMinimumSimilarity``
    /// when a word of the question occurs nowhere in the index). A passage holding every word of a name of
    /// several words in the question ("Larkspur Insurance") but never two of them side by side is not kept,
    /// whatever its scores. Only current document versions are searched.
    ///
    /// - Parameters:
    ///   - query: the question, as a person typed it (never used as FTS5 syntax; the first 4,096
    ///     characters are read, the first 2,000 embedded).
    ///   - k: the most passages returned (clamped to 1 … ``RetrievalOptions/maximumK``).
    ///   - filters: document kind, candidates, jobs, sections.
    /// - Throws: ``EngineError/unknownNamespace(_:)``, ``EngineError/unknownCandidate(_:namespace:)`` or
    ///   ``EngineError/unknownJob(_:namespace:)`` for a filter naming one that does not exist,
    ///   ``EngineError/invalidConfiguration(_:)`` for options out of range, the provider's error, ``StoreError``.
    /// - Complexity: one query embedding, O(ef × log n) for the dense search, FTS5's cost for the terms.
    public func retrieve(
        _ query: String, namespace: String, k: Int = 4, filters: RetrievalFilters = RetrievalFilters(),
        options: RetrievalOptions = RetrievalOptions()
    ) async throws -> [Passage] {
        try options.validate()
        let vector = options.mode == .bm25 ? nil : try await queryVector(query)
        return try retrieve(query, vector: vector, namespace: namespace, k: k, filters: filters, options: options)
    }

    /// ``retrieve(_:namespace:k:filters:options:)`` with the query's embedding computed by the caller (with
    /// the engine's provider): a host that embeds questions itself, or a benchmark that times the search
    /// alone.
    ///
    /// - Parameter embedding: the query's vector from the engine's provider; `nil` searches BM25 only.
    /// - Precondition: `embedding` has the provider's dimension.
    public func retrieve(
        _ query: String, embedding: [Float]?, namespace: String, k: Int = 4,
        filters: RetrievalFilters = RetrievalFilters(), options: RetrievalOptions = RetrievalOptions()
    ) throws -> [Passage] {
        try options.validate()
        if let embedding {
            precondition(embedding.count == configuration.provider.dimension, "query vector of the wrong dimension")
        }
        return try retrieve(
            query, vector: embedding.map(Self.normalized), namespace: namespace, k: k, filters: filters,
            options: options)
    }

    /// The best passages for `query` laid out for a prompt with numbered citations, within `budget`
    /// characters (clamped to ``RetrievalContext/minimumBudget`` … ``RetrievalContext/maximumBudget``).
    ///
    /// - Throws: what ``retrieve(_:namespace:k:filters:options:)`` throws.
    public func context(
        for query: String, namespace: String, budget: Int = 4_000, k: Int = 4,
        filters: RetrievalFilters = RetrievalFilters(), options: RetrievalOptions = RetrievalOptions()
    ) async throws -> RetrievalContext {
        let passages = try await retrieve(query, namespace: namespace, k: k, filters: filters, options: options)
        return RetrievalContext(passages: passages, budget: budget)
    }

    /// Candidates of `namespace` whose resumes match free text, ranked by their best passages (hybrid
    /// retrieval over resumes only, thresholded like ``retrieve(_:namespace:k:filters:options:)``).
    ///
    /// - Parameter limit: the most candidates returned (clamped to 1 … 100).
    /// - Throws: what ``retrieve(_:namespace:k:filters:options:)`` throws.
    public func searchCandidates(
        _ text: String, namespace: String, limit: Int = 10, options: RetrievalOptions = RetrievalOptions()
    ) async throws -> [CandidateSearchResult] {
        try options.validate()
        let vector = options.mode == .bm25 ? nil : try await queryVector(text)
        var options = options
        options.candidatePool = max(options.candidatePool, 200)
        let passages = try retrieve(
            text, vector: vector, namespace: namespace, k: 200, filters: RetrievalFilters(kind: .resume),
            options: options, maximumK: 200)
        var byCandidate: [CandidateID: [Passage]] = [:]
        var order: [CandidateID] = []
        for passage in passages {
            guard let candidate = passage.candidate else { continue }
            if byCandidate[candidate] == nil { order.append(candidate) }
            byCandidate[candidate, default: []].append(passage)
        }
        let index = try candidateIndex(namespace)
        var results: [CandidateSearchResult] = order.compactMap { id in
            guard let record = index.record(identity: id), let passages = byCandidate[id] else { return nil }
            let score = passages[0].fusedScore + (passages.count > 1 ? passages[1].fusedScore / 10 : 0)
            return CandidateSearchResult(
                rank: 0, candidate: Self.summary(record), score: score, passages: Array(passages.prefix(3)))
        }
        results.sort { ($0.score, $1.candidate.id) > ($1.score, $0.candidate.id) }
        return results.prefix(max(1, min(limit, 100))).enumerated().map { offset, result in
            var result = result
            result.rank = offset + 1
            return result
        }
    }

    // MARK: Internals

    private func queryVector(_ query: String) async throws -> [Float]? {
        let text = String(query.prefix(2_000)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let vectors = try await provider.embed([text])
        guard let vector = vectors.first, vector.count == configuration.provider.dimension else {
            throw EmbeddingError.malformedResponse(
                provider: configuration.provider.modelIdentifier, reason: "no vector for the query")
        }
        return Self.normalized(vector)
    }

    private static func normalized(_ vector: [Float]) -> [Float] {
        var vector = vector
        vector.withUnsafeMutableBufferPointer { Distance.normalize($0) }
        return vector
    }

    /// The namespace's chunk index, loaded on first use and brought up to the store's chunk revision.
    func chunkIndex(_ namespace: String) throws -> ChunkIndex {
        let candidates = try candidateIndex(namespace)
        let id = candidates.namespaceID
        if let loaded = chunkIndexes.withLock({ $0[id] }) {
            try loaded.synchronize(store: store, model: model, logger: logger)
            return loaded
        }
        let loaded = try ChunkIndex.load(
            namespaceID: id, namespace: candidates.namespace, store: store, model: model,
            dimension: configuration.provider.dimension, file: indexFile(candidates.namespace, purpose: "chunks"),
            configuration: configuration.index, logger: logger)
        return chunkIndexes.withLock { indexes in
            if let existing = indexes[id] { return existing }
            indexes[id] = loaded
            return loaded
        }
    }

    /// Drops the namespace's chunk index and its file, builds it again from the store and saves it.
    func rebuildChunkIndex(namespaceID: Int64, name: String) throws -> ChunkIndex {
        chunkIndexes.withLock { _ = $0.removeValue(forKey: namespaceID) }
        try? FileManager.default.removeItem(at: indexFile(name, purpose: "chunks"))
        return try chunkIndex(name)
    }

    /// Saves every loaded chunk index (on close).
    func saveChunkIndexes() {
        for index in chunkIndexes.withLock({ Array($0.values) }) { index.save(logger: logger) }
    }

    private func retrieve(
        _ query: String, vector: [Float]?, namespace: String, k: Int, filters: RetrievalFilters,
        options: RetrievalOptions, maximumK: Int = RetrievalOptions.maximumK
    ) throws -> [Passage] {
        let chunks = try chunkIndex(namespace)
        let candidates = try candidateIndex(namespace)
        let k = max(1, min(k, maximumK))
        let pool = max(options.candidatePool, k)
        let (accept, tags) = try resolve(filters, candidates: candidates)

        var dense: [(key: UInt64, cosine: Double)] = []
        if options.mode != .bm25, let vector, chunks.index.count > 0 {
            dense = chunks.nearest(vector, k: pool, allow: chunks.predicate(accept))
        }
        var fullText = FullTextQuery(query)
        var indexRows = 0
        var counts: [String: Int] = [:]
        if options.mode != .dense, fullText.terms.count > 1 || !fullText.keyTerms.isEmpty {
            // Every row carries "kresume" or "kjob" in its tags (stemmed "kresum", "kjob"): their counts add to
            // the number of rows.
            let candidates = fullText.terms.flatMap(FullTextQuery.stemCandidates) + ["kresum", "kjob"]
            counts = try chunks.termDocumentCounts(candidates, store: store)
            indexRows = (counts["kresum"] ?? 0) + (counts["kjob"] ?? 0)
            fullText = fullText.withoutCommonTerms(counts: counts, rows: indexRows)
        }
        let hint = filters.kind == nil && filters.candidates == nil && filters.jobs == nil ? fullText.kindHint : nil
        var sparse: [(key: UInt64, score: Double)] = []
        if options.mode != .dense, let scoped = fullText.expression(namespace: chunks.namespaceID, tags: tags),
            let unscoped = fullText.expression(namespace: nil, tags: tags)
        {
            // Only the namespace's current chunks (the entries) are kept, whichever query found them.
            let keep = { (hit: (key: UInt64, score: Double)) in chunks.entry(hit.key).map(accept) ?? false }
            let stems = fullText.terms.map(PorterStemmer.stem)
            // Every match read and ranked here (FullTextRanking: BM25 with the row lengths the chunk index
            // keeps), only the namespace's current chunks that pass the filters; `nil` past the row cap.
            func ranked(_ expression: String) throws -> [(key: UInt64, score: Double)]? {
                guard
                    let hits = try store.fullTextHits(
                        expression, terms: stems, limit: FullTextRanking.maximumRows)
                else { return nil }
                // One count per term: the rows holding its stem (in any column: a tag is never a stemmed word),
                // never fewer than the matches holding it.
                guard hits.phrases == stems.count else { return [] }
                let documentCounts = (0..<hits.phrases).map { term in
                    max(hits.termRows[term], Self.rowsHolding(term, hits))
                }
                return FullTextRanking.rank(
                    hits, documentCounts: documentCounts, limit: pool,
                    tokens: chunks.tokens(of: hits.keys, accept: accept))
            }
            // Large indexes: the rows holding every term are tried first (fewer rows to read); when they fill
            // the pool, they are the BM25 list.
            if indexRows >= FullTextQuery.conjunctiveFirstRows, fullText.terms.count > 1,
                let all = fullText.expression(namespace: nil, tags: tags, conjunctive: true),
                let found = try ranked(all)
            {
                sparse = found
            }
            if sparse.count < pool {
                if let found = try ranked(unscoped) {
                    sparse = found
                } else {
                    // More matches than FullTextRanking reads: FTS5 ranks them. Without the namespace tag
                    // first, whose posting list holds every row of the namespace and doubles FTS5's work;
                    // rows of other namespaces are dropped here, and when they may have crowded the
                    // namespace's rows out of the first `4 × pool`, the query runs again scoped by the tag.
                    let wide = pool * 4
                    let found = try store.searchChunks(unscoped, limit: wide)
                    sparse = found.filter(keep)
                    if sparse.count < pool && found.count == wide {
                        sparse = try store.searchChunks(scoped, limit: pool).filter(keep)
                    }
                }
            }
            sparse = Array(sparse.prefix(pool))
        }
        // Max-sim: every passage either list found is scored by its best cosine over its own vector and its
        // windows' (ChunkWindows), and the dense list is ranked by that score.
        var cosines: [UInt64: Double] = [:]
        if options.mode != .bm25, let vector {
            var keys = dense.map(\.key)
            var seen = Set(keys)
            for hit in sparse where seen.insert(hit.key).inserted { keys.append(hit.key) }
            cosines = try chunks.bestCosines(keys, query: vector, store: store, model: model)
            dense = cosines.map { (key: $0.key, cosine: $0.value) }.sorted { ($0.cosine, $1.key) > ($1.cosine, $0.key) }
            dense = Array(dense.prefix(pool))
        }
        // A question naming nothing the index holds describes its answer: BM25 matched its framing words only,
        // so the dense ranking orders the passages (the BM25 matches stay lexical evidence below).
        let named = fullText.keyTerms.contains { (FullTextQuery.documentCount(of: $0, in: counts) ?? 0) > 0 }
        let fused = ReciprocalRankFusion.fuse(
            [dense.map(\.key), sparse.map(\.key)], k: options.fusionK,
            weights: [1, named || options.mode != .hybrid ? 1 : options.unnamedLexicalWeight])
        let bm25 = Dictionary(sparse.map { ($0.key, $0.score) }, uniquingKeysWith: max)
        // A question that names things: the BM25 matches holding enough of those names are the evidence.
        var denseMinimum = options.minimumSimilarity
        var nameWeights: [Double]?
        // A word of the question that no chunk holds (unmatched): a BM25 match on its other words is weak evidence.
        let lexicalMinimum =
            fullText.terms.contains { FullTextQuery.documentCount(of: $0, in: counts) == nil } && !counts.isEmpty
            ? options.unmatchedTermsLexicalMinimumSimilarity : options.lexicalMinimumSimilarity
        if options.mode == .hybrid, !fullText.keyTerms.isEmpty {
            let nameMissing = fullText.keyTerms.contains {
                (FullTextQuery.documentCount(of: $0, in: counts) ?? 0) == 0
            }
            if nameMissing { denseMinimum = max(denseMinimum, options.unmatchedNamesMinimumSimilarity) }
            nameWeights = fullText.keyTermWeights(counts: counts, rows: indexRows)
        }
        // Best first (kind hint applied), then kept in that order until k are: the names check reads a
        // passage's text, so it runs only on the passages that could make the first k, eight reads at a time.
        // A passage of the other kind than the question's ("who…" and a job description).
        func isOtherKind(_ key: UInt64) -> Bool {
            hint != nil && chunks.entry(key).map { $0.isResume != (hint == .resume) } == true
        }
        var ordered = fused.map { key, score in
            (key: key, fused: isOtherKind(key) ? score * options.kindHintFactor : score)
        }
        ordered.sort { ($0.fused, $1.key) > ($1.fused, $0.key) }
        var rows: [UInt64: PassageRow] = [:]
        // The text of the BM25 match at `position` (read with the next seven such matches not read yet).
        func row(_ position: Int) throws -> PassageRow? {
            let key = ordered[position].key
            if rows[key] == nil {
                let next = ordered[position...].lazy.map(\.key).filter { bm25[$0] != nil && rows[$0] == nil }.prefix(8)
                rows.merge(try store.passageRows(Array(next), namespace: chunks.namespaceID)) { $1 }
            }
            return rows[key]
        }
        func holdsNames(_ position: Int, weights: [Double]) throws -> Bool {
            try row(position).map { fullText.keyTermCoverage(of: $0.text, weights: weights) } ?? 0
                >= options.minimumKeyTermCoverage
        }
        // A passage holding every word of a name of several words ("Larkspur Insurance") but never two of them
        // side by side answers another question, however close its dense score.
        func splitsName(_ position: Int) throws -> Bool {
            guard options.mode == .hybrid, !fullText.names.isEmpty, bm25[ordered[position].key] != nil else {
                return false
            }
            return try row(position).map { fullText.splitsName(in: $0.text) } ?? false
        }
        // A question naming two things or more ("both Kafka and Kubernetes"): among the first passages, those
        // holding every name come first (fused order kept within each group).
        if options.mode == .hybrid, fullText.keyTerms.count >= 2, let nameWeights {
            let head = min(ordered.count, max(4 * k, 16))
            let keys = ordered[..<head].map(\.key).filter { bm25[$0] != nil }
            rows.merge(try store.passageRows(keys, namespace: chunks.namespaceID)) { $1 }
            let all = ordered[..<head].map { hit in
                rows[hit.key].map { fullText.keyTermCoverage(of: $0.text, weights: nameWeights) >= 1 - 1e-9 } ?? false
            }
            let first = zip(ordered[..<head], all).filter(\.1).map(\.0)
            let rest = zip(ordered[..<head], all).filter { !$0.1 }.map(\.0)
            ordered.replaceSubrange(..<head, with: first + rest)
        }
        // A question whose best passage reaches the dense bar is answered: passages within
        // `nearBestMargin` of that best one are kept too (paraphrases of a common fact sit just below it).
        // Passages of the other kind below their bar cannot be kept, so they are not the best one either.
        let otherKindMinimum = options.mode == .hybrid ? options.otherKindMinimumSimilarity : 0
        let best =
            cosines.lazy.map { (key: $0.key, calibrated: options.calibrated($0.value)) }
            .filter { otherKindMinimum == 0 || $0.calibrated >= otherKindMinimum || !isOtherKind($0.key) }
            .map(\.calibrated).max() ?? 0
        let nearBest =
            best >= denseMinimum ? max(options.lexicalMinimumSimilarity, best - options.nearBestMargin) : .infinity
        var kept: [(key: UInt64, fused: Double, cosine: Double?)] = []
        for (position, hit) in ordered.enumerated() where kept.count < k {
            if try splitsName(position) { continue }
            let cosine = cosines[hit.key] ?? vector.flatMap { chunks.cosine(hit.key, $0) }
            let calibrated = cosine.map(options.calibrated)
            let keep: Bool
            switch options.mode {
            case .bm25: keep = true
            case .dense: keep = (calibrated ?? 0) >= options.minimumSimilarity
            case .hybrid:
                if otherKindMinimum > 0, isOtherKind(hit.key) {
                    keep = (calibrated ?? 0) >= max(otherKindMinimum, min(denseMinimum, nearBest))
                } else if let nameWeights {
                    keep =
                        try (calibrated ?? 0) >= min(denseMinimum, nearBest)
                        || (bm25[hit.key] != nil && holdsNames(position, weights: nameWeights))
                } else if let calibrated {
                    keep =
                        calibrated >= min(options.minimumSimilarity, nearBest)
                        || (bm25[hit.key] != nil && calibrated >= lexicalMinimum)
                } else {
                    keep = bm25[hit.key] != nil
                }
            }
            if keep { kept.append((hit.key, hit.fused, cosine)) }
        }
        let top = kept.prefix(k)
        let unread = top.map(\.key).filter { rows[$0] == nil }
        if !unread.isEmpty { rows.merge(try store.passageRows(unread, namespace: chunks.namespaceID)) { $1 } }
        return top.compactMap { hit in
            guard let row = rows[hit.key] else { return nil }
            return Passage(
                source: row.source, kind: row.isResume ? .resume : .job, candidate: row.candidate,
                candidateName: row.name, job: row.job, section: SectionKind(rawValue: row.section) ?? .other,
                ordinal: row.ordinal, range: row.start..<max(row.start, row.end), text: row.text, cosine: hit.cosine,
                denseScore: hit.cosine.map(options.calibrated), bm25Score: bm25[hit.key], fusedScore: hit.fused)
        }
    }

    /// How many rows of `hits` hold phrase `phrase` (a lower bound of the table's rows holding it).
    private static func rowsHolding(_ phrase: Int, _ hits: FullTextHits) -> Int {
        stride(from: phrase, to: hits.counts.count, by: max(1, hits.phrases)).reduce(0) {
            hits.counts[$1] > 0 ? $0 + 1 : $0
        }
    }

    /// The filters as a predicate over chunk entries and as FTS5 tag groups (each group OR-ed, groups AND-ed).
    private func resolve(
        _ filters: RetrievalFilters, candidates: CandidateIndex
    ) throws -> (accept: @Sendable (ChunkEntry) -> Bool, tags: [[String]]) {
        let limit = 1_000
        if (filters.candidates?.count ?? 0) > limit || (filters.jobs?.count ?? 0) > limit {
            throw EngineError.invalidConfiguration("at most \(limit) candidates and \(limit) jobs in a filter")
        }
        var tags: [[String]] = []
        let kind = filters.kind
        if let kind { tags.append(["k" + kind.rawValue]) }
        let sections = filters.sections.map { Set($0.map(\.rawValue)) }
        if let sections { tags.append(sections.sorted().map { "s" + $0 }) }
        var candidateRows: Set<Int64>?
        var jobRows: Set<Int64>?
        if let wanted = filters.candidates {
            candidateRows = Set(try wanted.map { try record($0, in: candidates).rowID })
        }
        if let wanted = filters.jobs {
            jobRows = Set(try wanted.map { try jobRecord($0, in: candidates).rowID })
        }
        if candidateRows != nil || jobRows != nil {
            tags.append(
                (candidateRows ?? []).sorted().map { "c\($0)" } + (jobRows ?? []).sorted().map { "j\($0)" })
        }
        let accept: @Sendable (ChunkEntry) -> Bool = { [candidateRows, jobRows] entry in
            if let kind, (kind == .resume) != entry.isResume { return false }
            if let sections, !sections.contains(entry.section) { return false }
            if candidateRows != nil || jobRows != nil {
                let rows = entry.isResume ? candidateRows : jobRows
                guard let rows, rows.contains(entry.owner) else { return false }
            }
            return true
        }
        return (accept, tags)
    }
}

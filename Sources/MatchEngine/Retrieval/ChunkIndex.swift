import Foundation
import Logging
import VectorIndex

/// One namespace's chunks in memory for one model: an HNSW index of the chunk vectors of every current
/// resume and job version, and what filters need to know of each chunk. Derived from the store: the file
/// records the chunk revision it reflects, and ``synchronize(store:model:logger:)`` brings a loaded (or
/// stale) index up to date by difference — chunks the store no longer has leave, new ones are added —
/// so a restart after a few writes does not rebuild 100,000 vectors.
final class ChunkIndex: Sendable {
    let namespaceID: Int64
    let namespace: String
    let index: HNSWIndex
    let file: URL
    private let entries: Locked<[UInt64: ChunkEntry]>
    /// One synchronisation at a time; searches never wait for it.
    private let synchronizing = Locked(())
    /// How many synchronisations caught up from the store's change log (for diagnostics and tests).
    let catchUps = Locked(0)
    /// Full-text document counts of stemmed terms (-1: not in the index), read once per chunk revision.
    private let termCounts = Locked<[String: Int]>([:])

    private init(namespaceID: Int64, namespace: String, index: HNSWIndex, file: URL) {
        self.namespaceID = namespaceID
        self.namespace = namespace
        self.index = index
        self.file = file
        entries = Locked([:])
    }

    /// Loads the namespace's chunk index from `file` (when readable and of the right dimension, else
    /// starts empty) and synchronises it with the store.
    static func load(
        namespaceID: Int64, namespace: String, store: any EngineStore, model: String, dimension: Int, file: URL,
        configuration: HNSWIndex.Configuration, logger: Logger
    ) throws -> ChunkIndex {
        var index: HNSWIndex?
        var reason = "no index file"
        if FileManager.default.fileExists(atPath: file.path) {
            do {
                let loaded = try HNSWIndex(contentsOf: file)
                if loaded.dimension == dimension {
                    index = loaded
                } else {
                    reason = "index of dimension \(loaded.dimension), provider of \(dimension)"
                }
            } catch {
                reason = "index file unreadable (\((error as? LocalizedError)?.errorDescription ?? "\(error)"))"
            }
        }
        let rebuilt = index == nil
        if rebuilt {
            logger.log(
                level: reason == "no index file" ? .info : .notice,
                "building the chunk index from the store",
                metadata: ["namespace": "\(namespace)", "reason": "\(reason)"])
        }
        let chunkIndex = ChunkIndex(
            namespaceID: namespaceID, namespace: namespace,
            index: index ?? HNSWIndex(dimension: dimension, metric: .cosine, configuration: configuration), file: file)
        // A loaded file's revision says nothing until the entries are read: force the first synchronisation.
        try chunkIndex.synchronize(store: store, model: model, logger: logger, force: true)
        if rebuilt { chunkIndex.save(logger: logger) }
        return chunkIndex
    }

    /// Brings the index up to the store's chunk revision (nothing to do when it is there already): from the
    /// store's change log (``ChunkChangeLog``) when it reaches back to the index's revision, else (and when
    /// `force`d, as after loading a file) by listing every current chunk.
    ///
    /// - Complexity: O(1) store read when current; O(c + n) after c changed chunks (reads for the c, an
    ///   in-memory pass over the n entries); O(n) reads when listing; plus the HNSW insertion of each new chunk.
    func synchronize(store: any EngineStore, model: String, logger: Logger, force: Bool = false) throws {
        if !force, try store.chunkRevision(namespace: namespaceID) == Int64(bitPattern: index.revision) { return }
        try synchronizing.withLock { _ in
            if !force, try catchUp(store: store, model: model) { return }
            let (revision, chunks) = try store.currentChunks(namespace: namespaceID)
            if !force, revision == Int64(bitPattern: index.revision) { return }
            var current: [UInt64: ChunkEntry] = [:]
            current.reserveCapacity(chunks.count)
            for chunk in chunks { current[chunk.key] = chunk }
            // Entries first, so that a search between the two steps cannot return a deleted chunk.
            let known = entries.withLock { entries in
                defer { entries = current }
                return entries
            }
            let stale = index.ids.filter { current[$0] == nil }
            let added = try applyToGraph(
                removing: stale, adding: chunks.map(\.key), revision: revision, store: store, model: model)
            if force || !stale.isEmpty || added > 1_000 {
                logger.debug(
                    "chunk index synchronised",
                    metadata: [
                        "namespace": "\(namespace)", "added": "\(added)", "removed": "\(stale.count)",
                        "chunks": "\(current.count)", "before": "\(known.count)",
                    ])
            }
        }
    }

    /// Applies the store's logged changes since the index's revision: the entries and vectors of the changed
    /// documents leave, their current chunks come back in. `false` (nothing done) when the log does not reach
    /// back to the index's revision. Runs under `synchronizing`.
    private func catchUp(store: any EngineStore, model: String) throws -> Bool {
        let since = Int64(bitPattern: index.revision)
        guard let changes = try store.chunkChanges(namespace: namespaceID, since: since) else { return false }
        if changes.revision == since { return true }
        let current = Dictionary(changes.chunks.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        // Entries first, so that a search between the two steps cannot return a deleted chunk.
        let leaving = entries.withLock { entries in
            var leaving: [UInt64] = []
            for (key, entry) in entries where changes.documents.contains(entry.document) && current[key] == nil {
                leaving.append(key)
            }
            for key in leaving { entries.removeValue(forKey: key) }
            for (key, entry) in current { entries[key] = entry }
            return leaving
        }
        // In key order: the same writes build the same graph.
        try applyToGraph(
            removing: leaving, adding: current.keys.sorted(), revision: changes.revision, store: store, model: model)
        catchUps.withLock { $0 += 1 }
        return true
    }

    /// The graph's side of a synchronisation, once the entries are up to date: `stale` chunks leave, those of
    /// `keys` it does not hold yet come in (in that order) with their stored vectors, and the index takes
    /// `revision`. Returns how many vectors were added.
    @discardableResult
    private func applyToGraph(
        removing stale: [UInt64], adding keys: [UInt64], revision: Int64, store: any EngineStore, model: String
    ) throws -> Int {
        for key in stale { _ = index.remove(id: key) }
        let missing = keys.filter { !index.contains(id: $0) }
        // The graph holds each chunk's own vector; its windows' are read per query (``bestCosines``).
        let vectors = try store.chunkVectors(missing, namespace: namespaceID, model: model, floats: index.dimension)
            .filter { $0.vector.count == index.dimension }
        if !vectors.isEmpty { index.add(ids: vectors.map(\.key), vectors: vectors.flatMap(\.vector)) }
        index.revision = UInt64(bitPattern: revision)
        termCounts.withLock { $0.removeAll(keepingCapacity: true) }
        return vectors.count
    }

    /// Writes the index file (atomically); a failure is logged, never thrown: the file is derived.
    func save(logger: Logger) {
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try index.write(to: file)
        } catch {
            logger.warning(
                "could not save the chunk index; it will be brought up to date on the next open",
                metadata: ["namespace": "\(namespace)"])
        }
    }

    /// The full-text document counts of `terms`, from the cache or else from the store (then cached until
    /// the next chunk change); terms the index does not hold are left out.
    func termDocumentCounts(_ terms: [String], store: any EngineStore) throws -> [String: Int] {
        let cached = termCounts.withLock { counts in terms.map { counts[$0] } }
        let missing = zip(terms, cached).filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            let fetched = try store.termDocumentCounts(missing)
            termCounts.withLock { counts in
                if counts.count > 100_000 { counts.removeAll(keepingCapacity: true) }
                for term in missing { counts[term] = fetched[term] ?? -1 }
            }
        }
        return termCounts.withLock { counts in
            var result: [String: Int] = [:]
            for term in terms { if let count = counts[term], count >= 0 { result[term] = count } }
            return result
        }
    }

    /// What filters know of a current chunk.
    func entry(_ key: UInt64) -> ChunkEntry? { entries.withLock { $0[key] } }

    /// The full-text row lengths of `keys` (``ChunkEntry/tokens``), `nil` for a key that is no current chunk
    /// of the namespace or that `accept` refuses; one lock for the whole list.
    func tokens(of keys: [UInt64], accept: (ChunkEntry) -> Bool) -> [Int32?] {
        entries.withLock { entries in
            keys.map { key in entries[key].flatMap { accept($0) ? $0.tokens : nil } }
        }
    }

    /// A predicate that lets through current chunks accepted by `accept`.
    func predicate(_ accept: @escaping @Sendable (ChunkEntry) -> Bool) -> @Sendable (UInt64) -> Bool {
        let snapshot = entries.withLock { $0 }
        return { key in snapshot[key].map(accept) ?? false }
    }

    /// The `k` chunks nearest to `query` among those `allow` lets through, nearest first, with cosines.
    ///
    /// - Complexity: O(ef × log n) distance evaluations expected.
    func nearest(
        _ query: [Float], k: Int, allow: @escaping @Sendable (UInt64) -> Bool
    ) -> [(key: UInt64, cosine: Double)] {
        index.search(query, k: k, ef: max(k, 100), filter: .predicate(allow)).map { ($0.id, Double(1 - $0.distance)) }
    }

    /// Each chunk's best cosine with `query` (unit length) over its own vector and its windows' (max-sim,
    /// see ``ChunkWindows``), read from the store; chunks without a vector for `model` are left out.
    ///
    /// - Complexity: one stored read per chunk, O(vectors × dimension) arithmetic.
    func bestCosines(
        _ keys: [UInt64], query: [Float], store: any EngineStore, model: String
    ) throws -> [UInt64: Double] {
        let dimension = index.dimension
        guard query.count == dimension else { return [:] }
        var result: [UInt64: Double] = [:]
        for (key, vectors) in try store.chunkVectors(keys, namespace: namespaceID, model: model, floats: nil) {
            let count = vectors.count / dimension
            guard count > 0 else { continue }
            var best = -Double.infinity
            vectors.withUnsafeBufferPointer { all in
                query.withUnsafeBufferPointer { q in
                    for v in 0..<count {
                        let base = v * dimension
                        var dot: Float = 0
                        var norm: Float = 0
                        for i in 0..<dimension {
                            let x = all[base + i]
                            dot += x * q[i]
                            norm += x * x
                        }
                        if norm > 0 { best = max(best, Double(dot / norm.squareRoot())) }
                    }
                }
            }
            if best > -.infinity { result[key] = best }
        }
        return result
    }

    /// The cosine of `query` (unit length) and a chunk's stored vector.
    func cosine(_ key: UInt64, _ query: [Float]) -> Double? {
        guard let vector = index.vector(id: key), vector.count == query.count else { return nil }
        var dot: Float = 0
        var norm: Float = 0
        for i in 0..<vector.count {
            dot += vector[i] * query[i]
            norm += vector[i] * vector[i]
        }
        return norm > 0 ? Double(dot / norm.squareRoot()) : nil
    }
}

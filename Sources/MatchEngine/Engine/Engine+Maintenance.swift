import Foundation
import VectorIndex

/// Row counts of an engine, per namespace (what `match-tool db stats` prints).
public struct EngineStatistics: Sendable, Equatable, Codable {
    /// The counts of one namespace.
    public struct Namespace: Sendable, Equatable, Codable {
        /// The namespace's name.
        public var name: String
        /// Candidates.
        public var candidates: Int
        /// Stored documents: every resume version and job description version.
        public var documents: Int
        /// Jobs.
        public var jobs: Int
        /// Chunks of those documents.
        public var chunks: Int
        /// Stored vectors (one per chunk and one per document, per provider).
        public var vectors: Int
        /// Recorded match results.
        public var matchResults: Int
    }

    /// Every namespace, in order of creation.
    public var namespaces: [Namespace]
    /// Vectors in the embedding cache (shared by the namespaces).
    public var cachedVectors: Int

    /// The sum over namespaces of `keyPath`.
    public func total(_ keyPath: KeyPath<Namespace, Int>) -> Int { namespaces.reduce(0) { $0 + $1[keyPath: keyPath] } }
}

/// What ``Engine/check()`` found: the database's integrity and, per namespace, whether the candidate
/// index and the chunk index (retrieval's) agree with the store.
public struct EngineCheckReport: Sendable, Equatable, Codable {
    /// One namespace's index against the store.
    public struct Namespace: Sendable, Equatable, Codable {
        /// The namespace's name.
        public var name: String
        /// Candidates in the store.
        public var candidates: Int
        /// Vectors in the candidate index.
        public var indexed: Int
        /// The store's revision of the namespace.
        public var storeRevision: Int64
        /// The revision the index reflects.
        public var indexRevision: Int64
        /// Whether the index file on disk reads back (a missing or corrupt file is rebuilt on open).
        public var indexFileReadable: Bool
        /// Candidates whose ranked resume has no vector for the engine's provider (they rank without the
        /// semantic component).
        public var candidatesWithoutVector: [CandidateID]
        /// Chunks of the current resume and job versions with a vector for the engine's provider.
        public var chunks: Int
        /// Vectors in the chunk index.
        public var indexedChunks: Int
        /// Whether the chunk index file on disk reads back (a missing or corrupt file is rebuilt when
        /// retrieval first needs it).
        public var chunkIndexFileReadable: Bool
        /// What is wrong, in words; empty when the namespace is sound.
        public var problems: [String]
    }

    /// SQLite's `PRAGMA integrity_check`: `"ok"` for a sound database.
    public var integrity: String
    /// Every namespace.
    public var namespaces: [Namespace]
    /// Whether nothing is wrong.
    public var isHealthy: Bool { integrity == "ok" && namespaces.allSatisfy(\.problems.isEmpty) }
}

/// What ``Engine/rebuildIndexes(namespace:)`` built for one namespace.
public struct RebuiltIndexes: Sendable, Equatable, Codable {
    /// Vectors in the rebuilt candidate index.
    public var candidates: Int
    /// Vectors in the rebuilt chunk index.
    public var chunks: Int
}

extension Engine {
    /// Counts the rows of every namespace.
    ///
    /// - Throws: ``StoreError``.
    /// - Complexity: one `COUNT(*)` per table and namespace.
    public func statistics() throws -> EngineStatistics {
        try checkOpen()
        var namespaces: [EngineStatistics.Namespace] = []
        for namespace in try store.namespaces() {
            let counts = try store.counts(namespace: namespace.id)
            namespaces.append(
                EngineStatistics.Namespace(
                    name: namespace.name, candidates: counts.candidates, documents: counts.documents, jobs: counts.jobs,
                    chunks: counts.chunks, vectors: counts.vectors, matchResults: counts.matchResults))
        }
        return EngineStatistics(namespaces: namespaces, cachedVectors: try store.cachedVectorCount())
    }

    /// Checks the database (`PRAGMA integrity_check`) and, per namespace, that the candidate index holds
    /// one vector per candidate with a vector, reflects the store's revision and reads back from its file,
    /// and that the chunk index holds one vector per current chunk with a vector and reads back from its
    /// file. The indexes are loaded (a chunk index is brought up to date with the store, as retrieval
    /// would); nothing in the store is changed. ``rebuildIndexes(namespace:)`` repairs what this finds in
    /// the indexes.
    ///
    /// - Throws: ``StoreError``.
    public func check() throws -> EngineCheckReport {
        try checkOpen()
        let integrity = try store.integrityCheck()
        var namespaces: [EngineCheckReport.Namespace] = []
        for namespace in try store.namespaces() {
            let index = try candidateIndex(namespace.name)
            let revision = try store.revision(namespace: namespace.id)
            let missing = try store.candidatesWithoutVector(namespace: namespace.id, model: model)
            let candidates = try store.counts(namespace: namespace.id).candidates
            let readable = (try? HNSWIndex(contentsOf: index.file)) != nil
            var problems: [String] = []
            if Int64(index.index.revision) != revision {
                problems.append("the index reflects revision \(index.index.revision), the store is at \(revision)")
            }
            if index.index.count != candidates - missing.count {
                problems.append(
                    "the index holds \(index.index.count) vectors for \(candidates - missing.count) candidates with one"
                )
            }
            if !readable { problems.append("the index file \(index.file.lastPathComponent) does not read back") }
            let chunkIndex = try self.chunkIndex(namespace.name)
            let chunks = try store.currentChunkVectorCount(namespace: namespace.id, model: model)
            let chunkFileReadable = (try? HNSWIndex(contentsOf: chunkIndex.file)) != nil
            if chunkIndex.index.count != chunks {
                problems.append("the chunk index holds \(chunkIndex.index.count) vectors for \(chunks) chunks with one")
            }
            if !chunkFileReadable {
                problems.append("the chunk index file \(chunkIndex.file.lastPathComponent) does not read back")
            }
            namespaces.append(
                EngineCheckReport.Namespace(
                    name: namespace.name, candidates: candidates, indexed: index.index.count, storeRevision: revision,
                    indexRevision: Int64(index.index.revision), indexFileReadable: readable,
                    candidatesWithoutVector: missing, chunks: chunks, indexedChunks: chunkIndex.index.count,
                    chunkIndexFileReadable: chunkFileReadable, problems: problems))
        }
        return EngineCheckReport(integrity: integrity, namespaces: namespaces)
    }

    /// Rebuilds the candidate index and the chunk index of `namespace` (every namespace when `nil`) from
    /// the vectors in the store and saves them, replacing the files.
    ///
    /// - Returns: the vectors indexed, by namespace.
    /// - Throws: ``EngineError/unknownNamespace(_:)``, ``StoreError``.
    /// - Complexity: two HNSW builds: O(n log n) expected for n candidates or chunks.
    @discardableResult
    public func rebuildIndexes(namespace: String? = nil) throws -> [String: RebuiltIndexes] {
        try checkOpen()
        var rebuilt: [String: RebuiltIndexes] = [:]
        for entry in try store.namespaces() where namespace == nil || entry.name == namespace {
            let candidates = try rebuildIndex(namespaceID: entry.id, name: entry.name).index.count
            let chunks = try rebuildChunkIndex(namespaceID: entry.id, name: entry.name).index.count
            rebuilt[entry.name] = RebuiltIndexes(candidates: candidates, chunks: chunks)
        }
        if let namespace, rebuilt[namespace] == nil { throw EngineError.unknownNamespace(namespace) }
        return rebuilt
    }

    /// Deletes a job: every version of its description, their chunks and vectors, its match results and
    /// the pipeline statuses of candidates for it. Candidates are kept.
    ///
    /// - Throws: ``EngineError/unknownJob(_:namespace:)``, ``StoreError``.
    public func deleteJob(_ id: JobID, namespace: String) throws {
        let index = try candidateIndex(namespace)
        let job = try jobRecord(id, in: index)
        try store.deleteJob(job.rowID, namespace: index.namespaceID)
    }
}

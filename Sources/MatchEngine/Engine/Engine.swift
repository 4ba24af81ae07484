import Foundation
import Logging
import ResumeParser
import VectorIndex

/// The matching engine a host links: documents in, ranked candidates out.
///
/// ```swift
/// let engine = try Engine(directory: dataFolder, configuration: EngineConfiguration(provider: try MiniLMEmbedder()))
/// let job = try await engine.addJob(.file(jobURL), namespace: "acme")
/// let ingest = try engine.ingest(resumeURLs.map { .file($0) }, namespace: "acme")
/// for await event in ingest.events { if case .failed(let failure) = event { print(failure.reason) } }
/// for ranked in try await engine.rank(job: job.id, namespace: "acme", limit: 10) {
///     print(ranked.rank, ranked.candidate.name ?? "?", ranked.result.score, ranked.result.decision)
/// }
/// ```
///
/// On disk, in `directory`: `engine.sqlite` (the source of truth: documents, parses, chunks, vectors,
/// results, pipeline statuses, ingest jobs) and `indexes/`, one HNSW file per namespace and embedding
/// provider, derived from the database and rebuilt from it when missing, stale or corrupt.
///
/// Every query names a namespace (a tenant) and never sees another namespace's rows. An `Engine` is
/// `Sendable`: queries run concurrently with each other and with an ingest job.
public final class Engine: Sendable {
    /// The directory the engine lives in.
    public let directory: URL
    /// The configuration it was opened with.
    public let configuration: EngineConfiguration
    /// The provider vectors come from, wrapped with the persistent cache (and the rate limit, if set).
    public let provider: any EmbeddingProvider
    /// The cache in front of ``provider``.
    public let cache: EmbeddingCache
    /// Reads, parses, chunks and embeds documents.
    public let pipeline: DocumentPipeline

    let store: any EngineStore
    let documentStore: DocumentStore
    let logger: Logger
    let scorer: MatchScorer
    private let indexes: Locked<[Int64: CandidateIndex]>
    /// Retrieval's per-namespace chunk indexes, loaded on first use (Engine+Retrieval.swift).
    let chunkIndexes = Locked<[Int64: ChunkIndex]>([:])
    private let isClosed = Locked(false)

    /// Opens (or creates) the engine in `directory` and loads every namespace's candidate index.
    ///
    /// - Throws: ``EngineError/cannotOpen(directory:reason:)`` when the directory cannot be created,
    ///   ``StoreError/cannotOpen(path:reason:)`` when the database cannot be opened,
    ///   ``EngineError/invalidConfiguration(_:)`` for a setting out of range.
    public init(directory: URL, configuration: EngineConfiguration) throws {
        try configuration.validate()
        // The first ranking's table of skill names is built on another core meanwhile.
        Task.detached(priority: .userInitiated) { RoleFunction.prepareTables() }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw EngineError.cannotOpen(directory: directory.path, reason: "cannot create the directory")
        }
        self.directory = directory
        self.configuration = configuration
        logger = configuration.logger
        documentStore = try DocumentStore(path: directory.appendingPathComponent("engine.sqlite").path)
        store = documentStore
        if let age = configuration.embeddingCacheMaximumAge {
            try documentStore.evictCachedVectors(olderThan: age)
        }
        cache = EmbeddingCache(store: documentStore, storedCapacity: configuration.embeddingCacheCapacity)
        let base: any EmbeddingProvider =
            configuration.rateLimit.map { RateLimitedProvider(configuration.provider, limit: $0) }
            ?? configuration.provider
        provider = CachedEmbeddingProvider(base, cache: cache)
        pipeline = DocumentPipeline(
            parser: DocumentParser(limits: configuration.parserLimits, referenceMonth: configuration.referenceMonth),
            chunker: configuration.chunker, maximumChunks: configuration.maximumChunksPerDocument)
        scorer = MatchScorer(weights: configuration.weights)
        indexes = Locked([:])
        for namespace in try store.namespaces() {
            let loaded = try loadIndex(namespaceID: namespace.id, name: namespace.name)
            indexes.withLock { $0[namespace.id] = loaded }
        }
    }

    /// Opens the engine (see ``init(directory:configuration:)``) and completes what an older database
    /// left undone: documents moved from schema v1 are parsed from their stored text, chunked and
    /// embedded, so every stored resume is ranked.
    ///
    /// - Throws: what ``init(directory:configuration:)`` throws; the provider's error when a document
    ///   cannot be embedded (nothing of that document is written then).
    public static func open(directory: URL, configuration: EngineConfiguration) async throws -> Engine {
        let engine = try Engine(directory: directory, configuration: configuration)
        try await engine.completeUnparsedDocuments()
        return engine
    }

    /// Parses, chunks and embeds documents stored without a parse; returns how many were completed.
    @discardableResult
    func completeUnparsedDocuments() async throws -> Int {
        var completed = 0
        for namespace in try store.namespaces() {
            let documents = try store.unparsedDocuments(namespace: namespace.id)
            guard !documents.isEmpty else { continue }
            logger.notice(
                "parsing documents stored without a parse",
                metadata: ["namespace": "\(namespace.name)", "documents": "\(documents.count)"])
            let parser = pipeline.parser
            for document in documents {
                let isResume = document.kind == "resume"
                let reading =
                    isResume
                    ? parser.readingText(ofResume: document.text, format: document.format)
                    : parser.readingText(ofJob: document.text, format: document.format)
                var chunks = pipeline.chunker.chunks(of: reading, limit: pipeline.maximumChunks)
                if chunks.isEmpty { chunks = [Chunk(ordinal: 0, section: .other, range: 0..<0, text: document.source)] }
                let embedded = try await DocumentPipeline.embed(
                    [chunks], with: provider, windows: configuration.chunkWindows)[0]
                let parsed: DocumentCompletion.Parsed =
                    isResume
                    ? .resume(parser.parseResume(text: document.text, source: document.source, format: document.format))
                    : .job(parser.parseJob(text: document.text, source: document.source, format: document.format))
                try store.complete(
                    document,
                    with: DocumentCompletion(
                        parsed: parsed, reading: reading, chunks: chunks, chunkVectors: embedded.chunks,
                        documentVector: embedded.document),
                    namespace: namespace.id, model: model)
                completed += 1
            }
            let reloaded = try loadIndex(namespaceID: namespace.id, name: namespace.name)
            indexes.withLock { $0[namespace.id] = reloaded }
        }
        return completed
    }

    /// The identity under which vectors are stored and indexed (see ``EmbeddingProvider/providerIdentity``).
    var model: String { configuration.provider.providerIdentity }

    /// Where an index of `namespace` for the engine's model is saved: `indexes/KEY.hnsw`, or
    /// `indexes/KEY.PURPOSE.hnsw`, KEY a hash of namespace, model and purpose (never the namespace itself,
    /// so no name can leave `indexes/`).
    func indexFile(_ namespace: String, purpose: String? = nil) -> URL {
        let identity = ([namespace, model] + [purpose].compactMap { $0 }).joined(separator: "\n")
        let key = SHA256.hexDigest(of: Array(identity.utf8)).prefix(32)
        let name = purpose.map { "\(key).\($0).hnsw" } ?? "\(key).hnsw"
        return directory.appendingPathComponent("indexes").appendingPathComponent(name)
    }

    private func loadIndex(namespaceID: Int64, name: String) throws -> CandidateIndex {
        try CandidateIndex.load(
            namespaceID: namespaceID, namespace: name, store: store, model: model,
            dimension: configuration.provider.dimension, file: indexFile(name),
            configuration: configuration.index, referenceMonth: configuration.referenceMonth, logger: logger)
    }

    /// Removes the namespace's index file and loads the index again, which rebuilds it from the stored
    /// vectors (see ``rebuildIndexes(namespace:)``).
    func rebuildIndex(namespaceID: Int64, name: String) throws -> CandidateIndex {
        let current = try indexes.withLock({ $0[namespaceID] }) ?? loadIndex(namespaceID: namespaceID, name: name)
        try? FileManager.default.removeItem(at: current.file)
        let rebuilt = try loadIndex(namespaceID: namespaceID, name: name)
        indexes.withLock { $0[namespaceID] = rebuilt }
        return rebuilt
    }

    /// The in-memory index of `namespace`, created (empty) when `create` and the namespace is new.
    func candidateIndex(_ namespace: String, create: Bool = false) throws -> CandidateIndex {
        try checkOpen()
        let name = try Identity.validate(namespace: namespace)
        guard let id = try store.namespaceID(name, create: create) else { throw EngineError.unknownNamespace(name) }
        if let loaded = indexes.withLock({ $0[id] }) { return loaded }
        let loaded = try loadIndex(namespaceID: id, name: name)
        return indexes.withLock { indexes in
            if let existing = indexes[id] { return existing }
            indexes[id] = loaded
            return loaded
        }
    }

    func checkOpen() throws {
        if isClosed.withLock({ $0 }) { throw EngineError.closed }
    }

    /// The namespaces written to so far.
    public func namespaces() throws -> [String] {
        try checkOpen()
        return try store.namespaces().map(\.name)
    }

    /// Saves every candidate index and refuses further calls. Ingest jobs still running should be
    /// awaited (or cancelled) first; what they committed is safe either way.
    public func close() {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        for index in indexes.withLock({ Array($0.values) }) { index.save(logger: logger) }
        saveChunkIndexes()
    }

    /// The status of an ingest job, from the store (also after a restart).
    ///
    /// - Throws: ``EngineError/unknownIngestJob(_:)``.
    public func ingestJob(id: String) throws -> IngestJobStatus {
        try checkOpen()
        guard let status = try store.ingestJob(id: id, failures: true) else { throw EngineError.unknownIngestJob(id) }
        return status
    }

    // MARK: Candidates and jobs

    /// Every candidate of `namespace`, in order of first ingest.
    public func candidates(namespace: String) throws -> [CandidateSummary] {
        let index = try candidateIndex(namespace)
        return index.allCandidates().map(\.record).sorted { $0.rowID < $1.rowID }.map(Self.summary)
    }

    /// One candidate.
    ///
    /// - Throws: ``EngineError/unknownCandidate(_:namespace:)``.
    public func candidate(_ id: CandidateID, namespace: String) throws -> CandidateSummary {
        Self.summary(try record(id, in: try candidateIndex(namespace)))
    }

    /// The newest parse of a candidate's resume.
    public func parsedResume(of id: CandidateID, namespace: String) throws -> ParsedResume {
        let record = try record(id, in: try candidateIndex(namespace))
        guard let document = record.documentID, let parsed = try store.parsedResume(document: document) else {
            throw EngineError.unknownCandidate(id, namespace: namespace)
        }
        return parsed
    }

    /// Every stored version of a candidate's resume, newest (the one ranked) first.
    public func resumeVersions(of id: CandidateID, namespace: String) throws -> [ResumeVersion] {
        try store.resumeVersions(candidate: try record(id, in: try candidateIndex(namespace)).rowID)
    }

    /// Deletes a candidate: every resume version, chunk, vector, match result and pipeline status; the
    /// candidate leaves the index at once.
    public func deleteCandidate(_ id: CandidateID, namespace: String) throws {
        let index = try candidateIndex(namespace)
        let record = try record(id, in: index)
        try index.serializingWrites {
            try store.deleteCandidate(record.rowID, namespace: index.namespaceID)
            index.remove(record.rowID, revision: try store.revision(namespace: index.namespaceID))
        }
        index.save(logger: logger)
    }

    /// Every job of `namespace`.
    public func jobs(namespace: String) throws -> [JobSummary] {
        let index = try candidateIndex(namespace)
        return try store.jobs(namespace: index.namespaceID).map {
            JobSummary(id: $0.identity, source: $0.source, requirements: $0.parsed)
        }
    }

    /// Reads, parses and embeds a job description and stores it (the same bytes again return the
    /// stored job; the same host id with other bytes is a new version of the job).
    ///
    /// - Parameter source: the description; its ``IngestSource/candidateID`` is used as the job's id.
    /// - Throws: ``ParseError`` naming the source, the provider's error, ``StoreError``.
    public func addJob(_ source: IngestSource, namespace: String) async throws -> JobSummary {
        let index = try candidateIndex(namespace, create: true)
        let pipeline = pipeline
        let prepared = try await Self.offPool { try pipeline.prepareJob(source) }
        let embedded = try await DocumentPipeline.embed(
            [prepared.chunks], with: provider, windows: configuration.chunkWindows)
        let write = JobWrite(
            source: prepared.source, contentHash: prepared.contentHash, format: prepared.extracted.format.rawValue,
            text: prepared.extracted.text, pageCount: prepared.extracted.pageCount, reading: prepared.reading,
            parsed: prepared.parsed,
            hostID: source.candidateID, chunks: prepared.chunks, chunkVectors: embedded[0].chunks,
            documentVector: embedded[0].document)
        let stored = try store.writeJob(write, namespace: index.namespaceID, model: model).job
        return JobSummary(id: stored.identity, source: stored.source, requirements: stored.parsed)
    }

    /// Stores a job built in code: `requirements` as given, `description` chunked and embedded.
    ///
    /// - Parameter id: the job's id; `nil` derives one from the description's SHA-256.
    public func addJob(
        requirements: ParsedJob, description: String, id: JobID? = nil, namespace: String
    ) async throws -> JobSummary {
        let index = try candidateIndex(namespace, create: true)
        // No description: the requirements themselves are the text that is embedded and stored.
        let text =
            description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? Self.describe(requirements) : description
        let reading = pipeline.parser.readingText(ofJob: text, format: "txt")
        let chunks = pipeline.chunker.chunks(of: reading, limit: pipeline.maximumChunks)
        let embedded = try await DocumentPipeline.embed([chunks], with: provider, windows: configuration.chunkWindows)
        let write = JobWrite(
            source: requirements.source, contentHash: SHA256.hexDigest(of: Array(text.utf8)), format: "txt",
            text: text, pageCount: nil, reading: reading, parsed: requirements, hostID: id, chunks: chunks,
            chunkVectors: embedded[0].chunks, documentVector: embedded[0].document)
        let stored = try store.writeJob(write, namespace: index.namespaceID, model: model).job
        return JobSummary(id: stored.identity, source: stored.source, requirements: stored.parsed)
    }

    /// "Title. Required: a, b. Preferred: c. At least 5 years. Degree: bachelor."
    static func describe(_ job: ParsedJob) -> String {
        var parts = [job.title ?? "Job"]
        if !job.requiredSkills.isEmpty {
            parts.append("Required: \(job.requiredSkills.map(\.name).joined(separator: ", "))")
        }
        if !job.preferredSkills.isEmpty {
            parts.append("Preferred: \(job.preferredSkills.map(\.name).joined(separator: ", "))")
        }
        if let years = job.minimumYears { parts.append("At least \(years) years") }
        if let degree = job.requiredDegree { parts.append("Degree: \(degree.rawValue)") }
        return parts.joined(separator: ". ") + "."
    }

    func record(_ id: CandidateID, in index: CandidateIndex) throws -> CandidateRecord {
        guard let record = index.record(identity: id) else {
            throw EngineError.unknownCandidate(id, namespace: index.namespace)
        }
        return record
    }

    func jobRecord(_ id: JobID, in index: CandidateIndex) throws -> JobRecord {
        guard let job = try store.job(id, namespace: index.namespaceID) else {
            throw EngineError.unknownJob(id, namespace: index.namespace)
        }
        return job
    }

    static func summary(_ record: CandidateRecord) -> CandidateSummary {
        CandidateSummary(
            id: record.identity, name: record.name, email: record.email, location: record.location,
            years: record.years, degree: record.degree, skills: record.skills, source: record.source)
    }

    /// Runs CPU-bound work on a Dispatch thread, not on the caller's executor (seconds of parsing would
    /// otherwise hold a thread of Swift's small cooperative pool).
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// ``offPool(_:)`` for work that cannot fail.
    static func computeOffPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}

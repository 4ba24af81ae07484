import Foundation
import Logging
import ParallelWork
import ResumeParser
import VectorIndex

extension Engine {
    /// Starts an ingest job over `sources` (resumes) in `namespace` and returns at once.
    ///
    /// Documents go through the pipeline in batches of ``EngineConfiguration/batchSize``, in three stages
    /// that overlap: a batch is parsed on every core while the one before it is embedded and the one before
    /// that written (one batch per stage at most: back-pressure). One writer commits each batch in one
    /// transaction with the job's counts, in batch order, so a crash or a cancellation keeps whole batches
    /// only. The same bytes again are a duplicate: nothing is embedded or written for
    /// them. One bad document never stops the others: it becomes an ``IngestFailure``. While a job runs,
    /// OpenBLAS uses one thread per product (see ``BLASThreads``): the job's own
    /// parallelism fills the cores.
    ///
    /// - Throws: ``EngineError/invalidNamespace(_:)``, ``StoreError`` when the job cannot be recorded.
    public func ingest(_ sources: [IngestSource], namespace: String) throws -> IngestJob {
        let index = try candidateIndex(namespace, create: true)
        let id = UUID().uuidString.lowercased()
        try store.createIngestJob(id: id, namespace: index.namespaceID, total: sources.count)
        let (events, continuation) = AsyncStream.makeStream(
            of: IngestEvent.self, bufferingPolicy: .bufferingNewest(1_024))
        let record = IngestRecord(continuation)
        let task = Task.detached { [self] in
            // Parsing the next batch runs beside embedding this one: OpenBLAS on one thread per product
            // keeps the two from oversubscribing the cores (its threads spin while they wait).
            let status = await BLASThreads.withSingleThread {
                await self.runIngest(id: id, sources: sources, index: index, events: record)
            }
            record.yield(.finished(status))
            record.finish()
            return status
        }
        return IngestJob(id: id, events: events, task: task, record: record)
    }

    private func runIngest(
        id: String, sources: [IngestSource], index: CandidateIndex, events: IngestRecord
    ) async -> IngestJobStatus {
        var logger = logger
        logger[metadataKey: "job"] = "\(id)"
        logger.info("ingest started", metadata: ["documents": "\(sources.count)", "namespace": "\(index.namespace)"])
        let started = ContinuousClock.now
        var state = IngestState.succeeded
        var writing: Task<Void, any Error>?
        do {
            try store.setIngestJobState(id: id, .running)
            let batches = stride(from: 0, to: sources.count, by: configuration.batchSize).map {
                Array(sources[$0..<min($0 + configuration.batchSize, sources.count)])
            }
            let pipeline = pipeline
            func prepare(_ batch: [IngestSource]) -> Task<[Result<PreparedCandidate, any Error>], Never> {
                Task.detached {
                    await Engine.computeOffPool {
                        ParallelMap.map(batch) { source in
                            Result { try PreparedCandidate(pipeline.prepareResume(source)) }
                        }
                    }
                }
            }
            var next = batches.first.map(prepare)
            for (number, batch) in batches.enumerated() {
                guard let current = next else { break }
                if Task.isCancelled {
                    state = .cancelled
                    break
                }
                let prepared = await current.value
                next = number + 1 < batches.count ? prepare(batches[number + 1]) : nil
                let embedded = try await embed(
                    batch, prepared, jobID: id, index: index, events: events, pendingWrite: writing)
                // Three stages overlap: this batch is written while the next one is embedded and the one
                // after it parsed. Writes stay in batch order: each waits for the one before.
                try await writing?.value
                writing = Task.detached { [self, logger] in
                    try await Engine.computeOffPool {
                        Result { try self.write(embedded, jobID: id, index: index, events: events, logger: logger) }
                    }.get()
                    if let status = try store.ingestJob(id: id, failures: false) {
                        let seconds = (ContinuousClock.now - started) / .seconds(1)
                        let rate = seconds > 0 ? Double(status.seen) / seconds : 0
                        events.yield(
                            .progress(
                                status, documentsPerSecond: rate,
                                secondsLeft: rate > 0 ? Double(status.total - status.seen) / rate : nil))
                    }
                }
            }
            try await writing?.value
            writing = nil
            if Task.isCancelled { state = .cancelled }
        } catch is CancellationError {
            state = .cancelled
        } catch {
            state = Task.isCancelled ? .cancelled : .failed
            // Never a server's own message: it can echo the request's text.
            let reason =
                (error as? EmbeddingError)?.descriptionForLogs ?? (error as? LocalizedError)?.errorDescription
                ?? "\(type(of: error))"
            logger.error("ingest stopped", metadata: ["reason": "\(reason)"])
        }
        // A write still running when the loop stopped (cancelled or failed) completes or fails on its own;
        // the index is saved only after it.
        if let writing, case .failure(let error) = await writing.result, state == .succeeded {
            state = .failed
            logger.error("ingest stopped", metadata: ["reason": "\(Self.reason(error, source: "store"))"])
        }
        index.save(logger: logger)
        try? store.setIngestJobState(id: id, state)
        let status =
            (try? store.ingestJob(id: id, failures: true))
            ?? IngestJobStatus(
                id: id, namespace: index.namespace, state: state, total: sources.count, seen: 0, stored: 0,
                duplicates: 0,
                failed: 0, failures: [])
        logger.info(
            "ingest ended",
            metadata: [
                "state": "\(status.state.rawValue)", "stored": "\(status.stored)", "duplicates": "\(status.duplicates)",
                "failed": "\(status.failed)",
            ])
        return status
    }

    /// A resume read, parsed and chunked, with what ranking reads of it and its parse as the store keeps it
    /// (computed here, on every core, rather than by the one writer).
    private struct PreparedCandidate: Sendable {
        var document: DocumentPipeline.PreparedResume
        var facts: RankingFacts
        /// `nil` if encoding failed: the writer then encodes it again and reports the error.
        var parsedJSON: String?

        init(_ document: DocumentPipeline.PreparedResume) {
            self.document = document
            facts = RankingFacts(document.parsed)
            parsedJSON = try? DocumentStore.json(document.parsed)
        }
    }

    /// One batch parsed and embedded, waiting for the writer.
    private struct EmbeddedBatch: Sendable {
        var fresh: [PreparedCandidate]
        var embedded: [DocumentPipeline.Embedded]
        var hostIDs: [String?]
        var duplicates: [(DocumentPipeline.PreparedResume, CandidateID)]
        var failures: [IngestFailure]
    }

    /// Sorts one parsed batch into failures, known duplicates and fresh documents, and embeds the fresh
    /// ones. When embedding the batch fails, its documents are embedded one by one and those that fail
    /// alone are failures; when the provider fails for all (the first three alone, or a batch of one), the
    /// batch's failures are recorded (after `pendingWrite`, so counts stay in batch order) and the error is
    /// rethrown: the job stops.
    private func embed(
        _ batch: [IngestSource], _ prepared: [Result<PreparedCandidate, any Error>], jobID: String,
        index: CandidateIndex, events: IngestRecord, pendingWrite: Task<Void, any Error>?
    ) async throws -> EmbeddedBatch {
        var failures: [IngestFailure] = []
        var ready: [(candidate: PreparedCandidate, hostID: String?)] = []
        for (source, outcome) in zip(batch, prepared) {
            switch outcome {
            case .success(let candidate):
                ready.append((candidate, source.candidateID))
                events.yield(.parsed(source: candidate.document.source))
            case .failure(let error):
                let failure = IngestFailure(source: source.name, reason: Self.reason(error, source: source.name))
                failures.append(failure)
                events.yield(.failed(failure))
            }
        }
        // A document whose bytes the previous batch (still being written) stores is not known here yet: it
        // is embedded from the cache and the writer reports it as a duplicate.
        let known = try store.storedResumeHashes(
            ready.map(\.candidate.document.contentHash), namespace: index.namespaceID)
        var result = EmbeddedBatch(fresh: [], embedded: [], hostIDs: [], duplicates: [], failures: failures)
        for (candidate, hostID) in ready {
            if let identity = known[candidate.document.contentHash] {
                result.duplicates.append((candidate.document, identity))
            } else {
                // The same bytes twice in one batch are embedded once (the cache) and the writer reports
                // the second as a duplicate.
                result.fresh.append(candidate)
                result.hostIDs.append(hostID)
            }
        }
        do {
            result.embedded = try await DocumentPipeline.embed(
                result.fresh.map(\.document.chunks), with: provider, windows: configuration.chunkWindows)
        } catch let error where !(error is CancellationError) && !Task.isCancelled {
            // One document the provider refuses (a server that rejects its text) must not fail the others:
            // each is tried alone, and only those that fail alone fail.
            if let alone = try await embedOneByOne(result.fresh.map(\.document.chunks)) {
                var kept = EmbeddedBatch(
                    fresh: [], embedded: [], hostIDs: [], duplicates: result.duplicates, failures: result.failures)
                for (index, outcome) in alone.enumerated() {
                    switch outcome {
                    case .success(let embedded):
                        kept.fresh.append(result.fresh[index])
                        kept.hostIDs.append(result.hostIDs[index])
                        kept.embedded.append(embedded)
                    case .failure(let error):
                        let source = result.fresh[index].document.source
                        let failure = IngestFailure(
                            source: source,
                            reason: EngineError.embeddingFailed(source: source, reason: Self.sentence(error))
                                .localizedDescription)
                        kept.failures.append(failure)
                        events.yield(.failed(failure))
                    }
                }
                result = kept
                events.yield(
                    .embedded(
                        documents: result.fresh.count, chunks: result.fresh.reduce(0) { $0 + $1.document.chunks.count })
                )
                return result
            }
            let reason = Self.sentence(error)
            for document in result.fresh.map(\.document) {
                let failure = IngestFailure(
                    source: document.source,
                    reason: EngineError.embeddingFailed(source: document.source, reason: reason).localizedDescription)
                result.failures.append(failure)
                events.yield(.failed(failure))
            }
            try await pendingWrite?.value
            _ = try store.writeResumes(
                [], namespace: index.namespaceID, model: model,
                progress: IngestProgressWrite(
                    jobID: jobID, failures: result.failures, knownDuplicates: result.duplicates.count))
            throw error
        }
        events.yield(
            .embedded(documents: result.fresh.count, chunks: result.fresh.reduce(0) { $0 + $1.document.chunks.count }))
        return result
    }

    /// After a batch's embedding failed: each document's chunks embedded alone, in order; `nil` for a single
    /// document or when the first three all fail (then the provider is failing, not a document).
    private func embedOneByOne(_ documents: [[Chunk]]) async throws -> [Result<DocumentPipeline.Embedded, any Error>]? {
        guard documents.count > 1 else { return nil }
        var results: [Result<DocumentPipeline.Embedded, any Error>] = []
        var succeeded = false
        for chunks in documents {
            try Task.checkCancellation()
            do {
                let embedded = try await DocumentPipeline.embed(
                    [chunks], with: provider, windows: configuration.chunkWindows)
                guard let first = embedded.first else {
                    throw EmbeddingError.malformedResponse(provider: provider.modelIdentifier, reason: "no vectors")
                }
                results.append(.success(first))
                succeeded = true
            } catch let error where !(error is CancellationError) && !Task.isCancelled {
                results.append(.failure(error))
                if !succeeded && results.count >= 3 { return nil }
            }
        }
        return succeeded ? results : nil
    }

    /// An embedding error in words (a typed error's own message, else its type's name).
    private static func sentence(_ error: any Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? "\(type(of: error))"
    }

    /// Stores one embedded batch in one transaction, brings the index up to date and reports each document.
    private func write(
        _ batch: EmbeddedBatch, jobID: String, index: CandidateIndex, events: IngestRecord,
        logger: Logger
    ) throws {
        let writes = zip(zip(batch.fresh, batch.embedded), batch.hostIDs).map { pair, hostID in
            let (candidate, vectors) = pair
            let document = candidate.document
            return ResumeWrite(
                source: document.source, contentHash: document.contentHash, format: document.extracted.format.rawValue,
                text: document.extracted.text, pageCount: document.extracted.pageCount, reading: document.reading,
                parsed: document.parsed, hostID: hostID, chunks: document.chunks, chunkVectors: vectors.chunks,
                documentVector: vectors.document, facts: candidate.facts, parsedJSON: candidate.parsedJSON)
        }
        // Duplicates found before embedding count in the same transaction as the batch. Writing and
        // applying to the index happen under the namespace's writer lock, so the revision the index
        // records always covers every change it holds.
        let storedCount = try index.serializingWrites {
            let outcomes = try store.writeResumes(
                writes, namespace: index.namespaceID, model: model,
                progress: IngestProgressWrite(
                    jobID: jobID, failures: batch.failures, knownDuplicates: batch.duplicates.count))
            var changes: [(record: CandidateRecord, vector: [Float])] = []
            for ((candidate, vectors), outcome) in zip(zip(batch.fresh, batch.embedded), outcomes) {
                let document = candidate.document
                switch outcome {
                case .stored(let row, let identity, let isNewVersion, let documentID):
                    let parsed = document.parsed
                    let record = CandidateRecord(
                        rowID: row, identity: identity, name: parsed.contact.name, email: parsed.contact.email,
                        location: parsed.contact.location, years: parsed.totalExperienceYears,
                        degree: parsed.highestDegree,
                        skills: parsed.skills.map(\.name), roles: candidate.facts.roles,
                        evidence: candidate.facts.evidence,
                        documentID: documentID, source: document.source)
                    changes.append((record, vectors.document))
                    events.yield(.stored(source: document.source, candidate: identity, isNewVersion: isNewVersion))
                case .duplicate(let identity):
                    events.yield(.duplicate(source: document.source, candidate: identity))
                }
            }
            for (document, identity) in batch.duplicates {
                events.yield(.duplicate(source: document.source, candidate: identity))
            }
            if !changes.isEmpty { index.apply(changes, revision: try store.revision(namespace: index.namespaceID)) }
            return changes.count
        }
        logger.debug("batch committed", metadata: ["stored": "\(storedCount)", "failed": "\(batch.failures.count)"])
    }

    /// A failure's reason in words that name the source; typed errors keep their own message.
    static func reason(_ error: any Error, source: String) -> String {
        if let error = error as? LocalizedError, let description = error.errorDescription { return description }
        return "\(source): \(type(of: error))"
    }
}

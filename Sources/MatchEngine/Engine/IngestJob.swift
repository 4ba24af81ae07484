import Foundation
import VectorIndex

/// Where an ingest job is in its life.
public enum IngestState: String, Sendable, Codable {
    /// Created, not started.
    case pending
    /// Reading, parsing, embedding and storing.
    case running
    /// Every document was processed (some may have failed: see ``IngestJobStatus/failures``).
    case succeeded
    /// The job itself could not go on (the database failed, the provider could not embed at all).
    case failed
    /// Stopped by ``IngestJob/cancel()``; everything committed before that is kept.
    case cancelled

    /// Whether the job has ended.
    public var isFinished: Bool { self == .succeeded || self == .failed || self == .cancelled }
}

/// One document that could not be ingested, and why.
public struct IngestFailure: Sendable, Equatable, Codable {
    /// The document's source (see ``IngestSource``'s naming rule).
    public var source: String
    /// What went wrong, in words that name the file and the reason.
    public var reason: String
}

/// An ingest job as the store records it, so a host can look it up after the fact.
public struct IngestJobStatus: Sendable, Equatable, Codable {
    /// The job's id (a UUID string).
    public var id: String
    /// The namespace it writes to.
    public var namespace: String
    /// Where it is in its life.
    public var state: IngestState
    /// Documents submitted.
    public var total: Int
    /// Documents processed so far (stored, duplicate or failed).
    public var seen: Int
    /// Documents stored as new candidates or new versions.
    public var stored: Int
    /// Documents whose bytes were already stored in the namespace (nothing written for them).
    public var duplicates: Int
    /// Documents that failed; each is in ``failures``.
    public var failed: Int
    /// 0 … 100: the share of documents processed.
    public var progress: Double { total == 0 ? 100 : 100 * Double(seen) / Double(total) }
    /// The documents that failed, with their reasons.
    public var failures: [IngestFailure]
}

/// What an ingest job reports while it runs, in order.
public enum IngestEvent: Sendable, Equatable {
    /// A document was read and parsed.
    case parsed(source: String)
    /// A batch of documents was embedded (`chunks` vectors computed or taken from the cache).
    case embedded(documents: Int, chunks: Int)
    /// A document was stored for `candidate` (a new candidate, or a new version when `isNewVersion`).
    case stored(source: String, candidate: CandidateID, isNewVersion: Bool)
    /// A document's bytes were already stored in the namespace.
    case duplicate(source: String, candidate: CandidateID)
    /// A document failed; the others go on.
    case failed(IngestFailure)
    /// Counts after each committed batch, with the rate so far (documents per second) and the
    /// estimated seconds left. The status's `failures` is empty here (each failure has its own
    /// ``failed(_:)`` event, and the finished status lists them all).
    case progress(IngestJobStatus, documentsPerSecond: Double, secondsLeft: Double?)
    /// The job ended; the final status.
    case finished(IngestJobStatus)
}

/// What an ingest job did with one of its documents.
public struct IngestOutcome: Sendable, Equatable {
    /// What happened to the document.
    public enum Kind: String, Sendable, Equatable {
        /// Stored: a new candidate.
        case stored
        /// Stored as a newer version of a candidate already there.
        case newVersion = "new version"
        /// Its bytes were already stored.
        case duplicate = "already stored"
        /// It failed (the job's failures say why).
        case failed
    }

    /// The document's source (``IngestSource/name``).
    public var source: String
    /// The candidate it belongs to (`nil` when it failed).
    public var candidate: CandidateID?
    /// What happened.
    public var kind: Kind
}

/// A running (or finished) ingest job: its id, its events and a way to stop it.
///
/// The events stream buffers the most recent 1,024 events, so a slow reader never holds the job back
/// (and may miss some); it finishes when the job ends. ``outcomes()`` has every document's outcome, and
/// ``status()`` reads the persisted counts at any time, from any task.
public struct IngestJob: Sendable {
    /// The job's id; ``Engine/ingestJob(id:)`` finds it again, even after the process restarted.
    public let id: String
    /// The job's events, ending with ``IngestEvent/finished(_:)``.
    public let events: AsyncStream<IngestEvent>
    let task: Task<IngestJobStatus, Never>
    let record: IngestRecord

    /// Waits for the job to end and returns its final status.
    public func result() async -> IngestJobStatus { await task.value }

    /// Waits for the job to end and returns the outcome of each document it decided on, batch by batch
    /// (documents a cancelled or failed job never reached have none). Unlike ``events``, nothing is left
    /// out however slowly the caller reads.
    public func outcomes() async -> [IngestOutcome] {
        _ = await task.value
        return record.outcomes
    }

    /// Asks the job to stop after the batch it is on; what was committed stays. The job ends as
    /// ``IngestState/cancelled``.
    public func cancel() { task.cancel() }
}

/// The events of a running job, sent to its stream and, for each document's outcome, kept in full.
final class IngestRecord: Sendable {
    private let continuation: AsyncStream<IngestEvent>.Continuation
    private let kept = Locked<[IngestOutcome]>([])

    init(_ continuation: AsyncStream<IngestEvent>.Continuation) { self.continuation = continuation }

    var outcomes: [IngestOutcome] { kept.withLock { $0 } }

    func yield(_ event: IngestEvent) {
        let outcome: IngestOutcome? =
            switch event {
            case .stored(let source, let candidate, let isNewVersion):
                IngestOutcome(source: source, candidate: candidate, kind: isNewVersion ? .newVersion : .stored)
            case .duplicate(let source, let candidate):
                IngestOutcome(source: source, candidate: candidate, kind: .duplicate)
            case .failed(let failure): IngestOutcome(source: failure.source, candidate: nil, kind: .failed)
            case .parsed, .embedded, .progress, .finished: nil
            }
        if let outcome { kept.withLock { $0.append(outcome) } }
        continuation.yield(event)
    }

    func finish() { continuation.finish() }
}

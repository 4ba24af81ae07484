import Foundation

/// Why the engine could not do what was asked. Problems with one document of a batch are not thrown:
/// they are recorded as that document's ``IngestFailure``, and the batch goes on.
public enum EngineError: Error, Sendable, Equatable, LocalizedError {
    /// The engine's directory could not be created or used.
    case cannotOpen(directory: String, reason: String)
    /// A namespace name that is empty, too long (over 128 bytes) or holds control characters.
    case invalidNamespace(String)
    /// No namespace of this name has been written to.
    case unknownNamespace(String)
    /// No candidate with this id in the namespace.
    case unknownCandidate(CandidateID, namespace: String)
    /// No job with this id in the namespace.
    case unknownJob(JobID, namespace: String)
    /// No ingest job with this id.
    case unknownIngestJob(String)
    /// A pipeline move that the pipeline does not allow (e.g. from `hired` back to `screened`).
    case invalidStatusChange(from: PipelineStatus, to: PipelineStatus)
    /// The configuration is not usable (a weight file, a limit out of range, a provider that failed to load).
    case invalidConfiguration(String)
    /// The document could not be embedded (the provider's error, as text without secrets).
    case embeddingFailed(source: String, reason: String)
    /// The engine was closed.
    case closed

    /// A sentence a person understands, naming what was asked for.
    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let directory, let reason): "\(directory): cannot open the engine (\(reason))"
        case .invalidNamespace(let name): "invalid namespace \"\(name)\": 1 to 128 bytes, no control characters"
        case .unknownNamespace(let name): "no namespace \"\(name)\""
        case .unknownCandidate(let id, let namespace): "no candidate \"\(id)\" in namespace \"\(namespace)\""
        case .unknownJob(let id, let namespace): "no job \"\(id)\" in namespace \"\(namespace)\""
        case .unknownIngestJob(let id): "no ingest job \(id)"
        case .invalidStatusChange(let from, let to): "a candidate cannot move from \(from.rawValue) to \(to.rawValue)"
        case .invalidConfiguration(let reason): "invalid configuration: \(reason)"
        case .embeddingFailed(let source, let reason): "\(source): could not embed (\(reason))"
        case .closed: "the engine is closed"
        }
    }
}

import Foundation

/// A document to ingest: a file, or bytes the host already holds (an upload).
///
/// **Naming rule.** A document's `source` — in the store, in ``ParsedResume/source``, in progress
/// events and in every error — is the file's path exactly as given (`url.path`), or the `name` the host
/// chose for bytes. Tables show its last path component.
public struct IngestSource: Sendable, Hashable {
    enum Content: Sendable, Hashable {
        case file(URL)
        case bytes(Data)
    }

    let content: Content
    /// How the document is named in the store, in events and in errors (see the naming rule above).
    public let name: String
    /// The host's own id for the candidate; `nil` lets the engine derive one (see ``CandidateID``).
    public let candidateID: String?

    /// A file on disk; read when the ingest job gets to it.
    public static func file(_ url: URL, candidateID: String? = nil) -> IngestSource {
        IngestSource(content: .file(url), name: url.path, candidateID: candidateID)
    }

    /// Bytes held in memory, named `name`; the format is sniffed from the bytes.
    public static func bytes(_ data: Data, name: String, candidateID: String? = nil) -> IngestSource {
        IngestSource(content: .bytes(data), name: name, candidateID: candidateID)
    }
}

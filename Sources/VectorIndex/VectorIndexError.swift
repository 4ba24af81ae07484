import Foundation

/// Why an index file could not be written or read. Every case names the file.
public enum VectorIndexError: Error, Sendable, Equatable, LocalizedError {
    /// The file does not start with the index magic: it is some other kind of file.
    case notAnIndex(path: String)
    /// The file was written by a newer format version than this library reads.
    case unsupportedVersion(path: String, version: Int)
    /// The file is truncated, a checksum does not match, or its contents are inconsistent.
    case corruptIndex(path: String, reason: String)
    /// The operating system refused to read or write the file.
    case io(path: String, reason: String)

    /// A sentence for a person that names the file (or the mismatch) and the reason.
    public var errorDescription: String? {
        switch self {
        case .notAnIndex(let path): "\(path): not a MatchEngine vector index file"
        case .unsupportedVersion(let path, let version):
            "\(path): index format version \(version) is newer than this library reads (\(IndexFile.version))"
        case .corruptIndex(let path, let reason): "\(path): corrupt index file (\(reason))"
        case .io(let path, let reason): "\(path): \(reason)"
        }
    }
}

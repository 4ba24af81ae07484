import Foundation

/// Why embeddings could not be computed.
public enum EmbeddingError: Error, Sendable, Equatable, LocalizedError {
    /// A model file is missing; the message says how to install it.
    case modelMissing(directory: String, file: String)
    /// A model file exists but cannot be used (bad header, missing tensor, wrong shape).
    case modelInvalid(file: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .modelMissing(let directory, let file):
            "\(directory)/\(file) is missing: run scripts/bootstrap.sh (or set MATCH_ENGINE_MODEL_DIR)"
        case .modelInvalid(let file, let reason):
            "\(file): unusable model file (\(reason))"
        }
    }
}

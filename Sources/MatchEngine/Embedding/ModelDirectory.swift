import Foundation

/// Where the all-MiniLM-L6-v2 files live: `$MATCH_ENGINE_MODEL_DIR`, else
/// `~/.cache/match-engine/models/all-MiniLM-L6-v2` (where `scripts/bootstrap.sh` puts them).
public enum ModelDirectory {
    /// The files a MiniLM model directory must hold.
    public static let requiredFiles = ["model.safetensors", "vocab.txt", "config.json"]

    /// The directory to load the model from.
    public static var `default`: URL {
        if let override = ProcessInfo.processInfo.environment["MATCH_ENGINE_MODEL_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".cache/match-engine/models/all-MiniLM-L6-v2")
    }

    /// Throws ``EmbeddingError/modelMissing(directory:file:)`` naming the first missing file.
    static func check(_ directory: URL) throws {
        for file in requiredFiles
        where !FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) {
            throw EmbeddingError.modelMissing(directory: directory.path, file: file)
        }
    }
}

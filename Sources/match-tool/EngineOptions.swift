import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// The options every command that opens the engine shares: where it lives, which namespace, which
/// embedding provider.
struct EngineOptions: ParsableArguments {
    enum Provider: String, ExpressibleByArgument, CaseIterable { case minilm, hashing }

    @Option(help: "The engine's directory (default: $XDG_DATA_HOME/match-engine, else ~/.local/share/match-engine).")
    var db: String?

    @Option(help: "The namespace (tenant) to work in.")
    var namespace: String = "default"

    @Option(help: "Where vectors come from: MiniLM (the model files) or hashing (no model, for tests).")
    var provider: Provider = .minilm

    /// The directory named by --db, else the user's data directory.
    var directory: URL {
        if let db { return URL(fileURLWithPath: db) }
        let environment = ProcessInfo.processInfo.environment
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data).appendingPathComponent("match-engine")
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".local/share/match-engine")
    }

    /// The configured provider; exits 78 (configuration error) when the model cannot be loaded.
    func makeProvider() throws -> any EmbeddingProvider {
        switch provider {
        case .hashing:
            return HashingEmbedder()
        case .minilm:
            do {
                return try MiniLMEmbedder()
            } catch {
                FileHandleOutput.standardError("error: \(error.localizedDescription)")
                throw ExitCode(78)
            }
        }
    }

    /// Opens the engine in `directory`; exits 74 (storage error) when it cannot.
    func open(
        at directory: URL? = nil, weights: ScoringWeights = .standard, referenceMonth: YearMonth? = nil
    ) async throws -> Engine {
        var configuration = EngineConfiguration(provider: try makeProvider(), weights: weights)
        if let referenceMonth { configuration.referenceMonth = referenceMonth }
        do {
            return try await Engine.open(directory: directory ?? self.directory, configuration: configuration)
        } catch {
            FileHandleOutput.standardError("error: \(error.localizedDescription)")
            throw ExitCode(74)
        }
    }
}

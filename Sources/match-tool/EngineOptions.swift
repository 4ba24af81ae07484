import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// The options every command that opens the engine shares: where it lives, which namespace, which
/// embedding provider, which configuration file, and how progress is shown. Each may also come from
/// `match-tool.json` or a `MATCH_ENGINE_*` variable (see ``Settings``); a flag wins.
struct EngineOptions: ParsableArguments {
    enum Provider: String, ExpressibleByArgument, CaseIterable { case minilm, hashing, http }

    @Option(
        name: [.customLong("db"), .customLong("database")],
        help: ArgumentHelp(
            "The engine's directory (default: $XDG_DATA_HOME/match-engine, else ~/.local/share/match-engine).",
            valueName: "path"))
    var db: String?

    @Option(help: "The namespace (tenant) to work in (default: default).")
    var namespace: String?

    @Option(
        help: """
            Where vectors come from: minilm (the model files; default), hashing (no model), or http (an \
            OpenAI-compatible service: http-base-url, http-model, http-dimension, http-api-key-variable in \
            match-tool.json or MATCH_ENGINE_HTTP_* variables).
            """)
    var provider: Provider?

    @Option(
        help: ArgumentHelp(
            "A configuration file (default: match-tool.json in this directory, if any).", valueName: "file"))
    var config: String?

    @Option(
        help: "Progress on standard error: auto (a bar on a terminal, plain lines otherwise), bar, plain, json, none.")
    var progress: ProgressMode?

    @Flag(help: "No progress and no summary on standard error; errors are still reported.")
    var quiet = false

    /// The effective configuration with these flags and `extra` (other flags of the command, by key).
    func settings(_ extra: [String: String?] = [:]) throws -> Settings {
        var flags: [String: String] = [:]
        if let db { flags["db"] = db }
        if let namespace { flags["namespace"] = namespace }
        if let provider { flags["provider"] = provider.rawValue }
        if let progress { flags["progress"] = progress.rawValue }
        for case (let key, let value?) in extra { flags[key] = value }
        do {
            return try Settings.resolve(flags: flags, configPath: config)
        } catch {
            throw ExitStatus.report(error)
        }
    }

    /// The namespace in force.
    func namespace(_ settings: Settings) -> String { settings["namespace"] ?? "default" }

    /// The progress mode in force (`none` when `--quiet`).
    func progressMode(_ settings: Settings) -> ProgressMode {
        quiet ? .none : settings["progress"].flatMap(ProgressMode.init(rawValue:)) ?? .auto
    }

    /// The engine's directory: the setting `db`, else the user's data directory.
    static func directory(_ settings: Settings) -> URL {
        if let db = settings["db"] { return URL(fileURLWithPath: db) }
        let environment = ProcessInfo.processInfo.environment
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data).appendingPathComponent("match-engine")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/match-engine")
    }

    /// The configured provider; exits 78 (configuration error) when the model cannot be loaded.
    static func makeProvider(_ settings: Settings) throws -> any EmbeddingProvider {
        switch settings["provider"] {
        case "hashing":
            return HashingEmbedder()
        case "http":
            do {
                guard let url = settings["http-base-url"].flatMap(URL.init(string:)),
                    let dimension = settings["http-dimension"].flatMap(Int.init), let model = settings["http-model"]
                else { throw SettingsError(message: "provider http needs http-base-url, http-model, http-dimension") }
                let variable = settings["http-api-key-variable"] ?? ""
                let http = try HTTPEmbeddingProvider(
                    .init(
                        baseURL: url, model: model, dimension: dimension,
                        apiKeyVariable: variable.isEmpty ? nil : variable))
                // Retries with backoff and a circuit breaker; never another model's vectors.
                return ResilientProvider([http])
            } catch {
                throw ExitStatus.report(error)
            }
        default:
            do {
                return try MiniLMEmbedder()
            } catch {
                throw ExitStatus.report(error)
            }
        }
    }

    /// The scoring weights in force: the preset, the weights file over it, the threshold over both.
    static func weights(_ settings: Settings) throws -> ScoringWeights {
        var weights: ScoringWeights = settings["preset"] == "classic" ? .classic : .standard
        do {
            if let file = settings["weights"] { weights = try ScoringWeights.load(from: URL(fileURLWithPath: file)) }
            if let threshold = settings["threshold"].flatMap(Double.init) { weights.interviewThreshold = threshold }
            try weights.validate()
        } catch {
            throw ExitStatus.report(error)
        }
        return weights
    }

    /// Opens the engine the settings name; exits 74 (storage error) when it cannot, 78 when the
    /// configuration is not usable.
    static func open(
        _ settings: Settings, weights: ScoringWeights = .standard, referenceMonth: YearMonth? = nil,
        quiet: Bool = false, at directory: URL? = nil, chunkWindows: ChunkWindows = .none
    ) async throws -> Engine {
        // The skill taxonomy and its matcher, which opening the engine needs (a tenth of a second, once a
        // process), are built on another core while the model loads.
        Task.detached(priority: .userInitiated) { _ = SkillMatcher.standard }
        var configuration = EngineConfiguration(provider: try makeProvider(settings), weights: weights)
        configuration.chunkWindows = chunkWindows
        if let referenceMonth { configuration.referenceMonth = referenceMonth }
        // --quiet: only warnings and errors from the engine's log (index rebuilds are notices).
        if quiet { configuration.logger.logLevel = .warning }
        do {
            return try await Engine.open(directory: directory ?? Self.directory(settings), configuration: configuration)
        } catch {
            throw ExitStatus.report(error)
        }
    }

    /// Resolves the settings and opens the engine (for commands that need no scoring options).
    func open(_ extra: [String: String?] = [:], chunkWindows: ChunkWindows = .none) async throws -> (Engine, Settings) {
        let settings = try settings(extra)
        return (
            try await Self.open(
                settings, weights: try Self.weights(settings), quiet: quiet, chunkWindows: chunkWindows),
            settings
        )
    }
}

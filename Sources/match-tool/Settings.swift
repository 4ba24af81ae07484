import Foundation

/// A setting that could not be used; the message names the key and where the value came from.
struct SettingsError: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}

/// match-tool's effective configuration: defaults < configuration file (`match-tool.json` in the working
/// directory, or `--config FILE`) < `MATCH_ENGINE_*` environment variables < flags. Every value
/// remembers where it came from (`match-tool config show`).
///
/// A small merger of our own rather than apple/swift-configuration 1.4.0: that package needs
/// swift-tools-version 6.2 and brings swift-service-lifecycle, swift-metrics, swift-system,
/// swift-collections and Yams into every clean CI build, while what we need it would not give us
/// anyway — refusing unknown keys in the file with the key's name, and the source of every value.
struct Settings {
    /// Where a value came from.
    enum Source: Equatable, CustomStringConvertible {
        case defaultValue
        case file(String)
        case environment(String)
        case flag(String)

        var description: String {
            switch self {
            case .defaultValue: "default"
            case .file(let path): "file \(path)"
            case .environment(let name): "environment \(name)"
            case .flag(let name): "flag \(name)"
            }
        }
    }

    /// One known setting: its key in the file, its variable, its flag, its default and how it is checked.
    struct Key: Sendable {
        var name: String
        var defaultValue: String?
        var help: String
        /// `nil` when the value is acceptable, else why not.
        var check: @Sendable (String) -> String?
        var environment: String { "MATCH_ENGINE_" + name.uppercased().replacingOccurrences(of: "-", with: "_") }
        var flag: String { "--" + name }
    }

    static func oneOf(_ values: [String]) -> @Sendable (String) -> String? {
        { values.contains($0) ? nil : "must be one of \(values.joined(separator: ", "))" }
    }

    /// Every setting a file, the environment or a flag may give.
    static let keys: [Key] = [
        Key(
            name: "db", defaultValue: nil, help: "the engine's directory",
            check: { $0.isEmpty ? "must not be empty" : nil }),
        Key(
            name: "namespace", defaultValue: "default", help: "the namespace (tenant)",
            check: { $0.isEmpty || $0.utf8.count > 128 ? "must be 1 to 128 bytes" : nil }),
        Key(
            name: "provider", defaultValue: "minilm", help: "where vectors come from",
            check: oneOf(["minilm", "hashing", "http"])),
        Key(
            name: "format", defaultValue: "table", help: "output format",
            check: oneOf(["table", "csv", "json", "html"])),
        Key(
            name: "progress", defaultValue: "auto", help: "progress on standard error",
            check: oneOf(["auto", "bar", "plain", "json", "none"])),
        Key(
            name: "preset", defaultValue: "standard", help: "scoring weights preset",
            check: oneOf(["standard", "classic"])),
        Key(
            name: "weights", defaultValue: nil, help: "a JSON file of scoring weights (over the preset)",
            check: { $0.isEmpty ? "must not be empty" : nil }),
        Key(
            name: "threshold", defaultValue: nil, help: "score at or above which the decision is interview",
            check: { Double($0).map { (0...100).contains($0) } == true ? nil : "must be a number 0 … 100" }),
        Key(
            name: "http-base-url", defaultValue: "https://api.openai.com/v1",
            help: "the API root of an OpenAI-compatible /embeddings service (provider http)",
            check: { URL(string: $0)?.scheme == nil ? "must be a URL" : nil }),
        Key(
            name: "http-model", defaultValue: "text-embedding-3-small", help: "the model asked for (provider http)",
            check: { $0.isEmpty ? "must not be empty" : nil }),
        Key(
            name: "http-dimension", defaultValue: "1536", help: "the length of its vectors (provider http)",
            check: { Int($0).map { (1...65_536).contains($0) } == true ? nil : "must be a whole number 1 … 65,536" }),
        Key(
            name: "http-api-key-variable", defaultValue: "OPENAI_API_KEY",
            help: "the environment variable holding the API key (provider http; empty: none)", check: { _ in nil }),
        Key(
            name: "top", defaultValue: nil, help: "the most candidates listed",
            check: { Int($0).map { (1...100_000).contains($0) } == true ? nil : "must be a whole number 1 … 100,000" }),
    ]

    /// One resolved value.
    struct Entry {
        var key: String
        var value: String?
        var source: Source
    }

    private(set) var entries: [String: Entry] = [:]

    /// The value of `key`, if any layer set it (or it has a default).
    subscript(key: String) -> String? { entries[key]?.value }

    /// Every key in declaration order with its value and source.
    var all: [Entry] { Self.keys.compactMap { entries[$0.name] } }

    /// The configuration file read, if any.
    private(set) var file: String?

    /// Resolves the layers.
    ///
    /// - Parameters:
    ///   - flags: the value of each flag the user gave, by key (flags not given are absent).
    ///   - configPath: `--config`, which must exist; else `match-tool.json` in `workingDirectory` when present.
    /// - Throws: ``SettingsError`` naming the key (unknown key in the file, bad value anywhere).
    static func resolve(
        flags: [String: String], configPath: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> Settings {
        var settings = Settings()
        for key in keys {
            settings.entries[key.name] = Entry(key: key.name, value: key.defaultValue, source: .defaultValue)
        }
        let path: String?
        if let configPath {
            guard FileManager.default.fileExists(atPath: configPath) else {
                throw SettingsError(message: "\(configPath): configuration file not found (--config)")
            }
            path = configPath
        } else {
            let local = URL(fileURLWithPath: workingDirectory).appendingPathComponent("match-tool.json").path
            path = FileManager.default.fileExists(atPath: local) ? local : nil
        }
        if let path {
            settings.file = path
            for (name, value) in try readFile(path) {
                try settings.set(name, value, from: .file(path))
            }
        }
        for key in keys {
            if let value = environment[key.environment] {
                try settings.set(key.name, value, from: .environment(key.environment))
            }
        }
        for (name, value) in flags {
            try settings.set(name, value, from: .flag("--\(name)"))
        }
        return settings
    }

    private mutating func set(_ name: String, _ value: String, from source: Source) throws {
        guard let key = Self.keys.first(where: { $0.name == name }) else {
            throw SettingsError(
                message: "unknown configuration key \"\(name)\" (\(source)); known keys: "
                    + Self.keys.map(\.name).joined(separator: ", "))
        }
        if let problem = key.check(value) {
            throw SettingsError(message: "\(name) \(problem), not \"\(value)\" (\(source))")
        }
        entries[name] = Entry(key: name, value: value, source: source)
    }

    /// The file's keys and values as text; numbers are accepted where a key is numeric.
    private static func readFile(_ path: String) throws -> [(String, String)] {
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
            guard (size?.intValue ?? 0) <= 1_000_000 else {
                throw SettingsError(message: "\(path): configuration file over 1 MB")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as SettingsError {
            throw error
        } catch {
            throw SettingsError(message: "\(path): cannot read the configuration file")
        }
        guard let object = try? JSONDecoder().decode([String: FileValue].self, from: data) else {
            throw SettingsError(message: "\(path): not a JSON object of strings and numbers")
        }
        return object.keys.sorted().compactMap { name in object[name].map { (name, $0.text) } }
    }
}

/// A value in the configuration file: a string or a number, kept as text.
private struct FileValue: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let integer = try? container.decode(Int.self) {
            text = String(integer)
        } else {
            text = String(try container.decode(Double.self))
        }
    }
}

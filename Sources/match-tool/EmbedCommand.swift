import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// `match-tool embed`: one vector per input line, as JSON lines or raw float32 rows.
struct EmbedCommand: AsyncParsableCommand {
    enum Provider: String, ExpressibleByArgument, CaseIterable {
        case minilm, hashing, http
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, f32
    }

    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed one text per line of a file.",
        discussion: """
            Every line is one text, empty lines included, so output row i belongs to input line i. \
            --format json writes one JSON array per line; --format f32 writes the vectors as consecutive \
            little-endian float32 rows (dimension × 4 bytes each), nothing else. A summary (model, \
            dimension, count, time, cache and HTTP usage) goes to standard error.

            --provider http calls an OpenAI-compatible POST {base-url}/embeddings, with the API key read \
            from the variable named by --api-key-env, retrying 429 and 5xx answers with backoff.

            Examples:
              match-tool embed lines.txt
              match-tool embed lines.txt --format f32 -o vectors.f32 --database cache.sqlite
            """
    )

    @Argument(help: "A UTF-8 text file with one text per line, or - for standard input.")
    var file: String

    @Option(help: "Where the vectors come from.")
    var provider: Provider = .minilm

    @Option(help: "Output format.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: "Write the vectors to this file instead of standard output.")
    var output: String?

    @Option(help: "Cache vectors in this SQLite database, so texts seen before are not embedded again.")
    var database: String?

    @Option(
        help: ArgumentHelp(
            "Cache vectors in the engine's database in this directory (the cache ingest and score use).",
            valueName: "path"))
    var db: String?

    @Option(help: "Vector length (hashing, http; MiniLM is always 384).")
    var dimension: Int?

    @Option(help: "Worker threads for MiniLM.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The API root for --provider http.")
    var baseURL: String = "https://api.openai.com/v1"

    @Option(help: "The model name sent to --provider http.")
    var model: String = "text-embedding-3-small"

    @Option(help: "The environment variable holding the API key for --provider http; empty for none.")
    var apiKeyEnv: String = "OPENAI_API_KEY"

    @Option(help: "Seconds to wait for each HTTP request.")
    var timeout: Double = 30

    /// The longest vector accepted: 64 Ki floats (OpenAI's largest models return 3,072).
    static let maximumDimension = 65_536
    /// The most MiniLM worker threads.
    static let maximumThreads = 256

    func validate() throws {
        if let dimension, !(1...Self.maximumDimension).contains(dimension) {
            throw ValidationError("--dimension must be between 1 and \(Self.maximumDimension), not \(dimension).")
        }
        if provider == .minilm, let dimension, dimension != 384 {
            throw ValidationError("MiniLM vectors have 384 dimensions; --dimension \(dimension) does not apply.")
        }
        if provider == .http, dimension == nil {
            throw ValidationError("--provider http needs --dimension (e.g. 1536 for text-embedding-3-small).")
        }
        guard (1...Self.maximumThreads).contains(threads) else {
            throw ValidationError("--threads must be between 1 and \(Self.maximumThreads), not \(threads).")
        }
        // `timeout > 0` alone lets NaN through (every comparison with NaN is false) and infinity in.
        guard timeout.isFinite, timeout > 0, timeout <= HTTPEmbeddingProvider.maximumTimeout else {
            throw ValidationError(
                "--timeout must be a number of seconds above 0 and at most "
                    + "\(Int(HTTPEmbeddingProvider.maximumTimeout)), not \(timeout).")
        }
        if db != nil, database != nil {
            throw ValidationError("Give --db (an engine directory) or --database (a file).")
        }
        guard provider != .http || URL(string: baseURL)?.scheme != nil else {
            throw ValidationError("--base-url \(baseURL) is not a URL.")
        }
    }

    func run() async throws {
        let texts: [String]
        do {
            texts = try readLines()
        } catch {
            let reason = TextExtractor.describe(error, fallback: "cannot read the file")
            FileHandleOutput.standardError("error: \(FileNameEscaping.escaped(file)): \(reason)")
            throw ExitCode(1)
        }
        do {
            let base = try makeProvider()
            // --db names an engine directory (as in every engine command), --database a SQLite file.
            let cachePath = db.map { URL(fileURLWithPath: $0).appendingPathComponent("engine.sqlite").path } ?? database
            if let db { try FileManager.default.createDirectory(atPath: db, withIntermediateDirectories: true) }
            let cache = EmbeddingCache(capacity: 100_000, store: try cachePath.map { try DocumentStore(path: $0) })
            let embedder = CachedEmbeddingProvider(base.provider, cache: cache)
            let start = ContinuousClock.now
            let sink = try OutputSink(path: output)
            var count = 0
            for chunkStart in stride(from: 0, to: texts.count, by: 1024) {
                let chunk = Array(texts[chunkStart..<min(chunkStart + 1024, texts.count)])
                let vectors = try await embedder.embed(chunk)
                try sink.write(encode(vectors))
                count += vectors.count
            }
            try sink.close()
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            var summary =
                "embedded \(count) texts with \(embedder.modelIdentifier) (dimension \(embedder.dimension)) in "
                + String(format: "%.2f s", seconds)
            let statistics = cache.statistics
            summary += "; cache: \(statistics.hits) hits (\(statistics.storedHits) from the database), "
            summary += "\(statistics.misses) misses"
            if let usage = base.http?.usage {
                summary += "; HTTP: \(usage.requests) requests, \(usage.failedRequests) failed, "
                summary += "\(usage.promptTokens) tokens"
            }
            FileHandleOutput.standardError(summary)
            if let problem = cache.lastPersistenceError {
                FileHandleOutput.standardError("warning: the cache database could not be used: \(problem)")
            }
        } catch {
            let message = (error as? LocalizedError)?.errorDescription ?? "\(type(of: error)) error"
            FileHandleOutput.standardError("error: \(message)")
            throw ExitCode(error is OutputError ? 74 : 1)
        }
    }

    private func readLines() throws -> [String] {
        let data =
            file == "-"
            ? FileHandle.standardInput.readDataToEndOfFile()
            : try FileHandle(forReadingFrom: URL(fileURLWithPath: file)).readToEnd() ?? Data()
        guard let text = String(data: data, encoding: .utf8) else {
            throw CocoaError(.fileReadInapplicableStringEncoding)
        }
        // "\r\n" is one Character in Swift, so it is matched as a whole.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if lines.last == "" { lines.removeLast() }  // the newline ending the last line
        return lines
    }

    private func makeProvider() throws -> (provider: any EmbeddingProvider, http: HTTPEmbeddingProvider?) {
        switch provider {
        case .minilm:
            return (try MiniLMEmbedder(threads: threads), nil)
        case .hashing:
            return (HashingEmbedder(dimension: dimension ?? 384), nil)
        case .http:
            guard let url = URL(string: baseURL), let dimension else { throw ValidationError("bad --base-url") }
            var configuration = HTTPEmbeddingProvider.Configuration(
                baseURL: url, model: model, dimension: dimension, apiKeyVariable: apiKeyEnv.isEmpty ? nil : apiKeyEnv)
            configuration.timeout = timeout
            let http = try HTTPEmbeddingProvider(configuration)
            return (ResilientProvider([http]), http)
        }
    }

    private func encode(_ vectors: [[Float]]) -> Data {
        switch format {
        case .json:
            var text = ""
            for vector in vectors {
                text += "[" + vector.map { "\($0)" }.joined(separator: ",") + "]\n"
            }
            return Data(text.utf8)
        case .f32:
            return VectorBytes.encode(vectors)
        }
    }
}

import Foundation
import VectorIndex

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Embeddings from an OpenAI-compatible `POST {baseURL}/embeddings` service (OpenAI, Azure OpenAI,
/// vLLM, llama.cpp server, Ollama's OpenAI endpoint, ...).
///
/// The API key is read from an environment variable when the provider is created and sent as a
/// bearer token; it never appears in errors or logs. Each call to ``embed(_:)`` sends one request per
/// ``Configuration/maxBatchSize`` texts. HTTP 429 and 5xx are reported as retryable errors
/// (``EmbeddingError/isRetryable``) for a ``ResilientProvider`` to retry; this type itself does not
/// retry. Returned vectors are L2-normalised.
public final class HTTPEmbeddingProvider: EmbeddingProvider {
    /// Where and what to ask.
    public struct Configuration: Sendable {
        /// The API root, e.g. `https://api.openai.com/v1`; requests go to `baseURL/embeddings`.
        public var baseURL: URL
        /// The `model` field of the request, e.g. `text-embedding-3-small`.
        public var model: String
        /// The length of the vectors the model returns; responses of another length are refused.
        public var dimension: Int
        /// Stored with every vector. Defaults to `model`; set it to another provider's identifier only
        /// when both serve the very same model (e.g. all-MiniLM-L6-v2 behind a server and locally).
        public var modelIdentifier: String
        /// The environment variable holding the API key, or `nil` for services without
        /// authentication (local servers).
        public var apiKeyVariable: String?
        /// Seconds to wait for a response before giving up on a request.
        public var timeout: TimeInterval = 30
        /// The most texts sent in one request.
        public var maxBatchSize = 256

        public init(
            baseURL: URL, model: String, dimension: Int, modelIdentifier: String? = nil,
            apiKeyVariable: String? = "OPENAI_API_KEY"
        ) {
            self.baseURL = baseURL
            self.model = model
            self.dimension = dimension
            self.modelIdentifier = modelIdentifier ?? model
            self.apiKeyVariable = apiKeyVariable
        }
    }

    /// What this provider was created with.
    public let configuration: Configuration
    public var dimension: Int { configuration.dimension }
    public var modelIdentifier: String { configuration.modelIdentifier }
    /// The name used in errors: the model and host, never the key.
    public let name: String

    private let apiKey: String?
    /// URLSession's own timeout, a backstop behind the deadline of ``withDeadline(_:)``.
    private let backstopTimeout: TimeInterval
    private let session: URLSession
    private let endpoint: URL
    private let counters = Locked(EmbeddingUsage())

    /// - Throws: ``EmbeddingError/missingAPIKey(variable:)`` when `apiKeyVariable` is set but the
    ///   environment (`environment`, by default the process's) has no non-empty value for it.
    /// - Precondition: `dimension > 0`, `maxBatchSize > 0`, `0 < timeout <= maximumTimeout`.
    public init(
        _ configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        precondition(configuration.dimension > 0, "dimension must be positive")
        precondition(configuration.maxBatchSize > 0, "maxBatchSize must be positive")
        precondition(
            configuration.timeout > 0 && configuration.timeout <= Self.maximumTimeout,
            "timeout must be in 0 < t <= \(Self.maximumTimeout) s")
        if let variable = configuration.apiKeyVariable {
            guard let key = environment[variable], !key.isEmpty else {
                throw EmbeddingError.missingAPIKey(variable: variable)
            }
            apiKey = key
        } else {
            apiKey = nil
        }
        self.configuration = configuration
        endpoint = configuration.baseURL.appendingPathComponent("embeddings")
        name = "\(configuration.model)@\(configuration.baseURL.host ?? configuration.baseURL.absoluteString)"
        // URLSession's timeout is a backstop behind our own deadline; swift-corelibs-foundation truncates
        // it to whole seconds and fails every request at once below one second.
        let timeout = max(1, configuration.timeout.rounded(.up)) + 1
        backstopTimeout = timeout
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = timeout
        sessionConfiguration.timeoutIntervalForResource = timeout
        sessionConfiguration.httpMaximumConnectionsPerHost = 4
        session = URLSession(configuration: sessionConfiguration)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// The longest ``Configuration/timeout`` accepted, in seconds (one day).
    public static let maximumTimeout: TimeInterval = 86_400

    /// Requests, failures, texts and tokens so far.
    public var usage: EmbeddingUsage { counters.withLock { $0 } }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let end = min(start + configuration.maxBatchSize, texts.count)
            vectors += try await request(Array(texts[start..<end]))
            start = end
        }
        return vectors
    }

    private func request(_ texts: [String]) async throws -> [[Float]] {
        counters.withLock { $0.requests += 1 }
        do {
            let (vectors, tokens) = try await send(texts)
            counters.withLock { usage in
                usage.texts += texts.count
                usage.promptTokens += tokens
            }
            return vectors
        } catch {
            counters.withLock { $0.failedRequests += 1 }
            throw error
        }
    }

    private func send(_ texts: [String]) async throws -> (vectors: [[Float]], tokens: Int) {
        var request = URLRequest(url: endpoint, timeoutInterval: backstopTimeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONEncoder().encode(
            EmbeddingsRequest(model: configuration.model, input: texts, encoding_format: "float"))

        let (data, response) = try await withDeadline(request)
        guard let http = response as? HTTPURLResponse else {
            throw EmbeddingError.malformedResponse(provider: name, reason: "not an HTTP response")
        }
        switch http.statusCode {
        case 200..<300:
            return try decode(data, expecting: texts.count)
        case 429:
            // Only a finite, non-negative number of seconds is a delay ("inf", "nan", "-1" or an HTTP date are not).
            let retryAfter = http.value(forHTTPHeaderField: "Retry-After")
                .flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                .flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            throw EmbeddingError.rateLimited(provider: name, retryAfter: retryAfter)
        case 500..<600:
            throw EmbeddingError.serverError(provider: name, status: http.statusCode, message: Self.message(in: data))
        default:
            throw EmbeddingError.requestRejected(
                provider: name, status: http.statusCode, message: Self.message(in: data))
        }
    }

    /// The response, or ``EmbeddingError/transport(provider:reason:)`` once ``Configuration/timeout``
    /// has passed: the request races a timer and the loser is cancelled. (URLSession's own timeout is
    /// kept as a backstop; on Linux it is whole seconds and was seen to not fire under load.)
    private func withDeadline(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let session = session
        let timeout = configuration.timeout
        let name = name
        return try await withThrowingTaskGroup(of: (Data, URLResponse).self) { group in
            group.addTask {
                do {
                    return try await session.data(for: request)
                } catch let error as URLError where error.code == .cancelled {
                    throw CancellationError()
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    throw EmbeddingError.transport(provider: name, reason: Self.describe(error))
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                throw EmbeddingError.transport(provider: name, reason: "timed out after \(timeout) s")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    private func decode(_ data: Data, expecting count: Int) throws -> (vectors: [[Float]], tokens: Int) {
        let body: EmbeddingsResponse
        do {
            body = try JSONDecoder().decode(EmbeddingsResponse.self, from: data)
        } catch {
            throw EmbeddingError.malformedResponse(provider: name, reason: "not an embeddings JSON body")
        }
        guard body.data.count == count else {
            throw EmbeddingError.malformedResponse(
                provider: name, reason: "\(body.data.count) embeddings for \(count) inputs")
        }
        var vectors = [[Float]](repeating: [], count: count)
        for item in body.data {
            guard vectors.indices.contains(item.index), vectors[item.index].isEmpty else {
                throw EmbeddingError.malformedResponse(provider: name, reason: "bad or repeated index \(item.index)")
            }
            guard item.embedding.count == dimension else {
                throw EmbeddingError.malformedResponse(
                    provider: name, reason: "vector of length \(item.embedding.count), expected \(dimension)")
            }
            guard item.embedding.allSatisfy(\.isFinite) else {
                throw EmbeddingError.malformedResponse(provider: name, reason: "non-finite value in vector")
            }
            var vector = item.embedding
            vector.withUnsafeMutableBufferPointer { Distance.normalize($0) }
            vectors[item.index] = vector
        }
        return (vectors, body.usage?.prompt_tokens ?? 0)
    }

    /// The service's own error message (`{"error":{"message":...}}`), shortened, or nothing.
    private static func message(in data: Data) -> String {
        if let body = try? JSONDecoder().decode(ErrorResponse.self, from: data) {
            return String(body.error.message.prefix(200))
        }
        return ""
    }

    private static func describe(_ error: any Error) -> String {
        if let urlError = error as? URLError {
            return urlError.code == .timedOut ? "timed out" : "URL error \(urlError.code.rawValue)"
        }
        return "\(error)"
    }
}

// The wire format of OpenAI's embeddings API; field names as on the wire.
// swift-format-ignore: AlwaysUseLowerCamelCase
private struct EmbeddingsRequest: Encodable {
    var model: String
    var input: [String]
    var encoding_format: String
}

private struct EmbeddingsResponse: Decodable {
    struct Item: Decodable {
        var index: Int
        var embedding: [Float]
    }
    // swift-format-ignore: AlwaysUseLowerCamelCase
    struct Usage: Decodable {
        var prompt_tokens: Int
    }
    var data: [Item]
    var usage: Usage?
}

private struct ErrorResponse: Decodable {
    struct Detail: Decodable { var message: String }
    var error: Detail
}

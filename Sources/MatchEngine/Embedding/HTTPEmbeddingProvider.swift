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
        /// The largest response body accepted, in bytes; a longer one is cut off and refused with
        /// ``EmbeddingError/responseTooLarge(provider:limit:)``. `nil` (the default) allows what a full batch
        /// needs: 32 bytes of JSON per number (`maxBatchSize × dimension × 32`) plus 1 MiB, at most 1 GiB.
        public var maximumResponseBytes: Int?

        /// The response cap in effect: ``maximumResponseBytes`` or the default computed from the batch.
        public var responseLimit: Int {
            if let maximumResponseBytes { return maximumResponseBytes }
            let perNumber = 32
            let (product, overflow) = maxBatchSize.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= (1 << 30) / perNumber else { return 1 << 30 }
            return min(1 << 30, product * perNumber + (1 << 20))
        }

        /// A configuration for the OpenAI-compatible service at `baseURL` (ending in `/v1`): `model` is sent
        /// with every request, `dimension` is the length of the vectors it returns, and the key is read from
        /// the environment variable `apiKeyVariable` when the provider is created.
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
    /// The length of the vectors, from ``Configuration/dimension``.
    public var dimension: Int { configuration.dimension }
    /// Stored with every vector, from ``Configuration/modelIdentifier``.
    public var modelIdentifier: String { configuration.modelIdentifier }
    /// Model, dimension and endpoint: the same model name at another server or size is another space.
    public var providerIdentity: String { "\(modelIdentifier)#\(dimension)@\(endpoint.absoluteString)" }
    /// The name used in errors: the model and host, never the key.
    public let name: String

    private let apiKey: String?
    /// URLSession's own timeout, a backstop behind the client's deadline.
    private let backstopTimeout: TimeInterval
    private let client: BoundedHTTPClient
    private let endpoint: URL
    private let counters = Locked(EmbeddingUsage())

    /// - Throws: ``EmbeddingError/missingAPIKey(variable:)`` when `apiKeyVariable` is set but the
    ///   environment (`environment`, by default the process's) has no non-empty value for it.
    /// - Precondition: `dimension > 0`, `maxBatchSize > 0`, `0 < timeout <= maximumTimeout`,
    ///   `maximumResponseBytes > 0` when set.
    public init(
        _ configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        precondition(configuration.dimension > 0, "dimension must be positive")
        precondition(configuration.maxBatchSize > 0, "maxBatchSize must be positive")
        precondition((configuration.maximumResponseBytes ?? 1) > 0, "maximumResponseBytes must be positive")
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
        client = BoundedHTTPClient(configuration: sessionConfiguration)
    }

    deinit { client.invalidate() }

    /// The longest ``Configuration/timeout`` accepted, in seconds (one day).
    public static let maximumTimeout: TimeInterval = 86_400

    /// Requests, failures, texts and tokens so far.
    public var usage: EmbeddingUsage { counters.withLock { $0 } }

    /// Embeds `texts` in requests of at most ``Configuration/maxBatchSize`` texts; vectors come back in input
    /// order, one per text.
    ///
    /// - Throws: ``EmbeddingError`` for a timeout, a refused or failed request, an HTTP error status or an
    ///   answer that is not the expected embeddings (wrong count or dimension).
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

        let (data, http) = try await exchange(request)
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
            throw EmbeddingError.serverError(provider: name, status: http.statusCode, message: message(in: data))
        default:
            throw EmbeddingError.requestRejected(provider: name, status: http.statusCode, message: message(in: data))
        }
    }

    /// The response, or ``EmbeddingError/transport(provider:reason:)`` once ``Configuration/timeout``
    /// has passed (the transfer is abandoned then, whether or not it stops at once), or
    /// ``EmbeddingError/responseTooLarge(provider:limit:)`` as soon as the body passes the cap.
    private func exchange(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let timeout = configuration.timeout
        do {
            return try await client.send(request, limit: configuration.responseLimit, deadline: timeout)
        } catch BoundedHTTPClient.Failure.tooLarge(let limit) {
            throw EmbeddingError.responseTooLarge(provider: name, limit: limit)
        } catch BoundedHTTPClient.Failure.timedOut {
            throw EmbeddingError.transport(
                provider: name, reason: "no answer within \(Self.seconds(timeout)) s, timed out")
        } catch let error as URLError where error.code == .cancelled {
            throw CancellationError()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw EmbeddingError.transport(provider: name, reason: describe(error))
        }
    }

    /// `30` for 30.0, `0.5` for 0.5.
    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
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

    /// The service's own error message (`{"error":{"message":...}}`), shortened and with the API key and
    /// any bearer token or `Authorization` value blanked out (some servers echo the request's headers), or
    /// nothing.
    private func message(in data: Data) -> String {
        guard let body = try? JSONDecoder().decode(ErrorResponse.self, from: data.prefix(1 << 16)) else { return "" }
        return Self.redacted(body.error.message, key: apiKey).prefix(200).description
    }

    /// `text` with every occurrence of `key`, the value of any `Authorization` header and the credential
    /// after `Bearer` or `Basic` replaced by `[redacted]`.
    static func redacted(_ text: String, key: String?) -> String {
        var text = text
        if let key, !key.isEmpty { text = text.replacingOccurrences(of: key, with: "[redacted]") }
        text = text.replacingOccurrences(
            of: "(?i)(authorization\\s*+[\"']?\\s*+[:=]\\s*+[\"']?)[^\"'\\n\\r]++", with: "$1[redacted]",
            options: .regularExpression)
        return text.replacingOccurrences(
            of: "(?i)\\b(bearer|basic)\\s++(?!\\[redacted\\])[^\\s\"',;}]++", with: "$1 [redacted]",
            options: .regularExpression)
    }

    /// A sentence for a failed transfer, naming the host and port (never the URL's path or query).
    private func describe(_ error: any Error) -> String {
        let url = configuration.baseURL
        let host = url.host ?? "the server"
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        let address = "\(host):\(port)"
        guard let urlError = error as? URLError else { return "network error talking to \(address)" }
        switch urlError.code {
        case .cannotConnectToHost: return "connection refused by \(address)"
        case .cannotFindHost, .dnsLookupFailed: return "cannot resolve the host name \(host)"
        case .timedOut: return "\(address) timed out"
        case .networkConnectionLost: return "the connection to \(address) was lost"
        case .notConnectedToInternet: return "no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return "TLS handshake with \(address) failed"
        case .badServerResponse, .cannotParseResponse: return "\(address) sent an invalid HTTP response"
        case .unsupportedURL, .badURL: return "unsupported URL scheme \(url.scheme ?? "")"
        default: return "network error talking to \(address) (URL error \(urlError.code.rawValue))"
        }
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

import Foundation

/// Why embeddings could not be computed.
public enum EmbeddingError: Error, Sendable, Equatable, LocalizedError {
    /// A model file is missing; the message says how to install it.
    case modelMissing(directory: String, file: String)
    /// A model file exists but cannot be used (bad header, missing tensor, wrong shape).
    case modelInvalid(file: String, reason: String)
    /// A token id given to the model is outside its vocabulary (`0 ..< vocabularySize`).
    case tokenOutOfVocabulary(id: Int32, vocabularySize: Int)
    /// The environment variable that should hold the API key is unset or empty.
    case missingAPIKey(variable: String)
    /// The service answered 429; `retryAfter` is its `Retry-After` in seconds, when it sent one.
    case rateLimited(provider: String, retryAfter: Double?)
    /// The service failed (5xx): worth retrying.
    case serverError(provider: String, status: Int, message: String)
    /// The service refused the request (4xx other than 429: bad key, bad model, input too long):
    /// retrying the same request cannot help.
    case requestRejected(provider: String, status: Int, message: String)
    /// No answer: connection refused or reset, DNS failure, timeout.
    case transport(provider: String, reason: String)
    /// An answer that is not the expected embeddings (bad JSON, wrong count or dimension).
    case malformedResponse(provider: String, reason: String)
    /// An answer body longer than the provider's limit, in bytes; it was cut off, not read.
    case responseTooLarge(provider: String, limit: Int)
    /// The provider's circuit breaker is open after repeated failures; it is not being called.
    case circuitOpen(provider: String)
    /// Every provider of a chain failed; one entry per provider with its last error.
    case allProvidersFailed([String])

    /// Whether the same request may succeed if sent again after a pause.
    public var isRetryable: Bool {
        switch self {
        case .rateLimited, .serverError, .transport: true
        default: false
        }
    }

    /// A sentence for a person: what failed and, where known, the status code or limit.
    public var errorDescription: String? {
        switch self {
        case .modelMissing(let directory, let file):
            "\(directory)/\(file) is missing: run scripts/bootstrap.sh (or set MATCH_ENGINE_MODEL_DIR)"
        case .modelInvalid(let file, let reason):
            "\(file): unusable model file (\(reason))"
        case .tokenOutOfVocabulary(let id, let vocabularySize):
            "token id \(id) is outside the model's vocabulary of \(vocabularySize) tokens"
        case .missingAPIKey(let variable):
            "the API key variable \(variable) is not set"
        case .rateLimited(let provider, let retryAfter):
            "\(provider): rate limited (HTTP 429)" + (retryAfter.map { ", retry after \($0) s" } ?? "")
        case .serverError(let provider, let status, let message):
            "\(provider): server error HTTP \(status)" + (message.isEmpty ? "" : ": \(message)")
        case .requestRejected(let provider, let status, let message):
            "\(provider): request rejected with HTTP \(status)" + (message.isEmpty ? "" : ": \(message)")
        case .transport(let provider, let reason):
            "\(provider): no response (\(reason))"
        case .malformedResponse(let provider, let reason):
            "\(provider): malformed response (\(reason))"
        case .responseTooLarge(let provider, let limit):
            "\(provider): response larger than the limit of \(limit) bytes, refused"
        case .circuitOpen(let provider):
            "\(provider): circuit open after repeated failures, not called"
        case .allProvidersFailed(let failures):
            "every embedding provider failed: " + failures.joined(separator: "; ")
        }
    }
}

extension EmbeddingError {
    /// ``errorDescription`` without the server's own words: a server's error message can echo the
    /// request (resume text, e-mail addresses), so what goes to the logs keeps the provider, the case
    /// and the status only.
    var descriptionForLogs: String {
        switch self {
        case .serverError(let provider, let status, _): "\(provider): server error HTTP \(status)"
        case .requestRejected(let provider, let status, _): "\(provider): request rejected with HTTP \(status)"
        case .malformedResponse(let provider, _): "\(provider): malformed response"
        case .allProvidersFailed(let failures): "every embedding provider failed (\(failures.count))"
        default: errorDescription ?? "\(self)"
        }
    }
}

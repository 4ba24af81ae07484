import Foundation
import MatchEngine
import TestSupport

/// An OpenAI-compatible embeddings service on 127.0.0.1 whose behaviour the test scripts: each request
/// takes the next scripted ``Behaviour`` (the last one repeats). Correct answers are hashing vectors of
/// the inputs, returned in reverse order of `index` to check that clients sort by it.
final class FakeEmbeddingService: Sendable {
    enum Behaviour: Sendable {
        case ok
        case status(Int, body: String = "{\"error\":{\"message\":\"scripted failure\"}}")
        case rateLimited(retryAfter: String?)
        case delayed(Double)
        case body(String)
        case wrongDimension
    }

    static let dimension = 64
    let server: LocalHTTPServer
    private let script: LockedScript

    init(_ behaviours: [Behaviour]) throws {
        let script = LockedScript(behaviours)
        self.script = script
        server = try LocalHTTPServer { request in
            Self.answer(request, behaviour: script.next())
        }
    }

    deinit { server.stop() }

    var requests: [LocalHTTPServer.Request] { server.requests }

    /// Replaces the remaining script.
    func script(_ behaviours: [Behaviour]) { script.replace(behaviours) }

    func configuration(
        modelIdentifier: String? = nil, apiKeyVariable: String? = nil, timeout: TimeInterval = 30
    ) -> HTTPEmbeddingProvider.Configuration {
        var configuration = HTTPEmbeddingProvider.Configuration(
            baseURL: server.baseURL, model: "fake-embed", dimension: Self.dimension, modelIdentifier: modelIdentifier,
            apiKeyVariable: apiKeyVariable)
        configuration.timeout = timeout
        return configuration
    }

    func provider(modelIdentifier: String? = nil, timeout: TimeInterval = 30) throws -> HTTPEmbeddingProvider {
        try HTTPEmbeddingProvider(configuration(modelIdentifier: modelIdentifier, timeout: timeout))
    }

    static func expected(_ texts: [String]) -> [[Float]] {
        texts.map(HashingEmbedder(dimension: dimension).vector)
    }

    /// Whether `vectors` are the service's answer for `texts` (to float rounding through JSON).
    static func isAnswer(_ vectors: [[Float]], for texts: [String]) -> Bool {
        let expected = expected(texts)
        return vectors.count == expected.count
            && zip(vectors, expected).allSatisfy { vector, want in
                vector.count == want.count && zip(vector, want).allSatisfy { abs($0 - $1) < 1e-5 }
            }
    }

    private static func answer(_ request: LocalHTTPServer.Request, behaviour: Behaviour) -> LocalHTTPServer.Response {
        let inputs = request.json?["input"] as? [String] ?? []
        switch behaviour {
        case .ok: return .json(body(for: inputs, dimension: dimension))
        case .delayed(let seconds): return .json(body(for: inputs, dimension: dimension), delay: seconds)
        case .wrongDimension: return .json(body(for: inputs, dimension: dimension + 1))
        case .status(let status, let body): return LocalHTTPServer.Response(status: status, body: Data(body.utf8))
        case .body(let body): return LocalHTTPServer.Response(status: 200, body: Data(body.utf8))
        case .rateLimited(let retryAfter):
            return LocalHTTPServer.Response(status: 429, headers: retryAfter.map { ["Retry-After": $0] } ?? [:])
        }
    }

    private static func body(for inputs: [String], dimension: Int) -> [String: Any] {
        let embedder = HashingEmbedder(dimension: dimension)
        let items: [[String: Any]] = inputs.enumerated().reversed().map { index, text in
            // Scaled by 3 to check that the client normalises.
            ["object": "embedding", "index": index, "embedding": embedder.vector(text).map { Double($0 * 3) }]
        }
        let tokens = inputs.reduce(0) { $0 + $1.split(separator: " ").count }
        return [
            "object": "list", "model": "fake-embed", "data": items,
            "usage": ["prompt_tokens": tokens, "total_tokens": tokens],
        ]
    }
}

private final class LockedScript: @unchecked Sendable {
    private let lock = NSLock()
    private var behaviours: [FakeEmbeddingService.Behaviour]

    init(_ behaviours: [FakeEmbeddingService.Behaviour]) { self.behaviours = behaviours }

    func next() -> FakeEmbeddingService.Behaviour {
        lock.withLock { behaviours.count > 1 ? behaviours.removeFirst() : behaviours.first ?? .ok }
    }

    func replace(_ behaviours: [FakeEmbeddingService.Behaviour]) { lock.withLock { self.behaviours = behaviours } }
}

/// Turns texts into vectors. Implementations are batch-first: one call embeds many texts.
///
/// Vectors from different ``modelIdentifier``s live in different spaces and must never be compared
/// or stored in one index.
public protocol EmbeddingProvider: Sendable {
    /// The length of every vector this provider returns.
    var dimension: Int { get }
    /// Names the model and its version, e.g. `"all-MiniLM-L6-v2"`; stored with every vector.
    var modelIdentifier: String { get }
    /// What makes two providers' vectors interchangeable: model, dimension and, for a remote service,
    /// the endpoint. Caches key vectors by it. Defaults to `"model#dimension"`.
    var providerIdentity: String { get }
    /// One unit-length vector per text, in order.
    func embed(_ texts: [String]) async throws -> [[Float]]
}

extension EmbeddingProvider {
    /// `"model#dimension"`: right for local models; remote providers add their endpoint.
    public var providerIdentity: String { "\(modelIdentifier)#\(dimension)" }
}

/// What a remote provider has been asked for, for cost accounting: requests sent (including failed
/// ones, which are often billed or rate-limited too), texts embedded and the tokens the service
/// reported.
public struct EmbeddingUsage: Sendable, Equatable {
    /// HTTP requests sent.
    public var requests = 0
    /// Requests that did not return usable embeddings.
    public var failedRequests = 0
    /// Texts embedded successfully.
    public var texts = 0
    /// Tokens the service counted (`usage.prompt_tokens`), summed over successful requests.
    public var promptTokens = 0

    /// Usage with every counter at zero.
    public init() {}
}

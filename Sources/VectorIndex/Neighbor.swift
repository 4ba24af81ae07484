/// One search result: an external id and its distance to the query under the index's ``Metric``.
public struct Neighbor: Sendable, Hashable, CustomStringConvertible {
    /// The id the caller gave the vector on insert.
    public var id: UInt64
    /// Smaller is closer; see ``Metric`` for the formula.
    public var distance: Float

    /// A result for the vector stored under `id`, at `distance` from the query.
    public init(id: UInt64, distance: Float) {
        self.id = id
        self.distance = distance
    }

    /// The similarity a person reads for cosine and inner-product indexes: `1 − distance`.
    public var similarity: Float { 1 - distance }

    /// `"ID: DISTANCE"`, for logs and test messages.
    public var description: String { "\(id): \(distance)" }
}

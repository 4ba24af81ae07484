/// How two vectors are compared. Every search returns the nearest vectors first, by ``Neighbor/distance``.
public enum Metric: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Cosine similarity. Vectors are L2-normalised on insert and queries before search; the distance is
    /// `1 − cos(a, b)`, in [0, 2].
    case cosine = 0
    /// Inner product; the distance is `1 − a·b` (the hnswlib convention), so larger products come first.
    case innerProduct = 1
    /// Squared Euclidean distance.
    case squaredL2 = 2

    /// The short name used in file headers and messages: `cosine`, `ip` or `l2`.
    public var description: String {
        switch self {
        case .cosine: "cosine"
        case .innerProduct: "ip"
        case .squaredL2: "l2"
        }
    }

    /// Whether stored vectors and queries are normalised to unit length.
    var normalizes: Bool { self == .cosine }

    /// Whether the distance is derived from an inner product (`1 − a·b`).
    var usesInnerProduct: Bool { self != .squaredL2 }
}

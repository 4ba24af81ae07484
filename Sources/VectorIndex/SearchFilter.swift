/// Restricts a search to some of the stored ids.
///
/// When the filter lets few ids through, the index answers with an exact scan of those ids instead of a
/// graph walk (a walk would have to visit most of the graph to find enough of them), so recall stays high
/// at any selectivity.
public enum SearchFilter: Sendable {
    /// Only these ids may be returned. The index knows the filter's size and picks its strategy from it.
    case allowedIDs(Set<UInt64>)
    /// Only ids for which the predicate returns true may be returned. Called from the searching thread;
    /// the index estimates its selectivity from a sample of the stored ids.
    case predicate(@Sendable (UInt64) -> Bool)

    @inline(__always)
    func allows(_ id: UInt64) -> Bool {
        switch self {
        case .allowedIDs(let ids): ids.contains(id)
        case .predicate(let predicate): predicate(id)
        }
    }
}

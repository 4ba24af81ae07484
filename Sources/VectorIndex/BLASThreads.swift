import CBLAS

/// The number of threads OpenBLAS uses for batch exact search (``ExactIndex/search(batch:k:)``).
///
/// OpenBLAS keeps one process-wide setting; a host that runs its own worker pool may want `1` here.
public enum BLASThreads {
    /// Sets the process-wide OpenBLAS thread count.
    public static func set(_ count: Int) {
        precondition(count >= 1, "thread count must be positive")
        openblas_set_num_threads(Int32(count))
    }

    /// The current process-wide OpenBLAS thread count.
    public static var current: Int { Int(openblas_get_num_threads()) }
}

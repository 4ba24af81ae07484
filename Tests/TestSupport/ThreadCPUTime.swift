#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The CPU time the calling thread has used, for the tests that bound how long single-threaded work takes
/// (linear-time guards): wall-clock time grows with whatever else the machine runs — CI runs the suite on
/// two workers beside other jobs, where a step that takes well under a second alone measured 12 s — while
/// the thread's own CPU time does not.
package enum ThreadCPUTime {
    /// The thread's CPU time so far; subtract two readings on the same thread.
    package static var now: Duration {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
    }
}

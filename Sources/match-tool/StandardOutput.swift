// Only the C library here: with Foundation imported first in the same file, Swift 6 no longer accepts
// `@preconcurrency` for `stdout`, a C global it cannot check (it is only read, at exit).
#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// Standard output as `print` writes it, through the C library's buffer.
enum StandardOutput {
    /// Flushes what `print` buffered and reports whether any write to standard output failed since the
    /// process started (the C library keeps the error flag), so a full disk is not a silent success.
    ///
    /// - Throws: ``OutputError`` with the `errno` of the failed flush (`EIO` when only the flag tells).
    static func finish() throws {
        let flushed = fflush(stdout) == 0
        let code = errno
        if !flushed || ferror(stdout) != 0 {
            throw OutputError(destination: "standard output", code: flushed || code == 0 ? EIO : code)
        }
    }
}

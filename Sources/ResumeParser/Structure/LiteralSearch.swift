/// Substring tests in pure Swift: with Foundation imported, `String.contains(_: some StringProtocol)` is
/// Foundation's, which bridges both strings through NSString on Linux; on the parser's and the scorer's
/// short lines that was 13 % of an ingest's CPU time outside the model.
extension StringProtocol {
    /// Whether `needle` occurs in this text, byte for byte in UTF-8 (no case or Unicode folding: callers
    /// fold both sides first). An empty needle occurs nowhere, as with Foundation's `contains`.
    package func containsLiteral(_ needle: some StringProtocol) -> Bool {
        guard !needle.isEmpty else { return false }
        let found =
            utf8.withContiguousStorageIfAvailable { haystack in
                needle.utf8.withContiguousStorageIfAvailable { needle in
                    Self.memoryContains(haystack, needle)
                }
            } ?? nil
        if let found { return found }
        // Strings without contiguous UTF-8 (bridged or foreign): copy once.
        return Array(utf8).withUnsafeBufferPointer { haystack in
            Array(needle.utf8).withUnsafeBufferPointer { Self.memoryContains(haystack, $0) }
        }
    }

    private static func memoryContains(
        _ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>
    )
        -> Bool
    {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        let last = haystack.count - needle.count
        var start = 0
        // Needles are short (words and phrases): test each place their first byte occurs.
        while start <= last {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}

/// Short runs of lines and sentences inside a chunk, embedded beside it: dense retrieval scores a chunk by
/// its best vector (the chunk's own or one of its windows', "max-sim"), so a question that paraphrases one
/// bullet is not diluted by the rest of a 1,000-character chunk. The chunk stays the unit returned.
///
/// A window is a run of consecutive segments (lines, and sentences inside a line) of at most ``size``
/// characters; consecutive windows share one segment, so a fact cut by a window boundary is whole in one
/// of them. A chunk no longer than ``size`` has no windows: its own vector is already that fine.
public struct ChunkWindows: Sendable, Equatable {
    /// The most characters of a window (a longer segment is a window on its own; default 100).
    public var size: Int
    /// The most windows of one chunk (default 16): the rest of a longer chunk has only the chunk's vector.
    public var limit: Int

    /// No windows: each chunk has only its own vector.
    public static let none = ChunkWindows(limit: 0)

    /// - Precondition: `size` ≥ 20, `limit` ≥ 0.
    public init(size: Int = 100, limit: Int = 16) {
        precondition(size >= 20 && limit >= 0, "window size ≥ 20, limit ≥ 0")
        self.size = size
        self.limit = limit
    }

    /// The windows of `text`, in order (none when `text` is at most ``size`` characters long).
    ///
    /// - Complexity: O(n) in the length of `text` (each segment is in at most two windows).
    public func windows(of text: String) -> [String] {
        guard limit > 0, text.utf16.count > size else { return [] }
        let segments = Self.segments(of: text)
        guard segments.count > 1 else { return [] }
        var windows: [String] = []
        var first = 0
        while first < segments.count && windows.count < limit {
            var last = first
            var length = segments[first].count
            while last + 1 < segments.count && length + 1 + segments[last + 1].count <= size {
                last += 1
                length += 1 + segments[last].count
            }
            windows.append(segments[first...last].map(\.text).joined(separator: "\n"))
            guard last + 1 < segments.count else { break }
            // The next window starts on this one's last segment (one shared), or after it when it is alone.
            first = last > first ? last : last + 1
        }
        return windows
    }

    /// The lines of `text` cut after sentence ends (". ", "! ", "? ", "; "), trimmed, empty ones dropped,
    /// each with its length in UTF-16 code units.
    private static func segments(of text: String) -> [(text: Substring, count: Int)] {
        var segments: [(text: Substring, count: Int)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var start = line.startIndex
            var index = line.startIndex
            var previous: Character?
            while index < line.endIndex {
                let character = line[index]
                if character == " ", let previous, Self.sentenceEnds.contains(previous) {
                    append(line[start..<index], to: &segments)
                    start = line.index(after: index)
                }
                previous = character
                index = line.index(after: index)
            }
            append(line[start..<line.endIndex], to: &segments)
        }
        return segments
    }

    private static let sentenceEnds: Set<Character> = [".", "!", "?", ";"]

    private static func append(_ piece: Substring, to segments: inout [(text: Substring, count: Int)]) {
        guard let lower = piece.firstIndex(where: { !$0.isWhitespace }),
            let upper = piece.lastIndex(where: { !$0.isWhitespace })
        else { return }
        let text = piece[lower...upper]
        segments.append((text, text.utf16.count))
    }
}

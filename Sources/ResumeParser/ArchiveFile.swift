import Foundation
import ZIPFoundation

/// A ZIP archive opened from a private temporary copy of its bytes.
///
/// ZIPFoundation's in-memory archive (`Archive(data:accessMode:)`) traps when a damaged archive makes it
/// seek past the end of its data (a central directory or local header offset beyond the end: "Range requires
/// lowerBound <= upperBound", found by `scripts/fuzz.sh docx`); its file-backed archive reads through
/// `fread`, which reports the end of the file instead. So the bytes are written to a file readable by this
/// user only, and the file is removed when `body` returns.
enum ArchiveFile {
    /// Calls `body` with the archive of `data`.
    ///
    /// - Throws: ``ParseError/unreadable(source:reason:)`` when the temporary copy cannot be written,
    ///   ``ParseError/corrupt(source:reason:)`` when the bytes are not a readable ZIP archive, and what
    ///   `body` throws.
    static func withArchive<T>(of data: Data, source: String, _ body: (Archive) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("match-engine-docx-\(UUID()).zip")
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw ParseError.unreadable(source: source, reason: "cannot write a temporary copy of the archive")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ParseError.corrupt(source: source, reason: "not a readable ZIP archive")
        }
        return try body(archive)
    }
}

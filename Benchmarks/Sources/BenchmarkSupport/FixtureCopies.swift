import Foundation

/// The fixture resumes replicated to many distinct files, for benchmarks that need volume: copy `i` is
/// fixture `i % n` with a unique trailer (a line for text, a comment after `%%EOF` for PDF, bytes after the
/// ZIP's end record for DOCX, which readers ignore), so every copy has its own bytes and hash.
public enum FixtureCopies {
    /// Writes `count` copies of the files in `folder` into `target` (created), named `NNNN-original`.
    public static func replicate(_ folder: URL, count: Int, into target: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let originals = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .sorted { $0.path < $1.path }
        return try (0..<count).map { i in
            let original = originals[i % originals.count]
            var data = try Data(contentsOf: original)
            switch original.pathExtension {
            case "txt", "md": data.append(Data("\nReference: bench-\(i)\n".utf8))
            case "pdf": data.append(Data("\n%bench-\(i)\n".utf8))
            default: data.append(Data(String(format: "%08d", i).utf8))
            }
            let url = target.appendingPathComponent(String(format: "%04d-", i) + original.lastPathComponent)
            try data.write(to: url)
            return url
        }
    }
}

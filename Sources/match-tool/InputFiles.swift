import Foundation

/// Expands the paths a user typed: files as given, folders to the regular, non-hidden files directly
/// inside them, sorted by name so runs are repeatable. A path that does not exist is kept, so that it
/// is reported as an error for that file rather than silently dropped.
enum InputFiles {
    static func expand(_ paths: [String]) -> [URL] {
        paths.flatMap { path -> [URL] in
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [url]
            }
            let children =
                (try? FileManager.default.contentsOfDirectory(
                    at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])) ?? []
            return children.filter { child in
                (try? child.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
    }
}

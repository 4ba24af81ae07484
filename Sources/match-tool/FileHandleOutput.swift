import Foundation

/// Writes diagnostics to standard error, keeping standard output for results.
enum FileHandleOutput {
    static func standardError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

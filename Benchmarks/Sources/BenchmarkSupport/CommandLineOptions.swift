import Foundation

/// The benchmarks' small argument reader: `--name value` options and `--flag`s are taken out of the
/// arguments as they are read; what is left are the positional arguments.
public struct CommandLineOptions {
    /// The arguments not taken yet.
    public private(set) var remaining: [String]

    /// Reads the process's arguments (without the program name).
    public init(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        remaining = arguments
    }

    /// The value after `name`, removing both; `nil` when `name` is absent or last.
    public mutating func value(_ name: String) -> String? {
        guard let index = remaining.firstIndex(of: name), index + 1 < remaining.count else { return nil }
        defer { remaining.removeSubrange(index...index + 1) }
        return remaining[index + 1]
    }

    /// Whether `name` was given, removing it.
    public mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Prints `usage` and exits with status 0 when `-h` or `--help` was given.
    public func exitIfHelpAsked(usage: String) {
        guard remaining.contains("-h") || remaining.contains("--help") else { return }
        print(usage)
        exit(0)
    }

    /// `path` as a directory, or `usage` with the reason on standard error and exit status 64 when it is
    /// missing or not a directory: a benchmark fails on its arguments before it starts, never with a trap.
    public static func directory(_ path: String?, usage: String) -> URL {
        var isDirectory: ObjCBool = false
        guard let path, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            let reason = path.map { "\($0): not a directory" } ?? "a directory is required"
            FileHandle.standardError.write(Data("\(reason)\n\(usage)\n".utf8))
            exit(64)
        }
        return URL(fileURLWithPath: path)
    }
}

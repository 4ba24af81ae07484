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
}

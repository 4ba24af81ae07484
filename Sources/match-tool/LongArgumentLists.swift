import ArgumentParser

/// A command whose positional arguments are a list of files or folders (`score`, `ingest`, `parse`, …).
protocol FileListCommand: ParsableCommand {
    /// The positional arguments, as given.
    var fileArguments: [String] { get set }
}

/// Keeps long lists of file arguments away from ArgumentParser's positional matching.
///
/// swift-argument-parser (1.8) takes each positional value out of its argument array one at a time, in
/// the order of a set, shifting what remains: the time grows with the square of the count. `match-tool
/// score --job job.md resumes/*` over 8,000 files spent 4.4 s there before anything ran (73 ms for 1,000).
/// So `MatchTool.main` parses a compacted copy of the arguments: in each run of more than
/// ``shortestRun`` consecutive plain arguments (not starting with `-`), all but the first (which may be
/// an option's value) are replaced by one placeholder, and so is everything after a `--` (positional,
/// whatever it starts with); the command's file list is expanded after parsing. A placeholder holds a NUL
/// byte, which no argument from a command line can.
///
/// Anything that does not line up (a command without a file list, a parse or validation error, `--help`,
/// a placeholder anywhere but in the file list) is parsed again from the arguments as given, so the
/// outcome is always ArgumentParser's own; only the time differs.
struct LongArgumentLists {
    /// Runs of this many plain arguments or fewer are left as they are.
    static let shortestRun = 64

    /// The arguments with long runs replaced.
    let arguments: [String]
    /// The arguments each placeholder stands for, in order.
    let runs: [[String]]

    /// Compacts `arguments` (without the program's name). The leading subcommand names of `root` stay in
    /// place.
    init(_ arguments: [String], root: any ParsableCommand.Type) {
        var compacted: [String] = []
        var runs: [[String]] = []
        var position = Self.subcommandPath(arguments, root: root)
        compacted.append(contentsOf: arguments[..<position])
        while position < arguments.count {
            let argument = arguments[position]
            if argument == "--" {
                // Everything after it is positional, dashes or not: one run to the end.
                compacted.append(argument)
                position += 1
                if arguments.count - position > Self.shortestRun {
                    compacted.append(Self.placeholder(runs.count))
                    runs.append(Array(arguments[position...]))
                } else {
                    compacted.append(contentsOf: arguments[position...])
                }
                break
            }
            var end = position
            while end < arguments.count, Self.isPlain(arguments[end]) { end += 1 }
            if end - position > Self.shortestRun {
                compacted.append(arguments[position])
                compacted.append(Self.placeholder(runs.count))
                runs.append(Array(arguments[(position + 1)..<end]))
                position = end
            } else {
                compacted.append(argument)
                position += 1
            }
        }
        self.arguments = compacted
        self.runs = runs
    }

    /// `values` with each placeholder replaced by its run, or `nil` unless every placeholder appears in
    /// `values` exactly once and in order.
    func expanded(_ values: [String]) -> [String]? {
        var result: [String] = []
        result.reserveCapacity(values.count + runs.reduce(0) { $0 + $1.count })
        var next = 0
        for value in values {
            if next < runs.count, value == Self.placeholder(next) {
                result.append(contentsOf: runs[next])
                next += 1
            } else if value.utf8.contains(0) {
                return nil
            } else {
                result.append(value)
            }
        }
        return next == runs.count ? result : nil
    }

    /// Parses `arguments` as `root`'s command line (ArgumentParser's `parseAsRoot`), through a compacted
    /// copy when that gives a file-list command whose list expands; otherwise from `arguments` as given.
    static func parse<Root: ParsableCommand>(
        _ arguments: [String], as root: Root.Type
    ) throws
        -> any ParsableCommand
    {
        let lists = LongArgumentLists(arguments, root: root)
        guard !lists.runs.isEmpty, let compacted = try? root.parseAsRoot(lists.arguments),
            var command = compacted as? any FileListCommand,
            let files = lists.expanded(command.fileArguments)
        else { return try root.parseAsRoot(arguments) }
        command.fileArguments = files
        // Validation ran on the compacted list; it runs again on the whole one, and a failure is
        // reported by parsing the arguments as given (ArgumentParser's message and usage line).
        guard (try? command.validate()) != nil else { return try root.parseAsRoot(arguments) }
        return command
    }

    private static func isPlain(_ argument: String) -> Bool {
        argument.utf8.first != UInt8(ascii: "-")
    }

    private static func placeholder(_ number: Int) -> String {
        "\u{0}files-\(number)"
    }

    /// How many leading arguments name subcommands, from `root` down.
    private static func subcommandPath(_ arguments: [String], root: any ParsableCommand.Type) -> Int {
        var command = root
        var count = 0
        while count < arguments.count,
            let next = command.configuration.subcommands.first(where: {
                $0.configuration.commandName == arguments[count]
            })
        {
            command = next
            count += 1
        }
        return count
    }
}

import Foundation

/// Runs the `match-tool` executable built next to the test bundle.
public enum MatchToolProcess {
    /// How a run ended and what it printed.
    public struct Result: Sendable {
        /// The exit status (or the signal number when it was killed).
        public var status: Int32
        /// Everything written to standard output, as UTF-8.
        public var standardOutput: String
        /// Everything written to standard error, as UTF-8.
        public var standardError: String
    }

    /// The folder holding the build products (`match-tool`, the test bundle).
    public static var productsDirectory: URL {
        #if os(macOS)
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                return bundle.bundleURL.deletingLastPathComponent()
            }
        #endif
        return Bundle.main.bundleURL
    }

    /// Runs `match-tool arguments`, with `environment` added to this process's environment (a value of
    /// `nil` removes the variable), in `currentDirectory` when given; standard output goes to
    /// `standardOutput` when given (e.g. `/dev/full`), and is then returned empty.
    public static func run(
        _ arguments: [String], environment: [String: String?] = [:], currentDirectory: URL? = nil,
        standardOutput: FileHandle? = nil
    ) throws -> Result {
        let executable = productsDirectory.appendingPathComponent("match-tool")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: executable.path])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (name, value) in environment { merged[name] = value }
        process.environment = merged
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        // Standard error goes to a file so that neither stream can fill a pipe and block the other.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("match-tool-\(UUID()).err")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorFile.path])
        }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = standardOutput ?? output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        try output.fileHandleForWriting.close()
        let outData = standardOutput == nil ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: errorFile)) ?? Data()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

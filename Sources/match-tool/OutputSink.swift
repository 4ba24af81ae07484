import Foundation

/// Where a command's results go: standard output, or a file written next to its final path and moved
/// into place when complete, so a failed run never leaves a half-written file behind.
final class OutputSink {
    private let handle: FileHandle
    private let temporary: URL?
    private let destination: URL?

    /// - Parameter path: the output file, or `nil` (or `-`) for standard output.
    init(path: String?) throws {
        guard let path, path != "-" else {
            handle = FileHandle.standardOutput
            temporary = nil
            destination = nil
            return
        }
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        handle = try FileHandle(forWritingTo: temporary)
        self.temporary = temporary
        self.destination = destination
    }

    deinit {
        if let temporary, destination != nil { try? FileManager.default.removeItem(at: temporary) }
    }

    func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
    }

    /// Finishes the output: flushes it and, for a file, moves it to its path.
    func close() throws {
        guard let temporary, let destination else { return }
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, destination.path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}

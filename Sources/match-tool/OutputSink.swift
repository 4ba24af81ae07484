import Foundation
import ResumeParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Results could not be written: a full disk, `> /dev/full`, a closed pipe, a device error.
struct OutputError: Error, LocalizedError {
    /// "standard output" or the file's path (escaped for the terminal).
    var destination: String
    /// The `errno` of the failed write.
    var code: Int32

    var errorDescription: String? {
        "cannot write to \(destination): \(String(cString: strerror(code))); the output is incomplete"
    }
}

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
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(destination: FileNameEscaping.escaped(destination.path), code: errno)
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        self.temporary = temporary
        self.destination = destination
    }

    deinit {
        if let temporary, destination != nil { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Writes all of `data`, retrying short writes.
    ///
    /// - Throws: ``OutputError`` when the system refuses the bytes.
    func write(_ data: Data) throws {
        let descriptor = handle.fileDescriptor
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(destination: destinationName, code: errno)
                }
                offset += written
            }
        }
    }

    private var destinationName: String {
        destination.map { FileNameEscaping.escaped($0.path) } ?? "standard output"
    }

    /// Finishes the output: flushes it and, for a file, moves it to its path.
    func close() throws {
        guard let temporary, let destination else { return }
        guard fsync(handle.fileDescriptor) == 0 else { throw OutputError(destination: destinationName, code: errno) }
        try handle.close()
        guard rename(temporary.path, destination.path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}

/// `write(2)`, named apart from ``OutputSink/write(_:)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

import Foundation

/// Wall-clock seconds `body` takes.
func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The fastest of `repeats` timed runs, after one untimed warm-up run.
func best(of repeats: Int, _ body: () -> Void) -> Double {
    body()
    return (0..<max(1, repeats)).map { _ in time(body) }.min() ?? 0
}

/// Resident set size of this process, from /proc/self/statm.
func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Keeps the optimiser from discarding a result.
@inline(never)
func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

func rounded(_ value: Double, _ places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
}

func format(_ value: Double, _ places: Int = 2) -> String { String(format: "%.\(places)f", value) }

func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

/// JSON lines to a file (appended) or to standard output.
final class JSONLines {
    private let handle: FileHandle

    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            return
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw BenchmarkError("cannot create \(path)")
            }
        }
        guard let file = FileHandle(forWritingAtPath: path) else { throw BenchmarkError("cannot write \(path)") }
        file.seekToEndOfFile()
        handle = file
    }

    func emit(_ record: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) else { return }
        handle.write(data + Data("\n".utf8))
    }
}

import Foundation

/// A folder for targets whose entry point reads a file (an index, a model folder): `$FUZZ_SCRATCH`, which
/// `scripts/fuzz.sh` sets to a folder in `/dev/shm` (no disk I/O per input) and removes afterwards, or else
/// a folder of this process in the temporary directory.
public enum ScratchDirectory {
    /// The folder, created on first use.
    public static let url: URL = {
        let url =
            ProcessInfo.processInfo.environment["FUZZ_SCRATCH"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("match-engine-fuzz-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot create the scratch folder \(url.path): \(error)")
        }
        return url
    }()

    /// Writes `data` to `name` in the folder and returns its URL.
    public static func write(_ data: Data, to name: String) -> URL {
        let file = url.appendingPathComponent(name)
        do {
            try data.write(to: file)
        } catch {
            fatalError("cannot write \(file.path): \(error)")
        }
        return file
    }
}

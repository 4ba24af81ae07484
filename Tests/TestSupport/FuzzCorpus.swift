import Foundation

/// The regression corpora of the fuzz targets (`Tests/<Module>Tests/FuzzRegressions/<target>/`, written by
/// `scripts/fuzz.sh merge` and by hand for each finding), which the suite replays through the entry point
/// the target fuzzes (see `Fuzz/Sources/fuzz-<target>/main.swift` and RELIABILITY.md, "Fuzzing").
public enum FuzzCorpus {
    /// The repository's `Tests/` folder.
    public static let testsRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()

    // 1 s for 100 KB is the bar in a release build. A debug build of the parser is several times slower and
    // CI runs it on a loaded machine, so it gets 10 s; the quadratic cases these corpora guard against took
    // from tens of seconds to days.
    #if DEBUG
        /// The time one input may take (debug build).
        public static let bound = Duration.seconds(10)
    #else
        /// The time one input may take (release build).
        public static let bound = Duration.seconds(2)
    #endif

    /// Why a corpus cannot be replayed.
    public struct MissingCorpus: Error, CustomStringConvertible {
        /// The folder that was looked for.
        public var folder: String
        /// What is wrong with it.
        public var reason: String
        /// The folder and the reason, for the test log.
        public var description: String { "fuzz regression corpus \(folder): \(reason)" }
    }

    /// The inputs in `Tests/<module>/FuzzRegressions/<target>/`, sorted by name.
    ///
    /// - Throws: ``MissingCorpus`` when the folder is missing or holds no file: a replay test must never pass
    ///   on nothing.
    public static func inputs(module: String, target: String) throws -> [URL] {
        try inputs(in: testsRoot.appendingPathComponent("\(module)/FuzzRegressions/\(target)"))
    }

    /// The files in `folder` (hidden ones aside), sorted by name.
    ///
    /// - Throws: ``MissingCorpus`` when the folder is missing or holds no file.
    public static func inputs(in folder: URL) throws -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw MissingCorpus(folder: folder.path, reason: "missing")
        }
        let files = names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
        guard !files.isEmpty else { throw MissingCorpus(folder: folder.path, reason: "empty") }
        return files
    }

    /// Runs `body` and returns the CPU time the calling thread spent in it (``ThreadCPUTime``): work on
    /// other threads is not counted.
    public static func time(_ body: () throws -> Void) rethrows -> Duration {
        let start = ThreadCPUTime.now
        try body()
        return ThreadCPUTime.now - start
    }
}

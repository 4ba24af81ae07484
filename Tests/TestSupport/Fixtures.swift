import Foundation

/// Paths of the checked-in fixtures, found from this source file so tests run from any directory.
public enum Fixtures {
    /// The repository's `Fixtures/` folder.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The resume fixture whose name starts with the two-digit `number` (`3` → `03-….pdf`). Names after
    /// the number come from the generator and may change; the number and the format do not.
    public static func resume(_ number: Int) -> URL {
        let prefix = number < 10 ? "0\(number)-" : "\(number)-"
        return resumes.first { $0.lastPathComponent.hasPrefix(prefix) }
            ?? root.appendingPathComponent("resumes/\(prefix)missing")
    }

    /// The job description fixture `Fixtures/jobs/NAME`.
    public static func job(_ name: String) -> URL { root.appendingPathComponent("jobs/\(name)") }

    /// Every resume fixture, sorted by name.
    public static var resumes: [URL] {
        let folder = root.appendingPathComponent("resumes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    /// A fresh folder laid out like `Fixtures/` but with one resume in `resumes/` and no `truth/`: an
    /// evaluation input with nothing to score. The caller removes it.
    public static func resumesWithoutTruth() throws -> URL {
        let folder = try temporaryDirectory()
        let resumes = folder.appendingPathComponent("resumes")
        try FileManager.default.createDirectory(at: resumes, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: resume(1), to: resumes.appendingPathComponent(resume(1).lastPathComponent))
        return folder
    }

    /// A fresh empty folder for one test; the caller removes it.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("match-engine-tests-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import Foundation
import ResumeParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The documents behind the paths a user named: files as given, folders to the files directly inside
/// them (sorted by name, so runs are repeatable), symbolic links followed. Nothing is dropped silently:
/// every entry of a folder that is not read is in ``skipped`` with its reason, and every named path
/// that yields no document is in ``problems``.
///
/// ```swift
/// let sources = SourceExpansion.expand(["resumes/", "extra.pdf"])
/// for skip in sources.skipped { log("skipped \(skip.description)") }
/// for problem in sources.problems { log("error: \(problem.description)") }
/// for url in sources.files { try ingest(url) }
/// ```
public struct SourceExpansion: Sendable, Equatable {
    /// Why an entry of a folder is not read.
    public enum SkipReason: Sendable, Equatable {
        /// Its name starts with a dot.
        case hidden
        /// A folder inside a named folder: folders are not searched recursively.
        case subfolder
        /// A symbolic link that leads back to itself.
        case symlinkLoop
        /// A symbolic link to nothing.
        case brokenSymlink
        /// A device, socket or named pipe.
        case notARegularFile
        /// The entry could not be examined; `reason` is the system's.
        case inaccessible(reason: String)
    }

    /// Why a named path yields no document.
    public enum ProblemReason: Sendable, Equatable {
        /// Nothing exists at the path.
        case missing
        /// A symbolic link that leads back to itself.
        case symlinkLoop
        /// A folder with no file to read; `skipped` entries were in it but are not read.
        case emptyFolder(skipped: Int)
        /// The folder could not be listed; `reason` is the system's.
        case unreadableFolder(reason: String)
        /// A device, socket or named pipe.
        case notARegularFile
    }

    /// A path that is not read, and why.
    public struct Skip: Sendable, Equatable, CustomStringConvertible {
        /// The path skipped.
        public var url: URL
        /// Why it was skipped.
        public var reason: SkipReason

        /// "PATH: reason", the path escaped (``FileNameEscaping``) so that no name can forge a line.
        public var description: String { "\(FileNameEscaping.escaped(url.path)): \(reason.sentence)" }
    }

    /// A named path that yields no document, and why.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The path named.
        public var url: URL
        /// Why it yields no document.
        public var reason: ProblemReason

        /// "PATH: reason", the path escaped.
        public var description: String { "\(FileNameEscaping.escaped(url.path)): \(reason.sentence)" }
    }

    /// The documents to read, in order: named files where they were named, each folder's files sorted
    /// by name. A symbolic link is listed under its own path.
    public var files: [URL] = []
    /// Entries of named folders that are not read.
    public var skipped: [Skip] = []
    /// Named paths that yield no document.
    public var problems: [Problem] = []

    /// Expands `paths`. A file named more than once (by the same path, or by name and through its
    /// folder) is listed once, where it first appears.
    ///
    /// - Parameter includeHidden: read files whose names start with a dot too (default: skip them,
    ///   with a ``SkipReason/hidden`` entry).
    /// - Complexity: one `stat` per path and folder entry; folders are not searched recursively.
    public static func expand(_ paths: [String], includeHidden: Bool = false) -> SourceExpansion {
        var result = SourceExpansion()
        for path in paths {
            let url = URL(fileURLWithPath: path)
            switch Kind(path) {
            case .file: result.files.append(url)
            case .missing, .brokenLink: result.problems.append(Problem(url: url, reason: .missing))
            case .loop: result.problems.append(Problem(url: url, reason: .symlinkLoop))
            case .other: result.problems.append(Problem(url: url, reason: .notARegularFile))
            case .inaccessible(let reason):
                result.problems.append(Problem(url: url, reason: .unreadableFolder(reason: reason)))
            case .folder: result.expandFolder(url, includeHidden: includeHidden)
            }
        }
        // A file named twice, or by name and through its folder, is read once.
        var seen = Set<String>()
        result.files = result.files.filter { seen.insert($0.standardizedFileURL.path).inserted }
        return result
    }

    private mutating func expandFolder(_ folder: URL, includeHidden: Bool) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            let reason = code.map { String(cString: strerror(Int32($0))) } ?? "cannot list the folder"
            problems.append(Problem(url: folder, reason: .unreadableFolder(reason: reason)))
            return
        }
        var found = 0
        var skippedHere = 0
        for name in names.sorted() {
            let url = folder.appendingPathComponent(name)
            let reason: SkipReason?
            if name.hasPrefix(".") && !includeHidden {
                reason = .hidden
            } else {
                switch Kind(url.path) {
                case .file: reason = nil
                case .folder: reason = .subfolder
                case .loop: reason = .symlinkLoop
                case .brokenLink, .missing: reason = .brokenSymlink
                case .other: reason = .notARegularFile
                case .inaccessible(let why): reason = .inaccessible(reason: why)
                }
            }
            if let reason {
                skipped.append(Skip(url: url, reason: reason))
                skippedHere += 1
            } else {
                files.append(url)
                found += 1
            }
        }
        if found == 0 { problems.append(Problem(url: folder, reason: .emptyFolder(skipped: skippedHere))) }
    }

    /// What a path is, following symbolic links.
    private enum Kind: Equatable {
        case file, folder, missing, brokenLink, loop, other
        case inaccessible(String)

        init(_ path: String) {
            var info = stat()
            if stat(path, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFREG: self = .file
                case S_IFDIR: self = .folder
                default: self = .other
                }
                return
            }
            let code = errno
            switch code {
            case ELOOP: self = .loop
            case ENOENT, ENOTDIR:
                var link = stat()
                self = lstat(path, &link) == 0 ? .brokenLink : .missing
            default: self = .inaccessible(String(cString: strerror(code)))
            }
        }
    }
}

extension SourceExpansion.SkipReason {
    /// A short sentence for a person.
    public var sentence: String {
        switch self {
        case .hidden: "skipped, a hidden file"
        case .subfolder: "skipped, a folder (folders are not searched recursively)"
        case .symlinkLoop: "skipped, a symbolic link that loops"
        case .brokenSymlink: "skipped, a symbolic link to nothing"
        case .notARegularFile: "skipped, not a regular file (a device, socket or pipe)"
        case .inaccessible(let reason): "skipped, cannot be examined (\(reason))"
        }
    }
}

extension SourceExpansion.ProblemReason {
    /// A short sentence for a person.
    public var sentence: String {
        switch self {
        case .missing: "no such file or folder"
        case .symlinkLoop: "a symbolic link that loops"
        case .emptyFolder(let skipped):
            skipped == 0
                ? "the folder has no files to read"
                : "the folder has no files to read (\(skipped) entr\(skipped == 1 ? "y" : "ies") skipped)"
        case .unreadableFolder(let reason): "cannot read the folder (\(reason))"
        case .notARegularFile: "not a regular file (a device, socket or pipe)"
        }
    }
}

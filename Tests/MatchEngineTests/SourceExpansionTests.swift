import Foundation
import MatchEngine
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Expanding named paths into documents")
struct SourceExpansionTests {
    @Test("links are followed; loops, broken links, hidden files, subfolders and pipes are skipped with a reason")
    func folderEntries() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("in")
        let elsewhere = root.appendingPathComponent("elsewhere.txt")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "Ada".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Bea".write(to: elsewhere, atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent(".hidden.txt"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("b-link.txt").path, withDestinationPath: elsewhere.path)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: "loop")
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("broken").path, withDestinationPath: "nowhere")
        #expect(mkfifo(folder.appendingPathComponent("pipe").path, 0o600) == 0)

        let sources = SourceExpansion.expand([folder.path])
        #expect(sources.files.map(\.lastPathComponent) == ["a.txt", "b-link.txt"])
        let reasons = Dictionary(uniqueKeysWithValues: sources.skipped.map { ($0.url.lastPathComponent, $0.reason) })
        #expect(
            reasons == [
                ".hidden.txt": .hidden, "sub": .subfolder, "loop": .symlinkLoop, "broken": .brokenSymlink,
                "pipe": .notARegularFile,
            ])
        #expect(sources.problems.isEmpty)
        #expect(
            sources.skipped.first { $0.reason == .symlinkLoop }?.description.hasSuffix("a symbolic link that loops")
                == true)
    }

    @Test("a named missing path, a loop, an empty folder and a folder of skipped entries are problems")
    func namedPaths() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let empty = root.appendingPathComponent("empty")
        let hiddenOnly = root.appendingPathComponent("hidden-only")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: hiddenOnly, withIntermediateDirectories: true)
        try "x".write(to: hiddenOnly.appendingPathComponent(".x"), atomically: true, encoding: .utf8)
        let loop = root.appendingPathComponent("loop")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        let missing = root.appendingPathComponent("missing.pdf")

        let sources = SourceExpansion.expand([empty.path, hiddenOnly.path, loop.path, missing.path])
        #expect(sources.files.isEmpty)
        #expect(
            sources.problems.map(\.reason) == [
                .emptyFolder(skipped: 0), .emptyFolder(skipped: 1), .symlinkLoop, .missing,
            ])
        #expect(sources.problems[0].description == "\(empty.path): the folder has no files to read")
        #expect(sources.problems[1].description.hasSuffix("(1 entry skipped)"))
        #expect(SourceExpansion.expand([hiddenOnly.path], includeHidden: true).files.count == 1)
    }

    @Test("a path with a newline is escaped in descriptions")
    func escapedDescription() throws {
        let sources = SourceExpansion.expand(["/nonexistent/cv\nerror: forged.pdf"])
        #expect(sources.problems.first?.description == "/nonexistent/cv\\nerror: forged.pdf: no such file or folder")
    }

    @Test("a file named twice, by another spelling of its path and through its folder, is listed once")
    func sameFileOnce() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.txt")
        let second = folder.appendingPathComponent("b.txt")
        try Data("a".utf8).write(to: first)
        try Data("b".utf8).write(to: second)
        let sources = SourceExpansion.expand([second.path, folder.path, first.path, folder.path + "/./b.txt"])
        #expect(sources.files.map(\.lastPathComponent) == ["b.txt", "a.txt"])
        #expect(sources.problems.isEmpty && sources.skipped.isEmpty)
    }
}

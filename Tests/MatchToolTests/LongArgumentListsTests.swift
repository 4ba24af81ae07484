import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import match_tool

/// Long file lists parse to what ArgumentParser gives for the arguments as given, in time that grows
/// with their length, not its square.
@Suite("Long file lists on the command line")
struct LongArgumentListsTests {
    static func paths(_ count: Int, prefix: String = "/data/resumes/r") -> [String] {
        (0..<count).map { "\(prefix)\($0).pdf" }
    }

    static func parsed(_ arguments: [String]) throws -> any ParsableCommand {
        try LongArgumentLists.parse(arguments, as: MatchTool.self)
    }

    @Test("score: the files, the options before, between and after them, as ArgumentParser reads them")
    func score() throws {
        let first = Self.paths(150)
        let second = Self.paths(70, prefix: "/other/cv")
        let arguments =
            ["score", "--job", "job.md"] + first + ["--top", "5"] + second + ["--quiet", "--format", "csv"]
        let lists = LongArgumentLists(arguments, root: MatchTool.self)
        #expect(lists.runs.count == 2)
        #expect(lists.arguments.count < 20)
        let command = try #require(try Self.parsed(arguments) as? ScoreCommand)
        #expect(command.resumes == first + second)
        #expect(command.job == "job.md")
        #expect(command.top == 5)
        #expect(command.engine.quiet)
        let reference = try #require(try MatchTool.parseAsRoot(arguments) as? ScoreCommand)
        #expect(reference.resumes == command.resumes)
    }

    @Test("an option's value right before the files stays its value; nested subcommands stay in place")
    func nested() throws {
        let files = Self.paths(100)
        let command = try #require(try Self.parsed(["jobs", "add", "--db", "/tmp/db"] + files) as? JobsCommand.Add)
        #expect(command.files == files)
        #expect(command.engine.db == "/tmp/db")
        let ingest = try #require(try Self.parsed(["ingest", "--job", "j.md"] + files) as? IngestCommand)
        #expect(ingest.job == ["j.md"])
        #expect(ingest.resumes == files)
    }

    @Test("short lists and commands without a file list are parsed as given")
    func untouched() throws {
        let short = ["parse"] + Self.paths(LongArgumentLists.shortestRun)
        #expect(LongArgumentLists(short, root: MatchTool.self).runs.isEmpty)
        let shortDashed = ["parse", "--format", "json", "--"] + Self.paths(10) + ["-odd-name.pdf"]
        #expect(LongArgumentLists(shortDashed, root: MatchTool.self).runs.isEmpty)
        let shortParsed = try #require(try Self.parsed(shortDashed) as? ParseCommand)
        #expect(shortParsed.files == Self.paths(10) + ["-odd-name.pdf"])
        // `search` takes one text: 100 words are an error, as ArgumentParser reports it.
        let words = (0..<100).map { "word\($0)" }
        #expect(throws: (any Error).self) { try MatchTool.parseAsRoot(["search"] + words) }
        #expect(throws: (any Error).self) { try Self.parsed(["search"] + words) }
        let search = try #require(try Self.parsed(["search", "kubernetes operators"]) as? SearchCommand)
        #expect(search.text == "kubernetes operators")
    }

    @Test("after '--' every argument is a file, dashes or not, the long list included")
    func afterDashes() throws {
        let files = Self.paths(100) + ["-odd-name.pdf", "--", "--format"] + Self.paths(20, prefix: "/x/")
        let arguments = ["score", "--job", "j.md", "--"] + files
        let lists = LongArgumentLists(arguments, root: MatchTool.self)
        #expect(lists.runs.count == 1)
        let command = try #require(try Self.parsed(arguments) as? ScoreCommand)
        #expect(command.resumes == files)
        let reference = try #require(try MatchTool.parseAsRoot(arguments) as? ScoreCommand)
        #expect(reference.resumes == files)
    }

    @Test("errors are ArgumentParser's own: an unknown option, a failed validation on the whole list")
    func errors() throws {
        let files = Self.paths(100)
        #expect(throws: (any Error).self) { try Self.parsed(["score", "--job", "j.md"] + files + ["--bogus"]) }
        // --id names one job: the compacted list (one value and a placeholder) would pass, the whole fails.
        #expect(throws: (any Error).self) { try Self.parsed(["jobs", "add", "--id", "x"] + files) }
        #expect(throws: (any Error).self) { try Self.parsed(["score", "--job", "j.md", "--top", "0"] + files) }
    }

    @Test("a placeholder cannot come from a command line, and one out of place is not expanded")
    func placeholders() {
        let lists = LongArgumentLists(["parse"] + Self.paths(100), root: MatchTool.self)
        let placeholder = lists.arguments[2]
        #expect(placeholder.utf8.contains(0))
        #expect(lists.expanded([lists.arguments[1], placeholder]) == Self.paths(100))
        #expect(lists.expanded([lists.arguments[1]]) == nil)
        #expect(lists.expanded([placeholder, placeholder]) == nil)
    }

    @Test("20,000 files parse in well under the time the square of the count would take")
    func linear() throws {
        // ArgumentParser alone: 4.4 s for 8,000 paths (release build), about 27 s for 20,000.
        let files = Self.paths(20_000)
        let start = ThreadCPUTime.now
        let command = try #require(try Self.parsed(["parse", "--format", "json"] + files) as? ParseCommand)
        let elapsed = ThreadCPUTime.now - start
        #expect(command.files == files)
        #expect(elapsed < .seconds(3), "parsing 20,000 arguments took \(elapsed)")
    }
}

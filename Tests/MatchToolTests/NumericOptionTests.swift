import Foundation
import TestSupport
import Testing

@Suite("match-tool numeric options are validated, never trap")
struct NumericOptionTests {
    @Test(
        "embed refuses non-finite, negative and huge numbers with a usage error naming the option",
        arguments: [
            ["--timeout", "inf"], ["--timeout", "1e300"], ["--timeout", "nan"], ["--timeout=-1"], ["--timeout", "0"],
            ["--dimension", "2000000000"], ["--dimension", "0"], ["--threads", "100000"], ["--threads", "0"],
        ])
    func embedOptions(option: [String]) throws {
        let run = try MatchToolProcess.run(["embed", "/dev/null", "--provider", "hashing"] + option)
        #expect(run.status == 64, "stderr: \(run.standardError)")
        let name = option[0].split(separator: "=")[0]
        #expect(run.standardError.contains(name), "stderr: \(run.standardError)")
    }

    @Test("embed accepts the largest values in range")
    func embedLimits() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("one.txt")
        try "one line\n".write(to: input, atomically: true, encoding: .utf8)
        let run = try MatchToolProcess.run(
            ["embed", input.path, "--provider", "hashing", "--dimension", "65536", "--timeout", "86400"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardOutput.split(separator: ",").count == 65_536)
    }
}

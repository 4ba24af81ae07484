import Foundation
import MatchEngine

/// Expands the paths a user typed with ``SourceExpansion``, reporting on standard error every folder
/// entry that is skipped and every named path that yields no document.
enum InputFiles {
    /// The files to read. A named path that does not exist is kept, so that it is reported as an error
    /// for that file by whoever reads it; every other problem and skip is reported here.
    static func expand(_ paths: [String]) -> [URL] {
        paths.flatMap { path in
            let sources = SourceExpansion.expand([path])
            report(sources)
            return sources.files + sources.problems.filter { $0.reason == .missing }.map(\.url)
        }
    }

    /// The files to read and the number of named paths that yield no document (each reported, the
    /// missing ones included), for commands that count those as failed inputs.
    static func expandCountingProblems(_ paths: [String]) -> (files: [URL], problems: Int) {
        let sources = SourceExpansion.expand(paths)
        report(sources)
        for problem in sources.problems where problem.reason == .missing {
            FileHandleOutput.standardError("error: \(problem.description)")
        }
        return (sources.files, sources.problems.count)
    }

    private static func report(_ sources: SourceExpansion) {
        for skip in sources.skipped { FileHandleOutput.standardError("warning: \(skip.description)") }
        for problem in sources.problems where problem.reason != .missing {
            FileHandleOutput.standardError("error: \(problem.description)")
        }
    }
}

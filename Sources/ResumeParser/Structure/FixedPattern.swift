import Foundation

extension NSRegularExpression {
    /// A regular expression written in the source. The patterns are constants that the tests run, so one
    /// that does not compile is a programmer error and stops the program.
    static func fixed(_ pattern: String, options: Options = []) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            preconditionFailure("pattern does not compile: \(pattern): \(error)")
        }
    }
}

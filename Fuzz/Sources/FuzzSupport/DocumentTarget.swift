import Foundation

/// What the document targets check beyond "no trap, no hang": a failure is a typed error of the library,
/// never a Foundation or system error leaking through.
public enum TypedErrors {
    /// Runs `body`; an error other than `Expected` stops the fuzzer as a finding.
    public static func expect<Expected: Error>(_: Expected.Type, _ body: () throws -> Void) {
        do {
            try body()
        } catch is Expected {
        } catch {
            fatalError("untyped error \(type(of: error)): \(error)")
        }
    }
}

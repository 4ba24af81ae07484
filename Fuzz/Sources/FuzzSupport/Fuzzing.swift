import Foundation
import FuzzDriver

/// The libFuzzer driver, for a target's `main.swift`:
///
/// ```swift
/// Fuzzing.run { start, count in
///     PDFTarget.test(Fuzzing.data(start, count))
///     return 0
/// }
/// ```
public enum Fuzzing {
    /// Hands the command line to libFuzzer, which calls `test` once per input, and exits with its status.
    public static func run(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }

    /// A copy of the input libFuzzer passed (it may pass a null pointer for the empty input).
    public static func data(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let start, count > 0 else { return Data() }
        return Data(bytes: start, count: count)
    }
}

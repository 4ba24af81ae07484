import ArgumentParser
import Foundation
import MatchEngine
import ResumeParser

/// The exit statuses of every command (sysexits.h where it has a word), and the mapping from the
/// library's errors to them.
enum ExitStatus {
    /// Everything worked.
    static let ok: Int32 = 0
    /// The command ran, but some inputs failed (each reported on standard error).
    static let someFailed: Int32 = 1
    /// A usage error (ArgumentParser's own: unknown flag, missing argument, bad value).
    static let usage: Int32 = 64
    /// The job, a named input file, or a named candidate/job/namespace does not exist or cannot be read.
    static let noInput: Int32 = 66
    /// The engine's storage failed (the database cannot be opened, read or written).
    static let storage: Int32 = 74
    /// A configuration error: match-tool.json, a MATCH_ENGINE_* variable, a weights file, model files.
    static let configuration: Int32 = 78

    /// The text `--help` shows for every command.
    static let help = """
        Exit status: 0 ok; 1 some inputs failed (each reported on standard error, the others went on); \
        64 usage error; 66 the job or a named input (file, job id, candidate id, namespace) missing or \
        unreadable; 74 storage error (the engine's database); 78 configuration error (match-tool.json, \
        MATCH_ENGINE_* variables, a weights file, missing model files).
        """

    /// Reports `error` on standard error as one line and returns the exit code it maps to.
    static func report(_ error: any Error) -> ExitCode {
        FileHandleOutput.standardError("error: \(describe(error))")
        return ExitCode(code(for: error))
    }

    static func code(for error: any Error) -> Int32 {
        switch error {
        case let error as EngineError:
            switch error {
            case .invalidConfiguration: configuration
            case .unknownCandidate, .unknownJob, .unknownNamespace, .unknownIngestJob, .invalidNamespace: noInput
            case .cannotOpen, .closed: storage
            case .invalidStatusChange, .embeddingFailed: someFailed
            }
        case is StoreError: storage
        case let error as EmbeddingError:
            switch error {
            case .modelMissing, .modelInvalid, .missingAPIKey: configuration
            default: someFailed
            }
        case is SettingsError: configuration
        case is ParseError: noInput
        default: someFailed
        }
    }

    /// One sentence saying what failed and what to do.
    static func describe(_ error: any Error) -> String {
        if case EmbeddingError.modelMissing(let directory, let file) = error {
            return "model files not found at \(directory) (\(file) is missing): run `make demo` (or "
                + "scripts/bootstrap.sh --model) or set MATCH_ENGINE_MODEL_DIR; `--provider hashing` needs no model"
        }
        if case StoreError.cannotOpen(let path, let reason) = error {
            return "\(path): cannot open the engine's database (\(reason)); choose another with --db"
        }
        return (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}

import Foundation

/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, Equatable, LocalizedError {
    /// The database file could not be opened or migrated (missing folder, not a database, locked, newer schema).
    case cannotOpen(path: String, reason: String)
    /// A read or write failed; nothing of the failed transaction was kept.
    case failed(operation: String, reason: String)

    /// A sentence naming the database or the operation, and SQLite's reason.
    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the database (\(reason))"
        case .failed(let operation, let reason): "\(operation) failed: \(reason)"
        }
    }
}

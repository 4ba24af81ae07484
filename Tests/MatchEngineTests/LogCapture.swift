import Foundation
import Logging
import MatchEngine
import VectorIndex

/// A swift-log handler that keeps every line it is given (message, metadata and source) at the level
/// the engine's configuration sets; its loggers start at the engine's default level.
final class LogCapture: Sendable {
    private let captured = Locked<[String]>([])

    /// Every line so far, message and metadata rendered as one string.
    var lines: [String] { captured.withLock { $0 } }

    /// A logger at `level` (the engine's default: `notice`) writing into this capture.
    func logger(level: Logger.Level = EngineConfiguration(provider: HashingEmbedder()).logger.logLevel) -> Logger {
        var logger = Logger(label: "capture") { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ line: String) { captured.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let rendered = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            capture.append("\(event.level) \(event.message) \(rendered) \(event.source)")
        }
    }
}

import ArgumentParser
import Foundation
import MatchEngine

/// How progress is shown on standard error.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    /// A bar when standard error is a terminal, plain lines otherwise.
    case auto
    /// A live bar redrawn in place (count, rate, ETA).
    case bar
    /// One line per committed batch.
    case plain
    /// One JSON object per event and line.
    case json
    /// Nothing.
    case none
}

/// Shows an ingest job's events on standard error in the chosen ``ProgressMode``. Results stay on
/// standard output; errors are reported by the command whatever the mode.
struct ProgressReporter {
    let mode: ProgressMode
    private var barShown = false
    private let total: Int
    private var done = 0
    private var failed = 0
    private var rate = 0.0
    private var secondsLeft: Double?

    /// - Parameter total: the files submitted (the bar moves with each file, not only each batch).
    init(_ mode: ProgressMode, total: Int = 0) {
        self.mode = mode == .auto ? (isatty(STDERR_FILENO) == 1 ? .bar : .plain) : mode
        self.total = total
    }

    mutating func show(_ event: IngestEvent) {
        switch mode {
        case .none, .auto: return
        case .json: FileHandleOutput.standardError(JSONLine.encode(ProgressLine(event)))
        case .plain:
            if case .progress(let status, let rate, let left) = event {
                FileHandleOutput.standardError("ingest: " + Self.counts(status, rate: rate, left: left))
            }
        case .bar:
            switch event {
            case .stored, .duplicate:
                done += 1
                drawBar()
            case .failed:
                done += 1
                failed += 1
                drawBar()
            case .progress(let status, let rate, let left):
                done = status.seen
                failed = status.failed
                self.rate = rate
                secondsLeft = left
                drawBar()
            case .finished:
                if barShown { FileHandle.standardError.write(Data("\n".utf8)) }
                barShown = false
            default: return
            }
        }
    }

    private mutating func drawBar() {
        let width = 30
        let filled = total == 0 ? width : min(width, width * done / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        var text = "\(done)/\(total) files"
        if rate > 0 { text += ", \(String(format: "%.1f", rate)) files/s" }
        if let secondsLeft { text += ", ~\(Int(secondsLeft.rounded(.up))) s left" }
        if failed > 0 { text += ", \(failed) failed" }
        FileHandle.standardError.write(Data("\r\u{1B}[2K[\(bar)] \(text)".utf8))
        barShown = true
    }

    /// Ends a bar line (before an error is printed under it, or when no ingest job runs).
    mutating func interrupt() {
        if mode == .bar, barShown {
            FileHandle.standardError.write(Data("\n".utf8))
            barShown = false
        }
    }

    static func counts(_ status: IngestJobStatus, rate: Double, left: Double?) -> String {
        var text = "\(status.seen)/\(status.total) files, \(String(format: "%.1f", rate)) files/s"
        if let left { text += ", ~\(Int(left.rounded(.up))) s left" }
        if status.failed > 0 { text += ", \(status.failed) failed" }
        return text
    }
}

/// One `--progress json` line.
private struct ProgressLine: Encodable {
    var event: String
    var source: String?
    var candidate: String?
    var reason: String?
    var seen: Int?
    var total: Int?
    var stored: Int?
    var duplicates: Int?
    var failed: Int?
    var documentsPerSecond: Double?
    var secondsLeft: Double?
    var state: String?

    init(_ event: IngestEvent) {
        switch event {
        case .parsed(let source): self.event = "parsed"; self.source = source
        case .embedded(let documents, _): self.event = "embedded"; seen = documents
        case .stored(let source, let candidate, let isNewVersion):
            self.event = isNewVersion ? "new-version" : "stored"; self.source = source; self.candidate = candidate
        case .duplicate(let source, let candidate):
            self.event = "duplicate"; self.source = source; self.candidate = candidate
        case .failed(let failure): self.event = "failed"; source = failure.source; reason = failure.reason
        case .progress(let status, let rate, let left):
            self.event = "progress"
            set(status)
            documentsPerSecond = (rate * 10).rounded() / 10
            secondsLeft = left.map { ($0 * 10).rounded() / 10 }
        case .finished(let status): self.event = "finished"; set(status); state = status.state.rawValue
        }
    }

    private mutating func set(_ status: IngestJobStatus) {
        seen = status.seen
        total = status.total
        stored = status.stored
        duplicates = status.duplicates
        failed = status.failed
    }
}

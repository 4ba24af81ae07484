import Foundation

/// Where a candidate stands for one job: `new → screened → interviewing → offer → hired`, or
/// `rejected` / `withdrawn` from any stage before `hired`.
public enum PipelineStatus: String, Sendable, Codable, CaseIterable, Comparable {
    /// Not looked at yet (every candidate starts here).
    case new
    /// Passed a first screen.
    case screened
    /// In interviews.
    case interviewing
    /// Made an offer.
    case offer
    /// Hired: final.
    case hired
    /// Turned down by the recruiter: final.
    case rejected
    /// Withdrew: final.
    case withdrawn

    private var stage: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Orders the stages `new` … `hired`, then `rejected` and `withdrawn`.
    public static func < (lhs: PipelineStatus, rhs: PipelineStatus) -> Bool { lhs.stage < rhs.stage }

    /// Whether no further move is possible.
    public var isFinal: Bool { self == .hired || self == .rejected || self == .withdrawn }

    /// Whether the pipeline allows moving from this status to `next`: forward along the stages (skipping
    /// is allowed), or out to `rejected`/`withdrawn`, never out of a final status.
    public func canMove(to next: PipelineStatus) -> Bool {
        guard !isFinal, next != self else { return false }
        return next == .rejected || next == .withdrawn || next > self
    }
}

/// One recorded move of a candidate for a job.
public struct PipelineStatusChange: Sendable, Equatable, Codable {
    /// The status before the move.
    public var from: PipelineStatus
    /// The status after it.
    public var to: PipelineStatus
    /// The recruiter's note, if any.
    public var note: String?
    /// When the move was recorded.
    public var at: Date
}

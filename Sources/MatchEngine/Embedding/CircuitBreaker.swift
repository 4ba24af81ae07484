import Foundation
import VectorIndex

/// Stops calling a provider that keeps failing: after ``Policy/failureThreshold`` consecutive failures
/// the circuit opens and calls are refused; after ``Policy/coolDown`` one probe call is let through
/// (half-open); its success closes the circuit, its failure opens it again.
final class CircuitBreaker: Sendable {
    /// When to open and how long to stay open.
    struct Policy: Sendable {
        var failureThreshold: Int
        var coolDown: Duration
    }

    enum State: Sendable, Equatable {
        case closed(consecutiveFailures: Int)
        case open(since: ContinuousClock.Instant)
        case halfOpen
    }

    let policy: Policy
    private let state = Locked(State.closed(consecutiveFailures: 0))

    init(policy: Policy) {
        precondition(policy.failureThreshold > 0, "failureThreshold must be positive")
        self.policy = policy
    }

    var currentState: State { state.withLock { $0 } }

    /// Whether a call may go ahead now. In the open state after the cool-down, the first caller gets
    /// `true` (the probe) and the circuit turns half-open; later callers get `false` until it settles.
    func allowsCall(now: ContinuousClock.Instant = .now) -> Bool {
        state.withLock { state in
            switch state {
            case .closed: return true
            case .halfOpen: return false
            case .open(let since):
                guard now - since >= policy.coolDown else { return false }
                state = .halfOpen
                return true
            }
        }
    }

    func recordSuccess() {
        state.withLock { $0 = .closed(consecutiveFailures: 0) }
    }

    /// The call ended without an outcome (cancelled): a half-open circuit lets the next caller probe.
    func recordAbandoned(now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            if state == .halfOpen { state = .open(since: now - policy.coolDown) }
        }
    }

    func recordFailure(now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            switch state {
            case .closed(let failures) where failures + 1 < policy.failureThreshold:
                state = .closed(consecutiveFailures: failures + 1)
            default:
                state = .open(since: now)
            }
        }
    }
}

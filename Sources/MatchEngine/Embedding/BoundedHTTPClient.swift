import Dispatch
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// HTTP exchanges with a hard deadline and a cap on the response body, over one `URLSession`.
///
/// `URLSession.data(for:)` buffers a whole body of any size and, on Linux, does not always stop when its
/// task is cancelled, so a racing timer alone still waited for it. Here the body is collected by a
/// delegate that cancels the transfer as soon as it passes the cap (or announces a longer
/// `Content-Length`), and the caller is answered at the deadline whatever the transfer is doing.
final class BoundedHTTPClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// Why an exchange ended without a response.
    enum Failure: Error, Equatable {
        /// The body passed `limit` bytes.
        case tooLarge(limit: Int)
        /// No complete answer within the deadline.
        case timedOut
    }

    private struct Pending {
        var continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>
        var limit: Int
        var data = Data()
        var response: HTTPURLResponse?
    }

    private let lock = NSLock()
    private var pending: [Int: Pending] = [:]
    private var session: URLSession?

    init(configuration: URLSessionConfiguration) {
        super.init()
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// Lets running transfers end and releases the session (which holds its delegate strongly).
    func invalidate() { session?.finishTasksAndInvalidate() }

    /// Sends `request` and returns the response with its body.
    ///
    /// - Throws: ``Failure/tooLarge(limit:)``, ``Failure/timedOut``, the `URLError` of the transfer, or
    ///   `CancellationError` when the calling task is cancelled.
    func send(_ request: URLRequest, limit: Int, deadline: TimeInterval) async throws -> (Data, HTTPURLResponse) {
        guard let session else { throw URLError(.cancelled) }
        let task = session.dataTask(with: request)
        let id = task.taskIdentifier
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                lock.withLock { pending[id] = Pending(continuation: continuation, limit: limit) }
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { [weak self] in
                    if self?.finish(id, with: .failure(Failure.timedOut)) == true { task.cancel() }
                }
                if Task.isCancelled {
                    finish(id, with: .failure(CancellationError()))
                    task.cancel()
                    return
                }
                task.resume()
            }
        } onCancel: {
            finish(id, with: .failure(CancellationError()))
            task.cancel()
        }
    }

    /// Answers the caller of transfer `id` unless it was answered already; returns whether it was not.
    @discardableResult
    private func finish(_ id: Int, with result: Result<(Data, HTTPURLResponse), any Error>) -> Bool {
        guard let transfer = lock.withLock({ pending.removeValue(forKey: id) }) else { return false }
        transfer.continuation.resume(with: result)
        return true
    }

    // MARK: - URLSessionDataDelegate

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let id = dataTask.taskIdentifier
        let limit: Int? = lock.withLock {
            guard pending[id] != nil else { return nil }
            pending[id]?.response = response as? HTTPURLResponse
            return response.expectedContentLength > Int64(pending[id]?.limit ?? 0) ? pending[id]?.limit : nil
        }
        if let limit {
            finish(id, with: .failure(Failure.tooLarge(limit: limit)))
            completionHandler(.cancel)
        } else {
            completionHandler(.allow)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let limit: Int? = lock.withLock {
            guard let transfer = pending[id] else { return nil }
            guard transfer.data.count + data.count <= transfer.limit else { return transfer.limit }
            pending[id]?.data.append(data)
            return nil
        }
        if let limit {
            finish(id, with: .failure(Failure.tooLarge(limit: limit)))
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let id = task.taskIdentifier
        guard let transfer = lock.withLock({ pending.removeValue(forKey: id) }) else { return }
        if let error {
            transfer.continuation.resume(throwing: error)
        } else if let response = transfer.response ?? task.response as? HTTPURLResponse {
            transfer.continuation.resume(returning: (transfer.data, response))
        } else {
            transfer.continuation.resume(throwing: URLError(.badServerResponse))
        }
    }
}

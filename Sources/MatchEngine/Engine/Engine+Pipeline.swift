extension Engine {
    /// Moves a candidate to `status` for a job and records the move with an optional note.
    ///
    /// - Throws: ``EngineError/invalidStatusChange(from:to:)`` when the pipeline does not allow the move
    ///   (see ``PipelineStatus/canMove(to:)``), ``EngineError/unknownCandidate(_:namespace:)``,
    ///   ``EngineError/unknownJob(_:namespace:)``.
    @discardableResult
    public func setStatus(
        _ status: PipelineStatus, candidate: CandidateID, job: JobID, namespace: String, note: String? = nil
    ) throws -> PipelineStatusChange {
        let index = try candidateIndex(namespace)
        let record = try record(candidate, in: index)
        let job = try jobRecord(job, in: index)
        return try store.setStatus(
            status, candidate: record.rowID, job: job.rowID, namespace: index.namespaceID,
            note: note.map { String($0.prefix(4_000)) })
    }

    /// Every recorded move of a candidate for a job, oldest first.
    public func statusHistory(candidate: CandidateID, job: JobID, namespace: String) throws -> [PipelineStatusChange] {
        let index = try candidateIndex(namespace)
        let record = try record(candidate, in: index)
        let job = try jobRecord(job, in: index)
        return try store.statusHistory(candidate: record.rowID, job: job.rowID, namespace: index.namespaceID)
    }
}

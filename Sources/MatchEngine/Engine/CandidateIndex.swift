import Foundation
import Logging
import VectorIndex

/// One namespace's candidates in memory for one model: the HNSW index of their newest resume vectors
/// and the facts the scorer reads. Derived from the store, which stays the source of truth: the index
/// file records the namespace revision it reflects, and a missing, stale or unreadable file is rebuilt
/// from the stored vectors.
final class CandidateIndex: Sendable {
    let namespaceID: Int64
    let namespace: String
    let index: HNSWIndex
    let file: URL
    private let roster: Locked<Roster>

    struct Roster {
        var records: [Int64: CandidateRecord] = [:]
        var byIdentity: [CandidateID: Int64] = [:]
        /// Rows having each skill; rebuilt on demand after changes.
        var postings: [String: [Int64]]? = nil
    }

    private init(namespaceID: Int64, namespace: String, index: HNSWIndex, file: URL, records: [CandidateRecord]) {
        self.namespaceID = namespaceID
        self.namespace = namespace
        self.index = index
        self.file = file
        var roster = Roster()
        for record in records {
            roster.records[record.rowID] = record
            roster.byIdentity[record.identity] = record.rowID
        }
        self.roster = Locked(roster)
    }

    /// Loads the namespace's index from `file` when it reflects the store's revision, else rebuilds it
    /// from the stored vectors and saves it.
    static func load(
        namespaceID: Int64, namespace: String, store: any EngineStore, model: String, dimension: Int, file: URL,
        configuration: HNSWIndex.Configuration, logger: Logger
    ) throws -> CandidateIndex {
        let revision = try store.revision(namespace: namespaceID)
        let records = try store.candidates(namespace: namespaceID)
        var index: HNSWIndex?
        var reason = "no index file"
        if FileManager.default.fileExists(atPath: file.path) {
            do {
                let loaded = try HNSWIndex(contentsOf: file)
                if loaded.revision != UInt64(revision) {
                    reason = "index at revision \(loaded.revision), store at \(revision)"
                } else if loaded.dimension != dimension {
                    reason = "index of dimension \(loaded.dimension), provider of \(dimension)"
                } else {
                    index = loaded
                }
            } catch {
                reason = "index file unreadable (\((error as? LocalizedError)?.errorDescription ?? "\(error)"))"
            }
        }
        if let index {
            return CandidateIndex(
                namespaceID: namespaceID, namespace: namespace, index: index, file: file, records: records)
        }
        logger.notice(
            "rebuilding the candidate index from the store",
            metadata: ["namespace": "\(namespace)", "reason": "\(reason)"])
        let vectors = try store.resumeVectors(namespace: namespaceID, model: model)
        let rebuilt = HNSWIndex(
            dimension: dimension, metric: .cosine, configuration: configuration, capacity: max(1_024, vectors.count))
        if !vectors.isEmpty {
            rebuilt.add(ids: vectors.map { UInt64($0.candidate) }, vectors: vectors.flatMap(\.vector))
        }
        rebuilt.revision = UInt64(revision)
        let loaded = CandidateIndex(
            namespaceID: namespaceID, namespace: namespace, index: rebuilt, file: file, records: records)
        loaded.save(logger: logger)
        return loaded
    }

    /// Writes the index file (atomically); a failure is logged, never thrown: the file is derived.
    func save(logger: Logger) {
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try index.write(to: file)
        } catch {
            logger.warning(
                "could not save the candidate index; it will be rebuilt on the next open",
                metadata: ["namespace": "\(namespace)"])
        }
    }

    /// Applies stored changes: new or replaced candidates with their vectors, and the revision reached.
    func apply(_ changes: [(record: CandidateRecord, vector: [Float])], revision: Int64) {
        for change in changes { index.update(id: UInt64(change.record.rowID), vector: change.vector) }
        roster.withLock { roster in
            for change in changes {
                roster.records[change.record.rowID] = change.record
                roster.byIdentity[change.record.identity] = change.record.rowID
            }
            roster.postings = nil
        }
        index.revision = UInt64(revision)
    }

    /// Forgets a deleted candidate.
    func remove(_ rowID: Int64, revision: Int64) {
        _ = index.remove(id: UInt64(rowID))
        roster.withLock { roster in
            if let identity = roster.records.removeValue(forKey: rowID)?.identity {
                roster.byIdentity[identity] = nil
            }
            roster.postings = nil
        }
        index.revision = UInt64(revision)
    }

    var count: Int { roster.withLock { $0.records.count } }

    func record(_ rowID: Int64) -> CandidateRecord? { roster.withLock { $0.records[rowID] } }

    func record(identity: CandidateID) -> CandidateRecord? {
        roster.withLock { roster in roster.byIdentity[identity].flatMap { roster.records[$0] } }
    }

    /// Every candidate, by row id.
    func allRecords() -> [CandidateRecord] { roster.withLock { Array($0.records.values) } }

    /// The `limit` candidates with the highest weighted share of the job's skills — `required` weighing
    /// `requiredWeight` in all, `preferred` `preferredWeight` — the skill part of the score, from
    /// per-skill posting lists (ties by row id).
    ///
    /// - Complexity: O(Σ posting lengths + c log c) for c candidates sharing a skill, after the lists are
    ///   built (O(total skills) once per change).
    func mostSkillsInCommon(
        required: [String], preferred: [String], requiredWeight: Double, preferredWeight: Double, limit: Int
    ) -> [Int64] {
        roster.withLock { roster in
            if roster.postings == nil {
                var postings: [String: [Int64]] = [:]
                for record in roster.records.values {
                    for skill in record.skills { postings[skill, default: []].append(record.rowID) }
                }
                roster.postings = postings
            }
            var points: [Int64: Double] = [:]
            for (skills, weight) in [(required, requiredWeight), (preferred, preferredWeight)] where !skills.isEmpty {
                let each = weight / Double(skills.count)
                for skill in skills { for row in roster.postings?[skill] ?? [] { points[row, default: 0] += each } }
            }
            return points.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map(\.key)
        }
    }
}

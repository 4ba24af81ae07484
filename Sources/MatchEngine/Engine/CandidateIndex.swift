import Foundation
import Logging
import ParallelWork
import ResumeParser
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
    /// The revision the index file on disk holds (`nil`: unknown or none).
    private let savedRevision: Locked<UInt64?>
    private let writer = Locked(())

    /// The candidates in dense positions (so per-query scratch is a flat array), with their scoring
    /// profiles and, built on demand after a change, what the keyword pool reads (``Keywords``).
    struct Roster {
        var records: [CandidateRecord] = []
        var profiles: [CandidateProfile] = []
        var positionOfRow: [Int64: Int] = [:]
        var positionOfIdentity: [CandidateID: Int] = [:]
        /// What the keyword pool reads, built on demand after a change (``CandidateIndex/snapshot(postings:)``).
        var keywords: Keywords? = nil
        /// The month a current position ends at.
        var referenceMonth: YearMonth = .now

        /// The namespace's candidates as `store` lists them, their profiles built on other threads while the
        /// rows are read: decoding a row costs about as much as building its profile, and an open reads
        /// 100,000 of each.
        init(namespace: Int64, store: any EngineStore, referenceMonth: YearMonth) throws {
            self.referenceMonth = referenceMonth
            // Each batch reads titles through a reader another batch used before: most titles repeat.
            let readers = Locked<[CandidateProfile.TitleReadings]>([])
            var building: [Offloaded<[CandidateProfile]>] = []
            var read: [CandidateRecord] = []
            try store.candidates(namespace: namespace, inBatchesOf: 2_048) { batch in
                read.append(contentsOf: batch)
                building.append(
                    Offloaded {
                        var readings = readers.withLock { $0.popLast() } ?? CandidateProfile.TitleReadings()
                        defer { readers.withLock { $0.append(readings) } }
                        return batch.map {
                            CandidateProfile(record: $0, referenceMonth: referenceMonth, readings: &readings)
                        }
                    })
            }
            records = read
            positionOfRow.reserveCapacity(read.count)
            positionOfIdentity.reserveCapacity(read.count)
            for (position, record) in read.enumerated() {
                positionOfRow[record.rowID] = position
                positionOfIdentity[record.identity] = position
            }
            // Batches no thread has taken yet are built here.
            profiles = building.flatMap(\.value)
        }

        mutating func upsert(_ record: CandidateRecord) {
            let profile = CandidateProfile(record: record, referenceMonth: referenceMonth)
            if let position = positionOfRow[record.rowID] {
                positionOfIdentity[records[position].identity] = nil
                records[position] = record
                profiles[position] = profile
                positionOfIdentity[record.identity] = position
            } else {
                positionOfRow[record.rowID] = records.count
                positionOfIdentity[record.identity] = records.count
                records.append(record)
                profiles.append(profile)
            }
            keywords = nil
        }

        mutating func remove(_ rowID: Int64) {
            guard let position = positionOfRow.removeValue(forKey: rowID) else { return }
            positionOfIdentity[records[position].identity] = nil
            let last = records.count - 1
            if position != last {
                records[position] = records[last]
                profiles[position] = profiles[last]
                positionOfRow[records[position].rowID] = position
                positionOfIdentity[records[position].identity] = position
            }
            records.removeLast()
            profiles.removeLast()
            keywords = nil
        }
    }

    private init(
        namespaceID: Int64, namespace: String, index: HNSWIndex, file: URL, roster: Roster, savedRevision: UInt64?
    ) {
        self.savedRevision = Locked(savedRevision)
        self.namespaceID = namespaceID
        self.namespace = namespace
        self.index = index
        self.file = file
        self.roster = Locked(roster)
    }

    /// Loads the namespace's index from `file` when it reflects the store's revision, else rebuilds it
    /// from the stored vectors and saves it.
    static func load(
        namespaceID: Int64, namespace: String, store: any EngineStore, model: String, dimension: Int, file: URL,
        configuration: HNSWIndex.Configuration, referenceMonth: YearMonth = .now, logger: Logger
    ) throws -> CandidateIndex {
        let revision = try store.revision(namespace: namespaceID)
        // The index file is read on another thread while this one reads the candidates. Not through
        // `ParallelMap`: a `concurrentPerform` inside another runs on one thread, and the roster's profiles are
        // built on other threads.
        let fromFile =
            FileManager.default.fileExists(atPath: file.path)
            ? Offloaded { Result { try HNSWIndex(contentsOf: file) } } : nil
        let roster = Result { try Roster(namespace: namespaceID, store: store, referenceMonth: referenceMonth) }
        let fileRead = fromFile?.value
        let candidates = try roster.get()
        var index: HNSWIndex?
        var reason = "no index file"
        switch fileRead {
        case .success(let loaded):
            if loaded.revision != UInt64(revision) {
                reason = "index at revision \(loaded.revision), store at \(revision)"
            } else if loaded.dimension != dimension {
                reason = "index of dimension \(loaded.dimension), provider of \(dimension)"
            } else {
                index = loaded
            }
        case .failure(let error):
            reason = "index file unreadable (\((error as? LocalizedError)?.errorDescription ?? "\(type(of: error))"))"
        case nil:
            break
        }
        if let index {
            return CandidateIndex(
                namespaceID: namespaceID, namespace: namespace, index: index, file: file, roster: candidates,
                savedRevision: index.revision)
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
            namespaceID: namespaceID, namespace: namespace, index: rebuilt, file: file, roster: candidates,
            savedRevision: nil)
        loaded.save(logger: logger)
        return loaded
    }

    /// Writes the index file (atomically) unless it already holds this revision; a failure is logged,
    /// never thrown: the file is derived.
    func save(logger: Logger) {
        let revision = index.revision
        guard savedRevision.withLock({ $0 }) != revision else { return }
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try index.write(to: file)
            savedRevision.withLock { $0 = revision }
        } catch {
            logger.warning(
                "could not save the candidate index; it will be rebuilt on the next open",
                metadata: ["namespace": "\(namespace)"])
        }
    }

    /// Runs a store write and its application to this index as one step with respect to other writers
    /// of the namespace, so that the revision the index records covers every change it holds.
    func serializingWrites<T>(_ body: () throws -> T) rethrows -> T {
        try writer.withLock { _ in try body() }
    }

    /// Applies stored changes: new or replaced candidates with their vectors, and the revision reached.
    func apply(_ changes: [(record: CandidateRecord, vector: [Float])], revision: Int64) {
        // One parallel insert per batch; a candidate stored twice in one batch keeps its last vector.
        var last: [Int64: Int] = [:]
        for (position, change) in changes.enumerated() { last[change.record.rowID] = position }
        let kept = last.values.sorted()
        index.add(ids: kept.map { UInt64(changes[$0].record.rowID) }, vectors: kept.flatMap { changes[$0].vector })
        roster.withLock { roster in for change in changes { roster.upsert(change.record) } }
        index.revision = UInt64(revision)
    }

    /// Forgets a deleted candidate.
    func remove(_ rowID: Int64, revision: Int64) {
        _ = index.remove(id: UInt64(rowID))
        roster.withLock { $0.remove(rowID) }
        index.revision = UInt64(revision)
    }

    var count: Int { roster.withLock { $0.records.count } }

    func record(_ rowID: Int64) -> CandidateRecord? {
        roster.withLock { roster in roster.positionOfRow[rowID].map { roster.records[$0] } }
    }

    func record(identity: CandidateID) -> CandidateRecord? {
        roster.withLock { roster in roster.positionOfIdentity[identity].map { roster.records[$0] } }
    }

    /// The roster as it is now, for a query to read without holding the lock (copy-on-write: O(1)
    /// unless a writer changes it meanwhile). With `postings`, the keyword pool's lists (``Roster/Keywords``: skill
    /// postings, function masks, most years) are built first.
    func snapshot(postings: Bool = false) -> Roster {
        roster.withLock { roster in
            if postings && roster.keywords == nil { roster.keywords = Roster.Keywords(roster) }
            return roster
        }
    }

    /// Every candidate with its scoring profile.
    func allCandidates() -> [(record: CandidateRecord, profile: CandidateProfile)] {
        let roster = snapshot()
        return Array(zip(roster.records, roster.profiles))
    }
}

extension CandidateIndex.Roster {
    /// What the keyword pool reads of every candidate, by position.
    struct Keywords {
        /// Per skill, the positions of the candidates that have it.
        var postings: [String: [Int32]] = [:]
        /// Per skill, the positions of the candidates that list it without their experience showing it
        /// (``CandidateProfile/evidencedSkills``): such a skill earns only part of its worth.
        var unshownPostings: [String: [Int32]] = [:]
        /// The functions each candidate's positions and titles name (bit `RoleFunction.ordinal`): what bounds
        /// the role fit's share of the pool.
        var functionMasks: [UInt16]
        /// The most years the role fit can read (the sum of the positions' years, at least the total years);
        /// 0 when the total is 0 (then no years factor may apply).
        var mostYears: [Double]
        /// The levels the role fit can read each candidate at (bit `SeniorityLevel.rank`): those its positions'
        /// and titles' words state, and those the years it can count imply; 0 for a candidate with neither
        /// position nor title (no level is read then).
        var levelMasks: [UInt8]

        init(_ roster: CandidateIndex.Roster) {
            // The two kinds of postings on other threads (a string hash per skill and candidate), the rest here.
            let profiles = roster.profiles
            let unshown = Offloaded {
                var postings: [String: [Int32]] = [:]
                for (position, profile) in profiles.enumerated() {
                    guard let shown = profile.evidencedSkills else { continue }
                    for skill in profile.skills where !shown.contains(skill) {
                        postings[skill, default: []].append(Int32(position))
                    }
                }
                return postings
            }
            let records = roster.records
            let all = Offloaded {
                var postings: [String: [Int32]] = [:]
                for (position, record) in records.enumerated() {
                    for skill in record.skills { postings[skill, default: []].append(Int32(position)) }
                }
                return postings
            }
            functionMasks = roster.profiles.map { profile in
                var mask: UInt16 = 0
                for function in profile.roles.compactMap(\.function) + profile.titles.compactMap(RoleFunction.of) {
                    mask |= 1 << function.ordinal
                }
                return mask
            }
            mostYears = roster.profiles.map { profile in
                profile.years > 0 ? max(profile.years, profile.roles.reduce(0) { $0 + $1.years }) : 0
            }
            levelMasks = roster.profiles.map { profile in
                guard !profile.roles.isEmpty || !profile.titles.isEmpty else { return 0 }
                var mask: UInt8 = 0
                for level in profile.roles.compactMap(\.level) + profile.titles.compactMap(SeniorityLevel.of) {
                    mask |= 1 << level.rank
                }
                // Relevant years (or total years, read from titles) are at most these; the level they imply
                // grows with them.
                let years = max(profile.years, profile.roles.reduce(0) { $0 + $1.years })
                let (least, most) = (SeniorityLevel.implied(byYears: 0), SeniorityLevel.implied(byYears: years))
                for level in SeniorityLevel.allCases where least <= level && level <= most { mask |= 1 << level.rank }
                return mask
            }
            postings = all.value
            unshownPostings = unshown.value
        }
    }
}

extension CandidateProfile {
    /// The profile of a stored candidate; current positions end at `referenceMonth`.
    init(record: CandidateRecord, referenceMonth: YearMonth) {
        var readings = TitleReadings()
        self.init(record: record, referenceMonth: referenceMonth, readings: &readings)
    }

    /// The same, reading titles through `readings`.
    init(record: CandidateRecord, referenceMonth: YearMonth, readings: inout TitleReadings) {
        let positions = Self.positions(stored: record.roles, referenceMonth: referenceMonth, readings: &readings)
        self.init(
            skills: Set(record.skills), years: record.years, degree: record.degree, roles: positions.roles,
            evidencedSkills: record.evidence.map { Set(Self.storedList($0)) })
        titles = positions.titles
    }
}

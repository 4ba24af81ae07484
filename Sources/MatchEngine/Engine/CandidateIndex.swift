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
    /// profiles and, built on first use and then kept up to date, what the keyword pool reads (``Keywords``).
    struct Roster {
        var records: [CandidateRecord] = []
        var profiles: [CandidateProfile] = []
        var positionOfRow: [Int64: Int] = [:]
        var positionOfIdentity: [CandidateID: Int] = [:]
        /// What the keyword pool reads, built on first use (``CandidateIndex/snapshot(postings:)``), then kept up
        /// to date by every change.
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

        /// Adds or replaces a candidate; the keyword pool's lists, once built, are kept up to date.
        mutating func upsert(_ record: CandidateRecord) {
            let profile = CandidateProfile(record: record, referenceMonth: referenceMonth)
            if let position = positionOfRow[record.rowID] {
                maintainKeywords(scanning: [position])
                keywords?.drop(position, record: records[position], profile: profiles[position])
                positionOfIdentity[records[position].identity] = nil
                records[position] = record
                profiles[position] = profile
                positionOfIdentity[record.identity] = position
                keywords?.add(position, record: record, profile: profile)
            } else {
                positionOfRow[record.rowID] = records.count
                positionOfIdentity[record.identity] = records.count
                keywords?.add(records.count, record: record, profile: profile)
                records.append(record)
                profiles.append(profile)
            }
        }

        /// Removes a candidate: the last one takes its position.
        mutating func remove(_ rowID: Int64) {
            guard let position = positionOfRow.removeValue(forKey: rowID) else { return }
            let last = records.count - 1
            maintainKeywords(scanning: [position, last])
            keywords?.drop(position, record: records[position], profile: profiles[position])
            positionOfIdentity[records[position].identity] = nil
            if position != last {
                keywords?.move(last, to: position, record: records[last], profile: profiles[last])
                records[position] = records[last]
                profiles[position] = profiles[last]
                positionOfRow[records[position].rowID] = position
                positionOfIdentity[records[position].identity] = position
            }
            keywords?.removeLast()
            records.removeLast()
            profiles.removeLast()
        }

        /// Counts what updating the keyword lists for the candidates at `positions` reads, and clears the
        /// lists instead when the updates since a query last used them would read more than eight times the
        /// entries the lists hold (comparing an entry costs about a tenth of entering one, a string hash and an
        /// append): replacing or deleting many candidates between two queries then costs one build at the next
        /// query, not a scan of long postings per change. (16 deletes among 100,000 candidates read about 4×.)
        mutating func maintainKeywords(scanning positions: [Int]) {
            guard let lists = keywords else { return }
            let reads = Set(positions).reduce(0) { $0 + lists.entriesRead(by: records[$1], profile: profiles[$1]) }
            if (lists.scanned + reads) / 8 > lists.size {
                keywords = nil
            } else {
                keywords?.scanned += reads
            }
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

    /// The roster as it is now, for a query to read without holding the lock (copy-on-write: O(1); a
    /// writer changing the roster while a query holds it copies the per-candidate arrays once). With
    /// `postings`, the keyword pool's lists (``Roster/Keywords``: skill postings, function and level masks,
    /// most years) are built first if they are not there.
    func snapshot(postings: Bool = false) -> Roster {
        roster.withLock { roster in
            if postings {
                if roster.keywords == nil { roster.keywords = Roster.Keywords(roster) }
                roster.keywords?.scanned = 0
            }
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
        /// Posting entries read by updates since a query last used the lists, and the entries the lists hold
        /// (what building them costs): past a multiple of it, updates cost more than building the lists again
        /// (``CandidateIndex/Roster/maintainKeywords(scanning:)``).
        var scanned = 0
        var size = 0

        init(_ roster: CandidateIndex.Roster) {
            // The two kinds of postings on other threads (a string hash per skill and candidate), the rest here.
            let profiles = roster.profiles
            let unshown = Offloaded {
                var postings: [String: [Int32]] = [:]
                for (position, profile) in profiles.enumerated() {
                    for skill in Self.unshownSkills(of: profile) {
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
            let facts = roster.profiles.map(Self.facts(of:))
            functionMasks = facts.map(\.functions)
            mostYears = facts.map(\.mostYears)
            levelMasks = facts.map(\.levels)
            postings = all.value
            unshownPostings = unshown.value
            size = postings.values.reduce(0) { $0 + $1.count } + unshownPostings.values.reduce(0) { $0 + $1.count }
        }

        /// The posting entries dropping or moving `record` reads.
        func entriesRead(by record: CandidateRecord, profile: CandidateProfile) -> Int {
            Set(record.skills).reduce(0) { $0 + (postings[$1]?.count ?? 0) }
                + Self.unshownSkills(of: profile).reduce(0) { $0 + (unshownPostings[$1]?.count ?? 0) }
        }

        /// What the bound reads of one candidate: the functions its positions and titles name, the most years
        /// the role fit can read, the levels it can be read at.
        static func facts(of profile: CandidateProfile) -> (functions: UInt16, mostYears: Double, levels: UInt8) {
            var functions: UInt16 = 0
            for function in profile.roles.compactMap(\.function) + profile.titles.compactMap(RoleFunction.of) {
                functions |= 1 << function.ordinal
            }
            // Relevant years (or total years, read from titles) are at most these; the level they imply grows
            // with them.
            let years = max(profile.years, profile.roles.reduce(0) { $0 + $1.years })
            let mostYears = profile.years > 0 ? years : 0
            guard !profile.roles.isEmpty || !profile.titles.isEmpty else { return (functions, mostYears, 0) }
            var levels: UInt8 = 0
            for level in profile.roles.compactMap(\.level) + profile.titles.compactMap(SeniorityLevel.of) {
                levels |= 1 << level.rank
            }
            let (least, most) = (SeniorityLevel.implied(byYears: 0), SeniorityLevel.implied(byYears: years))
            for level in SeniorityLevel.allCases where least <= level && level <= most { levels |= 1 << level.rank }
            return (functions, mostYears, levels)
        }

        /// The skills a candidate lists without its experience showing them.
        private static func unshownSkills(of profile: CandidateProfile) -> [String] {
            guard let shown = profile.evidencedSkills else { return [] }
            return profile.skills.filter { !shown.contains($0) }
        }

        /// Enters a candidate at `position`: the next one, or one just dropped.
        mutating func add(_ position: Int, record: CandidateRecord, profile: CandidateProfile) {
            for skill in record.skills { postings[skill, default: []].append(Int32(position)) }
            for skill in Self.unshownSkills(of: profile) { unshownPostings[skill, default: []].append(Int32(position)) }
            let facts = Self.facts(of: profile)
            if position == functionMasks.count {
                functionMasks.append(facts.functions)
                mostYears.append(facts.mostYears)
                levelMasks.append(facts.levels)
            } else {
                (functionMasks[position], mostYears[position], levelMasks[position]) = facts
            }
        }

        /// Takes the candidate at `position` out of the postings (its facts stay until replaced or removed).
        ///
        /// - Complexity: O(the lengths of the postings of its skills).
        mutating func drop(_ position: Int, record: CandidateRecord, profile: CandidateProfile) {
            let entry = Int32(position)
            for skill in Set(record.skills) { postings[skill]?.removeAll { $0 == entry } }
            for skill in Self.unshownSkills(of: profile) { unshownPostings[skill]?.removeAll { $0 == entry } }
        }

        /// Renumbers the candidate at `old` (the last) to `position` (a dropped one's).
        mutating func move(_ old: Int, to position: Int, record: CandidateRecord, profile: CandidateProfile) {
            let (from, to) = (Int32(old), Int32(position))
            for skill in Set(record.skills) { postings[skill]?.renumber(from, to: to) }
            for skill in Self.unshownSkills(of: profile) { unshownPostings[skill]?.renumber(from, to: to) }
            (functionMasks[position], mostYears[position], levelMasks[position]) =
                (functionMasks[old], mostYears[old], levelMasks[old])
        }

        /// Forgets the last position's facts (after ``move(_:to:record:profile:)`` or ``drop(_:record:profile:)``).
        mutating func removeLast() {
            functionMasks.removeLast()
            mostYears.removeLast()
            levelMasks.removeLast()
        }
    }
}

extension [Int32] {
    /// Replaces every `old` (a position in a posting list) with `new`, in place.
    fileprivate mutating func renumber(_ old: Int32, to new: Int32) {
        for index in indices where self[index] == old { self[index] = new }
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

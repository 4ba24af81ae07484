import Foundation
import GRDB
import ResumeParser

/// The engine's tables in SQLite. Every statement names its namespace.
extension DocumentStore: EngineStore {
    func namespaceID(_ name: String, create: Bool) throws -> Int64? {
        let existing = try read("find namespace") { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM namespace WHERE name = ?", arguments: [name])
        }
        guard existing == nil, create else { return existing }
        return try write("create namespace") { db in
            try db.execute(sql: "INSERT OR IGNORE INTO namespace (name) VALUES (?)", arguments: [name])
            return try Int64.fetchOne(db, sql: "SELECT id FROM namespace WHERE name = ?", arguments: [name])
        }
    }

    func namespaces() throws -> [(id: Int64, name: String)] {
        try read("list namespaces") { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM namespace ORDER BY id").map { ($0["id"], $0["name"]) }
        }
    }

    func revision(namespace: Int64) throws -> Int64 {
        try read("read namespace revision") { db in
            try Int64.fetchOne(db, sql: "SELECT revision FROM namespace WHERE id = ?", arguments: [namespace]) ?? 0
        }
    }

    func storedResumeHashes(_ hashes: [String], namespace: Int64) throws -> [String: CandidateID] {
        guard !hashes.isEmpty else { return [:] }
        return try read("look up stored resumes") { db in
            var found: [String: CandidateID] = [:]
            for hash in hashes {
                if let identity = try Self.storedResume(db, hash: hash, namespace: namespace) { found[hash] = identity }
            }
            return found
        }
    }

    func hasResumes(namespace: Int64) throws -> Bool {
        try read("look up stored resumes") { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE namespaceId = ? AND kind = 'resume')",
                arguments: [namespace]) ?? false
        }
    }

    /// The candidate whose resume has these bytes in the namespace, if one does.
    private static func storedResume(_ db: Database, hash: String, namespace: Int64) throws -> CandidateID? {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT c.identity FROM document d JOIN candidate c ON c.id = d.candidateId
                    WHERE d.namespaceId = ? AND d.kind = 'resume' AND d.contentHash = ?
                    """), arguments: [namespace, hash])
    }

    func writeResumes(
        _ writes: [ResumeWrite], namespace: Int64, model: String, progress: IngestProgressWrite
    ) throws
        -> [ResumeWriteOutcome]
    {
        try write("store resumes") { db in
            var outcomes: [ResumeWriteOutcome] = []
            var superseded: [Int64] = []
            for resume in writes {
                if let identity = try Self.storedResume(db, hash: resume.contentHash, namespace: namespace) {
                    outcomes.append(.duplicate(identity: identity))
                    continue
                }
                let identity = Identity.candidate(
                    hostID: resume.hostID, email: resume.parsed.contact.email, contentHash: resume.contentHash)
                let existing = try Row.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT id, currentDocumentId FROM candidate WHERE namespaceId = ? AND identity = ?"),
                    arguments: [namespace, identity])
                let candidate: Int64
                if let existing {
                    candidate = existing[0]
                    if let previous: Int64 = existing[1] { superseded.append(previous) }
                } else {
                    try db.cachedStatement(sql: "INSERT INTO candidate (namespaceId, identity) VALUES (?, ?)")
                        .execute(arguments: [namespace, identity])
                    candidate = db.lastInsertedRowID
                }
                let document = try insertDocument(
                    db, namespace: namespace, kind: "resume", owner: ("candidateId", candidate),
                    source: resume.source, hash: resume.contentHash, format: resume.format, text: resume.text,
                    reading: resume.reading.text, pageCount: resume.pageCount,
                    parsed: try resume.parsedJSON ?? Self.json(resume.parsed))
                try insertChunks(
                    db, namespace: namespace, document: document, model: model, chunks: resume.chunks,
                    vectors: resume.chunkVectors, documentVector: resume.documentVector)
                let parsed = resume.parsed
                let facts = resume.facts ?? RankingFacts(parsed)
                try db.cachedStatement(
                    sql: """
                        UPDATE candidate SET name = ?, email = ?, location = ?, years = ?, degree = ?, skills = ?,
                        roles = ?, evidence = ?, currentDocumentId = ?, source = ?, updatedAt = CURRENT_TIMESTAMP
                        WHERE id = ?
                        """
                ).execute(
                    arguments: [
                        parsed.contact.name, parsed.contact.email, parsed.contact.location, parsed.totalExperienceYears,
                        parsed.highestDegree?.rawValue, parsed.skills.map(\.name).joined(separator: "\n"),
                        facts.roles, facts.evidence, document, resume.source, candidate,
                    ])
                outcomes.append(
                    .stored(candidate: candidate, identity: identity, isNewVersion: existing != nil, document: document)
                )
            }
            try Self.indexForSearch(
                db,
                documents: outcomes.compactMap {
                    if case .stored(_, _, _, let document) = $0 { document } else { nil }
                },
                superseded: superseded, namespace: namespace)
            let stored = outcomes.filter { if case .stored = $0 { true } else { false } }.count
            if stored > 0 {
                try db.execute(sql: "UPDATE namespace SET revision = revision + 1 WHERE id = ?", arguments: [namespace])
            }
            try db.execute(
                sql: """
                    UPDATE ingestJob SET seen = seen + ?, stored = stored + ?, duplicates = duplicates + ?,
                    failed = failed + ? WHERE id = ?
                    """,
                arguments: [
                    writes.count + progress.failures.count + progress.knownDuplicates, stored,
                    writes.count - stored + progress.knownDuplicates, progress.failures.count, progress.jobID,
                ])
            for failure in progress.failures {
                try db.execute(
                    sql: "INSERT INTO ingestFailure (ingestJobId, source, reason) VALUES (?, ?, ?)",
                    arguments: [progress.jobID, failure.source, failure.reason])
            }
            return outcomes
        }
    }

    func writeJob(_ job: JobWrite, namespace: Int64, model: String) throws -> (job: JobRecord, inserted: Bool) {
        try write("store job \(job.source)") { db in
            let identity = Identity.job(hostID: job.hostID, contentHash: job.contentHash)
            if let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT j.id, j.identity, d.id AS documentId FROM document d JOIN job j ON j.id = d.jobId
                    WHERE d.namespaceId = ? AND d.kind = 'job' AND d.contentHash = ?
                    """, arguments: [namespace, job.contentHash])
            {
                return (
                    JobRecord(
                        rowID: row["id"], identity: row["identity"], documentID: row["documentId"], source: job.source,
                        parsed: job.parsed), false
                )
            }
            let existing = try Row.fetchOne(
                db, sql: "SELECT id, currentDocumentId FROM job WHERE namespaceId = ? AND identity = ?",
                arguments: [namespace, identity])
            let jobRow: Int64
            if let existing {
                jobRow = existing[0]
            } else {
                try db.execute(
                    sql: "INSERT INTO job (namespaceId, identity) VALUES (?, ?)", arguments: [namespace, identity])
                jobRow = db.lastInsertedRowID
            }
            let document = try insertDocument(
                db, namespace: namespace, kind: "job", owner: ("jobId", jobRow), source: job.source,
                hash: job.contentHash, format: job.format, text: job.text, reading: job.reading.text, pageCount: nil,
                parsed: try Self.json(job.parsed))
            try insertChunks(
                db, namespace: namespace, document: document, model: model, chunks: job.chunks,
                vectors: job.chunkVectors, documentVector: job.documentVector)
            try db.execute(
                sql: "UPDATE job SET title = ?, currentDocumentId = ? WHERE id = ?",
                arguments: [job.parsed.title, document, jobRow])
            let previous: Int64? = existing?[1]
            try Self.indexForSearch(
                db, documents: [document], superseded: previous.map { [$0] } ?? [], namespace: namespace)
            return (
                JobRecord(
                    rowID: jobRow, identity: identity, documentID: document, source: job.source, parsed: job.parsed),
                true
            )
        }
    }

    private func insertDocument(
        _ db: Database, namespace: Int64, kind: String, owner: (column: String, id: Int64), source: String,
        hash: String, format: String, text: String, reading: String, pageCount: Int?, parsed: String
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO document (namespaceId, kind, \(owner.column), contentHash, source, format, text, readingText,
                pageCount, parsed, parserVersion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                namespace, kind, owner.id, hash, source, format, text, reading, pageCount, parsed,
                DocumentPipeline.parserVersion,
            ])
        return db.lastInsertedRowID
    }

    /// Removes the rows of the `superseded` versions from the full-text table and adds the chunks of those
    /// of `documents` that are current versions, a statement each, and moves the namespace's chunk revision
    /// on (the retrieval index follows it). A document superseded within the same write never reaches the
    /// table. One statement per write, not one per document: FTS5 (SQLite 3.40) writes its pending changes
    /// out at the end of every statement of a transaction that touched it.
    private static func indexForSearch(
        _ db: Database, documents: [Int64], superseded: [Int64] = [], namespace: Int64
    ) throws {
        guard !documents.isEmpty else { return }
        if !superseded.isEmpty {
            try db.execute(
                sql: """
                    DELETE FROM chunkSearch WHERE rowid IN (SELECT documentId * 65536 + ordinal FROM chunk
                    WHERE documentId IN (\(superseded.map(String.init).joined(separator: ","))))
                    """)
        }
        let ids = documents.map(String.init).joined(separator: ",")
        try db.execute(
            sql: """
                INSERT INTO chunkSearch (rowid, text, tags)
                SELECT c.documentId * 65536 + c.ordinal, c.text,
                    'n' || c.namespaceId || ' k' || d.kind || ' s' || c.section || ' d' || d.id
                    || CASE WHEN d.candidateId IS NOT NULL THEN ' c' || d.candidateId ELSE ' j' || d.jobId END
                FROM chunk c JOIN document d ON d.id = c.documentId
                WHERE c.documentId IN (\(ids)) AND d.namespaceId = ?
                    AND d.id = COALESCE(
                        (SELECT currentDocumentId FROM candidate WHERE id = d.candidateId),
                        (SELECT currentDocumentId FROM job WHERE id = d.jobId))
                """, arguments: [namespace])
        try db.execute(
            sql: "UPDATE namespace SET chunkRevision = chunkRevision + 1 WHERE id = ?", arguments: [namespace])
        try ChunkChangeLog.record(db, documents: documents + superseded, namespace: namespace)
    }

    private func insertChunks(
        _ db: Database, namespace: Int64, document: Int64, model: String, chunks: [Chunk], vectors: [[Float]],
        documentVector: [Float]
    ) throws {
        let chunkStatement = try db.cachedStatement(
            sql: """
                INSERT INTO chunk (namespaceId, documentId, ordinal, section, startOffset, endOffset, text)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        let vectorStatement = try db.cachedStatement(
            sql: """
                INSERT INTO embedding (namespaceId, documentId, ordinal, model, dimension, vector)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        try vectorStatement.execute(arguments: [
            namespace, document, -1, model, documentVector.count, VectorBytes.encode([documentVector]),
        ])
        for (chunk, vector) in zip(chunks, vectors) {
            try chunkStatement.execute(arguments: [
                namespace, document, chunk.ordinal, chunk.section.rawValue, chunk.range.lowerBound,
                chunk.range.upperBound, chunk.text,
            ])
            try vectorStatement.execute(arguments: [
                // A chunk's blob holds its vector and its windows' (DocumentPipeline.Embedded.chunks): the
                // dimension is that of one vector.
                namespace, document, chunk.ordinal, model, documentVector.count, VectorBytes.encode([vector]),
            ])
        }
    }

    func createIngestJob(id: String, namespace: Int64, total: Int) throws {
        try write("create ingest job") { db in
            try db.execute(
                sql: "INSERT INTO ingestJob (id, namespaceId, state, total) VALUES (?, ?, ?, ?)",
                arguments: [id, namespace, IngestState.pending.rawValue, total])
        }
    }

    func setIngestJobState(id: String, _ state: IngestState) throws {
        try write("update ingest job") { db in
            try db.execute(
                sql: """
                    UPDATE ingestJob SET state = ?, finishedAt = CASE WHEN ? THEN CURRENT_TIMESTAMP ELSE NULL END
                    WHERE id = ?
                    """, arguments: [state.rawValue, state.isFinished, id])
        }
    }

    /// The job `id`'s status; with `failures` false its failure list is left empty (progress reads the
    /// counts after every batch: reading every failure each time made a folder of bad files quadratic).
    func ingestJob(id: String, failures includeFailures: Bool) throws -> IngestJobStatus? {
        try read("read ingest job") { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT j.*, n.name AS namespace FROM ingestJob j JOIN namespace n ON n.id = j.namespaceId WHERE j.id = ?",
                    arguments: [id])
            else { return nil }
            let failures =
                includeFailures
                ? try Row.fetchAll(
                    db, sql: "SELECT source, reason FROM ingestFailure WHERE ingestJobId = ? ORDER BY id",
                    arguments: [id]
                ).map { IngestFailure(source: $0["source"], reason: $0["reason"]) } : []
            return IngestJobStatus(
                id: row["id"], namespace: row["namespace"], state: IngestState(rawValue: row["state"]) ?? .failed,
                total: row["total"], seen: row["seen"], stored: row["stored"], duplicates: row["duplicates"],
                failed: row["failed"], failures: failures)
        }
    }

    private static let candidateColumns = """
        c.id, c.identity, c.name, c.email, c.location, c.years, c.degree, c.skills, c.currentDocumentId, c.source,
        c.roles, c.evidence
        FROM candidate c
        """

    /// Decodes a row of ``candidateColumns`` by position (by name costs a lookup per column, and open
    /// decodes every candidate of a namespace). Skills are canonical names, one a line (no carriage return
    /// in a name, so the line rule of ``CandidateProfile/storedList(_:)`` is a split on the newline byte).
    private static func candidate(_ row: Row) -> CandidateRecord {
        let skills: String = row[7]
        return CandidateRecord(
            rowID: row[0], identity: row[1], name: row[2], email: row[3], location: row[4], years: row[5],
            degree: (row[6] as String?).flatMap(DegreeLevel.init),
            skills: CandidateProfile.storedList(skills),
            roles: row[10], evidence: row[11], documentID: row[8], source: row[9])
    }

    func candidates(namespace: Int64) throws -> [CandidateRecord] {
        var records: [CandidateRecord] = []
        try candidates(namespace: namespace, inBatchesOf: 4_096) { records.append(contentsOf: $0) }
        return records
    }

    func candidates(namespace: Int64, inBatchesOf size: Int, _ body: ([CandidateRecord]) -> Void) throws {
        try read("list candidates") { db in
            var batch: [CandidateRecord] = []
            batch.reserveCapacity(max(1, size))
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(Self.candidateColumns) WHERE c.namespaceId = ? ORDER BY c.id", arguments: [namespace]
            )
            while let row = try rows.next() {
                batch.append(Self.candidate(row))
                if batch.count >= size {
                    body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { body(batch) }
        }
    }

    func candidate(_ identity: CandidateID, namespace: Int64) throws -> CandidateRecord? {
        try read("find candidate") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.candidateColumns) WHERE c.namespaceId = ? AND c.identity = ?",
                arguments: [namespace, identity]
            ).map(Self.candidate)
        }
    }

    func resumeVectors(namespace: Int64, model: String) throws -> [(candidate: Int64, vector: [Float])] {
        try read("read resume vectors") { db in
            var result: [(candidate: Int64, vector: [Float])] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.id, e.vector FROM candidate c
                    JOIN embedding e ON e.documentId = c.currentDocumentId AND e.ordinal = -1 AND e.model = ?
                    WHERE c.namespaceId = ? ORDER BY c.id
                    """, arguments: [model, namespace])
            while let row = try rows.next() {
                let blob: Data = row["vector"]
                result.append((row["id"], VectorBytes.decode(blob)))
            }
            return result
        }
    }

    func documentVector(document: Int64, model: String) throws -> [Float]? {
        try read("read document vector") { db in
            try Data.fetchOne(
                db, sql: "SELECT vector FROM embedding WHERE documentId = ? AND ordinal = -1 AND model = ?",
                arguments: [document, model]
            ).map(VectorBytes.decode)
        }
    }

    func parsedResume(document: Int64) throws -> ParsedResume? {
        let json = try read("read parsed resume") { db in
            try String.fetchOne(
                db, sql: "SELECT parsed FROM document WHERE id = ? AND kind = 'resume'", arguments: [document])
        }
        return try json.map { try Self.decode(ParsedResume.self, $0) }
    }

    func resumeVersions(candidate: Int64) throws -> [ResumeVersion] {
        try read("list resume versions") { db in
            let current = try Int64.fetchOne(
                db, sql: "SELECT currentDocumentId FROM candidate WHERE id = ?", arguments: [candidate])
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, contentHash, source, format, parserVersion, ingestedAt FROM document
                    WHERE candidateId = ? AND kind = 'resume' ORDER BY id DESC
                    """, arguments: [candidate]
            ).map { row in
                ResumeVersion(
                    contentHash: row["contentHash"], source: row["source"], format: row["format"],
                    parserVersion: row["parserVersion"], ingestedAt: row["ingestedAt"],
                    isCurrent: (row["id"] as Int64) == current)
            }
        }
    }

    private static let jobColumns = """
        j.id, j.identity, d.id AS documentId, d.source, d.parsed
        FROM job j JOIN document d ON d.id = j.currentDocumentId
        """

    private static func job(_ row: Row) throws -> JobRecord {
        JobRecord(
            rowID: row["id"], identity: row["identity"], documentID: row["documentId"], source: row["source"],
            parsed: try decode(ParsedJob.self, row["parsed"] ?? "null"))
    }

    func job(_ identity: JobID, namespace: Int64) throws -> JobRecord? {
        try read("find job") { db in
            try Row.fetchOne(
                db,
                sql: "SELECT \(Self.jobColumns) WHERE j.namespaceId = ? AND j.identity = ? AND d.parsed IS NOT NULL",
                arguments: [namespace, identity]
            ).map(Self.job)
        }
    }

    func jobs(namespace: Int64) throws -> [JobRecord] {
        try read("list jobs") { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.jobColumns) WHERE j.namespaceId = ? AND d.parsed IS NOT NULL ORDER BY j.id",
                arguments: [namespace]
            ).map(Self.job)
        }
    }

    func recordMatches(_ matches: [MatchRecord], job: Int64, namespace: Int64, weights: ScoringWeights) throws {
        guard !matches.isEmpty else { return }
        let weightsJSON = try Self.json(weights)
        let encoded = try matches.map { ($0, try Self.json($0.result)) }
        try write("record match results") { db in
            // One row per candidate, job, resume version and weights: scoring the same again replaces it
            // (its time too), so repeated runs do not grow the table; a new version or new weights add one.
            let replace = try db.makeStatement(
                sql: "DELETE FROM matchResult WHERE candidateId = ? AND jobId = ? AND documentId = ? AND weights = ?")
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO matchResult (namespaceId, jobId, candidateId, documentId, score, decision, result, weights)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?
                    WHERE EXISTS (SELECT 1 FROM document WHERE id = ? AND candidateId = ?)
                    """)
            // A candidate deleted since the ranking read it has nothing left to record a result against.
            for (match, json) in encoded {
                try replace.execute(arguments: [match.candidate, job, match.document, weightsJSON])
                try statement.execute(arguments: [
                    namespace, job, match.candidate, match.document, match.result.score,
                    match.result.decision.rawValue, json, weightsJSON, match.document, match.candidate,
                ])
            }
        }
    }

    func matchResults(job: Int64, namespace: Int64) throws -> [(candidate: Int64, result: MatchResult)] {
        let rows = try read("read match results") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT candidateId, result FROM matchResult WHERE id IN
                    (SELECT MAX(id) FROM matchResult WHERE jobId = ? AND namespaceId = ? GROUP BY candidateId)
                    ORDER BY score DESC, candidateId
                    """, arguments: [job, namespace]
            ).map { (candidate: $0["candidateId"] as Int64, json: $0["result"] as String) }
        }
        return try rows.map { ($0.candidate, try Self.decode(MatchResult.self, $0.json)) }
    }

    func statuses(job: Int64, namespace: Int64) throws -> [Int64: PipelineStatus] {
        try read("read pipeline statuses") { db in
            var result: [Int64: PipelineStatus] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT candidateId, status FROM pipelineStatus WHERE jobId = ? AND namespaceId = ?",
                arguments: [job, namespace])
            {
                result[row["candidateId"]] = PipelineStatus(rawValue: row["status"]) ?? .new
            }
            return result
        }
    }

    func setStatus(
        _ status: PipelineStatus, candidate: Int64, job: Int64, namespace: Int64, note: String?
    ) throws
        -> PipelineStatusChange
    {
        try write("change pipeline status") { db in
            let current =
                try String.fetchOne(
                    db,
                    sql: "SELECT status FROM pipelineStatus WHERE jobId = ? AND candidateId = ? AND namespaceId = ?",
                    arguments: [job, candidate, namespace]
                ).flatMap(PipelineStatus.init) ?? .new
            guard current.canMove(to: status) else {
                throw EngineError.invalidStatusChange(from: current, to: status)
            }
            try db.execute(
                sql: """
                    INSERT INTO pipelineStatus (namespaceId, jobId, candidateId, status) VALUES (?, ?, ?, ?)
                    ON CONFLICT (jobId, candidateId) DO UPDATE SET status = excluded.status, updatedAt = CURRENT_TIMESTAMP
                    """, arguments: [namespace, job, candidate, status.rawValue])
            try db.execute(
                sql: """
                    INSERT INTO pipelineEvent (namespaceId, jobId, candidateId, fromStatus, toStatus, note)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [namespace, job, candidate, current.rawValue, status.rawValue, note])
            return PipelineStatusChange(from: current, to: status, note: note, at: Date())
        }
    }

    func statusHistory(candidate: Int64, job: Int64, namespace: Int64) throws -> [PipelineStatusChange] {
        try read("read pipeline history") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT fromStatus, toStatus, note, at FROM pipelineEvent
                    WHERE candidateId = ? AND jobId = ? AND namespaceId = ? ORDER BY id
                    """, arguments: [candidate, job, namespace]
            ).map { row in
                PipelineStatusChange(
                    from: PipelineStatus(rawValue: row["fromStatus"]) ?? .new,
                    to: PipelineStatus(rawValue: row["toStatus"]) ?? .new, note: row["note"], at: row["at"])
            }
        }
    }

    func deleteCandidate(_ candidate: Int64, namespace: Int64) throws {
        try write("delete candidate") { db in
            try db.execute(
                sql: "DELETE FROM candidate WHERE id = ? AND namespaceId = ?", arguments: [candidate, namespace])
            try db.execute(sql: "UPDATE namespace SET revision = revision + 1 WHERE id = ?", arguments: [namespace])
        }
    }

    func unparsedDocuments(namespace: Int64) throws -> [UnparsedDocument] {
        try read("list unparsed documents") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, COALESCE(candidateId, jobId) AS owner, source, format, text FROM document
                    WHERE namespaceId = ? AND parsed IS NULL ORDER BY id
                    """, arguments: [namespace]
            ).map {
                UnparsedDocument(
                    id: $0["id"], kind: $0["kind"], owner: $0["owner"], source: $0["source"], format: $0["format"],
                    text: $0["text"])
            }
        }
    }

    func complete(
        _ document: UnparsedDocument, with completion: DocumentCompletion, namespace: Int64, model: String
    )
        throws
    {
        let parsedJSON: String
        switch completion.parsed {
        case .resume(let resume): parsedJSON = try Self.json(resume)
        case .job(let job): parsedJSON = try Self.json(job)
        }
        try write("complete \(document.source)") { db in
            try db.execute(
                sql:
                    "UPDATE document SET parsed = ?, parserVersion = ?, readingText = ? WHERE id = ? AND namespaceId = ?",
                arguments: [
                    parsedJSON, DocumentPipeline.parserVersion, completion.reading.text, document.id, namespace,
                ])
            try insertChunks(
                db, namespace: namespace, document: document.id, model: model, chunks: completion.chunks,
                vectors: completion.chunkVectors, documentVector: completion.documentVector)
            try Self.indexForSearch(db, documents: [document.id], namespace: namespace)
            switch completion.parsed {
            case .resume(let parsed):
                let facts = RankingFacts(parsed)
                try db.execute(
                    sql: """
                        UPDATE candidate SET name = ?, email = ?, location = ?, years = ?, degree = ?, skills = ?,
                        roles = ?, evidence = ?, updatedAt = CURRENT_TIMESTAMP
                        WHERE id = ? AND namespaceId = ? AND currentDocumentId = ?
                        """,
                    arguments: [
                        parsed.contact.name, parsed.contact.email, parsed.contact.location,
                        parsed.totalExperienceYears, parsed.highestDegree?.rawValue,
                        parsed.skills.map(\.name).joined(separator: "\n"), facts.roles, facts.evidence,
                        document.owner, namespace, document.id,
                    ])
                try db.execute(sql: "UPDATE namespace SET revision = revision + 1 WHERE id = ?", arguments: [namespace])
            case .job(let parsed):
                try db.execute(
                    sql: "UPDATE job SET title = ? WHERE id = ? AND namespaceId = ?",
                    arguments: [parsed.title, document.owner, namespace])
            }
        }
    }

    /// A parsed resume as the store keeps it: JSON with sorted keys, written field by field
    /// (``ParsedResumeJSON``, the same bytes as `JSONEncoder`'s).
    static func json(_ resume: ParsedResume) throws -> String {
        try ParsedResumeJSON.string(resume) ?? encoded(resume)
    }

    /// A match result as the store keeps it (``MatchResultJSON``).
    static func json(_ result: MatchResult) throws -> String {
        try MatchResultJSON.string(result) ?? encoded(result)
    }

    /// `value` as the store keeps it: JSON with sorted keys.
    static func json<T: Encodable>(_ value: T) throws -> String { try encoded(value) }

    private static func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw StoreError.failed(operation: "decode a stored \(type)", reason: "the stored JSON does not match")
        }
    }
}

import Foundation
import ParallelWork
import ResumeParser
import VectorIndex

extension Engine {
    /// Ranks the candidates of `namespace` for a stored job, best first, and records the results.
    ///
    /// Namespaces of up to ``EngineConfiguration/exhaustiveRankingLimit`` candidates are rescored whole.
    /// Larger ones rescore a pool: the ``EngineConfiguration/rankingPoolSize`` (at least 2 × `limit`)
    /// nearest resumes to the job in the HNSW index, together with as many candidates with the highest
    /// weighted share of the job's required and preferred skills (skills weigh more than similarity in the
    /// score, so the embedding alone would miss strong keyword fits). Every candidate in the pool is scored
    /// exactly by ``MatchScorer``.
    ///
    /// - Parameters:
    ///   - limit: the most candidates returned (1 … 100,000).
    ///   - filters: conditions every returned candidate meets.
    /// - Throws: ``EngineError/unknownNamespace(_:)``, ``EngineError/unknownJob(_:namespace:)``, ``StoreError``.
    /// - Complexity: O(pool × (r + p + d)) for r required and p preferred skills and dimension d.
    public func rank(
        job id: JobID, namespace: String, limit: Int = 10, filters: RankFilters = RankFilters()
    ) async throws -> [RankedCandidate] {
        let index = try candidateIndex(namespace)
        let job = try jobRecord(id, in: index)
        let prepared = scorer.prepare(job.parsed)
        let jobVector = try store.documentVector(document: job.documentID, model: model)
        let statuses = filters.statuses == nil ? [:] : try store.statuses(job: job.rowID, namespace: index.namespaceID)
        let roster = index.snapshot(postings: index.count > configuration.exhaustiveRankingLimit)
        var positions: [Int]
        if let wanted = filters.candidates {
            positions = wanted.compactMap { roster.positionOfIdentity[$0] }.sorted()
        } else if roster.records.count <= configuration.exhaustiveRankingLimit {
            positions = Array(roster.records.indices)
        } else {
            // Never fewer than twice the candidates asked for, so that a long list is filled from the pool.
            let poolSize = min(
                max(configuration.rankingPoolSize, 2 * max(1, min(limit, 100_000))), roster.records.count)
            var pool = Set(
                Self.keywordPool(
                    roster, job: prepared, scorer: scorer, weights: configuration.weights,
                    limit: poolSize))
            if let jobVector {
                let ef = max(poolSize, configuration.index.efSearch)
                for neighbor in index.index.search(jobVector, k: poolSize, ef: ef) {
                    if let position = roster.positionOfRow[Int64(neighbor.id)] { pool.insert(position) }
                }
            }
            positions = pool.sorted()
        }
        let accept = try filter(filters, statuses: statuses)
        positions.removeAll { !accept(roster.records[$0]) }
        let similarityOfPosition: [Double?] =
            jobVector.map { vector in
                similarities(of: positions.map { roster.records[$0].rowID }, to: vector, in: index)
            } ?? positions.map { _ in nil }
        // Score the pool without explanations, on every core, then explain the few returned.
        let scores = ResultSlots<Double>(count: positions.count, initial: 0)
        ParallelMap.forEach(count: positions.count, threads: ParallelMap.threads(forItems: positions.count)) { offset in
            scores.set(
                offset,
                scorer.quickScore(
                    roster.profiles[positions[offset]], against: prepared, similarity: similarityOfPosition[offset]))
        }
        let scored = zip(positions, scores.values).enumerated().map { offset, scored in
            (position: scored.0, offset: offset, score: scored.1)
        }
        let top = scored.sorted {
            ($0.score, roster.records[$1.position].identity) > ($1.score, roster.records[$0.position].identity)
        }
        .prefix(max(1, min(limit, 100_000)))
        .map { entry in
            (
                record: roster.records[entry.position],
                result: scorer.score(
                    roster.profiles[entry.position], against: prepared,
                    similarity: similarityOfPosition[entry.offset])
            )
        }
        try store.recordMatches(
            top.compactMap { entry in
                entry.record.documentID.map {
                    MatchRecord(candidate: entry.record.rowID, document: $0, result: entry.result)
                }
            }, job: job.rowID, namespace: index.namespaceID, weights: configuration.weights)
        let allStatuses =
            filters.statuses == nil ? try store.statuses(job: job.rowID, namespace: index.namespaceID) : statuses
        return top.enumerated().map { offset, entry in
            RankedCandidate(
                rank: offset + 1, candidate: Self.summary(entry.record), result: entry.result,
                status: allStatuses[entry.record.rowID] ?? .new)
        }
    }

    /// Ranks the jobs of `namespace` for one candidate, best fit first.
    ///
    /// - Throws: ``EngineError/unknownCandidate(_:namespace:)``, ``StoreError``.
    public func rankJobs(for candidate: CandidateID, namespace: String, limit: Int = 10) async throws -> [RankedJob] {
        let index = try candidateIndex(namespace)
        let record = try record(candidate, in: index)
        let profile = CandidateProfile(record: record, referenceMonth: configuration.referenceMonth)
        var ranked: [RankedJob] = []
        for job in try store.jobs(namespace: index.namespaceID) {
            let similarity = try store.documentVector(document: job.documentID, model: model).flatMap {
                similarityOf(record.rowID, to: $0, in: index)
            }
            let result = scorer.score(profile, against: job.parsed, similarity: similarity)
            ranked.append(RankedJob(rank: 0, job: job.identity, title: job.parsed.title, result: result))
        }
        ranked.sort { ($0.result.score, $1.job) > ($1.result.score, $0.job) }
        return ranked.prefix(max(1, min(limit, 100_000))).enumerated().map { offset, job in
            var job = job
            job.rank = offset + 1
            return job
        }
    }

    /// The candidates whose newest resumes are nearest to `candidate`'s in embedding space (HNSW search).
    ///
    /// - Throws: ``EngineError/unknownCandidate(_:namespace:)``.
    public func similarCandidates(
        to candidate: CandidateID, namespace: String, limit: Int = 10
    ) throws
        -> [SimilarCandidate]
    {
        let index = try candidateIndex(namespace)
        let record = try record(candidate, in: index)
        guard let vector = index.index.vector(id: UInt64(record.rowID)) else { return [] }
        let limit = max(1, min(limit, 10_000))
        return index.index.search(vector, k: limit + 1, ef: max(limit + 1, configuration.index.efSearch))
            .filter { $0.id != UInt64(record.rowID) }
            .prefix(limit)
            .compactMap { neighbor in
                index.record(Int64(neighbor.id)).map {
                    SimilarCandidate(candidate: Self.summary($0), similarity: Double(1 - neighbor.distance))
                }
            }
    }

    /// Scores one candidate against one job from the newest resume's full parse, records the result and
    /// returns it with its explanation.
    public func explain(job id: JobID, candidate: CandidateID, namespace: String) async throws -> MatchResult {
        let index = try candidateIndex(namespace)
        let job = try jobRecord(id, in: index)
        let record = try record(candidate, in: index)
        guard let document = record.documentID, let resume = try store.parsedResume(document: document) else {
            throw EngineError.unknownCandidate(candidate, namespace: namespace)
        }
        let similarity = try store.documentVector(document: job.documentID, model: model).flatMap {
            similarityOf(record.rowID, to: $0, in: index)
        }
        let result = scorer.score(
            CandidateProfile(resume, referenceMonth: configuration.referenceMonth), against: job.parsed,
            similarity: similarity)
        try store.recordMatches(
            [MatchRecord(candidate: record.rowID, document: document, result: result)], job: job.rowID,
            namespace: index.namespaceID, weights: configuration.weights)
        return result
    }

    /// The most recent recorded result of each candidate scored for a job, best first.
    public func matchResults(job id: JobID, namespace: String) throws -> [(candidate: CandidateID, result: MatchResult)]
    {
        let index = try candidateIndex(namespace)
        let job = try jobRecord(id, in: index)
        return try store.matchResults(job: job.rowID, namespace: index.namespaceID).compactMap { row in
            index.record(row.candidate).map { ($0.identity, row.result) }
        }
    }

    /// The keyword pool: the `limit` candidates with the highest ``KeywordEstimate``. With `bounded` (the
    /// default), the estimate is computed only for the candidates whose ``KeywordPoolBound`` can reach the pool;
    /// the pool is the same.
    static func keywordPool(
        _ roster: CandidateIndex.Roster, job prepared: MatchScorer.PreparedJob, scorer: MatchScorer,
        weights: ScoringWeights, limit: Int, bounded: Bool = true
    ) -> [Int] {
        let profiles = roster.profiles
        let estimate = KeywordEstimate(prepared, scorer: scorer, weights: weights)
        return roster.mostSkillsInCommon(
            estimate.skillPoints, limit: limit, bound: bounded ? estimate.bound : nil
        ) { position, points in
            estimate(profiles[position], points: points)
        }
    }

    /// What each skill is worth to the keyword pool: the weight its requirement carries in the score
    /// (importance and core share), a related skill its credit of that, a preferred skill its share of
    /// the preferred weight. An upper bound of the skill components, so the pool holds the best keyword fits.
    /// `byTitles` lists the requirements naming the job's function with their worth, which a position in that
    /// function earns when the skills do not (``JobAnalysis/Requirement/namesFunction``).
    static func skillPoints(
        _ analysis: JobAnalysis, weights: ScoringWeights
    ) -> (skills: [String: Float], byTitles: [(skills: [String], worth: Float)]) {
        var points: [String: Float] = [:]
        var byTitles: [(skills: [String], worth: Float)] = []
        func add(_ requirement: JobAnalysis.Requirement, _ worth: Double) {
            if requirement.namesFunction { byTitles.append((requirement.skills, Float(worth))) }
            for skill in requirement.skills { points[skill] = max(points[skill] ?? 0, Float(worth)) }
            for (skill, credit) in requirement.related {
                points[skill] = max(points[skill] ?? 0, Float(worth * credit))
            }
        }
        let importance = analysis.required.reduce(0) { $0 + $1.importance }
        let cores = Double(analysis.required.filter(\.isCore).count)
        for requirement in analysis.required {
            var worth = weights.requiredSkills * requirement.importance / max(importance, 1)
            if requirement.isCore && cores > 0 { worth += weights.coreSkills / cores }
            add(requirement, worth)
        }
        for requirement in analysis.preferred {
            add(requirement, weights.preferredSkills / Double(analysis.preferred.count))
        }
        return (points, byTitles)
    }

    /// Cosine similarity of a candidate's indexed vector and `vector`.
    private func similarityOf(_ row: Int64, to vector: [Float], in index: CandidateIndex) -> Double? {
        similarities(of: [row], to: vector, in: index)[0]
    }

    /// Cosine similarities of candidates' indexed vectors and `vector` (`nil` for one not indexed), one
    /// pass over the index's memory: rank, explain and rankJobs all compute them this way, so they agree.
    private func similarities(of rows: [Int64], to vector: [Float], in index: CandidateIndex) -> [Double?] {
        guard vector.count == index.index.dimension else { return rows.map { _ in nil } }
        return index.index.distances(to: vector, ids: rows.map { UInt64($0) }).map { $0.map { Double(1 - $0) } }
    }

    private func filter(_ filters: RankFilters, statuses: [Int64: PipelineStatus]) throws -> (CandidateRecord) -> Bool {
        if let years = filters.minimumYears, !years.isFinite {
            throw EngineError.invalidConfiguration("minimum years must be a finite number")
        }
        let skill = filters.requiredSkill.map { wanted in
            pipeline.parser.skills.skills(in: wanted, isSkillList: true).first?.name ?? wanted
        }
        let place = filters.location.map {
            $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
        return { record in
            if let years = filters.minimumYears, record.years < years { return false }
            if let skill, !record.skills.contains(skill) { return false }
            if let place {
                guard
                    let location = record.location?.folding(
                        options: [.caseInsensitive, .diacriticInsensitive], locale: nil),
                    location.contains(place)
                else { return false }
            }
            if let wanted = filters.statuses, !wanted.contains(statuses[record.rowID] ?? .new) { return false }
            if let wanted = filters.candidates, !wanted.contains(record.identity) { return false }
            return true
        }
    }
}

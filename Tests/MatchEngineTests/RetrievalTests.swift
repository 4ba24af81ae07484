import Foundation
import GRDB
import ResumeParser
import TestSupport
import Testing

@testable import MatchEngine

/// A small resume as bytes, with a word no fixture has.
private func resume(_ name: String, _ marker: String, extra: String = "") -> IngestSource {
    let text = """
        \(name)
        \(name.lowercased().replacingOccurrences(of: " ", with: "."))@example.com
        SUMMARY
        Backend engineer who built the \(marker) ledger service in Go and PostgreSQL. \(extra)
        EXPERIENCE
        Software Engineer, Quokka Labs   Jan 2020 - Present
        - Built and operated the \(marker) ledger on Kubernetes.
        SKILLS
        Go, PostgreSQL, Kubernetes
        """
    return .bytes(Data(text.utf8), name: "\(name).txt")
}

@Suite("Retrieval")
struct RetrievalTests {
    static let modes: [RetrievalOptions.Mode] = [.hybrid, .dense, .bm25]

    @Test("exact terms find their resume; every passage has source, section, offsets and scores")
    func exactTerm() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        _ = try await fixture.engine.ingest(
            [resume("Ada Lovelace", "zorblax"), resume("Alan Turing", "quintar")],
            namespace: "acme"
        ).result()
        let passages = try await fixture.engine.retrieve("Who built the zorblax ledger?", namespace: "acme")
        let first = try #require(passages.first)
        #expect(first.source == "Ada Lovelace.txt" && first.kind == .resume)
        #expect(first.candidateName == "Ada Lovelace" && first.candidate == "email:ada.lovelace@example.com")
        #expect(first.text.contains("zorblax") && first.bm25Score != nil && first.cosine != nil)
        #expect(first.range.count >= first.text.utf16.count && first.fusedScore > 0)
        #expect(!passages.contains { $0.text.contains("quintar") } || passages.count > 1)
        #expect(passages.count <= 4)
    }

    @Test("namespaces never see each other's chunks, on the FTS path, the vector path and after deletes")
    func namespaceIsolation() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        _ = try await engine.ingest([resume("Ada Lovelace", "zorblax")], namespace: "a").result()
        _ = try await engine.ingest([resume("Alan Turing", "quintar")], namespace: "b").result()
        _ = try await engine.addJob(
            .bytes(Data("Zorblax engineer\nRequirements:\n- zorblax ledgers in Go".utf8), name: "job-a.txt"),
            namespace: "a")
        for mode in Self.modes {
            let options = RetrievalOptions(mode: mode, minimumSimilarity: 0, lexicalMinimumSimilarity: 0)
            let inB = try await engine.retrieve("zorblax ledger", namespace: "b", k: 100, options: options)
            #expect(inB.allSatisfy { $0.source == "Alan Turing.txt" }, "\(mode)")
            let inA = try await engine.retrieve("quintar ledger", namespace: "a", k: 100, options: options)
            #expect(inA.allSatisfy { $0.source == "Ada Lovelace.txt" || $0.source == "job-a.txt" }, "\(mode)")
            #expect(!inA.isEmpty, "\(mode)")
        }
        let bm25 = RetrievalOptions(mode: .bm25)
        #expect(try await engine.retrieve("zorblax", namespace: "b", options: bm25).isEmpty)
        #expect(
            try await engine.searchCandidates("zorblax", namespace: "b").allSatisfy {
                $0.candidate.name != "Ada Lovelace"
            })
        // The same file in both namespaces, deleted in one: the other keeps it.
        _ = try await engine.ingest([resume("Grace Hopper", "cobolt")], namespace: "a").result()
        _ = try await engine.ingest([resume("Grace Hopper", "cobolt")], namespace: "b").result()
        #expect(try await engine.retrieve("cobolt", namespace: "a", options: bm25).count >= 1)
        try engine.deleteCandidate("email:grace.hopper@example.com", namespace: "a")
        for mode in Self.modes {
            let options = RetrievalOptions(mode: mode, minimumSimilarity: 0, lexicalMinimumSimilarity: 0)
            let inA = try await engine.retrieve("cobolt ledger", namespace: "a", k: 100, options: options)
            #expect(!inA.contains { $0.source == "Grace Hopper.txt" }, "\(mode): a deleted candidate's chunks are gone")
            let inB = try await engine.retrieve("cobolt ledger", namespace: "b", k: 100, options: options)
            #expect(inB.contains { $0.source == "Grace Hopper.txt" }, "\(mode): the other namespace keeps its copy")
        }
        let rows = try engine.documentStore.read("count") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM chunkSearch WHERE chunkSearch MATCH 'cobolt'") ?? 0
        }
        let chunks = try engine.documentStore.read("count") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM chunk WHERE text LIKE '%cobolt%'") ?? 0
        }
        #expect(rows == chunks && rows > 0, "the FTS table lost the deleted candidate's rows only")
        await #expect(throws: EngineError.unknownNamespace("nowhere")) {
            try await engine.retrieve("zorblax", namespace: "nowhere")
        }
    }

    @Test("a namespace's rows are found even when another namespace's rows crowd the unscoped FTS query")
    func crowdedFullText() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let crowd = (0..<12).map { i in
            resume("Crowd Member\(i)", "zorblax", extra: "Zorblax zorblax zorblax zorblax everywhere.")
        }
        _ = try await fixture.engine.ingest(crowd, namespace: "big").result()
        _ = try await fixture.engine.ingest([resume("Ada Lovelace", "zorblax")], namespace: "small").result()
        let options = RetrievalOptions(mode: .bm25, candidatePool: 1)
        let passages = try await fixture.engine.retrieve("zorblax", namespace: "small", k: 1, options: options)
        #expect(passages.map(\.source) == ["Ada Lovelace.txt"])
        let big = try await fixture.engine.retrieve("zorblax", namespace: "big", k: 3, options: options)
        #expect(big.count == 3 && big.allSatisfy { $0.source.hasPrefix("Crowd Member") })
    }

    @Test("large indexes try the rows holding every term first")
    func conjunctiveFirst() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        // Each marker word in under a tenth of the rows, so neither is left out as common.
        let sources = (0..<260).map { i in
            switch i % 13 {
            case 0: resume("Member\(i) Person", "zorblax quintar")
            case 1: resume("Member\(i) Person", "zorblax", extra: "Zorblax zorblax zorblax zorblax.")
            case 2: resume("Member\(i) Person", "quintar", extra: "Quintar quintar quintar quintar.")
            default: resume("Member\(i) Person", "plain")
            }
        }
        let status = try await fixture.engine.ingest(sources, namespace: "acme").result()
        #expect(status.stored == 260)
        let options = RetrievalOptions(mode: .bm25, candidatePool: 5)
        let passages = try await fixture.engine.retrieve("zorblax quintar", namespace: "acme", k: 5, options: options)
        #expect(passages.count == 5)
        for passage in passages {
            let text = passage.text.lowercased()
            #expect(text.contains("zorblax") && text.contains("quintar"), "\(passage.text)")
        }
        #expect(
            FullTextQuery("zorblax quintar").expression(namespace: nil, tags: [], conjunctive: true)
                == "text : (\"zorblax\" AND \"quintar\")")
        // A filter naming every candidate: 260 tag phrases before the terms, the same passages and scores.
        let everyone = try fixture.engine.candidates(namespace: "acme").map(\.id)
        let filtered = try await fixture.engine.retrieve(
            "zorblax quintar", namespace: "acme", k: 5, filters: RetrievalFilters(candidates: everyone),
            options: options)
        #expect(filtered.map(\.source) == passages.map(\.source))
        #expect(
            filtered.map(\.bm25Score) == passages.map(\.bm25Score) && filtered.allSatisfy { ($0.bm25Score ?? 0) > 0 })
    }

    @Test("BM25 ranked in memory gives FTS5's bm25() scores, rows and order, other namespaces left out")
    func rankingMatchesFTS5() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        // Rows of many lengths and term frequencies; a second namespace shares the words.
        let sources = (0..<40).map { i in
            resume(
                "Member\(i) Person", i % 3 == 0 ? "zorblax" : "plain",
                extra: String(repeating: "Zorblax quintar. ", count: i % 5)
                    + String(repeating: "More filler words about the ledger. ", count: i % 7))
        }
        _ = try await fixture.engine.ingest(sources, namespace: "acme").result()
        _ = try await fixture.engine.ingest(
            [resume("Ada Lovelace", "zorblax", extra: "Quintar quintar.")], namespace: "other"
        ).result()
        let store = fixture.engine.store
        let chunks = try fixture.engine.chunkIndex("acme")
        for question in ["zorblax", "zorblax quintar", "ledger kubernetes", "filler zorblax quintar postgresql"] {
            let query = FullTextQuery(question)
            let stems = query.terms.map(PorterStemmer.stem)
            let expression = try #require(query.expression(namespace: nil, tags: []))
            let hits = try #require(try store.fullTextHits(expression, terms: stems, limit: 10_000))
            #expect(hits.phrases == query.terms.count && hits.termRows.count == stems.count)
            #expect(hits.statistics.rows > 40 && hits.statistics.averageTokens > 1)
            #expect(try store.fullTextHits(expression, terms: stems, limit: 3) == nil, "more matches than the limit")
            let ranked = FullTextRanking.rank(
                hits, documentCounts: hits.termRows, limit: 1_000,
                tokens: chunks.tokens(of: hits.keys) { _ in true })
            let reference = try store.searchChunks(expression, limit: 1_000).filter { chunks.entry($0.key) != nil }
            #expect(ranked.count == reference.count && ranked.count > 3, "\(question)")
            let fts5 = Dictionary(uniqueKeysWithValues: reference.map { ($0.key, $0.score) })
            for hit in ranked {
                let score = try #require(fts5[hit.key], "\(question): a row FTS5 did not match")
                #expect(abs(hit.score - score) < 1e-9 * max(1, abs(score)), "\(question): \(hit.score) vs \(score)")
            }
            #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score >= $1.score }, "best first")
            let top = FullTextRanking.rank(
                hits, documentCounts: hits.termRows, limit: 3,
                tokens: chunks.tokens(of: hits.keys) { _ in true })
            #expect(top.map(\.key) == ranked.prefix(3).map(\.key), "the bounded best are the first of the full order")
        }
        // A filter naming hundreds of candidates puts hundreds of tag phrases before the terms: only the terms are
        // counted.
        let query = FullTextQuery("zorblax quintar")
        let expression = try #require(query.expression(namespace: nil, tags: [(1...300).map { "c\($0)" }]))
        let hits = try #require(
            try store.fullTextHits(expression, terms: query.terms.map(PorterStemmer.stem), limit: 10_000))
        #expect(hits.phrases == 2 && hits.counts.count == 2 * hits.keys.count)
    }

    @Test("SQLite varints: one to nine bytes, a truncated last one left out")
    func varints() {
        #expect(SQLiteVarint.decodeAll(Data([0x00, 0x7F])) == [0, 127])
        #expect(SQLiteVarint.decodeAll(Data([0x81, 0x00, 0x82, 0x80, 0x01])) == [128, 32_769])
        #expect(SQLiteVarint.decodeAll(Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])) == [UInt64.max])
        #expect(SQLiteVarint.decodeAll(Data([0x05, 0x81])) == [5])
        #expect(SQLiteVarint.decodeAll(Data()) == [])
    }

    /// Two versions of one candidate's resume (same e-mail), each with a word of its own.
    static let twoVersions = (
        IngestSource.bytes(
            Data("Ada Lovelace\nada@example.com\nSUMMARY\nWrote the zorblax engine.".utf8), name: "v1.txt"),
        IngestSource.bytes(
            Data("Ada Lovelace\nada@example.com\nSUMMARY\nWrote the quintar engine.".utf8), name: "v2.txt")
    )

    @Test("a new version replaces the old one's chunks in both retrievers, also across a reopen")
    func newVersion() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let (v1, v2) = Self.twoVersions
        _ = try await fixture.engine.ingest([v1], namespace: "acme").result()
        #expect(try await fixture.engine.retrieve("zorblax engine", namespace: "acme").first?.source == "v1.txt")
        _ = try await fixture.engine.ingest([v2], namespace: "acme").result()
        let reopened = try fixture.reopen()
        defer { reopened.close() }
        for mode in Self.modes {
            let options = RetrievalOptions(mode: mode, minimumSimilarity: 0, lexicalMinimumSimilarity: 0)
            let passages = try await reopened.retrieve(
                "zorblax quintar engine", namespace: "acme", k: 10, options: options)
            #expect(!passages.isEmpty && Set(passages.map(\.source)) == ["v2.txt"], "\(mode)")
        }
    }

    @Test("a job's new version (same id) replaces the old one's chunks in both retrievers")
    func newJobVersion() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let requirements = ParsedJob(source: "job", title: "Engineer", requiredSkills: [])
        for text in ["Engineer for the zorblax engine.", "Engineer for the quintar engine."] {
            _ = try await fixture.engine.addJob(
                requirements: requirements, description: text, id: "job-1", namespace: "acme")
        }
        for mode in Self.modes {
            let options = RetrievalOptions(mode: mode, minimumSimilarity: 0, lexicalMinimumSimilarity: 0)
            let passages = try await fixture.engine.retrieve(
                "zorblax quintar engine", namespace: "acme", k: 10, options: options)
            #expect(passages.count == 1 && passages[0].text.contains("quintar"), "\(mode): \(passages)")
        }
    }

    @Test("two versions in one ingest batch: only the newer one's chunks reach either retriever")
    func versionsInOneBatch() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let (v1, v2) = Self.twoVersions
        let status = try await fixture.engine.ingest([v1, v2], namespace: "acme").result()
        #expect(status.stored == 2)
        for mode in Self.modes {
            let options = RetrievalOptions(mode: mode, minimumSimilarity: 0, lexicalMinimumSimilarity: 0)
            let passages = try await fixture.engine.retrieve(
                "zorblax quintar engine", namespace: "acme", k: 10, options: options)
            #expect(!passages.isEmpty && Set(passages.map(\.source)) == ["v2.txt"], "\(mode)")
        }
    }

    @Test("the chunk index catches up with writes from the store's change log and ends where a full listing ends")
    func catchUpFromChangeLog() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        let store = try #require(engine.store as? DocumentStore)
        _ = try await engine.ingest(
            [resume("Ada Lovelace", "zorblax"), resume("Alan Turing", "quintar")], namespace: "acme"
        ).result()
        _ = try await engine.ingest([resume("Grace Hopper", "vexlor")], namespace: "other").result()
        _ = try await engine.retrieve("zorblax", namespace: "acme")  // loads the chunk index
        let chunkIndex = try engine.chunkIndex("acme")
        let namespace = chunkIndex.namespaceID
        let loaded = Int64(bitPattern: chunkIndex.index.revision)
        let keysBefore = Set(try store.currentChunks(namespace: namespace).chunks.map(\.key))
        // A new candidate, a new version of another, a deleted candidate, a job and its new version.
        let (v1, v2) = Self.twoVersions
        _ = try await engine.ingest([v1, resume("Edsger Dijkstra", "plombix")], namespace: "acme").result()
        _ = try await engine.ingest([v2], namespace: "acme").result()
        try engine.deleteCandidate("email:ada.lovelace@example.com", namespace: "acme")
        let requirements = ParsedJob(source: "job", title: "Engineer", requiredSkills: [])
        for text in ["Engineer for the zorblax engine.", "Engineer for the quintar engine."] {
            _ = try await engine.addJob(requirements: requirements, description: text, id: "job-1", namespace: "acme")
        }
        // The log reaches back to the index's revision: what changed, not every chunk.
        let changes = try #require(try store.chunkChanges(namespace: namespace, since: loaded))
        #expect(changes.documents.count == 6, "\(changes.documents)")  // 2 new, 1 superseded, 1 deleted, 2 jobs
        let caughtUp = chunkIndex.catchUps.withLock { $0 }
        _ = try await engine.retrieve("plombix", namespace: "acme")  // catches up
        #expect(chunkIndex.catchUps.withLock { $0 } == caughtUp + 1)
        let listed = try store.currentChunks(namespace: namespace)
        #expect(chunkIndex.index.revision == UInt64(bitPattern: listed.revision))
        #expect(Set(chunkIndex.index.ids) == Set(listed.chunks.map(\.key)))
        for chunk in listed.chunks { #expect(chunkIndex.entry(chunk.key) == chunk) }
        for key in keysBefore.subtracting(listed.chunks.map(\.key)) { #expect(chunkIndex.entry(key) == nil) }
        // Every passage found is a current chunk of this namespace.
        let anything = RetrievalOptions(mode: .hybrid, minimumSimilarity: 0, lexicalMinimumSimilarity: 0)
        let passages = try await engine.retrieve(
            "zorblax quintar plombix ledger engine", namespace: "acme", k: 50, options: anything)
        #expect(
            !passages.isEmpty && !passages.contains { $0.source.hasPrefix("Ada Lovelace") || $0.source == "v1.txt" })
        #expect(!passages.contains { $0.source.hasPrefix("Grace Hopper") })

        // A log pruned past the index's revision: no changes to read, the index lists every chunk instead.
        let before = Int64(bitPattern: chunkIndex.index.revision)
        _ = try await engine.ingest([resume("Barbara Liskov", "quorvex")], namespace: "acme").result()
        try store.write("raise the floor") { db in
            try db.execute(
                sql: "UPDATE namespace SET chunkChangeFloor = chunkRevision WHERE id = ?", arguments: [namespace])
        }
        #expect(try store.chunkChanges(namespace: namespace, since: before) == nil)
        // An index ahead of the store (a restored database) lists every chunk too.
        let now = try store.chunkRevision(namespace: namespace)
        #expect(try store.chunkChanges(namespace: namespace, since: now) != nil)
        #expect(try store.chunkChanges(namespace: namespace, since: now + 1) == nil)
        let found = try await engine.retrieve("quorvex ledger", namespace: "acme", options: anything)
        #expect(found.first?.source == "Barbara Liskov.txt", "\(found.map(\.source))")
        let relisted = try store.currentChunks(namespace: namespace)
        #expect(Set(chunkIndex.index.ids) == Set(relisted.chunks.map(\.key)))
    }

    @Test("a stale chunk index file is brought up to date on open: deleted chunks leave, new ones come")
    func staleIndexFile() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        _ = try await fixture.engine.ingest(
            [resume("Ada Lovelace", "zorblax"), resume("Alan Turing", "quintar")],
            namespace: "acme"
        ).result()
        _ = try await fixture.engine.retrieve("zorblax", namespace: "acme")  // loads and later saves the index
        let dense = RetrievalOptions(mode: .dense, minimumSimilarity: 0)
        let engine = try fixture.reopen()
        try engine.deleteCandidate("email:ada.lovelace@example.com", namespace: "acme")
        engine.close()  // the chunk index was never loaded by this engine: its file is stale now
        let again = try fixture.reopen()
        defer { again.close() }
        let passages = try await again.retrieve("zorblax ledger", namespace: "acme", k: 100, options: dense)
        #expect(!passages.isEmpty && passages.allSatisfy { $0.source == "Alan Turing.txt" })
    }

    @Test(
        "hostile queries never reach FTS5 syntax and never trap",
        arguments: [
            "", "   ", "\"", "\"\"\"", "NEAR(a b)", "a OR", "AND", "NOT NOT", "*", "zorblax*", "tags : n1",
            "tags:\"n2\"",
            "text : zorblax", ")(", "^zorblax", "{tags text} : x", "zorblax\u{0}ledger", "😀🚀", "ﬁ ligature Ça",
            String(repeating: "zorblax ", count: 5_000), String(repeating: "(", count: 10_000),
            String(repeating: "a", count: 100_000),
        ])
    func hostileQueries(query: String) async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        _ = try await fixture.engine.ingest([resume("Ada Lovelace", "zorblax")], namespace: "acme").result()
        _ = try await fixture.engine.ingest([resume("Alan Turing", "quintar")], namespace: "other").result()
        for mode in Self.modes {
            let passages = try await fixture.engine.retrieve(
                query, namespace: "acme", k: 1_000_000, options: RetrievalOptions(mode: mode))
            #expect(passages.count <= RetrievalOptions.maximumK)
            #expect(passages.allSatisfy { $0.source == "Ada Lovelace.txt" })
        }
        let context = try await fixture.engine.context(for: query, namespace: "acme", budget: -5)
        #expect(context.text.count <= RetrievalContext.minimumBudget)
    }

    @Test("FTS queries are built from quoted terms only, with stop words dropped and bounded size")
    func queryBuilding() {
        let query = FullTextQuery("Who has \"both\" Kafka AND (Rust)? NEAR tags:n2 Ça marche")
        #expect(query.terms == ["kafka", "rust", "near", "tags", "n2", "ca", "marche"])
        let expression = query.expression(namespace: 7, tags: [["kresume"]])
        #expect(
            expression
                == "tags : \"n7\" AND tags : (\"kresume\") AND text : (\"kafka\" OR \"rust\" OR \"near\" OR \"tags\" OR \"n2\" OR \"ca\" OR \"marche\")"
        )
        #expect(FullTextQuery("who is the").expression(namespace: 1, tags: []) == nil)
        #expect(FullTextQuery("Who lowered the company's bill?").terms == ["lowered", "company", "bill"])
        #expect(FullTextQuery("Which job needs Go?").kindHint == .job)
        #expect(FullTextQuery("Who knows Go?").kindHint == .resume)
        #expect(FullTextQuery("Kafka in production").kindHint == nil)
        #expect(FullTextQuery.stemCandidates("company") == ["company", "compani", "compan", "compa", "comp", "com"])
        #expect(FullTextQuery.stemCandidates("go") == ["go"])
        #expect(FullTextQuery.stemCandidates("engineering").last == "engin", "the exact Porter stem, last")
        let common = FullTextQuery("built services kafka unheard")
        let counts = ["built": 20_000, "servic": 40_000, "kafka": 5_000]
        #expect(common.withoutCommonTerms(counts: counts, rows: 100_000).terms == ["kafka", "unheard"])
        #expect(common.withoutCommonTerms(counts: counts, rows: 500).terms == common.terms, "small indexes: unchanged")
        #expect(
            FullTextQuery("built services").withoutCommonTerms(counts: counts, rows: 100_000).terms == ["built"],
            "the rarest term stays")
        #expect(
            FullTextQuery(String(repeating: "word ", count: 100) + (0..<100).map { "t\($0)" }.joined(separator: " "))
                .terms.count == 32)
    }

    @Test(
        "the Porter stemmer stems as SQLite's FTS5 porter tokenizer does",
        arguments: [
            ("caresses", "caress"), ("ponies", "poni"), ("agreed", "agre"), ("hopping", "hop"), ("filing", "file"),
            ("happy", "happi"), ("relational", "relat"), ("generalization", "gener"), ("hopefulness", "hope"),
            ("electrical", "electr"), ("adjustment", "adjust"), ("adoption", "adopt"), ("controll", "control"),
            ("engineering", "engin"), ("certification", "certif"), ("management", "manag"), ("kafka", "kafka"),
            ("ec2", "ec2"), ("go", "go"), ("café", "café"),
        ])
    func porterStems(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test("key terms: names written with capitals, digits or joiners, not the question's framing words")
    func keyTerms() {
        #expect(FullTextQuery("Who lists Apache Kafka among their skills?").keyTerms == ["apache", "kafka"])
        #expect(FullTextQuery("Who knows scikit-learn?").keyTerms == ["scikit", "learn"])
        #expect(FullTextQuery("Which job requires MLflow and EC2?").keyTerms == ["mlflow", "ec2"])
        #expect(FullTextQuery("Who writes C++ or Node.js?").keyTerms == ["c", "node", "js"])
        #expect(FullTextQuery("Lives. Here? who moved there").keyTerms == [], "capitals that start a sentence")
        #expect(FullTextQuery("who holds a nursing license?").keyTerms == [])
        #expect(
            FullTextQuery("who knows kafka, spring boot and accounting?").keyTerms == ["kafka", "spring", "boot"],
            "skills of the taxonomy however written; generic ones are not names")
        #expect(FullTextQuery("Who lowered the company's bill?").keyTerms == [])
        #expect(FullTextQuery("Wer spricht Cafe\u{301}-Deutsch?").keyTerms == ["cafe", "deutsch"], "decomposed é")
        let query = FullTextQuery("Who studied at Oxford University?")
        let weights = query.keyTermWeights(counts: ["univers": 900], rows: 1_000)
        #expect(weights[0] > 5 * weights[1], "a name the index does not hold weighs the most")
        #expect(query.keyTermCoverage(of: "B.Sc., University of Leeds", weights: weights) < 0.2)
        #expect(query.keyTermCoverage(of: "Oxford University, 2019", weights: weights) == 1)
        #expect(query.keyTermCoverage(of: "studied at the universities of Oxford", weights: weights) == 1, "stems")
    }

    @Test("names of several words: a passage holding their words apart does not answer them")
    func namesOfSeveralWords() async throws {
        #expect(FullTextQuery("Who worked at Larkspur Insurance?").names == [["larkspur", "insurance"]])
        #expect(FullTextQuery("Which candidates are based in Melbourne, Australia?").names == [], "a comma ends a name")
        #expect(FullTextQuery("Who studied at the University of Waterloo?").names == [], "so does a stop word")
        #expect(
            FullTextQuery("Who is both a Certified Kubernetes Administrator and a Certified ScrumMaster?").names
                == [["certified", "scrummaster"]], "a skill (Kubernetes) ends a name")
        let larkspur = FullTextQuery("Who worked at Larkspur Insurance?")
        #expect(larkspur.splitsName(in: "Larkspur Payments, 2019 - 2021\nAnalyst, Harbor Insurance"))
        #expect(!larkspur.splitsName(in: "Analyst, Larkspur Insurance (2019)"))
        #expect(!larkspur.splitsName(in: "Analyst, Larkspur Payments"), "part of the name only")
        #expect(FullTextQuery("Who knows Python Django?").names == [], "two skills, not one name")
        #expect(
            !FullTextQuery("Who is a Senior Engineer?").splitsName(in: "Senior Software Engineer, 2020"),
            "a word between")
        let kestrel = FullTextQuery("What does the Kestrel Bank Site Reliability Engineer role require?")
        #expect(!kestrel.splitsName(in: "Site Reliability Engineer — Kestrel Bank"), "two names side by side")

        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        _ = try await fixture.engine.ingest(
            [
                resume("Ada Lovelace", "zorblax", extra: "Larkspur Payments analyst, then Harbor Insurance."),
                resume("Alan Turing", "quintar", extra: "Analyst at Larkspur Insurance."),
            ], namespace: "acme"
        ).result()
        let open = RetrievalOptions(minimumSimilarity: 0, lexicalMinimumSimilarity: 0, nearBestMargin: 0)
        let passages = try await fixture.engine.retrieve(
            "Who worked at Larkspur Insurance?", namespace: "acme", k: 10, options: open)
        #expect(!passages.isEmpty && passages.allSatisfy { !$0.text.contains("Harbor") }, "\(passages.map(\.text))")
    }

    @Test("a question word no chunk holds turns the lexical path off; the near-best margin keeps close passages")
    func unmatchedWords() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        _ = try await fixture.engine.ingest(
            [
                resume("Ada Lovelace", "zorblax", extra: "Holds a commercial license."),
                resume("Alan Turing", "quintar"),
            ],
            namespace: "acme"
        ).result()
        // Dense alone can never pass (bar 1): only the lexical path can return the license passage.
        func ask(_ question: String, unmatched: Double) async throws -> [Passage] {
            let options = RetrievalOptions(
                minimumSimilarity: 1, lexicalMinimumSimilarity: 0, unmatchedTermsLexicalMinimumSimilarity: unmatched,
                nearBestMargin: 0)
            return try await fixture.engine.retrieve(question, namespace: "acme", options: options)
        }
        #expect(try await ask("Who holds a commercial license?", unmatched: 1).contains { $0.text.contains("license") })
        #expect(try await ask("Who holds a nursing license?", unmatched: 1).isEmpty)
        #expect(try await ask("Who holds a nursing license?", unmatched: 0).contains { $0.text.contains("license") })
        // Near the best: "xylophonic" is in no chunk, so the lexical path is off (bar 1) and only dense scores count.
        func dense(minimum: Double, margin: Double) async throws -> [Double] {
            let options = RetrievalOptions(
                minimumSimilarity: minimum, lexicalMinimumSimilarity: 0, unmatchedTermsLexicalMinimumSimilarity: 1,
                nearBestMargin: margin)
            return try await fixture.engine.retrieve(
                "zorblax ledger service xylophonic", namespace: "acme", k: 100, options: options
            ).compactMap(\.denseScore).sorted(by: >)
        }
        let ranked = try await dense(minimum: 0, margin: 0)
        try #require(ranked.count >= 2 && ranked[0] > ranked[1], "\(ranked)")
        let (best, second) = (ranked[0], ranked[1])
        #expect(try await dense(minimum: best, margin: 0) == ranked.filter { $0 >= best })
        #expect(try await dense(minimum: best, margin: best - second + 1e-9) == ranked.filter { $0 >= second })
        #expect(throws: EngineError.self) { try RetrievalOptions(nearBestMargin: 2).validate() }
        #expect(throws: EngineError.self) {
            try RetrievalOptions(unmatchedTermsLexicalMinimumSimilarity: -1).validate()
        }
    }

    @Test("a question naming something the corpus holds keeps its BM25 match; one naming nothing it holds gets nothing")
    func namedQuestions() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        _ = try await fixture.engine.ingest(
            [resume("Ada Lovelace", "zorblax", extra: "Speaks Swahili."), resume("Alan Turing", "quintar")],
            namespace: "acme"
        ).result()
        let found = try await fixture.engine.retrieve("Who speaks Swahili?", namespace: "acme")
        #expect(found.first?.text.contains("Swahili") == true, "\(found)")
        #expect(found.allSatisfy { $0.text.contains("Swahili") || ($0.denseScore ?? 0) >= 0.5 })
        #expect(try await fixture.engine.retrieve("Who speaks Finnish?", namespace: "acme").isEmpty)
        let strict = RetrievalOptions(unmatchedNamesMinimumSimilarity: 1)
        #expect(
            try await fixture.engine.retrieve("Who built the Quokka ledger?", namespace: "acme", options: strict)
                .contains { $0.text.contains("Quokka") })
        #expect(throws: EngineError.self) {
            try RetrievalOptions(minimumKeyTermCoverage: .nan).validate()
        }
    }

    @Test("reciprocal rank fusion: a weight per list; a list of weight 0 adds its items with no score")
    func weightedFusion() {
        let lists: [[UInt64]] = [[1, 2], [2, 3]]
        let first: Double = 1 / 61
        let second: Double = 1 / 62
        let expected: [UInt64: Double] = [1: first, 2: second, 3: 0]
        let weighted = ReciprocalRankFusion.fuse(lists, k: 60, weights: [1, 0])
        #expect(weighted == expected)
        let both = ReciprocalRankFusion.fuse(lists, k: 60)[2] ?? 0
        #expect(abs(both - (first + second)) < 1e-12)
    }

    @Test("a question naming nothing indexed is ordered by dense alone; other-kind passages need their own bar")
    func describedQuestionsAndOtherKind() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        _ = try await engine.ingest(
            [resume("Ada Lovelace", "zorblax"), resume("Alan Turing", "quintar")], namespace: "acme"
        ).result()
        _ = try await engine.addJob(
            .bytes(Data("Zorblax engineer\nRequirements:\n- zorblax ledgers in Go".utf8), name: "job.txt"),
            namespace: "acme")
        let open = RetrievalOptions(minimumSimilarity: 0, lexicalMinimumSimilarity: 0, otherKindMinimumSimilarity: 0)
        let described = try await engine.retrieve("operated ledger service", namespace: "acme", k: 20, options: open)
        #expect(described.count > 2)
        #expect(zip(described, described.dropFirst()).allSatisfy { ($0.cosine ?? 0) >= ($1.cosine ?? 0) })
        let question = "Who builds Zorblax ledgers?"
        let anyKind = try await engine.retrieve(question, namespace: "acme", k: 20, options: open)
        #expect(anyKind.contains { $0.kind == .job })
        var strict = open
        strict.otherKindMinimumSimilarity = 1
        let people = try await engine.retrieve(question, namespace: "acme", k: 20, options: strict)
        #expect(!people.isEmpty && people.allSatisfy { $0.kind == .resume || ($0.denseScore ?? 0) >= 1 })
        #expect(throws: EngineError.self) { try RetrievalOptions(otherKindMinimumSimilarity: 2).validate() }
        #expect(throws: EngineError.self) { try RetrievalOptions(unnamedLexicalWeight: -1).validate() }
    }

    @Test("filters: kind, candidate, job and section")
    func filters() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        _ = try await engine.ingest(
            [resume("Ada Lovelace", "zorblax"), resume("Alan Turing", "zorblax")],
            namespace: "acme"
        ).result()
        let job = try await engine.addJob(
            .bytes(Data("Zorblax engineer\nRequirements:\n- zorblax ledgers in Go".utf8), name: "job.txt"),
            namespace: "acme")
        let all = RetrievalOptions(minimumSimilarity: 0, lexicalMinimumSimilarity: 0)
        for mode in Self.modes {
            var options = all
            options.mode = mode
            let jobs = try await engine.retrieve(
                "zorblax", namespace: "acme", k: 50, filters: RetrievalFilters(kind: .job), options: options)
            #expect(!jobs.isEmpty && jobs.allSatisfy { $0.kind == .job && $0.job == job.id }, "\(mode)")
            let turing = try await engine.retrieve(
                "zorblax", namespace: "acme", k: 50,
                filters: RetrievalFilters(candidates: ["email:alan.turing@example.com"]), options: options)
            #expect(!turing.isEmpty && turing.allSatisfy { $0.source == "Alan Turing.txt" }, "\(mode)")
            let skills = try await engine.retrieve(
                "zorblax go postgresql", namespace: "acme", k: 50, filters: RetrievalFilters(sections: [.skills]),
                options: options)
            #expect(!skills.isEmpty && skills.allSatisfy { $0.section == .skills }, "\(mode)")
            let byJob = try await engine.retrieve(
                "zorblax", namespace: "acme", k: 50, filters: RetrievalFilters(jobs: [job.id]), options: options)
            #expect(!byJob.isEmpty && byJob.allSatisfy { $0.kind == .job }, "\(mode)")
        }
        await #expect(throws: EngineError.unknownCandidate("nobody", namespace: "acme")) {
            try await engine.retrieve("zorblax", namespace: "acme", filters: RetrievalFilters(candidates: ["nobody"]))
        }
    }

    @Test("context: numbered citations within the budget; search ranks candidates by their best passages")
    func contextAndSearch() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        let engine = fixture.engine
        _ = try await engine.ingest(
            [resume("Ada Lovelace", "zorblax"), resume("Alan Turing", "quintar")],
            namespace: "acme"
        ).result()
        let options = RetrievalOptions(minimumSimilarity: 0, lexicalMinimumSimilarity: 0)
        let context = try await engine.context(
            for: "zorblax ledger", namespace: "acme", budget: 1_000, k: 4, options: options)
        #expect(context.text.hasPrefix("[1] Ada Lovelace.txt — Ada Lovelace, "))
        #expect(context.text.count <= 1_000 && !context.citations.isEmpty)
        for number in 1...context.citations.count { #expect(context.text.contains("[\(number)] ")) }
        let small = try await engine.context(for: "zorblax ledger", namespace: "acme", budget: 200, options: options)
        #expect(small.text.count <= 200 && small.citations.count == 1)
        let found = try await engine.searchCandidates("zorblax ledger", namespace: "acme", options: options)
        #expect(found.first?.candidate.name == "Ada Lovelace" && found.first?.rank == 1)
        #expect(found.first?.passages.isEmpty == false)
    }

    @Test("schemas v4, v6 and v7 backfill the chunks of a v3 database and keep the chunk revision")
    func migrationBackfill() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        _ = try await fixture.engine.ingest([resume("Ada Lovelace", "zorblax")], namespace: "acme").result()
        let path = fixture.folder.appendingPathComponent("engine.sqlite").path
        fixture.engine.close()
        // Roll the database back to v3 as an older engine left it: no FTS table, no chunk revision (v6 and v7,
        // which run again after v4, only dropped v4's triggers).
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(
                sql: """
                    DROP TRIGGER chunk_search_delete;
                    DROP TABLE chunkSearchTerms; DROP TABLE chunkSearch; ALTER TABLE namespace DROP COLUMN chunkRevision;
                    DELETE FROM grdb_migrations WHERE identifier IN
                        ('v4: retrieval', 'v6: full-text rows per write', 'v7: superseded full-text rows per write');
                    """)
        }
        try queue.close()
        let reopened = try fixture.reopen()
        defer { reopened.close() }
        let passages = try await reopened.retrieve("zorblax", namespace: "acme", options: RetrievalOptions(mode: .bm25))
        #expect(passages.first?.source == "Ada Lovelace.txt")
        let namespace = try #require(try reopened.documentStore.namespaceID("acme", create: false))
        let revision = try reopened.documentStore.chunkRevision(namespace: namespace)
        #expect(revision > 0)
        _ = try await reopened.addJob(.bytes(Data("Job\nRequirements:\n- Go".utf8), name: "job.txt"), namespace: "acme")
        #expect(try reopened.documentStore.chunkRevision(namespace: namespace) > revision, "a job's chunks bump it")
    }
}

import Foundation
import MatchEngine
import TestSupport
import Testing

/// An ingest job's per-document outcomes are complete, however its events are read (the events stream
/// keeps only the newest 1,024).
@Suite("Ingest outcomes")
struct IngestOutcomeTests {
    static func resume(_ number: Int) -> Data {
        Data("Person \(number)\nperson\(number)@example.com\nSkills: Swift, Go\n".utf8)
    }

    @Test("with nobody reading the events, every document's outcome is there: stored, duplicate, failed")
    func completeWithoutReading() async throws {
        let fixture = try EngineFixture()
        defer { fixture.cleanUp() }
        var sources = (0..<1_100).map { IngestSource.bytes(Self.resume($0), name: "cv-\($0).txt") }
        sources.append(.bytes(Self.resume(3), name: "copy-of-3.txt"))
        sources.append(.bytes(Data([0xFF, 0xFE, 0x00, 0x00]), name: "binary.txt"))
        sources.append(.bytes(Data(), name: "empty.txt"))
        let job = try fixture.engine.ingest(sources, namespace: "default")
        let status = await job.result()
        let outcomes = await job.outcomes()
        #expect(outcomes.count == sources.count)
        #expect(Set(outcomes.map(\.source)) == Set(sources.map(\.name)))
        let byKind = Dictionary(grouping: outcomes, by: \.kind)
        #expect(byKind[.stored]?.count == 1_100 && status.stored == 1_100)
        #expect(byKind[.duplicate]?.map(\.source) == ["copy-of-3.txt"] && status.duplicates == 1)
        #expect(Set(byKind[.failed]?.map(\.source) ?? []) == ["binary.txt", "empty.txt"] && status.failed == 2)
        let copy = outcomes.first { $0.source == "copy-of-3.txt" }?.candidate
        #expect(copy != nil && copy == outcomes.first { $0.source == "cv-3.txt" }?.candidate)
        #expect(byKind[.failed]?.allSatisfy { $0.candidate == nil } == true)
        // The stream kept only the newest events: outcomes are not read from it.
        var events = 0
        for await _ in job.events { events += 1 }
        #expect(events <= 1_024)
    }

    /// Hashing vectors, except that a request holding "POISON" (or any request, when `failsAll`) is refused
    /// as a server would refuse it.
    struct RefusingProvider: EmbeddingProvider {
        var failsAll = false
        let hashing = HashingEmbedder()
        var dimension: Int { hashing.dimension }
        var modelIdentifier: String { "refusing-test" }

        func embed(_ texts: [String]) async throws -> [[Float]] {
            if failsAll || texts.contains(where: { $0.contains("POISON") }) {
                throw EmbeddingError.requestRejected(provider: "refusing-test", status: 400, message: "refused")
            }
            return try await hashing.embed(texts)
        }
    }

    @Test("a document the provider refuses fails alone; the rest of its batch and the job go on")
    func refusedDocumentAlone() async throws {
        let fixture = try EngineFixture { $0.provider = RefusingProvider() }
        defer { fixture.cleanUp() }
        var sources = (0..<20).map { IngestSource.bytes(Self.resume($0), name: "cv-\($0).txt") }
        sources[5] = .bytes(Data("Poison Person\npoison@example.com\nSkills: POISON\n".utf8), name: "poison.txt")
        let job = try fixture.engine.ingest(sources, namespace: "default")
        let status = await job.result()
        #expect(status.state == .succeeded)
        #expect(status.stored == 19 && status.failed == 1)
        #expect(status.failures.map(\.source) == ["poison.txt"])
        #expect(status.failures.first?.reason.contains("HTTP 400") == true, "\(status.failures)")
        let outcomes = await job.outcomes()
        #expect(outcomes.count == 20 && outcomes.filter { $0.kind == .stored }.count == 19)
    }

    @Test("a provider that refuses everything stops the job after three tries alone, every document accounted")
    func providerFailing() async throws {
        let fixture = try EngineFixture { $0.provider = RefusingProvider(failsAll: true) }
        defer { fixture.cleanUp() }
        let sources = (0..<10).map { IngestSource.bytes(Self.resume($0), name: "cv-\($0).txt") }
        let job = try fixture.engine.ingest(sources, namespace: "default")
        let status = await job.result()
        #expect(status.state == .failed)
        #expect(status.stored == 0 && status.failed == 10)
        #expect(await job.outcomes().filter { $0.kind == .failed }.count == 10)
    }
}

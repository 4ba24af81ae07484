import Testing

@testable import MatchEngine

@Suite("Hashing embedder")
struct HashingEmbedderTests {
    let embedder = HashingEmbedder(dimension: 256)

    func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    @Test("deterministic, unit length, with the requested dimension")
    func basics() async throws {
        let vectors = try await embedder.embed(["Senior Swift developer", "Senior Swift developer", ""])
        #expect(vectors[0] == vectors[1])
        #expect(vectors[0].count == 256)
        #expect(abs(vectors[0].reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
        #expect(vectors[2].allSatisfy { $0 == 0 }, "no words, no features")
        #expect(embedder.modelIdentifier == "hashing-v1-256")
        // Fixed across runs and machines: FNV-1a of a known string.
        #expect(HashingEmbedder.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test("shared words and spelling variants are closer than unrelated text")
    func similarity() {
        let resume = embedder.vector("Backend engineer: Python, PostgreSQL, Docker, Kubernetes")
        let job = embedder.vector("We need a backend engineer with Python and PostgreSQL")
        let unrelated = embedder.vector("Registered nurse, patient care, night shifts")
        #expect(cosine(resume, job) > cosine(resume, unrelated) + 0.2)
        let short = embedder.vector("Postgres")
        #expect(cosine(short, embedder.vector("PostgreSQL")) > cosine(short, embedder.vector("Kubernetes")))
        #expect(embedder.vector("Zoë Müller") == embedder.vector("zoe muller"))
        #expect(HashingEmbedder.words("C++, C# and .NET") == ["c++", "c#", "and", "net"])
    }
}

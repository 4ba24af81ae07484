import Foundation
import ResumeParser
import VectorIndex

/// The one path from a document to what the engine stores: bytes → format → text → ``ParsedResume`` or
/// ``ParsedJob`` → reading-order text → chunks → vectors (through any ``EmbeddingProvider``, so caches,
/// HTTP providers and resilient chains take part).
///
/// Long documents are windowed here, for every provider: each chunk is embedded on its own and the
/// document's vector is the normalised mean of its chunks' vectors. At most ``maximumChunks`` chunks
/// are embedded per document.
public struct DocumentPipeline: Sendable {
    /// Bumped when parsing changes what it finds; stored with every document.
    public static let parserVersion = 1

    /// A document read, parsed and chunked, not yet embedded.
    public struct Prepared<Parsed: Sendable>: Sendable {
        /// The source (see ``IngestSource``'s naming rule).
        public var source: String
        /// SHA-256 of the bytes, lower-case hex.
        public var contentHash: String
        /// What was read from the bytes.
        public var extracted: ExtractedText
        /// The parse: a ``ParsedResume`` or a ``ParsedJob``.
        public var parsed: Parsed
        /// The reading-order text the chunks point into.
        public var reading: ReadingText
        /// The chunks to embed (at most ``DocumentPipeline/maximumChunks``).
        public var chunks: [Chunk]
    }

    /// A resume read, parsed and chunked.
    public typealias PreparedResume = Prepared<ParsedResume>
    /// A job description read, parsed and chunked.
    public typealias PreparedJob = Prepared<ParsedJob>

    /// A document's vectors: those of each chunk, and the document's (the normalised mean of the chunks' own).
    public struct Embedded: Sendable {
        /// The document's vector, unit length.
        public var document: [Float]
        /// One entry per chunk, in chunk order: the chunk's vector, then the vectors of its
        /// ``ChunkWindows`` (none for a short chunk), each of the provider's dimension, end to end.
        public var chunks: [[Float]]
    }

    /// Reads and parses.
    public let parser: DocumentParser
    /// Cuts reading-order text into chunks.
    public let chunker: Chunker
    /// The most chunks embedded per document.
    public let maximumChunks: Int

    /// A pipeline with these parts.
    public init(parser: DocumentParser = DocumentParser(), chunker: Chunker = Chunker(), maximumChunks: Int = 48) {
        self.parser = parser
        self.chunker = chunker
        self.maximumChunks = max(1, maximumChunks)
    }

    /// Reads, parses and chunks a resume. Synchronous CPU work: run it off the cooperative pool.
    ///
    /// - Throws: ``ParseError`` naming the source.
    public func prepareResume(_ source: IngestSource) throws -> PreparedResume {
        try prepare(source) { text, name, format in
            parser.parseResumeWithReadingText(text: text, source: name, format: format)
        }
    }

    /// Reads, parses and chunks a job description.
    ///
    /// - Throws: ``ParseError`` naming the source.
    public func prepareJob(_ source: IngestSource) throws -> PreparedJob {
        try prepare(source) { text, name, format in
            (parser.parseJob(text: text, source: name, format: format), parser.readingText(ofJob: text, format: format))
        }
    }

    private func prepare<Parsed>(
        _ source: IngestSource, parse: (String, String, String) -> (Parsed, ReadingText)
    ) throws -> Prepared<Parsed> {
        let (data, extracted) = try read(source)
        let (parsed, text) = parse(extracted.text, source.name, extracted.format.rawValue)
        return Prepared(
            source: source.name, contentHash: SHA256.hexDigest(of: data), extracted: extracted, parsed: parsed,
            reading: text, chunks: try chunks(of: text, source: source.name))
    }

    /// Embeds the chunks of many documents, and their windows, in one provider call (so batching, caching
    /// and retries work across documents) and averages each document's chunk vectors.
    ///
    /// - Parameter windows: how chunks are cut into windows embedded beside them (see ``Embedded/chunks``).
    /// - Throws: the provider's error; ``EmbeddingError/malformedResponse(provider:reason:)`` when it
    ///   returns the wrong number or length of vectors.
    public static func embed(
        _ documents: [[Chunk]], with provider: any EmbeddingProvider, windows: ChunkWindows = ChunkWindows()
    ) async throws -> [Embedded] {
        var texts: [String] = []
        // Per chunk, how many texts it contributed (itself and its windows).
        var spans: [[Int]] = []
        for chunks in documents {
            spans.append(
                chunks.map { chunk in
                    let own = windows.windows(of: chunk.text)
                    texts.append(chunk.text)
                    texts.append(contentsOf: own)
                    return 1 + own.count
                })
        }
        guard !texts.isEmpty else { return [] }
        let vectors = try await provider.embed(texts)
        guard vectors.count == texts.count, vectors.allSatisfy({ $0.count == provider.dimension }) else {
            throw EmbeddingError.malformedResponse(
                provider: provider.modelIdentifier, reason: "\(vectors.count) vectors for \(texts.count) texts")
        }
        var result: [Embedded] = []
        var next = 0
        for counts in spans {
            var own: [[Float]] = []
            var chunkVectors: [[Float]] = []
            for count in counts {
                own.append(vectors[next])
                chunkVectors.append(Array(vectors[next..<(next + count)].joined()))
                next += count
            }
            result.append(Embedded(document: mean(own, dimension: provider.dimension), chunks: chunkVectors))
        }
        return result
    }

    /// The normalised mean of unit vectors (the one vector itself when there is one).
    static func mean(_ vectors: [[Float]], dimension: Int) -> [Float] {
        if vectors.count == 1 { return vectors[0] }
        var sum = [Float](repeating: 0, count: dimension)
        for vector in vectors { for c in 0..<dimension { sum[c] += vector[c] } }
        sum.withUnsafeMutableBufferPointer { Distance.normalize($0) }
        return sum
    }

    private func read(_ source: IngestSource) throws -> (Data, ExtractedText) {
        let data: Data
        switch source.content {
        case .file(let url):
            data = try parser.extractor.readFile(at: url)
        case .bytes(let bytes):
            guard bytes.count <= parser.extractor.limits.maximumFileBytes else {
                throw ParseError.fileTooLarge(
                    source: source.name, size: bytes.count, limit: parser.extractor.limits.maximumFileBytes)
            }
            data = bytes
        }
        return (data, try parser.extractor.extract(data, source: source.name))
    }

    private func chunks(of reading: ReadingText, source: String) throws -> [Chunk] {
        let chunks = chunker.chunks(of: reading, limit: maximumChunks)
        guard !chunks.isEmpty else { throw ParseError.emptyDocument(source: source) }
        return chunks
    }
}

import Foundation
import ParallelWork

extension Engine {
    /// Which of these files are already stored as resumes in `namespace` — by the SHA-256 of their bytes,
    /// the rule ingest uses for duplicates — with the candidate each belongs to, without parsing them.
    ///
    /// A host that re-submits a folder can ingest only the rest: a second run over the same files then
    /// costs their reads and hashes, not their parsing. Files that cannot be read (or are over the
    /// parser's size limit) are left out, so that ingest reports them.
    ///
    /// - Throws: ``EngineError/invalidNamespace(_:)``, ``StoreError``.
    /// - Complexity: one bounded read and one SHA-256 per file, on every core; one store lookup per file.
    ///   None of it when the namespace holds no resume yet.
    public func storedCandidates(forFiles urls: [URL], namespace: String) async throws -> [URL: CandidateID] {
        try checkOpen()
        let name = try Identity.validate(namespace: namespace)
        // A namespace without resumes (the first import) holds none of them: nothing to read and hash.
        guard !urls.isEmpty, let namespaceID = try store.namespaceID(name, create: false),
            try store.hasResumes(namespace: namespaceID)
        else { return [:] }
        let extractor = pipeline.parser.extractor
        let hashes: [String?] = try await Self.offPool {
            ParallelMap.map(urls) { url in
                (try? extractor.readFile(at: url)).map { SHA256.hexDigest(of: $0) }
            }
        }
        let known = try store.storedResumeHashes(hashes.compactMap { $0 }, namespace: namespaceID)
        var stored: [URL: CandidateID] = [:]
        for (url, hash) in zip(urls, hashes) {
            if let hash, let candidate = known[hash] { stored[url] = candidate }
        }
        return stored
    }
}

import Foundation

/// A candidate's id within a namespace.
///
/// **Identity rule.** The id the host gave with the document (``IngestSource/candidateID``); else the
/// e-mail address found in the resume, lower-cased and trimmed, as `email:jane.doe@example.com`; else the
/// SHA-256 of the file's bytes, as `sha256:…`. A new document with the same id is a new version of that
/// candidate (the newest version is the one ranked; older ones are kept).
public typealias CandidateID = String

/// A job's id within a namespace: the id the host gave, else `sha256:` and the SHA-256 of its bytes.
public typealias JobID = String

enum Identity {
    static func candidate(hostID: String?, email: String?, contentHash: String) -> CandidateID {
        if let hostID, !hostID.isEmpty { return hostID }
        if let email = email?.trimmingCharacters(in: .whitespaces).lowercased(), !email.isEmpty {
            return "email:\(email)"
        }
        return "sha256:\(contentHash)"
    }

    static func job(hostID: String?, contentHash: String) -> JobID {
        if let hostID, !hostID.isEmpty { return hostID }
        return "sha256:\(contentHash)"
    }

    /// Namespaces are names a host chooses: 1 to 128 bytes of UTF-8 without control characters.
    static func validate(namespace: String) throws -> String {
        guard !namespace.isEmpty, namespace.utf8.count <= 128,
            !namespace.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw EngineError.invalidNamespace(namespace) }
        return namespace
    }
}

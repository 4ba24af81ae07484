import Foundation
import VectorIndex

/// Deterministic embeddings without a model: feature hashing of word unigrams and bigrams, plus
/// character trigrams for short texts (so "Postgres" and "PostgreSQL" share features), signed and L2
/// normalised. Same text, same vector, on every machine and run.
///
/// For tests, for hosts that cannot ship the model, and as the last fallback of a provider chain. It
/// captures shared words, not meaning: "car" and "automobile" are unrelated to it.
public struct HashingEmbedder: EmbeddingProvider {
    /// The length of every vector (384 by default, like MiniLM).
    public let dimension: Int
    /// `hashing-v1-DIMENSION`: stored with every vector, so hashed vectors never mix with a model's.
    public var modelIdentifier: String { "hashing-v1-\(dimension)" }
    /// Texts with at most this many words also contribute character trigrams.
    public let shortTextWords = 4

    /// - Precondition: `dimension > 0`.
    public init(dimension: Int = 384) {
        precondition(dimension > 0, "dimension must be positive")
        self.dimension = dimension
    }

    /// One ``vector(_:)`` per text, in order. Never throws.
    ///
    /// - Complexity: O(length of the texts).
    public func embed(_ texts: [String]) async throws -> [[Float]] { texts.map(vector) }

    /// The vector for one text; all zeros when the text has no letters or digits.
    public func vector(_ text: String) -> [Float] {
        let words = Self.words(text)
        var vector = [Float](repeating: 0, count: dimension)
        func add(_ feature: String, weight: Float) {
            let hash = Self.fnv1a(feature)
            let sign: Float = hash & (1 << 63) == 0 ? 1 : -1
            vector[Int(hash % UInt64(dimension))] += sign * weight
        }
        for word in words { add("w:" + word, weight: 1) }
        for (first, second) in zip(words, words.dropFirst()) { add("b:" + first + " " + second, weight: 0.5) }
        if words.count <= shortTextWords {
            for word in words {
                let characters = Array("^" + word + "$")
                for start in 0..<max(0, characters.count - 2) {
                    add("c:" + String(characters[start..<start + 3]), weight: 0.3)
                }
            }
        }
        vector.withUnsafeMutableBufferPointer { Distance.normalize($0) }
        return vector
    }

    /// Lower-cased, accent-folded words; symbols that are part of skill names (`+`, `#`, `.`) stay.
    static func words(_ text: String) -> [String] {
        let folded = text.folding(
            options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        return folded.split { !($0.isLetter || $0.isNumber || $0 == "+" || $0 == "#" || $0 == ".") }
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty }
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

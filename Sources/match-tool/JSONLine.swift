import Foundation

/// Compact, key-sorted JSON on one line, for JSON-lines output.
enum JSONLine {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            return "{\"error\":\"cannot encode: \(error)\"}"
        }
    }
}

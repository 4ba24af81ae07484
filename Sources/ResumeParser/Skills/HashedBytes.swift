/// A byte string as a set member or key, hashed in one call: `[UInt8]`'s own hashing feeds the hasher a
/// byte at a time (the 17,000 folded forms of the skill taxonomy spent 40 M instructions there).
struct HashedBytes: Hashable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (left: HashedBytes, right: HashedBytes) -> Bool { left.bytes == right.bytes }
}

/// A list of role families and their phrases, ready to be looked for in an ASCII text in one pass: each
/// phrase is filed under its first two bytes, so a position of the text is compared only with the phrases
/// that start as it does (`RoleFunction.of` read each title once per phrase, 89 scans of it).
///
/// A phrase is found wherever its bytes occur, as `containsLiteral` finds an ASCII phrase in an ASCII text.
struct PhraseTable: Sendable {
    /// What a lookup gives: the first family of the list with a phrase in the text (`nil` for none), or
    /// `unread` for a text that is not ASCII (or a list with a phrase that is not ASCII or is shorter than two
    /// bytes), which the caller reads phrase by phrase.
    enum Lookup: Equatable {
        case read(RoleFunction?)
        case unread
    }

    let list: [(RoleFunction, [String])]
    /// Per first two bytes (`first << 8 | second`), the phrases starting with them and their family's place.
    private let phrasesByStart: [UInt16: [(family: Int, bytes: [UInt8])]]
    private let usable: Bool

    init(_ list: [(RoleFunction, [String])]) {
        self.list = list
        var byStart: [UInt16: [(family: Int, bytes: [UInt8])]] = [:]
        var usable = true
        for (place, (_, phrases)) in list.enumerated() {
            for phrase in phrases {
                let bytes = Array(phrase.utf8)
                guard bytes.count >= 2, bytes.allSatisfy({ $0 < 0x80 }) else {
                    usable = false
                    continue
                }
                byStart[UInt16(bytes[0]) << 8 | UInt16(bytes[1]), default: []].append((place, bytes))
            }
        }
        phrasesByStart = byStart
        self.usable = usable
    }

    func lookUp(_ text: String) -> Lookup {
        guard usable else { return .unread }
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Lookup in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .unread }
            var best = Int.max
            var start = 0
            while start + 1 < bytes.count {
                if let candidates = phrasesByStart[UInt16(bytes[start]) << 8 | UInt16(bytes[start + 1])] {
                    for (family, phrase) in candidates
                    where family < best && start + phrase.count <= bytes.count
                        && phrase.indices.allSatisfy({ bytes[start + $0] == phrase[$0] })
                    {
                        best = family
                    }
                }
                start += 1
            }
            return .read(best < list.count ? list[best].0 : nil)
        }
        return result ?? .unread
    }
}

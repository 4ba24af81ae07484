/// The Porter stemmer (M. F. Porter, 1980, "An algorithm for suffix stripping"; the steps of his reference C
/// implementation), as SQLite's FTS5 `porter` tokenizer applies it: the full-text index stores these stems, so
/// ``FullTextQuery`` finds a question's word in the index by its stem ("engineering" → "engin"). Words of
/// three to 64 lowercase ASCII letters and digits are stemmed; any other word is returned unchanged.
enum PorterStemmer {
    /// The stem of `word` (folded, lowercase).
    ///
    /// - Complexity: O(n) in the length of `word` (at most 64 bytes are stemmed).
    static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard (3...64).contains(bytes.count), bytes.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) })
        else { return word }
        var stemmer = Stemmer(b: bytes)
        stemmer.run()
        return String(decoding: stemmer.b[0...stemmer.k], as: UTF8.self)
    }

    /// The reference implementation's state, named as there: the word is `b[0...k]`, and `j` is the last
    /// index of the stem before the suffix that ``ends(_:)`` found last.
    private struct Stemmer {
        var b: [UInt8]
        var k: Int
        var j = 0

        init(b: [UInt8]) {
            self.b = b
            k = b.count - 1
        }

        private func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case 97, 101, 105, 111, 117: return false
            case 121: return i == 0 ? true : !isConsonant(i - 1)
            default: return true
            }
        }

        /// The number of consonant sequences between 0 and j: [C](VC)^m[V].
        private func measure() -> Int {
            var n = 0
            var i = 0
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
            while true {
                while true {
                    if i > j { return n }
                    if isConsonant(i) { break }
                    i += 1
                }
                i += 1
                n += 1
                while true {
                    if i > j { return n }
                    if !isConsonant(i) { break }
                    i += 1
                }
                i += 1
            }
        }

        private func vowelInStem() -> Bool { (0...max(0, j)).contains { $0 <= j && !isConsonant($0) } }

        private func doubleConsonant(_ i: Int) -> Bool { i >= 1 && b[i] == b[i - 1] && isConsonant(i) }

        /// consonant-vowel-consonant at i-2 … i, the last not w, x or y.
        private func cvc(_ i: Int) -> Bool {
            guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
            return b[i] != 119 && b[i] != 120 && b[i] != 121
        }

        private mutating func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            guard s.count <= k + 1, Array(b[(k - s.count + 1)...k]) == s else { return false }
            j = k - s.count
            return true
        }

        /// Replaces j+1 … k with `replacement`.
        private mutating func setTo(_ replacement: String) {
            let r = Array(replacement.utf8)
            b.replaceSubrange((j + 1)..<(k + 1), with: r)
            k = j + r.count
        }

        private mutating func replace(_ replacement: String) { if measure() > 0 { setTo(replacement) } }

        mutating func run() {
            step1ab()
            if k > 0 {
                step1c()
                step2()
                step3()
                step4()
                step5()
            }
        }

        private mutating func step1ab() {
            if b[k] == 115 {  // s
                if ends("sses") {
                    k -= 2
                } else if ends("ies") {
                    setTo("i")
                } else if k >= 1 && b[k - 1] != 115 {
                    k -= 1
                }
            }
            if ends("eed") {
                if measure() > 0 { k -= 1 }
            } else if (ends("ed") || ends("ing")) && vowelInStem() {
                k = j
                if ends("at") {
                    setTo("ate")
                } else if ends("bl") {
                    setTo("ble")
                } else if ends("iz") {
                    setTo("ize")
                } else if doubleConsonant(k) {
                    k -= 1
                    if b[k] == 108 || b[k] == 115 || b[k] == 122 { k += 1 }
                } else {
                    j = k
                    if measure() == 1 && cvc(k) { setTo("e") }
                }
            }
        }

        private mutating func step1c() {
            if ends("y") && vowelInStem() { b[k] = 105 }
        }

        private static let step2Rules: [(String, String)] = [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"),
            ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"),
            ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ]
        private static let step3Rules: [(String, String)] = [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
            ("ness", ""),
        ]
        private static let step4Suffixes = [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
            "ate", "iti", "ous", "ive", "ize",
        ]

        private mutating func step2() {
            for (suffix, replacement) in Self.step2Rules where ends(suffix) {
                replace(replacement)
                return
            }
        }

        private mutating func step3() {
            for (suffix, replacement) in Self.step3Rules where ends(suffix) {
                replace(replacement)
                return
            }
        }

        private mutating func step4() {
            for suffix in Self.step4Suffixes where ends(suffix) {
                if suffix == "ion" && !(j >= 0 && (b[j] == 115 || b[j] == 116)) { return }
                if measure() > 1 { k = j }
                return
            }
        }

        private mutating func step5() {
            j = k
            if b[k] == 101 {
                let a = measure()
                if a > 1 || (a == 1 && !cvc(k - 1)) { k -= 1 }
            }
            if b[k] == 108 && doubleConsonant(k) && measure() > 1 { k -= 1 }
        }
    }
}

/// A multi-pattern byte matcher (Aho & Corasick, 1975): every occurrence of every pattern in one pass
/// over the text, however many patterns there are.
///
/// Children of each state are kept sorted in one flat array (binary search), so a 250,000-state
/// automaton takes a few megabytes instead of a 256-wide table per state.
///
/// - Complexity: building O(total pattern length · log σ); matching O(text length · log σ + matches).
struct AhoCorasick: Sendable {
    /// One occurrence: `pattern` ends just before byte offset `end`.
    struct Occurrence: Equatable {
        var pattern: Int
        var end: Int
    }

    private var childStart: [Int32] = []  // per state, into `childBytes`/`childStates`
    private var childCount: [UInt16] = []
    private var childBytes: [UInt8] = []
    private var childStates: [Int32] = []
    private var failure: [Int32] = []
    /// Patterns ending at each state, as a linked list through `outputNext` (including those reached
    /// by failure links, via `dictionaryLink`).
    private var outputHead: [Int32] = []
    private var outputPattern: [Int32] = []
    private var outputNext: [Int32] = []
    private var dictionaryLink: [Int32] = []
    private(set) var patternLengths: [Int] = []

    init(patterns: [[UInt8]]) {
        // 1. A trie with dictionary children, then frozen into sorted flat arrays.
        var children: [[UInt8: Int32]] = [[:]]
        var terminal: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern {
                if let next = children[state][byte] {
                    state = Int(next)
                } else {
                    children.append([:])
                    terminal.append([])
                    children[state][byte] = Int32(children.count - 1)
                    state = children.count - 1
                }
            }
            terminal[state].append(Int32(index))
            patternLengths.append(pattern.count)
        }
        let stateCount = children.count
        childStart.reserveCapacity(stateCount)
        for state in 0..<stateCount {
            childStart.append(Int32(childBytes.count))
            childCount.append(UInt16(children[state].count))
            for (byte, next) in children[state].sorted(by: { $0.key < $1.key }) {
                childBytes.append(byte)
                childStates.append(next)
            }
        }
        outputHead = Array(repeating: -1, count: stateCount)
        for state in 0..<stateCount {
            for pattern in terminal[state] {
                outputPattern.append(pattern)
                outputNext.append(outputHead[state])
                outputHead[state] = Int32(outputPattern.count - 1)
            }
        }
        // 2. Failure and dictionary links, breadth first. Local arrays, no closures over `self`: mutating
        // a stored array while `self` is captured would copy it on every write.
        let starts = childStart
        let counts = childCount
        let bytes = childBytes
        let targets = childStates
        func child(of state: Int, byte: UInt8) -> Int32? {
            Self.find(byte, in: Int(starts[state])..<Int(starts[state]) + Int(counts[state]), bytes, targets)
        }
        var failure = [Int32](repeating: 0, count: stateCount)
        var dictionaryLink = [Int32](repeating: -1, count: stateCount)
        var queue: [Int32] = []
        queue.reserveCapacity(stateCount)
        for index in Int(starts[0])..<Int(starts[0]) + Int(counts[0]) { queue.append(targets[index]) }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            for index in Int(starts[state])..<Int(starts[state]) + Int(counts[state]) {
                let byte = bytes[index]
                let next = targets[index]
                var fallback = Int(failure[state])
                var target: Int32 = 0
                while true {
                    if let found = child(of: fallback, byte: byte) {
                        target = found
                        break
                    }
                    if fallback == 0 { break }
                    fallback = Int(failure[fallback])
                }
                failure[Int(next)] = target
                dictionaryLink[Int(next)] = outputHead[Int(target)] >= 0 ? target : dictionaryLink[Int(target)]
                queue.append(next)
            }
        }
        self.failure = failure
        self.dictionaryLink = dictionaryLink
    }

    private static func find(
        _ byte: UInt8, in range: Range<Int>, _ bytes: [UInt8], _ targets: [Int32]
    ) -> Int32? {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            let value = bytes[middle]
            if value == byte { return targets[middle] }
            if value < byte { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private func child(of state: Int, byte: UInt8) -> Int32? {
        let start = Int(childStart[state])
        return Self.find(byte, in: start..<start + Int(childCount[state]), childBytes, childStates)
    }

    /// Every occurrence of every pattern in `text`, ordered by end offset.
    func occurrences(in text: [UInt8]) -> [Occurrence] {
        var found: [Occurrence] = []
        var state = 0
        for (offset, byte) in text.enumerated() {
            while true {
                if let next = child(of: state, byte: byte) {
                    state = Int(next)
                    break
                }
                if state == 0 { break }
                state = Int(failure[state])
            }
            var reporting = outputHead[state] >= 0 ? Int32(state) : dictionaryLink[state]
            while reporting >= 0 {
                var output = outputHead[Int(reporting)]
                while output >= 0 {
                    found.append(Occurrence(pattern: Int(outputPattern[Int(output)]), end: offset + 1))
                    output = outputNext[Int(output)]
                }
                reporting = dictionaryLink[Int(reporting)]
            }
        }
        return found
    }
}

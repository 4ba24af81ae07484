import Foundation

/// A multi-pattern byte matcher (Aho & Corasick, 1975): every occurrence of every pattern in one pass
/// over the text, however many patterns there are.
///
/// Children of each state are kept sorted in one flat array (binary search), so a 250,000-state
/// automaton takes a few megabytes instead of a 256-wide table per state; only the root, where matching
/// is for most bytes of a text, has a table.
///
/// - Complexity: building O(total pattern length · log σ); matching O(text length · log σ + matches).
struct AhoCorasick: Sendable {
    /// One occurrence: `pattern` ends just before byte offset `end`.
    struct Occurrence: Equatable {
        var pattern: Int
        var end: Int
    }

    /// What matching reads of a state, side by side: one cache line holds all of it (the automaton of the
    /// standard taxonomy is a few megabytes, which the model's products push out of the caches between
    /// documents).
    private struct State {
        /// Into `edges`: the state's children, in byte order.
        var childStart: Int32
        var failure: Int32
        /// Patterns ending at the state, as a linked list through `outputNext` (including those reached by
        /// failure links, via `dictionaryLink`).
        var outputHead: Int32
        var dictionaryLink: Int32
        var childCount: UInt16
    }

    private struct Edge {
        var byte: UInt8
        var target: Int32
    }

    private var states: [State] = []
    private var edges: [Edge] = []
    /// The root's child for each byte (-1 for none): matching is at the root for most bytes of a text.
    private var rootChild: [Int32] = []
    private var outputPattern: [Int32] = []
    private var outputNext: [Int32] = []
    private(set) var patternLengths: [Int] = []

    init(patterns: [[UInt8]]) {
        // 1. The trie, built from the patterns in sorted order: each pattern shares its prefix with the one
        // before, so new states hang off the previous pattern's path, and every state's children appear in
        // increasing byte order. No per-state dictionaries (13,000 aliases made 150,000 of them).
        let order = patterns.indices.sorted {
            let order = Self.compare(patterns[$0], patterns[$1])
            return order != 0 ? order < 0 : $0 < $1
        }
        var terminal: [[Int32]] = [[]]
        var edgeParent: [Int32] = []
        var edgeByte: [UInt8] = []
        var path: [Int32] = [0]
        var previous: [UInt8] = []
        for index in order {
            let pattern = patterns[index]
            var shared = 0
            while shared < pattern.count, shared < previous.count, pattern[shared] == previous[shared] { shared += 1 }
            path.removeSubrange((shared + 1)...)
            for byte in pattern[shared...] {
                edgeParent.append(path[path.count - 1])
                edgeByte.append(byte)
                terminal.append([])
                path.append(Int32(terminal.count - 1))
            }
            terminal[Int(path[path.count - 1])].append(Int32(index))
            previous = pattern
        }
        patternLengths = patterns.map { $0.count }
        let stateCount = terminal.count
        // Children grouped by parent (a counting sort keeps each parent's edges in byte order); edge e
        // leads to state e + 1.
        var childCount = [UInt16](repeating: 0, count: stateCount)
        for parent in edgeParent { childCount[Int(parent)] += 1 }
        var childStart = [Int32](repeating: 0, count: stateCount)
        var next: Int32 = 0
        for state in 0..<stateCount {
            childStart[state] = next
            next += Int32(childCount[state])
        }
        var childBytes = [UInt8](repeating: 0, count: edgeParent.count)
        var childStates = [Int32](repeating: 0, count: edgeParent.count)
        var filled = childStart
        for (edge, parent) in edgeParent.enumerated() {
            let slot = Int(filled[Int(parent)])
            childBytes[slot] = edgeByte[edge]
            childStates[slot] = Int32(edge + 1)
            filled[Int(parent)] += 1
        }
        var outputHead = [Int32](repeating: -1, count: stateCount)
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
        states = (0..<stateCount).map { state in
            State(
                childStart: childStart[state], failure: failure[state], outputHead: outputHead[state],
                dictionaryLink: dictionaryLink[state], childCount: childCount[state])
        }
        edges = zip(childBytes, childStates).map { Edge(byte: $0, target: $1) }
        rootChild = [Int32](repeating: -1, count: 256)
        for index in Int(childStart[0])..<Int(childStart[0]) + Int(childCount[0]) {
            rootChild[Int(childBytes[index])] = childStates[index]
        }
    }

    /// The byte order of `first` against `second` (negative, zero, positive), with one `memcmp` where the
    /// generic `lexicographicallyPrecedes` compares a byte at a time.
    private static func compare(_ first: [UInt8], _ second: [UInt8]) -> Int {
        let common = min(first.count, second.count)
        let order = first.withUnsafeBytes { first in
            second.withUnsafeBytes { second in
                guard let first = first.baseAddress, let second = second.baseAddress, common > 0 else { return 0 }
                return Int(memcmp(first, second, common))
            }
        }
        return order != 0 ? order : first.count - second.count
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
        if state == 0 {
            let next = rootChild[Int(byte)]
            return next >= 0 ? next : nil
        }
        let node = states[state]
        var low = Int(node.childStart)
        var high = low + Int(node.childCount)
        while low < high {
            let middle = (low + high) / 2
            let edge = edges[middle]
            if edge.byte == byte { return edge.target }
            if edge.byte < byte { low = middle + 1 } else { high = middle }
        }
        return nil
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
                state = Int(states[state].failure)
            }
            var reporting = states[state].outputHead >= 0 ? Int32(state) : states[state].dictionaryLink
            while reporting >= 0 {
                var output = states[Int(reporting)].outputHead
                while output >= 0 {
                    found.append(Occurrence(pattern: Int(outputPattern[Int(output)]), end: offset + 1))
                    output = outputNext[Int(output)]
                }
                reporting = states[Int(reporting)].dictionaryLink
            }
        }
        return found
    }
}

import ParallelWork

extension CandidateIndex.Roster {
    /// The positions of the `limit` candidates with the most points, a candidate earning `worth[skill]`
    /// for each skill it has — the skill part of the score — then `adjust(position, points)` (the role
    /// fit); ties: earlier position first. Needs ``Keywords`` (``CandidateIndex/snapshot(postings:)``).
    ///
    /// With `bound` (at least `max(0, adjust(position, points))` for every candidate), `adjust` is called
    /// only where it can matter: candidates in order of bound, highest first, until a bound is below the
    /// `limit`-th value found so far; every candidate left has a value below that, so the result is the one
    /// without `bound`. The first `limit` in that order are found in one pass (a bounded min-heap), the
    /// others come from a max-heap of those whose bound reaches the `limit`-th value among the first, 64 at a
    /// time. `adjust` runs on every core: it must only read.
    ///
    /// - Complexity: O(n + Σ posting lengths) plus n calls of `adjust` without `bound`; with it, the unshown
    ///   skills' postings too (``KeywordPoolBound/unshown``), O(n log
    ///   limit) at most (a pass over the bounds that mostly only compares), the calls of `adjust` the bounds
    ///   leave, each O(log n).
    func mostSkillsInCommon(
        _ worth: [String: Float], limit: Int, bound: KeywordPoolBound? = nil, adjust: (Int, Float) -> Float = { $1 }
    ) -> [Int] {
        guard limit > 0 else { return [] }
        var points = [Float](repeating: 0, count: records.count)
        for (skill, each) in worth.sorted(by: { $0.key < $1.key }) where each > 0 {
            for position in keywords?.postings[skill] ?? [] { points[Int(position)] += each }
        }
        var best = BoundedBest<UInt64>(capacity: limit)
        let scoring = points
        // Evaluates candidates on every core (`adjust` only reads), then keeps the best.
        func evaluate(_ positions: [Int]) {
            let values = ResultSlots<Float>(count: positions.count, initial: 0)
            ParallelMap.forEach(count: positions.count, threads: ParallelMap.threads(forItems: positions.count)) {
                index in
                values.set(index, max(0, adjust(positions[index], scoring[positions[index]])))
            }
            for (position, value) in zip(positions, values.values) where value > 0 {
                best.offer(Self.key(value, position))
            }
        }
        guard let bound, let keywords else {
            evaluate(Array(points.indices))
            return best.bestFirst.map(Self.position(of:))
        }
        let masks = keywords.functionMasks
        let levels = keywords.levelMasks
        let mostYears = keywords.mostYears
        // What each candidate loses for skills it lists without showing them, summed in the estimate's order.
        var unshown = [Double](repeating: 0, count: points.count)
        for (skill, worth) in bound.unshown {
            for position in keywords.unshownPostings[skill] ?? [] { unshown[Int(position)] += worth }
        }
        var bounds = [Float](repeating: 0, count: points.count)
        var highest = BoundedBest<UInt64>(capacity: limit)
        for position in points.indices {
            let reach = bound(
                mask: masks[position], levels: levels[position], mostYears: mostYears[position],
                points: points[position], unshownWorth: unshown[position])
            bounds[position] = reach
            if reach > 0 { highest.offer(Self.key(reach, position)) }
        }
        // The first `limit` by bound, then, highest bound first, those that can still enter.
        let first = highest.bestFirst.map(Self.position(of:))
        evaluate(first)
        for position in first { bounds[position] = 0 }  // evaluated
        let reach = best.isFull ? best.worst.map(Self.value(of:)) ?? 0 : 0
        var rest: [UInt64] = []
        for position in bounds.indices where bounds[position] > 0 && bounds[position] >= reach {
            rest.append(Self.key(bounds[position], position))
        }
        // A max-heap of those, popped only as far as needed (sorting them all cost more than the evaluations),
        // a batch at a time: a candidate of a batch that the batch's others push out is evaluated for nothing.
        var remaining = rest.count
        for start in stride(from: remaining / 2 - 1, through: 0, by: -1) {
            Self.siftDown(&rest, from: start, count: remaining)
        }
        var batch: [Int] = []
        repeat {
            batch.removeAll(keepingCapacity: true)
            while remaining > 0, batch.count < 64 {
                let key = rest[0]
                if best.isFull, let worst = best.worst, Self.value(of: key) < Self.value(of: worst) { break }
                remaining -= 1
                rest[0] = rest[remaining]
                Self.siftDown(&rest, from: 0, count: remaining)
                batch.append(Self.position(of: key))
            }
            evaluate(batch)
        } while !batch.isEmpty
        return best.bestFirst.map(Self.position(of:))
    }

    /// Restores the max-heap order of `keys[..<count]` below `start`.
    private static func siftDown(_ keys: inout [UInt64], from start: Int, count: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var top = parent
            if left < count, keys[left] > keys[top] { top = left }
            if right < count, keys[right] > keys[top] { top = right }
            if top == parent { return }
            keys.swapAt(parent, top)
            parent = top
        }
    }

    /// Non-negative floats order like their bit patterns: one UInt64 key per candidate, value high, the
    /// complement of the position low, so larger keys are better and ties go to earlier positions.
    private static func key(_ value: Float, _ position: Int) -> UInt64 {
        UInt64(value.bitPattern) << 32 | UInt64(UInt32.max - UInt32(position))
    }

    private static func value(of key: UInt64) -> Float { Float(bitPattern: UInt32(key >> 32)) }

    private static func position(of key: UInt64) -> Int { Int(UInt32.max - UInt32(truncatingIfNeeded: key)) }
}

/// The keyword pool's keys (``CandidateIndex/Roster/mostSkillsInCommon(_:limit:bound:adjust:)``): larger is better.
extension UInt64: BestOrdered {
    static func ranksBelow(_ a: UInt64, _ b: UInt64) -> Bool { a < b }
}

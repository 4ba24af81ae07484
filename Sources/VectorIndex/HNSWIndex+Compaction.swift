extension HNSWIndex {
    /// Repairs the graph around deleted nodes and frees their slots for new vectors.
    ///
    /// Deleted nodes keep routing searches after ``remove(id:)``, which keeps recall up but holds their
    /// memory. Compaction relinks every node that pointed at a deleted one (choosing among its live
    /// links and the deleted node's live links with the selection heuristic), moves the entry point off
    /// deleted nodes, and puts the deleted slots on the free list. It runs by itself when a quarter of
    /// the slots are tombstones; searches and writers wait while it runs.
    ///
    /// - Complexity: O(n × m²) distance evaluations in the worst case.
    public func compact() {
        structure.withWriteLock {
            let (used, alreadyFree) = state.withLock { ($0.used, Set($0.freeSlots)) }
            var deleted = [Bool](repeating: false, count: used)
            var anyDeleted = false
            for node in 0..<used where arena.isDeleted(UInt32(node)) && !alreadyFree.contains(UInt32(node)) {
                deleted[node] = true
                anyDeleted = true
            }
            guard anyDeleted else { return }
            for node in 0..<used where !deleted[node] && !alreadyFree.contains(UInt32(node)) {
                for level in 0...Int(arena.levels[node]) {
                    repairLinks(UInt32(node), level: level, deleted: deleted)
                }
            }
            moveEntryPointOffDeleted(used: used, deleted: deleted, free: alreadyFree)
            state.withLock { state in
                for node in 0..<used where deleted[node] {
                    arena.links(UInt32(node), level: 0).pointee = 0
                    state.freeSlots.append(UInt32(node))
                }
                state.tombstones = 0
            }
        }
    }

    /// Runs ``compact()`` when tombstones make up a quarter of the slots (and at least 1,024 of them).
    func compactIfWorthIt() {
        let worthIt = state.withLock { $0.tombstones >= 1_024 && $0.tombstones * 4 >= $0.used }
        if worthIt { compact() }
    }

    private func repairLinks(_ node: UInt32, level: Int, deleted: [Bool]) {
        let list = arena.links(node, level: level)
        let count = Int(list.pointee)
        guard (0..<count).contains(where: { deleted[Int(list[1 + $0])] }) else { return }
        var candidates = Set<UInt32>()
        for j in 0..<count {
            let neighbour = list[1 + j]
            guard deleted[Int(neighbour)] else {
                candidates.insert(neighbour)
                continue
            }
            let second = arena.links(neighbour, level: level)
            for i in 0..<Int(second.pointee) where !deleted[Int(second[1 + i])] && second[1 + i] != node {
                candidates.insert(second[1 + i])
            }
        }
        relink(node, level: level, among: Array(candidates))
    }

    private func moveEntryPointOffDeleted(used: Int, deleted: [Bool], free: Set<UInt32>) {
        let (entry, _) = Self.unpack(entryPoint.load(ordering: .relaxed))
        guard entryPoint.load(ordering: .relaxed) != Self.emptyEntry, deleted[Int(entry)] else { return }
        var best: (node: UInt32, level: Int)?
        for node in 0..<used where !deleted[node] && !free.contains(UInt32(node)) {
            let level = Int(arena.levels[node])
            if level > best?.level ?? -1 { best = (UInt32(node), level) }
        }
        if let best {
            entryPoint.store(UInt64(best.node) | UInt64(best.level) << 32, ordering: .releasing)
        } else {
            entryPoint.store(Self.emptyEntry, ordering: .releasing)
        }
    }
}

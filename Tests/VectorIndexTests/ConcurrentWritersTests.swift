import Dispatch
import Foundation
import TestSupport
import Testing

@testable import VectorIndex

/// Several writers adding and removing while readers search, starting from a tiny arena so that it
/// grows many times under contention (concurrent adds near capacity used to write past the arena).
@Suite("HNSW index under concurrent writers and readers")
struct ConcurrentWritersTests {
    @Test("4 writers (adds, replacements, removes) and 4 readers keep the index consistent")
    func writersAndReaders() {
        let dimension = 8
        let perWriter = 600
        let writers = 4
        let vectors = randomVectors(count: writers * perWriter, dimension: dimension, seed: 42)
        let index = HNSWIndex(
            dimension: dimension, metric: .squaredL2, configuration: .init(m: 8, efConstruction: 32), capacity: 2)
        let done = Locked(0)
        DispatchQueue.concurrentPerform(iterations: writers + 4) { worker in
            if worker < writers {
                // Writer w owns ids w*perWriter ..< (w+1)*perWriter: single adds, a batch, removes and
                // re-adds, so slots are freed and reused while the arena grows.
                let base = worker * perWriter
                for offset in 0..<perWriter / 2 {
                    index.add(id: UInt64(base + offset), vector: vectors[base + offset])
                }
                let batch = (perWriter / 2..<perWriter).map { UInt64(base + $0) }
                index.add(ids: batch, vectors: batch.flatMap { vectors[Int($0)] }, threads: 2)
                for offset in stride(from: 0, to: perWriter, by: 3) { index.remove(id: UInt64(base + offset)) }
                for offset in stride(from: 0, to: perWriter, by: 6) {
                    index.add(id: UInt64(base + offset), vector: vectors[base + offset])
                }
                done.withLock { $0 += 1 }
            } else {
                var generator = SeededGenerator(seed: UInt64(worker))
                while done.withLock({ $0 }) < writers {
                    let query = vectors[Int.random(in: 0..<vectors.count, using: &generator)]
                    let found = index.search(query, k: 5)
                    #expect(found.count <= 5)
                    #expect(found.allSatisfy { $0.id < UInt64(vectors.count) })
                }
            }
        }
        // Removed: offsets divisible by 3 but not by 6.
        let live = (0..<vectors.count).filter { $0 % perWriter % 3 != 0 || $0 % perWriter % 6 == 0 }
        #expect(index.count == live.count)
        let liveIDs = Set(live.map(UInt64.init))
        var foundItself = 0
        for id in live {
            #expect(index.vector(id: UInt64(id)) == vectors[id], "vector of \(id)")
            let found = index.search(vectors[id], k: 10, ef: 64)
            if found.first?.id == UInt64(id) { foundItself += 1 }
            #expect(found.allSatisfy { liveIDs.contains($0.id) }, "a removed id was returned")
        }
        // Approximate search: a node linked while its neighbours were being rewired can end up poorly
        // reachable (seen: 1 in 300); the code before the fix crashed or lost nodes in 3 runs out of 5.
        #expect(foundItself * 100 >= live.count * 98, "\(foundItself) of \(live.count) found themselves")
        for id in (0..<vectors.count).filter({ $0 % perWriter % 3 == 0 && $0 % perWriter % 6 != 0 }).prefix(100) {
            #expect(!index.contains(id: UInt64(id)))
        }
    }
}

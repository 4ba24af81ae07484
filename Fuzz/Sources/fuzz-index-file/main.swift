import Foundation
import FuzzSupport
import VectorIndex

// The index file loader, `HNSWIndex.init(contentsOf:)`, on a mutated file whose checksums are recomputed
// (`IndexFileSealing`), so mutations reach the structural checks; then what a host does with a loaded index:
// search, add, remove, compact, write and load again. A failure must be a `VectorIndexError`.
enum IndexFileTarget {
    static func test(_ data: Data) {
        let url = ScratchDirectory.write(Data(IndexFileSealing.seal([UInt8](data))), to: "fuzz.hnsw")
        TypedErrors.expect(VectorIndexError.self) {
            let index = try HNSWIndex(contentsOf: url)
            exercise(index)
            try index.write(to: url)
            let reloaded = try HNSWIndex(contentsOf: url)
            guard reloaded.count == index.count else {
                fatalError("\(index.count) vectors written, \(reloaded.count) read back")
            }
        }
    }

    static func exercise(_ index: HNSWIndex) {
        let query = (0..<index.dimension).map { Float($0 % 7) - 2.5 }
        let before = index.search(query, k: 5)
        guard before.count <= min(5, index.count) else { fatalError("\(before.count) results for k = 5") }
        let ids = index.ids.sorted()
        let newID = (ids.last ?? 0) &+ 1
        index.add(id: newID, vector: query)
        guard index.contains(id: newID) else { fatalError("added id \(newID) is missing") }
        if let first = ids.first { index.remove(id: first) }
        _ = index.search(query, k: 5)
        index.compact()
        _ = index.search(query, k: 5)
    }
}

Fuzzing.run { start, count in
    IndexFileTarget.test(Fuzzing.data(start, count))
    return 0
}

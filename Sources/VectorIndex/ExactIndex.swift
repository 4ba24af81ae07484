import CBLAS
import CKernels

/// Brute-force nearest-neighbour search: exact results, the ground truth for approximate indexes and
/// the right tool when a filter leaves few candidates.
///
/// Vectors are stored contiguously, row-major. A single query scans them with the SIMD kernels; a batch
/// of queries goes through BLAS `sgemm` in cache-sized blocks.
public struct ExactIndex: Sendable {
    /// The length every vector must have.
    public let dimension: Int
    /// How vectors are compared.
    public let metric: Metric

    private var vectors: [Float] = []
    private var squaredNorms: [Float] = []
    private var ids: [UInt64] = []
    private var rowOfID: [UInt64: Int] = [:]

    /// Creates an empty index for vectors of `dimension` floats.
    public init(dimension: Int, metric: Metric) {
        precondition(dimension > 0, "dimension must be positive")
        self.dimension = dimension
        self.metric = metric
    }

    /// The number of vectors stored.
    public var count: Int { ids.count }

    /// Whether a vector with `id` is stored.
    public func contains(id: UInt64) -> Bool { rowOfID[id] != nil }

    /// Stores `vector` under `id`, replacing the vector already stored under that id.
    ///
    /// - Precondition: `vector.count == dimension`.
    /// - Complexity: O(dimension) amortised.
    public mutating func add(id: UInt64, vector: [Float]) {
        precondition(vector.count == dimension, "vector has \(vector.count) floats, index expects \(dimension)")
        let row = metric.prepared(vector, dimension: dimension)
        let norm = row.withUnsafeBufferPointer {
            Distance.dot($0.baseAddress.unsafelyUnwrapped, $0.baseAddress.unsafelyUnwrapped, count: dimension)
        }
        if let existing = rowOfID[id] {
            vectors.replaceSubrange(existing * dimension..<(existing + 1) * dimension, with: row)
            squaredNorms[existing] = norm
        } else {
            rowOfID[id] = ids.count
            ids.append(id)
            vectors.append(contentsOf: row)
            squaredNorms.append(norm)
        }
    }

    /// Removes the vector stored under `id`; returns whether there was one.
    ///
    /// - Complexity: O(dimension): the last row moves into the freed slot.
    @discardableResult
    public mutating func remove(id: UInt64) -> Bool {
        guard let row = rowOfID.removeValue(forKey: id) else { return false }
        let last = ids.count - 1
        if row != last {
            let moved = ids[last]
            ids[row] = moved
            rowOfID[moved] = row
            squaredNorms[row] = squaredNorms[last]
            vectors.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress.unsafelyUnwrapped
                (base + row * dimension).update(from: base + last * dimension, count: dimension)
            }
        }
        ids.removeLast()
        squaredNorms.removeLast()
        vectors.removeLast(dimension)
        return true
    }

    /// The `k` nearest stored vectors to `query`, nearest first, among those whose id passes `filter`.
    ///
    /// - Precondition: `query.count == dimension`.
    /// - Complexity: O(count × dimension).
    public func search(_ query: [Float], k: Int, filter: ((UInt64) -> Bool)? = nil) -> [Neighbor] {
        precondition(query.count == dimension, "query has \(query.count) floats, index expects \(dimension)")
        guard k > 0, count > 0 else { return [] }
        let prepared = metric.prepared(query, dimension: dimension)
        var top = TopK(k: k)
        let blockRows = 1024
        var distances = [Float](repeating: 0, count: blockRows)
        prepared.withUnsafeBufferPointer { q in
            vectors.withUnsafeBufferPointer { rows in
                distances.withUnsafeMutableBufferPointer { out in
                    var start = 0
                    while start < count {
                        let n = min(blockRows, count - start)
                        Distance.distances(
                            metric, query: q.baseAddress.unsafelyUnwrapped,
                            rows: rows.baseAddress.unsafelyUnwrapped + start * dimension, rowCount: n,
                            dimension: dimension, stride: dimension, into: out.baseAddress.unsafelyUnwrapped)
                        for i in 0..<n where out[i] < top.threshold {
                            let id = ids[start + i]
                            if let filter, !filter(id) { continue }
                            top.insert(id: id, distance: out[i])
                        }
                        start += n
                    }
                }
            }
        }
        return top.sorted()
    }

    /// Below this many queries a batch is answered one query at a time with the SIMD kernels; from it on,
    /// with BLAS. Measured with `ann-bench --crossover` on 100k × 384 (one thread): per query, one at a
    /// time stays flat while `sgemm` falls below it between 2 and 4 queries.
    static let blasCrossover = 4

    /// The `k` nearest stored vectors to each of `queries`, nearest first: one `sgemm` per block of
    /// queries and stored rows, then a top-k pass over the product (for fewer than 4 queries, one SIMD
    /// scan per query, which is faster there).
    ///
    /// - Parameter queries: row-major, `queries.count` a multiple of `dimension`.
    /// - Complexity: O(queryCount × count × dimension).
    public func search(batch queries: [Float], k: Int) -> [[Neighbor]] {
        precondition(queries.count % dimension == 0, "batch is not a whole number of \(dimension)-float rows")
        let queryCount = queries.count / dimension
        guard k > 0, count > 0 else { return Array(repeating: [], count: queryCount) }
        let prepared = metric.prepared(queries, dimension: dimension)
        if queryCount < Self.blasCrossover {
            return (0..<queryCount).map { q in search(Array(queries[q * dimension..<(q + 1) * dimension]), k: k) }
        }
        var tops = (0..<queryCount).map { _ in TopK(k: k) }
        // Blocks of 1,024 queries × 2,048 rows (an 8 MB product block): measured on clustered-100k, 1,000
        // queries, three passes each, against 256 × 4,096: 982 vs 835 queries/s at 1 thread, 1,589 vs
        // 1,253 at 2 (`ann-bench --exact-only`).
        let queryBlock = min(1024, queryCount)
        let rowBlock = min(2048, count)
        var products = [Float](repeating: 0, count: queryBlock * rowBlock)
        let keptIndices = UnsafeMutablePointer<UInt32>.allocate(capacity: rowBlock)
        let keptDistances = UnsafeMutablePointer<Float>.allocate(capacity: rowBlock)
        defer {
            keptIndices.deallocate()
            keptDistances.deallocate()
        }
        prepared.withUnsafeBufferPointer { q in
            vectors.withUnsafeBufferPointer { rows in
                products.withUnsafeMutableBufferPointer { product in
                    var rowStart = 0
                    while rowStart < count {
                        let rowCount = min(rowBlock, count - rowStart)
                        var queryStart = 0
                        while queryStart < queryCount {
                            let blockQueries = min(queryBlock, queryCount - queryStart)
                            cblas_sgemm(
                                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(blockQueries), Int32(rowCount),
                                Int32(dimension), 1, q.baseAddress.unsafelyUnwrapped + queryStart * dimension,
                                Int32(dimension),
                                rows.baseAddress.unsafelyUnwrapped + rowStart * dimension, Int32(dimension), 0,
                                product.baseAddress.unsafelyUnwrapped,
                                Int32(rowCount))
                            for b in 0..<blockQueries {
                                let queryIndex = queryStart + b
                                let line = product.baseAddress.unsafelyUnwrapped + b * rowCount
                                let queryNorm =
                                    metric.usesInnerProduct
                                    ? 0
                                    : Distance.dot(
                                        q.baseAddress.unsafelyUnwrapped + queryIndex * dimension,
                                        q.baseAddress.unsafelyUnwrapped + queryIndex * dimension, count: dimension)
                                selectTop(
                                    line, count: rowCount, firstRow: rowStart, queryNorm: queryNorm,
                                    into: &tops[queryIndex], scratch: (keptIndices, keptDistances))
                            }
                            queryStart += blockQueries
                        }
                        rowStart += rowCount
                    }
                }
            }
        }
        return tops.map { $0.sorted() }
    }

    /// Feeds one row of products to `top`: a SIMD pass keeps only the distances below the current
    /// threshold, so the heap sees a handful of candidates per block instead of thousands.
    private func selectTop(
        _ products: UnsafePointer<Float>, count n: Int, firstRow: Int, queryNorm: Float, into top: inout TopK,
        scratch: (indices: UnsafeMutablePointer<UInt32>, distances: UnsafeMutablePointer<Float>)
    ) {
        let kept = squaredNorms.withUnsafeBufferPointer { norms in
            ck_collect_below(
                products, metric.usesInnerProduct ? nil : norms.baseAddress.map { $0 + firstRow }, queryNorm,
                metric.usesInnerProduct ? 1 : 0, n, top.threshold, scratch.indices, scratch.distances)
        }
        // Rounding can take a squared L2 distance just below zero.
        let floor: Float = metric.usesInnerProduct ? -.infinity : 0
        for j in 0..<kept where scratch.distances[j] < top.threshold {
            top.insert(id: ids[firstRow + Int(scratch.indices[j])], distance: max(floor, scratch.distances[j]))
        }
    }
}

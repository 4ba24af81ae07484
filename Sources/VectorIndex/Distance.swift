import CKernels

/// Distance kernels over float32 buffers, dispatched at load time to the CPU's widest vector unit.
package enum Distance {
    /// The instruction set the kernels run on: `"avx512f"`, `"avx2"` or `"baseline"`.
    package static var instructionSet: String { String(cString: ck_isa()) }

    @inline(__always)
    package static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        ck_dot(a, b, count)
    }

    @inline(__always)
    package static func squaredL2(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        ck_l2sq(a, b, count)
    }

    /// The distance under `metric` between two vectors of `count` floats (see ``Metric``).
    @inline(__always)
    package static func distance(
        _ metric: Metric, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int
    ) -> Float {
        metric.usesInnerProduct ? 1 - ck_dot(a, b, count) : ck_l2sq(a, b, count)
    }

    /// Distances from `query` to `rowCount` rows of `dimension` floats laid out `stride` floats apart.
    package static func distances(
        _ metric: Metric, query: UnsafePointer<Float>, rows: UnsafePointer<Float>, rowCount: Int,
        dimension: Int, stride: Int, into out: UnsafeMutablePointer<Float>
    ) {
        if metric.usesInnerProduct {
            ck_dot_rows(query, rows, rowCount, dimension, stride, out)
            for i in 0..<rowCount { out[i] = 1 - out[i] }
        } else {
            ck_l2sq_rows(query, rows, rowCount, dimension, stride, out)
        }
    }

    /// Scales `vector` to unit length in place; a zero vector stays zero.
    package static func normalize(_ vector: UnsafeMutableBufferPointer<Float>) {
        guard let base = vector.baseAddress else { return }
        let norm = ck_dot(base, base, vector.count).squareRoot()
        guard norm > 0 else { return }
        let inverse = 1 / norm
        for i in vector.indices { vector[i] *= inverse }
    }
}

extension Metric {
    /// `rows` (row-major, `dimension` floats a row) as this metric stores and compares them: each row
    /// scaled to unit length for cosine, unchanged otherwise.
    func prepared(_ rows: [Float], dimension: Int) -> [Float] {
        guard normalizes else { return rows }
        var copy = rows
        copy.withUnsafeMutableBufferPointer { all in
            for start in stride(from: 0, to: all.count, by: dimension) {
                Distance.normalize(UnsafeMutableBufferPointer(rebasing: all[start..<start + dimension]))
            }
        }
        return copy
    }
}

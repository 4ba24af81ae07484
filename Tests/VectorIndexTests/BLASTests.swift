import CBLAS
import TestSupport
import Testing

@Suite("OpenBLAS through CBLAS")
struct BLASTests {
    @Test("sgemm matches a naive triple loop", arguments: [(1, 1, 1), (7, 5, 3), (64, 384, 100), (33, 129, 65)])
    func sgemmMatchesNaiveProduct(shape: (m: Int, k: Int, n: Int)) {
        var generator = SeededGenerator(seed: UInt64(shape.m * 1_000_003 + shape.k * 1_009 + shape.n))
        let a = (0..<shape.m * shape.k).map { _ in Float.random(in: -1...1, using: &generator) }
        let b = (0..<shape.k * shape.n).map { _ in Float.random(in: -1...1, using: &generator) }
        var c = [Float](repeating: .nan, count: shape.m * shape.n)
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(shape.m), Int32(shape.n), Int32(shape.k), 1, a,
            Int32(shape.k), b, Int32(shape.n), 0, &c, Int32(shape.n))
        for i in 0..<shape.m {
            for j in 0..<shape.n {
                var expected: Double = 0
                for p in 0..<shape.k { expected += Double(a[i * shape.k + p]) * Double(b[p * shape.n + j]) }
                #expect(abs(Double(c[i * shape.n + j]) - expected) <= 1e-4 * max(1, abs(expected)))
            }
        }
    }
}

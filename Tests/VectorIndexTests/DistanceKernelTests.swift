import TestSupport
import Testing

@testable import VectorIndex

@Suite("SIMD distance kernels")
struct DistanceKernelTests {
    @Test(
        "dot and squared L2 agree with double-precision loops for every tail length",
        arguments: Array(0...70) + [384, 1_000])
    func kernelsMatchNaive(length: Int) {
        let pair = randomVectors(count: 2, dimension: max(length, 1), seed: UInt64(length) + 11)
        let a = Array(pair[0].prefix(length))
        let b = Array(pair[1].prefix(length))
        var dot: Double = 0
        var l2: Double = 0
        for i in 0..<length {
            dot += Double(a[i]) * Double(b[i])
            l2 += Double(a[i] - b[i]) * Double(a[i] - b[i])
        }
        let fastDot = a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in Distance.dot(x.baseAddress!, y.baseAddress!, count: length) }
        }
        let fastL2 = a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in Distance.squaredL2(x.baseAddress!, y.baseAddress!, count: length) }
        }
        #expect(abs(Double(fastDot) - dot) <= 1e-4 * max(1, abs(dot)))
        #expect(abs(Double(fastL2) - l2) <= 1e-4 * max(1, l2))
    }

    @Test("the dispatcher picks the widest instruction set the CPU reports")
    func dispatchMatchesCPU() throws {
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let expected: String
        if flags.contains(" avx512f") {
            expected = "avx512f"
        } else if flags.contains(" avx2") && flags.contains(" fma") {
            expected = "avx2"
        } else {
            expected = "baseline"
        }
        #expect(Distance.instructionSet == expected)
    }
}

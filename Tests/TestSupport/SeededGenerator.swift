import Foundation

/// SplitMix64: a small deterministic generator so test data is the same on every run.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `count` vectors of `dimension` floats uniform in [-1, 1], the same for the same seed.
public func randomVectors(count: Int, dimension: Int, seed: UInt64) -> [[Float]] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) } }
}

/// `count` vectors in `clusters` clusters, shaped like real embeddings: each cluster spreads along its
/// own few (`intrinsicDimension`) directions around a random centre, plus a little isotropic noise, so
/// neighbourhoods are dense and low-dimensional with gaps between them.
public func clusteredVectors(
    count: Int, dimension: Int, clusters: Int, intrinsicDimension: Int = 6, seed: UInt64, centresSeed: UInt64 = 99
) -> [[Float]] {
    var shape = SeededGenerator(seed: centresSeed)
    func gaussian<G: RandomNumberGenerator>(_ generator: inout G) -> Float {
        let u1 = Float.random(in: Float.ulpOfOne..<1, using: &generator)
        let u2 = Float.random(in: 0..<1, using: &generator)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
    let centres = (0..<clusters).map { _ in (0..<dimension).map { _ in Float.random(in: -1...1, using: &shape) } }
    let bases = (0..<clusters).map { _ in
        (0..<intrinsicDimension).map { _ in (0..<dimension).map { _ in 0.35 * gaussian(&shape) } }
    }
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
        let cluster = Int.random(in: 0..<clusters, using: &generator)
        var point = centres[cluster]
        for direction in bases[cluster] {
            let z = gaussian(&generator)
            for i in 0..<dimension { point[i] += z * direction[i] }
        }
        for i in 0..<dimension { point[i] += 0.02 * gaussian(&generator) }
        return point
    }
}

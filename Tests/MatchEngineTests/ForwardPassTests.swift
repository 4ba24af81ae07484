import TestSupport
import Testing

@testable import MatchEngine

@Suite("MiniLM forward passes")
struct ForwardPassTests {
    /// A padded pass costs its texts times its longest text's length.
    private func cost(_ pass: Range<Int>, _ lengths: [Int]) -> Int { pass.count * lengths[pass.lowerBound] }

    @Test("passes cover every text once, in order, within the batch size")
    func coverage() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let count = Int.random(in: 0..<150, using: &generator)
            let lengths = (0..<count).map { _ in Int.random(in: 2...256, using: &generator) }.sorted(by: >)
            let threads = Int.random(in: 1...4, using: &generator)
            let batchSize = Int.random(in: 1...40, using: &generator)
            let passes = MiniLMEmbedder.forwardPasses(lengths: lengths, threads: threads, batchSize: batchSize)
            #expect(passes.flatMap { Array($0) } == Array(0..<count))
            #expect(passes.allSatisfy { !$0.isEmpty && $0.count <= batchSize })
            if count < threads * batchSize, threads > 1 { #expect(passes.count <= threads) }
        }
    }

    @Test("a small request is cut into passes of about equal cost, not equal counts")
    func balanced() {
        // 4 long texts and 18 short ones on 2 threads: halving the count gives one pass 4 × 250 + 7 × 40
        // padded to 250 (2,750) and the other 11 × 40 (440).
        let lengths = [250, 250, 250, 250] + Array(repeating: 40, count: 18)
        let passes = MiniLMEmbedder.forwardPasses(lengths: lengths, threads: 2, batchSize: 32)
        #expect(passes.count == 2)
        let costs = passes.map { cost($0, lengths) }
        #expect(costs.max() == 1_000, "\(passes) \(costs)")
        // A large request takes full batches.
        let many = Array(repeating: 100, count: 100)
        #expect(MiniLMEmbedder.forwardPasses(lengths: many, threads: 2, batchSize: 32).map(\.count) == [32, 32, 32, 4])
        // Any batch size, however large, is taken without overflow.
        #expect(MiniLMEmbedder.forwardPasses(lengths: [10, 9], threads: 2, batchSize: .max).count == 2)
    }
}

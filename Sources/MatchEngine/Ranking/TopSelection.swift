/// Picks the largest keys of an array in linear expected time (quickselect with a median-of-three
/// pivot, falling back to a full sort when partitioning goes badly, so the worst case is O(n log n)).
enum TopSelection {
    /// The `count` largest of `keys`, largest first. `keys` is reordered.
    static func largest(_ count: Int, of keys: inout [UInt64]) -> [UInt64] {
        guard count > 0 else { return [] }
        if keys.count > count {
            var low = 0
            var high = keys.count - 1
            var budget = 2 * (Int.bitWidth - keys.count.leadingZeroBitCount)
            // Invariant: the `count` largest lie in keys[..<count] once `low` passes `count - 1`.
            while low < high {
                if budget == 0 {
                    keys.sort(by: >)
                    break
                }
                budget -= 1
                let pivot = medianOfThree(keys[low], keys[(low + high) / 2], keys[high])
                var i = low
                var j = high
                while i <= j {
                    while keys[i] > pivot { i += 1 }
                    while keys[j] < pivot { j -= 1 }
                    if i <= j {
                        keys.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if count - 1 <= j {
                    high = j
                } else if count - 1 >= i {
                    low = i
                } else {
                    break
                }
            }
        }
        return Array(keys.prefix(count)).sorted(by: >)
    }

    private static func medianOfThree(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        max(min(a, b), min(max(a, b), c))
    }
}

import Foundation

/// Reads TEXMEX `.fvecs` / `.ivecs` files: each row is an int32 dimension followed by that many
/// little-endian float32 (or int32) values.
enum VectorFiles {
    struct Matrix<Element> {
        var rows: Int
        var columns: Int
        var values: [Element]

        func row(_ index: Int) -> ArraySlice<Element> { values[index * columns..<(index + 1) * columns] }
    }

    static func read<Element>(_ path: String, as _: Element.Type) throws -> Matrix<Element> {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        guard data.count >= 4 else { throw BenchmarkError("\(path): empty") }
        let columns = Int(data.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) })
        let rowBytes = 4 + 4 * columns
        guard columns > 0, data.count % rowBytes == 0 else { throw BenchmarkError("\(path): ragged vecs file") }
        let rows = data.count / rowBytes
        var values = [Element]()
        values.reserveCapacity(rows * columns)
        data.withUnsafeBytes { raw in
            for row in 0..<rows {
                let start = row * rowBytes + 4
                for column in 0..<columns {
                    values.append(raw.loadUnaligned(fromByteOffset: start + 4 * column, as: Element.self))
                }
            }
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

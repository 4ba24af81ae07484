import BenchmarkSupport
import Foundation
import ResumeParser

/// `parse-bench FIXTURES_DIR [--seconds 2] [--repeats 5] [--out FILE]`
///
/// Resume parsing throughput on one core: every file of `FIXTURES_DIR/resumes` is read into memory once,
/// then each group (by the `layout` of its ground truth: txt, md, docx, docx-table, pdf-single-column,
/// pdf-two-column) is parsed in a loop for `--seconds`, bytes to `ParsedResume` (format sniffing, text
/// extraction, sections, entities, skills), `--repeats` times. Prints one JSON line per group and per
/// format family (`text+docx`, `pdf`) with the median and the best rate: the machines are shared, and
/// single runs vary by a third.
@main
struct ParseBench {
    static func main() throws {
        var options = CommandLineOptions()
        let seconds = Double(options.value("--seconds") ?? "2") ?? 2
        let repeats = max(1, Int(options.value("--repeats") ?? "5") ?? 5)
        let out = options.value("--out")
        guard let directory = options.remaining.first else {
            print("usage: parse-bench FIXTURES_DIR [--seconds 5] [--out FILE]")
            exit(64)
        }
        struct Truth: Decodable { var layout: String }
        let root = URL(fileURLWithPath: directory)
        var groups: [String: [(name: String, data: Data)]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("resumes").path).sorted() {
            let stem = (name as NSString).deletingPathExtension
            let truth = try JSONDecoder().decode(
                Truth.self, from: Data(contentsOf: root.appendingPathComponent("truth/\(stem).json")))
            groups[truth.layout, default: []].append((name, try Data(contentsOf: root.appendingPathComponent("resumes/\(name)"))))
        }
        let parser = DocumentParser()
        // Warm-up: every file once (builds the skills automaton, compiles patterns, loads poppler's tables).
        for file in groups.values.joined() { _ = try parser.parseResume(data: file.data, source: file.name) }
        var lines: [String] = []
        func rate(_ files: [(name: String, data: Data)]) throws -> Double {
            var parsed = 0
            let start = ContinuousClock.now
            let deadline = start + .seconds(seconds)
            repeat {
                for file in files {
                    _ = try parser.parseResume(data: file.data, source: file.name)
                    parsed += 1
                }
            } while ContinuousClock.now < deadline
            return Double(parsed) / ((ContinuousClock.now - start) / .seconds(1))
        }
        func measure(_ label: String, _ files: [(name: String, data: Data)]) throws {
            let rates = try (0..<repeats).map { _ in try rate(files) }.sorted()
            let median = rates[rates.count / 2]
            let record: [String: Any] = [
                "record": "parse", "group": label, "files": files.count, "repeats": repeats, "seconds_each": seconds,
                "resumes_per_s_median": (median * 10).rounded() / 10,
                "resumes_per_s_best": ((rates.last ?? 0) * 10).rounded() / 10, "threads": 1,
            ]
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
            FileHandle.standardError.write(
                Data("\(label): \(files.count) files, median \(Int(median)), best \(Int(rates.last ?? 0)) resumes/s\n".utf8))
        }
        for group in groups.keys.sorted() { try measure(group, groups[group] ?? []) }
        let textAndWord = ["txt", "md", "docx", "docx-table"].flatMap { groups[$0] ?? [] }
        try measure("text+docx", textAndWord)
        try measure("pdf", (groups["pdf-single-column"] ?? []) + (groups["pdf-two-column"] ?? []))
        let output = lines.joined(separator: "\n") + "\n"
        if let out { try output.write(toFile: out, atomically: true, encoding: .utf8) } else { print(output, terminator: "") }
    }
}

import MatchEngine

/// A CSV document per RFC 4180: fields separated by commas, records by CRLF, a field quoted when it
/// holds a comma, a quote, CR or LF, quotes doubled inside. Fields that a spreadsheet would read as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or CR) are prefixed with `'` (OWASP's advice against
/// CSV injection), so a resume cannot plant a formula in a recruiter's sheet.
struct CSVTable {
    private(set) var text = ""

    /// A table with a header record.
    init(headers: [String]) { append(headers) }

    /// Appends one record.
    mutating func append(_ fields: [String]) {
        text += fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    /// One field, neutralised and quoted as needed.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The document as UTF-8, with a byte-order mark first when `bom` (Excel reads UTF-8 right then).
    func data(bom: Bool) -> [UInt8] { (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8) }
}

extension ShortlistReport {
    /// The shortlist as CSV: one record per candidate with every scalar of the explanation; lists are
    /// joined with "; ". Numbers use a dot and no grouping.
    func csv() -> CSVTable {
        let kinds = MatchResult.Component.Kind.allCases
        let factorKinds = MatchResult.Factor.Kind.allCases
        var table = CSVTable(
            headers: [
                "rank", "candidate_id", "name", "email", "location", "file", "score", "decision", "status",
                "matched_required", "related", "missing_required", "matched_preferred", "missing_preferred", "years",
                "relevant_years", "years_gap", "degree", "missing_degree", "job_level", "candidate_level",
            ] + kinds.map { $0.rawValue.replacingOccurrences(of: " ", with: "_") }
                + factorKinds.map { "\($0.rawValue)_factor" } + ["strengths", "advice"])
        for entry in candidates {
            let result = entry.result
            let components = kinds.map { kind in result.component(kind).map { String(format: "%.3f", $0.value) } ?? "" }
            let factors = factorKinds.map { kind in
                result.factors.first { $0.kind == kind }.map { String(format: "%.3f", $0.value) } ?? ""
            }
            table.append(
                [
                    String(entry.rank), entry.candidate.id, entry.candidate.name ?? "", entry.candidate.email ?? "",
                    entry.candidate.location ?? "", entry.file, String(format: "%.1f", result.score),
                    result.decision.rawValue, entry.status.rawValue,
                    result.matchedRequiredSkills.joined(separator: "; "),
                    Self.related(result).joined(separator: "; "),
                    result.missingRequiredSkills.joined(separator: "; "),
                    result.matchedPreferredSkills.joined(separator: "; "),
                    result.missingPreferredSkills.joined(separator: "; "),
                    String(format: "%.1f", result.candidateYears),
                    result.relevantYears.map { String(format: "%.1f", $0) } ?? "",
                    String(format: "%.1f", result.yearsGap), result.candidateDegree?.rawValue ?? "",
                    result.missingDegree?.rawValue ?? "", result.jobLevel?.rawValue ?? "",
                    result.candidateLevel?.rawValue ?? "",
                ] + components + factors + [
                    result.strengths.joined(separator: "; "), result.advice.joined(separator: "; "),
                ])
        }
        return table
    }
}

import Foundation
import MatchEngine

/// The shortlist as one self-contained HTML page: the job's requirements, then per candidate a score
/// bar, the decision, the component breakdown, matched and missing skills, years and degree, strengths
/// and advice. No external assets; the page reads fully without scripts (a small inline script only
/// makes the columns sortable) and prints cleanly. Every value is HTML-escaped.
///
/// The DOM is stable for tests: each candidate row is `tr.candidate` with `data-rank`, `data-candidate`
/// and `data-score`; cells carry `class` names (`name`, `file`, `score`, `decision`, `matched`, `related`,
/// `missing`).
extension ShortlistReport {
    /// `&`, `<`, `>`, `"` and `'` escaped: safe in text and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func list(_ items: [String], empty: String = "none") -> String {
        items.isEmpty ? "<span class=\"none\">\(empty)</span>" : items.map(escape).joined(separator: ", ")
    }

    /// The page.
    func html() -> String {
        let e = Self.escape
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Shortlist: \(e(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
            h1 { font-size: 1.5em; margin-bottom: 0.2em; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 0.35em 0.5em; border-bottom: 1px solid #ddd; vertical-align: top; }
            th { background: #f3f3f3; }
            th[data-sort] { cursor: pointer; }
            td.score, td.rank { text-align: right; white-space: nowrap; }
            .bar { display: inline-block; width: 8em; height: 0.8em; background: #eee; margin-right: 0.4em; }
            .bar span { display: block; height: 100%; background: #4a7; }
            tr.reject .bar span { background: #c96; }
            .decision.interview { color: #175; font-weight: 600; }
            .decision.reject { color: #944; }
            .missing { color: #944; }
            .none { color: #999; }
            details { margin: 0.2em 0; }
            dl.requirements dt { font-weight: 600; float: left; clear: left; width: 11em; }
            dl.requirements dd { margin-left: 11em; }
            table.components td, table.components th { border: none; padding: 0.1em 0.6em 0.1em 0; }
            @media print {
              body { margin: 0; font-size: 11px; }
              th[data-sort]::after { content: ""; }
              details > summary { display: none; }
              details { display: block; }
              tr { page-break-inside: avoid; }
              .bar, .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            </style>
            </head>
            <body>
            <h1>Shortlist: \(e(title))</h1>
            <p class="meta">Job <code>\(e(job.id))</code> from <code>\(e(Self.fileName(job.source)))</code>, namespace \
            <code>\(e(namespace))</code>, \(candidates.count) candidates, generated \(e(generatedAt)). Interview at a \
            score of \(String(format: "%.0f", weights.interviewThreshold)) or more.</p>
            <dl class="requirements">
            <dt>Required skills</dt><dd id="required-skills">\(Self.list(job.requiredSkills))</dd>
            <dt>Preferred skills</dt><dd id="preferred-skills">\(Self.list(job.preferredSkills))</dd>
            <dt>Minimum years</dt><dd id="minimum-years">\(job.minimumYears.map { String(format: "%.1f", $0) } ?? "none")</dd>
            <dt>Degree</dt><dd id="required-degree">\(e(job.requiredDegree?.rawValue ?? "none"))</dd>
            </dl>
            <table id="shortlist">
            <thead><tr><th data-sort="number">#</th><th data-sort="text">Name</th><th data-sort="text">File</th>\
            <th data-sort="number">Score</th><th data-sort="text">Decision</th><th>Matched skills</th>\
            <th>Related skills</th><th>Missing required</th><th data-sort="number">Years</th><th>Details</th></tr></thead>
            <tbody>

            """
        for entry in candidates {
            let result = entry.result
            let score = String(format: "%.1f", result.score)
            let width = String(format: "%.1f", max(0, min(100, result.score)))
            let components = result.components.map { component in
                "<tr><th>\(e(component.kind.rawValue))</th><td>\(String(format: "%.2f", component.value))</td>"
                    + "<td>weight \(String(format: "%.2f", component.weight))</td></tr>"
            }.joined()
            let factors = result.factors.map { factor in
                "<tr><th>× \(e(factor.kind.rawValue)) fit</th><td>\(String(format: "%.2f", factor.value))</td>"
                    + "<td>factor</td></tr>"
            }.joined()
            page += """
                <tr class="candidate \(result.decision.rawValue)" data-rank="\(entry.rank)" \
                data-candidate="\(e(entry.candidate.id))" data-score="\(score)">\
                <td class="rank">\(entry.rank)</td>\
                <td class="name">\(e(entry.candidate.name ?? "—"))</td>\
                <td class="file">\(e(entry.file))</td>\
                <td class="score" data-value="\(score)"><span class="bar"><span style="width: \(width)%"></span></span>\
                <span class="value">\(score)</span></td>\
                <td class="decision \(result.decision.rawValue)">\(result.decision.rawValue)</td>\
                <td class="matched">\(Self.list(result.matchedRequiredSkills + result.matchedPreferredSkills))</td>\
                <td class="related">\(Self.list(Self.related(result)))</td>\
                <td class="missing">\(Self.list(result.missingRequiredSkills))</td>\
                <td class="years" data-value="\(String(format: "%.1f", result.candidateYears))">\
                \(String(format: "%.1f", result.candidateYears))\
                \(result.yearsGap > 0 ? " <span class=\"missing\">(\(String(format: "%.1f", result.yearsGap)) short)</span>" : "")</td>\
                <td><details><summary>breakdown</summary>\
                <table class="components">\(components)\(factors)</table>\
                <p>Missing preferred: <span class="missing-preferred">\(Self.list(result.missingPreferredSkills))</span></p>\
                <p>Degree: <span class="degree">\(e(result.candidateDegree?.rawValue ?? "none"))</span>\
                \(result.missingDegree.map { " <span class=\"missing\">(\(e($0.rawValue)) asked)</span>" } ?? "")</p>\
                <p>Relevant years: <span class="relevant-years">\
                \(result.relevantYears.map { String(format: "%.1f", $0) } ?? "not read")</span>; level: \
                <span class="level">\(e(result.candidateLevel?.rawValue ?? "not read"))</span>\
                \(result.jobLevel.map { " (\(e($0.rawValue)) asked)" } ?? "")</p>\
                <ul class="strengths">\(result.strengths.map { "<li>\(e($0))</li>" }.joined())</ul>\
                <ul class="advice">\(result.advice.map { "<li>\(e($0))</li>" }.joined())</ul>\
                </details></td></tr>

                """
        }
        page += """
            </tbody>
            </table>

            """
        if !failures.isEmpty {
            page +=
                "<h2>Files that could not be read</h2>\n<ul id=\"failures\">"
                + failures.map { "<li><code>\(e(Self.fileName($0.source)))</code>: \(e($0.reason))</li>" }.joined()
                + "</ul>\n"
        }
        page += """
            <script>
            // Sorting is a convenience: the table above is complete and ordered by rank without it.
            document.querySelectorAll('#shortlist th[data-sort]').forEach(function (header, column) {
              var index = Array.prototype.indexOf.call(header.parentNode.children, header);
              header.addEventListener('click', function () {
                var body = document.querySelector('#shortlist tbody');
                var rows = Array.prototype.slice.call(body.querySelectorAll('tr.candidate'));
                var numeric = header.getAttribute('data-sort') === 'number';
                var ascending = header.getAttribute('data-order') !== 'asc';
                rows.sort(function (a, b) {
                  var x = a.children[index], y = b.children[index];
                  var p = numeric ? parseFloat(x.getAttribute('data-value') || x.textContent) : x.textContent;
                  var q = numeric ? parseFloat(y.getAttribute('data-value') || y.textContent) : y.textContent;
                  var order = numeric ? p - q : String(p).localeCompare(String(q));
                  return ascending ? order : -order;
                });
                header.setAttribute('data-order', ascending ? 'asc' : 'desc');
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
            // A link can carry a sort: report.html#sort=3 sorts by the fourth column (score), ascending.
            var wanted = /^#sort=(\\d+)$/.exec(location.hash);
            if (wanted) {
              var header = document.querySelectorAll('#shortlist th[data-sort]')[Number(wanted[1])];
              if (header) { header.click(); }
            }
            </script>
            </body>
            </html>

            """
        return page
    }
}

/// A match result as the store keeps it: what `JSONEncoder` with `.sortedKeys` writes, byte for byte, written
/// field by field. The encoder's generic walk was 7 % of a ranking (ten results recorded) and most of
/// re-scoring 1,000 stored resumes.
///
/// It follows the `Encodable` conformances of ``MatchResult`` and the types inside it (keys in byte order,
/// absent optionals left out as the synthesized `encode(to:)` leaves them, whole numbers without ".0").
/// When a field is added to one of them, add it here: `MatchResultJSONTests` compares the two on ranked
/// fixtures and on random results.
enum MatchResultJSON {
    /// The JSON of `result`, or `nil` when it holds a number JSON cannot write (the caller then uses
    /// `JSONEncoder`, which reports it).
    static func string(_ result: MatchResult) -> String? {
        let numbers =
            [result.score, result.candidateYears, result.yearsGap, result.relevantYears ?? 0]
            + result.components.flatMap { [$0.value, $0.weight] } + result.factors.map(\.value)
            + result.relatedSkills.map(\.credit) + result.gaps.map { $0.years ?? 0 }
        guard numbers.allSatisfy(\.isFinite) else { return nil }
        var out = JSONBytes()
        out.bytes.reserveCapacity(1_024)
        out.object { out in
            out.key("advice", first: true)
            out.strings(result.advice)
            if let degree = result.candidateDegree {
                out.key("candidateDegree")
                out.string(degree.rawValue)
            }
            if let level = result.candidateLevel {
                out.key("candidateLevel")
                out.string(level.rawValue)
            }
            out.key("candidateYears")
            out.number(result.candidateYears)
            out.key("components")
            out.array(result.components) { out, component in
                out.object { out in
                    out.key("kind", first: true)
                    out.string(component.kind.rawValue)
                    out.key("value")
                    out.number(component.value)
                    out.key("weight")
                    out.number(component.weight)
                }
            }
            out.key("decision")
            out.string(result.decision.rawValue)
            out.key("factors")
            out.array(result.factors) { out, factor in
                out.object { out in
                    out.key("kind", first: true)
                    out.string(factor.kind.rawValue)
                    out.key("value")
                    out.number(factor.value)
                }
            }
            out.key("gaps")
            out.array(result.gaps) { out, gap in gapObject(gap, into: &out) }
            if let level = result.jobLevel {
                out.key("jobLevel")
                out.string(level.rawValue)
            }
            out.key("matchedPreferredSkills")
            out.strings(result.matchedPreferredSkills)
            out.key("matchedRequiredSkills")
            out.strings(result.matchedRequiredSkills)
            if let degree = result.missingDegree {
                out.key("missingDegree")
                out.string(degree.rawValue)
            }
            out.key("missingPreferredSkills")
            out.strings(result.missingPreferredSkills)
            out.key("missingRequiredSkills")
            out.strings(result.missingRequiredSkills)
            out.key("relatedSkills")
            out.array(result.relatedSkills) { out, related in
                out.object { out in
                    out.key("candidate", first: true)
                    out.string(related.candidate)
                    out.key("credit")
                    out.number(related.credit)
                    out.key("required")
                    out.string(related.required)
                }
            }
            if let years = result.relevantYears {
                out.key("relevantYears")
                out.number(years)
            }
            out.key("score")
            out.number(result.score)
            out.key("skillsShownByTitles")
            out.strings(result.skillsShownByTitles)
            out.key("strengths")
            out.strings(result.strengths)
            out.key("yearsGap")
            out.number(result.yearsGap)
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A gap's object: its optional fields left out when absent.
    private static func gapObject(_ gap: MatchResult.Gap, into out: inout JSONBytes) {
        out.object { out in
            var first = true
            func key(_ name: String) {
                out.key(name, first: first)
                first = false
            }
            if let degree = gap.degree {
                key("degree")
                out.string(degree.rawValue)
            }
            key("kind")
            out.string(gap.kind.rawValue)
            if let skill = gap.skill {
                key("skill")
                out.string(skill)
            }
            if let years = gap.years {
                key("years")
                out.number(years)
            }
        }
    }
}

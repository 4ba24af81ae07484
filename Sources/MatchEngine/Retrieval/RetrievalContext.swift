/// Retrieved passages laid out for a prompt: each under a numbered citation line, within a budget.
public struct RetrievalContext: Sendable, Equatable {
    /// The prompt-ready text: `[1] source — who, section` then the passage, blank line, `[2] …`; empty
    /// when nothing was retrieved (tell the model there is no answer rather than give it junk).
    public var text: String
    /// The passages cited, in citation order (`[1]` is the first).
    public var citations: [Passage]

    /// The fewest characters a budget may hold.
    public static let minimumBudget = 200
    /// The most characters a budget may hold.
    public static let maximumBudget = 200_000

    /// Lays out `passages` (best first) in at most `budget` characters: whole passages while they fit; a
    /// first passage longer than the budget is cut at a word boundary and marked with `…`.
    ///
    /// - Complexity: O(total length of the passages).
    init(passages: [Passage], budget: Int) {
        let budget = min(max(budget, Self.minimumBudget), Self.maximumBudget)
        var text = ""
        var used = 0
        var citations: [Passage] = []
        for passage in passages {
            let header = "[\(citations.count + 1)] " + Self.label(passage)
            let separator = text.isEmpty ? 0 : 2
            let body = passage.text
            let cost = separator + header.count + 1 + body.count
            if used + cost <= budget {
                if separator > 0 { text += "\n\n" }
                text += header + "\n" + body
                used += cost
                citations.append(passage)
                continue
            }
            // Only the first passage is cut to fit: later ones are left out whole.
            guard citations.isEmpty else { break }
            let room = budget - header.count - 2
            guard room >= 40 else { break }
            var cut = String(body.prefix(room))
            if let space = cut.lastIndex(where: \.isWhitespace),
                cut.distance(from: cut.startIndex, to: space) > room / 2
            {
                cut = String(cut[..<space])
            }
            text = header + "\n" + cut + "…"
            citations.append(passage)
            break
        }
        self.text = text
        self.citations = citations
    }

    /// `source — name, section` for a resume; `source — job title or id` for a job.
    static func label(_ passage: Passage) -> String {
        var parts: [String] = []
        switch passage.kind {
        case .resume:
            if let name = passage.candidateName ?? passage.candidate { parts.append(name) }
            parts.append(passage.section.rawValue)
        case .job:
            parts.append("job " + (passage.job ?? "?"))
        }
        return passage.source + " — " + parts.joined(separator: ", ")
    }
}

/// A candidate found by free text, ranked by the passages of their resume that match it best.
public struct CandidateSearchResult: Sendable, Equatable {
    /// 1 for the best.
    public var rank: Int
    /// Who.
    public var candidate: CandidateSummary
    /// The best passage's fused score, plus a tenth of the second best's (a tie-breaker for breadth).
    public var score: Double
    /// The candidate's best passages (at most three), best first.
    public var passages: [Passage]
}

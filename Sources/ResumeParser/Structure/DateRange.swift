import Foundation

/// A period of time as a resume states it: "Mar 2019 – Present", "2019-03 to 2021-05", "03/2019 - 05/2021",
/// "2019 to 2021", "Summer 2020", "since 2018".
///
/// Imprecise dates are widened to what they cover: a bare year starts in January or ends in December;
/// seasons are spring = Mar–May, summer = Jun–Aug, fall/autumn = Sep–Nov, winter = Jan–Mar (of the year
/// given). Durations count months inclusively, as LinkedIn does ("Jan 2020 – Mar 2020" is 3 months).
struct DateRange: Equatable {
    var start: YearMonth
    /// `nil` when current.
    var end: YearMonth?
    /// Where in the line the range was written (character offsets).
    var span: Range<String.Index>

    var isCurrent: Bool { end == nil }

    /// Months covered, counting both ends; current ranges end at `reference`.
    func months(through reference: YearMonth) -> ClosedRange<Int>? {
        let last = (end ?? reference).ordinal
        guard last >= start.ordinal else { return nil }
        return start.ordinal...last
    }

    private static let month =
        "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
        + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?"
    private static let season = "(?:spring|summer|fall|autumn|winter)"
    // Whitespace runs are possessive (`\\s*+`): what follows one is never whitespace, so nothing is lost, and
    // a line of "jan" and 100,000 spaces is not tried in quadratically many splits.
    private static let date =
        "(?:\(month)\\s*+,?\\s*+(?:19|20)\\d{2}|\(season)\\s++(?:19|20)\\d{2}"
        + "|(?:19|20)\\d{2}\\s*+[-/.]\\s*+(?:0?[1-9]|1[0-2])(?!\\d)"
        + "|(?:0?[1-9]|1[0-2])\\s*+[/.]\\s*+(?:19|20)\\d{2}|(?:19|20)\\d{2})"
    private static let present = "(?:present|current(?:ly)?|now|today|ongoing|to date|date)"
    private static let separator = "\\s*+(?:-|–|—|−|~|to|until|till|through|thru)\\s*+"

    private static let rangePattern = NSRegularExpression.fixed(
        "(?<![\\p{L}\\p{N}/])(\(date))\(separator)(\(date)|\(present))(?![\\p{L}\\p{N}/])", options: .caseInsensitive)
    private static let sincePattern = NSRegularExpression.fixed(
        "\\b(?:since|from)\\s++(\(date))(?![\\p{L}\\p{N}/])", options: .caseInsensitive)
    private static let seasonPattern = NSRegularExpression.fixed(
        "(?<![\\p{L}\\p{N}/])(\(season))\\s++((?:19|20)\\d{2})(?![\\p{L}\\p{N}/])", options: .caseInsensitive)
    private static let partsPattern = NSRegularExpression.fixed(
        "^(?:(\(month))\\s*+,?\\s*+(\\d{4})|(\(season))\\s++(\\d{4})|(\\d{4})\\s*+[-/.]\\s*+(\\d{1,2})|(\\d{1,2})\\s*+[/.]\\s*+(\\d{4})|(\\d{4}))$",
        options: .caseInsensitive)

    private static let openStartPattern = NSRegularExpression.fixed(
        "^\\s*+(\(date))(\(separator)|\\s++)(?=\\p{L}|$)", options: .caseInsensitive)
    private static let leadingEndPattern = NSRegularExpression.fixed(
        "^\\s*+((?:-|–|—|to)\\s*+)?(\(date)|\(present))(?![\\p{L}\\p{N}/])", options: .caseInsensitive)

    /// Whether `line` may start with a date or "Present": a digit, or a word whose first three letters begin a
    /// month, a season or a word for now. A cheap test before the patterns, which most lines fail.
    static func mayStartWithDate(_ line: String) -> Bool {
        guard let first = line.first(where: { !$0.isWhitespace }) else { return false }
        if first.isASCII && first.isNumber { return true }
        let word = line.drop(while: \.isWhitespace).prefix(3).lowercased()
        return datePrefixes.contains(word)
    }

    private static let datePrefixes: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "spr", "sum", "fal",
        "aut", "win", "pre", "cur", "now", "tod", "ong", "dat",
    ]

    /// A range cut in two by a narrow date column: "Mar 2021 –" starting `line` (with the entry's words
    /// after it) and "Present" or "Feb 2021" starting `next`. Returns the line with the whole range and
    /// the rest of `next`.
    static func joinWrapped(_ line: String, _ next: String) -> (line: String, next: String)? {
        guard mayStartWithDate(line), mayStartWithDate(String(next.drop(while: { " -–—".contains($0) }))),
            line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
            first(in: line) == nil,
            let open = openStartPattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
            let openRange = Range(open.range, in: line), let startText = substring(line, open.range(at: 1)),
            let close = leadingEndPattern.firstMatch(in: next, range: NSRange(next.startIndex..., in: next)),
            let closeRange = Range(close.range, in: next), let endText = substring(next, close.range(at: 2)),
            let start = parse(startText, asEnd: false)
        else { return nil }
        // The dash ends the first line ("Mar 2021 –" / "Present") or starts the next ("August 2019" / "– March
        // 2022"), exactly once.
        let dashFirst = substring(line, open.range(at: 2)).map { !$0.trimmedWhitespace().isEmpty } ?? false
        guard dashFirst != (close.range(at: 1).location != NSNotFound) else { return nil }
        if let end = parse(endText, asEnd: true), end < start { return nil }
        let joined =
            "\(startText.trimmedWhitespace()) – \(endText.trimmedWhitespace())   \(line[openRange.upperBound...])"
        return (joined, String(next[closeRange.upperBound...]).trimmedWhitespace())
    }

    private static let openEndPattern = NSRegularExpression.fixed(
        "(?<![\\p{L}\\p{N}/])(\(date))\(separator)(\(month))?\\s*+$", options: .caseInsensitive)
    private static let leadingYearPattern = NSRegularExpression.fixed(
        "^\\s*+((?:19|20)\\d{2})(?![\\p{L}\\p{N}/])", options: .caseInsensitive)

    /// A range that ends `line` and that the text column wrapped: "…, Jun 2020 – Dec" over "2022", "…, 08/2021
    /// -" over "02/2023". Returns the line with the whole range and the rest of `next`. Only the last 40
    /// characters of `line` are looked at.
    static func joinTrailing(_ line: String, _ next: String) -> (line: String, next: String)? {
        let tail = String(line.suffix(40))
        // The range's start holds a year: tails without one are passed over before the patterns.
        guard let last = tail.last(where: { !$0.isWhitespace }), !last.isNumber, mayHoldYear(tail),
            mayStartWithDate(String(next.drop(while: \.isWhitespace))),
            let open = openEndPattern.firstMatch(in: tail, range: NSRange(tail.startIndex..., in: tail)),
            first(in: line) == nil,
            let openRange = Range(open.range, in: tail), let startText = substring(tail, open.range(at: 1)),
            let start = parse(startText, asEnd: false)
        else { return nil }
        let month = substring(tail, open.range(at: 2))
        let endPattern = month == nil ? leadingEndPattern : leadingYearPattern
        guard let close = endPattern.firstMatch(in: next, range: NSRange(next.startIndex..., in: next)),
            month != nil || close.range(at: 1).location == NSNotFound,
            let closeRange = Range(close.range, in: next),
            let endWord = substring(next, close.range(at: month == nil ? 2 : 1))
        else { return nil }
        let endText = month.map { "\($0.trimmedWhitespace()) \(endWord)" } ?? endWord.trimmedWhitespace()
        if let end = parse(endText, asEnd: true) {
            guard end >= start else { return nil }
        } else if month != nil {
            return nil
        }
        let head = line.dropLast(tail.count) + tail[..<openRange.lowerBound]
        return (
            "\(head)\(startText.trimmedWhitespace()) – \(endText)",
            String(next[closeRange.upperBound...]).trimmedWhitespace()
        )
    }

    private static let marginTokenPattern = NSRegularExpression.fixed(
        "^\\s*+(\(month)(?:\\s++(?:19|20)\\d{2})?|(?:0?[1-9]|1[0-2])[/.](?:19|20)\\d{2}|(?:19|20)\\d{2}(?:-(?:0[1-9]|1[0-2]))?"
            + "|\(present)|[|–—-])(?:\\s{2,}+|\\s*+·\\s*+|\\s*+$)",
        options: .caseInsensitive)

    /// A piece of a date written down a narrow margin column ("Mar", "2016", "|", "Present") starting `line`,
    /// with the rest of the line.
    static func marginToken(_ line: String) -> (token: String, rest: String)? {
        guard line.utf8.count <= 400, mayStartWithDate(line) || line.first.map({ "|–—-".contains($0) }) == true,
            let match = marginTokenPattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
            let token = substring(line, match.range(at: 1)), let whole = Range(match.range, in: line)
        else { return nil }
        return (token, String(line[whole.upperBound...]))
    }

    /// The first date range in `line`, if any.
    static func first(in line: String) -> DateRange? {
        // Every form has a year, "19" or "20" and two digits: other lines are skipped before the patterns.
        guard mayHoldYear(line) else { return nil }
        let whole = NSRange(line.startIndex..., in: line)
        if let match = rangePattern.firstMatch(in: line, range: whole),
            let startText = substring(line, match.range(at: 1)), let endText = substring(line, match.range(at: 2)),
            let span = Range(match.range, in: line), let start = parse(startText, asEnd: false)
        {
            if let end = parse(endText, asEnd: true) {
                return end >= start ? DateRange(start: start, end: end, span: span) : nil
            }
            return DateRange(start: start, end: nil, span: span)  // "present" and friends
        }
        if let match = sincePattern.firstMatch(in: line, range: whole),
            let text = substring(line, match.range(at: 1)), let span = Range(match.range, in: line),
            let start = parse(text, asEnd: false)
        {
            return DateRange(start: start, end: nil, span: span)
        }
        if let match = seasonPattern.firstMatch(in: line, range: whole), let span = Range(match.range, in: line),
            let text = substring(line, match.range), let start = parse(text, asEnd: false),
            let end = parse(text, asEnd: true)
        {
            return DateRange(start: start, end: end, span: span)
        }
        return nil
    }

    /// Whether `line` has "19" or "20" followed by a digit or a non-ASCII byte (a digit of another script
    /// is one, which the patterns' `\d` takes): true of every line holding a year the patterns read.
    static func mayHoldYear(_ line: String) -> Bool {
        var twoBack: UInt8 = 0
        var oneBack: UInt8 = 0
        for byte in line.utf8 {
            if (twoBack == 0x31 && oneBack == 0x39) || (twoBack == 0x32 && oneBack == 0x30),
                (0x30...0x39).contains(byte) || byte >= 0x80
            {
                return true
            }
            twoBack = oneBack
            oneBack = byte
        }
        return false
    }

    private static func substring(_ line: String, _ range: NSRange) -> String? {
        Range(range, in: line).map { String(line[$0]) }
    }

    /// One date; imprecise dates widen towards the start or the end of what they cover.
    static func parse(_ text: String, asEnd: Bool) -> YearMonth? {
        let trimmed = text.trimmedWhitespace()
        guard
            let match = partsPattern.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed))
        else { return nil }
        func group(_ index: Int) -> String? { substring(trimmed, match.range(at: index)) }
        func valid(_ year: Int, _ month: Int) -> YearMonth? {
            (1950...2100).contains(year) && (1...12).contains(month) ? YearMonth(year: year, month: month) : nil
        }
        if let name = group(1), let year = group(2).flatMap(Int.init) {
            return valid(year, monthNumber(name))
        }
        if let name = group(3), let year = group(4).flatMap(Int.init) {
            let first = ["spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 1][name.lowercased()] ?? 1
            return valid(year, asEnd ? first + 2 : first)
        }
        if let year = group(5).flatMap(Int.init), let month = group(6).flatMap(Int.init) { return valid(year, month) }
        if let month = group(7).flatMap(Int.init), let year = group(8).flatMap(Int.init) { return valid(year, month) }
        if let year = group(9).flatMap(Int.init) { return valid(year, asEnd ? 12 : 1) }
        return nil
    }

    private static func monthNumber(_ name: String) -> Int {
        let prefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let key = String(name.lowercased().prefix(3))
        return (prefixes.firstIndex(of: key) ?? 0) + 1
    }

    /// Years covered by `ranges` with overlaps counted once, to one decimal.
    static func totalYears(_ ranges: [DateRange], through reference: YearMonth) -> Double {
        let spans = ranges.compactMap { $0.months(through: reference) }.sorted { $0.lowerBound < $1.lowerBound }
        var months = 0
        var current: ClosedRange<Int>?
        for span in spans {
            if let open = current, span.lowerBound <= open.upperBound + 1 {
                current = open.lowerBound...max(open.upperBound, span.upperBound)
            } else {
                if let open = current { months += open.count }
                current = span
            }
        }
        if let open = current { months += open.count }
        return (Double(months) / 12 * 10).rounded() / 10
    }
}

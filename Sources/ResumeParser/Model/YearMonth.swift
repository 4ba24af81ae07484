import Foundation

/// A month of a year, the precision resumes give dates in. Encoded as `"YYYY-MM"`.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2024.
    public var year: Int
    /// 1 ... 12.
    public var month: Int

    /// - Precondition: `1 ... 12 ~= month`.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month \(month) is not 1 ... 12")
        self.year = year
        self.month = month
    }

    /// Months since year 0, for arithmetic.
    var ordinal: Int { year * 12 + month - 1 }

    /// The month `ordinal` months after January of year 0 (floored, so negative ordinals work too).
    init(ordinal: Int) {
        let (year, month) = ordinal.quotientAndRemainder(dividingBy: 12)
        self.init(year: month < 0 ? year - 1 : year, month: (month + 12) % 12 + 1)
    }

    /// The current month in UTC.
    public static var now: YearMonth {
        let components = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: Date())
        return YearMonth(year: components.year ?? 2000, month: components.month ?? 1)
    }

    /// Whether `lhs` is an earlier month than `rhs`.
    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.ordinal < rhs.ordinal }

    /// `"YYYY-MM"`, e.g. `"2024-03"`.
    public var description: String {
        let digits = String(month)
        return "\(year)-\(digits.count == 1 ? "0" + digits : digits)"
    }

    /// Parses `"YYYY-MM"`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// Decodes a `"YYYY-MM"` string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a valid `YYYY-MM`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not YYYY-MM"))
        }
        self = value
    }

    /// Encodes as the `"YYYY-MM"` string of ``description``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

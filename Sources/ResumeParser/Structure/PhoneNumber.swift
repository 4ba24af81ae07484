import Foundation

/// Finds phone numbers and writes them in E.164 (`+441134960000`) when the country is known: from a
/// `+` prefix, or from the resume's location for national numbers (a leading trunk `0` is dropped).
enum PhoneNumber {
    /// Calling codes by ISO country code and by country or region name (lowercased), for the
    /// countries resumes most often come from. US and Canadian state/province codes map to +1 (so "IN"
    /// and "IL" are Indiana and Illinois, not India and Israel; "DE" stays Germany).
    static let callingCode: [String: String] = {
        var codes: [String: String] = [
            "us": "1", "usa": "1", "united states": "1", "ca": "1", "canada": "1", "gb": "44", "uk": "44",
            "united kingdom": "44", "england": "44", "scotland": "44", "wales": "44", "ie": "353", "ireland": "353",
            "de": "49", "germany": "49", "fr": "33", "france": "33", "es": "34", "spain": "34", "it": "39",
            "italy": "39", "nl": "31", "netherlands": "31", "be": "32", "belgium": "32", "ch": "41",
            "switzerland": "41", "at": "43", "austria": "43", "se": "46", "sweden": "46", "no": "47", "norway": "47",
            "dk": "45", "denmark": "45", "fi": "358", "finland": "358", "pl": "48", "poland": "48", "pt": "351",
            "portugal": "351", "india": "91", "au": "61", "australia": "61", "nz": "64",
            "new zealand": "64", "jp": "81", "japan": "81", "sg": "65", "singapore": "65", "br": "55",
            "brazil": "55", "mx": "52", "mexico": "52", "za": "27", "south africa": "27", "ng": "234",
            "nigeria": "234", "ke": "254", "kenya": "254", "israel": "972", "ae": "971",
            "united arab emirates": "971", "uae": "971", "saudi arabia": "966", "qatar": "974", "egypt": "20",
            "morocco": "212", "ghana": "233", "argentina": "54", "chile": "56", "colombia": "57", "peru": "51",
            "uruguay": "598", "czech republic": "420", "czechia": "420", "slovakia": "421", "hungary": "36",
            "romania": "40", "bulgaria": "359", "greece": "30", "turkey": "90", "türkiye": "90", "ukraine": "380",
            "estonia": "372", "latvia": "371", "lithuania": "370", "slovenia": "386", "croatia": "385",
            "serbia": "381", "iceland": "354", "luxembourg": "352", "china": "86", "hong kong": "852",
            "taiwan": "886", "south korea": "82", "korea": "82", "vietnam": "84", "thailand": "66",
            "malaysia": "60", "indonesia": "62", "philippines": "63", "pakistan": "92", "bangladesh": "880",
            "sri lanka": "94", "northern ireland": "44",
        ]
        // Full names of US states and Canadian provinces, as written after a city ("Austin, Texas").
        let northAmericaNames = [
            "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
            "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
            "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
            "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
            "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
            "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
            "west virginia", "wisconsin", "wyoming", "ontario", "quebec", "québec", "british columbia", "alberta",
            "manitoba", "saskatchewan", "nova scotia", "new brunswick", "newfoundland and labrador",
        ]
        for name in northAmericaNames where codes[name] == nil { codes[name] = "1" }
        let northAmerica =
            "al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok "
            + "or pa ri sc sd tn tx ut vt va wa wv wi wy dc on qc bc ab mb sk ns nb nl pe"
        for code in northAmerica.split(separator: " ") where codes[String(code)] == nil {
            codes[String(code)] = "1"
        }
        return codes
    }()

    private static let pattern = NSRegularExpression.fixed(
        "(?<![\\w+])(\\+\\s?\\d{1,3}[\\s.-]?)?(\\(?\\d{1,5}\\)?[\\s.-]?){1,5}\\d{2,5}(?!\\w)")

    /// The first phone number in `text`, normalised; `location` supplies the country for national numbers.
    static func first(in text: String, location: String?) -> String? {
        first(inLines: text.utf8.split(separator: UInt8(ascii: "\n")), location: location)
    }

    /// ``first(in:location:)`` over a text already cut at its line feeds.
    static func first(inLines lines: [Substring.UTF8View], location: String?) -> String? {
        // Line by line, and only lines with seven or more digits: the pattern backtracks, and a number
        // never spans lines.
        for bytes in lines where bytes.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 7 {
            // Links and e-mail addresses carry digits that are not a number to call.
            let line = Substring(bytes).split(separator: " ", omittingEmptySubsequences: false)
                .map { word in
                    word.containsLiteral("@") || word.containsLiteral("/") || word.hasPrefix("www.") ? "" : word
                }
                .joined(separator: " ")
            for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                guard let range = Range(match.range, in: line) else { continue }
                let written = String(line[range])
                let digits = written.filter(\.isNumber)
                guard (7...15).contains(digits.count), !looksLikeDateRange(written) else { continue }
                return normalise(written, location: location)
            }
        }
        return nil
    }

    private static func looksLikeDateRange(_ text: String) -> Bool {
        let groups = text.split(whereSeparator: { !$0.isNumber })
        return groups.count == 2 && groups.allSatisfy { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) }
    }

    static func normalise(_ written: String, location: String?) -> String {
        var digits = written.filter(\.isNumber)
        if written.trimmedWhitespace().hasPrefix("+") {
            // "+44 (0)113 ..." and "+44 0113 ...": the trunk 0 after a country code is not dialled (Italy keeps it).
            let code = callingCodePrefix(of: digits)
            var rest = digits.dropFirst(code.count)
            if rest.first == "0" && code != "39" { rest = rest.dropFirst() }
            return "+" + code + rest
        }
        guard let country = country(of: location) else { return digits }
        if country == "1" {
            if digits.count == 11 && digits.hasPrefix("1") { digits.removeFirst() }
            return digits.count == 10 ? "+1" + digits : digits
        }
        if digits.hasPrefix("00") { return "+" + digits.dropFirst(2) }
        if digits.hasPrefix("0") && country != "39" { digits.removeFirst() }
        return "+" + country + digits
    }

    /// The calling code at the start of an international number's digits.
    private static func callingCodePrefix(of digits: String) -> String {
        let known = Set(callingCode.values)
        for length in 1...3 where known.contains(String(digits.prefix(length))) {
            return String(digits.prefix(length))
        }
        return String(digits.prefix(2))
    }

    /// The calling code of a location such as "Austin, TX", "Leeds, GB" or "Berlin, Germany".
    static func country(of location: String?) -> String? {
        guard let location else { return nil }
        let parts = location.split(separator: ",").map { $0.trimmedWhitespace().lowercased() }
        for part in parts.reversed() { if let code = callingCode[part] { return code } }
        return nil
    }
}

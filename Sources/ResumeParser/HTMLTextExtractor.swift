/// The visible text of an HTML page: tags dropped, `script`/`style`/`head` contents skipped, block
/// elements turned into line breaks, list items into bullets, and character references decoded.
enum HTMLTextExtractor {
    private static let hiddenElements: Set<String> = ["script", "style", "head", "noscript", "template", "svg"]
    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "dt", "dd", "blockquote", "pre", "address", "main", "aside", "nav",
    ]

    static func text(of html: String) -> String {
        var output = ""
        var hiddenUntil: String?
        var afterTag = false
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                guard let close = html[index...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: index)..<close]
                index = html.index(after: close)
                afterTag = true
                if tag.hasPrefix("!--") {
                    if let end = html[tag.startIndex...].range(of: "-->") { index = end.upperBound }
                    continue
                }
                let isClosing = tag.hasPrefix("/")
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                if let hidden = hiddenUntil {
                    if isClosing && name == hidden { hiddenUntil = nil }
                    continue
                }
                if !isClosing && hiddenElements.contains(name) && !tag.hasSuffix("/") {
                    hiddenUntil = name
                } else if name == "li" && !isClosing {
                    output += "\n• "
                } else if name == "td" || name == "th" {
                    if isClosing { output += "\t" }
                } else if blockElements.contains(name) {
                    output += "\n"
                }
                continue
            }
            index = html.index(after: index)
            guard hiddenUntil == nil else { continue }
            var visible = character
            if character == "&", let (decoded, next) = decodeReference(in: html, at: index) {
                visible = decoded
                index = next
            } else if character.isWhitespace && character != "\u{A0}" {
                visible = " "
            }
            // Elements side by side in a styled row ("Product Management<span>Advanced</span>",
            // "<span>MBA</span><span>2018</span>") are separate words; a word split by markup stays whole.
            if afterTag, let last = output.last, Self.startsNewWord(after: last, visible) { output.append(" ") }
            afterTag = false
            output.append(visible)
        }
        return tidy(output)
    }

    /// Whether `next` after `last`, with only markup between them, starts a new word: a lower-case letter or a
    /// digit before a capital, or a letter next to a digit.
    private static func startsNewWord(after last: Character, _ next: Character) -> Bool {
        ((last.isLowercase || last.isNumber) && next.isUppercase) || (last.isLetter && next.isNumber)
            || (last.isNumber && next.isLetter)
    }

    /// Collapses runs of spaces and blank lines left by markup.
    private static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
            let collapsed = words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if collapsed.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(collapsed)
        }
        return lines.joined(separator: "\n").trimmedWhitespaceScalars()
    }

    private static let namedReferences: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "bull": "•", "middot": "·", "hellip": "…", "copy": "©", "reg": "®", "trade": "™", "rsquo": "’",
        "lsquo": "‘", "rdquo": "”", "ldquo": "“", "eacute": "é", "egrave": "è", "uuml": "ü", "ouml": "ö",
        "auml": "ä", "ccedil": "ç", "ntilde": "ñ", "aacute": "á", "iacute": "í", "oacute": "ó", "uacute": "ú",
    ]

    /// Decodes `&name;`, `&#123;` or `&#x7B;` starting just after the ampersand at `start`.
    private static func decodeReference(in html: String, at start: String.Index) -> (Character, String.Index)? {
        guard let semicolon = html[start...].prefix(12).firstIndex(of: ";") else { return nil }
        let body = html[start..<semicolon]
        let next = html.index(after: semicolon)
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            guard let value = UInt32(body.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else {
                return nil
            }
            return (Character(scalar), next)
        }
        if body.hasPrefix("#") {
            guard let value = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(value) else { return nil }
            return (Character(scalar), next)
        }
        guard let character = namedReferences[String(body)] else { return nil }
        return (character, next)
    }
}

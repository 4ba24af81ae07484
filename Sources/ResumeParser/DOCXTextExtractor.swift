import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the text of a Word document: body paragraphs, tables, text boxes, list items, headers and
/// footers, in document order (headers first, footers last).
///
/// A DOCX is a ZIP archive, so reading one is bounded: at most `maximumEntries` entries and
/// `maximumUncompressedBytes` decompressed bytes, counted as they are inflated (declared sizes can lie).
struct DOCXTextExtractor {
    var maximumEntries: Int
    var maximumUncompressedBytes: Int
    var maximumPartBytes: Int

    func extract(_ data: Data, source: String) throws -> ExtractedText {
        let archive: ZIPArchive
        do {
            archive = try ZIPArchive(data: data, maximumEntries: maximumEntries)
        } catch .tooManyEntries {
            throw ParseError.corrupt(source: source, reason: "more than \(maximumEntries) archive entries")
        } catch {
            throw ParseError.corrupt(source: source, reason: "not a readable ZIP archive")
        }
        var entries: [String: ZIPArchive.Entry] = [:]
        for entry in archive.entries { entries[entry.path] = entry }
        guard let body = entries["word/document.xml"] else {
            // A ZIP that is not a Word document (an XLSX, a JAR, ...).
            throw ParseError.unsupportedFormat(source: source)
        }
        var budget = maximumUncompressedBytes
        let headers = entries.keys.filter { Self.isPart($0, named: "header") }.sorted(by: Self.partOrder)
        let footers = entries.keys.filter { Self.isPart($0, named: "footer") }.sorted(by: Self.partOrder)
        var parts: [String] = []
        for path in headers + ["word/document.xml"] + footers {
            let entry = path == "word/document.xml" ? body : entries[path]
            guard let entry else { continue }
            let xml = try read(entry, from: archive, budget: &budget, source: source)
            let text = try WordprocessingTextCollector.text(of: xml, source: source)
            if !text.isEmpty { parts.append(text) }
        }
        let text = parts.joined(separator: "\n")
        guard text.contains(where: { !$0.isWhitespace }) else { throw ParseError.emptyDocument(source: source) }
        return ExtractedText(format: .docx, text: text, pageCount: nil)
    }

    /// Numbered parts in their number's order ("header2.xml" before "header10.xml"), then by name.
    static func partOrder(_ a: String, _ b: String) -> Bool {
        func number(_ path: String) -> Int {
            let name = path.split(separator: "/").last ?? ""
            return Int(String(name.filter(\.isASCII).filter(\.isNumber).prefix(9))) ?? 0
        }
        let (x, y) = (number(a), number(b))
        return x != y ? x < y : a < b
    }

    private static func isPart(_ path: String, named kind: String) -> Bool {
        path.hasPrefix("word/\(kind)") && path.hasSuffix(".xml") && !path.dropFirst(5).containsLiteral("/")
    }

    private func read(
        _ entry: ZIPArchive.Entry, from archive: ZIPArchive, budget: inout Int, source: String
    ) throws
        -> Data
    {
        var xml = Data()
        var remaining = budget
        do {
            try archive.read(entry) { chunk in
                remaining -= chunk.count
                guard remaining >= 0 else { throw DecompressionLimitExceeded() }
                guard xml.count + chunk.count <= maximumPartBytes else { throw PartLimitExceeded() }
                xml.append(chunk)
            }
        } catch is DecompressionLimitExceeded {
            throw ParseError.corrupt(
                source: source, reason: "decompresses to more than \(maximumUncompressedBytes) bytes (zip bomb?)")
        } catch is PartLimitExceeded {
            throw ParseError.partTooLarge(
                source: source, part: FileNameEscaping.escaped(entry.path), limit: maximumPartBytes)
        } catch {
            throw ParseError.corrupt(
                source: source, reason: "archive entry \(FileNameEscaping.escaped(entry.path)) is damaged")
        }
        budget = remaining
        return xml
    }

    private struct DecompressionLimitExceeded: Error {}
    private struct PartLimitExceeded: Error {}
}

/// Collects the visible text of one WordprocessingML part with a streaming XML parser.
private final class WordprocessingTextCollector: NSObject, XMLParserDelegate {
    private var output = ""
    private var inText = false
    private var fallbackDepth = 0
    private var paragraphIsListItem = false
    private var paragraphStart = 0

    static func text(of xml: Data, source: String) throws -> String {
        let collector = WordprocessingTextCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw ParseError.corrupt(source: source, reason: "malformed document XML")
        }
        return collector.output.trimmedWhitespaceScalars()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        // Text boxes appear twice: as DrawingML (mc:Choice) and as a VML fallback; keep the first.
        if name == "mc:Fallback" { fallbackDepth += 1 }
        guard fallbackDepth == 0 else { return }
        switch name {
        case "w:t": inText = true
        case "w:tab": output += "\t"
        case "w:br", "w:cr": output += "\n"
        case "w:p":
            paragraphIsListItem = false
            // A UTF-8 offset: O(1) on a native string, where `utf16.count` walked the whole output once
            // per paragraph as soon as it held a non-ASCII character.
            paragraphStart = output.utf8.count
        case "w:numPr": paragraphIsListItem = true
        // A text box is a block of its own, never part of the paragraph that anchors it: "Priya Cole" and
        // the box's "Contact" must not run together.
        case "w:txbxContent": output += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "mc:Fallback" {
            fallbackDepth -= 1
            return
        }
        guard fallbackDepth == 0 else { return }
        switch name {
        case "w:t": inText = false
        case "w:p":
            if paragraphIsListItem {
                let index = output.utf8.index(output.utf8.startIndex, offsetBy: paragraphStart)
                output.insert(contentsOf: "• ", at: index)
            }
            output += "\n"
        case "w:tc": output += "\t"
        case "w:tr", "w:txbxContent": output += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && fallbackDepth == 0 { output += string }
    }
}

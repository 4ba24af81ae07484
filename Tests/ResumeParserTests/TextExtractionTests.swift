import Foundation
import ParserEvaluation
import TestSupport
import Testing

@testable import ResumeParser

@Suite("Text extraction")
struct TextExtractionTests {
    let extractor = TextExtractor()

    @Test("a PDF fixture is read through poppler, in physical layout")
    func pdfThroughPoppler() throws {
        let url = Fixtures.resume(3)
        let truth = try GroundTruth(forResume: url)
        let extracted = try extractor.extract(contentsOf: url)
        #expect(extracted.format == .pdf)
        #expect(extracted.pageCount == 1)
        #expect(extracted.text.hasPrefix(truth.contact.name))
        #expect(extracted.text.contains(truth.contact.email))
        #expect(extracted.text.contains("• "))
        #expect(extracted.text.contains("EXPERIENCE") || extracted.text.contains("Experience"))
    }

    @Test("a DOCX fixture with a table layout is read through the package's own ZIP reader")
    func docxThroughZIPReader() throws {
        let url = Fixtures.resume(5)
        let truth = try GroundTruth(forResume: url)
        let extracted = try extractor.extract(contentsOf: url)
        #expect(extracted.format == .docx)
        #expect(extracted.pageCount == nil)
        let lines = extracted.text.split(separator: "\n").map(String.init)
        #expect(lines.first == truth.contact.name)
        #expect(extracted.text.contains(truth.contact.email))
        #expect(lines.contains { $0.hasPrefix("• ") }, "list paragraphs become bullets")
        #expect(lines.contains { $0.caseInsensitiveCompare("Experience") == .orderedSame })
    }

    @Test("lines found on the bytes are those the character split cuts")
    func firstLines() throws {
        var samples = [
            "", "\n", "\n\n# Title\n\n- a\n", "one\r\ntwo\nthree", "a\n\u{301}b\n", "\r\n\r\n", "x\r\ry\n\nz",
            "é\n– \n\u{1F468}\u{200D}\u{1F469}\n",
        ]
        samples.append((0..<500).map { "line \($0)" }.joined(separator: "\n"))
        for fixture in try FileManager.default.contentsOfDirectory(
            at: Fixtures.root.appendingPathComponent("resumes"), includingPropertiesForKeys: nil)
        where ["md", "txt"].contains(fixture.pathExtension) {
            samples.append(try String(contentsOf: fixture, encoding: .utf8))
        }
        for text in samples {
            for omitting in [true, false] {
                let all = text.split(separator: "\n", omittingEmptySubsequences: omitting)
                #expect(text.linesAtLineFeeds(omittingEmpty: omitting) == all, "\(text.prefix(40))")
                for limit in [1, 3, 200] {
                    #expect(
                        text.linesAtLineFeeds(omittingEmpty: omitting, limit: limit) == Array(all.prefix(limit)),
                        "\(text.prefix(40))")
                }
            }
        }
    }

    @Test("trimming white space by scalars is Foundation's trimming")
    func scalarTrimming() {
        // Every scalar Foundation's set holds, and some that look like white space but are not in it.
        let spaces = (0...0x3000).compactMap(Unicode.Scalar.init).filter {
            CharacterSet.whitespacesAndNewlines.contains($0)
        }
        #expect(spaces.count >= 25)
        let others: [Unicode.Scalar] = [
            "\u{FEFF}", "\u{200C}", "\u{200D}", "\u{301}", "\u{180E}", "\u{2060}", "x", "é",
        ]
        var samples = [
            "", " ", "\r\n", "a", " \u{301}abc ", "abc \u{301}", "\r\n x \r\n", "\u{1F468}\u{200D}\u{1F469} ",
        ]
        for space in spaces {
            for other in others {
                samples.append("\(space)\(other)\(space)")
                samples.append("\(other)\(space)\(space)\(other)")
                samples.append("\(space)\(space)")
            }
        }
        for text in samples {
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(
                Array(text.trimmedWhitespaceScalars().unicodeScalars) == Array(expected.unicodeScalars),
                "\(text.debugDescription)")
        }
    }

    @Test("HTML is told by its tags in any case, as the lower-cased text tells it")
    func htmlTagsInAnyCase() throws {
        func lowercasedSays(_ text: String) -> Bool {
            let lowered = text.prefix(4096).lowercased()
            return ["<html", "<!doctype html", "<body"].contains { lowered.containsLiteral($0) }
        }
        var samples = [
            "<HTML>", "<Html lang=en>", "<!DOCTYPE HTML>", "<BODY\u{301}>", "<bOdY>", "<\u{212A}html>", "İ<HTML",
            "<htm\u{130}l>", "x<BODY", "<B O D Y>", "plain text", String(repeating: "é", count: 4_095) + "<HTML",
            String(repeating: "e", count: 4_093) + "<HTML",
        ]
        for folder in ["resumes", "real/resumes", "jobs"] {
            let directory = Fixtures.root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
                if let raw = try? String(contentsOf: file, encoding: .utf8) { samples.append(raw) }
                if let text = try? TextExtractor().extract(contentsOf: file).text { samples.append(text) }
            }
        }
        #expect(samples.contains { DocumentFormat.classifyText($0) == .html })
        for text in samples {
            #expect((DocumentFormat.classifyText(text) == .html) == lowercasedSays(text), "\(text.prefix(40))")
        }
    }

    @Test("every fixture resume yields text in the format its extension names")
    func everyFixture() throws {
        #expect(Fixtures.resumes.count >= 60)
        for url in Fixtures.resumes {
            let truth = try GroundTruth(forResume: url)
            let extracted = try extractor.extract(contentsOf: url)
            #expect(extracted.format.rawValue == truth.format, "\(url.lastPathComponent)")
            #expect(extracted.text.lowercased().contains(truth.contact.name.lowercased()), "\(url.lastPathComponent)")
            #expect(extracted.text.split(separator: " ").count > 50, "\(url.lastPathComponent)")
        }
    }

    @Test("HTML gives its visible text only")
    func html() throws {
        let html = """
            <!DOCTYPE html><html><head><title>x</title><style>p { color: red }</style></head>
            <body><h1>Zo&euml; M&#252;ller</h1><script>alert("no")</script>
            <p>Senior&nbsp;engineer &amp; mentor</p><ul><li>Go</li><li>C&#x2B;&#x2B;</li></ul></body></html>
            """
        let extracted = try extractor.extract(Data(html.utf8), source: "page.html")
        #expect(extracted.format == .html)
        #expect(!extracted.text.contains("alert"))
        #expect(!extracted.text.contains("color"))
        #expect(extracted.text.contains("Senior engineer & mentor"))
        #expect(extracted.text.contains("• Go"))
        #expect(extracted.text.contains("• C++"))
    }

    @Test("UTF-16 with a BOM and Latin-1 text decode")
    func legacyEncodings() throws {
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("José Núñez\nSkills: Go, R".data(using: .utf16LittleEndian)!)
        #expect(try extractor.extract(utf16, source: "a.txt").text == "José Núñez\nSkills: Go, R")
        let latin1 = "Zoë Müller, São Paulo".data(using: .isoLatin1)!
        #expect(try extractor.extract(latin1, source: "b.txt").text == "Zoë Müller, São Paulo")
    }

    @Test("format comes from the bytes, not the name")
    func sniffing() throws {
        let pdf = try Data(contentsOf: Fixtures.resume(3))
        #expect(try extractor.extract(pdf, source: "resume.txt").format == .pdf)
        #expect(DocumentFormat.sniff(Data("# Jane\n\n## Skills\n- Go\n".utf8)) == .markdown)
        #expect(DocumentFormat.sniff(Data("Jane Doe\nSkills: Go".utf8)) == .plainText)
    }

    @Test("DOCX headers and footers are read in their number's order, header2 before header10")
    func docxPartOrder() {
        let parts = ["word/header10.xml", "word/header2.xml", "word/header1.xml", "word/header.xml"]
        #expect(
            parts.sorted(by: DOCXTextExtractor.partOrder) == [
                "word/header.xml", "word/header1.xml", "word/header2.xml", "word/header10.xml",
            ])
        #expect(DOCXTextExtractor.partOrder("word/footer99999999999999999999.xml", "word/footer1.xml") == false)
    }
}

import Foundation
import Testing

@testable import match_tool

/// The output writers and the configuration merger, without a process.
@Suite("CSV fields, HTML escaping, configuration layers")
struct ReportFormatTests {
    @Test(
        "formula-like cells get a leading quote mark; commas, quotes and line breaks are quoted",
        arguments: [
            ("=1+2", "'=1+2"), ("+SUM(A1)", "'+SUM(A1)"), ("-2", "'-2"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
            ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
            ("=a,b", "\"'=a,b\""), ("plain", "plain"), ("", ""), ("Zoë", "Zoë"),
        ])
    func csvField(input: String, expected: String) {
        #expect(CSVTable.field(input) == expected)
    }

    @Test("records end with CRLF; the BOM is optional")
    func csvRecords() {
        var table = CSVTable(headers: ["a", "b"])
        table.append(["1", "x,y"])
        #expect(table.text == "a,b\r\n1,\"x,y\"\r\n")
        #expect(Array(table.data(bom: true).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(table.data(bom: false).first == UInt8(ascii: "a"))
    }

    @Test("text table cells are escaped: a name or title from a document cannot move the cursor or forge a line")
    func textTableEscapes() {
        var table = TextTable(headers: ["name", "title"])
        table.append(["Ada\u{1B}]0;pwned\u{07}", "Engineer\nerror: forged"])
        let text = table.render()
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.contains("Ada\\u{1B}]0;pwned\\u{7}") && text.contains("Engineer\\nerror: forged"))
    }

    @Test("HTML escaping covers text and quoted attributes")
    func htmlEscape() {
        #expect(
            ShortlistReport.escape("<script>alert('x') & \"y\"</script>")
                == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    @Test("flags over environment over file over defaults, each value with its source")
    func layers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"namespace": "file", "top": 5, "threshold": 65.5, "preset": "classic"}"#.utf8)
            .write(to: folder.appendingPathComponent("match-tool.json"))
        let settings = try Settings.resolve(
            flags: ["namespace": "flag"], configPath: nil,
            environment: ["MATCH_ENGINE_NAMESPACE": "env", "MATCH_ENGINE_TOP": "7", "MATCH_ENGINE_MODEL_DIR": "/x"],
            workingDirectory: folder.path)
        #expect(settings["namespace"] == "flag")
        #expect(settings["top"] == "7")
        #expect(settings["threshold"] == "65.5")
        #expect(settings["preset"] == "classic")
        #expect(settings["provider"] == "minilm")
        let sources = Dictionary(uniqueKeysWithValues: settings.all.map { ($0.key, $0.source) })
        #expect(sources["namespace"] == .flag("--namespace"))
        #expect(sources["top"] == .environment("MATCH_ENGINE_TOP"))
        #expect(sources["preset"] == .file(folder.appendingPathComponent("match-tool.json").path))
        #expect(sources["format"] == .defaultValue)

        #expect(throws: SettingsError.self) {
            try Settings.resolve(
                flags: [:], configPath: nil, environment: ["MATCH_ENGINE_THRESHOLD": "101"],
                workingDirectory: folder.path)
        }
    }
}

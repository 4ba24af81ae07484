import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// The generated bad-input corpus (`Fixtures/bad`, expected errors in `expected.json`) plus an 11 MB
/// file written here: each gives its typed error naming the file, or (invalid UTF-8) a parse.
@Suite("Bad-input corpus")
struct BadInputCorpusTests {
    static func caseName(_ error: ParseError) -> String {
        switch error {
        case .unsupportedFormat: "unsupportedFormat"
        case .fileTooLarge: "fileTooLarge"
        case .encryptedPDF: "encryptedPDF"
        case .corrupt: "corrupt"
        case .noTextLayer: "noTextLayer"
        case .emptyDocument: "emptyDocument"
        case .unreadable: "unreadable"
        case .tooManyPages: "tooManyPages"
        case .partTooLarge: "partTooLarge"
        case .textTooLarge: "textTooLarge"
        case .invalidTaxonomy: "invalidTaxonomy"
        case .duplicateSkill: "duplicateSkill"
        }
    }

    @Test("every corpus file fails with its expected error, naming the file")
    func corpus() throws {
        let folder = Fixtures.root.appendingPathComponent("bad")
        let expected = try JSONDecoder().decode(
            [String: String?].self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        #expect(expected.count >= 8)
        let parser = DocumentParser()
        for (name, error) in expected.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(name)
            do {
                let resume = try parser.parseResume(contentsOf: url)
                #expect(error == nil, "\(name) parsed, expected \(error ?? "")")
                #expect(resume.source == name)
            } catch let failure as ParseError {
                #expect(Self.caseName(failure) == error, "\(name): \(failure)")
                #expect(failure.source.hasSuffix(name))
                #expect(failure.localizedDescription.contains(name))
            }
        }
    }

    @Test("UTF-8 with a few broken bytes stays UTF-8; a Latin-1 file is still read as Latin-1")
    func damagedUTF8() throws {
        let resume = try DocumentParser().parseResume(
            contentsOf: Fixtures.root.appendingPathComponent("bad/invalid-utf8.txt"))
        #expect(resume.contact.name == "Zoë Example")
        #expect(Set(resume.skills.map(\.name)).isSuperset(of: ["Go", "Python"]))
        let latin1 = try #require("Zoë Müller\nSkills: Go".data(using: .isoLatin1))
        #expect(try TextExtractor().extract(latin1, source: "l.txt").text == "Zoë Müller\nSkills: Go")
    }

    @Test("an 11 MB file is refused before it is read")
    func tooLarge() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("huge.txt")
        try Data(repeating: 0x61, count: 11_000_000).write(to: url)
        #expect(throws: ParseError.fileTooLarge(source: url.path, size: 11_000_000, limit: 10_000_000)) {
            try DocumentParser().parseResume(contentsOf: url)
        }
    }
}

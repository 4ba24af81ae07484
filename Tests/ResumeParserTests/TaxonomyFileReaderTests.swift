import Foundation
import TestSupport
import Testing

@testable import ResumeParser

/// The taxonomy reader must read what `JSONDecoder` reads, and leave to it (`nil`) every file it does not
/// read the same way.
@Suite("Taxonomy file reader")
struct TaxonomyFileReaderTests {
    struct File: Decodable, Equatable {
        var skills: [Skill]
        var relations: [SkillRelation]?
    }

    static func decoded(_ json: String) -> (skills: [Skill], relations: [SkillRelation])? {
        guard let file = try? JSONDecoder().decode(File.self, from: Data(json.utf8)) else { return nil }
        return (file.skills, file.relations ?? [])
    }

    @Test("the shipped taxonomy reads as the decoder reads it")
    func shipped() throws {
        let url = try #require(Bundle.module.url(forResource: "skills-taxonomy", withExtension: "json"))
        let data = try Data(contentsOf: url)
        let read = try #require(TaxonomyFileReader.read([UInt8](data)))
        let file = try JSONDecoder().decode(File.self, from: data)
        #expect(read.skills == file.skills)
        #expect(read.relations == (file.relations ?? []))
        #expect(read.skills.count >= 3_000)
    }

    @Test("valid variants read as the decoder reads them")
    func variants() throws {
        let skill = #"{"name":"Go","category":"languages","aliases":["golang","=GO"],"cased":true,"listed":false"#
        let documents = [
            #"{"skills":[\#(skill)}]}"#,
            #"{"skills":[\#(skill),"generic":true}],"relations":null}"#,
            #"{"skills":[\#(skill),"generic":null,"source":{"x":[1,2.5e-3,-0.5,true,null]}}],"version":1}"#,
            #" { "skills" : [ ] , "relations" : [ { "skills" : ["a","b"] , "credit" : 0.25 , "note" : "n" } ] } "#,
            #"{"skills":[{"name":"caf\u00e9 \ud83d\ude00 \/ \\ \" \t\n","category":"tools","aliases":[],"cased":false,"listed":true}]}"#,
            #"{"relations":[{"skills":[],"credit":1,"note":""}],"skills":[]}"#,
            "{\"skills\":[{\"name\":\"Zoë\",\"category\":\"soft skills\",\"aliases\":[\"Zoe\"],\"cased\":false,\"listed\":false}]}",
        ]
        for json in documents {
            let read = try #require(TaxonomyFileReader.read(Array(json.utf8)), "\(json)")
            let decoded = try #require(Self.decoded(json), "\(json)")
            #expect(read.skills == decoded.skills, "\(json)")
            #expect(read.relations == decoded.relations, "\(json)")
        }
    }

    @Test("what it does not read the decoder's way is left to the decoder")
    func leftToDecoder() {
        let skill = #"{"name":"Go","category":"languages","aliases":[],"cased":true,"listed":false}"#
        var documents = [
            "", "[]", "{}", #"{"skills":{}}"#, #"{"skills":[\#(skill)]} x"#, #"{"skills":[\#(skill)],}"#,
            #"{"skills":[{"name":"Go","name":"Rust","category":"languages","aliases":[],"cased":true,"listed":false}]}"#,
            #"{"skills":[{"name":"Go","category":"spells","aliases":[],"cased":true,"listed":false}]}"#,
            #"{"skills":[{"name":"Go","category":"languages","aliases":[1],"cased":true,"listed":false}]}"#,
            #"{"skills":[{"name":"Go","category":"languages","aliases":[],"cased":1,"listed":false}]}"#,
            #"{"skills":[{"category":"languages","aliases":[],"cased":true,"listed":false}]}"#,
            #"{"skills":[{"name":"G\#u{1}o","category":"languages","aliases":[],"cased":true,"listed":false}]}"#,
            #"{"skills":[{"name":"\ud800","category":"languages","aliases":[],"cased":true,"listed":false}]}"#,
            #"{"skills":[],"relations":[{"skills":["a"],"credit":01,"note":""}]}"#,
            #"{"skills":[],"relations":[{"skills":["a"],"credit":1e999,"note":""}]}"#,
            #"{"skills":[],"relations":{}}"#, #"{"skills":[\#(skill)],"generic":"yes"}"#,
            String(repeating: "[", count: 100_000),
        ]
        documents.append(#"{"skills":[{"name":"Go","category":"languages","aliases":[],"cased":tru"#)
        for json in documents {
            // What it reads, the decoder reads the same.
            guard let read = TaxonomyFileReader.read(Array(json.utf8)) else { continue }
            let decoded = Self.decoded(json)
            #expect(decoded?.skills == read.skills && decoded?.relations == read.relations, "\(json.prefix(80))")
        }
        var invalidUTF8 = Array(#"{"skills":[{"name":"G"#.utf8)
        invalidUTF8 += [0xC3, 0x28]
        invalidUTF8 += Array(#"","category":"languages","aliases":[],"cased":true,"listed":false}]}"#.utf8)
        #expect(TaxonomyFileReader.read(invalidUTF8) == nil)
        // A key that is not UTF-8, in a skill and at the top, which the decoder cannot make a key of.
        for prefix in [
            #"{"skills":[{"name":"Go","category":"languages","aliases":[],"cased":true,"listed":false,""#,
            #"{"skills":[],""#,
        ] {
            let suffix = prefix.hasPrefix(#"{"skills":[{"#) ? #"":0}]}"# : #"":1}"#
            #expect(TaxonomyFileReader.read(Array(prefix.utf8) + [0xFF] + Array(suffix.utf8)) == nil)
        }
        // Numbers a Double cannot hold: too large, or too small and not zero (which rounds to zero).
        let skills = #"{"name":"A","category":"tools","aliases":[],"cased":false,"listed":false}"#
        for credit in ["1e-400", "-1e-400", "0." + String(repeating: "0", count: 400) + "1", "1e999"] {
            let json = #"{"skills":[\#(skills)],"relations":[{"skills":["A"],"credit":\#(credit),"note":"n"}]}"#
            #expect(TaxonomyFileReader.read(Array(json.utf8)) == nil, "\(credit)")
            #expect(Self.decoded(json) == nil, "\(credit)")
        }
        for credit in ["0", "0.0", "-0", "0e5", "0.000"] {
            let json = #"{"skills":[\#(skills)],"relations":[{"skills":["A"],"credit":\#(credit),"note":"n"}]}"#
            #expect(TaxonomyFileReader.read(Array(json.utf8))?.relations.first?.credit == 0, "\(credit)")
        }
        for json in documents.dropLast(5) {
            #expect(TaxonomyFileReader.read(Array(json.utf8)) == nil, "\(json.prefix(80))")
        }
    }

    @Test("mutated files: whatever the reader reads, the decoder reads the same")
    func mutations() throws {
        let valid = Array(
            (#"{"version":1,"skills":[{"name":"Go","category":"languages","aliases":["golang","=GO","caf\u00e9"],"#
                + #""cased":true,"listed":false,"generic":false,"source":"x"},{"name":"R","category":"languages","#
                + #""aliases":[],"cased":true,"listed":true}],"relations":[{"skills":["Go","R"],"credit":0.5,"#
                + #""note":"n \"q\" \/"}]}"#).utf8)
        #expect(TaxonomyFileReader.read(valid) != nil)
        var generator = SeededGenerator(seed: 5)
        let bytes: [UInt8] = Array(#"{}[]":,\/ -+.0123456789eEtrufalsn"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xA9, 0xFF]
        var read = 0
        for _ in 0..<4_000 {
            var file = valid
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let place = Int.random(in: 0..<file.count, using: &generator)
                let byte = bytes.randomElement(using: &generator) ?? 0x20
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: file[place] = byte
                case 1: file.insert(byte, at: place)
                default: file.remove(at: place)
                }
            }
            guard let result = TaxonomyFileReader.read(file) else { continue }
            read += 1
            let decoded = try? JSONDecoder().decode(File.self, from: Data(file))
            #expect(decoded?.skills == result.skills, "\(String(decoding: file, as: UTF8.self))")
            #expect((decoded?.relations ?? []) == result.relations, "\(String(decoding: file, as: UTF8.self))")
        }
        #expect(read >= 100)
    }
}

import Foundation
import TestSupport
import Testing

@testable import MatchEngine
@testable import ResumeParser

/// The function a title names: its head ("Principal Engineer") before a qualifier naming the team
/// ("Developer Platform").
@Suite("Role function of a title: head and qualifier")
struct RoleFunctionTests {
    @Test(
        "a generic head takes the area its qualifier names; a specific head keeps its own",
        arguments: [
            ("Principal Engineer, Developer Platform", RoleFunction.reliability),
            ("Staff Engineer - Developer Experience", .reliability),
            ("Software Engineer, Machine Learning", .machineLearning),
            ("Senior Engineer, Data Platform", .dataEngineering),
            ("Backend Developer, Platform Team", .software),
            ("Lead Engineer, Payments Platform", .software),
            ("Engineer, Developer Relations", .software),
            ("Data Engineer, Developer Platform", .dataEngineering),
            ("Head of Engineering", .engineeringManagement),
            ("Nurse, Software Rollout", .nursing),
        ])
    func headAndQualifier(title: String, function: RoleFunction) {
        #expect(RoleFunction.of(title) == function)
    }

    @Test("a title with no qualifier reads as before; no phrase is no function")
    func unqualified() {
        #expect(RoleFunction.of("Principal Engineer") == .software)
        #expect(RoleFunction.of("Senior Data Engineer") == .dataEngineering)
        #expect(RoleFunction.of("Platform Engineer") == .reliability)
        #expect(RoleFunction.of("Barista, Developer Platform") == .reliability)
        #expect(RoleFunction.of("Barista") == nil)
    }

    @Test("neighbours share a discipline: data science is not near accounting, engineering management not product")
    func neighbours() {
        #expect(RoleFunction.dataScience.nearness(to: .accounting, neighbour: 0.5) == 0)
        #expect(RoleFunction.engineeringManagement.nearness(to: .product, neighbour: 0.5) == 0)
        #expect(RoleFunction.design.nearness(to: .product, neighbour: 0.5) == 0.5)
        #expect(RoleFunction.engineeringManagement.nearness(to: .software, neighbour: 0.5) == 0.5)
        #expect(RoleFunction.of("Financial Data Analyst") == .finance)
        #expect(RoleFunction.of("Data Analyst") == .dataScience)
        #expect(RoleFunction.finance.nearness(to: .accounting, neighbour: 0.5) == 0.5)
        #expect(RoleFunction.family(ofSkill: "Product Management") == .product)
    }

    @Test("a specialised engineering job: neighbours of the trade only are further; a generic software job keeps all")
    func tradeOnlyNeighbours() {
        // Data science, machine learning and data engineering are one discipline.
        #expect(RoleFunction.dataScience.sharesDiscipline(with: .dataEngineering))
        #expect(RoleFunction.machineLearning.sharesDiscipline(with: .dataEngineering))
        #expect(!RoleFunction.machineLearning.isTradeNeighbour(ofSpecialisedJob: .dataEngineering))
        // A generalist or another specialist of the trade, for a specialised job.
        #expect(RoleFunction.software.isTradeNeighbour(ofSpecialisedJob: .dataEngineering))
        #expect(RoleFunction.reliability.isTradeNeighbour(ofSpecialisedJob: .dataEngineering))
        #expect(RoleFunction.software.isTradeNeighbour(ofSpecialisedJob: .frontend))
        #expect(RoleFunction.mobile.isTradeNeighbour(ofSpecialisedJob: .frontend))
        #expect(RoleFunction.software.isTradeNeighbour(ofSpecialisedJob: .machineLearning))
        #expect(RoleFunction.software.isTradeNeighbour(ofSpecialisedJob: .reliability))
        // Not neighbours at all: unrelated, not a trade neighbour.
        #expect(!RoleFunction.mobile.isTradeNeighbour(ofSpecialisedJob: .dataEngineering))
        // A generic software job, a job outside engineering, a non-engineering candidate: plain neighbours.
        #expect(!RoleFunction.dataEngineering.isTradeNeighbour(ofSpecialisedJob: .software))
        #expect(!RoleFunction.frontend.isTradeNeighbour(ofSpecialisedJob: .design))
        #expect(!RoleFunction.software.isTradeNeighbour(ofSpecialisedJob: .engineeringManagement))
        #expect(!RoleFunction.design.isTradeNeighbour(ofSpecialisedJob: .frontend))
    }

    @Test(
        "a product manager's 'manager' names the role, not its level; a manager of people is a lead",
        arguments: [
            ("Associate Product Manager", SeniorityLevel?.some(.junior)),
            ("Senior Product Manager", .senior),
            ("Product Manager", nil),
            ("Group Product Manager", nil),
            ("Principal Product Manager", .lead),
            ("Senior Project Manager", .senior),
            ("Engineering Manager", .lead),
            ("Nurse Manager, Critical Care Unit", .lead),
            ("Product Management Lead", .lead),
        ])
    func productManagerLevel(title: String, level: SeniorityLevel?) {
        #expect(SeniorityLevel.of(title) == level)
    }
}

/// The phrase tables find, on the bytes, the family the phrase-by-phrase search finds.
@Suite("Role function: phrase tables")
struct PhraseTableTests {
    @Test("every fixture line, its words and odd texts: the tables' family is the searched one")
    func sameFamily() throws {
        var texts = [
            "", " ", "nurse", " tax ", "tax", " ux ", "ui ux", "front end", "frontend", "xx", "é nurse", " sre ",
            "data engineer data scientist", "engineering manager software", "développeur", "a", " i ",
            "Lead, Ops - x | y",
            "Eng – Platform", "a - b, c", "x | y - z", ",", " - ",
        ]
        for folder in ["resumes", "real/resumes", "relevance/resumes", "jobs"] {
            let directory = Fixtures.root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
                guard let text = try? TextExtractor().extract(contentsOf: file).text else { continue }
                for line in text.split(whereSeparator: \.isNewline).prefix(80) {
                    texts.append(String(line))
                    texts.append(RoleFunction.words(of: String(line)))
                }
            }
        }
        for text in texts {
            let searched = [",", " - ", " – ", " — ", " | "].compactMap { text.range(of: $0) }
                .min { $0.lowerBound < $1.lowerBound }
            #expect(RoleFunction.qualifierCut(text) == searched, "\(text)")
        }
        var read = 0
        for text in texts {
            for table in [RoleFunction.phraseTable, RoleFunction.areaPhraseTable, RoleFunction.specificPhraseTable] {
                switch table.lookUp(text) {
                case .read(let family):
                    #expect(family == RoleFunction.searched(text, among: table.list), "\(text)")
                    read += 1
                case .unread:
                    #expect(text.utf8.contains { $0 >= 0x80 }, "an ASCII text is read: \(text)")
                }
            }
        }
        #expect(read >= 10_000)
    }
}

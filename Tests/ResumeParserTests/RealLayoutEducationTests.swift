import Foundation
import Testing

@testable import ResumeParser

/// Schools as real templates write them (issue 15).
@Suite("Real layouts: education entries")
struct RealLayoutEducationTests {
    @Test(
        "the school on the degree's line, after commas or dashes, in several languages",
        arguments: [
            ("B.Sc. Computer Science, University of Toronto, 2014", "University of Toronto"),
            ("B.A., Economics, Bates College, Lewiston, ME", "Bates College"),
            ("MS in Computer Science — Georgia Institute of Technology — 2016", "Georgia Institute of Technology"),
            ("Bachelor of Science, University of Texas at Austin", "University of Texas at Austin"),
            ("M.Sc. Physics at Universität Heidelberg", "Universität Heidelberg"),
            ("Diplôme d'ingénieur (Master), École Polytechnique, Palaiseau, France", "École Polytechnique"),
            ("Master of Engineering | École Centrale de Lyon | 2012", "École Centrale de Lyon"),
            ("BBA, Boston College, MA", "Boston College"),
            ("Associate of Science, Westbrook Community College, Austin, TX", "Westbrook Community College"),
            ("PhD, Technische Hochschule München, 2019", "Technische Hochschule München"),
            (
                "B.S. in Computer Science, California State University, Sacramento, Sacramento, CA",
                "California State University, Sacramento"
            ),
            ("Dr. sc. ETH (Ph.D.) in Computer Science, ETH Zurich, Zurich, Switzerland.", "ETH Zurich"),
            ("B.Sc. Statistics, Ridgeview College, 2014", "Ridgeview College"),
        ])
    func sameLine(line: String, school: String) throws {
        let entry = try #require(EducationExtractor.extract([line]).first)
        #expect(entry.institution == school)
    }

    @Test("a school's name wrapped after 'of' by a narrow column goes on on the next line")
    func wrappedName() {
        let entry = EducationExtractor.extract([
            "2016 Civilingenjör, M.Sc. in Computer Science and Engineering, KTH Royal Institute of",
            "Technology, Stockholm, Sweden",
        ]).first
        #expect(entry?.institution == "KTH Royal Institute of Technology")
        #expect(entry?.level == .master)
    }

    @Test("the school on the line after the degree, with a year and honours around")
    func nextLine() {
        let entries = EducationExtractor.extract([
            "Master of Science in Statistics", "Lakeshore State University, Chicago, IL", "2016 – 2018",
            "Bachelor of Arts in Mathematics", "Carrow Polytechnic Institute", "Graduated 2014, magna cum laude",
        ])
        #expect(entries.map(\.institution) == ["Lakeshore State University", "Carrow Polytechnic Institute"])
        #expect(entries.map(\.level) == [.master, .bachelor])
        #expect(entries.map(\.year) == [2018, 2014])
    }
}

/// Degree levels as real resumes name them (issue 15).
@Suite("Real layouts: degree levels")
struct RealLayoutDegreeTests {
    @Test(
        "degree names of other countries and unfinished degrees",
        arguments: [
            ("B.E. in Information Technology — Savitribai Phule Pune University (2022)", DegreeLevel.bachelor),
            ("Grado en Ingeniería Informática, Universidad del País Vasco", .bachelor),
            ("Máster en Ciencia de Datos, Universidad de Granada", .master),
            ("Laurea Magistrale in Informatica, Politecnico di Milano", .master),
            ("Doctorat en informatique, Université de Montréal", .doctorate),
            ("B.S. in Computer Science (in progress, expected 2026)", .other),
            ("M.Sc. Data Science — ongoing", .other),
        ])
    func levels(line: String, level: DegreeLevel) throws {
        #expect(try #require(EducationExtractor.extract([line]).first).level == level)
    }
}

import Foundation
import TestSupport
import Testing

@testable import ResumeParser

@Suite("Resume structure: dates, phones, sections, entries")
struct StructureTests {
    static let parser = DocumentParser(referenceMonth: YearMonth(year: 2026, month: 11))

    @Test(
        "date ranges in the forms resumes use",
        arguments: [
            ("Platform Engineer   Mar 2019 – Present", "2019-03", nil),
            ("Acme | 2019-03 to 2021-05", "2019-03", "2021-05"),
            ("03/2019 - 05/2021", "2019-03", "2021-05"),
            ("2019 to 2021", "2019-01", "2021-12"),
            ("Research intern, Summer 2020", "2020-06", "2020-08"),
            ("September 2018 — Current", "2018-09", nil),
            ("Sept. 2017 - Jan. 2018", "2017-09", "2018-01"),
            ("since 2016", "2016-01", nil),
            ("(2015–2016)", "2015-01", "2016-12"),
        ] as [(String, String, String?)])
    func dates(line: String, start: String, end: String?) throws {
        let range = try #require(DateRange.first(in: line), "no range in \(line)")
        #expect(range.start.description == start)
        #expect(range.end?.description == end)
    }

    @Test("no date range in phone numbers, plain years or reversed ranges")
    func notDates() {
        #expect(DateRange.first(in: "(512) 555-0142") == nil)
        #expect(DateRange.first(in: "Graduated 2015") == nil)
        #expect(DateRange.first(in: "2021 - 2019") == nil)
    }

    @Test("the year pretest passes every line with a year, digits of other scripts included, and few others")
    func yearPretest() {
        for line in ["Mar 2019 – Present", "1998", "x2000y", "since 2016", "19\u{0665}\u{0660}", "20\u{FF11}\u{FF12}"] {
            #expect(DateRange.mayHoldYear(line), "\(line)")
        }
        for line in ["", "40% growth", "$2M ARR", "Q3 2 0 19", "1-9", "(512) 555-0142", "19", "2.0"] {
            #expect(!DateRange.mayHoldYear(line), "\(line)")
        }
    }

    @Test("total years merge overlapping positions and count months inclusively")
    func totalYears() throws {
        let ranges = try ["Jan 2018 - Dec 2019", "Jun 2019 - Dec 2020", "Jan 2022 - Present"].map {
            try #require(DateRange.first(in: $0))
        }
        // 2018-01 ... 2020-12 is 36 months; 2022-01 ... 2026-11 is 59.
        #expect(DateRange.totalYears(ranges, through: YearMonth(year: 2026, month: 11)) == 7.9)
    }

    @Test(
        "phones in E.164 when the country is known",
        arguments: [
            ("(512) 555-0142", "Austin, TX", "+15125550142"),
            ("+44 (0)113 496 0000", nil, "+441134960000"),
            ("0113 496 0000", "Leeds, GB", "+441134960000"),
            ("+49 030 1234567", "Berlin, DE", "+49301234567"),
            ("+1 416-555-0199", nil, "+14165550199"),
            ("555 0100 200", nil, "5550100200"),
        ] as [(String, String?, String)])
    func phones(written: String, location: String?, expected: String) {
        #expect(PhoneNumber.first(in: "Phone: \(written)", location: location) == expected)
    }

    @Test("a number never joins digits from the next line")
    func phoneLines() {
        #expect(PhoneNumber.first(in: "Tel +44 20 7946 0123\n2020-12 – 2021-01", location: nil) == "+442079460123")
    }

    @Test("headings are recognised by vocabulary, in any case and decoration")
    func headings() {
        let cases: [(String, SectionKind?)] = [
            ("EXPERIENCE", .experience), ("## Work History", .experience), ("Professional Experience:", .experience),
            ("Technical Skills & Tools", .skills), ("Programming Languages", .skills), ("Languages", .languages),
            ("Academic Background", .education), ("Licenses & Certifications", .certifications),
            ("**Profile**", .summary), ("Volunteer Experience", .other), ("Side Projects", .projects),
            ("Senior Software Engineer", nil), ("Data Engineer, Quillon Systems", nil),
            ("Built services with Go.", nil), ("Education & Training:", .education), ("## Technologies", .skills),
            ("Corvid Technologies", nil), ("Spoken Languages:", .languages),
        ]
        for (line, kind) in cases {
            #expect(SectionSplitter.heading(line)?.kind == kind, "\(line)")
        }
        #expect(SectionSplitter.heading("Skills: Go, Python")?.rest == "Go, Python")
    }

    @Test("a complete plain-text resume")
    func resume() {
        let text = """
            AMARA NAKAMURA
            Portland, OR | amara.nakamura@example.com | (503) 555-0117
            linkedin.com/in/amara-nakamura · https://github.com/amaran

            PROFILE
            Backend engineer who likes boring technology.

            WORK HISTORY
            Senior Software Engineer | Harborview Labs | Portland, OR | Jan 2021 - Present
            - Built billing services in Go and PostgreSQL on Kubernetes.
            Backend Developer
            Pinecrest Media
            06/2017 – 12/2020
            - Maintained Django apps; wrote R scripts for the analysts.

            EDUCATION
            Bachelor of Science in Computer Science
            University of Eastmoor, 2017

            SKILLS
            Go, Python, R, PostgreSQL, Docker, k8s

            LANGUAGES
            English (native), Japanese (fluent)

            CERTIFICATIONS
            - AWS Certified Solutions Architect – Associate (2022)
            """
        let resume = Self.parser.parseResume(text: text, source: "amara.txt")
        #expect(resume.contact.name == "Amara Nakamura")
        #expect(resume.contact.email == "amara.nakamura@example.com")
        #expect(resume.contact.phone == "+15035550117")
        #expect(resume.contact.location == "Portland, OR")
        #expect(resume.contact.links == ["https://linkedin.com/in/amara-nakamura", "https://github.com/amaran"])
        #expect(resume.experience.map(\.title) == ["Senior Software Engineer", "Backend Developer"])
        #expect(resume.experience.map(\.company) == ["Harborview Labs", "Pinecrest Media"])
        #expect(resume.experience.first?.location == "Portland, OR")
        #expect(resume.experience.map(\.isCurrent) == [true, false])
        #expect(
            resume.education == [
                EducationEntry(
                    level: .bachelor, field: "Computer Science", institution: "University of Eastmoor", year: 2017)
            ])
        #expect(resume.languages == ["English (native)", "Japanese (fluent)"])
        #expect(resume.certifications == ["AWS Certified Solutions Architect – Associate (2022)"])
        let skills = Set(resume.skills.map(\.name))
        #expect(skills.isSuperset(of: ["Go", "Python", "R", "PostgreSQL", "Docker", "Kubernetes", "Django"]))
        #expect(!skills.contains("Computer Science"), "education is not searched for skills")
        // 2017-06 ... 2020-12 (43 months) + 2021-01 ... 2026-11 (71 months), adjacent: 114 months.
        #expect(resume.totalExperienceYears == 9.5)
        #expect(resume.sections[.summary] == "Backend engineer who likes boring technology.")
    }

    @Test(
        "degree levels from names and abbreviations",
        arguments: [
            ("Ph.D. Statistics, Ridgeview College, 2012", DegreeLevel.doctorate, "Statistics"),
            ("M.Sc. Computer Science, Lakeshore State University", .master, "Computer Science"),
            ("Master of Business Administration (MBA)", .master, "Business Administration"),
            ("B.A. Mathematics — Carrow Polytechnic, 2010", .bachelor, "Mathematics"),
            (
                "A.S. Information Technology, Westbrook Institute of Technology, 2016", .associate,
                "Information Technology"
            ),
            ("High School Diploma, Eastmoor High School, 2008", .highSchool, nil),
        ] as [(String, DegreeLevel, String?)])
    func degrees(line: String, level: DegreeLevel, field: String?) throws {
        let entry = try #require(EducationExtractor.extract([line]).first)
        #expect(entry.level == level)
        #expect(entry.field == field)
    }

    @Test("two columns printed side by side are read one after the other")
    func columns() {
        let left = [
            "SKILLS", "Go, Python", "Kubernetes", "", "EDUCATION", "B.Sc. Physics", "Ridgeview College", "2014", "",
            "LANGUAGES", "English",
        ]
        let right = [
            "EXPERIENCE", "Platform Engineer, Tessellate Inc", "Mar 2019 - Present", "- Ran the clusters",
            "- Cut costs", "Data Engineer, Orbital Freight", "Jan 2015 - Feb 2019", "- Pipelines", "", "", "",
        ]
        var page = "                    Noor Halvorsen\n"
        for (l, r) in zip(left, right) {
            page += l.padding(toLength: 30, withPad: " ", startingAt: 0) + r + "\n"
        }
        let lines = DocumentParser.lines(of: page, columns: true)
        #expect(lines.first == "Noor Halvorsen")
        #expect(lines.firstIndex(of: "LANGUAGES")! < lines.firstIndex(of: "EXPERIENCE")!)
        #expect(lines.contains("Platform Engineer, Tessellate Inc"))
        let resume = Self.parser.parseResume(text: page, source: "two.pdf", format: "pdf")
        #expect(resume.experience.map(\.company) == ["Tessellate Inc", "Orbital Freight"])
        #expect(resume.education.first?.level == .bachelor)
    }

    @Test("a job description: required and preferred skills, years, degree")
    func job() throws {
        let job = try Self.parser.parseJob(contentsOf: Fixtures.job("backend-engineer.txt"))
        #expect(job.title == "Senior Backend Engineer")
        #expect(job.requiredSkills.map(\.name) == ["Python", "Go", "PostgreSQL", "Redis", "Docker", "Kubernetes"])
        #expect(job.preferredSkills.map(\.name) == ["Apache Kafka", "Terraform", "Amazon Web Services"])
        #expect(job.minimumYears == 5)
        #expect(job.requiredDegree == .bachelor)
        let data = try Self.parser.parseJob(contentsOf: Fixtures.job("data-engineer.md"))
        #expect(data.requiredDegree == nil, "a master's degree is a plus, not a requirement")
        #expect(data.minimumYears == 3)
    }
}

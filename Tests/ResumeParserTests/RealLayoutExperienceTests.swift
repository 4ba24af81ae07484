import Foundation
import Testing

@testable import ResumeParser

/// Positions as real templates and exports write them (issue 15).
@Suite("Real layouts: experience entries")
struct RealLayoutExperienceTests {
    static func entries(_ lines: [String]) -> [ExperienceEntry] {
        ExperienceExtractor.extract(lines).map(\.entry)
    }

    @Test("durations and employment terms are neither titles nor companies")
    func durations() {
        let found = Self.entries([
            "Senior Engineer", "Ledgerline · Full-time", "Mar 2019 – Present · 2 yrs 10 mos", "• Built payments.",
            "Data Analyst | Orbital Freight | Jan 2016 – Feb 2019 (3 years 2 months)",
        ])
        #expect(found.map(\.title) == ["Senior Engineer", "Data Analyst"])
        #expect(found.map(\.company) == ["Ledgerline", "Orbital Freight"])
        for text in ["2 years 10 months", "1 yr 3 mos", "6 months", "Full-time", "10 mos"] {
            #expect(ExperienceExtractor.isTerms(text), "\(text)")
        }
        #expect(!ExperienceExtractor.isTerms("Acme 2000"))
    }

    @Test("a bare city is a place, not a title or a company, when the resume names it as a place elsewhere")
    func bareCity() {
        let found = ExperienceExtractor.extract(
            [
                "Engineer — Berlin   2021 – Present", "Quillon GmbH", "Analyst, Orbital Freight, Hamburg   2018 – 2021",
                "Intern, Brightline, Hamburg, Germany   2017 – 2018",
            ], home: "Berlin, Germany"
        ).map(\.entry)
        #expect(found.map(\.company) == ["Quillon GmbH", "Orbital Freight", "Brightline"])
        #expect(found.map(\.location) == ["Berlin", "Hamburg", "Hamburg, Germany"])
    }

    @Test("the wrapped tail of a bullet is not the next entry's company")
    func wrappedBullets() {
        let found = Self.entries([
            "Backend Engineer   Jan 2021 – Present", "Corvid Labs, Austin, TX",
            "• Rewrote the billing service in Go, ensuring clean", "interfaces for other teams.",
            "• Led the database migration and performance", "tuning",
            "Software Engineer   Jun 2018 – Dec 2020", "Harbor Freight Systems",
            "• Shipped the API, ensuring clean", "Performance Tuning",
            "Intern   Jun 2017 – Aug 2017", "Brightline",
        ])
        #expect(found.map(\.company) == ["Corvid Labs", "Harbor Freight Systems", "Brightline"])
        #expect(found.first?.location == "Austin, TX")
    }

    @Test("Company, City, ST, Country is a company and a place")
    func companyAndPlace() throws {
        let found = Self.entries([
            "Platform Engineer", "Tessellate Inc, Toronto, ON, Canada", "2019-03 to 2021-05",
            "Data Engineer, Quillon GmbH, Berlin, Germany   2016 – 2019",
            "Analyst, Acme, Inc., Leeds, UK   2014 – 2016",
        ])
        #expect(found.map(\.company) == ["Tessellate Inc", "Quillon GmbH", "Acme, Inc."])
        #expect(found.map(\.location) == ["Toronto, ON, Canada", "Berlin, Germany", "Leeds, UK"])
    }

    @Test("Markdown emphasis, headings and links around an entry")
    func markdown() {
        let found = Self.entries([
            "### Staff Engineer", "**Stripe** — *San Francisco, CA*", "*Jan 2020 – Present*", "- Led payments.",
            "### Software Engineer · [Plaid](https://plaid.example.com) · _2017 – 2019_",
        ])
        #expect(found.map(\.title) == ["Staff Engineer", "Software Engineer"])
        #expect(found.map(\.company) == ["Stripe", "Plaid"])
        #expect(found.first?.location == "San Francisco, CA")
    }

    @Test("dates in a left margin: on the entry's line, or alone above it")
    func marginDates() {
        let found = Self.entries([
            "2019–present   Senior Engineer, Ledgerline, Austin, TX", "Built the ledger and its reports",
            "that finance relies on", "2016–2019", "Data Analyst", "Orbital Freight, Leeds, UK",
            "Modelled freight demand", "2014–2016   Junior Analyst", "Brightline Foods",
        ])
        #expect(found.map(\.title) == ["Senior Engineer", "Data Analyst", "Junior Analyst"])
        #expect(found.map(\.company) == ["Ledgerline", "Orbital Freight", "Brightline Foods"])
    }

    @Test("a PDF page with a date margin is read line by line, each date with its entry")
    func marginPage() {
        let rows: [(String, String)] = [
            ("", "Experience"), ("2019–present", "Senior Engineer, Ledgerline, Austin, TX"),
            ("", "Built the ledger and its reports for finance"), ("2016–2019", "Data Analyst, Orbital Freight"),
            ("", "Modelled freight demand across the network"), ("", "Education"),
            ("2012–2016", "B.Sc. Statistics, Ridgeview College"), ("", "Skills"), ("", "Python, SQL, Tableau"),
            ("", "Languages"), ("", "English"),
        ]
        let page = rows.map { "  " + $0.0.padding(toLength: 22, withPad: " ", startingAt: 0) + $0.1 }
            .joined(separator: "\n")
        let resume = DocumentParser().parseResume(text: "Ada Quint\n" + page, source: "cv.pdf", format: "pdf")
        #expect(resume.experience.map(\.company) == ["Ledgerline", "Orbital Freight"])
        #expect(resume.experience.map(\.title) == ["Senior Engineer", "Data Analyst"])
    }
}

/// Entries whose parts a template spreads over lines, labels or narrow columns (issue 15).
@Suite("Real layouts: entries over several lines")
struct RealLayoutWrappedEntryTests {
    static func entries(_ lines: [String]) -> [ExperienceEntry] {
        ExperienceExtractor.extract(lines).map(\.entry)
    }

    @Test("a date range wrapped by a narrow margin column (moderncv)")
    func wrappedRange() throws {
        let found = Self.entries([
            "Mar 2021 – Senior Backend Engineer, Larkspur Payments, Chicago, IL",
            "Present ○ Own the ledger service.", "Jan 2018 – Backend Engineer, Tallgrass Insurance, Chicago, IL",
            "Feb 2021 ○ Built the quoting API.", "August 2015 Software Engineer, Northgate Freight, Milwaukee, WI",
            "– Dec 2017 ○ Maintained shipment tracking.",
        ])
        #expect(found.map(\.company) == ["Larkspur Payments", "Tallgrass Insurance", "Northgate Freight"])
        #expect(found.map(\.title) == ["Senior Backend Engineer", "Backend Engineer", "Software Engineer"])
        #expect(found.map(\.end?.description) == [nil, "2021-02", "2017-12"])
        // A year starting a line is not half a range when the next line does not finish one.
        #expect(DateRange.joinWrapped("2019 Built the ledger", "2020 Moved to Kafka") == nil)
        #expect(found.first?.isCurrent == true)
    }

    @Test("a title with a qualifier after its comma, the company on the line below or above")
    func qualifiedTitles() {
        let below = Self.entries([
            "Registered Nurse, Emergency Department   Feb 2020 – Present",
            "Saguaro Regional Medical Center   Phoenix, AZ",
            "• Triage patients.", "Teaching Assistant, Intro to Programming   Aug 2022 – May 2024",
            "Texas State University   San Marcos, TX",
        ])
        #expect(
            below.map(\.title) == [
                "Registered Nurse, Emergency Department", "Teaching Assistant, Intro to Programming",
            ])
        #expect(below.map(\.company) == ["Saguaro Regional Medical Center", "Texas State University"])
        let above = Self.entries([
            "Irwell Valley NHS Foundation Trust   Manchester, United Kingdom",
            "Nurse Manager, Critical Care Unit   Nov 2019 – Present", "• Led the unit.",
            "Datenbrücke AG   Potsdam, Germany", "Working Student, Backend   2017-04 to 2018-12",
        ])
        #expect(above.map(\.title) == ["Nurse Manager, Critical Care Unit", "Working Student, Backend"])
        #expect(above.map(\.company) == ["Irwell Valley NHS Foundation Trust", "Datenbrücke AG"])
        // On one line with a company word: the title keeps its qualifier.
        let oneLine = Self.entries(["Principal Engineer, Developer Platform — Foghorn Software   2020 – 2024"])
        #expect(oneLine.first?.title == "Principal Engineer, Developer Platform")
        #expect(oneLine.first?.company == "Foghorn Software")
        // "Title, Company" stays two fields.
        #expect(Self.entries(["Senior Engineer, Ledgerline   2020 – 2024"]).first?.company == "Ledgerline")
    }

    @Test("a form's labelled fields (Europass) and labelled dates and places (AltaCV)")
    func labelledFields() {
        let europass = Self.entries([
            "Dates   Feb 2022 – Present", "Occupation or position held   Senior Frontend Engineer",
            "Main activities and   Lead the checkout front end (React, TypeScript); conversion up",
            "responsibilities   4.1% after the redesign.",
            "Name and address of employer   Maplewood Commerce, Toronto, ON",
            "Dates   May 2019 – Jan 2022", "Occupation or position held   Frontend Engineer",
            "Name and address of employer   Tidewater Media, Toronto, ON",
        ])
        #expect(europass.map(\.title) == ["Senior Frontend Engineer", "Frontend Engineer"])
        #expect(europass.map(\.company) == ["Maplewood Commerce", "Tidewater Media"])
        let alta = Self.entries([
            "Data Scientist", "Thameside Grocers", "Date: Oct 2021 – Present   Location: London, United Kingdom",
            "• Forecast demand.",
        ])
        #expect(alta.first?.title == "Data Scientist")
        #expect(alta.first?.company == "Thameside Grocers")
        #expect(alta.first?.location == "London, United Kingdom")
    }

    @Test("a title, a company or a place wrapped by a narrow column")
    func narrowColumn() {
        let found = Self.entries([
            "Senior Data Engineer, Front Range", "Energy", "2020-06 to present | Denver, CO",
            "Built the meter-reading pipeline: Kafka", "Associate Product Manager, Forth Learning",
            "Sep 2023 – Present | Edinburgh, United", "Kingdom", "Own the backlog in Jira",
            "iOS Engineer", "Harborlight Health", "2018-06 to 2021-02", "Working Student, Backend", "Datenbrücke AG",
            "Date: 2017-04 to 2018-12   Location: Potsdam, Germany",
        ])
        #expect(
            found.map(\.title) == [
                "Senior Data Engineer", "Associate Product Manager", "iOS Engineer", "Working Student, Backend",
            ])
        #expect(
            found.map(\.company) == ["Front Range Energy", "Forth Learning", "Harborlight Health", "Datenbrücke AG"])
        #expect(found.dropFirst().first?.location == "Edinburgh, United Kingdom")
    }

    @Test("date and place margins and right-aligned label columns are not columns of text")
    func margins() {
        func page(_ rows: [(String, String)], width: Int) -> String {
            rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
        }
        // Awesome-CV: places and dates aligned on the right.
        let right = page(
            [
                ("Southbank Super", "Melbourne, Australia"), ("FRONTEND LEAD", "Jul 2021 – Present"),
                ("• Lead eight engineers.", ""), ("Yarra Travel Group", "Melbourne, Australia"),
                ("SENIOR FRONTEND DEVELOPER", "Feb 2017 – Jun 2021"), ("• Built the booking engine.", ""),
                ("Acme Labs", "Sydney, Australia"), ("DEVELOPER", "Jan 2015 – Jan 2017"), ("• Shipped.", ""),
            ], width: 70)
        #expect(ColumnLayout.readingOrder(right) == right)
        // europecv: labels aligned on the right of a left column, values beside them.
        let labels = page(
            [
                ("                       Dates", "Feb 2022 – Present"),
                ("Occupation or position held", "Senior Frontend Engineer"),
                ("        Main activities and", "Lead the checkout front end"),
                ("           responsibilities", "with React and TypeScript"),
                ("Name and address of employer", "Maplewood Commerce, Toronto, ON"),
                ("                       Dates", "May 2019 – Jan 2022"),
                ("Occupation or position held", "Frontend Engineer"),
                ("Name and address of employer", "Tidewater Media, Toronto, ON"),
            ], width: 32)
        #expect(ColumnLayout.readingOrder(labels) == labels)
    }
}

/// A date range written down a margin column one piece a line, between the entry's own lines (issue 15).
@Suite("Real layouts: vertical date ranges")
struct RealLayoutVerticalRangeTests {
    @Test("month and year, bar and end date on separate lines, interleaved with the entry")
    func vertical() {
        let found = ExperienceExtractor.extract([
            "03/2020          Front-end Developer", "|           Rhône Voyages · Lyon, France", "Present",
            "• Rebuilt the booking funnel.", "May           Lead Engineer", "2014",
            "Helvetia Data Systems · Basel, Switzerland", "|", "January          • Built pricing libraries.", "2019",
            "• Grew the team.",
        ]).map(\.entry)
        #expect(found.map(\.title) == ["Front-end Developer", "Lead Engineer"])
        #expect(found.map(\.company) == ["Rhône Voyages", "Helvetia Data Systems"])
        #expect(found.map { $0.start?.description } == ["2020-03", "2014-05"])
        #expect(found.map { $0.end?.description } == [nil, "2019-01"])
    }

    @Test("years down a margin without a bar are not a range")
    func notVertical() {
        #expect(
            ExperienceExtractor.joiningVerticalRanges(["2019", "Awarded a prize", "2020"]) == [
                "2019", "Awarded a prize", "2020",
            ])
    }
}

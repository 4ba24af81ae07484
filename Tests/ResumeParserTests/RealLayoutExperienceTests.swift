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

import Foundation
import Testing

@testable import MatchEngine
@testable import ResumeParser

@Suite("Match scoring")
struct MatchScorerTests {
    static func resume(skills: [String], years: Double, degree: DegreeLevel?) -> ParsedResume {
        ParsedResume(
            source: "r.txt", format: "txt", contact: ContactInfo(name: "Ada Example"),
            skills: skills.map { SkillMention(name: $0, category: .tools) }, experience: [],
            education: degree.map { [EducationEntry(level: $0)] } ?? [], certifications: [], languages: [],
            totalExperienceYears: years, sections: [:])
    }

    static let job = ParsedJob(
        source: "j.txt", format: "txt", title: "Backend Engineer",
        requiredSkills: ["Python", "Go", "PostgreSQL", "Docker"].map { SkillMention(name: $0, category: .tools) },
        preferredSkills: ["Terraform", "Apache Kafka"].map { SkillMention(name: $0, category: .tools) },
        minimumYears: 5, requiredDegree: .bachelor)

    @Test("a candidate who has everything scores 100 and is invited")
    func perfect() {
        let result = MatchScorer().score(
            Self.resume(
                skills: ["Python", "Go", "PostgreSQL", "Docker", "Terraform", "Apache Kafka"], years: 8, degree: .master
            ),
            against: Self.job, similarity: 0.9)
        #expect(result.score == 100)
        #expect(result.decision == .interview)
        #expect(result.missingRequiredSkills.isEmpty && result.advice.isEmpty)
        #expect(result.strengths.contains("has every required skill"))
    }

    @Test("the classic formula: weighted mean of the components that apply, renormalised, no calibration")
    func formula() {
        // required 2/4, preferred 1/2, experience 2.5/5, education one level below (0.5), no semantic:
        // (0.50·0.5 + 0.20·0.5 + 0.20·0.5 + 0.10·0.5) / 1.0 = 0.5 → 50.
        let result = MatchScorer(weights: .classic).score(
            Self.resume(skills: ["Python", "Go", "Terraform"], years: 2.5, degree: .associate), against: Self.job)
        #expect(result.score == 50)
        #expect(result.decision == .reject)
        #expect(
            result.components.map(\.kind.rawValue) == [
                "required skills", "preferred skills", "experience", "education",
            ])
        #expect(result.missingRequiredSkills == ["PostgreSQL", "Docker"])
        #expect(result.yearsGap == 2.5)
        #expect(result.missingDegree == .bachelor)
        #expect(result.advice.count == 3)
    }

    @Test("a job without degree requirement drops education; semantic is calibrated 0.15 … 0.75")
    func applicability() {
        var job = Self.job
        job.requiredDegree = nil
        job.preferredSkills = []
        let result = MatchScorer().score(
            Self.resume(skills: ["Python", "Go", "PostgreSQL", "Docker"], years: 10, degree: nil), against: job,
            similarity: 0.45)
        // No positions read: no role match, function or level factor; years act through the years factor
        // (10 of 5: 1); the job built in code names no core skill.
        #expect(result.components.map(\.kind.rawValue) == ["required skills", "semantic"])
        #expect(result.factors == [MatchResult.Factor(kind: .years, value: 1)])
        #expect(result.components.last?.value ?? 0 > 0.499 && result.components.last?.value ?? 1 < 0.501)
        // (0.45 + 0.10·0.5) / 0.55 = 0.909, calibrated 70 + (0.909 − 0.62) / 0.38 × 30 = 92.8.
        #expect(result.score == 92.8)
        let classic = MatchScorer(weights: .classic).score(
            Self.resume(skills: ["Python"], years: 10, degree: nil), against: job, similarity: 0.9)
        #expect(!classic.components.contains { $0.kind == .semantic })
    }

    static func role(_ title: String, from: String, to: String?) -> ExperienceEntry {
        ExperienceEntry(title: title, start: YearMonth(from), end: to.flatMap { YearMonth($0) }, isCurrent: to == nil)
    }

    static func person(
        skills: [String], roles: [ExperienceEntry], experienceText: String? = nil
    ) -> CandidateProfile {
        var resume = resume(skills: skills, years: 0, degree: nil)
        resume.experience = roles
        if let experienceText { resume.sections[.experience] = experienceText }
        return CandidateProfile(resume, referenceMonth: YearMonth(year: 2026, month: 11))
    }

    static func javaJob(level: String = "Senior") -> ParsedJob {
        ParsedJob(
            source: "java.md", title: "\(level) Backend Engineer (Java)",
            requiredSkills: ["Java", "PostgreSQL", "Apache Kafka", "RabbitMQ", "Docker"].map {
                SkillMention(name: $0, category: .tools)
            },
            minimumYears: 5, coreSkills: ["Java"], alternatives: [["Apache Kafka", "RabbitMQ"]])
    }

    @Test("alternatives count as one requirement; the core skill weighs more than shared tools")
    func coreAndAlternatives() {
        let scorer = MatchScorer()
        let job = Self.javaJob()
        let roles = [Self.role("Senior Backend Engineer", from: "2016-01", to: nil)]
        let java = scorer.score(Self.person(skills: ["Java", "RabbitMQ"], roles: roles), against: job)
        let go = scorer.score(
            Self.person(skills: ["Go", "PostgreSQL", "RabbitMQ", "Docker"], roles: roles), against: job)
        #expect(java.matchedRequiredSkills == ["Java", "RabbitMQ"])
        #expect(java.missingRequiredSkills == ["PostgreSQL", "Docker"], "Kafka or RabbitMQ: met by RabbitMQ")
        #expect(go.missingRequiredSkills == ["Java"])
        #expect(java.score > go.score, "Java and one more beat three shared tools without Java")
        #expect(java.component(.coreSkills)?.value == 1 && go.component(.coreSkills)?.value == 0)
    }

    @Test("a related skill earns the relation's credit and is reported, never more than the skill itself")
    func relatedSkills() {
        let scorer = MatchScorer()
        let job = Self.javaJob()
        let roles = [Self.role("Backend Engineer", from: "2016-01", to: nil)]
        let exact = scorer.score(Self.person(skills: ["Java", "PostgreSQL"], roles: roles), against: job)
        let related = scorer.score(Self.person(skills: ["Java", "MySQL"], roles: roles), against: job)
        let none = scorer.score(Self.person(skills: ["Java"], roles: roles), against: job)
        #expect(related.relatedSkills == [.init(required: "PostgreSQL", candidate: "MySQL", credit: 0.5)])
        #expect(!related.missingRequiredSkills.contains("PostgreSQL"))
        #expect(exact.score > related.score && related.score > none.score)
    }

    @Test("seniority: a junior with every keyword stays below a senior for a lead role; years count in relevant roles")
    func seniority() {
        let scorer = MatchScorer()
        let job = Self.javaJob(level: "Lead")
        let everything = ["Java", "PostgreSQL", "Apache Kafka", "Docker"]
        let junior = scorer.score(
            Self.person(skills: everything, roles: [Self.role("Junior Java Developer", from: "2025-01", to: nil)]),
            against: job)
        let lead = scorer.score(
            Self.person(
                skills: ["Java", "PostgreSQL"],
                roles: [
                    Self.role("Lead Backend Engineer", from: "2020-01", to: nil),
                    Self.role("Software Engineer", from: "2015-01", to: "2019-12"),
                ]),
            against: job)
        #expect(junior.candidateLevel == .junior && lead.candidateLevel == .lead && lead.jobLevel == .lead)
        #expect(lead.score > junior.score)
        #expect(junior.factors.first { $0.kind == .level }?.value == ScoringWeights.standard.levelTwoOff)
        // Ten years of retail and one as a developer: one relevant year, not eleven.
        let switcher = scorer.score(
            Self.person(
                skills: everything,
                roles: [
                    Self.role("Backend Developer", from: "2025-12", to: nil),
                    Self.role("Retail Sales Associate", from: "2015-01", to: "2025-11"),
                ]),
            against: job)
        #expect(switcher.candidateYears == 0 && (switcher.relevantYears ?? 99) < 1.1)
        #expect(switcher.yearsGap > 3.9)
    }

    @Test("skills only listed count less than skills the experience section shows")
    func evidence() {
        let scorer = MatchScorer()
        let job = Self.javaJob()
        let roles = [Self.role("Backend Engineer", from: "2016-01", to: nil)]
        let shown = scorer.score(
            Self.person(
                skills: ["Java", "PostgreSQL"], roles: roles, experienceText: "Built Java services on PostgreSQL"),
            against: job)
        let listed = scorer.score(
            Self.person(skills: ["Java", "PostgreSQL"], roles: roles, experienceText: "Built services"), against: job)
        #expect(shown.score > listed.score)
        #expect(shown.matchedRequiredSkills == listed.matchedRequiredSkills, "listed skills are still matched")
    }

    @Test("the calibration curve is piecewise linear through its points and the same scores in the same order")
    func calibration() {
        let points = ScoringWeights.defaultCalibration
        #expect(MatchScorer.calibrate(0, points) == 0 && MatchScorer.calibrate(1, points) == 100)
        #expect(MatchScorer.calibrate(0.5, points) == 52 && MatchScorer.calibrate(0.62, points) == 70)
        #expect(abs(MatchScorer.calibrate(0.81, points) - 85) < 1e-9)
        // Curves set in code skip validation: malformed ones read as the identity, and no score leaves 0 … 100.
        #expect(MatchScorer.calibrate(0.4, [[0]]) == 40 && MatchScorer.calibrate(0.4, []) == 40)
        #expect(MatchScorer.calibrate(0.9, [[0, 0], [1, 1_000]]) == 100)
        #expect(MatchScorer.calibrate(.nan, points) == 0 && MatchScorer.calibrate(0.5, [[0, .nan], [1, 1]]) == 50)
        #expect(MatchScorer.calibrate(0.3, [[0, 0], [1, 100]]) == 30, "no calibration")
        let raw = stride(from: 0.0, through: 1, by: 0.05).map { MatchScorer.calibrate($0, points) }
        #expect(zip(raw, raw.dropFirst()).allSatisfy { $0 < $1 })
        #expect(MatchScorer.calibrate(-3, points) == 0 && MatchScorer.calibrate(.infinity, points) == 100)
    }

    @Test("a layout whose positions the parser misses still shows its titles; 'staff' is lead only for engineers")
    func undatedTitlesAndStaff() {
        var resume = Self.resume(skills: ["Microsoft Excel", "SAP"], years: 0, degree: nil)
        resume.sections[.experience] = """
            April 2019 – Senior Accountant, Northstar Components Inc., Minneapolis, MN
            ○ Lead the month-end close for three entities.
            January 2015 Staff Accountant, Red Cedar Manufacturing
            """
        let profile = CandidateProfile(resume)
        #expect(profile.roles.isEmpty)
        #expect(profile.titles == ["Senior Accountant", "Staff Accountant"])
        let stored = CandidateProfile.storedRoles(of: resume)
        #expect(CandidateProfile.titles(stored: stored) == profile.titles)
        let nurse = ParsedJob(source: "n.txt", title: "Registered Nurse", requiredSkills: [])
        let accountant = ParsedJob(
            source: "a.txt", title: "Staff Accountant",
            requiredSkills: [SkillMention(name: "Microsoft Excel", category: .tools)])
        let scorer = MatchScorer()
        #expect(scorer.score(profile, against: nurse).factors.first { $0.kind == .function }?.value == 0.25)
        let fit = scorer.score(profile, against: accountant)
        #expect(fit.factors.first { $0.kind == .function }?.value == 1)
        #expect(fit.jobLevel == .mid && fit.candidateLevel == .senior, "a staff accountant is the regular grade")
        #expect(fit.factors.first { $0.kind == .level }?.value == 0.75, "a senior accountant is one level above")
        #expect(SeniorityLevel.of("Staff Software Engineer") == .lead && SeniorityLevel.of("Staff Nurse") == .mid)
    }

    @Test("a requirement naming the job's function is shown by a position in it, whatever the skills list kept")
    func requirementShownByTitles() {
        let job = ParsedJob(
            source: "a.txt", title: "Staff Accountant",
            requiredSkills: ["accounting", "Microsoft Excel"].map { SkillMention(name: $0, category: .tools) })
        let accountant = CandidateProfile(
            skills: ["Microsoft Excel"], years: 6, degree: nil,
            roles: [CandidateProfile.Role(title: "Staff Accountant", firstMonth: 24_000, lastMonth: 24_071)])
        let listed = CandidateProfile(
            skills: ["Microsoft Excel", "accounting"], years: 6, degree: nil, roles: accountant.roles)
        let scorer = MatchScorer()
        let result = scorer.score(accountant, against: job)
        #expect(result.matchedRequiredSkills == ["accounting", "Microsoft Excel"])
        #expect(result.missingRequiredSkills.isEmpty)
        #expect(result.skillsShownByTitles == ["accounting"])
        #expect(result.score == scorer.score(listed, against: job).score, "the same as naming it")
        // A developer's title shows no accounting: the requirement stays missing.
        let developer = CandidateProfile(
            skills: ["Microsoft Excel"], years: 6, degree: nil,
            roles: [CandidateProfile.Role(title: "Software Developer", firstMonth: 24_000, lastMonth: 24_071)])
        #expect(scorer.score(developer, against: job).missingRequiredSkills == ["accounting"])
        // A neighbouring function's position shows it in part, reported like a related skill; a skill of the
        // field that is not the function's own name ("Infrastructure as Code" for a DevOps job) is not shown.
        let ml = ParsedJob(
            source: "m.txt", title: "Machine Learning Engineer",
            requiredSkills: ["Machine Learning", "Python"].map { SkillMention(name: $0, category: .tools) })
        let scientist = CandidateProfile(
            skills: ["Python"], years: 6, degree: nil,
            roles: [CandidateProfile.Role(title: "Research Scientist", firstMonth: 24_000, lastMonth: 24_071)])
        let partial = scorer.score(scientist, against: ml)
        #expect(
            partial.relatedSkills == [.init(required: "Machine Learning", candidate: "Research Scientist", credit: 0.5)]
        )
        #expect(partial.skillsShownByTitles.isEmpty && partial.component(.requiredSkills)?.value == 0.75)
        #expect(RoleFunction.family(ofSkill: "DevOps") == .reliability)
        #expect(RoleFunction.family(ofSkill: "Infrastructure as Code") == nil)
        #expect(RoleFunction.family(ofSkill: "Site Reliability Engineering") == .reliability)
        #expect(MatchScorer(weights: .classic).score(accountant, against: job).component(.requiredSkills)?.value == 0.5)
    }

    @Test("a resume with no skill of the job and no position near its function scores the floor")
    func noEvidenceFloor() {
        let job = ParsedJob(
            source: "n.txt", title: "Registered Nurse", requiredSkills: [],
            preferredSkills: [SkillMention(name: "acute care", category: .tools)], requiredDegree: .bachelor)
        let engineer = CandidateProfile(
            skills: ["Python"], years: 6, degree: .master,
            roles: [CandidateProfile.Role(title: "Backend Engineer", firstMonth: 24_000, lastMonth: 24_071)])
        let scorer = MatchScorer()
        let result = scorer.score(engineer, against: job, similarity: 0.5)
        #expect(result.score == 0 && result.factors.contains { $0.kind == .evidence && $0.value == 0 })
        // The rule off, a neighbouring function, or one skill of the job: no evidence factor.
        var off = ScoringWeights.standard
        off.noEvidence = 1
        #expect(MatchScorer(weights: off).score(engineer, against: job, similarity: 0.5).score > 0)
        var skilled = engineer
        skilled.skills.insert("acute care")
        #expect(!scorer.score(skilled, against: job).factors.contains { $0.kind == .evidence })
        let backend = ParsedJob(
            source: "b.txt", title: "Backend Engineer", requiredSkills: [SkillMention(name: "Java", category: .tools)])
        let frontend = CandidateProfile(
            skills: ["CSS", "Java"], years: 6, degree: nil,
            roles: [CandidateProfile.Role(title: "Frontend Developer", firstMonth: 24_000, lastMonth: 24_071)])
        #expect(scorer.score(frontend, against: backend).score > 0)
        #expect(MatchScorer(weights: .classic).score(engineer, against: job, similarity: 0.5).factors.isEmpty)
    }

    @Test(
        "a neighbour sharing only the trade shows nothing of the job without its skills; one of the same discipline does"
    )
    func neighbourTitleAloneIsNoEvidence() {
        let backend = ParsedJob(
            source: "b.txt", title: "Senior Backend Engineer (Java)",
            requiredSkills: ["Java", "PostgreSQL", "Backend Development"].map {
                SkillMention(name: $0, category: .tools)
            },
            coreSkills: ["Java"])
        func candidate(_ title: String, _ skills: Set<String>) -> CandidateProfile {
            CandidateProfile(
                skills: skills, years: 6, degree: nil,
                roles: [CandidateProfile.Role(title: title, firstMonth: 24_000, lastMonth: 24_071)])
        }
        let scorer = MatchScorer()
        // A frontend developer's title shows nothing of "Backend Development" (the trade, not the discipline) and
        // none of the stack: the floor.
        let frontend = scorer.score(candidate("Senior Frontend Engineer", ["React", "CSS"]), against: backend)
        #expect(frontend.score == 0 && frontend.factors.contains { $0.kind == .evidence && $0.value == 0 })
        #expect(frontend.relatedSkills.isEmpty)
        // A requirement naming the function: half shown by a neighbour of the same discipline, none by one of the
        // trade only (a backend engineer's title says nothing of machine learning).
        let learning = ParsedJob(
            source: "m.txt", title: "Machine Learning Engineer",
            requiredSkills: ["Machine Learning", "PyTorch"].map { SkillMention(name: $0, category: .tools) })
        let learner = scorer.score(candidate("Data Scientist", ["R"]), against: learning)
        #expect(learner.relatedSkills.map(\.required) == ["Machine Learning"])
        #expect(learner.relatedSkills.first?.credit == 0.5)
        #expect(scorer.score(candidate("Backend Engineer", ["Python"]), against: learning).relatedSkills.isEmpty)
        // One skill of the job, even only listed, or the job's own function: no evidence factor.
        for other in [
            candidate("Senior Frontend Engineer", ["React", "PostgreSQL"]), candidate("Backend Engineer", ["Go"]),
        ] {
            #expect(!scorer.score(other, against: backend).factors.contains { $0.kind == .evidence })
        }
        // A data scientist for a machine learning job: the same discipline, the title shows part of the work.
        let ml = ParsedJob(
            source: "m.txt", title: "Machine Learning Engineer",
            requiredSkills: [SkillMention(name: "PyTorch", category: .frameworks)])
        let scientist = scorer.score(candidate("Data Scientist", ["R"]), against: ml)
        #expect(scientist.score > 0 && !scientist.factors.contains { $0.kind == .evidence })
        var off = ScoringWeights.standard
        off.noEvidence = 1
        #expect(MatchScorer(weights: off).score(candidate("Senior Frontend Engineer", []), against: backend).score > 0)
    }

    @Test("a data engineering job: a data scientist is a neighbour, a backend engineer shares only the trade")
    func tradeNeighbourFactor() throws {
        let pipelines = ParsedJob(
            source: "d.txt", title: "Data Engineer",
            requiredSkills: ["Python", "Apache Airflow"].map { SkillMention(name: $0, category: .tools) })
        let backend = ParsedJob(
            source: "b.txt", title: "Backend Engineer", requiredSkills: [SkillMention(name: "Python", category: .tools)]
        )
        func candidate(_ title: String, shown: Set<String> = ["Python"]) -> CandidateProfile {
            CandidateProfile(
                skills: shown, years: 6, degree: nil,
                roles: [CandidateProfile.Role(title: title, firstMonth: 24_000, lastMonth: 24_071)],
                evidencedSkills: shown)
        }
        // The function factor, to the nearest 1e-9 (it is 1 − role × (1 − weight)).
        func function(
            _ title: String, _ job: ParsedJob, _ weights: ScoringWeights = .standard, shown: Set<String> = ["Python"]
        ) -> Double? {
            let result = MatchScorer(weights: weights).score(candidate(title, shown: shown), against: job)
            return result.factors.first { $0.kind == .function }.map { ($0.value * 1e9).rounded() / 1e9 }
        }
        let weights = ScoringWeights.standard
        #expect(function("Data Scientist", pipelines) == weights.neighbourFunction)
        #expect(function("Senior Software Engineer", pipelines) == weights.tradeNeighbourFunction)
        #expect(function("Site Reliability Engineer", pipelines) == weights.tradeNeighbourFunction)
        // The specialist does the general work: a data engineer for a backend job stays a neighbour.
        #expect(function("Data Engineer", backend) == weights.neighbourFunction)
        // A generalist's title whose experience shows two of the job's other skills at work: the bullets show
        // the work the title does not name, a neighbour again.
        let stack = ParsedJob(
            source: "d.txt", title: "Data Engineer",
            requiredSkills: ["Python", "Apache Airflow", "Apache Spark"].map {
                SkillMention(name: $0, category: .tools)
            },
            coreSkills: ["Python"])
        #expect(function("Software Engineer", stack) == weights.tradeNeighbourFunction)
        #expect(
            function("Software Engineer", stack, shown: ["Python", "Apache Airflow", "Apache Spark"])
                == weights.neighbourFunction)
        let learning = ParsedJob(
            source: "m.txt", title: "Machine Learning Engineer",
            requiredSkills: [SkillMention(name: "PyTorch", category: .frameworks)])
        #expect(function("Backend Engineer", learning) == weights.tradeNeighbourFunction)
        let generalist = MatchScorer().score(candidate("Senior Software Engineer"), against: pipelines).score
        let scientist = MatchScorer().score(candidate("Data Scientist"), against: pipelines).score
        #expect(generalist < scientist)
        // Configurable, validated, read from JSON.
        var equal = weights
        equal.tradeNeighbourFunction = weights.neighbourFunction
        #expect(function("Senior Software Engineer", pipelines, equal) == weights.neighbourFunction)
        let decoded = try JSONDecoder().decode(
            ScoringWeights.self, from: Data(#"{"tradeNeighbourFunction": 0.5}"#.utf8))
        #expect(decoded.tradeNeighbourFunction == 0.5)
        #expect(throws: EngineError.self) {
            try JSONDecoder().decode(ScoringWeights.self, from: Data(#"{"tradeNeighbourFunction": 1.5}"#.utf8))
        }
    }

    @Test("the level is the latest relevant title that states one: a data analyst after years as a staff accountant")
    func levelFromLatestTitleStatingOne() {
        let job = ParsedJob(
            source: "a.txt", title: "Staff Accountant",
            requiredSkills: [SkillMention(name: "Microsoft Excel", category: .tools)], minimumYears: 2)
        let changer = CandidateProfile(
            skills: ["Microsoft Excel"], years: 6.5, degree: nil,
            roles: [
                CandidateProfile.Role(title: "Financial Data Analyst", firstMonth: 24_300, lastMonth: 24_322),
                CandidateProfile.Role(title: "Staff Accountant", firstMonth: 24_246, lastMonth: 24_299),
            ])
        let senior = CandidateProfile(
            skills: ["Microsoft Excel"], years: 6.5, degree: nil,
            roles: [CandidateProfile.Role(title: "Senior Accountant", firstMonth: 24_246, lastMonth: 24_322)])
        let scorer = MatchScorer()
        let result = scorer.score(changer, against: job)
        #expect(result.candidateLevel == .mid && result.jobLevel == .mid)
        #expect(result.score > scorer.score(senior, against: job).score, "the staff accountant's level fits")
    }

    @Test("a trainee or junior title followed by a position stating no level gives way to the years")
    func traineeTitleOutgrown() {
        let job = ParsedJob(
            source: "j.txt", title: "Senior Backend Engineer (Java)",
            requiredSkills: [SkillMention(name: "Java", category: .languages)], minimumYears: 5)
        func engineer(after start: String, years: Int) -> CandidateProfile {
            CandidateProfile(
                skills: ["Java"], years: Double(years) + 0.5, degree: nil,
                roles: [
                    CandidateProfile.Role(
                        title: "Software Engineer", firstMonth: 24_276, lastMonth: 24_276 + 12 * years),
                    CandidateProfile.Role(title: start, firstMonth: 24_270, lastMonth: 24_275),
                ])
        }
        let scorer = MatchScorer()
        #expect(
            scorer.score(engineer(after: "Software Engineering Trainee", years: 4), against: job).candidateLevel == .mid
        )
        #expect(scorer.score(engineer(after: "Junior Developer", years: 6), against: job).candidateLevel == .senior)
        #expect(scorer.score(engineer(after: "Junior Developer", years: 1), against: job).candidateLevel == .junior)
        // Still a trainee: the title is the level held now.
        let trainee = CandidateProfile(
            skills: ["Java"], years: 0.5, degree: nil,
            roles: [CandidateProfile.Role(title: "Software Engineering Trainee", firstMonth: 24_310, lastMonth: 24_316)]
        )
        #expect(scorer.score(trainee, against: job).candidateLevel == .intern)
    }

    @Test("the quick score is the explained score")
    func quickScore() {
        let scorer = MatchScorer()
        let job = ParsedJob(
            source: "job", title: "Backend",
            requiredSkills: ["Go", "Kubernetes", "PostgreSQL"].map { SkillMention(name: $0, category: .tools) },
            preferredSkills: [SkillMention(name: "Rust", category: .languages)], minimumYears: 5,
            requiredDegree: .master)
        for years in [0.0, 2.5, 9] {
            let profile = CandidateProfile(skills: ["Go", "Kubernetes"], years: years, degree: .bachelor)
            for similarity in [nil, 0.1, 0.5, 0.9] as [Double?] {
                #expect(
                    scorer.quickScore(profile, against: job, similarity: similarity)
                        == scorer.score(profile, against: job, similarity: similarity).score)
            }
        }
    }
}

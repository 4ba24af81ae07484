import Foundation
import MatchEngine
import ResumeParser

/// Deterministic synthetic resumes and jobs for load: names, e-mail, dated positions and 6–14 skills
/// drawn from a fixed vocabulary, about 900 characters each.
struct SyntheticResumes: Sendable {
    let seed: UInt64

    static let skills = [
        "Swift", "Go", "Rust", "Python", "Java", "Kotlin", "TypeScript", "JavaScript", "C++", "C#", "Ruby", "PHP",
        "Scala", "Elixir", "Haskell", "SQL", "PostgreSQL", "MySQL", "SQLite", "MongoDB", "Redis", "Cassandra",
        "Elasticsearch", "Kafka", "RabbitMQ", "Docker", "Kubernetes", "Terraform", "Ansible", "AWS", "Azure",
        "Google Cloud", "Linux", "Git", "GraphQL", "React", "Vue.js", "Angular", "Node.js", "Django", "Flask",
        "Spring Boot", "gRPC", "Prometheus", "Grafana", "Jenkins", "Spark", "Hadoop", "Airflow", "TensorFlow",
        "PyTorch", "pandas", "NumPy", "Scrum", "Agile", "CI/CD", "Microservices", "REST", "OAuth", "Nginx",
    ]
    static let first = ["Ada", "Bo", "Chen", "Dara", "Eli", "Fen", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lia", "Milo", "Nia"]
    static let last = ["Quill", "Rook", "Stone", "Vale", "Wren", "Yew", "Zell", "Moss", "Reed", "Ash", "Birch", "Cole"]
    static let titles = ["Software Engineer", "Backend Engineer", "Data Engineer", "Platform Engineer", "SRE", "Developer"]

    private func random(_ i: Int, _ salt: UInt64) -> UInt64 {
        var z = seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func pick<T>(_ list: [T], _ i: Int, _ salt: UInt64) -> T { list[Int(random(i, salt) % UInt64(list.count))] }

    private func skillSet(_ i: Int, count: Int, salt: UInt64) -> [String] {
        var chosen: [String] = []
        var k: UInt64 = 0
        while chosen.count < count {
            let skill = pick(Self.skills, i, salt &+ k)
            if !chosen.contains(skill) { chosen.append(skill) }
            k += 1
        }
        return chosen
    }

    func text(_ i: Int) -> String {
        let name = "\(pick(Self.first, i, 1)) \(pick(Self.last, i, 2))"
        let skills = skillSet(i, count: 6 + Int(random(i, 3) % 9), salt: 100)
        let start = 2005 + Int(random(i, 4) % 15)
        let middle = start + 1 + Int(random(i, 5) % 4)
        return """
            \(name)
            \(name.lowercased().replacingOccurrences(of: " ", with: "."))\(i)@example.com | +1 415 555 \(String(format: "%04d", i % 10_000))
            Austin, TX

            Summary
            \(pick(Self.titles, i, 6)) building reliable services with \(skills.prefix(3).joined(separator: ", ")).

            Experience
            \(pick(Self.titles, i, 7)) | Corvid Systems | Jan \(middle) – Present
            - Built and ran services in \(skills.prefix(2).joined(separator: " and ")) for millions of users.
            - Led a migration to \(skills.dropFirst(2).first ?? "the cloud") and cut costs by a third.
            \(pick(Self.titles, i, 8)) | Heron Labs | Mar \(start) – Dec \(middle - 1)
            - Wrote tooling and tests; mentored two engineers.

            Education
            B.Sc. Computer Science, State University, \(start - 1)

            Skills
            \(skills.joined(separator: ", "))
            """
    }

    func source(_ i: Int) -> IngestSource {
        .bytes(Data(text(i).utf8), name: "synthetic-\(i).txt", candidateID: "synthetic-\(i)")
    }

    func job(_ q: Int) -> ParsedJob {
        let required = skillSet(1_000_000 + q, count: 4, salt: 200)
        let preferred = skillSet(1_000_000 + q, count: 7, salt: 300).filter { !required.contains($0) }.prefix(3)
        return ParsedJob(
            source: "job-\(q)", title: "Engineer \(q)",
            requiredSkills: required.map { SkillMention(name: $0, category: .tools) },
            preferredSkills: preferred.map { SkillMention(name: $0, category: .tools) }, minimumYears: 5,
            requiredDegree: .bachelor)
    }

    func jobText(_ q: Int) -> String {
        let job = job(q)
        return "\(job.title ?? "Engineer"). Required: \(job.requiredSkills.map(\.name).joined(separator: ", ")). "
            + "Nice to have: \(job.preferredSkills.map(\.name).joined(separator: ", ")). 5+ years."
    }
}

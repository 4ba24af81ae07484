/// What kind of thing a skill is.
public enum SkillCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Programming and query languages: Python, Go, SQL.
    case languages
    /// Libraries and frameworks: React, Django, PyTorch.
    case frameworks
    /// Databases, warehouses and message brokers: PostgreSQL, Redis, Kafka.
    case databases
    /// Cloud platforms and their services: AWS, Azure, Cloud Run.
    case cloud
    /// Software, platforms and practices you use: Docker, Git, Excel, REST.
    case tools
    /// Ways of working: Agile, Scrum, test-driven development.
    case methods
    /// Transversal skills: communication, leadership.
    case softSkills = "soft skills"
    /// Business and administration knowledge (ESCO K04): accounting, marketing.
    case business
    /// Other fields of knowledge (ESCO): mathematics, pharmacology.
    case knowledge
}

import ResumeParser

/// What the scorer reads of a job once, before scoring candidates against it: its required skills
/// grouped into requirements (alternatives as one, core skills weighted), the related skills that earn
/// part of each, its function and its level.
struct JobAnalysis: Sendable {
    /// One requirement: a skill, or a group of alternatives of which one is enough.
    struct Requirement: Sendable {
        /// The skills that meet it in full.
        var skills: [String]
        /// Skills that meet it in part, with the credit each earns (the best over the group's skills).
        var related: [(skill: String, credit: Double)]
        /// How much it counts in the required share.
        var importance: Double
        /// Whether it is one of the job's core skills.
        var isCore: Bool
        /// Whether one of its skills names the job's own function ("Accounting" for a staff accountant,
        /// "Machine Learning" for a machine learning engineer): a position in that function shows it, whatever
        /// words the parser kept from the resume's skills and bullets.
        var namesFunction = false

        /// The credit `candidate` earns: 1 for a skill of the requirement, the best related credit
        /// otherwise, with the skill that earned it; a skill outside `evidenced` (when known) earns
        /// `listed` of that. A requirement that names the job's function earns `shownByTitles` when that is
        /// more (1 for a position in the function, ½ for one in a neighbouring function of the same
        /// discipline), with `byTitle` true and, in full, its first skill as `matched`.
        func credit(
            _ candidate: Set<String>, evidenced: Set<String>? = nil, listed: Double = 1, shownByTitles: Double = 0
        ) -> (value: Double, matched: String?, related: String?, byTitle: Bool) {
            func worth(_ skill: String) -> Double { evidenced.map { $0.contains(skill) ? 1 : listed } ?? 1 }
            var best: (value: Double, matched: String?, related: String?, byTitle: Bool) = (0, nil, nil, false)
            for skill in skills where candidate.contains(skill) && worth(skill) > best.value {
                best = (worth(skill), skill, nil, false)
            }
            for (skill, credit) in related where candidate.contains(skill) && credit * worth(skill) > best.value {
                best = (credit * worth(skill), nil, skill, false)
            }
            if namesFunction, shownByTitles > best.value {
                return (min(1, shownByTitles), shownByTitles >= 1 ? skills.first : nil, nil, true)
            }
            return best
        }

        /// How a missing requirement is named: its skill, or its alternatives joined by " or ".
        var name: String { skills.joined(separator: " or ") }
    }

    var required: [Requirement]
    var preferred: [Requirement]
    var function: RoleFunction?
    var level: SeniorityLevel?

    init(_ job: ParsedJob, weights: ScoringWeights, taxonomy: SkillTaxonomy = .standard) {
        let core = Set(job.coreSkills)
        var groupOf: [String: Int] = [:]
        for (index, group) in job.alternatives.enumerated() {
            for skill in group where groupOf[skill] == nil { groupOf[skill] = index }
        }
        func related(_ skills: [String]) -> [(skill: String, credit: Double)] {
            var best: [String: Double] = [:]
            for skill in skills {
                for (other, credit) in taxonomy.related(to: skill) where !skills.contains(other) {
                    best[other] = max(best[other] ?? 0, credit)
                }
            }
            return best.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
        }
        let function = job.title.flatMap(RoleFunction.of)
        func namesFunction(_ skills: [String]) -> Bool {
            function.map { wanted in skills.contains { RoleFunction.family(ofSkill: $0) == wanted } } ?? false
        }
        var required: [Requirement] = []
        var usedGroups = Set<Int>()
        for mention in job.requiredSkills {
            var skills = [mention.name]
            if let group = groupOf[mention.name] {
                guard usedGroups.insert(group).inserted else { continue }
                skills = job.alternatives[group]
            }
            let isCore = skills.contains(where: core.contains)
            required.append(
                Requirement(
                    skills: skills, related: related(skills), importance: isCore ? weights.coreSkillImportance : 1,
                    isCore: isCore, namesFunction: namesFunction(skills)))
        }
        self.required = required
        preferred = job.preferredSkills.map {
            Requirement(
                skills: [$0.name], related: related([$0.name]), importance: 1, isCore: false,
                namesFunction: namesFunction([$0.name]))
        }
        self.function = function
        level = job.title.flatMap(SeniorityLevel.of)
    }
}

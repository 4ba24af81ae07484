/// Which skills found a resume claims: a skill named only in an employer's name ("Data Analyst, Ubuntu Clinical
/// Research" is no Linux) says where the person worked, not what they can do.
enum SkillClaims {
    /// `found` without the skills whose every mention (`mentions` counts them) lies in an employer's name.
    static func withoutEmployers(
        _ found: [SkillMention], mentions: [String: Int], employers: [String], matcher: SkillMatcher
    ) -> [SkillMention] {
        var inNames: [String: Int] = [:]
        // A resume names a few dozen employers; a hostile text's thousands are not all looked at.
        for employer in employers.prefix(200) where employer.utf8.count <= 120 {
            for match in matcher.matches(in: employer) { inNames[match.skill.name, default: 0] += 1 }
        }
        guard !inNames.isEmpty else { return found }
        return found.filter { mention in
            guard let named = inNames[mention.name] else { return true }
            return (mentions[mention.name] ?? 0) > named
        }
    }
}

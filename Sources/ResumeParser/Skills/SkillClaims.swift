/// Which skills found a resume claims: a skill named only in an employer's name ("Data Analyst, Ubuntu Clinical
/// Research" is no Linux) says where the person worked, not what they can do.
enum SkillClaims {
    /// `found` without the skills whose every mention (`mentions` counts them) lies in an employer's name.
    static func withoutEmployers(
        _ found: [SkillMention], mentions: [String: Int], employers: [String], matcher: SkillMatcher
    ) -> [SkillMention] {
        var inNames: [String: Int] = [:]
        // One pass over the names, kept apart by a bar that no skill's name spans; a resume names a few dozen
        // employers, and a hostile text's thousands are not all looked at.
        let names = employers.prefix(200).filter { $0.utf8.count <= 120 }.joined(separator: " | ")
        for match in matcher.matches(in: names) { inNames[match.skill.name, default: 0] += 1 }
        guard !inNames.isEmpty else { return found }
        return found.filter { mention in
            guard let named = inNames[mention.name] else { return true }
            return (mentions[mention.name] ?? 0) > named
        }
    }
}

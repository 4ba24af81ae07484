import Foundation

/// Turns resumes and job descriptions into structured values.
///
/// ```swift
/// let parser = DocumentParser()
/// let resume = try parser.parseResume(contentsOf: URL(fileURLWithPath: "resume.pdf"))
/// print(resume.contact.name, resume.skills.map(\.name), resume.totalExperienceYears)
/// let job = try parser.parseJob(contentsOf: URL(fileURLWithPath: "job.md"))
/// ```
///
/// Reading is ``TextExtractor``'s (formats, limits, typed ``ParseError``s); the rest never fails: fields
/// the document does not state are left empty. A parser is immutable and `Sendable`; build one and share
/// it (the skills automaton takes a moment to build).
public struct DocumentParser: Sendable {
    /// Reads files into text, with its limits.
    public var extractor: TextExtractor
    /// Finds skills; ``SkillMatcher/standard`` by default.
    public let skills: SkillMatcher
    /// The month that "Present" stands for when totalling experience.
    public var referenceMonth: YearMonth
    /// The most characters of a text read for structure (contact, sections, experience, education,
    /// skills); the rest of a longer text is ignored. A resume is a few thousand characters; the cap
    /// (default 200,000, some 60 pages) bounds the time a hostile 10 MB text can take.
    public var maximumStructuredCharacters = 200_000

    /// A parser that reads files within `limits`, finds skills with `skills` and totals experience with
    /// "Present" standing for `referenceMonth` (this month by default). Building ``SkillMatcher/standard`` the
    /// first time takes tens of milliseconds.
    public init(
        limits: TextExtractor.Limits = .init(), skills: SkillMatcher = .standard, referenceMonth: YearMonth = .now
    ) {
        extractor = TextExtractor(limits: limits)
        self.skills = skills
        self.referenceMonth = referenceMonth
    }

    /// Reads and parses the resume at `url`.
    ///
    /// - Throws: ``ParseError`` naming the file when it cannot be read as text.
    public func parseResume(contentsOf url: URL) throws -> ParsedResume {
        let extracted = try extractor.extract(contentsOf: url)
        return parseResume(text: extracted.text, source: url.lastPathComponent, format: extracted.format.rawValue)
    }

    /// Parses a resume held in memory (an upload), sniffing its format from the bytes.
    ///
    /// - Throws: ``ParseError`` naming `source` when the bytes cannot be read as text.
    public func parseResume(data: Data, source: String) throws -> ParsedResume {
        let extracted = try extractor.extract(data, source: source)
        return parseResume(text: extracted.text, source: source, format: extracted.format.rawValue)
    }

    /// Parses a resume already in text form.
    public func parseResume(text: String, source: String, format: String = "txt") -> ParsedResume {
        let lines = Self.lines(of: bounded(text), columns: format == DocumentFormat.pdf.rawValue)
        return parseResume(lines: lines, sections: SectionSplitter.split(lines), source: source, format: format)
    }

    /// Parses a resume already in text form and returns its reading-order text too, from one reading of
    /// the lines and sections (a pipeline that parses and then chunks needs both; asking for them apart
    /// lays out columns and finds sections twice).
    public func parseResumeWithReadingText(
        text: String, source: String, format: String = "txt"
    ) -> (resume: ParsedResume, reading: ReadingText) {
        let lines = Self.lines(of: bounded(text), columns: format == DocumentFormat.pdf.rawValue)
        let sections = SectionSplitter.split(lines)
        return (
            parseResume(lines: lines, sections: sections, source: source, format: format),
            Self.readingText(of: sections)
        )
    }

    private func parseResume(
        lines: [String], sections: [SectionSplitter.Section], source: String, format: String
    ) -> ParsedResume {
        func section(_ kind: SectionKind) -> [String] { sections.filter { $0.kind == kind }.flatMap(\.lines) }

        let contact = ContactExtractor.extract(lines: lines, header: section(.contact))
        let positions = ExperienceExtractor.extract(section(.experience), home: contact.location)
        var sectionTexts: [SectionKind: String] = [:]
        for section in sections {
            let body = section.lines.joined(separator: "\n").trimmedWhitespace()
            guard !body.isEmpty else { continue }
            sectionTexts[section.kind] = [sectionTexts[section.kind], body].compactMap { $0 }.joined(separator: "\n")
        }
        var found: [SkillMention] = []
        var mentions: [String: Int] = [:]
        for section in sections where ![.contact, .education, .languages].contains(section.kind) {
            // Words hyphenated at a line's end are whole again ("Machine Learn-" over "ing"), and so are names a
            // skills table wrapped ("Product   Expert" over "Management").
            let unwrapped =
                section.kind == .skills ? WrappedSkillNames.joined(section.lines, matcher: skills) : section.lines
            let text = HyphenatedWords.joined(unwrapped, matcher: skills).joined(separator: "\n")
            for match in skills.matches(in: text, isSkillList: section.kind == .skills) {
                mentions[match.skill.name, default: 0] += 1
                let mention = SkillMention(name: match.skill.name, category: match.skill.category)
                if !found.contains(mention) { found.append(mention) }
            }
        }
        found = SkillClaims.withoutEmployers(
            found, mentions: mentions, employers: positions.compactMap(\.entry.company), matcher: skills)
        return ParsedResume(
            source: source, format: format, contact: contact, skills: found, experience: positions.map(\.entry),
            education: EducationExtractor.extract(section(.education)),
            certifications: Self.items(section(.certifications)), languages: Self.languages(section(.languages)),
            totalExperienceYears: DateRange.totalYears(positions.map(\.range), through: referenceMonth),
            sections: sectionTexts)
    }

    /// Reads and parses the job description at `url`.
    ///
    /// - Throws: ``ParseError`` naming the file when it cannot be read as text.
    public func parseJob(contentsOf url: URL) throws -> ParsedJob {
        let extracted = try extractor.extract(contentsOf: url)
        return parseJob(text: extracted.text, source: url.lastPathComponent, format: extracted.format.rawValue)
    }

    /// Parses a job description already in text form.
    public func parseJob(text: String, source: String, format: String = "txt") -> ParsedJob {
        JobRequirements.parse(text: bounded(text), source: source, format: format, matcher: skills)
    }

    /// `text` cut to ``maximumStructuredCharacters``.
    private func bounded(_ text: String) -> String {
        text.utf8.count <= maximumStructuredCharacters ? text : String(text.prefix(maximumStructuredCharacters))
    }

    /// Lines in reading order: with `columns` (PDF physical layout), a margin timeline's year labels are
    /// dropped (``TimelineLabels``) and two-column pages are read column by column; page breaks become line
    /// breaks; icon glyphs become separators (``IconGlyphs``); ligatures and typographic apostrophes are
    /// folded (``TypographicFolding``); a footer's copyright notice is dropped (``PageFurniture``).
    static func lines(of text: String, columns: Bool) -> [String] {
        // Pages end at form feeds (a control character: never inside a grapheme, so bytes split alike).
        text.utf8.split(separator: 0x0C, omittingEmptySubsequences: false)
            .map { page in
                let page = String(Substring(page))
                return columns ? ColumnLayout.readingOrder(TimelineLabels.removed(from: page)) : page
            }
            .joined(separator: "\n")
            .splitAtLineBreaks()
            .map { IconGlyphs.separated(TypographicFolding.folded($0)).trimmedWhitespace() }
            .filter { !$0.isEmpty && !PageFurniture.isCopyrightNotice($0) }
    }

    /// One item per line (bullets removed).
    static func items(_ lines: [String]) -> [String] {
        lines.map { $0.trimmed(" \t" + Bullet.marks) }.filter { !$0.isEmpty }
    }

    /// "English (native), Spanish (fluent)" → two items.
    static func languages(_ lines: [String]) -> [String] {
        items(lines).flatMap { $0.components(separatedBy: CharacterSet(charactersIn: ",;|" + Bullet.glyphs)) }
            .map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
    }
}

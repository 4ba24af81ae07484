import ResumeParser

/// A parsed resume as the store keeps it: what `JSONEncoder` with `.sortedKeys` writes, byte for byte, written
/// field by field. The encoder's generic walk took 0.3 ms of each resume's ingest; this takes a tenth of it.
///
/// It follows the `Encodable` conformances of ``ParsedResume`` and the types inside it (keys in byte order,
/// absent values as `null` where those conformances write them, whole numbers without ".0", `/` escaped).
/// When a field is added to one of them, add it here: `StoredJSONTests` compares the two on every fixture and
/// on a resume with every field set.
enum ParsedResumeJSON {
    /// The JSON of `resume`, or `nil` when it holds a number JSON cannot write (the caller then uses
    /// `JSONEncoder`, which reports it).
    static func string(_ resume: ParsedResume) -> String? {
        guard resume.totalExperienceYears.isFinite else { return nil }
        var out = JSONBytes()
        out.bytes.reserveCapacity(1_024 + resume.sections.values.reduce(0) { $0 + $1.utf8.count })
        out.object { out in
            out.key("certifications", first: true)
            out.strings(resume.certifications)
            out.key("contact")
            contact(resume.contact, into: &out)
            out.key("education")
            out.array(resume.education) { out, entry in
                out.object { out in
                    out.key("field", first: true)
                    out.string(entry.field)
                    out.key("institution")
                    out.string(entry.institution)
                    out.key("level")
                    out.string(entry.level.rawValue)
                    out.key("year")
                    out.raw(entry.year.map(String.init) ?? "null")
                }
            }
            out.key("experience")
            out.array(resume.experience) { out, entry in
                out.object { out in
                    out.key("company", first: true)
                    out.string(entry.company)
                    out.key("end")
                    out.string(entry.end?.description)
                    out.key("isCurrent")
                    out.raw(entry.isCurrent ? "true" : "false")
                    out.key("location")
                    out.string(entry.location)
                    out.key("start")
                    out.string(entry.start?.description)
                    out.key("title")
                    out.string(entry.title)
                }
            }
            out.key("format")
            out.string(resume.format)
            out.key("languages")
            out.strings(resume.languages)
            out.key("sections")
            out.object { out in
                for (index, (kind, text)) in resume.sections.sorted(by: { $0.key.rawValue < $1.key.rawValue })
                    .enumerated()
                {
                    out.key(kind.rawValue, first: index == 0)
                    out.string(text)
                }
            }
            out.key("skills")
            out.array(resume.skills) { out, skill in
                out.object { out in
                    out.key("category", first: true)
                    out.string(skill.category.rawValue)
                    out.key("name")
                    out.string(skill.name)
                }
            }
            out.key("source")
            out.string(resume.source)
            out.key("totalExperienceYears")
            out.number(resume.totalExperienceYears)
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private static func contact(_ contact: ContactInfo, into out: inout JSONBytes) {
        out.object { out in
            out.key("email", first: true)
            out.string(contact.email)
            out.key("links")
            out.strings(contact.links)
            out.key("location")
            out.string(contact.location)
            out.key("name")
            out.string(contact.name)
            out.key("phone")
            out.string(contact.phone)
        }
    }
}

#!/usr/bin/env python3
"""Generates the synthetic fixtures in Fixtures/: resumes of fictional people in several formats, each
with a ground-truth JSON, and job descriptions. Deterministic (fixed seed); standard library only.

    python3 scripts/generate-fixtures.py            # rewrites Fixtures/resumes, Fixtures/truth, Fixtures/jobs

Every person, employer and school is invented from the word lists below; any resemblance to a real
person is chance. PDFs are written by a tiny PDF writer (Helvetica, WinAnsi text), DOCX files by
zipping hand-written WordprocessingML.
"""
import json
import random
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "Fixtures"
SEED = 20261125

FIRST = ["Avery", "Jordan", "Priya", "Mateo", "Lena", "Kofi", "Sofia", "Hiroshi", "Amara", "Elias",
         "Noor", "Tomasz", "Ingrid", "Ravi", "Camila", "Declan", "Yara", "Felix", "Mei", "Oskar",
         "Zanele", "Bruno", "Aiko", "Lucas", "Nadia", "Emeka", "Freya", "Joaquin", "Leila", "Stellan"]
LAST = ["Okafor", "Lindqvist", "Ramanathan", "Delacroix", "Brennan", "Tanaka", "Moreau", "Castellano",
        "Achterberg", "Nakamura", "Szabo", "Whitfield", "Quintero", "Halvorsen", "Mbeki", "Sato",
        "O'Donnell", "Van Doorn", "Adeyemi", "Kowalczyk", "Haddad", "Fonseca", "Eriksen", "Mwangi"]
# (city, region shown, country code, calling code, national format)
CITIES = [("Austin", "TX", "US", "1"), ("Toronto", "ON", "CA", "1"), ("Leeds", "GB", "GB", "44"),
          ("Denver", "CO", "US", "1"), ("Berlin", "DE", "DE", "49"), ("Portland", "OR", "US", "1"),
          ("Dublin", "Ireland", "IE", "353"), ("Lyon", "France", "FR", "33"), ("Chicago", "IL", "US", "1"),
          ("Melbourne", "Australia", "AU", "61"), ("Utrecht", "Netherlands", "NL", "31"), ("Boston", "MA", "US", "1")]
COMPANIES = ["Bluefin Analytics", "Northwind Logistics", "Copperleaf Health", "Quillon Systems",
             "Harborview Labs", "Tessellate Inc", "Marigold Payments", "Stonebridge Software",
             "Lumen Orchard", "Vantage Robotics", "Pinecrest Media", "Orbital Freight", "Kestrel Bank",
             "Driftwood Games", "Saffron Retail Group", "Ironclad Security Ltd", "Meadowlark Energy",
             "Corvid Technologies", "Bramble & Finch", "Halcyon Biotech"]
SCHOOLS = ["Lakeshore State University", "Westbrook Institute of Technology", "Ridgeview College",
           "University of Eastmoor", "Carrow Polytechnic", "Thornfield University", "Saltmarsh Community College"]
TITLES = ["Software Engineer", "Senior Software Engineer", "Backend Developer", "Data Engineer",
          "Platform Engineer", "Machine Learning Engineer", "Site Reliability Engineer", "Frontend Developer",
          "Engineering Manager", "Data Scientist", "Mobile Developer", "Staff Engineer", "DevOps Engineer"]
# canonical taxonomy name -> surface forms a resume may use (the first is the usual one)
SKILLS = {
    "Python": ["Python"], "Go": ["Go", "Golang"], "Java": ["Java"], "Kotlin": ["Kotlin"],
    "TypeScript": ["TypeScript"], "JavaScript": ["JavaScript", "JS"], "Rust": ["Rust"], "C++": ["C++"],
    "C#": ["C#"], "SQL": ["SQL"], "PostgreSQL": ["PostgreSQL", "Postgres"], "MySQL": ["MySQL"],
    "Redis": ["Redis"], "Apache Kafka": ["Kafka", "Apache Kafka"], "Docker": ["Docker"],
    "Kubernetes": ["Kubernetes", "k8s"], "Terraform": ["Terraform"], "Amazon Web Services": ["AWS"],
    "Google Cloud Platform": ["GCP", "Google Cloud"], "Microsoft Azure": ["Azure"], "React": ["React", "ReactJS"],
    "Node.js": ["Node.js", "NodeJS"], "Django": ["Django"], "Flask": ["Flask"], "Apache Spark": ["Spark", "PySpark"],
    "Apache Airflow": ["Airflow"], "Git": ["Git"], "Linux": ["Linux"], "gRPC": ["gRPC"], "GraphQL": ["GraphQL"],
    "Prometheus": ["Prometheus"], "Grafana": ["Grafana"], "PyTorch": ["PyTorch"], "scikit-learn": ["scikit-learn"],
    "pandas": ["pandas"], ".NET": [".NET"], "R": ["R"], "C": ["C"], "Swift": ["Swift"], "MongoDB": ["MongoDB", "Mongo"],
    "Elasticsearch": ["Elasticsearch"], "Snowflake": ["Snowflake"], "Jenkins": ["Jenkins"],
    "GitHub Actions": ["GitHub Actions"], "Vue.js": ["Vue.js", "Vue"], "Angular": ["Angular"],
    "Spring Boot": ["Spring Boot"], "Ruby on Rails": ["Ruby on Rails", "Rails"], "Scala": ["Scala"],
    "TensorFlow": ["TensorFlow"], "Tableau": ["Tableau"], "Ansible": ["Ansible"], "RabbitMQ": ["RabbitMQ"],
}
SHORT_SKILLS = {"R", "C"}
# Job titles that name a skill: a "DevOps Engineer" does DevOps, and the parser says so.
TITLE_SKILLS = {"DevOps Engineer": ["DevOps"], "Machine Learning Engineer": ["Machine Learning"]}  # count only in lists: kept out of prose
# Duties: {a}/{b} are skills of the person; "skills" are further skills the sentence names.
DUTIES = [("Built and operated {a} services handling millions of requests per day.", []),
          ("Led the migration of a monolith to {a} and {b}, cutting deploy time by half.", []),
          ("Designed data pipelines with {a} and {b} for finance dashboards.", []),
          ("Mentored four engineers and introduced code review standards.", ["Code Review"]),
          ("Reduced cloud spend 30% by right-sizing {a} workloads.", []),
          ("Shipped a customer-facing API in {a} with {b} as the storage layer.", []),
          ("Cut p99 latency from 900 ms to 120 ms by profiling {a} hot paths.", []),
          ("Automated releases with {a}; on-call for the payments platform.", []),
          ("Wrote the internal style guide and ran the weekly architecture forum.", [])]
DEGREES = [("bachelor", ["B.Sc.", "Bachelor of Science in", "BSc"], ["Computer Science", "Physics", "Mathematics"]),
           ("bachelor", ["B.A.", "Bachelor of Arts in"], ["Mathematics", "Economics", "Linguistics"]),
           ("master", ["M.Sc.", "Master of Science in", "MSc"], ["Computer Science", "Data Science", "Statistics"]),
           ("master", ["M.Eng.", "Master of Engineering in"], ["Software Engineering", "Electrical Engineering"]),
           ("doctorate", ["Ph.D.", "PhD in", "Doctor of Philosophy in"], ["Statistics", "Computer Science"]),
           ("associate", ["A.S.", "Associate of Science in"], ["Information Technology", "Computer Networking"])]
CERTS = [("AWS Certified Solutions Architect – Associate", ["Amazon Web Services"]),
         ("Certified Kubernetes Administrator (CKA)", ["Kubernetes"]),
         ("Google Professional Data Engineer", []), ("Oracle Certified Professional, Java SE 17 Developer", ["Java"]),
         ("Certified ScrumMaster", [])]
LANGUAGES = ["English (native)", "Spanish (fluent)", "German (professional)", "French (conversational)",
             "Japanese (basic)", "Portuguese (fluent)", "Dutch (native)", "Swahili (fluent)"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
AS_OF = (2026, 11)  # "Present" in the ground truth; the evaluation parses with this reference month
HEADINGS = {
    "summary": ["Summary", "Profile", "Professional Summary", "About Me"],
    "experience": ["Experience", "Work Experience", "Professional Experience", "Employment History", "Work History"],
    "education": ["Education", "Academic Background", "Education & Training"],
    "skills": ["Skills", "Technical Skills", "Core Competencies", "Technologies"],
    "certifications": ["Certifications", "Licenses & Certifications"],
    "languages": ["Languages", "Spoken Languages"],
}


def ym(ordinal):
    return (ordinal // 12, ordinal % 12 + 1)


def ordinal(year_month):
    return year_month[0] * 12 + year_month[1] - 1


def person(rng, index, classic):
    first = FIRST[index % len(FIRST)]
    last = LAST[(index * 7 + rng.randint(0, 3)) % len(LAST)]
    city, region, country, code = rng.choice(CITIES)
    digits = "".join(str(rng.randint(0, 9)) for _ in range(10))
    if code == "1":
        area = str(rng.randint(201, 989))
        national = f"({area}) 555-{digits[:4]}" if rng.random() < 0.6 else f"{area}-555-{digits[:4]}"
        written = national if rng.random() < 0.7 else f"+1 {area} 555 {digits[:4]}"
        phone = f"+1{area}555{digits[:4]}"
    else:
        subscriber = str(rng.randint(1, 9)) + digits[:8]  # national numbers do not start 00
        national = f"0{subscriber[:3]} {subscriber[3:6]} {subscriber[6:]}"
        written = national if rng.random() < 0.5 else f"+{code} {subscriber[:3]} {subscriber[3:6]} {subscriber[6:]}"
        phone = f"+{code}{subscriber}"
    pool = list(SKILLS)
    chosen = rng.sample(pool, rng.randint(7, 12))
    prose = [s for s in chosen if s not in SHORT_SKILLS]
    surface = {s: (SKILLS[s][0] if classic or rng.random() < 0.6 else rng.choice(SKILLS[s])) for s in chosen}
    # Positions, most recent first; an occasional side job overlaps the main one.
    jobs = []
    cursor = ordinal(AS_OF) - rng.randint(0, 10)
    for j in range(rng.randint(2, 4)):
        length = rng.randint(12, 48)
        current = j == 0 and rng.random() < 0.75
        end = None if current else cursor
        start = cursor - length
        duties, mentioned = [], []
        for template, extra in rng.sample(DUTIES, 2 if not classic else 3):
            a, b = rng.sample(prose, 2)
            duties.append(template.format(a=surface[a], b=surface[b]))
            mentioned += ([a] if "{a}" in template else []) + ([b] if "{b}" in template else []) + extra
        jobs.append({"title": rng.choice(TITLES), "company": rng.choice(COMPANIES), "start": ym(start),
                     "end": None if end is None else ym(end), "duties": duties, "mentioned": mentioned,
                     "location": f"{city}, {region}" if rng.random() < 0.3 else None})
        cursor = start - rng.randint(1, 6)
    if not classic and rng.random() < 0.25:
        main = jobs[1] if len(jobs) > 1 else jobs[0]
        s = ordinal(main["start"]) + 3
        jobs.insert(1, {"title": "Freelance Developer", "company": "Self-employed", "start": ym(s),
                        "end": ym(s + 8), "duties": [], "mentioned": [], "location": None})
    if not classic and rng.random() < 0.2:
        year = jobs[-1]["start"][0] - 1
        jobs.append({"title": "Software Engineering Intern", "company": rng.choice(COMPANIES), "start": (year, 6),
                     "end": (year, 8), "season": year, "duties": [], "mentioned": [], "location": None})
    level, forms, fields = rng.choice(DEGREES)
    field = rng.choice(fields)
    grad = jobs[-1]["start"][0] - rng.randint(0, 1)
    education = [{"level": level, "form": forms[0] if classic else rng.choice(forms), "field": field,
                  "institution": rng.choice(SCHOOLS), "year": grad}]
    certs = rng.sample(CERTS, rng.randint(0, 2)) if not classic else []
    languages = rng.sample(LANGUAGES, rng.randint(1, 3)) if not classic or index % 2 else []
    months = set()
    for job in jobs:
        end = ordinal(AS_OF) if job["end"] is None else ordinal(job["end"])
        months.update(range(ordinal(job["start"]), end + 1))
    skills = set(chosen) | {m for job in jobs for m in job["mentioned"]} | {s for _, c in certs for s in c}
    summary_title = rng.choice(TITLES)
    skills |= {s for title in [summary_title] + [job["title"] for job in jobs] for s in TITLE_SKILLS.get(title, [])}
    return {
        "name": f"{first} {last}", "email": f"{first.lower()}.{last.lower().replace(' ', '').replace(chr(39), '')}@example.com",
        "phone_written": written, "phone": phone,
        "location": f"{city}, {region}",
        "links": [f"https://www.linkedin.com/in/{first.lower()}-{last.lower().replace(' ', '').replace(chr(39), '')}-{index}",
                  f"https://github.com/{first.lower()}{index}"],
        "summary": f"{summary_title} with a focus on {surface[prose[0]]} and {surface[prose[1]]}.",
        "summary_skills": prose[:2],
        "chosen": chosen, "surface": surface, "jobs": jobs, "education": education, "certs": certs,
        "languages": languages, "skills": sorted(skills, key=str.lower),
    }


def style(rng, classic):
    """How one resume is laid out."""
    if classic:
        return {"caps_name": False, "heading_case": "upper", "headings": {k: v[0] for k, v in HEADINGS.items()},
                "contact": "lines", "entry": "comma", "dates": "short", "separator": " - ", "present": "Present",
                "skills": "comma"}
    return {"caps_name": rng.random() < 0.3, "heading_case": rng.choice(["upper", "title", "colon"]),
            "headings": {k: rng.choice(v) for k, v in HEADINGS.items()},
            "contact": rng.choice(["lines", "joined"]), "entry": rng.choice(["comma", "pipes", "stacked", "at"]),
            "dates": rng.choice(["short", "long", "iso", "slash", "years"]),
            "separator": rng.choice([" - ", " – ", " to "]), "present": rng.choice(["Present", "Current", "Now"]),
            "skills": rng.choice(["comma", "bullets", "grouped"])}


def date_text(d, st, as_end):
    if d is None:
        return st["present"]
    year, month = d
    return {"short": f"{MONTHS[month - 1]} {year}", "long": f"{MONTH_NAMES[month - 1]} {year}",
            "iso": f"{year}-{month:02d}", "slash": f"{month:02d}/{year}", "years": f"{year}"}[st["dates"]]


def heading(text, st):
    return {"upper": text.upper(), "title": text, "colon": text + ":"}[st["heading_case"]]


def resume_blocks(p, st):
    """The resume as (style, text) lines; style is 'name', 'heading', 'body' or 'bullet'.
    Also adjusts the person's truth for imprecise date styles (years only)."""
    name = p["name"].upper() if st["caps_name"] else p["name"]
    lines = [("name", name)]
    contact = [p["location"], p["email"], p["phone_written"]]
    if st["contact"] == "joined":
        lines += [("body", " | ".join(contact)), ("body", " | ".join(p["links"]))]
    else:
        lines += [("body", p["location"]), ("body", f"{p['email']} | {p['phone_written']}"),
                  ("body", " | ".join(p["links"]))]
    h = st["headings"]
    lines += [("heading", heading(h["summary"], st)), ("body", p["summary"]),
              ("heading", heading(h["experience"], st))]
    for job in p["jobs"]:
        dates = job_dates(job, st)
        where = f" | {job['location']}" if job["location"] else ""
        if st["entry"] == "comma":
            lines.append(("body", f"{job['title']}, {job['company']}   {dates}"))
        elif st["entry"] == "pipes":
            lines.append(("body", f"{job['title']} | {job['company']}{where} | {dates}"))
        elif st["entry"] == "stacked":
            lines += [("body", job["title"]), ("body", job["company"] + (f", {job['location']}" if job["location"] else "")),
                      ("body", dates)]
        else:
            lines.append(("body", f"{job['title']} at {job['company']} ({dates})"))
        lines.extend(("bullet", d) for d in job["duties"])
    lines.append(("heading", heading(h["education"], st)))
    for e in p["education"]:
        lines.append(("body", f"{e['form']} {e['field']}, {e['institution']}, {e['year']}"))
    lines.append(("heading", heading(h["skills"], st)))
    names = [p["surface"][s] for s in p["chosen"]]
    if st["skills"] == "comma":
        lines.append(("body", ", ".join(names)))
    elif st["skills"] == "bullets":
        lines.extend(("bullet", n) for n in names)
    else:
        half = len(names) // 2
        lines += [("body", "Core: " + ", ".join(names[:half])), ("body", "Also: " + ", ".join(names[half:]))]
    if p["certs"]:
        lines.append(("heading", heading(h["certifications"], st)))
        lines.extend(("bullet", f"{c} ({2019 + i})") for i, (c, _) in enumerate(p["certs"]))
    if p["languages"]:
        lines += [("heading", heading(h["languages"], st)), ("body", ", ".join(p["languages"]))]
    return lines


def truth_dates(p, st):
    """Start/end as the truth states them: year-only styles widen to January and December."""
    out = []
    for job in p["jobs"]:
        start, end = job["start"], job["end"]
        if job.get("season"):
            start, end = (job["season"], 6), (job["season"], 8)
        elif st["dates"] == "years":
            start = (start[0], 1)
            end = None if end is None else (end[0], 12)
        out.append((start, end))
    return out


def write_txt(lines, path):
    out = []
    for style_name, text in lines:
        out.append("- " + text if style_name == "bullet" else text)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_md(lines, path):
    out = []
    for style_name, text in lines:
        out.append({"name": "# " + text, "heading": "\n## " + text.rstrip(":"), "bullet": "- " + text}.get(style_name, text))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_document(page_streams, extra_page_resources="", extra_objects=None, trailer_extra=""):
    """A PDF from ready content streams, one a page: Helvetica and Helvetica-Bold as /F1 and /F2."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"}
    objects.update(extra_objects or {})
    kids = []
    for n, stream in enumerate(page_streams):
        page_id, content_id = 10 + 2 * n, 11 + 2 * n
        kids.append(f"{page_id} 0 R")
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_id] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
                            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> {extra_page_resources} >> >>").encode()
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(page_streams)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    count = max(objects) + 1
    out += b"xref\n0 %d\n" % count
    for number in range(count):
        out += (b"%010d 00000 n \n" % offsets[number]) if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (count, trailer_extra.encode(), xref)
    return bytes(out)


def text_op(x, y, text, font="/F1", size=10):
    return f"BT {font} {size} Tf 1 0 0 1 {x} {y} Tm ({pdf_escape(text)}) Tj ET"


def line_font(style_name):
    return {"name": ("/F2", 16), "heading": ("/F2", 12)}.get(style_name, ("/F1", 10))


def write_pdf(lines, path):
    """Single column, 54 lines a page."""
    pages = [lines[i:i + 54] for i in range(0, len(lines), 54)] or [[]]
    streams = []
    for page in pages:
        ops, y = [], 740
        for style_name, text in page:
            font, size = line_font(style_name)
            ops.append(text_op(72, y, ("\u2022 " + text) if style_name == "bullet" else text, font, size))
            y -= 13
        streams.append("\n".join(ops).encode("cp1252"))
    path.write_bytes(pdf_document(streams))


def wrap(text, width):
    words, lines, current = text.split(" "), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return lines + ([current] if current else [])


def write_pdf_two_columns(p, st, path):
    """A header across the page, then a narrow left column (contact, skills, education, languages,
    certifications) beside a wide right column (summary, experience), as many resume templates do."""
    ops = [text_op(54, 750, p["name"].upper() if st["caps_name"] else p["name"], "/F2", 16),
           text_op(54, 734, " | ".join(p["links"]), "/F1", 8.5)]
    h = st["headings"]
    left = [("body", p["location"]), ("body", p["email"]), ("body", p["phone_written"]), ("gap", ""),
            ("heading", heading(h["skills"], st))]
    names = [p["surface"][s] for s in p["chosen"]]
    if st["skills"] == "bullets":
        left += [("body", "\u2022 " + n) for n in names]
    else:
        left += [("body", piece) for piece in wrap(", ".join(names), 34)]
    left += [("gap", ""), ("heading", heading(h["education"], st))]
    for e in p["education"]:
        # The abbreviated degree keeps the line inside the column.
        short = next(f for level, forms, _ in DEGREES if level == e["level"] for f in forms if "." in f)
        left += [("body", f"{short} {e['field']}"), ("body", e["institution"]), ("body", str(e["year"]))]
    if p["languages"]:
        left += [("gap", ""), ("heading", heading(h["languages"], st))] + [("body", l) for l in p["languages"]]
    if p["certs"]:
        left += [("gap", ""), ("heading", heading(h["certifications"], st))]
        for i, (c, _) in enumerate(p["certs"]):
            left += [("body", piece) for piece in wrap(f"{c} ({2019 + i})", 34)]
    right = [("heading", heading(h["summary"], st))] + [("body", t) for t in wrap(p["summary"], 62)]
    right += [("gap", ""), ("heading", heading(h["experience"], st))]
    for job in p["jobs"]:
        dates = job_dates(job, st)
        right += [("title", job["title"]),
                  ("body", job["company"] + (f", {job['location']}" if job["location"] else "")),
                  ("body", dates)]
        for duty in job["duties"]:
            pieces = wrap(duty, 60)
            right += [("body", "\u2022 " + pieces[0])] + [("body", "  " + piece) for piece in pieces[1:]]
        right.append(("gap", ""))
    for x, column in ((54, left), (236, right)):
        y = 708
        for style_name, text in column:
            if style_name == "gap":
                y -= 6
                continue
            font, size = {"heading": ("/F2", 10.5), "title": ("/F2", 9.5)}.get(style_name, ("/F1", 9))
            ops.append(text_op(x, y, text, font, size))
            y -= 12
        if y < 40:
            raise SystemExit(f"{path.name}: the column overflows the page")
    path.write_bytes(pdf_document(["\n".join(ops).encode("cp1252")]))


def docx_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_paragraph(text, style=None, bullet=False):
    props = ""
    if style or bullet:
        props = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + \
                ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if bullet else "") + "</w:pPr>"
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{docx_escape(text)}</w:t></w:r></w:p>'


def docx_package(document_body, path, uncompressed_padding=0):
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:body>{document_body}</w:body></w:document>')
    if uncompressed_padding:
        document = document.replace("</w:body>", "<!--" + " " * uncompressed_padding + "--></w:body>")
    content_types = ('<?xml version="1.0" encoding="UTF-8"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/'
                     'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                           ("word/document.xml", document)):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def write_docx(p, lines, path, table_layout):
    body = []
    if table_layout:
        # Contact details in a two-cell table, as many templates do; the rest as paragraphs.
        body.append("<w:tbl><w:tr>"
                    f"<w:tc>{docx_paragraph(lines[0][1], 'Title')}{docx_paragraph(p['location'])}</w:tc>"
                    f"<w:tc>{docx_paragraph(p['email'] + ' | ' + p['phone_written'])}"
                    f"{docx_paragraph(' | '.join(p['links']))}</w:tc>"
                    "</w:tr></w:tbl>")
        lines = [line for line in lines if line[0] in ("heading", "bullet")
                 or line[1] not in (p["location"], " | ".join(p["links"])) and "@" not in line[1]][1:]
    for style_name, text in lines:
        body.append(docx_paragraph(text, {"name": "Title", "heading": "Heading1"}.get(style_name),
                                   bullet=style_name == "bullet"))
    docx_package("".join(body), path)


def job_dates(job, st):
    if job.get("season"):
        return f"Summer {job['season']}"
    return f"{date_text(job['start'], st, False)}{st['separator']}{date_text(job['end'], st, True)}"


def truth(p, st, source, fmt, layout):
    dates = truth_dates(p, st)
    months = set()
    for start, end in dates:
        last = ordinal(AS_OF) if end is None else ordinal(end)
        months.update(range(ordinal(start), last + 1))
    return {"source": source, "format": fmt, "layout": layout, "asOf": "%04d-%02d" % AS_OF,
            "contact": {"name": p["name"], "email": p["email"], "phone": p["phone"], "location": p["location"],
                        "links": p["links"]},
            "skills": p["skills"],
            "experience": [{"title": j["title"], "company": j["company"], "start": "%04d-%02d" % d[0],
                            "end": None if d[1] is None else "%04d-%02d" % d[1]} for j, d in zip(p["jobs"], dates)],
            "education": [{"level": e["level"], "field": e["field"], "institution": e["institution"],
                           "year": e["year"]} for e in p["education"]],
            "certifications": [f"{c} ({2019 + i})" for i, (c, _) in enumerate(p["certs"])],
            "languages": p["languages"],
            "totalExperienceYears": round(len(months) / 12, 1)}


def job(title, required, preferred, years, degree):
    return {"title": title, "requiredSkills": required, "preferredSkills": preferred, "minimumYears": years,
            "requiredDegree": degree}


JOBS = {
    "backend-engineer.txt": ("""Senior Backend Engineer - Marigold Payments

We are hiring a Senior Backend Engineer to build our payments platform.

Requirements:
- 5+ years of professional software development experience
- Strong Python or Go
- PostgreSQL and Redis in production
- Docker and Kubernetes
- Bachelor's degree in Computer Science or a related field

Nice to have:
- Kafka
- Terraform
- AWS
""", job("Senior Backend Engineer", ["Python", "Go", "PostgreSQL", "Redis", "Docker", "Kubernetes"],
         ["Apache Kafka", "Terraform", "Amazon Web Services"], 5, "bachelor")),
    "data-engineer.md": ("""# Data Engineer - Copperleaf Health

## Required
- 3+ years building data pipelines
- Python, SQL, Spark, Airflow

## Preferred
- GCP or AWS
- Pandas, scikit-learn

A master's degree is a plus but not required.
""", job("Data Engineer", ["Python", "SQL", "Apache Spark", "Apache Airflow"],
         ["Google Cloud Platform", "Amazon Web Services", "pandas", "scikit-learn"], 3, None)),
    "frontend-developer.txt": ("""Frontend Developer at Pinecrest Media

About the role
You will build the reader-facing web app.

What you bring:
- 2-4 years of experience with React and TypeScript
- Solid JavaScript, HTML and CSS
- Experience with GraphQL APIs

Bonus points:
- Next.js
- Storybook or Cypress

No degree required.
""", job("Frontend Developer", ["React", "TypeScript", "JavaScript", "HTML", "CSS", "GraphQL"],
         ["Next.js", "Storybook", "Cypress"], 2, None)),
    "ml-engineer.md": ("""# Machine Learning Engineer | Halcyon Biotech

## Must have
* MSc or PhD in Computer Science, Statistics or a related field
* At least 3 years of experience shipping models
* Python, PyTorch and scikit-learn
* Docker

## Nice to have
* Kubernetes
* Apache Spark
* MLflow
""", job("Machine Learning Engineer", ["Machine Learning", "Python", "PyTorch", "scikit-learn", "Docker"],
         ["Kubernetes", "Apache Spark", "MLflow"], 3, "master")),
    "sre.txt": ("""Site Reliability Engineer — Kestrel Bank

Requirements:
- 4+ years in operations or software engineering
- Linux, Terraform, Kubernetes, Prometheus and Grafana
- Scripting in Python or Bash

Preferred:
- Go
- Azure
- Bachelor's degree preferred
""", job("Site Reliability Engineer", ["Linux", "Terraform", "Kubernetes", "Prometheus", "Grafana", "Python", "Bash"],
         ["Go", "Microsoft Azure"], 4, None)),
    "mobile-developer.md": ("""# Mobile Developer - Driftwood Games

## Requirements
- 3+ years building iOS or Android apps
- Swift and Kotlin
- REST APIs and Git
- Bachelor's degree in Computer Science

## Nice to have
- Flutter
- Firebase
""", job("Mobile Developer", ["iOS Development", "Android Development", "Swift", "Kotlin", "REST", "Git"],
         ["Flutter", "Firebase"], 3, "bachelor")),
    "java-developer.txt": ("""Java Developer @ Stonebridge Software

Qualifications:
- 6+ years of Java development
- Spring Boot, Hibernate and MySQL
- Experience with Jenkins and Maven
- Associate degree or higher in a technical field

It would be a plus if you know:
- Kafka
- Docker
""", job("Java Developer", ["Java", "Spring Boot", "Hibernate", "MySQL", "Jenkins", "Maven"],
         ["Apache Kafka", "Docker"], 6, "associate")),
    "data-scientist.md": ("""# Data Scientist - Saffron Retail Group

## Required
- 2+ years of experience in analytics or data science
- Python, R and SQL
- pandas and scikit-learn
- Tableau

## Desirable
- Snowflake
- Airflow
- A PhD is a plus
""", job("Data Scientist", ["Python", "R", "SQL", "pandas", "scikit-learn", "Tableau"],
         ["Snowflake", "Apache Airflow"], 2, None)),
    "devops-engineer.txt": ("""DevOps Engineer - Meadowlark Energy

Requirements:
- 3 years of experience with CI/CD and infrastructure as code
- AWS, Terraform, Ansible
- GitHub Actions or Jenkins
- Docker and Kubernetes

Nice-to-have:
- Helm
- Datadog
""", job("DevOps Engineer", ["DevOps", "CI/CD", "Infrastructure as Code", "Amazon Web Services", "Terraform", "Ansible",
                            "GitHub Actions", "Jenkins", "Docker", "Kubernetes"], ["Helm", "Datadog"], 3, None)),
    "engineering-manager.md": ("""# Engineering Manager, Platform - Corvid Technologies

## What we need
- 8+ years in software engineering, 2+ years managing engineers
- Hands-on background in Go or Java
- Experience running Agile teams with Scrum
- Bachelor's degree in Computer Science or equivalent

## Bonus
- Kubernetes
- Google Cloud
""", job("Engineering Manager, Platform", ["Go", "Java", "Agile", "Scrum"],
         ["Kubernetes", "Google Cloud Platform"], 8, "bachelor")),
}


# The bad-input corpus: file name -> the ParseError case the parser must report. An 11 MB file is not
# checked in; the tests write one.
BAD_INPUTS = {
    "truncated.pdf": "corrupt", "encrypted.pdf": "encryptedPDF", "image-only.pdf": "noTextLayer",
    "zip-bomb.docx": "partTooLarge", "garbage.pdf": "unsupportedFormat", "empty.txt": "emptyDocument",
    "invalid-utf8.txt": None,  # read as Latin-1: not an error, and no crash
    "not-a-word-file.docx": "unsupportedFormat",
}


def write_bad_inputs(folder):
    sample = [("name", "Ada Example"), ("heading", "Experience"), ("body", "Engineer, Example Co   2019 - 2021")]
    write_pdf(sample, folder / "whole.pdf")
    whole = (folder / "whole.pdf").read_bytes()
    (folder / "whole.pdf").unlink()
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    # Encrypted with the standard security handler and a user password: the O and U entries are not
    # those of an empty password, so a reader cannot open it without one.
    stream = text_op(72, 700, "Secret resume").encode("cp1252")
    (folder / "encrypted.pdf").write_bytes(pdf_document(
        [stream], extra_objects={5: b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32
                                 + b"> /P -3904 >>"},
        trailer_extra="/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"))
    # A scan: one grey image, no text.
    image = bytes(range(0, 256, 4)) * 64
    (folder / "image-only.pdf").write_bytes(pdf_document(
        [b"q 400 0 0 500 100 150 cm /Im1 Do Q"], extra_page_resources="/XObject << /Im1 6 0 R >>",
        extra_objects={6: b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                          b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(image) + image + b"\nendstream"}))
    # 60 MB of XML behind a ~60 kB archive: over the 10 MB limit for one part (and the 50 MB in all).
    docx_package(docx_paragraph("Ada Example"), folder / "zip-bomb.docx", uncompressed_padding=60_000_000)
    rng = random.Random(7)
    (folder / "garbage.pdf").write_bytes(bytes([0x00, 0xFF, 0x13, 0x37]) + bytes(rng.randrange(256) for _ in range(4096)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "invalid-utf8.txt").write_bytes(
        "Zoë Example\nSkills: Go, Python\n".encode("utf-8") + b"\xff\xfe\xc3\x28 broken \xe2\x82\n")
    with zipfile.ZipFile(folder / "not-a-word-file.docx", "w") as z:
        z.writestr("hello.txt", "a zip archive, but not a Word document")
    (folder / "expected.json").write_text(json.dumps(BAD_INPUTS, indent=2, sort_keys=True) + "\n")


FORMATS = (["txt", "md", "pdf", "docx", "docx-table", "pdf", "txt", "md"]  # 1-8: fixed, tests rely on them
           + ["txt", "md", "pdf", "pdf-2col", "docx", "docx-table", "pdf-2col"] * 6  # 9-50
           + ["pdf-2col", "pdf-2col", "txt", "md", "pdf", "docx", "pdf-2col", "txt", "md", "pdf"])  # 51-60


def write_resume(rng, index, fmt):
    classic = index < 8
    p = person(rng, index, classic)
    st = style(rng, classic)
    if fmt == "pdf-2col":
        st["entry"] = "stacked"
    stem = f"{index + 1:02d}-{p['name'].lower().replace(' ', '-').replace(chr(39), '')}"
    ext = {"pdf-2col": "pdf", "docx-table": "docx"}.get(fmt, fmt)
    path = ROOT / "resumes" / f"{stem}.{ext}"
    lines = resume_blocks(p, st)
    if fmt == "txt":
        write_txt(lines, path)
    elif fmt == "md":
        write_md(lines, path)
    elif fmt == "pdf":
        write_pdf(lines, path)
    elif fmt == "pdf-2col":
        write_pdf_two_columns(p, st, path)
    else:
        write_docx(p, lines, path, table_layout=fmt == "docx-table")
    layout = {"pdf": "pdf-single-column", "pdf-2col": "pdf-two-column", "docx-table": "docx-table"}.get(fmt, fmt)
    record = truth(p, st, path.name, ext, layout)
    (ROOT / "truth" / f"{stem}.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def main():
    rng = random.Random(SEED)
    for sub in ("resumes", "truth", "jobs", "jobs-truth", "bad"):
        folder = ROOT / sub
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
    for index, fmt in enumerate(FORMATS):
        write_resume(rng, index, fmt)
    for name, (text, expected) in JOBS.items():
        (ROOT / "jobs" / name).write_text(text, encoding="utf-8")
        (ROOT / "jobs-truth" / (Path(name).stem + ".json")).write_text(json.dumps(expected, indent=2) + "\n")
    write_bad_inputs(ROOT / "bad")
    print(f"wrote {len(FORMATS)} resumes, {len(JOBS)} jobs and {len(BAD_INPUTS)} bad inputs under {ROOT}")


if __name__ == "__main__":
    main()

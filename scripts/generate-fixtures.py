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
         "Noor", "Tomasz", "Ingrid", "Ravi", "Camila", "Declan", "Yara", "Felix", "Mei", "Oskar"]
LAST = ["Okafor", "Lindqvist", "Ramanathan", "Delacroix", "Brennan", "Tanaka", "Moreau", "Castellano",
        "Achterberg", "Nakamura", "Szabo", "Whitfield", "Quintero", "Halvorsen", "Mbeki", "Sato"]
CITIES = [("Austin", "TX", "US", "+1"), ("Toronto", "ON", "CA", "+1"), ("Leeds", "", "GB", "+44"),
          ("Denver", "CO", "US", "+1"), ("Berlin", "", "DE", "+49"), ("Portland", "OR", "US", "+1")]
COMPANIES = ["Bluefin Analytics", "Northwind Logistics", "Copperleaf Health", "Quillon Systems",
             "Harborview Labs", "Tessellate Inc", "Marigold Payments", "Stonebridge Software",
             "Lumen Orchard", "Vantage Robotics", "Pinecrest Media", "Orbital Freight"]
SCHOOLS = ["Lakeshore State University", "Westbrook Institute of Technology", "Ridgeview College",
           "University of Eastmoor", "Carrow Polytechnic"]
TITLES = ["Software Engineer", "Senior Software Engineer", "Backend Developer", "Data Engineer",
          "Platform Engineer", "Machine Learning Engineer", "Site Reliability Engineer"]
SKILL_POOL = ["Python", "Go", "Java", "Kotlin", "TypeScript", "JavaScript", "Rust", "C++", "C#", "SQL",
              "PostgreSQL", "MySQL", "Redis", "Kafka", "Docker", "Kubernetes", "Terraform", "AWS", "GCP",
              "Azure", "React", "Node.js", "Django", "Flask", "Spark", "Airflow", "Git", "Linux", "gRPC",
              "GraphQL", "Prometheus", "Grafana", "PyTorch", "scikit-learn", "Pandas", ".NET", "R"]
DEGREES = [("bachelor", "B.Sc.", "Computer Science"), ("bachelor", "B.A.", "Mathematics"),
           ("master", "M.Sc.", "Computer Science"), ("master", "M.Eng.", "Software Engineering"),
           ("doctorate", "Ph.D.", "Statistics"), ("associate", "A.S.", "Information Technology")]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DUTIES = ["Built and operated {a} services handling millions of requests per day.",
          "Led the migration of a monolith to {a} and {b}, cutting deploy time by half.",
          "Designed data pipelines with {a} and {b} for reporting and forecasting.",
          "Mentored four engineers and introduced code review standards.",
          "Reduced cloud spend 30% by right-sizing {a} workloads.",
          "Shipped a customer-facing API in {a} with {b} as the storage layer."]


def person(rng, index):
    first, last = FIRST[index % len(FIRST)], rng.choice(LAST)
    city, region, country, prefix = rng.choice(CITIES)
    digits = "".join(str(rng.randint(0, 9)) for _ in range(9))
    phone_local = f"({digits[:3]}) 555-{digits[5:9]}" if prefix == "+1" else f"0{digits[:4]} {digits[4:]}"
    phone_e164 = f"+1{digits[:3]}555{digits[5:9]}" if prefix == "+1" else f"{prefix}{digits[:4]}{digits[4:]}"
    skills = rng.sample(SKILL_POOL, rng.randint(6, 11))
    jobs, year, month = [], 2025, rng.randint(1, 12)
    for j in range(rng.randint(2, 4)):
        end = None if j == 0 else (year, month)
        length = rng.randint(14, 44)
        start_index = year * 12 + month - 1 - length
        start = (start_index // 12, start_index % 12 + 1)
        jobs.append({"title": rng.choice(TITLES), "company": rng.choice(COMPANIES),
                     "start": start, "end": end,
                     "duties": [d.format(a=a, b=b) for d in rng.sample(DUTIES, 3)
                                for a, b in [rng.sample(skills, 2)]]})
        gap = rng.randint(0, 4)
        prev = start_index - gap - 1
        year, month = prev // 12, prev % 12 + 1
    level, short, field = rng.choice(DEGREES)
    grad = jobs[-1]["start"][0] - rng.randint(0, 1)
    total_months = sum(((2025 * 12 + 11) if j["end"] is None else (j["end"][0] * 12 + j["end"][1] - 1))
                       - (j["start"][0] * 12 + j["start"][1] - 1) for j in jobs)
    return {
        "name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower()}@example.com",
        "phone_display": f"{prefix} {phone_local}" if prefix != "+1" else phone_local,
        "phone": phone_e164,
        "location": f"{city}, {region}" if region else f"{city}, {country}",
        "links": [f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{index}",
                  f"https://github.com/{first.lower()}{last.lower()}{index}"],
        "summary": f"{rng.choice(TITLES)} with a focus on {skills[0]} and {skills[1]}.",
        "skills": skills,
        "jobs": jobs,
        "education": {"level": level, "degree": short, "field": field, "institution": rng.choice(SCHOOLS),
                      "year": grad},
        "total_years": round(total_months / 12, 1),
    }


def month_text(ym):
    return "Present" if ym is None else f"{MONTHS[ym[1] - 1]} {ym[0]}"


def resume_lines(p):
    """The resume as (style, text) lines; style is 'name', 'heading' or 'body'."""
    lines = [("name", p["name"]), ("body", p["location"]),
             ("body", f"{p['email']} | {p['phone_display']}"), ("body", " | ".join(p["links"])),
             ("heading", "Summary"), ("body", p["summary"]), ("heading", "Experience")]
    for job in p["jobs"]:
        lines.append(("body", f"{job['title']}, {job['company']}   {month_text(job['start'])} - {month_text(job['end'])}"))
        lines.extend(("bullet", d) for d in job["duties"])
    e = p["education"]
    lines += [("heading", "Education"),
              ("body", f"{e['degree']} {e['field']}, {e['institution']}, {e['year']}"),
              ("heading", "Skills"), ("body", ", ".join(p["skills"]))]
    return lines


def write_txt(p, path):
    out = []
    for style, text in resume_lines(p):
        out.append(text.upper() if style == "heading" else ("- " + text if style == "bullet" else text))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_md(p, path):
    out = []
    for style, text in resume_lines(p):
        out.append({"name": "# " + text, "heading": "\n## " + text, "bullet": "- " + text}.get(style, text))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(lines, path, extra_objects=None):
    """A minimal PDF: one Helvetica font, one text stream per page, 54 lines a page."""
    pages = [lines[i:i + 54] for i in range(0, len(lines), 54)] or [[]]
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"}
    kids = []
    for n, page in enumerate(pages):
        page_id, content_id = 5 + 2 * n, 6 + 2 * n
        kids.append(f"{page_id} 0 R")
        ops = ["BT", "72 740 Td", "13 TL"]
        for style, text in page:
            font, size = ("/F2", 16) if style == "name" else (("/F2", 12) if style == "heading" else ("/F1", 10))
            shown = ("\u2022 " + text) if style == "bullet" else text
            ops.append(f"{font} {size} Tf ({pdf_escape(shown)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_id] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
                            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>").encode()
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    count = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for number in range(1, count):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
    path.write_bytes(bytes(out))


def docx_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_paragraph(text, style=None, bullet=False):
    props = ""
    if style or bullet:
        props = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + \
                ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if bullet else "") + "</w:pPr>"
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{docx_escape(text)}</w:t></w:r></w:p>'


def write_docx(p, path, table_layout):
    body = []
    lines = resume_lines(p)
    if table_layout:
        # Contact details in a two-cell table, as many templates do.
        name, location, contact, links = (t for _, t in lines[:4])
        body.append("<w:tbl><w:tr>"
                    f"<w:tc>{docx_paragraph(name, 'Title')}{docx_paragraph(location)}</w:tc>"
                    f"<w:tc>{docx_paragraph(contact)}{docx_paragraph(links)}</w:tc>"
                    "</w:tr></w:tbl>")
        lines = lines[4:]
    for style, text in lines:
        body.append(docx_paragraph(text, {"name": "Title", "heading": "Heading1"}.get(style),
                                   bullet=style == "bullet"))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:body>{"".join(body)}</w:body></w:document>')
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


def truth(p, source, fmt):
    return {"source": source, "format": fmt, "contact": {"name": p["name"], "email": p["email"],
            "phone": p["phone"], "location": p["location"], "links": p["links"]},
            "skills": sorted(p["skills"]),
            "experience": [{"title": j["title"], "company": j["company"],
                            "start": "%04d-%02d" % j["start"],
                            "end": None if j["end"] is None else "%04d-%02d" % j["end"]} for j in p["jobs"]],
            "education": [{"level": p["education"]["level"], "field": p["education"]["field"],
                           "institution": p["education"]["institution"], "year": p["education"]["year"]}],
            "totalExperienceYears": p["total_years"]}


JOBS = {
    "backend-engineer.txt": """Senior Backend Engineer - Marigold Payments

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
""",
    "data-engineer.md": """# Data Engineer - Copperleaf Health

## Required
- 3+ years building data pipelines
- Python, SQL, Spark, Airflow

## Preferred
- GCP or AWS
- Pandas, scikit-learn

A master's degree is a plus but not required.
""",
}


def main():
    rng = random.Random(SEED)
    for sub in ("resumes", "truth", "jobs"):
        folder = ROOT / sub
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
    formats = ["txt", "md", "pdf", "docx", "docx-table", "pdf", "txt", "md"]
    for index, fmt in enumerate(formats):
        p = person(rng, index)
        stem = f"{index + 1:02d}-{p['name'].lower().replace(' ', '-')}"
        ext = "docx" if fmt.startswith("docx") else fmt
        path = ROOT / "resumes" / f"{stem}.{ext}"
        if fmt == "txt":
            write_txt(p, path)
        elif fmt == "md":
            write_md(p, path)
        elif fmt == "pdf":
            write_pdf(resume_lines(p), path)
        else:
            write_docx(p, path, table_layout=fmt == "docx-table")
        (ROOT / "truth" / f"{stem}.json").write_text(json.dumps(truth(p, path.name, ext), indent=2) + "\n")
    for name, text in JOBS.items():
        (ROOT / "jobs" / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(formats)} resumes and {len(JOBS)} jobs under {ROOT}")


if __name__ == "__main__":
    main()

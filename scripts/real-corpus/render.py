#!/usr/bin/python3
"""Renders the people of scripts/real-corpus/people.json into Fixtures/real/ with the tools people really use.

    python3 scripts/real-corpus/render.py            # all resumes (needs the tools below)
    python3 scripts/real-corpus/render.py --truth    # only truth/ and manifest.json (no tools needed)
    python3 scripts/real-corpus/render.py --only p03 # one person
    python3 scripts/real-corpus/render.py --check    # truth values missing from the rendered text

Tools (Debian 12): texlive-latex-extra texlive-fonts-extra texlive-xetex texlive-fonts-recommended lmodern
(moderncv, europecv, curve, Font Awesome 5, Roboto, Source Sans Pro), chromium, weasyprint, pandoc,
libreoffice-writer-nogui, python3-docx, fonts-font-awesome (Font Awesome 4.7 for the HTML templates),
fonts-dejavu, fonts-liberation. See Fixtures/real/README.md.

Each resume gets Fixtures/real/resumes/ID-FAMILY.EXT and Fixtures/real/truth/ID-FAMILY.json (the schema of
Sources/ParserEvaluation/GroundTruth.swift, plus "family" and "renderer"); Fixtures/real/manifest.json lists
every file per person. Output is deterministic up to the tools' own timestamps (SOURCE_DATE_EPOCH is set).
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT = REPO / "Fixtures" / "real"
TEMPLATES = HERE / "templates"
TAXONOMY = REPO / "Sources" / "ResumeParser" / "Skills" / "Resources" / "skills-taxonomy.json"
FONT_AWESOME_CSS = Path("/usr/share/fonts-font-awesome/css/font-awesome.css")
EPOCH = "1764460800"  # 2025-11-30, so rebuilt PDFs carry a fixed date

AS_OF = ["2026-11"]  # set from people.json in main()
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
LEVELS = ["Expert", "Advanced", "Advanced", "Intermediate", "Expert", "Intermediate", "Beginner"]

# family -> (formats it is written in, layout class for the evaluation per format, renderer per format)
FAMILIES = {
    "moderncv-classic": {"pdf": ("pdf-single-column", "pdflatex (moderncv, style classic)")},
    "moderncv-banking": {"pdf": ("pdf-single-column", "pdflatex (moderncv, style banking)")},
    "moderncv-casual": {"pdf": ("pdf-single-column", "pdflatex (moderncv, style casual)")},
    "europecv": {"pdf": ("pdf-single-column", "pdflatex (europecv)")},
    "curve": {"pdf": ("pdf-single-column", "pdflatex (curve)")},
    "awesome-cv": {"pdf": ("pdf-single-column", "xelatex (posquit0/Awesome-CV)")},
    "altacv": {"pdf": ("pdf-two-column", "pdflatex (liantze/AltaCV)")},
    "jake-resume": {"pdf": ("pdf-single-column", "pdflatex (jakegut/resume)")},
    "two-column-resume": {"pdf": ("pdf-two-column", "pdflatex (zzpxyx/two-column-resume)")},
    "html-resume": {"pdf": ("pdf-two-column", "chromium --print-to-pdf (mnjul/html-resume)")},
    "html-sidebar": {"pdf": ("pdf-two-column", "chromium --print-to-pdf"), "html": ("html", "hand-written HTML")},
    "weasyprint-classic": {"pdf": ("pdf-single-column", "weasyprint")},
    "docx-sidebar": {"docx": ("docx-table", "python-docx"), "pdf": ("pdf-two-column", "python-docx, LibreOffice PDF export")},
    "libreoffice-writer": {"docx": ("docx", "LibreOffice Writer (HTML import, DOCX export)"),
                           "pdf": ("pdf-single-column", "LibreOffice Writer PDF export")},
    "pandoc-markdown": {"md": ("md", "hand-written Markdown"), "html": ("html", "pandoc -s (HTML5)"),
                        "docx": ("docx", "pandoc (DOCX)")},
    "text-export": {"txt": ("txt", "plain-text export")},
}
FAMILY_ORDER = list(FAMILIES)


# ---------------------------------------------------------------------------------------------- data

def load_people():
    data = json.loads((HERE / "people.json").read_text(encoding="utf-8"))
    return data["asOf"], data["people"]


def taxonomy_index():
    skills = json.loads(TAXONOMY.read_text(encoding="utf-8"))["skills"]
    index = {}
    for skill in skills:
        for form in [skill["name"]] + skill["aliases"]:
            index.setdefault(form.lower(), skill["name"])
    return index


def ordinal(ym):
    year, month = map(int, ym.split("-"))
    return year * 12 + month - 1


def truth_for(p, as_of, index, source, fmt, family):
    layout, renderer = FAMILIES[family][fmt]
    months = set()
    for job in p["experience"]:
        last = ordinal(as_of) if job["end"] is None else ordinal(job["end"])
        months.update(range(ordinal(job["start"]), last + 1))
    names = [item["name"] for group in p["skills"] for item in group["items"]] + p["alsoNamed"]
    skills = sorted({index[n.lower()] for n in names if n.lower() in index}, key=str.lower)
    return {
        "source": source, "format": fmt, "layout": layout, "family": family, "renderer": renderer,
        "asOf": as_of,
        "contact": {"name": p["name"], "email": p["email"], "phone": p["phoneE164"], "location": p["location"],
                    "links": p["links"]},
        "skills": skills,
        "experience": [{"title": j["title"], "company": j["company"], "start": j["start"], "end": j["end"]}
                       for j in p["experience"]],
        "education": [{"level": e["level"], "field": e["field"], "institution": e["institution"], "year": e["year"]}
                      for e in p["education"]],
        "certifications": p["certifications"],
        "languages": p["languages"],
        "totalExperienceYears": round(len(months) / 12, 1),
    }


def assignments(people):
    """Each person in three families, spread so every family gets five or six people and its formats alternate."""
    seen = {f: 0 for f in FAMILY_ORDER}
    result = []
    for i, p in enumerate(people):
        for step in (0, 5, 11):
            family = FAMILY_ORDER[(i + step) % len(FAMILY_ORDER)]
            formats = list(FAMILIES[family])
            fmt = formats[seen[family] % len(formats)]
            seen[family] += 1
            result.append((p, family, fmt))
    return result


# ---------------------------------------------------------------------------------------------- phrasing

def month_text(ym, full=False):
    year, month = map(int, ym.split("-"))
    return f"{(MONTHS_FULL if full else MONTHS)[month - 1]} {year}"


def date_range(job, style):
    start, end = job["start"], job["end"]
    if job.get("season") and style in ("mon-year", "month-full", "season-mon"):
        return f"Summer {start[:4]}"
    if style == "iso-to":
        return f"{start} to {end or 'present'}"
    if style == "slash":
        def slash(ym):
            return f"{ym[5:7]}/{ym[:4]}"
        return f"{slash(start)} - {slash(end) if end else 'Present'}"
    full = style == "month-full"
    return f"{month_text(start, full)} – {month_text(end, full) if end else 'Present'}"


def duration(job, long_form):
    """How long a position lasted, as builders print it next to the dates: "2 yrs 10 mos" (LinkedIn-style
    exports) or "2 years 10 months"; months counted inclusively, a current position up to `asOf`."""
    months = ordinal(job["end"] or AS_OF[0]) - ordinal(job["start"]) + 1
    years, rest = divmod(months, 12)
    if long_form:
        parts = [f"{years} year{'s' if years != 1 else ''}" if years else "",
                 f"{rest} month{'s' if rest != 1 else ''}" if rest else ""]
    else:
        parts = [f"{years} yr{'s' if years != 1 else ''}" if years else "",
                 f"{rest} mo{'s' if rest != 1 else ''}" if rest else ""]
    return " ".join(x for x in parts if x)


def edu_dates(e):
    if e["year"] is None:
        return f"{e.get('start', '')} – expected 2026".strip(" –") if e.get("start") else "expected 2026"
    return f"{e['start']} – {e['year']}" if e.get("start") else str(e["year"])


def skill_items(p):
    return [item for group in p["skills"] for item in group["items"]]


def skill_level(p, item, i):
    return item.get("level") or LEVELS[(i + len(p["name"])) % len(LEVELS)]


def skills_sentence(p):
    names = [i["name"] for i in skill_items(p)]
    joined = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    return f"Day to day I work with {joined}."


def first_last(name):
    parts = name.split(" ")
    return " ".join(parts[:-1]), parts[-1]


def entry_heading_lines(job, style, dates, with_location=True):
    """Plain-text lines that open a position, in the person's own phrasing."""
    t, c, loc = job["title"], job["company"], job["location"]
    if style == "company-title":
        return [f"{c} — {t}", f"{dates} | {loc}" if with_location else dates]
    if style == "title-line":
        return [t, f"{c}, {loc}" if with_location else c, dates]
    if style == "title-at":
        return [f"{t} at {c}", f"{loc}, {dates}" if with_location else dates]
    return [f"{t}, {c}", f"{dates} | {loc}" if with_location else dates]


# ---------------------------------------------------------------------------------------------- LaTeX

TEX_SPECIAL = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
               "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def tex(text):
    return "".join(TEX_SPECIAL.get(ch, ch) for ch in text)


def tex_items(bullets):
    return "\n".join(f"  \\item {tex(b)}" for b in bullets)


def skills_tex_lines(p):
    """(label, text) rows of the skills section, following the person's skills style."""
    style = p["style"]["skills"]
    if style == "prose":
        return [("", skills_sentence(p))]
    if style == "table-levels":
        return [(i["name"], skill_level(p, i, n)) for n, i in enumerate(skill_items(p))]
    return [(g["label"], ", ".join(i["name"] for i in g["items"])) for g in p["skills"]]


def moderncv_links(links):
    """moderncv's header lines for a person's links: GitHub and LinkedIn as \\social, the rest as \\homepage."""
    out = []
    for link in links:
        if link.startswith("github.com/"):
            out.append(f"\\social[github]{{{tex(link.split('/', 1)[1])}}}")
        elif link.startswith("linkedin.com/in/"):
            out.append(f"\\social[linkedin]{{{tex(link.split('/in/', 1)[1])}}}")
        else:
            out.append(f"\\homepage{{{tex(link)}}}")
    return out


def moderncv(p, style):
    first, last = first_last(p["name"])
    d = p["style"]["dates"]
    out = [r"\documentclass[11pt,a4paper,sans]{moderncv}", f"\\moderncvstyle{{{style}}}",
           r"\moderncvcolor{%s}" % {"classic": "blue", "banking": "black", "casual": "green"}[style],
           r"\usepackage[utf8]{inputenc}", r"\usepackage[scale=0.8]{geometry}",
           f"\\name{{{tex(first)}}}{{{tex(last)}}}", f"\\title{{{tex(p['headline'])}}}",
           f"\\address{{{tex(p['location'])}}}{{}}{{}}", f"\\phone[mobile]{{{tex(p['phone'])}}}",
           f"\\email{{{tex(p['email'])}}}"]
    out += moderncv_links(p["links"])
    out += [r"\begin{document}", r"\makecvtitle", r"\section{Profile}", f"\\cvitem{{}}{{{tex(p['summary'])}}}",
            r"\section{Experience}"]
    for job in p["experience"]:
        body = r"\begin{itemize}" + "\n" + tex_items(job["bullets"]) + "\n" + r"\end{itemize}"
        out.append(f"\\cventry{{{tex(date_range(job, d))}}}{{{tex(job['title'])}}}{{{tex(job['company'])}}}"
                   f"{{{tex(job['location'])}}}{{}}{{{body}}}")
    if p["pages"] == 2:
        out.append(r"\clearpage")
    out.append(r"\section{Education}")
    for e in p["education"]:
        out.append(f"\\cventry{{{tex(edu_dates(e))}}}{{{tex(e['degree'])}}}{{{tex(e['institution'])}}}"
                   f"{{{tex(e['location'])}}}{{}}{{}}")
    out.append(r"\section{Skills}")
    if p["style"]["skills"] == "table-levels" or style == "casual":
        for n, item in enumerate(skill_items(p)):
            out.append(f"\\cvitemwithcomment{{{tex(item['name'])}}}{{{tex(skill_level(p, item, n))}}}{{}}")
    else:
        for label, text in skills_tex_lines(p):
            out.append(f"\\cvitem{{{tex(label)}}}{{{tex(text)}}}")
    if p["certifications"]:
        out.append(r"\section{Certifications}")
        out += [f"\\cvlistitem{{{tex(c)}}}" for c in p["certifications"]]
    if p["languages"]:
        out += [r"\section{Languages}", f"\\cvitem{{}}{{{tex(', '.join(p['languages']))}}}"]
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def europecv(p):
    d = p["style"]["dates"]
    out = [r"\documentclass[english,a4paper,nologo]{europecv}", r"\usepackage[T1]{fontenc}",
           r"\usepackage[utf8]{inputenc}", r"\usepackage{lmodern}", r"\usepackage[english]{babel}",
           r"\usepackage[left=2cm,right=2cm,top=1.5cm,bottom=2cm]{geometry}",
           # europecv loads hyperref inside \AtBeginDocument, which LaTeX 2022 refuses; loading it first avoids that
           r"\usepackage{etoolbox}", r"\usepackage{hyperref}",
           f"\\ecvname{{{tex(p['name'])}}}", f"\\ecvaddress{{{tex(p['location'])}}}",
           f"\\ecvtelephone{{{tex(p['phone'])}}}", f"\\ecvemail{{{tex(p['email'])}}}",
           r"\begin{document}", r"\begin{europecv}", r"\ecvpersonalinfo",
           f"\\ecvitem{{\\large Desired employment / Occupational field}}{{\\large {tex(p['headline'])}}}",
           r"\ecvsection{Work experience}"]
    for job in p["experience"]:
        out += [f"\\ecvitem{{Dates}}{{{tex(date_range(job, d))}}}",
                f"\\ecvitem{{Occupation or position held}}{{{tex(job['title'])}}}",
                f"\\ecvitem{{Main activities and responsibilities}}{{{tex(' '.join(job['bullets']))}}}",
                f"\\ecvitem{{Name and address of employer}}{{{tex(job['company'])}, {tex(job['location'])}}}",
                r"\ecvitem{}{}"]
    out.append(r"\ecvsection{Education and training}")
    for e in p["education"]:
        out += [f"\\ecvitem{{Dates}}{{{tex(edu_dates(e))}}}",
                f"\\ecvitem{{Title of qualification awarded}}{{{tex(e['degree'])}}}",
                f"\\ecvitem{{Name and type of organisation providing education and training}}"
                f"{{{tex(e['institution'])}, {tex(e['location'])}}}", r"\ecvitem{}{}"]
    out += [r"\ecvsection{Personal skills and competences}",
            f"\\ecvitem{{Summary}}{{{tex(p['summary'])}}}"]
    if p["languages"]:
        out.append(f"\\ecvitem{{Languages}}{{{tex(', '.join(p['languages']))}}}")
    rows = skills_tex_lines(p)
    if p["style"]["skills"] == "table-levels":
        text = "; ".join(f"{name} ({level})" for name, level in rows)
    else:
        text = "; ".join(f"{label}: {t}" if label else t for label, t in rows)
    out.append(f"\\ecvitem{{Technical skills and competences}}{{{tex(text)}}}")
    if p["certifications"]:
        out.append(f"\\ecvitem{{Certificates}}{{{tex('; '.join(p['certifications']))}}}")
    out += [r"\end{europecv}", r"\end{document}"]
    return "\n".join(out) + "\n"


def curve(p, build):
    d = p["style"]["dates"]
    rubric = {}
    rubric["profile"] = "\\begin{rubric}{Profile}\n\\entry*[] " + tex(p["summary"]) + "\n\\end{rubric}\n"
    lines = ["\\begin{rubric}{Experience}"]
    for job in p["experience"]:
        if p["style"]["entry"] == "title-line":
            lines.append(f"\\entry*[{tex(date_range(job, d))}] \\textbf{{{tex(job['title'])}}}"
                         f"\\par {tex(job['company'])}, {tex(job['location'])}.")
        else:
            head = entry_heading_lines(job, p["style"]["entry"], "", with_location=False)[0]
            lines.append(f"\\entry*[{tex(date_range(job, d))}] \\textbf{{{tex(head)}}}, {tex(job['location'])}.")
        lines += [f"\\par\\textbullet~{tex(b)}" for b in job["bullets"]]
    lines.append("\\end{rubric}")
    rubric["experience"] = "\n".join(lines) + "\n"
    lines = ["\\begin{rubric}{Education}"]
    for e in p["education"]:
        lines.append(f"\\entry*[{tex(edu_dates(e))}] \\textbf{{{tex(e['degree'])}}}, "
                     f"{tex(e['institution'])}, {tex(e['location'])}.")
    lines.append("\\end{rubric}")
    rubric["education"] = "\n".join(lines) + "\n"
    lines = ["\\begin{rubric}{Skills}"]
    for label, text in skills_tex_lines(p):
        lines.append(f"\\entry*[{tex(label)}] {tex(text)}" if label else f"\\entry*[] {tex(text)}")
    lines.append("\\end{rubric}")
    rubric["skills"] = "\n".join(lines) + "\n"
    extra = []
    if p["certifications"]:
        extra.append("\\begin{rubric}{Certifications}\n" + "\n".join(f"\\entry* {tex(c)}" for c in p["certifications"])
                     + "\n\\end{rubric}\n")
    if p["languages"]:
        extra.append("\\begin{rubric}{Languages}\n\\entry* " + tex(", ".join(p["languages"])) + "\n\\end{rubric}\n")
    rubric["other"] = "\n".join(extra)
    for name, text in rubric.items():
        (build / f"{name}.tex").write_text(text, encoding="utf-8")
    contact = " \\\\ ".join(tex(x) for x in [p["phone"], p["email"]] + p["links"][:1])
    order = ["profile", "experience", "education", "skills", "other"]
    return "\n".join([
        r"\documentclass[a4paper,11pt]{curve}", r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}",
        r"\usepackage{lmodern}",
        r"\usepackage[english]{babel}", r"\usepackage[left=2cm,right=2cm,top=1.5cm,bottom=2cm]{geometry}",
        f"\\leftheader{{\\textbf{{\\Large {tex(p['name'])}}} \\\\ {tex(p['headline'])} \\\\ {tex(p['location'])}}}",
        f"\\rightheader{{{contact}}}", r"\title{Curriculum Vitae}",
        r"\begin{document}", r"\makeheaders[c]", r"\maketitle"]
        + [f"\\makerubric{{{name}}}" for name in order] + [r"\end{document}"]) + "\n"


def awesome_cv(p):
    first, last = first_last(p["name"])
    d = p["style"]["dates"]
    out = [r"\documentclass[11pt,a4paper]{awesome-cv}",
           r"\geometry{left=1.4cm, top=.8cm, right=1.4cm, bottom=1.8cm, footskip=.5cm}",
           r"\colorlet{awesome}{awesome-skyblue}", r"\setbool{acvSectionColorHighlight}{true}",
           r"\renewcommand{\acvHeaderSocialSep}{\quad\textbar\quad}",
           f"\\name{{{tex(first)}}}{{{tex(last)}}}", f"\\position{{{tex(p['headline'])}}}",
           f"\\address{{{tex(p['location'])}}}", f"\\mobile{{{tex(p['phone'])}}}", f"\\email{{{tex(p['email'])}}}"]
    for link in p["links"]:
        if link.startswith("github.com/"):
            out.append(f"\\github{{{tex(link.split('/', 1)[1])}}}")
        elif link.startswith("linkedin.com/in/"):
            out.append(f"\\linkedin{{{tex(link.split('/in/', 1)[1])}}}")
        else:
            out.append(f"\\homepage{{{tex(link)}}}")
    out += [r"\begin{document}", r"\makecvheader[C]",
            f"\\makecvfooter{{November 2026}}{{{tex(p['name'])}~~~·~~~Résumé}}{{\\thepage}}",
            r"\cvsection{Summary}", r"\begin{cvparagraph}", tex(p["summary"]), r"\end{cvparagraph}",
            r"\cvsection{Experience}", r"\begin{cventries}"]
    for job in p["experience"]:
        out.append(f"\\cventry{{{tex(job['title'])}}}{{{tex(job['company'])}}}{{{tex(job['location'])}}}"
                   f"{{{tex(date_range(job, d))}}}{{\\begin{{cvitems}}\n{tex_items(job['bullets'])}\n\\end{{cvitems}}}}")
    out.append(r"\end{cventries}")
    if p["pages"] == 2:
        out.append(r"\clearpage")
    out += [r"\cvsection{Education}", r"\begin{cventries}"]
    for e in p["education"]:
        out.append(f"\\cventry{{{tex(e['degree'])}}}{{{tex(e['institution'])}}}{{{tex(e['location'])}}}"
                   f"{{{tex(edu_dates(e))}}}{{}}")
    out += [r"\end{cventries}", r"\cvsection{Skills}", r"\begin{cvskills}"]
    for label, text in skills_tex_lines(p):
        out.append(f"\\cvskill{{{tex(label) or 'Tools'}}}{{{tex(text)}}}")
    out.append(r"\end{cvskills}")
    if p["certifications"] or p["languages"]:
        out += [r"\cvsection{Certifications \& Languages}", r"\begin{cvskills}"]
        if p["certifications"]:
            out.append(f"\\cvskill{{Certifications}}{{{tex('; '.join(p['certifications']))}}}")
        if p["languages"]:
            out.append(f"\\cvskill{{Languages}}{{{tex(', '.join(p['languages']))}}}")
        out.append(r"\end{cvskills}")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def altacv(p):
    d = p["style"]["dates"]
    out = [r"\documentclass[10pt,a4paper,withhyper]{altacv}",
           r"\geometry{left=1.25cm,right=1.25cm,top=1.5cm,bottom=1.5cm,columnsep=1.2cm}",
           r"\usepackage{paracol}", r"\usepackage[rm]{roboto}", r"\usepackage[defaultsans]{lato}",
           r"\renewcommand{\familydefault}{\sfdefault}",
           r"\definecolor{VividPurple}{HTML}{3E0097}", r"\definecolor{SlateGrey}{HTML}{2E2E2E}",
           r"\definecolor{LightGrey}{HTML}{666666}", r"\colorlet{name}{black}", r"\colorlet{tagline}{VividPurple}",
           r"\colorlet{heading}{VividPurple}", r"\colorlet{headingrule}{VividPurple}",
           r"\colorlet{subheading}{VividPurple}", r"\colorlet{accent}{VividPurple}",
           r"\colorlet{emphasis}{SlateGrey}", r"\colorlet{body}{LightGrey}",
           r"\renewcommand{\cvItemMarker}{{\small\textbullet}}", r"\renewcommand{\cvRatingMarker}{\faCircle}",
           r"\begin{document}", f"\\name{{{tex(p['name'])}}}", f"\\tagline{{{tex(p['headline'])}}}",
           r"\personalinfo{%", f"  \\email{{{tex(p['email'])}}}", f"  \\phone{{{tex(p['phone'])}}}",
           f"  \\location{{{tex(p['location'])}}}"]
    for link in p["links"]:
        if link.startswith("github.com/"):
            out.append(f"  \\github{{{tex(link.split('/', 1)[1])}}}")
        elif link.startswith("linkedin.com/in/"):
            out.append(f"  \\linkedin{{{tex(link.split('/in/', 1)[1])}}}")
        else:
            out.append(f"  \\homepage{{{tex(link)}}}")
    out += ["}", r"\makecvheader", r"\columnratio{0.62}", r"\begin{paracol}{2}", r"\cvsection{Experience}"]
    for n, job in enumerate(p["experience"]):
        if n:
            out.append(r"\divider")
        out.append(f"\\cvevent{{{tex(job['title'])}}}{{{tex(job['company'])}}}{{{tex(date_range(job, d))}}}"
                   f"{{{tex(job['location'])}}}")
        out += [r"\begin{itemize}", tex_items(job["bullets"]), r"\end{itemize}"]
    out += [r"\switchcolumn", r"\cvsection{Profile}", tex(p["summary"]) + r"\par", r"\medskip", r"\cvsection{Skills}"]
    if p["style"]["skills"] == "table-levels":
        for n, item in enumerate(skill_items(p)):
            stars = {"Expert": 5, "Advanced": 4, "Intermediate": 3, "Beginner": 2}[skill_level(p, item, n)]
            out.append(f"\\cvskill{{{tex(item['name'])}}}{{{stars}}}")
    elif p["style"]["skills"] == "prose":
        out.append(tex(skills_sentence(p)) + r"\par")
    else:
        out += [f"\\cvtag{{{tex(i['name'])}}}" for i in skill_items(p)] + [r"\par"]
    out += [r"\par", r"\cvsection{Education}"]
    for n, e in enumerate(p["education"]):
        if n:
            out.append(r"\divider")
        out.append(f"\\cvevent{{{tex(e['degree'])}}}{{{tex(e['institution'])}}}{{{tex(edu_dates(e))}}}{{}}")
    if p["certifications"]:
        out.append(r"\cvsection{Certifications}")
        out += [f"\\cvachievement{{\\faCertificate}}{{{tex(c)}}}{{}}" for c in p["certifications"]]
    if p["languages"]:
        out.append(r"\cvsection{Languages}")
        out += [f"\\cvtag{{{tex(lang)}}}" for lang in p["languages"]]
    out += [r"\end{paracol}", r"\end{document}"]
    # a section after inline material (tags, ratings) needs a paragraph break first
    return "\n".join(r"\par" + line if line.startswith(r"\cvsection") else line for line in out) + "\n"


def jake_preamble():
    text = (TEMPLATES / "jake-resume" / "resume.tex").read_text(encoding="utf-8")
    return text[: text.index(r"\begin{document}")]


def jake_resume(p):
    d = p["style"]["dates"]
    contact = [tex(p["phone"]), f"\\href{{mailto:{tex(p['email'])}}}{{\\underline{{{tex(p['email'])}}}}}"]
    contact += [f"\\href{{https://{tex(link)}}}{{\\underline{{{tex(link)}}}}}" for link in p["links"]]
    contact.append(tex(p["location"]))
    out = [jake_preamble(), r"\begin{document}", r"\begin{center}",
           f"    \\textbf{{\\Huge \\scshape {tex(p['name'])}}} \\\\ \\vspace{{1pt}}",
           "    \\small " + " $|$ ".join(contact), r"\end{center}",
           r"\section{Summary}", r"\small{" + tex(p["summary"]) + "}",
           r"\section{Experience}", r"\resumeSubHeadingListStart"]
    for job in p["experience"]:
        out += [f"  \\resumeSubheading{{{tex(job['title'])}}}{{{tex(date_range(job, d))}}}"
                f"{{{tex(job['company'])}}}{{{tex(job['location'])}}}", r"  \resumeItemListStart"]
        out += [f"    \\resumeItem{{{tex(b)}}}" for b in job["bullets"]]
        out.append(r"  \resumeItemListEnd")
    out += [r"\resumeSubHeadingListEnd", r"\section{Education}", r"\resumeSubHeadingListStart"]
    for e in p["education"]:
        out.append(f"  \\resumeSubheading{{{tex(e['institution'])}}}{{{tex(e['location'])}}}"
                   f"{{{tex(e['degree'])}}}{{{tex(edu_dates(e))}}}")
    out += [r"\resumeSubHeadingListEnd", r"\section{Technical Skills}",
            r"\begin{itemize}[leftmargin=0.15in, label={}]", r"  \small{\item{"]
    rows = skills_tex_lines(p)
    if p["style"]["skills"] == "table-levels":
        out.append("    " + ", ".join(f"{tex(n)} ({tex(lv)})" for n, lv in rows))
    else:
        out.append(" \\\\\n".join(f"    \\textbf{{{tex(label)}}}{{: {tex(t)}}}" if label else f"    {tex(t)}"
                                  for label, t in rows))
    out += [r"  }}", r"\end{itemize}"]
    if p["certifications"]:
        out += [r"\section{Certifications}", r"\resumeSubHeadingListStart"]
        out += [f"  \\resumeProjectHeading{{{tex(c)}}}{{}}" for c in p["certifications"]]
        out.append(r"\resumeSubHeadingListEnd")
    if p["languages"]:
        out += [r"\section{Languages}", r"\small{" + tex(", ".join(p["languages"])) + "}"]
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def two_column_resume(p):
    first, last = first_last(p["name"])
    d = p["style"]["dates"]
    out = [r"\documentclass{two-column-resume}", r"\usepackage[utf8]{inputenc}",
           r"\usepackage[hidelinks]{hyperref}", r"\usepackage{enumitem}", r"\begin{document}",
           f"\\name{{{tex(first)}}}{{{tex(last)}}}",
           f"\\contact{{{tex(p['email'])} | {tex(p['phone'])} | {tex(p['location'])}}}", r"\headerline",
           r"\noindent", r"\begin{minipage}[t]{0.33\textwidth}", r"\vspace{0.5\baselineskip}"]
    if p["links"]:
        out.append(r"\section{Links}")
        for link in p["links"]:
            out += [f"\\shortitem{{{tex(link.split('/')[0].split('.')[0].capitalize())}}}",
                    f"\\itemdetails{{{tex(link)}}}"]
    out.append(r"\section{Education}")
    for e in p["education"]:
        out.append(f"\\longitem{{{tex(e['degree'])}}}{{}}{{{tex(e['institution'])}}}{{{tex(edu_dates(e))}}}")
    out.append(r"\section{Skills}")
    if p["style"]["skills"] == "prose":
        out.append(f"\\itemdetails{{{tex(skills_sentence(p))}}}")
    elif p["style"]["skills"] == "table-levels":
        out.append(r"\shortitem{Proficiency}")
        out.append("\\itemdetails{" + "\\\\%\n".join(f"{tex(n)} -- {tex(lv)}" for n, lv in skills_tex_lines(p))
                   + "\\\\%\n}")
    else:
        for g in p["skills"]:
            out.append(f"\\shortitem{{{tex(g['label'])}}}")
            out.append("\\itemdetails{" + "\\\\%\n".join(tex(i["name"]) for i in g["items"]) + "\\\\%\n}")
    if p["languages"]:
        out += [r"\section{Languages}", "\\itemdetails{" + "\\\\%\n".join(tex(x) for x in p["languages"]) + "}"]
    out += [r"\end{minipage}%", r"\begin{minipage}[t]{0.67\textwidth}", r"\vspace{0.5\baselineskip}",
            r"\section{Profile}", f"\\itemdetails{{{tex(p['summary'])}}}", r"\section{Experience}"]
    for job in p["experience"]:
        out.append(f"\\longitem{{{tex(job['title'])}}}{{}}{{{tex(job['company'])}, {tex(job['location'])}}}"
                   f"{{{tex(date_range(job, d))}}}")
        out.append("\\itemdetails{\\begin{itemize}[itemsep=0pt]\n" + tex_items(job["bullets"]) + "\n\\end{itemize}}")
    if p["certifications"]:
        out.append(r"\section{Certifications}")
        out += [f"\\shortitem{{{tex(c)}}}" for c in p["certifications"]]
    out += [r"\end{minipage}", r"\end{document}"]
    return "\n".join(out) + "\n"


def latex(source, build, stem, engine="pdflatex", inputs=()):
    for path in inputs:
        shutil.copy(path, build)
    (build / f"{stem}.tex").write_text(source, encoding="utf-8")
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, FORCE_SOURCE_DATE="1")
    for _ in range(2):  # twice: paracol and lastpage settle on the second run
        run([engine, "-interaction=nonstopmode", "-halt-on-error", f"{stem}.tex"], cwd=build, env=env)
    return build / f"{stem}.pdf"


# ---------------------------------------------------------------------------------------------- HTML

def esc(text):
    return html.escape(text, quote=True)


def fa_css():
    css = FONT_AWESOME_CSS.read_text(encoding="utf-8")
    return css.replace("../fonts/", "file:///usr/share/fonts-font-awesome/fonts/")


def html_resume(p):
    """mnjul/html-resume: its page structure and style.css, filled with the person."""
    d = p["style"]["dates"]

    def block(dates, title, place, location, body):
        spans = "".join(f"<span>{esc(x)}</span>" for x in dates)
        return (f'<section class="blocks"><div class="date">{spans}</div><div class="decorator"></div>'
                f'<div class="details"><header><h3>{esc(title)}</h3><span class="place">{esc(place)}</span>'
                f'<span class="location">{esc(location)}</span></header><div>{body}</div></div></section>')

    def split_range(job):
        text = date_range(job, d)
        for sep in (" – ", " - ", " to "):
            if sep in text:
                return text.split(sep)
        return [text]

    jobs = "".join(block(split_range(j), j["title"], j["company"], j["location"],
                         "<ul>" + "".join(f"<li>{esc(b)}</li>" for b in j["bullets"]) + "</ul>")
                   for j in p["experience"])
    edus = "".join(block([str(e["year"] or "expected 2026")], e["degree"], e["institution"], e["location"], "")
                   for e in p["education"])
    icons = {"github.com": "fa-github", "linkedin.com": "fa-linkedin"}
    contact = [f'<li><i class="fa fa-map-marker"></i> {esc(p["location"])}</li>']
    contact += [f'<li><i class="fa {icons.get(link.split("/")[0], "fa-globe")}"></i> {esc(link)}</li>'
                for link in p["links"]]
    contact += [f'<li><i class="fa fa-envelope"></i> {esc(p["email"])}</li>',
                f'<li><i class="fa fa-phone"></i> {esc(p["phone"])}</li>']
    if p["style"]["skills"] == "prose":
        skills = f"<p>{esc(skills_sentence(p))}</p>"
    elif p["style"]["skills"] == "table-levels":
        skills = "<ul>" + "".join(f"<li>{esc(i['name'])} ({esc(skill_level(p, i, n))})</li>"
                                  for n, i in enumerate(skill_items(p))) + "</ul>"
    else:
        skills = "".join("<ul>" + "".join(f"<li>{esc(i['name'])}</li>" for i in g["items"]) + "</ul>"
                         for g in p["skills"])
    extra = ""
    if p["certifications"]:
        extra += ('<section class="main-block concise"><h2><i class="fa fa-certificate"></i> Certifications</h2>'
                  + "".join(block([], c, "", "", "") for c in p["certifications"]) + "</section>")
    langs = ("".join(f"<li>{esc(x)}</li>" for x in p["languages"]))
    style = (TEMPLATES / "html-resume" / "style.css").read_text(encoding="utf-8")
    return f"""<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8" />
    <style>{fa_css()}</style>
    <style>{style}</style>
  </head>
  <body lang="en">
    <section id="main">
      <header id="title">
        <h1>{esc(p["name"])}</h1>
        <span class="subtitle">{esc(p["headline"])}</span>
      </header>
      <section class="main-block"><h2><i class="fa fa-user"></i> Profile</h2><p>{esc(p["summary"])}</p></section>
      <section class="main-block"><h2><i class="fa fa-suitcase"></i> Experiences</h2>{jobs}</section>
      <section class="main-block concise"><h2><i class="fa fa-graduation-cap"></i> Education</h2>{edus}</section>
      {extra}
    </section>
    <aside id="sidebar">
      <div class="side-block" id="contact"><h1>Contact Info</h1><ul>{"".join(contact)}</ul></div>
      <div class="side-block" id="skills"><h1>Skills</h1>{skills}</div>
      <div class="side-block" id="languages"><h1>Languages</h1><ul>{langs}</ul></div>
    </aside>
  </body>
</html>
"""


SIDEBAR_CSS = """
@page { size: A4; margin: 0; }
body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #222; }
.page { display: grid; grid-template-columns: 68mm 1fr; min-height: 297mm; }
.side { background: #23395d; color: #f2f2f2; padding: 14mm 7mm; }
.side h2, .main h2 { font-size: 10.5pt; letter-spacing: .08em; text-transform: uppercase; margin: 7mm 0 2mm; }
.side h2 { border-bottom: 1px solid #8ea3c7; }
.main h2 { color: #23395d; border-bottom: 2px solid #23395d; }
.side ul { list-style: none; padding: 0; margin: 0; }
.side li { margin: 1.6mm 0; }
.fa { width: 5mm; color: #9fc3ff; }
.main { padding: 14mm 12mm; }
.initials { width: 26mm; height: 26mm; border-radius: 50%; background: #9fc3ff; color: #23395d; font-size: 20pt;
  display: flex; align-items: center; justify-content: center; margin: 0 auto 5mm; }
.name { font-size: 21pt; font-weight: bold; margin: 0; }
.side .name { font-size: 16pt; text-align: center; }
.headline { font-size: 11pt; color: #4d6a99; margin: 1mm 0 4mm; }
.side .headline { color: #cfe0ff; text-align: center; }
.job { margin-bottom: 4mm; }
.job .head { display: flex; justify-content: space-between; font-weight: bold; }
.job .sub { color: #555; font-style: italic; }
.bar { height: 2mm; background: #4d6a99; border-radius: 1mm; margin: 0.6mm 0 2mm; }
.bar span { display: block; height: 2mm; background: #9fc3ff; border-radius: 1mm; }
.level { float: right; color: #cfe0ff; font-size: 8pt; }
.break { break-before: page; }
"""


def skills_html(p, bars):
    style = p["style"]["skills"]
    if style == "prose":
        return f"<p>{esc(skills_sentence(p))}</p>"
    if style == "table-levels" or bars:
        width = {"Expert": 95, "Advanced": 78, "Intermediate": 55, "Beginner": 30}
        rows = []
        for n, i in enumerate(skill_items(p)):
            level = skill_level(p, i, n)
            rows.append(f'<li>{esc(i["name"])}<span class="level">{esc(level)}</span>'
                        f'<div class="bar"><span style="width:{width[level]}%"></span></div></li>')
        return "<ul>" + "".join(rows) + "</ul>"
    return "<ul>" + "".join(f"<li><b>{esc(g['label'])}:</b> {esc(', '.join(i['name'] for i in g['items']))}</li>"
                            for g in p["skills"]) + "</ul>"


def html_sidebar(p, index):
    """Own design: a dark sidebar with photo-like initials, Font Awesome icons before the contact lines."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    name_in_sidebar = index % 2 == 0
    initials = "".join(part[0] for part in p["name"].split(" ")[:2])
    icons = {"github.com": "fa-github", "linkedin.com": "fa-linkedin"}
    contact = [f'<li><i class="fa fa-phone"></i> {esc(p["phone"])}</li>',
               f'<li><i class="fa fa-envelope"></i> {esc(p["email"])}</li>',
               f'<li><i class="fa fa-map-marker"></i> {esc(p["location"])}</li>']
    contact += [f'<li><i class="fa {icons.get(link.split("/")[0], "fa-globe")}"></i> {esc(link)}</li>'
                for link in p["links"]]
    head = f'<p class="name">{esc(p["name"])}</p><p class="headline">{esc(p["headline"])}</p>'
    side = [f'<div class="initials">{esc(initials)}</div>', head if name_in_sidebar else "",
            "<h2>Contact</h2><ul>" + "".join(contact) + "</ul>", "<h2>Skills</h2>" + skills_html(p, index % 3 == 0)]
    if p["languages"]:
        side.append("<h2>Languages</h2><ul>" + "".join(f"<li>{esc(x)}</li>" for x in p["languages"]) + "</ul>")
    main = [] if name_in_sidebar else [head]
    main.append(f"<h2>Profile</h2><p>{esc(p['summary'])}</p><h2>Experience</h2>")
    for job in p["experience"]:
        lines = entry_heading_lines(job, entry, f"{date_range(job, d)} ({duration(job, long_form=True)})")
        main.append(f'<div class="job"><div class="head"><span>{esc(lines[0])}</span></div>'
                    + "".join(f'<div class="sub"><i class="fa fa-calendar"></i> {esc(x)}</div>' for x in lines[1:2])
                    + "".join(f'<div class="sub">{esc(x)}</div>' for x in lines[2:])
                    + "<ul>" + "".join(f"<li>{esc(b)}</li>" for b in job["bullets"]) + "</ul></div>")
    main.append('<h2 class="break">Education</h2>' if p["pages"] == 2 else "<h2>Education</h2>")
    for e in p["education"]:
        main.append(f'<div class="job"><div class="head"><span>{esc(e["degree"])}</span>'
                    f'<span>{esc(edu_dates(e))}</span></div><div class="sub">{esc(e["institution"])}, '
                    f'{esc(e["location"])}</div></div>')
    if p["certifications"]:
        main.append("<h2>Certifications</h2><ul>" + "".join(f"<li>{esc(c)}</li>" for c in p["certifications"])
                    + "</ul>")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(p["name"])}</title>'
            f"<style>{fa_css()}</style><style>{SIDEBAR_CSS}</style></head><body><div class='page'>"
            f'<aside class="side">{"".join(side)}</aside><main class="main">{"".join(main)}</main>'
            "</div></body></html>\n")


CLASSIC_CSS = """
@font-face { font-family: 'FontAwesome'; src: url('file:///usr/share/fonts-font-awesome/fonts/fontawesome-webfont.ttf'); }
@page { size: Letter; margin: 16mm 18mm; }
body { font-family: 'Liberation Serif', serif; font-size: 10.5pt; color: #111; }
h1 { font-size: 22pt; margin: 0; text-align: center; letter-spacing: .04em; }
.contact { text-align: center; margin: 2mm 0 5mm; font-size: 9.5pt; }
.icon { font-family: 'FontAwesome'; color: #555; }
h2 { font-size: 11pt; text-transform: uppercase; border-bottom: 1px solid #111; margin: 5mm 0 2mm; }
.row { display: flex; justify-content: space-between; }
.row .left { font-weight: bold; }
.sub { font-style: italic; }
table.skills td { padding: 0.4mm 6mm 0.4mm 0; }
ul { margin: 1mm 0 3mm; }
.break { break-before: page; }
"""


def weasyprint_classic(p):
    """Own design for WeasyPrint: centred header whose items are separated by Font Awesome glyphs (as text)."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    glyph = {"phone": "\uf095", "email": "\uf0e0", "place": "\uf041", "github.com": "\uf09b", "linkedin.com": "\uf08c",
             "web": "\uf0ac"}
    items = [(glyph["place"], p["location"]), (glyph["phone"], p["phone"]), (glyph["email"], p["email"])]
    items += [(glyph.get(link.split("/")[0], glyph["web"]), link) for link in p["links"]]
    contact = " ".join(f'<span class="icon">{g}</span> {esc(t)}' for g, t in items)
    body = [f"<h1>{esc(p['name'])}</h1>", f'<div class="contact">{esc(p["headline"])}<br>{contact}</div>',
            f"<h2>Summary</h2><p>{esc(p['summary'])}</p>", "<h2>Professional Experience</h2>"]
    for job in p["experience"]:
        lines = entry_heading_lines(job, entry, date_range(job, d), with_location=False)
        body.append(f'<div class="row"><span class="left">{esc(lines[0])}</span>'
                    f'<span><span class="icon">{glyph["place"]}</span> {esc(job["location"])}</span></div>')
        body += [f'<div class="sub">{esc(x)}</div>' for x in lines[1:]]
        body.append("<ul>" + "".join(f"<li>{esc(b)}</li>" for b in job["bullets"]) + "</ul>")
    body.append('<h2 class="break">Education</h2>' if p["pages"] == 2 else "<h2>Education</h2>")
    for e in p["education"]:
        body.append(f'<div class="row"><span class="left">{esc(e["institution"])}</span><span>{esc(e["location"])}</span></div>'
                    f'<div class="row"><span class="sub">{esc(e["degree"])}</span><span>{esc(edu_dates(e))}</span></div>')
    body.append("<h2>Skills</h2>")
    style = p["style"]["skills"]
    if style == "table-levels":
        body.append('<table class="skills">' + "".join(
            f"<tr><td>{esc(i['name'])}</td><td>{esc(skill_level(p, i, n))}</td></tr>"
            for n, i in enumerate(skill_items(p))) + "</table>")
    elif style == "prose":
        body.append(f"<p>{esc(skills_sentence(p))}</p>")
    else:
        body.append("".join(f"<p><b>{esc(g['label'])}:</b> {esc(', '.join(i['name'] for i in g['items']))}</p>"
                            for g in p["skills"]))
    if p["certifications"]:
        body.append("<h2>Certifications</h2><ul>" + "".join(f"<li>{esc(c)}</li>" for c in p["certifications"]) + "</ul>")
    if p["languages"]:
        body.append(f"<h2>Languages</h2><p>{esc(' · '.join(p['languages']))}</p>")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(p["name"])} - Resume</title>'
            f"<style>{CLASSIC_CSS}</style></head><body>{''.join(body)}</body></html>\n")


def writer_html(p):
    """Plain HTML for LibreOffice Writer to import and save as DOCX: tab-aligned dates, company lines that
    carry the city and country ("Company, City, ST, Country")."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    country = {"US": "USA", "CA": "Canada"}.get(p["country"])
    out = [f"<p style=\"font-size:20pt\"><b>{esc(p['name'])}</b></p>",
           f"<p>{esc(p['headline'])}</p>",
           f"<p>{esc(p['location'])} • {esc(p['phone'])} • {esc(p['email'])}"
           + "".join(f" • {esc(link)}" for link in p["links"]) + "</p>",
           "<h2>PROFILE</h2>", f"<p>{esc(p['summary'])}</p>", "<h2>WORK EXPERIENCE</h2>"]
    for job in p["experience"]:
        place = job["location"] + (f", {country}" if country else "")
        if entry == "company-title":
            out.append(f"<p><b>{esc(job['company'])}, {esc(place)}</b></p><p><i>{esc(job['title'])}</i>"
                       f"&#9;&#9;{esc(date_range(job, d))}</p>")
        elif entry == "title-line":
            out.append(f"<p><b>{esc(job['title'])}</b></p><p>{esc(job['company'])}, {esc(place)}</p>"
                       f"<p>{esc(date_range(job, d))}</p>")
        else:
            lines = entry_heading_lines(job, entry, date_range(job, d), with_location=False)
            out.append(f"<p><b>{esc(lines[0])}</b> ({esc(place)})</p>" + "".join(f"<p>{esc(x)}</p>" for x in lines[1:]))
        out.append("<ul>" + "".join(f"<li>{esc(b)}</li>" for b in job["bullets"]) + "</ul>")
    out.append("<h2>EDUCATION</h2>")
    for e in p["education"]:
        out.append(f"<p><b>{esc(e['degree'])}</b>, {esc(e['institution'])}, {esc(e['location'])} — {esc(edu_dates(e))}</p>")
    out.append("<h2>SKILLS</h2>")
    if p["style"]["skills"] == "table-levels":
        out.append('<table border="1" cellpadding="3"><tr><th>Skill</th><th>Level</th></tr>' + "".join(
            f"<tr><td>{esc(i['name'])}</td><td>{esc(skill_level(p, i, n))}</td></tr>"
            for n, i in enumerate(skill_items(p))) + "</table>")
    elif p["style"]["skills"] == "prose":
        out.append(f"<p>{esc(skills_sentence(p))}</p>")
    else:
        out.append("<ul>" + "".join(f"<li>{esc(g['label'])}: {esc(', '.join(i['name'] for i in g['items']))}</li>"
                                    for g in p["skills"]) + "</ul>")
    if p["certifications"]:
        out.append("<h2>CERTIFICATIONS</h2><ul>" + "".join(f"<li>{esc(c)}</li>" for c in p["certifications"]) + "</ul>")
    if p["languages"]:
        out.append(f"<h2>LANGUAGES</h2><p>{esc(', '.join(p['languages']))}</p>")
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(p["name"])}</title></head>'
            f"<body style=\"font-family:'Liberation Sans'\">{''.join(out)}</body></html>\n")


# ---------------------------------------------------------------------------------------------- Markdown, text

def markdown(p):
    """Hand-written Markdown with emphasis around companies and places (`**Stripe** — *San Francisco, CA*`)."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    contact = [p["location"], p["phone"], f"[{p['email']}](mailto:{p['email']})"]
    contact += [f"[{link}](https://{link})" for link in p["links"]]
    out = [f"# {p['name']}", "", f"**{p['headline']}**", "", " · ".join(contact), "", "## Summary", "", p["summary"], "",
           "## Experience", ""]
    for job in p["experience"]:
        t, c, loc, dates = job["title"], job["company"], job["location"], date_range(job, d)
        if entry == "company-title":
            out += [f"### **{c}** — {t}", "", f"*{loc}* | {dates}"]
        elif entry == "title-line":
            out += [f"### {t}", "", f"**{c}** — *{loc}*  ", dates]
        elif entry == "title-at":
            out += [f"**{t}** at **{c}** (*{loc}*), {dates}"]
        else:
            out += [f"**{t}**, **{c}** — *{loc}*  ", f"*{dates}*"]
        out.append("")
        out += [f"- {b}" for b in job["bullets"]]
        out.append("")
    out += ["## Education", ""]
    for e in p["education"]:
        out += [f"**{e['degree']}** — *{e['institution']}*, {e['location']} ({edu_dates(e)})", ""]
    out += ["## Skills", ""]
    style = p["style"]["skills"]
    if style == "table-levels":
        out += ["| Skill | Level |", "| --- | --- |"]
        out += [f"| {i['name']} | {skill_level(p, i, n)} |" for n, i in enumerate(skill_items(p))]
    elif style == "prose":
        out.append(skills_sentence(p))
    elif style == "groups":
        out += [f"- **{g['label']}:** {', '.join(i['name'] for i in g['items'])}" for g in p["skills"]]
    else:
        out += [f"- {i['name']}" for i in skill_items(p)]
    out.append("")
    if p["certifications"]:
        out += ["## Certifications", ""] + [f"- {c}" for c in p["certifications"]] + [""]
    if p["languages"]:
        out += ["## Languages", "", ", ".join(p["languages"]), ""]
    return "\n".join(out)


def text_export(p):
    """What a resume builder's "export as plain text" gives: caps headings, fixed-width rows, skills as a
    table of names and levels."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    out = [p["name"].upper(), p["headline"], f"{p['location']} | {p['phone']} | {p['email']}"]
    if p["links"]:
        out.append(" | ".join(p["links"]))
    out += ["", "PROFILE", "-" * 7, p["summary"], "", "EXPERIENCE", "-" * 10]
    for job in p["experience"]:
        dates = f"{date_range(job, d)} · {duration(job, long_form=False)}"
        if entry == "title-line":
            out += [job["title"], f"{job['company']}, {job['location']}", dates]
        else:
            first = entry_heading_lines(job, entry, dates, with_location=False)[0]
            out += [f"{first:<58}{dates}", job["location"]]
        out += [f"  * {b}" for b in job["bullets"]]
        out.append("")
    out += ["EDUCATION", "-" * 9]
    for e in p["education"]:
        out += [f"{e['degree']:<58}{edu_dates(e)}", f"{e['institution']}, {e['location']}", ""]
    out += ["SKILLS", "-" * 6, f"{'Skill':<28}Level"]
    out += [f"{i['name']:<28}{skill_level(p, i, n)}" for n, i in enumerate(skill_items(p))]
    out.append("")
    if p["certifications"]:
        out += ["CERTIFICATIONS", "-" * 14] + [f"  * {c}" for c in p["certifications"]] + [""]
    if p["languages"]:
        out += ["LANGUAGES", "-" * 9] + [f"  * {x}" for x in p["languages"]] + [""]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------- DOCX

def docx_sidebar(p, path, index):
    """Own design in python-docx: a two-cell table whose left cell is a sidebar (name, contact, skills table)."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    d, entry = p["style"]["dates"], p["style"]["entry"]
    document = docx.Document()
    document.core_properties.author = "python-docx"
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(1.2)
    section.top_margin = section.bottom_margin = Cm(1.2)
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    side, main = table.rows[0].cells
    side.width, main.width = Cm(6.0), Cm(12.6)

    def para(cell, text, bold=False, size=None, italic=False, first=False):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
        return paragraph

    name_in_side = index % 2 == 1
    if name_in_side:
        para(side, p["name"], bold=True, size=16, first=True)
        para(side, p["headline"], italic=True)
    else:
        para(side, "CONTACT", bold=True, first=True)
    if name_in_side:
        para(side, "CONTACT", bold=True)
    for text in [p["phone"], p["email"], p["location"]] + p["links"]:
        para(side, text, size=9)
    para(side, "SKILLS", bold=True)
    if p["style"]["skills"] in ("table-levels", "groups") or index % 3 == 0:
        inner = side.add_table(rows=0, cols=2)
        for n, item in enumerate(skill_items(p)):
            cells = inner.add_row().cells
            cells[0].text, cells[1].text = item["name"], skill_level(p, item, n)
    elif p["style"]["skills"] == "prose":
        para(side, skills_sentence(p), size=9)
    else:
        for item in skill_items(p):
            para(side, item["name"], size=9)
    if p["languages"]:
        para(side, "LANGUAGES", bold=True)
        for lang in p["languages"]:
            para(side, lang, size=9)
    if not name_in_side:
        heading = para(main, p["name"], bold=True, size=20, first=True)
        heading.runs[0].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        para(main, p["headline"], italic=True)
        para(main, "PROFILE", bold=True)
    else:
        para(main, "PROFILE", bold=True, first=True)
    para(main, p["summary"])
    para(main, "EXPERIENCE", bold=True)
    for job in p["experience"]:
        lines = entry_heading_lines(job, entry, date_range(job, d))
        para(main, lines[0], bold=True)
        for line in lines[1:]:
            para(main, line, italic=True)
        for bullet in job["bullets"]:
            main.add_paragraph(bullet, style="List Bullet")
    para(main, "EDUCATION", bold=True)
    for e in p["education"]:
        para(main, e["degree"], bold=True)
        para(main, f"{e['institution']}, {e['location']}, {edu_dates(e)}")
    if p["certifications"]:
        para(main, "CERTIFICATIONS", bold=True)
        for c in p["certifications"]:
            main.add_paragraph(c, style="List Bullet")
    document.save(path)


# ---------------------------------------------------------------------------------------------- running

def run(command, cwd=None, env=None):
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({result.returncode}):\n"
                           f"{result.stdout[-3000:]}\n{result.stderr[-2000:]}")
    return result


def chromium_pdf(html_path, pdf_path):
    run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--allow-file-access-from-files", f"--print-to-pdf={pdf_path}", html_path.as_uri()])


def soffice(args, cwd):
    profile = Path(cwd) / "lo-profile"
    run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"] + args, cwd=cwd)


def render(p, family, fmt, index, build, target):
    """Writes the resume of `p` in `family` and `fmt` to `target`."""
    tpl = TEMPLATES
    if family.startswith("moderncv-"):
        pdf = latex(moderncv(p, family.split("-")[1]), build, "cv")
    elif family == "europecv":
        pdf = latex(europecv(p), build, "cv")
    elif family == "curve":
        pdf = latex(curve(p, build), build, "cv")
    elif family == "awesome-cv":
        pdf = latex(awesome_cv(p), build, "cv", engine="xelatex", inputs=[tpl / "awesome-cv" / "awesome-cv.cls"])
    elif family == "altacv":
        pdf = latex(altacv(p), build, "cv", inputs=[tpl / "altacv" / "altacv.cls"])
    elif family == "jake-resume":
        pdf = latex(jake_resume(p), build, "cv")
    elif family == "two-column-resume":
        pdf = latex(two_column_resume(p), build, "cv", inputs=[tpl / "two-column-resume" / "two-column-resume.cls"])
    elif family == "html-resume":
        page = build / "resume.html"
        page.write_text(html_resume(p), encoding="utf-8")
        pdf = build / "resume.pdf"
        chromium_pdf(page, pdf)
    elif family == "html-sidebar":
        page = build / "resume.html"
        page.write_text(html_sidebar(p, index), encoding="utf-8")
        if fmt == "html":
            shutil.copy(page, target)
            return
        pdf = build / "resume.pdf"
        chromium_pdf(page, pdf)
    elif family == "weasyprint-classic":
        page = build / "resume.html"
        page.write_text(weasyprint_classic(p), encoding="utf-8")
        pdf = build / "resume.pdf"
        run(["weasyprint", str(page), str(pdf)])
    elif family == "docx-sidebar":
        docx_path = build / "resume.docx"
        docx_sidebar(p, docx_path, index)
        if fmt == "docx":
            shutil.copy(docx_path, target)
            return
        soffice(["--convert-to", "pdf", "resume.docx"], cwd=build)
        pdf = build / "resume.pdf"
    elif family == "libreoffice-writer":
        (build / "resume.html").write_text(writer_html(p), encoding="utf-8")
        soffice(["--infilter=HTML (StarWriter)", "--convert-to", 'docx:MS Word 2007 XML', "resume.html"], cwd=build)
        if fmt == "docx":
            shutil.copy(build / "resume.docx", target)
            return
        (build / "out").mkdir()
        soffice(["--convert-to", "pdf", "--outdir", "out", "resume.docx"], cwd=build)
        pdf = build / "out" / "resume.pdf"
    elif family == "pandoc-markdown":
        source = build / "resume.md"
        source.write_text(markdown(p), encoding="utf-8")
        if fmt == "md":
            shutil.copy(source, target)
            return
        args = ["pandoc", "-f", "markdown", str(source), "-o", str(target)]
        if fmt == "html":
            args[4:4] = ["-s", "--metadata", f"title={p['name']} — Résumé"]
        run(args)
        return
    elif family == "text-export":
        target.write_text(text_export(p), encoding="utf-8")
        return
    else:
        raise ValueError(family)
    shutil.copy(pdf, target)


# ---------------------------------------------------------------------------------------------- checking

def rendered_text(path):
    """The text of a rendered resume as a reader would get it (pdftotext for PDFs), whitespace collapsed."""
    import zipfile
    if path.suffix == ".pdf":
        raw = run(["pdftotext", str(path), "-"]).stdout
    elif path.suffix == ".docx":
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        raw = html.unescape(re.sub(r"<[^>]+>", " ", xml.replace("</w:p>", "\n")))
    else:
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return re.sub(r"\s+", " ", raw).lower()


def check(manifest):
    """Prints every truth value (name, e-mail, location, titles, companies, schools, skills by any taxonomy
    form) that does not appear in its resume's text, to catch template mistakes; text-layer artefacts of
    the renderers (decomposed accents, hyphenation, non-breaking hyphens) show up here too."""
    skills = json.loads(TAXONOMY.read_text(encoding="utf-8"))["skills"]
    forms = {s["name"]: [s["name"]] + s["aliases"] for s in skills}
    for row in manifest:
        truth = json.loads((OUT / row["truth"]).read_text(encoding="utf-8"))
        body = rendered_text(OUT / row["file"])

        def has(value):
            return re.sub(r"\s+", " ", value).lower() in body

        missing = [f"{key} {truth['contact'][key]!r}" for key in ("name", "email", "location")
                   if not has(truth["contact"][key])]
        for job in truth["experience"]:
            missing += [f"{key} {job[key]!r}" for key in ("title", "company") if not has(job[key])]
        missing += [f"school {e['institution']!r}" for e in truth["education"]
                    if e["institution"] and not has(e["institution"])]
        missing += [f"skill {s!r}" for s in truth["skills"] if not any(has(f) for f in forms[s])]
        if missing:
            print(f"{row['file']}: not in the text: {'; '.join(missing)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--truth", action="store_true", help="write only truth/ and manifest.json")
    parser.add_argument("--only", help="only this person id (e.g. p03)")
    parser.add_argument("--family", help="only this family")
    parser.add_argument("--check", action="store_true",
                        help="render nothing; list truth values missing from the rendered text (needs pdftotext)")
    args = parser.parse_args()
    as_of, people = load_people()
    AS_OF[0] = as_of
    index = taxonomy_index()
    (OUT / "resumes").mkdir(parents=True, exist_ok=True)
    (OUT / "truth").mkdir(parents=True, exist_ok=True)
    manifest = []
    for n, (p, family, fmt) in enumerate(assignments(people)):
        stem = f"{p['id']}-{family}" + ("" if len(FAMILIES[family]) == 1 else f"-{fmt}")
        source = f"{stem}.{fmt}"
        truth = truth_for(p, as_of, index, source, fmt, family)
        manifest.append({"person": p["id"], "name": p["name"], "field": p["field"], "seniority": p["seniority"],
                         "family": family, "format": fmt, "layout": truth["layout"], "renderer": truth["renderer"],
                         "file": f"resumes/{source}", "truth": f"truth/{stem}.json"})
        (OUT / "truth" / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n",
                                                    encoding="utf-8")
        if args.truth or args.check or (args.only and p["id"] != args.only) or (args.family and family != args.family):
            continue
        with tempfile.TemporaryDirectory() as folder:
            try:
                render(p, family, fmt, n, Path(folder), OUT / "resumes" / source)
            except Exception as error:  # report and go on: one broken template should not hide the others
                print(f"FAILED {source}: {error}", file=sys.stderr)
                continue
        print(f"wrote {source}")
    if args.check:
        check(manifest)
        return
    people_files = {}
    for row in manifest:
        people_files.setdefault(row["person"], []).append(row)
    (OUT / "manifest.json").write_text(json.dumps(
        {"asOf": as_of, "people": [{"person": pid, "name": rows[0]["name"], "field": rows[0]["field"],
                                    "seniority": rows[0]["seniority"],
                                    "resumes": [{k: r[k] for k in ("family", "format", "layout", "renderer", "file",
                                                                  "truth")} for r in rows]}
                                   for pid, rows in people_files.items()]},
        ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Renders the held-out people of scripts/real-corpus/holdout-people.json into Fixtures/real-holdout/.

    /usr/bin/python3 scripts/real-corpus/render-holdout.py          # all 20 resumes (needs the tools of render.py)
    /usr/bin/python3 scripts/real-corpus/render-holdout.py --truth  # only truth/ and manifest.json
    /usr/bin/python3 scripts/real-corpus/render-holdout.py --only h03

A held-out set: people and most template families here were never seen while the parser was tuned on
Fixtures/real. Ten people in two layouts each: eight families that Fixtures/real does not have (moderncv's
fancy and oldstyle styles, moderntimeline, simplecv, currvita, pandoc's LaTeX PDF, an HTML/CSS card layout
printed by Chromium, a python-docx layout with the name in the page header and tab-aligned dates) and four
resumes in Fixtures/real's families for comparison. Truth follows scripts/real-corpus/README.md (render.py's
truth_for). Uses render.py's helpers (imported, not copied).
"""
import argparse
import importlib.util
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = importlib.util.spec_from_file_location("render", HERE / "render.py")
R = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(R)

OUT = R.REPO / "Fixtures" / "real-holdout"
tex, esc = R.tex, R.esc

NEW_FAMILIES = {
    "moderncv-fancy": {"pdf": ("pdf-single-column", "pdflatex (moderncv, style fancy)")},
    "moderncv-oldstyle": {"pdf": ("pdf-single-column", "pdflatex (moderncv, style oldstyle)")},
    "moderntimeline": {"pdf": ("pdf-single-column", "pdflatex (moderncv casual + moderntimeline)")},
    "simplecv": {"pdf": ("pdf-single-column", "pdflatex (simplecv)")},
    "currvita": {"pdf": ("pdf-single-column", "pdflatex (article + currvita)")},
    "pandoc-latex": {"pdf": ("pdf-single-column", "pandoc -t pdf (pdflatex, default template)")},
    "html-cards": {"pdf": ("pdf-two-column", "chromium --print-to-pdf")},
    "docx-header": {"docx": ("docx", "python-docx (name and contact in the page header)"),
                    "pdf": ("pdf-single-column", "python-docx, LibreOffice PDF export")},
}
R.FAMILIES.update(NEW_FAMILIES)

# person -> its two (family, format); the last four rows of the right column are Fixtures/real families
PLAN = {
    "h01": [("moderncv-fancy", "pdf"), ("html-cards", "pdf")],
    "h02": [("currvita", "pdf"), ("docx-header", "docx")],
    "h03": [("moderntimeline", "pdf"), ("docx-header", "pdf")],
    "h04": [("simplecv", "pdf"), ("pandoc-latex", "pdf")],
    "h05": [("moderncv-oldstyle", "pdf"), ("html-cards", "pdf")],
    "h06": [("pandoc-latex", "pdf"), ("moderncv-fancy", "pdf")],
    "h07": [("moderntimeline", "pdf"), ("jake-resume", "pdf")],
    "h08": [("simplecv", "pdf"), ("awesome-cv", "pdf")],
    "h09": [("moderncv-oldstyle", "pdf"), ("html-sidebar", "pdf")],
    "h10": [("currvita", "pdf"), ("docx-sidebar", "docx")],
}


# ---------------------------------------------------------------------------------------------- phrasing

def date_range(job, style):
    """render.py's styles plus two more: `dot` ("03.2019 – today") and `mon-dot` ("Sept. 2018 – Now")."""
    start, end = job["start"], job["end"]
    if style == "dot":
        def dot(ym):
            return f"{ym[5:7]}.{ym[:4]}"
        return f"{dot(start)} – {dot(end) if end else 'today'}"
    if style == "mon-dot":
        names = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

        def mon(ym):
            return f"{names[int(ym[5:7]) - 1]} {ym[:4]}"
        return f"{mon(start)} – {mon(end) if end else 'Now'}"
    return R.date_range(job, style)


def heading(job, entry):
    """The line that names a position, in the person's phrasing (adds `title-pipe`: "Title | Company")."""
    if entry == "title-pipe":
        return f"{job['title']} | {job['company']}"
    if entry == "title-line":
        return f"{job['title']}, {job['company']}"
    return R.entry_heading_lines(job, entry, "", with_location=False)[0]


def skills_rows(p):
    return R.skills_tex_lines(p)


def with_dates(p):
    """A copy of `p` whose style only uses render.py's date styles, for its templates (dot → slash-like
    text is not needed there: the comparison families get mon-year instead)."""
    if p["style"]["dates"] in ("dot", "mon-dot"):
        return dict(p, style=dict(p["style"], dates="mon-year"))
    return p


# ---------------------------------------------------------------------------------------------- LaTeX

def moderncv_other(p, style):
    """moderncv's fancy and oldstyle styles, entries as \\cventry with the person's own date text, skills as
    \\cvdoubleitem pairs (fancy) or \\cvitem rows (oldstyle)."""
    first, last = R.first_last(p["name"])
    d = p["style"]["dates"]
    out = [r"\documentclass[11pt,a4paper,roman]{moderncv}", f"\\moderncvstyle{{{style}}}",
           r"\moderncvcolor{%s}" % {"fancy": "orange", "oldstyle": "burgundy"}[style],
           r"\usepackage[utf8]{inputenc}", r"\usepackage[T1]{fontenc}", r"\usepackage[scale=0.82]{geometry}",
           f"\\name{{{tex(first)}}}{{{tex(last)}}}", f"\\title{{{tex(p['headline'])}}}",
           f"\\address{{{tex(p['location'])}}}{{}}{{}}", f"\\phone[fixed]{{{tex(p['phone'])}}}",
           f"\\email{{{tex(p['email'])}}}",
           # the narrow contact column would hyphenate the address ("lu-cia.ferreira@..."): not there
           "\\hyphenation{%s}" % " ".join(re.findall(r"[A-Za-z]{2,}", p["email"]))]
    out += R.moderncv_links(p["links"])
    out += [r"\begin{document}", r"\makecvtitle", r"\section{About me}", f"\\cvitem{{}}{{{tex(p['summary'])}}}",
            r"\section{Professional experience}"]
    for job in p["experience"]:
        bullets = r"\begin{itemize}" + "\n" + R.tex_items(job["bullets"]) + "\n" + r"\end{itemize}"
        out.append(f"\\cventry{{{tex(date_range(job, d))}}}{{{tex(job['title'])}}}{{{tex(job['company'])}}}"
                   f"{{{tex(job['location'])}}}{{}}{{{bullets}}}")
    if p["pages"] == 2:
        out.append(r"\clearpage")
    out.append(r"\section{Education}")
    for e in p["education"]:
        out.append(f"\\cventry{{{tex(R.edu_dates(e))}}}{{{tex(e['degree'])}}}{{{tex(e['institution'])}}}"
                   f"{{{tex(e['location'])}}}{{}}{{}}")
    out.append(r"\section{Skills}")
    rows = skills_rows(p)
    if style == "fancy" and p["style"]["skills"] != "prose":
        for i in range(0, len(rows), 2):
            pair = rows[i:i + 2] + [("", "")] * (2 - len(rows[i:i + 2]))
            out.append("\\cvdoubleitem{%s}{%s}{%s}{%s}" % tuple(tex(x) for row in pair for x in row))
    else:
        out += [f"\\cvitem{{{tex(label)}}}{{{tex(text)}}}" for label, text in rows]
    if p["certifications"]:
        out.append(r"\section{Certificates}")
        out += [f"\\cvlistitem{{{tex(c)}}}" for c in p["certifications"]]
    if p["languages"]:
        out.append(r"\section{Languages}")
        for lang in p["languages"]:
            name, _, level = lang.partition(" (")
            out.append(f"\\cvitemwithcomment{{{tex(name)}}}{{{tex(level.rstrip(')'))}}}{{}}")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def moderntimeline(p):
    """moderncv casual with moderntimeline's year bars in the date column; the month range is written as the
    entry's grade ("Mar 2019 – Present")."""
    first, last = R.first_last(p["name"])
    d = p["style"]["dates"]
    out = [r"\documentclass[11pt,a4paper,sans]{moderncv}", r"\moderncvstyle{casual}", r"\moderncvcolor{blue}",
           r"\usepackage[utf8]{inputenc}", r"\usepackage[scale=0.8]{geometry}", r"\usepackage{moderntimeline}",
           r"\tlmaxdates{2013}{2027}", r"\tlsince{since }",
           f"\\name{{{tex(first)}}}{{{tex(last)}}}", f"\\title{{{tex(p['headline'])}}}",
           f"\\address{{{tex(p['location'])}}}{{}}{{}}", f"\\phone[mobile]{{{tex(p['phone'])}}}",
           f"\\email{{{tex(p['email'])}}}"]
    out += [f"\\homepage{{{tex(link)}}}" for link in p["links"][:1]]
    out += [r"\begin{document}", r"\makecvtitle", r"\section{Summary}", f"\\cvitem{{}}{{{tex(p['summary'])}}}",
            r"\section{Work history}"]
    for job in p["experience"]:
        end = job["end"][:4] if job["end"] else "0"
        out.append(f"\\tlcventry{{{job['start'][:4]}}}{{{end}}}{{{tex(job['title'])}}}{{{tex(job['company'])}}}"
                   f"{{{tex(job['location'])}}}{{{tex(date_range(job, d))}}}"
                   f"{{\\begin{{itemize}}\n{R.tex_items(job['bullets'])}\n\\end{{itemize}}}}")
    if p["pages"] == 2:
        out.append(r"\clearpage")
    out.append(r"\section{Education}")
    for e in p["education"]:
        year = e["year"] or 2026
        out.append(f"\\tlcventry{{{e.get('start') or year}}}{{{year}}}{{{tex(e['degree'])}}}{{{tex(e['institution'])}}}"
                   f"{{{tex(e['location'])}}}{{}}{{}}")
    out.append(r"\section{Skills}")
    if p["style"]["skills"] == "table-levels":
        out += [f"\\cvitemwithcomment{{{tex(n)}}}{{{tex(lv)}}}{{}}" for n, lv in skills_rows(p)]
    else:
        out += [f"\\cvitem{{{tex(label)}}}{{{tex(text)}}}" for label, text in skills_rows(p)]
    if p["certifications"]:
        out += [r"\section{Certifications}"] + [f"\\cvlistitem{{{tex(c)}}}" for c in p["certifications"]]
    if p["languages"]:
        out += [r"\section{Languages}", f"\\cvitem{{}}{{{tex(' · '.join(p['languages']))}}}"]
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def simplecv(p):
    """simplecv: left and right header blocks, topics with dates as labels in the left margin, employer and
    title on one line."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    out = [r"\documentclass[a4paper,10pt]{simplecv}", r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}",
           r"\usepackage{lmodern}", r"\usepackage[margin=2cm]{geometry}",
           f"\\leftheader{{{tex(p['location'])}\\\\ {tex(p['phone'])}}}",
           f"\\rightheader[r]{{{tex(p['email'])}" + "".join(f"\\\\ {tex(x)}" for x in p["links"]) + "}",
           f"\\title{{{tex(p['name'])}}}", r"\begin{document}", r"\maketitle",
           f"\\begin{{center}}\\large {tex(p['headline'])}\\end{{center}}",
           r"\section{Profile}", tex(p["summary"]), r"\section{Experience}", r"\begin{topic}"]
    for job in p["experience"]:
        out.append(f"\\item[{tex(date_range(job, d))}] \\textbf{{{tex(heading(job, entry))}}}\\\\ "
                   f"\\emph{{{tex(job['location'])}}}\\\\ " + " ".join(f"-- {tex(b)}\\\\" for b in job["bullets"]))
    out.append(r"\end{topic}")
    if p["pages"] == 2:
        out.append(r"\newpage")
    out += [r"\section{Education}", r"\begin{topic}"]
    for e in p["education"]:
        out.append(f"\\item[{tex(R.edu_dates(e))}] {tex(e['degree'])}\\\\ {tex(e['institution'])}, {tex(e['location'])}")
    out += [r"\end{topic}", r"\section{Skills}", r"\begin{topic}"]
    for label, text in skills_rows(p):
        out.append(f"\\item[{tex(label)}] {tex(text)}")
    out.append(r"\end{topic}")
    if p["certifications"]:
        out += [r"\section{Certifications}", r"\begin{topic}"] + [f"\\item[] {tex(c)}" for c in p["certifications"]]
        out.append(r"\end{topic}")
    if p["languages"]:
        out += [r"\section{Languages}", tex(", ".join(p["languages"]))]
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def currvita(p):
    """article + currvita: \\begin{cv}{Name} with cvlist sections, dates as item labels, the person's entry
    phrasing in bold."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    contact = " \\quad ".join(tex(x) for x in [p["location"], p["phone"], p["email"]] + p["links"])
    out = [r"\documentclass[a4paper,11pt]{article}", r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}",
           r"\usepackage{lmodern}", r"\usepackage[margin=2.2cm]{geometry}", r"\usepackage[NoDate]{currvita}",
           r"\setlength{\cvlabelwidth}{32mm}", r"\pagestyle{empty}", r"\begin{document}",
           f"\\begin{{cv}}{{{tex(p['name'])}}}", f"\\noindent {tex(p['headline'])}\\\\ {{\\small {contact}}}",
           r"\begin{cvlist}{Summary}", f"\\item {tex(p['summary'])}", r"\end{cvlist}",
           r"\begin{cvlist}{Employment}"]
    for job in p["experience"]:
        out.append(f"\\item[{tex(date_range(job, d))}] \\textbf{{{tex(heading(job, entry))}}}, "
                   f"{tex(job['location'])}\\\\ " + "\\\\ ".join(f"\\textbullet~{tex(b)}" for b in job["bullets"]))
    out += [r"\end{cvlist}", r"\begin{cvlist}{Education}"]
    for e in p["education"]:
        out.append(f"\\item[{tex(R.edu_dates(e))}] {tex(e['degree'])}, {tex(e['institution'])}, {tex(e['location'])}")
    out += [r"\end{cvlist}", r"\begin{cvlist}{Skills}"]
    for label, text in skills_rows(p):
        out.append(f"\\item[{tex(label)}] {tex(text)}")
    out.append(r"\end{cvlist}")
    if p["certifications"] or p["languages"]:
        out.append(r"\begin{cvlist}{Other}")
        if p["certifications"]:
            out.append(f"\\item[Certificates] {tex('; '.join(p['certifications']))}")
        if p["languages"]:
            out.append(f"\\item[Languages] {tex(', '.join(p['languages']))}")
        out.append(r"\end{cvlist}")
    out += [r"\end{cv}", r"\end{document}"]
    return "\n".join(out) + "\n"


def pandoc_markdown(p):
    """Markdown in another hand than render.py's: a title block, definition lists for positions (dates as the
    term), skills as a pipe table or list; printed to PDF by pandoc's default LaTeX template."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    out = ["---", f"title: \"{p['name']}\"", f"subtitle: \"{p['headline']}\"", "geometry: margin=2cm",
           "fontsize: 10pt", "---", "",
           " / ".join([p["location"], p["phone"], p["email"]] + p["links"]), "", "# Profile", "", p["summary"], "",
           "# Work Experience", ""]
    for job in p["experience"]:
        out += [f"**{heading(job, entry)}**", f":   {date_range(job, d)}, {job['location']}", ""]
        out += [f"    - {b}" for b in job["bullets"]]
        out.append("")
    out += ["# Education", ""]
    for e in p["education"]:
        out += [f"**{e['degree']}**", f":   {e['institution']}, {e['location']}, {R.edu_dates(e)}", ""]
    out += ["# Skills", ""]
    if p["style"]["skills"] == "table-levels":
        out += ["| Skill | Level |", "|:--|:--|"] + [f"| {n} | {lv} |" for n, lv in skills_rows(p)]
    elif p["style"]["skills"] == "prose":
        out.append(R.skills_sentence(p))
    else:
        out += [f"* {label + ': ' if label else ''}{text}" for label, text in skills_rows(p)]
    out.append("")
    if p["certifications"]:
        out += ["# Certifications", ""] + [f"* {c}" for c in p["certifications"]] + [""]
    if p["languages"]:
        out += ["# Languages", "", ", ".join(p["languages"]), ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------- HTML

CARDS_CSS = """
@page { size: A4; margin: 12mm 12mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 9.5pt; color: #1d1d1f; margin: 0; }
header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 4px solid #0b7a75;
  padding-bottom: 3mm; margin-bottom: 4mm; }
header h1 { font-size: 24pt; margin: 0; font-weight: 300; }
header .role { color: #0b7a75; font-size: 12pt; }
header ul { list-style: none; margin: 0; padding: 0; text-align: right; font-size: 8.5pt; }
.grid { display: grid; grid-template-columns: 1fr 62mm; gap: 7mm; }
h2 { font-size: 9pt; letter-spacing: .15em; text-transform: uppercase; color: #0b7a75; margin: 4mm 0 2mm; }
.card { border-left: 3px solid #c9e6e4; padding: 0 0 0 3mm; margin-bottom: 3.5mm; }
.card .top { display: flex; justify-content: space-between; gap: 4mm; }
.card .top b { font-size: 10pt; }
.card .when { white-space: nowrap; color: #555; font-size: 8.5pt; }
.card .where { color: #555; font-size: 8.5pt; }
.card ul { margin: 1mm 0 0; padding-left: 4mm; }
.chips span { display: inline-block; background: #e6f4f3; border-radius: 3mm; padding: .6mm 2.2mm; margin: 0 1mm 1.2mm 0; }
aside p { margin: 0 0 1.5mm; }
"""


def html_cards(p):
    """Own design for Chromium: a header with the name left and contact right, positions as cards (title and
    dates on one row, employer below), a right column with skills as chips, education and languages."""
    d = p["style"]["dates"]
    contact = [p["email"], p["phone"], p["location"]] + p["links"]
    cards = []
    for job in p["experience"]:
        cards.append(f'<div class="card"><div class="top"><b>{esc(job["title"])}</b>'
                     f'<span class="when">{esc(date_range(job, d))}</span></div>'
                     f'<div class="where">{esc(job["company"])} · {esc(job["location"])}</div>'
                     "<ul>" + "".join(f"<li>{esc(b)}</li>" for b in job["bullets"]) + "</ul></div>")
    edu = "".join(f'<div class="card"><b>{esc(e["degree"])}</b><div class="where">{esc(e["institution"])}'
                  f' · {esc(R.edu_dates(e))}</div></div>' for e in p["education"])
    if p["style"]["skills"] == "prose":
        skills = f"<p>{esc(R.skills_sentence(p))}</p>"
    else:
        skills = "".join(f"<p><b>{esc(label)}</b></p>" * bool(label) + '<div class="chips">'
                         + "".join(f"<span>{esc(x.strip())}</span>" for x in text.split(",")) + "</div>"
                         for label, text in ([("", ", ".join(n for n, _ in skills_rows(p)))]
                                             if p["style"]["skills"] == "table-levels" else skills_rows(p)))
    side = [f"<h2>Skills</h2>{skills}"]
    if p["languages"]:
        side.append("<h2>Languages</h2>" + "".join(f"<p>{esc(x)}</p>" for x in p["languages"]))
    if p["certifications"]:
        side.append("<h2>Certificates</h2>" + "".join(f"<p>{esc(x)}</p>" for x in p["certifications"]))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(p["name"])} — CV</title>'
            f"<style>{CARDS_CSS}</style></head><body>"
            f'<header><div><h1>{esc(p["name"])}</h1><div class="role">{esc(p["headline"])}</div></div>'
            "<ul>" + "".join(f"<li>{esc(x)}</li>" for x in contact) + "</ul></header>"
            f'<div class="grid"><main><h2>About</h2><p>{esc(p["summary"])}</p><h2>Experience</h2>{"".join(cards)}'
            f'<h2>Education</h2>{edu}</main><aside>{"".join(side)}</aside></div></body></html>\n')


# ---------------------------------------------------------------------------------------------- DOCX

def docx_header(p, path):
    """python-docx, a structure Fixtures/real does not have: name and contact in the page header (not the
    body), headings in Word's Heading 1 style, employer and dates on one line separated by a right-aligned
    tab stop, skills in a borderless three-column table."""
    import docx
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    d, entry = p["style"]["dates"], p["style"]["entry"]
    document = docx.Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.0)
    header = section.header
    first = header.paragraphs[0]
    run = first.add_run(p["name"])
    run.bold, run.font.size = True, Pt(18)
    header.add_paragraph(p["headline"])
    header.add_paragraph("  ·  ".join([p["location"], p["phone"], p["email"]] + p["links"]))
    width = section.page_width - section.left_margin - section.right_margin

    def tabbed(left, right, bold=False):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        run = paragraph.add_run(left)
        run.bold = bold
        paragraph.add_run("\t" + right)
        return paragraph

    document.add_heading("Summary", level=1)
    document.add_paragraph(p["summary"])
    document.add_heading("Experience", level=1)
    for job in p["experience"]:
        if entry in ("company-title", "title-at"):
            tabbed(heading(job, entry), date_range(job, d), bold=True)
            document.add_paragraph(job["location"]).runs[0].italic = True
        else:
            tabbed(job["company"], date_range(job, d), bold=True)
            document.add_paragraph(f"{job['title']}, {job['location']}").runs[0].italic = True
        for bullet in job["bullets"]:
            document.add_paragraph(bullet, style="List Bullet")
    if p["pages"] == 2:
        document.add_page_break()
    document.add_heading("Education", level=1)
    for e in p["education"]:
        tabbed(e["institution"], R.edu_dates(e), bold=True)
        document.add_paragraph(e["degree"])
    document.add_heading("Skills", level=1)
    names = [n for n, _ in skills_rows(p)] if p["style"]["skills"] == "table-levels" else \
        [x.strip() for _, text in skills_rows(p) for x in text.split(",")]
    table = document.add_table(rows=0, cols=3)
    for i in range(0, len(names), 3):
        cells = table.add_row().cells
        for cell, name in zip(cells, names[i:i + 3]):
            cell.text = name
    if p["certifications"]:
        document.add_heading("Certifications", level=1)
        for c in p["certifications"]:
            document.add_paragraph(c, style="List Bullet")
    if p["languages"]:
        document.add_heading("Languages", level=1)
        document.add_paragraph(", ".join(p["languages"]))
    document.save(path)


# ---------------------------------------------------------------------------------------------- running

def render(p, family, fmt, index, build, target):
    if family in ("moderncv-fancy", "moderncv-oldstyle"):
        pdf = R.latex(moderncv_other(p, family.split("-")[1]), build, "cv")
    elif family == "moderntimeline":
        pdf = R.latex(moderntimeline(p), build, "cv")
    elif family == "simplecv":
        pdf = R.latex(simplecv(p), build, "cv")
    elif family == "currvita":
        pdf = R.latex(currvita(p), build, "cv")
    elif family == "pandoc-latex":
        (build / "cv.md").write_text(pandoc_markdown(p), encoding="utf-8")
        R.run(["pandoc", "cv.md", "-o", "cv.pdf", "--pdf-engine=pdflatex"], cwd=build)
        pdf = build / "cv.pdf"
    elif family == "html-cards":
        page = build / "cv.html"
        page.write_text(html_cards(p), encoding="utf-8")
        pdf = build / "cv.pdf"
        R.chromium_pdf(page, pdf)
    elif family == "docx-header":
        docx_path = build / "resume.docx"
        docx_header(p, docx_path)
        if fmt == "docx":
            shutil.copy(docx_path, target)
            return
        R.soffice(["--convert-to", "pdf", "resume.docx"], cwd=build)
        pdf = build / "resume.pdf"
    else:  # a Fixtures/real family, rendered by render.py itself
        R.render(with_dates(p), family, fmt, index, build, target)
        return
    shutil.copy(pdf, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--truth", action="store_true", help="write only truth/ and manifest.json")
    parser.add_argument("--only", help="only this person id (e.g. h03)")
    args = parser.parse_args()
    data = json.loads((HERE / "holdout-people.json").read_text(encoding="utf-8"))
    as_of, people = data["asOf"], data["people"]
    R.AS_OF[0] = as_of
    index = R.taxonomy_index()
    (OUT / "resumes").mkdir(parents=True, exist_ok=True)
    (OUT / "truth").mkdir(parents=True, exist_ok=True)
    manifest = []
    n = 0
    for p in people:
        for family, fmt in PLAN[p["id"]]:
            stem = f"{p['id']}-{family}" + ("" if len(R.FAMILIES[family]) == 1 else f"-{fmt}")
            source = f"{stem}.{fmt}"
            truth = R.truth_for(p, as_of, index, source, fmt, family)
            manifest.append({"person": p["id"], "name": p["name"], "field": p["field"], "family": family,
                             "format": fmt, "layout": truth["layout"], "renderer": truth["renderer"],
                             "new family": family in NEW_FAMILIES, "file": f"resumes/{source}",
                             "truth": f"truth/{stem}.json"})
            (OUT / "truth" / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n",
                                                        encoding="utf-8")
            n += 1
            if args.truth or (args.only and p["id"] != args.only):
                continue
            with tempfile.TemporaryDirectory() as folder:
                try:
                    render(p, family, fmt, n, Path(folder), OUT / "resumes" / source)
                except Exception as error:  # report and go on
                    print(f"FAILED {source}: {error}", file=sys.stderr)
                    continue
            print(f"wrote {source}")
    (OUT / "manifest.json").write_text(json.dumps({"asOf": as_of, "resumes": manifest}, ensure_ascii=False,
                                                  indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

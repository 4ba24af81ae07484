#!/usr/bin/python3
"""Renders the people of scripts/real-corpus/holdout2-people.json into Fixtures/real-holdout2/.

    /usr/bin/python3 scripts/real-corpus/render-holdout2.py          # all 24 resumes (tools: see the README)
    /usr/bin/python3 scripts/real-corpus/render-holdout2.py --truth  # only truth/ and manifest.json
    /usr/bin/python3 scripts/real-corpus/render-holdout2.py --only q03

A second held-out set: twelve people written for it (none of people.json or holdout-people.json), two
layouts each, in nine template families that neither Fixtures/real nor Fixtures/real-holdout has (the
europasscv class, dnl-blkv/mcdowell-cv, a paracol sidebar, an article + tabularx layout, a page of CSS table
rows for WeasyPrint and as HTML, a Flat ODT document exported by LibreOffice, a DOCX whose contact and skills
sit in a floating text box, plain text with ASCII-art rules, Markdown whose experience is a pipe table) and
two of Fixtures/real's families for comparison. The people phrase dates, entries, skills and degrees in ways
the other sets do not ("since 2018", year-only ranges, "01/2019–12/2021", "2023.03 – present", "MAR 2019 —
PRESENT", "Company — Title", stacked titles). Truth follows scripts/real-corpus/README.md (render.py's
truth_for, imported). Check it against the rendered text with check-holdout2.py; see
Fixtures/real-holdout2/README.md.
"""
import argparse
import importlib.util
import json
import re
import shutil
import sys
import tempfile
import textwrap
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
SPEC = importlib.util.spec_from_file_location("render", HERE / "render.py")
R = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(R)

OUT = R.REPO / "Fixtures" / "real-holdout2"
tex, esc = R.tex, R.esc

NEW_FAMILIES = {
    "europasscv": {"pdf": ("pdf-single-column", "pdflatex (europasscv class)")},
    "paracol-sidebar": {"pdf": ("pdf-two-column", "pdflatex (article + paracol, shaded sidebar)")},
    "article-tabularx": {"pdf": ("pdf-single-column", "pdflatex (article + tabularx rows, dates right)")},
    "weasyprint-rows": {"pdf": ("pdf-single-column", "weasyprint (CSS table rows: dates column, content column)"),
                        "html": ("html", "hand-written HTML (CSS table rows)")},
    "writer-fodt": {"pdf": ("pdf-single-column", "LibreOffice Writer PDF export (Flat ODT source)"),
                    "docx": ("docx-table", "LibreOffice Writer DOCX export (Flat ODT source)")},
    "docx-textbox": {"docx": ("docx", "python-docx (contact and skills in a floating VML text box)"),
                     "pdf": ("pdf-two-column", "python-docx, LibreOffice PDF export")},
    "mcdowell-cv": {"pdf": ("pdf-single-column", "lualatex (dnl-blkv/mcdowell-cv)")},
    "ascii-text": {"txt": ("txt", "plain text with ASCII-art section rules")},
    "markdown-tables": {"md": ("md", "hand-written Markdown (pipe tables)"),
                        "docx": ("docx-table", "pandoc (Markdown pipe tables to DOCX)")},
}
R.FAMILIES.update(NEW_FAMILIES)

# person -> its two (family, format); jake-resume and moderncv-classic are Fixtures/real families
PLAN = {
    "q01": [("europasscv", "pdf"), ("writer-fodt", "pdf")],
    "q02": [("paracol-sidebar", "pdf"), ("docx-textbox", "docx")],
    "q03": [("article-tabularx", "pdf"), ("ascii-text", "txt")],
    "q04": [("weasyprint-rows", "pdf"), ("markdown-tables", "md")],
    "q05": [("europasscv", "pdf"), ("jake-resume", "pdf")],
    "q06": [("paracol-sidebar", "pdf"), ("docx-textbox", "pdf")],
    "q07": [("article-tabularx", "pdf"), ("writer-fodt", "docx")],
    "q08": [("weasyprint-rows", "pdf"), ("moderncv-classic", "pdf")],
    "q09": [("europasscv", "pdf"), ("ascii-text", "txt")],
    "q10": [("article-tabularx", "pdf"), ("mcdowell-cv", "pdf")],
    "q11": [("paracol-sidebar", "pdf"), ("markdown-tables", "docx")],
    "q12": [("weasyprint-rows", "html"), ("writer-fodt", "pdf")],
}

# ---------------------------------------------------------------------------------------------- phrasing

MON = R.MONTHS
FULL = R.MONTHS_FULL


def date_range(job, style):
    """The person's own way of writing a position's dates (see holdout2-people.json's `style.dates`)."""
    start, end = job["start"], job["end"]
    y1, m1 = start[:4], int(start[5:7])
    y2, m2 = (end[:4], int(end[5:7])) if end else (None, None)
    if style == "slash-tight":
        return f"{start[5:7]}/{y1}–" + (f"{end[5:7]}/{y2}" if end else "present")
    if style == "since-year":
        return f"since {y1}" if end is None else f"{y1} – {y2}"
    if style == "year-only":
        return f"{y1} – {y2 or 'present'}"
    if style == "month-to":
        return f"{FULL[m1 - 1]} {y1} to " + (f"{FULL[m2 - 1]} {y2}" if end else "date")
    if style == "iso-dash":
        return f"{start} – {end or 'now'}"
    if style == "mon-current":
        return f"{MON[m1 - 1]} {y1} – " + (f"{MON[m2 - 1]} {y2}" if end else "Current")
    if style == "mon-upper":
        return f"{MON[m1 - 1].upper()} {y1} — " + (f"{MON[m2 - 1].upper()} {y2}" if end else "PRESENT")
    if style == "ym-dot":
        return f"{y1}.{start[5:7]} – " + (f"{y2}.{end[5:7]}" if end else "present")
    return R.date_range(job, style)  # mon-year, month-full, iso-to, slash


def edu_dates(e):
    if e["year"] is None:
        return f"{e['start']} – present"
    return f"{e['start']} – {e['year']}" if e.get("start") else str(e["year"])


def entry_lines(job, entry):
    """(first line, second line) that name a position, in the person's phrasing; dates go elsewhere."""
    t, c, loc = job["title"], job["company"], job["location"]
    if entry == "company-title":
        return f"{c} — {t}", loc
    if entry == "title-line":
        return t, f"{c}, {loc}"
    if entry == "title-at":
        return f"{t} at {c}", loc
    if entry == "title-pipe":
        return f"{t} | {c}", loc
    return f"{t}, {c}", loc


def skills_rows(p):
    return R.skills_tex_lines(p)


def skill_names(p):
    return [i["name"] for i in R.skill_items(p)]


def for_render_py(p):
    """A copy of `p` whose date style is one render.py knows (its templates print the dates themselves)."""
    if p["style"]["dates"] in ("mon-year", "month-full", "iso-to", "slash"):
        return p
    return dict(p, style=dict(p["style"], dates="mon-year"))


def no_hyphenation(p):
    """LaTeX must not hyphenate the words of an e-mail address or link (no reader could undo "lach-lan.pn@")."""
    words = set(re.findall(r"[A-Za-z]{2,}", p["email"] + " " + " ".join(p["links"])))
    return "\\hyphenation{%s}" % " ".join(sorted(words))


# ---------------------------------------------------------------------------------------------- LaTeX

def europasscv(p):
    """The europasscv class (TeX Live): the Europass grid, labels in a right-aligned left column, dates as
    the blue label of each \\ecvtitle, employer on the line below the title."""
    d = p["style"]["dates"]
    out = [r"\documentclass[english,a4paper]{europasscv}", r"\usepackage[english]{babel}",
           r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}", r"\usepackage{lmodern}",
           f"\\ecvname{{{tex(p['name'])}}}", f"\\ecvaddress{{{tex(p['location'])}}}",
           f"\\ecvmobile{{{tex(p['phone'])}}}", f"\\ecvemail{{{tex(p['email'])}}}"]
    for link in p["links"]:
        if link.startswith("github.com/"):
            out.append(f"\\ecvgithubpage{{{tex(link)}}}")
        elif link.startswith("linkedin.com/"):
            out.append(f"\\ecvlinkedinpage{{{tex(link)}}}")
        else:
            out.append(f"\\ecvhomepage{{{tex(link)}}}")
    out += [no_hyphenation(p), r"\begin{document}", r"\begin{europasscv}", r"\ecvpersonalinfo",
            r"\ecvsection{Position applied for}", f"\\ecvbigitem{{}}{{{tex(p['headline'])}}}",
            f"\\ecvitem{{}}{{{tex(p['summary'])}}}", r"\ecvsection{Work experience}"]
    for job in p["experience"]:
        out += [f"\\ecvtitle{{{tex(date_range(job, d))}}}{{{tex(job['title'])}}}",
                f"\\ecvitem{{}}{{{tex(job['company'])}, {tex(job['location'])}}}",
                "\\ecvitem{}{\\begin{ecvitemize}" + "".join(f"\\item {tex(b)}" for b in job["bullets"])
                + "\\end{ecvitemize}}"]
    if p["pages"] == 2:
        out.append(r"\newpage")
    out.append(r"\ecvsection{Education and training}")
    for e in p["education"]:
        out += [f"\\ecvtitle{{{tex(edu_dates(e))}}}{{{tex(e['degree'])}}}",
                f"\\ecvitem{{}}{{{tex(e['institution'])}, {tex(e['location'])}}}"]
    out.append(r"\ecvsection{Personal skills}")
    if p["languages"]:
        out.append(f"\\ecvitem{{Languages}}{{{tex(', '.join(p['languages']))}}}")
    if p["style"]["skills"] == "table-levels":
        rows = "; ".join(f"{tex(n)} ({tex(lv)})" for n, lv in skills_rows(p))
        out.append(f"\\ecvitem{{Technical skills}}{{{rows}}}")
    else:
        for label, text in skills_rows(p):
            out.append(f"\\ecvitem{{{tex(label or 'Skills')}}}{{{tex(text)}}}")
    if p["certifications"]:
        out.append("\\ecvitem{Certificates}{" + "\\newline ".join(tex(c) for c in p["certifications"]) + "}")
    out += [r"\end{europasscv}", r"\end{document}"]
    return "\n".join(out) + "\n"


def paracol_sidebar(p):
    """article + paracol: a shaded left column (name, contact, skills, languages, certificates) beside the main
    column (profile, experience, education), each position's dates right-aligned on its first line."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    out = [r"\documentclass[10pt,a4paper]{article}", r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}",
           r"\usepackage[default]{sourcesanspro}", r"\usepackage[margin=1.4cm]{geometry}", r"\usepackage{paracol}",
           r"\usepackage{xcolor}", r"\usepackage{enumitem}", r"\pagestyle{empty}", r"\setlength{\parindent}{0pt}",
           r"\definecolor{side}{HTML}{E6ECF2}", r"\definecolor{accent}{HTML}{1F4E79}",
           r"\newcommand{\sidehead}[1]{\par\medskip{\color{accent}\bfseries\MakeUppercase{#1}}\par\smallskip}",
           r"\newcommand{\mainhead}[1]{\par\bigskip{\color{accent}\Large\bfseries #1}\par\vspace{2pt}"
           r"{\color{accent}\hrule height 0.8pt}\par\medskip}",
           r"\columnratio{0.31}", r"\setlength{\columnsep}{8mm}", r"\backgroundcolor{c[0](4mm,4mm)}[HTML]{E6ECF2}",
           no_hyphenation(p), r"\begin{document}", r"\begin{paracol}{2}", r"\raggedright",
           # the name stacked, first names over the surname, as sidebar templates print it
           "{\\LARGE\\bfseries %s\\\\ %s}\\par\\smallskip" % tuple(tex(x) for x in R.first_last(p["name"])),
           f"{{\\color{{accent}}{tex(p['headline'])}}}\\par",
           r"\sidehead{Contact}", r"\small", f"{tex(p['phone'])}\\\\", f"\\mbox{{{tex(p['email'])}}}\\\\",
           f"{tex(p['location'])}\\\\"]
    out += [f"\\mbox{{{tex(link)}}}\\\\" for link in p["links"]]
    out.append(r"\sidehead{Skills}")
    if p["style"]["skills"] == "prose":
        out.append(tex(R.skills_sentence(p)) + r"\par")
    elif p["style"]["skills"] == "table-levels":
        out += [f"{tex(n)} \\hfill {{\\footnotesize {tex(lv)}}}\\\\" for n, lv in skills_rows(p)]
    else:
        for group in p["skills"]:
            if group["label"]:
                out.append(f"\\textbf{{{tex(group['label'])}}}\\\\")
            out += [f"{tex(i['name'])}\\\\" for i in group["items"]]
            out.append(r"\smallskip")
    if p["languages"]:
        out.append(r"\sidehead{Languages}")
        out += [f"{tex(x)}\\\\" for x in p["languages"]]
    if p["certifications"]:
        out.append(r"\sidehead{Certificates}")
        out += [f"{tex(x)}\\par\\smallskip" for x in p["certifications"]]
    out += [r"\switchcolumn", r"\mainhead{Profile}", tex(p["summary"]), r"\mainhead{Experience}"]
    for i, job in enumerate(p["experience"]):
        first, second = entry_lines(job, entry)
        out += [f"\\textbf{{{tex(first)}}} \\hfill {{\\small {tex(date_range(job, d))}}}\\\\",
                f"{{\\itshape {tex(second)}}}",
                r"\begin{itemize}[leftmargin=1.2em,itemsep=1pt,topsep=2pt]" + tex_items(job["bullets"])
                + r"\end{itemize}",
                r"\medskip"]
        if p["pages"] == 2 and i == len(p["experience"]) - 2:
            out += [r"\end{paracol}", r"\newpage", r"\begin{paracol}{2}", r"\switchcolumn"]
    out.append(r"\mainhead{Education}")
    for e in p["education"]:
        out += [f"\\textbf{{{tex(e['degree'])}}} \\hfill {{\\small {tex(edu_dates(e))}}}\\\\",
                f"{tex(e['institution'])}, {tex(e['location'])}\\par\\medskip"]
    out += [r"\end{paracol}", r"\end{document}"]
    return "\n".join(out) + "\n"


def tex_items(bullets):
    return "".join(f"\\item {tex(b)} " for b in bullets)


def article_tabularx(p):
    """article with a centred header and ruled section titles; every position is a tabularx row (the
    person's entry phrasing left, dates right) with the location in italics and bullets below; skills as a
    two-column tabular (levels), a description list (groups) or a paragraph."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    contact = r" \textbar{} ".join(tex(x) for x in [p["location"], p["phone"], p["email"]] + p["links"])
    out = [r"\documentclass[10.5pt,a4paper]{article}", r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}",
           r"\usepackage{charter}", r"\usepackage[margin=2cm]{geometry}", r"\usepackage{tabularx}",
           r"\usepackage{enumitem}", r"\usepackage{titlesec}", r"\pagestyle{empty}",
           r"\titleformat{\section}{\large\scshape}{}{0pt}{}[\titlerule]",
           r"\titlespacing*{\section}{0pt}{10pt}{5pt}", r"\setlength{\parindent}{0pt}", no_hyphenation(p),
           r"\begin{document}", r"\begin{center}",
           f"{{\\huge {tex(p['name'])}}}\\\\[3pt]", f"{{\\large {tex(p['headline'])}}}\\\\[3pt]",
           f"{{\\small {contact}}}", r"\end{center}", r"\section*{Summary}", tex(p["summary"]),
           r"\section*{Professional Experience}"]
    for i, job in enumerate(p["experience"]):
        first, second = entry_lines(job, entry)
        out += [r"\begin{tabularx}{\textwidth}{@{}X r@{}}",
                f"\\textbf{{{tex(first)}}} & {tex(date_range(job, d))}\\\\",
                f"\\textit{{{tex(second)}}} & \\\\", r"\end{tabularx}",
                r"\begin{itemize}[leftmargin=1.5em,itemsep=0pt,topsep=1pt]" + tex_items(job["bullets"])
                + r"\end{itemize}",
                r"\smallskip"]
    if p["pages"] == 2:
        out.append(r"\newpage")
    out.append(r"\section*{Education}")
    for e in p["education"]:
        out += [r"\begin{tabularx}{\textwidth}{@{}X r@{}}",
                f"\\textbf{{{tex(e['degree'])}}} & {tex(edu_dates(e))}\\\\",
                f"{tex(e['institution'])}, {tex(e['location'])} & \\\\", r"\end{tabularx}", r"\smallskip"]
    out.append(r"\section*{Skills}")
    style = p["style"]["skills"]
    if style == "table-levels":
        out += [r"\begin{tabular}{@{}ll@{}}"] + [f"{tex(n)} & {tex(lv)}\\\\" for n, lv in skills_rows(p)]
        out.append(r"\end{tabular}")
    elif style == "groups":
        out += [r"\begin{description}[leftmargin=0pt,itemsep=0pt]"]
        out += [f"\\item[{tex(label)}:] {tex(text)}" for label, text in skills_rows(p)] + [r"\end{description}"]
    elif style == "prose":
        out.append(tex(R.skills_sentence(p)))
    else:
        out.append(tex(", ".join(skill_names(p))))
    if p["certifications"]:
        out += [r"\section*{Admissions and Certificates}", r"\begin{itemize}[leftmargin=1.5em,itemsep=0pt]",
                tex_items(p["certifications"]), r"\end{itemize}"]
    if p["languages"]:
        out += [r"\section*{Languages}", tex(" · ".join(p["languages"]))]
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def mcdowell_cv(p):
    """dnl-blkv/mcdowell-cv's class (MIT; a copy in templates/mcdowell-cv/, font changed to Liberation Serif):
    a three-cell header (address left, name centred, contacts right) and entries as three cells, title left,
    employer centred, dates right; education as location, school, dates with the degree as a bullet; skills as
    bullets of semicolon lists, as in McDowell_CV_Template.tex. Built with lualatex (microtype's letterspaced name
    does not work in xelatex)."""
    d = p["style"]["dates"]
    out = [r"\documentclass[a4paper]{mcdowellcv}", r"\usepackage{amsmath}", no_hyphenation(p),
           # the class letterspaces the name (\textls[110]); pdftotext then reads "L a c h l a n P e re i r a",
           # which loses the word boundary: the name is printed without the tracking
           r"\makeatletter\renewcommand\printname{\spaceskip \namespaceskip \relax"
           r"\textbf{\LARGE\textsc{\@name}}}\makeatother",
           f"\\name{{{tex(p['name'])}}}",
           "\\address{%s}" % r" \linebreak ".join(tex(x) for x in [p["location"]] + p["links"]),
           f"\\contacts{{{tex(p['phone'])} \\linebreak {tex(p['email'])}}}",
           r"\begin{document}", r"\makeheader",
           r"\begin{cvsection}{Summary}", r"\begin{cvsubsection}{}{}{}",
           f"{tex(p['headline'])}. {tex(p['summary'])}", r"\end{cvsubsection}", r"\end{cvsection}",
           r"\begin{cvsection}{Employment}"]
    for job in p["experience"]:
        out += [f"\\begin{{cvsubsection}}{{{tex(job['title'])}}}{{{tex(job['company'])}}}{{{tex(date_range(job, d))}}}",
                tex(job["location"]), r"\begin{itemize}", R.tex_items(job["bullets"]), r"\end{itemize}",
                r"\end{cvsubsection}"]
    out += [r"\end{cvsection}", r"\begin{cvsection}{Education}"]
    for e in p["education"]:
        out += [f"\\begin{{cvsubsection}}{{{tex(e['location'])}}}{{{tex(e['institution'])}}}{{{tex(edu_dates(e))}}}",
                r"\begin{itemize}", f"\\item {tex(e['degree'])}", r"\end{itemize}", r"\end{cvsubsection}"]
    out += [r"\end{cvsection}", r"\begin{cvsection}{Languages and Technologies}", r"\begin{cvsubsection}{}{}{}",
            r"\begin{itemize}"]
    if p["style"]["skills"] == "prose":
        out.append(f"\\item {tex(R.skills_sentence(p))}")
    else:
        out += [f"\\item {tex('; '.join(i['name'] for i in g['items']))}" for g in p["skills"]]
    if p["languages"]:
        out.append(f"\\item Spoken: {tex('; '.join(p['languages']))}")
    out += [r"\end{itemize}", r"\end{cvsubsection}", r"\end{cvsection}", r"\end{document}"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------- HTML

ROWS_CSS = """
@page { size: A4; margin: 14mm 15mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.2pt; color: #222; line-height: 1.35; }
header { display: table; width: 100%; border-bottom: 2px solid #8a3b12; padding-bottom: 3mm; }
header > div, header address { display: table-cell; vertical-align: bottom; }
header h1 { margin: 0; font-size: 20pt; font-weight: 600; }
header .role { color: #8a3b12; font-size: 11pt; }
header address { font-style: normal; text-align: right; font-size: 8.6pt; }
h2 { font-size: 10.5pt; text-transform: uppercase; letter-spacing: .08em; color: #8a3b12; margin: 5mm 0 2mm; }
.row { display: table; width: 100%; margin-bottom: 3mm; }
.row > div { display: table-cell; vertical-align: top; }
.row .when { width: 34mm; padding-right: 5mm; color: #555; font-size: 8.6pt; }
.row .when small { display: block; }
.row h3 { margin: 0; font-size: 9.8pt; }
.row ul { margin: 1mm 0 0; padding-left: 4mm; }
table.levels { border-collapse: collapse; }
table.levels td { padding: .6mm 4mm .6mm 0; border-bottom: 1px solid #ddd; }
"""


def weasyprint_rows(p):
    """Own HTML/CSS for WeasyPrint: a header (name left, contact right as an <address>), then every position
    as a two-cell row, dates and location left, the entry and bullets right. The rows are CSS tables
    (`display: table-cell`): WeasyPrint 57 has no CSS grid, so a grid would stack the cells."""
    d, entry = p["style"]["dates"], p["style"]["entry"]
    contact = "<br>".join(esc(x) for x in [p["phone"], p["email"], p["location"]] + p["links"])
    rows = []
    for job in p["experience"]:
        first, second = entry_lines(job, entry)
        rows.append(f'<div class="row"><div class="when">{esc(date_range(job, d))}<small>{esc(job["location"])}</small>'
                    f'</div><div><h3>{esc(first)}</h3>'
                    + (f"<div>{esc(second)}</div>" if second != job["location"] else "")
                    + "<ul>" + "".join(f"<li>{esc(b)}</li>" for b in job["bullets"]) + "</ul></div></div>")
    edu = "".join(f'<div class="row"><div class="when">{esc(edu_dates(e))}</div><div><h3>{esc(e["degree"])}</h3>'
                  f'<div>{esc(e["institution"])}, {esc(e["location"])}</div></div></div>' for e in p["education"])
    style = p["style"]["skills"]
    if style == "table-levels":
        skills = '<table class="levels">' + "".join(f"<tr><td>{esc(n)}</td><td>{esc(lv)}</td></tr>"
                                                    for n, lv in skills_rows(p)) + "</table>"
    elif style == "prose":
        skills = f"<p>{esc(R.skills_sentence(p))}</p>"
    else:
        skills = "".join(f'<div class="row"><div class="when">{esc(label)}</div><div>{esc(text)}</div></div>'
                         for label, text in skills_rows(p))
    extra = ""
    if p["certifications"]:
        extra += "<h2>Certifications</h2><ul>" + "".join(f"<li>{esc(c)}</li>" for c in p["certifications"]) + "</ul>"
    if p["languages"]:
        extra += f"<h2>Languages</h2><p>{esc(', '.join(p['languages']))}</p>"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(p["name"])}</title>'
            f"<style>{ROWS_CSS}</style></head><body><header><div><h1>{esc(p['name'])}</h1>"
            f'<div class="role">{esc(p["headline"])}</div></div><address>{contact}</address></header>'
            f"<h2>Profile</h2><p>{esc(p['summary'])}</p><h2>Experience</h2>{''.join(rows)}"
            f"<h2>Education</h2>{edu}<h2>Skills</h2>{skills}{extra}</body></html>\n")


# ---------------------------------------------------------------------------------------------- Flat ODT

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="10pt"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.06cm"/>
  </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Subtitle" style:family="paragraph">
  <style:text-properties fo:font-size="12pt" fo:font-style="italic"/></style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
 style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.12cm" fo:border-bottom="0.5pt solid #555555"
 fo:padding-bottom="0.05cm"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:text-transform="uppercase"
 fo:letter-spacing="0.05cm"/></style:style>
 <style:style style:name="Entry" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Small" style:family="paragraph">
  <style:text-properties fo:font-size="9pt" fo:color="#444444"/></style:style>
 <style:style style:name="Bullet" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.45cm" fo:text-indent="-0.3cm"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="T" style:family="table"><style:table-properties style:width="17cm" table:align="left"/>
  </style:style>
 <style:style style:name="T.A" style:family="table-column">
  <style:table-column-properties style:column-width="3.6cm"/></style:style>
 <style:style style:name="T.B" style:family="table-column">
  <style:table-column-properties style:column-width="13.4cm"/></style:style>
 <style:style style:name="H.A" style:family="table-column"><style:table-column-properties style:column-width="10cm"/>
  </style:style>
 <style:style style:name="H.B" style:family="table-column"><style:table-column-properties style:column-width="7cm"/>
  </style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.08cm" fo:border="none"/></style:style>
 <style:style style:name="Right" style:family="paragraph" style:parent-style-name="Small">
  <style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>
<office:body><office:text>
"""


def fodt(p):
    """A Writer document written as Flat ODT: the header a two-cell table (name left, contact right), every
    section a Heading 1, positions and degrees as rows of a borderless two-column table (dates left)."""
    d, entry = p["style"]["dates"], p["style"]["entry"]

    def para(text, style="Standard"):
        return f'<text:p text:style-name="{style}">{xml_escape(text)}</text:p>'

    def cell(content):
        return f'<table:table-cell table:style-name="Cell" office:value-type="string">{content}</table:table-cell>'

    def table(name, rows, cols=("T.A", "T.B")):
        return (f'<table:table table:name="{name}" table:style-name="T">'
                + "".join(f'<table:table-column table:style-name="{c}"/>' for c in cols)
                + "".join("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>" for row in rows)
                + "</table:table>")

    body = [table("Header", [[para(p["name"], "Title") + para(p["headline"], "Subtitle"),
                              "".join(para(x, "Right") for x in [p["location"], p["phone"], p["email"]] + p["links"])]],
                  cols=("H.A", "H.B")),
            f'<text:h text:style-name="Heading_20_1" text:outline-level="1">Profile</text:h>', para(p["summary"]),
            '<text:h text:style-name="Heading_20_1" text:outline-level="1">Work Experience</text:h>']
    rows = []
    for job in p["experience"]:
        first, second = entry_lines(job, entry)
        rows.append([para(date_range(job, d), "Small"),
                     para(first, "Entry") + para(second, "Small")
                     + "".join(para("• " + b, "Bullet") for b in job["bullets"])])
    body.append(table("Experience", rows))
    edu_heading = '<text:h text:style-name="Heading_20_1" text:outline-level="1">Education</text:h>'
    if p["pages"] == 2:
        body.append(para("", "Break"))
    body.append(edu_heading)
    body.append(table("Education", [[para(edu_dates(e), "Small"),
                                     para(e["degree"], "Entry") + para(f"{e['institution']}, {e['location']}")]
                                    for e in p["education"]]))
    body.append('<text:h text:style-name="Heading_20_1" text:outline-level="1">Skills</text:h>')
    style = p["style"]["skills"]
    if style == "table-levels":
        body.append(table("Skills", [[para(lv, "Small"), para(n)] for n, lv in skills_rows(p)]))
    elif style == "prose":
        body.append(para(R.skills_sentence(p)))
    else:
        body.append(table("Skills", [[para(label, "Small"), para(text)] for label, text in skills_rows(p)]))
    if p["certifications"]:
        body.append('<text:h text:style-name="Heading_20_1" text:outline-level="1">Certifications</text:h>')
        body += [para("• " + c, "Bullet") for c in p["certifications"]]
    if p["languages"]:
        body.append('<text:h text:style-name="Heading_20_1" text:outline-level="1">Languages</text:h>')
        body.append(para(", ".join(p["languages"])))
    return FODT_HEAD + "\n".join(body) + "\n</office:text></office:body></office:document>\n"


# ---------------------------------------------------------------------------------------------- DOCX

def docx_textbox(p, path):
    """python-docx: name and headline at the top of the body; phone, e-mail, location, links, skills and
    languages in a floating VML text box in the wide right margin (as Word's "sidebar" templates do); the
    body holds profile, experience and education, dates on their own line."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Cm, Pt

    d, entry = p["style"]["dates"], p["style"]["entry"]
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(1.8), Cm(7.6)
    section.top_margin = section.bottom_margin = Cm(1.6)
    name = document.add_paragraph()
    run = name.add_run(p["name"])
    run.bold, run.font.size = True, Pt(22)
    box = [("Contact", True)] + [(x, False) for x in [p["phone"], p["email"], p["location"]] + p["links"]]
    box.append(("Skills", True))
    style = p["style"]["skills"]
    if style == "table-levels":
        box += [(f"{n} – {lv}", False) for n, lv in skills_rows(p)]
    elif style == "prose":
        box.append((R.skills_sentence(p), False))
    else:
        for label, text in skills_rows(p):
            box.append((f"{label}: {text}" if label else text, False))
    if p["languages"]:
        box += [("Languages", True)] + [(x, False) for x in p["languages"]]
    if p["certifications"]:
        box += [("Certificates", True)] + [(x, False) for x in p["certifications"]]

    def box_paragraph(text, bold):
        props = "<w:rPr><w:b/><w:color w:val=\"2E5C8A\"/><w:sz w:val=\"20\"/></w:rPr>" if bold else \
            "<w:rPr><w:sz w:val=\"16\"/></w:rPr>"
        space = '<w:pPr><w:spacing w:before="160" w:after="40"/></w:pPr>' if bold else \
            '<w:pPr><w:spacing w:after="40"/></w:pPr>'
        return f"<w:p>{space}<w:r>{props}<w:t xml:space=\"preserve\">{xml_escape(text)}</w:t></w:r></w:p>"

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
    shape = (f'<w:r {ns}><w:pict><v:shape id="Sidebar" o:spid="_x0000_s1026" type="#_x0000_t202" '
             'style="position:absolute;margin-left:14.0cm;margin-top:1.6cm;width:5.8cm;height:25.5cm;z-index:251659264;'
             'mso-position-horizontal-relative:page;mso-position-vertical-relative:page" '
             'fillcolor="#EEF3F8" stroked="f">'
             '<v:textbox inset="0.25cm,0.25cm,0.25cm,0.25cm"><w:txbxContent>'
             + "".join(box_paragraph(t, b) for t, b in box) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    name._p.append(parse_xml(shape))
    headline = document.add_paragraph()
    run = headline.add_run(p["headline"])
    run.font.size, run.italic = Pt(13), True

    def heading(text):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(12)
        run = paragraph.add_run(text.upper())
        run.bold, run.font.size = True, Pt(11.5)

    heading("Profile")
    document.add_paragraph(p["summary"])
    heading("Experience")
    for job in p["experience"]:
        first, second = entry_lines(job, entry)
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(first).bold = True
        meta = document.add_paragraph()
        meta.paragraph_format.space_after = Pt(2)
        meta.add_run(f"{date_range(job, d)}  ·  {second}").italic = True
        for bullet in job["bullets"]:
            document.add_paragraph(bullet, style="List Bullet")
    if p["pages"] == 2:
        document.add_page_break()
    heading("Education")
    for e in p["education"]:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(e["degree"]).bold = True
        document.add_paragraph(f"{e['institution']}, {e['location']} ({edu_dates(e)})")
    document.save(path)


# ---------------------------------------------------------------------------------------------- text

WIDTH = 76


def ascii_text(p):
    """Plain text with ASCII-art rules: a boxed header, "+--- SECTION ---+" rules, dotted contact labels,
    dates right-aligned on the entry line, skills levels as an ASCII table."""
    d, entry = p["style"]["dates"], p["style"]["entry"]

    def rule(title):
        return ["", "+-- " + title.upper() + " " + "-" * (WIDTH - len(title) - 6) + "+", ""]

    def wrap(text, indent="  ", bullet=""):
        return textwrap.wrap(text, WIDTH, initial_indent=indent + bullet,
                             subsequent_indent=indent + " " * len(bullet), break_on_hyphens=False,
                             break_long_words=False)

    def right(left, rightside):
        gap = max(2, WIDTH - len(left) - len(rightside))
        return left + " " * gap + rightside

    out = ["#" * WIDTH, "#" + " " * (WIDTH - 2) + "#",
           "#  " + p["name"].ljust(WIDTH - 4) + "#",
           "#  " + p["headline"].ljust(WIDTH - 4) + "#", "#" + " " * (WIDTH - 2) + "#", "#" * WIDTH, ""]
    labels = [("Phone", p["phone"]), ("E-mail", p["email"]), ("Location", p["location"])]
    labels += [("Web", link) for link in p["links"]]
    out += [f"  {label} ".ljust(14, ".") + f" {value}" for label, value in labels]
    out += rule("Profile") + wrap(p["summary"])
    out += rule("Experience")
    for job in p["experience"]:
        first, second = entry_lines(job, entry)
        out += [right("  " + first, date_range(job, d)), "  " + second]
        for b in job["bullets"]:
            out += wrap(b, "    ", "* ")
        out.append("")
    out += rule("Education")[1:]
    for e in p["education"]:
        out += [right("  " + e["degree"], edu_dates(e)), f"  {e['institution']}, {e['location']}", ""]
    out += rule("Skills")[1:]  # the education loop ended with a blank line
    style = p["style"]["skills"]
    if style == "table-levels":
        rows = skills_rows(p)
        w1 = max(len(n) for n, _ in rows) + 2
        w2 = max(len(lv) for _, lv in rows) + 2
        line = "  +" + "-" * w1 + "+" + "-" * w2 + "+"
        out += [line, "  | " + "Skill".ljust(w1 - 1) + "| " + "Level".ljust(w2 - 1) + "|", line]
        out += ["  | " + n.ljust(w1 - 1) + "| " + lv.ljust(w2 - 1) + "|" for n, lv in rows] + [line]
    elif style == "prose":
        out += wrap(R.skills_sentence(p))
    else:
        for label, text in skills_rows(p):
            out += wrap(text, "  ", f"{label}: " if label else "")
    if p["certifications"]:
        out += rule("Certifications")
        for c in p["certifications"]:
            out += wrap(c, "  ", "- ")
    if p["languages"]:
        out += rule("Languages") + wrap(", ".join(p["languages"]))
    out += ["", "=" * WIDTH, ""]
    return "\n".join(out)


def markdown_tables(p):
    """Markdown in a third hand: setext headings, contact as a definition-like list, experience and education
    as pipe tables (period, role, organisation, place, highlights), skills as a table or list."""
    d = p["style"]["dates"]

    def cell(text):
        return text.replace("|", "\\|")

    out = [p["name"], "=" * len(p["name"]), "", f"*{p['headline']}*", "",
           f"- **Phone:** {p['phone']}", f"- **Email:** {p['email']}", f"- **Location:** {p['location']}"]
    out += [f"- **Web:** {link}" for link in p["links"]]
    out += ["", "Profile", "-------", "", p["summary"], "", "Experience", "----------", "",
            "| Period | Role | Organisation | Place | Highlights |", "|---|---|---|---|---|"]
    for job in p["experience"]:
        out.append(f"| {cell(date_range(job, d))} | {cell(job['title'])} | {cell(job['company'])} | "
                   f"{cell(job['location'])} | {cell(' '.join(job['bullets']))} |")
    out += ["", "Education", "---------", "", "| Years | Degree | Institution |", "|---|---|---|"]
    out += [f"| {edu_dates(e)} | {cell(e['degree'])} | {cell(e['institution'])}, {cell(e['location'])} |"
            for e in p["education"]]
    out += ["", "Skills", "------", ""]
    style = p["style"]["skills"]
    if style == "table-levels":
        out += ["| Skill | Level |", "|---|---|"] + [f"| {cell(n)} | {cell(lv)} |" for n, lv in skills_rows(p)]
    elif style == "prose":
        out.append(R.skills_sentence(p))
    else:
        out += [f"- **{label}:** {text}" if label else f"- {text}" for label, text in skills_rows(p)]
    if p["certifications"]:
        out += ["", "Certifications", "--------------", ""] + [f"- {c}" for c in p["certifications"]]
    if p["languages"]:
        out += ["", "Languages", "---------", "", ", ".join(p["languages"])]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------- running

def render(p, family, fmt, index, build, target):
    if family == "europasscv":
        pdf = R.latex(europasscv(p), build, "cv")
    elif family == "paracol-sidebar":
        pdf = R.latex(paracol_sidebar(p), build, "cv")
    elif family == "article-tabularx":
        pdf = R.latex(article_tabularx(p), build, "cv")
    elif family == "mcdowell-cv":
        pdf = R.latex(mcdowell_cv(p), build, "cv", engine="lualatex",
                      inputs=[R.TEMPLATES / "mcdowell-cv" / "mcdowellcv.cls"])
    elif family == "weasyprint-rows":
        page = build / "resume.html"
        page.write_text(weasyprint_rows(p), encoding="utf-8")
        if fmt == "html":
            shutil.copy(page, target)
            return
        pdf = build / "resume.pdf"
        R.run(["weasyprint", str(page), str(pdf)])
    elif family == "writer-fodt":
        (build / "resume.fodt").write_text(fodt(p), encoding="utf-8")
        if fmt == "docx":
            R.soffice(["--convert-to", "docx:MS Word 2007 XML", "resume.fodt"], cwd=build)
            shutil.copy(build / "resume.docx", target)
            return
        R.soffice(["--convert-to", "pdf", "resume.fodt"], cwd=build)
        pdf = build / "resume.pdf"
    elif family == "docx-textbox":
        docx_path = build / "resume.docx"
        docx_textbox(p, docx_path)
        if fmt == "docx":
            shutil.copy(docx_path, target)
            return
        R.soffice(["--convert-to", "pdf", "resume.docx"], cwd=build)
        pdf = build / "resume.pdf"
    elif family == "ascii-text":
        target.write_text(ascii_text(p), encoding="utf-8")
        return
    elif family == "markdown-tables":
        source = build / "resume.md"
        source.write_text(markdown_tables(p), encoding="utf-8")
        if fmt == "md":
            shutil.copy(source, target)
            return
        R.run(["pandoc", "-f", "markdown", str(source), "-o", str(target)])
        return
    elif family.startswith("moderncv-"):
        # render.py's moderncv; skill names go in its wide item column, not the narrow label column that
        # breaks them ("Gas chro- matography" with the level beside it), and are never hyphenated
        person = for_render_py(p)
        if person["style"]["skills"] == "table-levels":
            person = dict(person, style=dict(person["style"], skills="groups"))
        source = R.moderncv(person, family.split("-")[1])
        words = sorted({w for n in skill_names(p) for w in re.findall(r"[A-Za-z]{4,}", n)})
        source = source.replace("\\begin{document}", "\\hyphenation{%s}\n\\begin{document}" % " ".join(words), 1)
        pdf = R.latex(source, build, "cv")
    else:  # a Fixtures/real family, rendered by render.py itself
        R.render(for_render_py(p), family, fmt, index, build, target)
        return
    shutil.copy(pdf, target)


def written_dates(p, family):
    """The date style a family prints for `p` (render.py's families get for_render_py's style)."""
    return (for_render_py(p) if family not in NEW_FAMILIES else p)["style"]["dates"]


def stem_for(p, family, fmt):
    return f"{p['id']}-{family}" + ("" if len(R.FAMILIES[family]) == 1 else f"-{fmt}")


def load():
    data = json.loads((HERE / "holdout2-people.json").read_text(encoding="utf-8"))
    R.AS_OF[0] = data["asOf"]
    return data["asOf"], data["people"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--truth", action="store_true", help="write only truth/ and manifest.json")
    parser.add_argument("--only", help="only this person id (e.g. q03)")
    args = parser.parse_args()
    as_of, people = load()
    index = R.taxonomy_index()
    (OUT / "resumes").mkdir(parents=True, exist_ok=True)
    (OUT / "truth").mkdir(parents=True, exist_ok=True)
    manifest = []
    failed = 0
    for p in people:
        for family, fmt in PLAN[p["id"]]:
            stem = stem_for(p, family, fmt)
            source = f"{stem}.{fmt}"
            truth = R.truth_for(p, as_of, index, source, fmt, family)
            manifest.append({"person": p["id"], "name": p["name"], "field": p["field"], "family": family,
                             "format": fmt, "layout": truth["layout"], "renderer": truth["renderer"],
                             "new family": family in NEW_FAMILIES, "file": f"resumes/{source}",
                             "truth": f"truth/{stem}.json"})
            (OUT / "truth" / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n",
                                                        encoding="utf-8")
            if args.truth or (args.only and p["id"] != args.only):
                continue
            with tempfile.TemporaryDirectory() as folder:
                try:
                    render(p, family, fmt, index, Path(folder), OUT / "resumes" / source)
                except Exception as error:  # report and go on
                    print(f"FAILED {source}: {error}", file=sys.stderr)
                    failed += 1
                    continue
            print(f"wrote {source}")
    (OUT / "manifest.json").write_text(json.dumps({"asOf": as_of, "resumes": manifest}, ensure_ascii=False,
                                                  indent=2) + "\n", encoding="utf-8")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

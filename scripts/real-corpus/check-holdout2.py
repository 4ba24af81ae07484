#!/usr/bin/python3
"""Checks that every truth value of Fixtures/real-holdout2 can be read from its resume's text.

    /usr/bin/python3 scripts/real-corpus/check-holdout2.py            # summary and every miss
    /usr/bin/python3 scripts/real-corpus/check-holdout2.py --verbose  # also every value found

Text per format: PDFs through `pdftotext -layout` (poppler-utils), and, for a value the layout text lacks,
through plain `pdftotext` (reading order) as a second look; DOCX from word/document.xml (text boxes
included); HTML with its tags removed; Markdown and text as they are. Whitespace is collapsed and case
ignored. Checked per resume: the truth's name, e-mail, location, links, the phone (as written, and the
digits of its E.164 form without the country code and trunk prefix), every title and company, the years
of every start and end plus the person's date text where the family prints it, every school with its
degree as written and graduation year, every skill by any taxonomy form, every certification and
language, and that the truth file agrees with holdout2-people.json. A value missing from the text is
looked for again after undoing known renderer artefacts (typographic apostrophes, ligatures, combining
accents, non-breaking hyphens); such values are listed as artefacts, the rest as misses. Exit status 1
if there is a miss.
"""
import argparse
import html
import importlib.util
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = importlib.util.spec_from_file_location("render_holdout2", HERE / "render-holdout2.py")
H = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(H)
R = H.R

ARTEFACTS = {"\u2019": "'", "\u2018": "'", "\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\u2011": "-",
             "\u00ad": ""}


def collapse(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def undo_artefacts(text):
    text = unicodedata.normalize("NFC", text)
    return "".join(ARTEFACTS.get(ch, ch) for ch in text)


def texts(path):
    """(main text, second-look text) of a resume."""
    if path.suffix == ".pdf":
        layout = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                check=True).stdout
        plain = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        return collapse(layout), collapse(plain)
    if path.suffix == ".docx":
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        xml = re.sub(r"</w:p>|<w:tab/>|<w:br/>", "\n", xml)
        body = collapse(html.unescape(re.sub(r"<[^>]+>", "", xml)))
        return body, body
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return collapse(raw), collapse(raw)


def national_digits(e164, country):
    """The digits a reader needs to find in the text: the number without its country code."""
    codes = {"IE": "353", "CA": "1", "US": "1", "ES": "34", "NL": "31", "DK": "45", "KE": "254", "FR": "33",
             "IN": "91", "AU": "61", "GB": "44", "KR": "82"}
    return e164[1 + len(codes[country]):]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    as_of, people = H.load()
    by_id = {p["id"]: p for p in people}
    out = H.OUT
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["resumes"]
    skills = json.loads(R.TAXONOMY.read_text(encoding="utf-8"))["skills"]
    forms = {s["name"]: [s["name"]] + s["aliases"] for s in skills}
    index = R.taxonomy_index()
    checked = found = 0
    misses, artefacts, second = [], [], []
    for row in manifest:
        p = by_id[row["person"]]
        truth = json.loads((out / row["truth"]).read_text(encoding="utf-8"))
        expected = R.truth_for(p, as_of, index, truth["source"], truth["format"], truth["family"])
        if truth != expected:
            misses.append(f"{row['file']}: truth file differs from holdout2-people.json (re-run --truth)")
        main_text, plain_text = texts(out / row["file"])
        family, d = row["family"], H.written_dates(p, row["family"])
        values = [("name", truth["contact"]["name"]), ("email", truth["contact"]["email"]),
                  ("location", truth["contact"]["location"]), ("phone as written", p["phone"])]
        values += [("link", link) for link in truth["contact"]["links"]]
        for job, written in zip(truth["experience"], p["experience"]):
            values += [("title", job["title"]), ("company", job["company"]), ("start year", job["start"][:4])]
            if job["end"]:
                values.append(("end year", job["end"][:4]))
            if family in H.NEW_FAMILIES:
                values.append(("dates", H.date_range(written, d)))
        for e, written in zip(truth["education"], p["education"]):
            values += [("school", e["institution"]), ("degree", written["degree"])]
            if e["year"]:
                values.append(("graduation year", str(e["year"])))
        values += [("certification", c) for c in truth["certifications"]]
        values += [("language", x) for x in truth["languages"]]
        digits = re.sub(r"\D", "", main_text)
        checked += 1
        if national_digits(truth["contact"]["phone"], p["country"]).lstrip("0") in digits:
            found += 1
        else:
            misses.append(f"{row['file']}: phone digits of {truth['contact']['phone']}")
        for skill in truth["skills"]:
            checked += 1
            if any(collapse(f) in main_text for f in forms[skill]):
                found += 1
            elif any(collapse(undo_artefacts(f)) in collapse(undo_artefacts(main_text)) for f in forms[skill]):
                artefacts.append(f"{row['file']}: skill {skill!r}")
            else:
                misses.append(f"{row['file']}: skill {skill!r} (no taxonomy form in the text)")
        for kind, value in values:
            checked += 1
            needle = collapse(value)
            if needle in main_text:
                found += 1
                if args.verbose:
                    print(f"ok   {row['file']}: {kind} {value!r}")
            elif needle in plain_text:
                second.append(f"{row['file']}: {kind} {value!r}")
            elif collapse(undo_artefacts(value)) in collapse(undo_artefacts(main_text)):
                artefacts.append(f"{row['file']}: {kind} {value!r}")
            else:
                misses.append(f"{row['file']}: {kind} {value!r}")
    print(f"{len(manifest)} resumes, {checked} values: {found} found in the text, "
          f"{len(second)} only in reading-order text, {len(artefacts)} behind a renderer artefact, "
          f"{len(misses)} missing")
    for title, rows in (("only in pdftotext's reading-order text (not in -layout):", second),
                        ("behind a renderer artefact (found after undoing it):", artefacts),
                        ("MISSING:", misses)):
        if rows:
            print(title)
            print("\n".join(f"  {x}" for x in rows))
    sys.exit(1 if misses else 0)


if __name__ == "__main__":
    main()

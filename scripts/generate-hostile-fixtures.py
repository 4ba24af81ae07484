#!/usr/bin/env python3
"""Writes Fixtures/hostile/: small hostile inputs, each with the error the parser must give.

Every file is under 1 MB (the big ones are zip- or flate-compressed, or a few hundred KB of text). The
expected outcome of each is in expected.json: the name of a ParseError case, or null for a file that
must parse. Tests/ResumeParserTests/HostileCorpusTests.swift parses each one, checks the outcome, the
time (< 2 s) and, through the built match-tool, the peak memory.

Deterministic: the same files on every run (fixed dates in ZIPs, a seeded random generator).
Run from the repository root: python3 scripts/generate-hostile-fixtures.py
"""

import importlib.util
import json
import random
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Fixtures" / "hostile"

# The PDF and DOCX writers of the main fixture generator.
_spec = importlib.util.spec_from_file_location("fixtures", ROOT / "scripts" / "generate-fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SAMPLE = "Ada Example\nada@example.com\nExperience\nEngineer, Example Co   2019 - 2021\nSkills: Go, Python\n"
expected = {}


def put(name, data, outcome):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < 1_000_000, f"{name} is {len(data)} bytes"
    (OUT / name).write_bytes(data)
    expected[name] = outcome


def docx(name, document, outcome, extra=(), raw_document=False):
    """A DOCX whose word/document.xml is `document` (a body, or a whole part with raw_document)."""
    if not raw_document:
        document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{document}</w:body></w:document>'
    path = OUT / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for entry, data in [("word/document.xml", document), *extra]:
            info = zipfile.ZipInfo(entry, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    assert path.stat().st_size < 1_000_000, f"{name} is {path.stat().st_size} bytes"
    expected[name] = outcome


def paragraph(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def pdf(name, streams, outcome, **options):
    put(name, fixtures.pdf_document(streams, **options), outcome)


def text_page(text):
    return fixtures.text_op(72, 700, text).encode("cp1252")


def write_text():
    n = 50_000  # a 50 KB line of letters took 14 s through the old e-mail pattern
    put("line-letters.txt", "a" * n, None)
    put("line-letters-then-at.txt", "a" * n + "@", None)
    put("line-a-dash.txt", "a-" * (n // 2), None)
    put("line-a-dot.txt", "a." * (n // 2), None)
    put("line-digits.txt", "1" * n, None)
    put("line-digit-spaces.txt", "1 " * (n // 2), None)
    put("line-at-signs.txt", "@" * n, None)
    put("line-a-at-a-dot.txt", "a@a." * (n // 4), None)
    put("line-www.txt", "www." * (n // 4), None)
    put("line-linkedin.txt", "a.linkedin.co" * (n // 13), None)
    put("line-month-spaces.txt", "jan" + " " * n + "1", None)
    put("line-year-spaces.txt", "2020 -" + " " * n + "x", None)
    put("line-years-spaces.md", "# Requirements\n1" + " " * n + "years\n", None)
    put("line-phone-like.txt", "(12) " * (n // 5), None)
    put("line-dates.txt", "2019-2020 " * (n // 10), None)
    put("line-degrees.txt", "B.S. M.S. Ph.D " * (n // 15), None)
    put("line-tabs.txt", "a\t" * (n // 2), None)
    put("line-pipes.txt", "|" * n, None)
    put("line-bullets.txt", "•" * (n // 3), None)
    put("line-non-ascii.txt", "é" * (n // 2), None)
    put("heading-hashes.md", "#" * 500_000 + " Experience\n", None)
    put("heading-decorated.md", "*_=-" * 25_000 + "Skills\n", None)
    put("many-lines.txt", "a\n" * 150_000, None)
    put("many-headings.md", "## Experience\n" * 20_000, None)
    put("only-newlines.txt", "\n" * 200_000, "emptyDocument")
    put("whitespace-only.txt", " \t\r\n" * 1000, "emptyDocument")
    put("empty.txt", b"", "emptyDocument")
    put("utf16le-no-bom.txt", SAMPLE.encode("utf-16-le"), None)
    put("utf16be-no-bom.txt", SAMPLE.encode("utf-16-be"), None)
    put("utf16le-bom.txt", b"\xff\xfe" + SAMPLE.encode("utf-16-le"), None)
    put("utf8-bom.txt", b"\xef\xbb\xbf" + SAMPLE.encode(), None)
    put("latin1.txt", SAMPLE.replace("Ada", "Zoë").encode("latin-1"), None)
    put("utf8-damaged.txt", SAMPLE.encode() + b"\xc3" + b"\xff\xfe\xfd", None)
    put("bidi-and-zero-width.txt", "\u202eAda\u200b Example\u2066\n" + SAMPLE, None)
    put("control-characters.txt", bytes(range(1, 9)) * 2000, "unsupportedFormat")
    put("nul-bytes.txt", b"Ada\x00\x00\x00Example" * 100, "unsupportedFormat")
    rng = random.Random(12)
    put("random-binary.bin", bytes([0x00, 0xFF]) + bytes(rng.randrange(256) for _ in range(50_000)),
        "unsupportedFormat")
    put("html-deep-nesting.html", "<html><body>" + "<div>" * 30_000 + "Ada Example" + "</div>" * 30_000, None)
    put("html-script-only.html", "<html><body><script>" + "var a = 1;" * 3_000 + "</script></body></html>",
        "emptyDocument")
    put("html-unclosed-comment.html", "<html><body>Ada Example<!--" + "x" * 100_000, None)
    put("html-entities.html", "<html><body>" + "&amp;&#x41;&#99999999;&bogus;" * 5_000 + "</body></html>", None)
    put("html-long-attribute.html", '<html><body><a href="' + "x" * 100_000 + '">Ada</a></body></html>', None)
    put("markdown-link-run.md", "# Ada\n" + "[a](" * 25_000, None)
    put("job-years-run.md", "# Engineer\n## Requirements\n" + "10 years " * 6_000 + "\n", None)


def write_docx():
    docx("docx-zip-bomb.docx", paragraph("Ada") + "<!--" + " " * 60_000_000 + "-->", "partTooLarge")
    docx("docx-part-11mb-text.docx", paragraph("a" * 11_000_000), "partTooLarge")
    # Under the part limit, over the 2 MB text limit: refused as text too large.
    docx("docx-part-just-under-limit.docx", paragraph("a" * 9_000_000), "textTooLarge")
    # Six parts of 9 MB each: every part is under its limit, together they pass the 50 MB budget.
    docx("docx-total-budget.docx", paragraph("Ada"), "corrupt",
         extra=[(f"word/header{i}.xml", f"<w:hdr {W}><!--{' ' * 9_000_000}--></w:hdr>") for i in range(1, 7)])
    docx("docx-header-bomb.docx", paragraph("Ada"), "partTooLarge",
         extra=[("word/header1.xml", f"<w:hdr {W}><!--{' ' * 20_000_000}--></w:hdr>")])
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    docx("docx-billion-laughs.docx",
         f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "ha">{laughs}]><w:document {W}><w:body>'
         f'<w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>', "corrupt", raw_document=True)
    docx("docx-xxe.docx",
         f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document {W}><w:body>'
         f'<w:p><w:r><w:t>Ada &x; Example</w:t></w:r></w:p></w:body></w:document>', None, raw_document=True)  # not resolved
    docx("docx-path-traversal.docx", paragraph("Ada Example"), None,
         extra=[("../../../../tmp/match-engine-evil.txt", "evil"), ("/etc/evil.xml", "evil")])
    docx("docx-deep-nesting.docx", "<w:x>" * 100_000 + paragraph("Ada") + "</w:x>" * 100_000, None)
    docx("docx-200k-paragraphs.docx", paragraph("Zoë") + "<w:p/>" * 200_000, None)
    docx("docx-many-entries.docx", paragraph("Ada"), "corrupt",
         extra=[(f"word/media/image{i}.png", "") for i in range(1_001)])
    docx("docx-many-headers.docx", paragraph("Ada"), None,
         extra=[(f"word/header{i}.xml", f"<w:hdr {W}>{paragraph('h')}</w:hdr>") for i in range(1, 500)])
    docx("docx-malformed-xml.docx", "<w:p><w:r><w:t>Ada</w:r>", None)  # the XML reader recovers
    docx("docx-empty-body.docx", "", "emptyDocument")
    docx("docx-deep-tables.docx", "<w:tbl><w:tr><w:tc>" * 300 + paragraph("Ada") + "</w:tc></w:tr></w:tbl>" * 300,
         None)
    docx("docx-control-characters.docx", paragraph("Ada &#x1B;[31m Example"), "corrupt")
    with zipfile.ZipFile(OUT / "docx-no-document.docx", "w") as z:
        z.writestr(zipfile.ZipInfo("xl/workbook.xml", date_time=(2026, 1, 1, 0, 0, 0)), "<a/>")
    expected["docx-no-document.docx"] = "unsupportedFormat"
    whole = (OUT / "docx-200k-paragraphs.docx").read_bytes()
    put("docx-truncated.docx", whole[: len(whole) // 2], "corrupt")
    damaged = bytearray((OUT / "docx-many-headers.docx").read_bytes())
    start = damaged.find(b"word/document.xml") + len(b"word/document.xml") + 4
    damaged[start] ^= 0xFF  # inside the deflated body: a CRC or inflate error
    put("docx-damaged-entry.docx", bytes(damaged), "corrupt")
    put("docx-zip-header-only.docx", b"PK\x03\x04" + b"\x00" * 26, "corrupt")


def write_pdf():
    page = text_page("Ada Example")
    full = fixtures.pdf_document([page])
    put("pdf-truncated.pdf", full[: len(full) // 2], "corrupt")
    put("pdf-header-only.pdf", b"%PDF-1.7\n", "corrupt")
    put("pdf-garbage-body.pdf", b"%PDF-1.4\n" + bytes(random.Random(3).randrange(256) for _ in range(20_000)),
        "corrupt")
    pdf("pdf-too-many-pages.pdf", [page] * 60, "tooManyPages")
    pdf("pdf-at-page-limit.pdf", [page] * 50, None)
    pdf("pdf-no-pages.pdf", [], "emptyDocument")
    pdf("pdf-blank-page.pdf", [b""], "noTextLayer")
    pdf("pdf-encrypted.pdf", [page], "encryptedPDF",
        extra_objects={5: b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32
                       + b"> /P -3904 >>"},
        trailer_extra="/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]")
    # The page tree names itself as a kid: a reader that follows it blindly never ends.
    looped = full.replace(b"/Kids [10 0 R]", b"/Kids [2 0 R]")
    put("pdf-page-tree-loop.pdf", looped, "corrupt")
    put("pdf-page-count-lie.pdf", full.replace(b"/Count 1", b"/Count 99999999"), "emptyDocument")
    # A content stream that inflates to 40 MB of spaces (a flate bomb inside the PDF).
    bomb = zlib.compress(b" " * 40_000_000, 9)
    objects = {20: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream"}
    flate = fixtures.pdf_document([page], extra_objects=objects)
    put("pdf-flate-bomb.pdf", flate.replace(b"/Contents 11 0 R", b"/Contents [11 0 R 20 0 R]"), None)
    put("pdf-deep-arrays.pdf", fixtures.pdf_document([page], extra_objects={30: b"[" * 100_000 + b"]" * 100_000}),
        None)
    put("pdf-junk-before-header.pdf", b"junk" * 100 + full, None)
    put("pdf-header-too-late.pdf", bytes(random.Random(4).randrange(1, 256) for _ in range(2_000)) + full,
        None)  # not sniffed as a PDF: read as Windows-1252 text
    put("pdf-xref-garbage.pdf", full.replace(b"xref\n", b"xref\n999999999 999999999\n"), None)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    write_text()
    write_docx()
    write_pdf()
    (OUT / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n")
    print(f"{len(expected)} hostile files in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

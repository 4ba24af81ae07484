#!/usr/bin/env python3
"""Per-family and per-format scores of `match-tool parse` against a corpus with truth (Fixtures/real): the
rules of `match-tool eval-parse` (names, titles, companies compared after NFC and ignoring case), plus skill
precision/recall and schools. Dev only.

Run: python3 scripts/eval-by-family.py .build/debug/match-tool Fixtures/real
"""
import json, subprocess, sys, os, collections, unicodedata
tool, root = sys.argv[1], sys.argv[2]
N = lambda s: unicodedata.normalize("NFC", s).lower()
files = sorted(os.listdir(f"{root}/resumes"))
paths = [f"{root}/resumes/{f}" for f in files if os.path.exists(f"{root}/truth/{os.path.splitext(f)[0]}.json")]
out = subprocess.run([tool, "parse", "--format", "json", "--as-of", "2026-11"] + paths, capture_output=True, text=True).stdout
parsed = {json.loads(l)["source"]: json.loads(l) for l in out.splitlines() if l.strip()}
groups = collections.defaultdict(lambda: collections.Counter())
def add(keys, field, hit):
    for k in keys:
        groups[k][field + "_t"] += 1; groups[k][field + "_h"] += int(hit)
for path in paths:
    name = os.path.basename(path); t = json.load(open(f"{root}/truth/{os.path.splitext(name)[0]}.json"))
    p = parsed.get(path) or parsed.get(name)
    if p is None: print("missing", name); continue
    keys = ["all", "family:" + t.get("family", "?"), "format:" + t["format"]]
    c = p["contact"]
    add(keys, "name", N(c.get("name") or "") == N(t["contact"]["name"]))
    add(keys, "location", (c.get("location") or "").lower() == (t["contact"].get("location") or "").lower())
    add(keys, "phone", c.get("phone") == t["contact"]["phone"])
    found, exp = {s["name"] for s in p["skills"]}, set(t["skills"])
    for k in keys:
        groups[k]["tp"] += len(found & exp); groups[k]["fp"] += len(found - exp); groups[k]["fn"] += len(exp - found)
    comps = {N(e.get("company") or "") for e in p["experience"]}
    titles = {N(e.get("title") or "") for e in p["experience"]}
    for pos in t["experience"]:
        add(keys, "employers", N(pos["company"]) in comps); add(keys, "titles", N(pos["title"]) in titles)
    schools = {N(e.get("institution") or "") for e in p["education"]}
    for d in t["education"]:
        if d.get("institution"): add(keys, "schools", N(d["institution"]) in schools)
    order = ["highSchool", "associate", "bachelor", "master", "doctorate"]
    lv = [e["level"] for e in p["education"]]
    def top(levels):
        levels = list(levels)
        if not levels: return None
        known = [l for l in levels if l in order]
        return max(known, key=order.index) if known else "other"
    add(keys, "degree", top(lv) == top(d["level"] for d in t["education"]))
    add(keys, "years", abs(p["totalExperienceYears"] - t["totalExperienceYears"]) <= 0.5)
print(f"{'group':32} {'n':>3} " + " ".join(f"{f:>9}" for f in ["name","phone","location","skillP","skillR","skillF1","employers","titles","schools","degree","years"]))
for k in sorted(groups, key=lambda k: (k != "all", k)):
    g = groups[k]
    r = lambda f: g[f+"_h"]/g[f+"_t"] if g[f+"_t"] else 1
    P = g["tp"]/(g["tp"]+g["fp"]) if g["tp"]+g["fp"] else 1; R = g["tp"]/(g["tp"]+g["fn"]) if g["tp"]+g["fn"] else 1
    F = 2*P*R/(P+R) if P+R else 0
    print(f"{k:32} {g['name_t']:>3} " + " ".join(f"{v:9.3f}" for v in [r("name"),r("phone"),r("location"),P,R,F,r("employers"),r("titles"),r("schools"),r("degree"),r("years")]))

#!/usr/bin/env python3
"""Writes Fixtures/retrieval/questions.json: the retrieval evaluation set.

The questions are written here by hand; which passages answer each one is computed from the corpus, so
the answers are complete (every resume that lists Swahili, not the first few found). The corpus is the
fixtures as the engine reads them: ingest them, then point this script at the database.

    match-tool ingest --db /tmp/eval --provider hashing --job Fixtures/jobs Fixtures/resumes \
        $(python3 scripts/build-retrieval-eval.py --list-real)
    python3 scripts/build-retrieval-eval.py /tmp/eval/engine.sqlite

The corpus also holds one layout per person of the real-layout corpus (Fixtures/real; see real_files).

An expected passage is {source: file name, section, quotes}: a retrieved passage answers it when it
comes from that file, lies in that section and contains every quote (case and whitespace folded). Negative
questions have no expected passage; the script checks that their distinctive words occur nowhere.
"""
import json
import os
import re
import sqlite3
import sys

# (id, type, question, kind ("resume"/"job"), section or None, [quotes that must all be in the chunk])
QUESTIONS = [
    # Exact terms: the question names what the passage says.
    ("exact-01", "exact", "Who speaks Swahili?", "resume", "languages", ["swahili"]),
    ("exact-02", "exact", "Which candidates speak Portuguese?", "resume", "languages", ["portuguese"]),
    ("exact-03", "exact", "Who holds the Certified ScrumMaster certification?", "resume", "certifications", ["scrummaster"]),
    ("exact-04", "exact", "Who is an Oracle Certified Professional Java SE 17 Developer?", "resume", "certifications", ["oracle certified"]),
    ("exact-05", "exact", "Who has the Google Professional Data Engineer certification?", "resume", "certifications", ["google professional data engineer"]),
    ("exact-06", "exact", "Who studied at Thornfield University?", "resume", "education", ["thornfield university"]),
    ("exact-07", "exact", "Who studied at Carrow Polytechnic?", "resume", "education", ["carrow polytechnic"]),
    ("exact-08", "exact", "Who has a degree in Linguistics?", "resume", "education", ["linguistics"]),
    ("exact-09", "exact", "Who has a degree in Physics?", "resume", "education", ["physics"]),
    ("exact-10", "exact", "Who worked at Halcyon Biotech?", "resume", "experience", ["halcyon biotech"]),
    ("exact-11", "exact", "Who worked at Vantage Robotics?", "resume", "experience", ["vantage robotics"]),
    ("exact-12", "exact", "Who worked at Saffron Retail Group?", "resume", "experience", ["saffron retail group"]),
    ("exact-13", "exact", "Who has worked at Driftwood Games?", "resume", "experience", ["driftwood games"]),
    ("exact-14", "exact", "Which candidates are based in Melbourne, Australia?", "resume", "contact", ["melbourne"]),
    ("exact-15", "exact", "Who lives in Toronto?", "resume", "contact", ["toronto"]),
    ("exact-16", "exact", "Who lists Apache Kafka among their skills?", "resume", "skills", ["kafka"]),
    ("exact-17", "exact", "Who knows scikit-learn?", "resume", "skills", ["scikit-learn"]),
    ("exact-18", "exact", "Who uses Flask?", "resume", "skills", ["flask"]),
    ("exact-19", "exact", "Who designed data pipelines with Airflow?", "resume", "experience", ["data pipelines with", "airflow"]),
    ("exact-20", "exact", "Which job requires MLflow?", "job", None, ["mlflow"]),
    ("exact-21", "exact", "Which job asks for Spring Boot, Hibernate and MySQL?", "job", None, ["hibernate"]),
    ("exact-22", "exact", "What does the Kestrel Bank Site Reliability Engineer role require?", "job", None, ["kestrel bank"]),
    ("exact-23", "exact", "Which role lists Storybook or Cypress as bonus points?", "job", None, ["storybook"]),
    ("exact-24", "exact", "Which job wants Ansible and GitHub Actions?", "job", None, ["ansible", "github actions"]),
    ("exact-25", "exact", "Which position needs Swift and Kotlin for iOS or Android apps?", "job", None, ["kotlin", "ios"]),
    ("exact-26", "exact", "Which job requires Tableau?", "job", None, ["tableau"]),
    ("exact-27", "exact", "What does the Marigold Payments backend job say about Kafka?", "job", None, ["marigold payments"]),
    # Paraphrases: no content word shared with the passage that answers.
    ("para-01", "paraphrase", "Who can converse in the language of Brazil?", "resume", "languages", ["portuguese"]),
    ("para-02", "paraphrase", "Who speaks the language of Kenya and Tanzania?", "resume", "languages", ["swahili"]),
    ("para-03", "paraphrase", "Who talks with people in Amsterdam in their mother tongue?", "resume", "languages", ["dutch"]),
    ("para-04", "paraphrase", "Who made a slow service respond several times quicker?", "resume", "experience", ["p99 latency"]),
    ("para-05", "paraphrase", "Who lowered the company's hosting bill?", "resume", "experience", ["cloud spend"]),
    ("para-06", "paraphrase", "Who coached junior developers?", "resume", "experience", ["mentored four engineers"]),
    ("para-07", "paraphrase", "Who broke a big legacy application into smaller deployable pieces?", "resume", "experience", ["migration of a monolith"]),
    ("para-08", "paraphrase", "Who authored the team's coding conventions document?", "resume", "experience", ["style guide"]),
    ("para-09", "paraphrase", "Who carried a pager for billing systems?", "resume", "experience", ["on-call for the payments platform"]),
    ("para-10", "paraphrase", "Who holds a doctorate?", "resume", "education", ["ph.d"]),
    ("para-11", "paraphrase", "Who holds a credential for running container clusters?", "resume", "certifications", ["certified kubernetes administrator"]),
    ("para-12", "paraphrase", "Who holds a credential for designing solutions on Amazon's cloud?", "resume", "certifications", ["aws certified solutions architect"]),
    ("para-13", "paraphrase", "Who hosted a recurring meeting to discuss system design?", "resume", "experience", ["weekly architecture forum"]),
    ("para-14", "paraphrase", "Who built reporting feeds behind charts for the accounting team?", "resume", "experience", ["for finance dashboards"]),
    ("para-15", "paraphrase", "Who exposed an interface that paying clients call?", "resume", "experience", ["customer-facing api"]),
    ("para-16", "paraphrase", "Who ran backends serving an enormous daily volume of calls?", "resume", "experience", ["millions of requests per day"]),
    ("para-17", "paraphrase", "Which opening is about keeping a lender's production dependable?", "job", None, ["site reliability"]),
    ("para-18", "paraphrase", "Which vacancy is for building smartphone software at an entertainment studio?", "job", None, ["mobile developer"]),
    ("para-19", "paraphrase", "Which role leads a group of developers as their boss?", "job", None, ["engineering manager"]),
    ("para-20", "paraphrase", "Which job is about putting neural networks into production at a biology company?", "job", None, ["machine learning engineer"]),
    ("para-21", "paraphrase", "Which position builds the browser interface that a news publisher's audience sees?", "job", None, ["frontend developer"]),
    ("para-22", "paraphrase", "Which job involves moving and transforming records for a healthcare firm?", "job", None, ["data engineer"]),
    # Multi-hop: who has both (the answer is the chunk that holds both facts).
    ("multi-01", "multi-hop", "Who has both Kafka and Kubernetes?", "resume", "skills", ["kafka", "kubernetes"]),
    ("multi-02", "multi-hop", "Who knows both Rust and Python?", "resume", "skills", ["rust", "python"]),
    ("multi-03", "multi-hop", "Who has both Terraform and Ansible?", "resume", "skills", ["terraform", "ansible"]),
    ("multi-04", "multi-hop", "Which candidates know both React and TypeScript?", "resume", "skills", ["react", "typescript"]),
    ("multi-05", "multi-hop", "Who has both PyTorch and Kubernetes?", "resume", "skills", ["pytorch", "kubernetes"]),
    ("multi-06", "multi-hop", "Who has both Elasticsearch and Grafana?", "resume", "skills", ["elasticsearch", "grafana"]),
    ("multi-07", "multi-hop", "Who has worked with both Snowflake and Tableau?", "resume", "skills", ["snowflake", "tableau"]),
    ("multi-08", "multi-hop", "Who knows both Django and Redis?", "resume", "skills", ["django", "redis"]),
    ("multi-09", "multi-hop", "Who has both Spark and Scala?", "resume", "skills", ["spark", "scala"]),
    ("multi-10", "multi-hop", "Who speaks both French and German?", "resume", "languages", ["french", "german"]),
    ("multi-11", "multi-hop", "Who speaks both Japanese and Swahili?", "resume", "languages", ["japanese", "swahili"]),
    ("multi-12", "multi-hop", "Who is both a Certified Kubernetes Administrator and a Certified ScrumMaster?", "resume", "certifications", ["kubernetes administrator", "scrummaster"]),
    # Real layouts (Fixtures/real, one layout per person, see REAL_FILES), written before any run on them.
    ("real-exact-01", "exact", "Who speaks Igbo?", "resume", None, ["igbo"]),
    ("real-exact-02", "exact", "Who worked at Larkspur Payments?", "resume", None, ["larkspur payments"]),
    ("real-exact-03", "exact", "Who studied at the University of Waterloo?", "resume", None, ["waterloo"]),
    ("real-exact-04", "exact", "Who holds the SnowPro Core Certification?", "resume", None, ["snowpro"]),
    ("real-exact-05", "exact", "Who has used ClickHouse?", "resume", None, ["clickhouse"]),
    ("real-exact-06", "exact", "Who built apps with SwiftUI?", "resume", None, ["swiftui"]),
    ("real-exact-07", "exact", "Who lives in Lyon?", "resume", None, ["lyon"]),
    ("real-exact-08", "exact", "Who speaks Basque?", "resume", None, ["basque"]),
    ("real-para-01", "paraphrase", "Who knows the language spoken in Copenhagen?", "resume", None, ["danish"]),
    ("real-para-02", "paraphrase", "Who made a slow web page load much faster?", "resume", None, ["largest contentful paint"]),
    ("real-para-03", "paraphrase", "Who shrank what they ship to production by four fifths?", "resume", None, ["image size by 80%"]),
    ("real-para-04", "paraphrase", "Who has written academic publications for a computational linguistics conference?", "resume", None, ["two papers at acl"]),
    ("real-para-05", "paraphrase", "Who expanded their department almost fourfold?", "resume", None, ["from three to eleven"]),
    ("real-multi-01", "multi-hop", "Who knows both Laravel and Redis?", "resume", None, ["laravel", "redis"]),
    ("real-multi-02", "multi-hop", "Who has both Kafka and ClickHouse?", "resume", None, ["kafka", "clickhouse"]),
    ("real-multi-03", "multi-hop", "Who speaks both Hindi and Marathi?", "resume", None, ["hindi", "marathi"]),
    ("real-neg-01", "negative", "Who speaks Finnish?", None, None, ["finnish"]),
    ("real-neg-02", "negative", "Who worked at Larkspur Insurance?", None, None, ["larkspur insurance"]),
    ("real-neg-03", "negative", "Who studied at Princeton?", None, None, ["princeton"]),
    ("real-neg-04", "negative", "Who has built apps with Xamarin?", None, None, ["xamarin"]),
    # Negatives: nothing in the corpus answers them.
    ("neg-01", "negative", "Who has a commercial pilot license?", None, None, ["pilot"]),
    ("neg-02", "negative", "Which candidate speaks Icelandic?", None, None, ["icelandic"]),
    ("neg-03", "negative", "Who has experience with COBOL mainframes?", None, None, ["cobol", "mainframe"]),
    ("neg-04", "negative", "Who worked as a veterinary surgeon?", None, None, ["veterinar", "surgeon"]),
    ("neg-05", "negative", "Which job requires a forklift certification?", None, None, ["forklift"]),
    ("neg-06", "negative", "Who has a degree in marine biology?", None, None, ["marine", "biology"]),
    ("neg-07", "negative", "Who played professional football?", None, None, ["football"]),
    ("neg-08", "negative", "Which candidate knows Haskell and Erlang?", None, None, ["haskell", "erlang"]),
    ("neg-09", "negative", "Who studied at Oxford University?", None, None, ["oxford"]),
    ("neg-10", "negative", "What salary does the backend engineering role pay?", None, None, ["salary", "pay "]),
    ("neg-11", "negative", "Who has SAP ABAP development experience?", None, None, ["sap ", "abap"]),
    ("neg-12", "negative", "Who holds a nursing license?", None, None, ["nursing", "nurse"]),
    ("neg-13", "negative", "Which candidates live in Tokyo?", None, None, ["tokyo"]),
    ("neg-14", "negative", "Who has a PMP project management certification?", None, None, ["pmp", "project management"]),
    ("neg-15", "negative", "Who can perform open-heart surgery?", None, None, ["surgery", "heart"]),
]


def real_files(root="."):
    """One layout per person of Fixtures/real (the person's n-th layout, n = person number mod 3, so the
    families and formats rotate), leaving out people whose documents would answer one of the negative
    questions (the nurses, the SAP users, two "pilot" projects): the negatives stay negatives."""
    manifest = json.load(open(os.path.join(root, "Fixtures/real/manifest.json")))
    excluded = {"p07", "p13", "p14", "p22", "p23", "p30"}
    files = []
    for person in manifest["people"]:
        if person["person"] in excluded:
            continue
        layouts = person["resumes"]
        files.append("Fixtures/real/" + layouts[int(person["person"][1:]) % len(layouts)]["file"])
    return files


def fold(text):
    return re.sub(r"\s+", " ", text.lower())


def main():
    if sys.argv[1:] == ["--list-real"]:
        print(" ".join(real_files()))
        return
    database = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else "Fixtures/retrieval/questions.json"
    db = sqlite3.connect(database)
    rows = db.execute(
        """
        SELECT d.source, d.kind, c.section, c.text FROM chunk c JOIN document d ON d.id = c.documentId
        WHERE d.id IN (SELECT currentDocumentId FROM candidate UNION SELECT currentDocumentId FROM job)
        ORDER BY d.source, c.ordinal
        """
    ).fetchall()
    chunks = [(os.path.basename(source), kind, section, fold(text)) for source, kind, section, text in rows]
    corpus = " ".join(c[3] for c in chunks)
    questions = []
    for qid, qtype, question, kind, section, quotes in QUESTIONS:
        if qtype == "negative":
            present = [q for q in quotes if q in corpus]
            assert not present, f"{qid}: {present} occur in the corpus"
            questions.append({"id": qid, "type": qtype, "question": question, "relevant": []})
            continue
        relevant = []
        for source, chunk_kind, chunk_section, text in chunks:
            if chunk_kind != kind or (section and chunk_section != section):
                continue
            if all(q in text for q in quotes):
                spec = {"source": source, "section": chunk_section, "quotes": quotes}
                if spec not in relevant:
                    relevant.append(spec)
        assert relevant, f"{qid}: nothing in the corpus answers it"
        questions.append({"id": qid, "type": qtype, "question": question, "relevant": relevant})
    with open(out, "w") as f:
        json.dump(
            {
                "version": 2,
                "resumes": "Fixtures/resumes",
                "resumeFiles": real_files(),
                "jobs": "Fixtures/jobs",
                "questions": questions,
            },
            f,
            indent=1,
        )
        f.write("\n")
    counts = {}
    for q in questions:
        counts[q["type"]] = counts.get(q["type"], 0) + 1
    print(len(questions), "questions", counts)
    for q in questions:
        print(q["id"], len(q["relevant"]))


if __name__ == "__main__":
    main()

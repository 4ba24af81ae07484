#!/usr/bin/env python3
"""Crash-safety harness for `match-tool ingest` and `score` (development tool; see RELIABILITY.md).

Phase "ingest": rounds on a fresh engine directory. In each round `match-tool ingest --provider hashing`
runs over a corpus of a few hundred resumes with unique bytes (the fixtures, plus the text ones
replicated with a distinct e-mail and a distinct line) and is SIGKILLed after a random delay, one to
three times; after every kill the store is checked:

  * PRAGMA integrity_check is "ok", PRAGMA foreign_key_check is empty;
  * every resume document has its chunks, one vector per chunk and its document vector;
  * every candidate has a current document that belongs to it (no candidate without a document);
  * the stored counts of the ingest jobs add up to the documents present (each document reported stored is
    present; none is stored without being counted);
  * the index file, when there is one, is a whole file (header and section checksums) and, when it records
    the store's revision, holds exactly the candidates in the store; otherwise it is stale and the next
    open must rebuild it.

Then the ingest is run again to completion: exit 0, every file stored or "already stored", as many
documents and candidates as files (no duplicates), the index at the store's revision with every candidate,
and no "index file unreadable" on standard error.

Phase "score": the same rounds and checks with `match-tool score --job Fixtures/jobs/backend-engineer.txt`
instead of `ingest` (the job is stored and every candidate scored and recorded as the run goes). The
complete re-run must also print every candidate once in its JSON ranking, store the job once, and have
recorded for each candidate the score it printed.

Phase "save": a large engine directory (thousands of candidates, an index file of tens of MB) receives one
new resume per run, and the run is SIGKILLed at a random moment, mostly while the index file is written.
After each kill the index file must be the old one or the new one (both load: header and section checksums
hold), never a broken one, and the next open must not report it unreadable.

Every kill has its own seed (base seed * 1000 + kill number), printed with the delay and the outcome, so a
failing kill can be replayed with --replay SEED.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import time

MASK = (1 << 64) - 1
P1, P2, P3, P4, P5 = (
    11400714785074694791,
    14029467366897019727,
    1609587929392839161,
    9650029242287828579,
    2870177450012600261,
)


def _rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & MASK


def _round(acc, lane):
    acc = (acc + lane * P2) & MASK
    return (_rotl(acc, 31) * P1) & MASK


def xxh64(data, seed=0):
    """XXH64, as Sources/CKernels/Checksum.c computes it (pure Python: fine for files of a few MB)."""
    n = len(data)
    i = 0
    if n >= 32:
        v1, v2, v3, v4 = (seed + P1 + P2) & MASK, (seed + P2) & MASK, seed, (seed - P1) & MASK
        lanes = struct.unpack_from("<%dQ" % ((n // 32) * 4), data, 0)
        for j in range(0, len(lanes), 4):
            v1 = _round(v1, lanes[j])
            v2 = _round(v2, lanes[j + 1])
            v3 = _round(v3, lanes[j + 2])
            v4 = _round(v4, lanes[j + 3])
        i = (n // 32) * 32
        h = (_rotl(v1, 1) + _rotl(v2, 7) + _rotl(v3, 12) + _rotl(v4, 18)) & MASK
        for v in (v1, v2, v3, v4):
            h ^= _round(0, v)
            h = (h * P1 + P4) & MASK
    else:
        h = (seed + P5) & MASK
    h = (h + n) & MASK
    while i + 8 <= n:
        h ^= _round(0, struct.unpack_from("<Q", data, i)[0])
        h = (_rotl(h, 27) * P1 + P4) & MASK
        i += 8
    if i + 4 <= n:
        h ^= (struct.unpack_from("<I", data, i)[0] * P1) & MASK
        h = (_rotl(h, 23) * P2 + P3) & MASK
        i += 4
    while i < n:
        h ^= (data[i] * P5) & MASK
        h = (_rotl(h, 11) * P1) & MASK
        i += 1
    h ^= h >> 33
    h = (h * P2) & MASK
    h ^= h >> 29
    h = (h * P3) & MASK
    h ^= h >> 32
    return h


class Failure(Exception):
    pass


def read_index(path, verify_sections=True):
    """Reads an index file written by HNSWIndex.write(to:): (revision, set of live ids). Raises Failure
    when the file is not whole (bad magic, header checksum, a section past the end or with a wrong sum)."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 512 or data[:8] != b"MEHNSW01":
        raise Failure("index %s: not an index file (%d bytes)" % (path, len(data)))
    header = bytearray(data[:512])
    stored_sum = struct.unpack_from("<Q", header, 104)[0]
    header[104:112] = b"\0" * 8
    if xxh64(bytes(header)) != stored_sum:
        raise Failure("index %s: header checksum mismatch" % path)
    slots, live = struct.unpack_from("<QQ", data, 40)
    count = struct.unpack_from("<I", data, 96)[0]
    revision = struct.unpack_from("<Q", data, 496)[0]
    sections = {}
    for s in range(count):
        kind, _, offset, length, checksum = struct.unpack_from("<IIQQQ", data, 112 + 32 * s)
        if length and offset + length > len(data):
            raise Failure("index %s: section %d past the end" % (path, kind))
        body = data[offset : offset + length]
        if verify_sections and xxh64(body) != checksum:
            raise Failure("index %s: section %d checksum mismatch" % (path, kind))
        sections[kind] = body
    labels = struct.unpack("<%dQ" % slots, sections[2]) if slots else ()
    flags = sections[4]
    ids = {labels[i] for i in range(slots) if flags[i] & 1 == 0}
    if len(ids) != live:
        raise Failure("index %s: %d live ids, header says %d" % (path, len(ids), live))
    return revision, ids


def make_corpus(fixtures, folder, copies):
    """The fixture resumes once each, plus `copies` variants of every text/Markdown one with its own
    e-mail and a line of its own (unique bytes, a distinct candidate)."""
    os.makedirs(folder, exist_ok=True)
    count = 0
    email = re.compile(r"([A-Za-z0-9._%-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
    for name in sorted(os.listdir(fixtures)):
        source = os.path.join(fixtures, name)
        shutil.copyfile(source, os.path.join(folder, name))
        count += 1
        stem, ext = os.path.splitext(name)
        if ext not in (".txt", ".md"):
            continue
        text = open(source, encoding="utf-8").read()
        for copy in range(copies):
            variant = email.sub(lambda m: "%s+c%d@%s" % (m.group(1), copy, m.group(2)), text, count=1)
            variant += "\nReference: crash-test copy %d of %s\n" % (copy, stem)
            with open(os.path.join(folder, "%s-copy%03d%s" % (stem, copy, ext)), "w", encoding="utf-8") as f:
                f.write(variant)
            count += 1
    return count


def index_files(directory):
    folder = os.path.join(directory, "indexes")
    if not os.path.isdir(folder):
        return [], []
    names = os.listdir(folder)
    return (
        # Candidate indexes only: retrieval's chunk indexes (`*.chunks.hnsw`, built on a namespace's first
        # query) hold chunks, not candidates.
        [
            os.path.join(folder, n)
            for n in names
            if n.endswith(".hnsw") and not n.endswith(".chunks.hnsw") and not n.startswith(".")
        ],
        [os.path.join(folder, n) for n in names if n.endswith(".tmp")],
    )


def check_store(directory, namespace="default", expect_complete=None):
    """Checks the store after a kill (or a complete run). Returns a dict of figures; raises Failure."""
    path = os.path.join(directory, "engine.sqlite")
    if not os.path.exists(path):
        # Killed before the engine created its database.
        if expect_complete is not None:
            raise Failure("no database after a complete run")
        return {"documents": 0, "candidates": 0, "revision": None, "index": "none", "temporaries": 0}
    db = sqlite3.connect("file:%s?mode=rw" % path, uri=True, timeout=30)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            raise Failure("integrity_check: %r" % integrity[:5])
        fk = db.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            raise Failure("foreign_key_check: %r" % fk[:5])
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "namespace" not in tables:
            # Killed before the schema's first migration committed: an empty database, migrated on the next open.
            if expect_complete is not None:
                raise Failure("no schema after a complete run")
            return {"documents": 0, "candidates": 0, "revision": None, "index": "none", "temporaries": 0}
        ns = db.execute("SELECT id, revision FROM namespace WHERE name = ?", (namespace,)).fetchone()
        if ns is None:
            return {"documents": 0, "candidates": 0, "revision": None, "index": "none", "temporaries": 0}
        ns_id, revision = ns
        docs = db.execute(
            "SELECT COUNT(*) FROM document WHERE namespaceId = ? AND kind = 'resume'", (ns_id,)
        ).fetchone()[0]
        half = db.execute(
            """SELECT d.id, d.source,
                      (SELECT COUNT(*) FROM chunk c WHERE c.documentId = d.id) AS chunks,
                      (SELECT COUNT(*) FROM embedding e WHERE e.documentId = d.id AND e.ordinal >= 0) AS vectors,
                      (SELECT COUNT(*) FROM embedding e WHERE e.documentId = d.id AND e.ordinal = -1) AS whole
               FROM document d WHERE d.namespaceId = ? AND d.kind = 'resume'""",
            (ns_id,),
        ).fetchall()
        for doc_id, source, chunks, vectors, whole in half:
            if chunks == 0 or vectors != chunks or whole != 1:
                raise Failure(
                    "half-written document %d (%s): %d chunks, %d chunk vectors, %d document vectors"
                    % (doc_id, source, chunks, vectors, whole)
                )
        orphans = db.execute(
            """SELECT c.id, c.identity FROM candidate c
               LEFT JOIN document d ON d.id = c.currentDocumentId AND d.candidateId = c.id
               WHERE c.namespaceId = ? AND d.id IS NULL""",
            (ns_id,),
        ).fetchall()
        if orphans:
            raise Failure("candidates without a current document: %r" % orphans[:5])
        candidates = db.execute("SELECT COUNT(*) FROM candidate WHERE namespaceId = ?", (ns_id,)).fetchone()[0]
        dup_hashes = db.execute(
            """SELECT contentHash, COUNT(*) FROM document WHERE namespaceId = ? AND kind = 'resume'
               GROUP BY contentHash HAVING COUNT(*) > 1""",
            (ns_id,),
        ).fetchall()
        if dup_hashes:
            raise Failure("duplicate documents: %r" % dup_hashes[:5])
        reported = db.execute(
            "SELECT COALESCE(SUM(stored), 0) FROM ingestJob WHERE namespaceId = ?", (ns_id,)
        ).fetchone()[0]
        if reported != docs:
            raise Failure("ingest jobs report %d documents stored, the store holds %d" % (reported, docs))
        bad_jobs = db.execute(
            "SELECT id, seen, stored, duplicates, failed FROM ingestJob WHERE seen != stored + duplicates + failed"
        ).fetchall()
        if bad_jobs:
            raise Failure("ingest job counts do not add up: %r" % bad_jobs[:3])
        indexed = {
            row[0]
            for row in db.execute(
                """SELECT c.id FROM candidate c JOIN embedding e ON e.documentId = c.currentDocumentId
                   AND e.ordinal = -1 WHERE c.namespaceId = ?""",
                (ns_id,),
            )
        }
    finally:
        db.close()
    figures = {"documents": docs, "candidates": candidates, "revision": revision, "index": "none"}
    files, temporaries = index_files(directory)
    figures["temporaries"] = len(temporaries)
    for path in files:
        index_revision, ids = read_index(path)
        if index_revision == revision:
            if ids != indexed:
                raise Failure(
                    "index at the store's revision %d differs from the store: %d ids, %d candidates"
                    % (revision, len(ids), len(indexed))
                )
            figures["index"] = "current"
        elif index_revision > revision:
            raise Failure("index at revision %d, ahead of the store (%d)" % (index_revision, revision))
        else:
            figures["index"] = "stale"
    if expect_complete is not None:
        if docs != expect_complete or candidates != expect_complete:
            raise Failure("%d documents and %d candidates for %d files" % (docs, candidates, expect_complete))
        if figures["index"] != "current":
            raise Failure("index %s after a complete run" % figures["index"])
    return figures


def command_line(binary, directory, files, namespace="default", job=None):
    """`match-tool ingest` over files, or `match-tool score --job job` when a job is given."""
    common = ["--db", directory, "--namespace", namespace, "--provider", "hashing"]
    if job is None:
        return [binary, "ingest"] + common + files
    return [binary, "score", "--job", job, "--format", "json", "--progress", "none"] + common + files


def run_ingest(binary, directory, files, kill_after=None, namespace="default", job=None):
    """Runs match-tool ingest (or score, when a job is given); SIGKILLs it after kill_after seconds when it
    is still running. Returns (killed, returncode, stdout, stderr, seconds)."""
    started = time.monotonic()
    process = subprocess.Popen(
        command_line(binary, directory, files, namespace, job),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    killed = False
    if kill_after is not None:
        try:
            process.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            killed = True
    out, err = process.communicate()
    return killed, process.returncode, out.decode(errors="replace"), err.decode(errors="replace"), (
        time.monotonic() - started
    )


def check_scores(directory, out, count, namespace="default"):
    """After a complete `score` run: every file ranked once in the JSON, one job stored once, and each
    candidate's latest recorded result for it matches the printed score."""
    try:
        ranked = json.loads(out)["candidates"]
    except (ValueError, KeyError) as error:
        raise Failure("score printed no JSON ranking: %s" % error)
    ids = [row["candidate"]["id"] for row in ranked]
    if len(ids) != count or len(set(ids)) != count:
        raise Failure("score ranked %d rows (%d distinct) for %d files" % (len(ids), len(set(ids)), count))
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(directory, "engine.sqlite"), uri=True, timeout=30)
    try:
        ns_id = db.execute("SELECT id FROM namespace WHERE name = ?", (namespace,)).fetchone()[0]
        jobs = db.execute("SELECT id FROM job WHERE namespaceId = ?", (ns_id,)).fetchall()
        job_documents = db.execute(
            "SELECT COUNT(*) FROM document WHERE namespaceId = ? AND kind = 'job'", (ns_id,)
        ).fetchone()[0]
        if len(jobs) != 1 or job_documents != 1:
            raise Failure("%d jobs and %d job documents for one job file" % (len(jobs), job_documents))
        latest = dict(
            db.execute(
                """SELECT c.identity, m.score FROM matchResult m JOIN candidate c ON c.id = m.candidateId
                   WHERE m.jobId = ? AND m.id = (SELECT MAX(id) FROM matchResult
                                                 WHERE jobId = m.jobId AND candidateId = m.candidateId)""",
                (jobs[0][0],),
            ).fetchall()
        )
    finally:
        db.close()
    for row in ranked:
        recorded = latest.get(row["candidate"]["id"])
        if recorded is None or abs(recorded - row["result"]["score"]) > 1e-6:
            raise Failure(
                "candidate %s printed %r, recorded %r" % (row["candidate"]["id"], row["result"]["score"], recorded)
            )
    return {"ranked": len(ids)}


def run_ingest_kill_in_save(binary, directory, files, extra_delay, namespace="default"):
    """Runs match-tool ingest and SIGKILLs it `extra_delay` seconds after a temporary index file appears in
    indexes/ (the index is being written). Returns (killed, saw_temporary)."""
    folder = os.path.join(directory, "indexes")
    before = set(os.listdir(folder)) if os.path.isdir(folder) else set()
    process = subprocess.Popen(
        [binary, "ingest", "--db", directory, "--namespace", namespace, "--provider", "hashing"] + files,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen = False
    while process.poll() is None:
        names = set(os.listdir(folder)) if os.path.isdir(folder) else set()
        if any(n.endswith(".tmp") for n in names - before):
            seen = True
            time.sleep(extra_delay)
            break
        time.sleep(0.0005)
    killed = False
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
        killed = True
    process.wait()
    return killed, seen


def complete_run(binary, directory, files, stale_before, job=None):
    killed, code, out, err, seconds = run_ingest(binary, directory, files, job=job)
    if code != 0:
        raise Failure("re-run exited %d: %s" % (code, err[-500:]))
    if "unreadable" in err:
        raise Failure("re-run found the index file unreadable: %s" % err[-500:])
    if stale_before and "rebuilding the candidate index" not in err:
        raise Failure("index was stale but the re-run did not rebuild it")
    if job is not None:
        return check_scores(directory, out, len(files)), seconds
    rows = [line for line in out.splitlines() if " resume " in line]
    statuses = {}
    for line in rows:
        for status in ("new version", "already stored", "stored", "error"):
            if line.rstrip().endswith(status):
                statuses[status] = statuses.get(status, 0) + 1
                break
    if statuses.get("error") or statuses.get("new version"):
        raise Failure("re-run rows: %r" % statuses)
    if sum(statuses.values()) != len(files):
        raise Failure("re-run printed %d rows for %d files" % (sum(statuses.values()), len(files)))
    return statuses, seconds


def ingest_phase(args, binary, work, corpus_files, job=None):
    """SIGKILLs `ingest` (or `score --job job`) at random moments; see the module's description."""
    name = "ingest" if job is None else "score"
    kill_target = args.kills if job is None else args.score_kills
    log = []
    # Calibrate: one uninterrupted run gives the window to kill in.
    calibrate = os.path.join(work, "calibrate")
    shutil.rmtree(calibrate, ignore_errors=True)
    _, code, _, err, full = run_ingest(binary, calibrate, corpus_files, job=job)
    if code != 0:
        raise SystemExit("calibration run failed (%d): %s" % (code, err[-500:]))
    check_store(calibrate, expect_complete=len(corpus_files))
    print("calibration: %d files ingested in %.2f s" % (len(corpus_files), full), flush=True)
    kills = 0
    failures = 0
    number = 0
    round_number = 0
    stats = {"killed": 0, "finished": 0, "stale": 0, "current": 0, "none": 0, "temporaries": 0}
    while kills < kill_target:
        round_number += 1
        directory = os.path.join(work, "round")
        shutil.rmtree(directory, ignore_errors=True)
        round_rng = random.Random(args.seed * 7919 + round_number)
        for _ in range(round_rng.randint(1, 3)):
            number += 1
            seed = args.seed * 1000 + number
            rng = random.Random(seed)
            files = list(corpus_files)
            rng.shuffle(files)
            # Mostly inside the run; one in five near its end, where the index is saved and the job closed.
            delay = rng.uniform(0.02, full) if rng.random() < 0.8 else rng.uniform(0.85 * full, 1.15 * full)
            killed, code, _, err, _ = run_ingest(binary, directory, files, kill_after=delay, job=job)
            kills += killed
            stats["killed" if killed else "finished"] += 1
            try:
                figures = check_store(directory)
                stats[figures["index"]] += 1
                stats["temporaries"] = max(stats["temporaries"], figures["temporaries"])
                outcome = "ok"
            except Failure as error:
                failures += 1
                figures = {}
                outcome = "FAIL: %s" % error
            line = "kill %3d seed %d delay %.3fs %s docs=%s index=%s tmp=%s %s" % (
                number,
                seed,
                delay,
                "killed " if killed else "finished(%d)" % code,
                figures.get("documents"),
                figures.get("index"),
                figures.get("temporaries"),
                outcome,
            )
            print(line, flush=True)
            log.append(line)
        try:
            before = check_store(directory)
            statuses, seconds = complete_run(binary, directory, corpus_files, before["index"] != "current", job)
            after = check_store(directory, expect_complete=len(corpus_files))
            print(
                "round %d re-run: %r in %.2f s; %d documents, %d candidates, index %s"
                % (round_number, statuses, seconds, after["documents"], after["candidates"], after["index"]),
                flush=True,
            )
        except Failure as error:
            failures += 1
            print("round %d re-run FAIL: %s" % (round_number, error), flush=True)
    print(
        "%s phase: %d runs, %d SIGKILLs, %d finished before the kill, %d rounds; after the kills the index was "
        "current %d, stale %d, absent %d times; at most %d leftover temporary file(s); %d failure(s)"
        % (
            name,
            number,
            stats["killed"],
            stats["finished"],
            round_number,
            stats["current"],
            stats["stale"],
            stats["none"],
            stats["temporaries"],
            failures,
        ),
        flush=True,
    )
    return failures


def save_phase(args, binary, work, corpus_files):
    """Kills while a large index file is written."""
    directory = os.path.join(work, "large")
    folder = os.path.join(work, "large-corpus")
    if not os.path.isdir(directory) or not os.path.isdir(folder):
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(folder)
        texts = [open(f, encoding="utf-8", errors="replace").read() for f in corpus_files if f.endswith(".txt")]
        for n in range(args.large):
            with open(os.path.join(folder, "large-%06d.txt" % n), "w", encoding="utf-8") as f:
                f.write(texts[n % len(texts)].replace("@", "+L%d@" % n, 1) + "\nLarge copy %d\n" % n)
        started = time.monotonic()
        _, code, _, err, _ = run_ingest(binary, directory, [folder])
        if code != 0:
            raise SystemExit("large ingest failed (%d): %s" % (code, err[-500:]))
        print("large directory: %d resumes in %.1f s" % (args.large, time.monotonic() - started), flush=True)
    files, _ = index_files(directory)
    size = os.path.getsize(files[0])
    # How long a run adding one resume takes (open, ingest, save); kills land in its last part mostly.
    extra = os.path.join(work, "large-extra")
    os.makedirs(extra, exist_ok=True)
    base = random.Random(args.seed).choice([f for f in corpus_files if f.endswith(".txt")])
    text = open(base, encoding="utf-8").read()

    def new_file(n):
        path = os.path.join(extra, "extra-%d-%d.txt" % (args.seed, n))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("@", "+X%d.%d@" % (args.seed, n), 1) + "\nExtra %d\n" % n)
        return path

    _, code, _, err, full = run_ingest(binary, directory, [new_file(0)])
    print("one-resume run on the large directory: %.2f s, index file %.1f MB" % (full, size / 1e6), flush=True)
    failures = 0
    outcomes = {"killed": 0, "old file": 0, "new file": 0, "finished": 0}
    for n in range(1, args.save_kills + 1):
        seed = args.seed * 1000 + 500 + n
        rng = random.Random(seed)
        # Killed 0-40 ms after the temporary index file appears: while the index is written or fsynced,
        # or just after the rename.
        delay = rng.uniform(0, 0.04)
        before = os.stat(files[0]).st_ino
        killed, seen = run_ingest_kill_in_save(binary, directory, [new_file(n)], delay)
        outcomes["during the write"] = outcomes.get("during the write", 0) + (1 if killed and seen else 0)
        outcomes["killed" if killed else "finished"] += 1
        try:
            current, temporaries = index_files(directory)
            if len(current) != 1:
                raise Failure("%d index files" % len(current))
            # The header and the section table, plus the sizes (the sections of a 40 MB file are summed by
            # the engine's own loader on the next open, below).
            read_index(current[0], verify_sections=False)
            which = "old file" if os.stat(current[0]).st_ino == before else "new file"
            outcomes[which] += 1
            _, code, _, err, _ = run_ingest(binary, directory, [new_file(n)])
            if code != 0 or "unreadable" in err:
                raise Failure("next open: exit %d %s" % (code, err[-300:]))
            outcome = "ok (%s, %d temporary file(s) left)" % (which, len(temporaries))
        except Failure as error:
            failures += 1
            outcome = "FAIL: %s" % error
        print(
            "save-kill %3d seed %d delay %.3fs %s %s"
            % (n, seed, delay, "killed " if killed else "finished", outcome),
            flush=True,
        )
    _, temporaries = index_files(directory)
    left = len(temporaries)
    if temporaries:
        # A write removes the temporary files that crashed writes left once they are a minute old.
        time.sleep(61)
        run_ingest(binary, directory, [new_file(args.save_kills + 1)])
        _, temporaries = index_files(directory)
        print("after a minute and one more save: %d temporary file(s) left" % len(temporaries), flush=True)
    print("save phase: %d SIGKILLs after the temporary index file appeared" % outcomes.get("during the write", 0))
    print(
        "save phase: %d runs, %d SIGKILLs; the index file afterwards was the old one %d, the new one %d times; "
        "%d temporary file(s) left in indexes/; %d failure(s)"
        % (
            args.save_kills,
            outcomes["killed"],
            outcomes["old file"],
            outcomes["new file"],
            left,
            failures,
        ),
        flush=True,
    )
    return failures


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(root, ".build-release/release/match-tool"))
    parser.add_argument("--work", default=os.path.join(root, ".build-release/crash-test"))
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--kills", type=int, default=60, help="SIGKILLs in the ingest phase (at least)")
    parser.add_argument("--copies", type=int, default=12, help="variants of each text fixture")
    parser.add_argument("--save-kills", type=int, default=30, help="runs killed around the index save")
    parser.add_argument("--large", type=int, default=20000, help="resumes in the large directory")
    parser.add_argument("--score-kills", type=int, default=50, help="SIGKILLs in the score phase (at least)")
    parser.add_argument("--phase", choices=["ingest", "score", "save", "all"], default="all")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        raise SystemExit("build it first: swift build -c release --product match-tool --scratch-path .build-release")
    os.makedirs(args.work, exist_ok=True)
    corpus = os.path.join(args.work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    count = make_corpus(os.path.join(root, "Fixtures/resumes"), corpus, args.copies)
    corpus_files = sorted(os.path.join(corpus, n) for n in os.listdir(corpus))
    print("seed %d; corpus: %d resumes with unique bytes" % (args.seed, count), flush=True)
    failures = 0
    if args.phase in ("ingest", "all"):
        failures += ingest_phase(args, binary=args.binary, work=args.work, corpus_files=corpus_files)
    if args.phase in ("score", "all"):
        job = os.path.join(root, "Fixtures/jobs/backend-engineer.txt")
        failures += ingest_phase(args, binary=args.binary, work=args.work, corpus_files=corpus_files, job=job)
    if args.phase in ("save", "all"):
        failures += save_phase(args, binary=args.binary, work=args.work, corpus_files=corpus_files)
    print("total failures: %d" % failures)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""CPU of a `match-tool score` first run split into MiniLM's and the rest's, from one `perf` recording.

usage: Benchmarks/cpu-split.py TOOL FIXTURES_DIR [--files 1000] [--rounds 3] [--label NAME]

Replicates FIXTURES_DIR/resumes to --files distinct files as `FixtureCopies` does (copy i is fixture
i mod n with a unique trailer), then runs `TOOL score --db <fresh> --job FIXTURES_DIR/jobs/backend-engineer.txt
<copies> --quiet --format csv` under `perf record -F 999 -g` N times
(default 3) and counts the samples whose stack holds the model (OpenBLAS's sgemm, MiniLMModel, its GELU,
softmax and layer-norm kernels) against all others. The ratio rest ÷ MiniLM is the share of work the ingest
adds to embedding; both parts run in the same process at the same time, so the machine's drift between runs,
which moves score-bench's wall ratio by ±15 %, cancels out of it. With the two cores kept busy, the first
run's wall time against MiniLM alone tends to 1 + rest ÷ MiniLM.

A dev tool (Python is not used at run time). Needs `perf` (linux-perf) and permission to record.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile

MODEL = ("sgemm", "MiniLMModel", "gelu_", "softmax_", "layer_norm", "ck_softmax", "MiniLMEmbedder14embedValidated")


def split(script_output):
    model = rest = 0
    stack = []

    def flush():
        nonlocal model, rest
        if not stack:
            return
        text = " ".join(stack)
        if any(key in text for key in MODEL):
            model += 1
        else:
            rest += 1

    for line in script_output.splitlines():
        if not line.strip():
            flush()
            stack = []
        else:
            stack.append(line)
    flush()
    return model, rest


def replicate(resumes, count, target):
    """FixtureCopies.replicate (Benchmarks/Sources/BenchmarkSupport/FixtureCopies.swift), byte for byte."""
    os.makedirs(target)
    originals = sorted(os.path.join(resumes, name) for name in os.listdir(resumes))
    for i in range(count):
        original = originals[i % len(originals)]
        with open(original, "rb") as handle:
            data = handle.read()
        extension = os.path.splitext(original)[1]
        if extension in (".txt", ".md"):
            data += f"\nReference: bench-{i}\n".encode()
        elif extension == ".pdf":
            data += f"\n%bench-{i}\n".encode()
        else:
            data += f"{i:08d}".encode()
        with open(os.path.join(target, f"{i:04d}-" + os.path.basename(original)), "wb") as handle:
            handle.write(data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tool")
    parser.add_argument("fixtures")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    ratios = []
    work = tempfile.mkdtemp(prefix="cpu-split-")
    try:
        folder = os.path.join(work, "resumes")
        replicate(os.path.join(args.fixtures, "resumes"), args.files, folder)
        job = os.path.join(args.fixtures, "jobs", "backend-engineer.txt")
        for round_number in range(1, args.rounds + 1):
            database = os.path.join(work, f"db-{round_number}")
            data = os.path.join(work, "perf.data")
            subprocess.run(
                ["perf", "record", "-q", "-F", "999", "-g", "-o", data, args.tool, "score", "--db", database,
                 "--job", job, folder, "--quiet", "--format", "csv", "--output",
                 os.path.join(work, "out.csv")],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            script = subprocess.run(["perf", "script", "-i", data], check=True, capture_output=True, text=True)
            model, rest = split(script.stdout)
            ratio = rest / model if model else float("nan")
            ratios.append(ratio)
            print(json.dumps({"record": "cpu-split", "label": args.label, "round": round_number,
                              "model_samples": model, "rest_samples": rest, "rest_over_model": round(ratio, 4)}))
        print(json.dumps({"record": "cpu-split-median", "label": args.label, "rounds": args.rounds,
                          "rest_over_model": round(statistics.median(ratios), 4)}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Runs the anchor libraries (hnswlib, FAISS) and our ann-bench back to back on one dataset, then prints
# the anchor kit's summary with ratios to hnswlib. Machines here are noisy: compare only numbers from
# one run of this script.
#
#   Benchmarks/compare-ann.sh DATASET_NAME [THREADS] [OUT_DIR]
#
# Needs the anchor kit of ../shared/bench set up (`bash setup.sh` there). Datasets are generated into
# $BENCH_DATA (default /tmp/benchdata) when missing. EF="10,12,16,..." sets one ef sweep for every
# library (a finer sweep than the default makes "best QPS at recall >= R" less sensitive to where
# the grid falls); ANCHOR_LIBS picks the anchors (default hnswlib,faiss).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kit="${BENCH_KIT:-$here/../../shared/bench}"
py="${BENCH_VENV:-$HOME/.cache/match-bench/venv}/bin/python"
data="${BENCH_DATA:-/tmp/benchdata}"
dataset="${1:?usage: compare-ann.sh DATASET_NAME [THREADS] [OUT_DIR]}"
threads="${2:-1}"
out="${3:-$here/results/$(date +%F)}"
libs="${ANCHOR_LIBS:-hnswlib,faiss}"

[ -x "$py" ] || { echo "anchor kit not set up: run 'bash setup.sh' in $kit" >&2; exit 1; }
[ -d "$data/$dataset" ] || "$py" "$kit/make_data.py" "$dataset" --out "$data"
mkdir -p "$out"
(cd "$here" && swift build -c release --product ann-bench >/dev/null)

ours="$out/matchengine_${dataset}.t${threads}.jsonl"
theirs="$out/anchors_${dataset}.t${threads}.jsonl"
rm -f "$ours" "$theirs"
ef=()
[ -n "${EF:-}" ] && ef=(--ef "$EF")
"$here/.build/release/ann-bench" "$data/$dataset" --threads "$threads" "${ef[@]}" --out "$ours"
"$py" "$kit/ann_bench.py" "$data/$dataset" --threads "$threads" --libs "$libs" "${ef[@]}" --out "$theirs"
thresholds="0.95,0.99"
case "$dataset" in random-*) thresholds="0.5,0.8" ;; esac
"$py" "$kit/ann_bench.py" --summary --in "$theirs" "$ours" --baseline hnswlib --thresholds "$thresholds"

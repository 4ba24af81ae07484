#!/usr/bin/env bash
# Times the release match-tool on every file of Fixtures/hostile (development tool, see RELIABILITY.md):
# one line per file, "elapsed-seconds peak-RSS-KB bytes name", slowest first.
#   swift build -c release --product match-tool && scripts/time-hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
report=$(mktemp)
trap 'rm -f "$report"' EXIT
for file in Fixtures/hostile/*; do
    case "$file" in *.json | *README*) continue ;; esac
    /usr/bin/time -o "$report" -f "%e %M" .build/release/match-tool parse "$file" --format json >/dev/null 2>&1 || true
    echo "$(tail -1 "$report") $(stat -c %s "$file") $(basename "$file")"
done | sort -n -r

#!/usr/bin/env bash
# Soak: mixed ingest / query / delete against one engine directory for SECONDS (default 1800), with the
# process's RSS sampled after every cycle; then the engine is reopened and checked (see
# Tests/MatchEngineTests/EngineSoakTests.swift and RELIABILITY.md). Runs the debug test build.
#   scripts/soak.sh [SECONDS] [LOG]
# Environment: MATCH_ENGINE_SOAK_BATCH (resumes a cycle, 40), MATCH_ENGINE_SOAK_CANDIDATES (steady size,
# 400), MATCH_ENGINE_SOAK_DIR (engine directory, default a temporary one), MATCH_ENGINE_SOAK_MAX_GROWTH
# (fail above this RSS growth in %).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-1800}"
log="${2:-.build/soak.log}"
swift build --build-tests >/dev/null
MATCH_ENGINE_SOAK_SECONDS="$seconds" swift test --skip-build --filter 'EngineSoakTests' 2>&1 \
    | grep --line-buffered -v ' notice match-engine' | tee "$log"
grep -q 'Test run with 1 test.* passed' "$log"

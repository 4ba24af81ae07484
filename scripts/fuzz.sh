#!/usr/bin/env bash
# libFuzzer over the library's untrusted-input entry points (the Fuzz/ package; see RELIABILITY.md, "Fuzzing").
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     build, then fuzz each target for SECONDS (default 600)
#   scripts/fuzz.sh merge TARGET               minimise the working corpus into the regression corpus
#   scripts/fuzz.sh list                       the targets, their input limit and regression folder
# Targets: pdf docx html text-decoding dates resume-text index-file safetensors.
# Each run starts from the target's seeds (Fixtures/resumes, hostile, bad, jobs; generated index and
# safetensors files) plus its regression corpus under Tests/, and keeps what it learns in Fuzz/.corpus/TARGET.
# Crashes, timeouts (> 10 s), out-of-memory inputs and slow inputs (> 1 s) go to Fuzz/findings/TARGET/, the
# log to Fuzz/findings/TARGET.log. Move each finding, once fixed, into the target's regression folder: the
# normal `swift test` replays those folders (FuzzRegressionTests in each module's tests).
# Environment: FUZZ_JOBS (parallel targets with `all`, default 1), FUZZ_RSS_MB (default 2048).
set -euo pipefail
cd "$(dirname "$0")/.."
# Swift's own crash backtracer faults under AddressSanitizer and hides the report: leave crashes to libFuzzer.
export SWIFT_BACKTRACE=enable=no
# Regular expressions compiled once into statics are never freed: not leaks to report at exit.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
root="$PWD"

all_targets="pdf docx html text-decoding dates resume-text index-file safetensors"

# The most bytes libFuzzer makes an input of each target: a format's realistic size (100 KB of text, the
# size at which a slow input counts as a bug), smaller where the format is small (a line of dates, a header).
max_len() {
    case "$1" in
        pdf) echo 131072 ;;
        docx | html | text-decoding | resume-text) echo 102400 ;;
        dates) echo 4096 ;;
        index-file) echo 65536 ;;
        safetensors) echo 16384 ;;
        *) echo "unknown target $1" >&2; exit 2 ;;
    esac
}

regressions() {
    case "$1" in
        index-file) echo "Tests/VectorIndexTests/FuzzRegressions/$1" ;;
        safetensors) echo "Tests/MatchEngineTests/FuzzRegressions/$1" ;;
        *) echo "Tests/ResumeParserTests/FuzzRegressions/$1" ;;
    esac
}

build() {
    (cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 \
        | grep -v "Cannot export local symbol" | tail -n 3)
}

bin() { echo "$root/Fuzz/.build/release/fuzz-$1"; }

# Copies the target's seed files into Fuzz/.seeds/TARGET (recreated each run).
seeds() {
    local target="$1" dir="Fuzz/.seeds/$1"
    rm -rf "$dir"
    mkdir -p "$dir"
    case "$target" in
        pdf) cp Fixtures/resumes/*.pdf Fixtures/hostile/pdf-* Fixtures/bad/*.pdf "$dir"/ ;;
        docx) cp Fixtures/resumes/*.docx Fixtures/hostile/docx-* Fixtures/bad/*.docx "$dir"/ ;;
        html)
            cp Fixtures/hostile/html-* "$dir"/
            # The text resumes as HTML pages: a paragraph a line, with entities.
            for file in Fixtures/resumes/*.txt Fixtures/resumes/*.md; do
                {
                    echo '<!DOCTYPE html><html><head><title>R&eacute;sum&eacute;</title></head><body>'
                    sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's|^\(.*\)$|<p>\1</p>|' "$file"
                    echo '</body></html>'
                } >"$dir/$(basename "$file").html"
            done
            ;;
        text-decoding)
            cp Fixtures/resumes/*.txt Fixtures/resumes/*.md Fixtures/jobs/* Fixtures/bad/*.txt "$dir"/
            cp Fixtures/hostile/*.txt Fixtures/hostile/*.md Fixtures/hostile/*.bin "$dir"/
            ;;
        dates)
            # The lines of the resumes that hold a year: the date ranges as written.
            for file in Fixtures/resumes/*.txt Fixtures/resumes/*.md; do
                grep -hE '(19|20)[0-9]{2}' "$file" >"$dir/$(basename "$file").dates" || true
            done
            cp Fixtures/hostile/line-dates.txt Fixtures/hostile/line-year-spaces.txt "$dir"/
            ;;
        resume-text)
            # Resume-sized seeds: the hostile long lines (HostileCorpusTests replays them) would hold the
            # fuzzer at about one input a second.
            cp Fixtures/resumes/*.txt Fixtures/resumes/*.md Fixtures/jobs/* "$dir"/
            ;;
        index-file | safetensors)
            mkdir -p Fuzz/.seeds/index-file Fuzz/.seeds/safetensors
            "$(bin seeds)" Fuzz/.seeds/index-file Fuzz/.seeds/safetensors
            ;;
    esac
}

run() {
    local target="$1" seconds="$2"
    local corpus="Fuzz/.corpus/$target" findings="Fuzz/findings/$target" regression
    regression="$(regressions "$target")"
    mkdir -p "$corpus" "$findings" "$regression"
    seeds "$target"
    echo "== fuzz-$target for ${seconds}s (max_len $(max_len "$target")), log Fuzz/findings/$target.log"
    local status=0 scratch="${TMPDIR:-/tmp}/match-engine-fuzz-$target"
    [ -w /dev/shm ] && scratch="/dev/shm/match-engine-fuzz-$target"
    FUZZ_SCRATCH="$scratch" "$(bin "$target")" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
        -report_slow_units=1 -detect_leaks=0 -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$findings/" "$corpus" "Fuzz/.seeds/$target" "$regression" \
        >"Fuzz/findings/$target.log" 2>&1 || status=$?
    rm -rf "$scratch"
    summarise "$target" "$status"
}

# One line per run: executions, rate, corpus, and the findings written.
summarise() {
    local target="$1" status="$2" log="Fuzz/findings/$1.log"
    local execs rate corpus found
    execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    rate="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    corpus="$(find "Fuzz/.corpus/$target" -type f | wc -l)"
    found="$(find "Fuzz/findings/$target" -type f | wc -l)"
    echo "fuzz-$target: exit $status, $execs executions, $rate exec/s, corpus $corpus files, $found findings" \
        "($(find "Fuzz/findings/$target" -type f -printf '%f ' | cut -c1-200))"
}

command="${1:-all}"
case "$command" in
    --run-one) run "$2" "$3" ;;
    list)
        for target in $all_targets; do echo "$target $(max_len "$target") $(regressions "$target")"; done
        ;;
    merge)
        target="${2:?usage: scripts/fuzz.sh merge TARGET}"
        regression="$(regressions "$target")"
        mkdir -p "$regression"
        FUZZ_SCRATCH="${TMPDIR:-/tmp}/match-engine-fuzz-merge-$target" "$(bin "$target")" -merge=1 -detect_leaks=0 -max_len="$(max_len "$target")" -timeout=10 \
            -rss_limit_mb="${FUZZ_RSS_MB:-2048}" "$regression" "Fuzz/.corpus/$target" 2>&1 | tail -n 2
        rm -rf "${TMPDIR:-/tmp}/match-engine-fuzz-merge-$target"
        # Keep the replay fast and the repository small: past FUZZ_MERGE_CAP_KB (default 300) or
        # FUZZ_MERGE_CAP_FILES (default 200), drop the largest merged inputs (libFuzzer's 40-hex names) until
        # under both; named findings are always kept.
        cap=$((${FUZZ_MERGE_CAP_KB:-300} * 1024))
        find "$regression" -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -printf '%s %p\n' \
            | sort -n | awk -v cap="$cap" -v files="${FUZZ_MERGE_CAP_FILES:-200}" -v named="$(find "$regression" -type f -regextype posix-extended -not -regex '.*/[0-9a-f]{40}' \
                -printf '%s\n' | awk '{t += $1} END {print t + 0}')" \
                '{ if (named + kept + $1 > cap || n >= files) print $2; else { kept += $1; n++ } }' \
            | xargs -r rm --
        echo "$regression: $(find "$regression" -type f | wc -l) files, $(du -sk --apparent-size "$regression" | cut -f1) KB"
        ;;
    *)
        seconds="${2:-600}"
        targets="$command"
        [ "$command" = all ] && targets="$all_targets"
        for target in $targets; do max_len "$target" >/dev/null; done
        build
        if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
            printf '%s\n' $targets | xargs -P "$FUZZ_JOBS" -I{} "$0" --run-one {} "$seconds"
        else
            for target in $targets; do run "$target" "$seconds"; done
        fi
        ;;
esac

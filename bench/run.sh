#!/usr/bin/env bash
# Benchmark Exemplar against Hugo on generated corpora.
#
#   bench/run.sh [N...]          default: 1000 10000
#
# Environment:
#   RUNS=5        timed runs per tool and size
#   HUGO=0        leave Hugo out (e.g. for 100000, where it takes many minutes and GBs of RAM)
#   HUGO_GOGC="default 400"   Go garbage-collector settings Hugo runs with, each its own column
#                 ("default" leaves GOGC unset; 400 trades memory for about 10 % less CPU)
#   BENCH_DIR     where corpora, Hugo sites and outputs live (default /tmp/exemplar-bench)
#   SEED=2016     generator seed
#   OUT_BASE      where the two tools write their sites (default BENCH_DIR); /dev/shm takes the
#                 disk out of the figures and leaves the tools' own work
#
# For each N: generate the corpus once (reused while the generator and seed are unchanged),
# build Exemplar in release mode, check the corpus, then run Exemplar and Hugo ALTERNATELY
# (so a slow phase of the machine hits both tools alike), each time into a new output
# folder so both do a full build.  /usr/bin/time gives wall, user+sys CPU and peak RSS.
# Outputs are deleted only after the size's last run, followed by a pause: ext4 without
# a journal skips inodes freed recently when it allocates new ones (up to 5 minutes, while
# their inode table blocks are being written), reading each one it skips, so creating
# 30,000 files just after deleting 30,000 costs seconds of kernel time, paid by whichever
# tool runs next (seen here: 1.4 s of system time on a rested disk, 8-14 s within minutes
# of deleting other outputs). Do not run it within 5 minutes of deleting large folders.
# One untimed run of each tool first fills the page cache, so the timed runs all read a
# warm corpus.  Finally Exemplar is run RUNS more times on its own kept output: the
# "unchanged" rebuild an editor gets after touching nothing.
# Raw figures go to $BENCH_DIR/results-N.tsv; bench/summarise.py prints the medians.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
RUNS=${RUNS:-5}
BENCH=${BENCH_DIR:-/tmp/exemplar-bench}
SEED=${SEED:-2016}
OUT_BASE=${OUT_BASE:-$BENCH}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)

if [ ! -x /usr/bin/time ]; then
    echo "run.sh: /usr/bin/time is missing (apt-get install -y time); the shell keyword cannot report peak memory." >&2
    exit 2
fi

read -r -a GOGCS <<< "${HUGO_GOGC:-default 400}"
USE_HUGO=1
if [ "${HUGO:-1}" = "0" ]; then
    USE_HUGO=0
    echo "Hugo: skipped (HUGO=0)."
elif ! command -v hugo >/dev/null 2>&1; then
    echo "run.sh: Hugo is not installed (apt-get install -y hugo), or run with HUGO=0 for Exemplar alone." >&2
    exit 2
fi

# The env(1) arguments that run Hugo with GOGC unset ("default") or set to the given value.
gogc_env() { if [ "$1" = default ]; then echo "-u GOGC"; else echo "GOGC=$1"; fi; }
# The tool name a GOGC setting is recorded under in the results.
hugo_tool() { if [ "$1" = default ]; then echo hugo; else echo "hugo-gogc$1"; fi; }

mkdir -p "$BENCH" "$OUT_BASE"
echo "== building exemplar (release)"
(cd "$REPO" && swift build -c release --product exemplar 2>&1 | tail -1)
EXE="$REPO/.build/release/exemplar"
THEME="$REPO/theme"

# Machine and versions, printed with the results so figures can be compared later.
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB RAM"
echo "== exemplar $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
[ $USE_HUGO = 1 ] && echo "== $(hugo version | cut -d' ' -f1-2)"

# A fingerprint of whatever produced a file tree: rebuild it when the inputs change.
fingerprint() { cat "$@" | sha1sum | cut -c1-16; }

# Runs one timed command; appends "tool run wall user sys maxrss_kb pages stages..." to $RESULTS.
#   timed TOOL RUN OUTPUT_DIR command...
timed() {
    local tool=$1 run=$2 out=$3; shift 3
    local tfile errfile
    tfile=$(mktemp); errfile=$(mktemp)
    # The previous run's hundreds of MB are still being written back: without this, a run can
    # wait seconds on that writeback, whichever tool it is.
    sync
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tfile" "$@" >/dev/null 2>"$errfile"; then
        echo "run.sh: $tool failed:" >&2; tail -20 "$errfile" >&2; exit 1
    fi
    # Hugo writes a redirect stub at …/trang/1/ for every paginated list; it is not a page.
    local pages
    pages=$(find "$out" -name '*.html' -not -path '*/trang/1/*' | wc -l)
    # Exemplar's --timings lines: "timing load 0.123"; absent on builds without the flag.
    local stages
    stages=$(awk '$1 == "timing" { printf "%s=%s ", $2, $3 }' "$errfile")
    printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$run" "$(tr ' ' '\t' < "$tfile")" "$pages" "$stages" >> "$RESULTS"
    rm -f "$tfile" "$errfile"
}

# After deleting many files: wait until ext4 may hand their inodes out again (see above).
settle() { sync; echo "== pausing 300 s after deleting outputs"; sleep 300; }

first_size=1
for N in "${SIZES[@]}"; do
    [ $first_size = 1 ] || settle
    first_size=0
    CORPUS="$BENCH/$N"
    HUGO_SITE="$BENCH/hugo-$N"
    RUNS_DIR="$OUT_BASE/runs-$N"
    RESULTS="$BENCH/results-$N.tsv"
    [ "$OUT_BASE" != "$BENCH" ] && RESULTS="$BENCH/results-$N$(echo "$OUT_BASE" | tr / -).tsv"

    stamp="$(fingerprint "$HERE/generate_corpus.py") seed=$SEED"
    if [ -f "$CORPUS/site.yml" ] && [ "$(cat "$BENCH/$N.stamp" 2>/dev/null)" = "$stamp" ]; then
        echo "== N=$N: reusing corpus $CORPUS"
    else
        echo "== N=$N: generating corpus into $CORPUS"
        start=$(date +%s%N)
        python3 "$HERE/generate_corpus.py" "$N" "$CORPUS" --seed "$SEED"
        echo "   generated in $(( ($(date +%s%N) - start) / 1000000 )) ms"
        echo "$stamp" > "$BENCH/$N.stamp"
    fi
    md_mb=$(find "$CORPUS" -name '*.md' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')

    # The corpus must be clean: print the checker's verdict (and any diagnostics) once.
    echo "== N=$N: exemplar check"
    "$EXE" check --content "$CORPUS" --theme "$THEME" 2>&1 | tail -5 | sed 's/^/   /'

    if [ $USE_HUGO = 1 ]; then
        hstamp="$stamp $(fingerprint "$HERE/hugo_site.py" $(find "$HERE/hugo" -type f | sort))"
        if [ ! -f "$HUGO_SITE/hugo.toml" ] || [ "$(cat "$BENCH/hugo-$N.stamp" 2>/dev/null)" != "$hstamp" ]; then
            echo "== N=$N: converting corpus to a Hugo site in $HUGO_SITE"
            python3 "$HERE/hugo_site.py" "$CORPUS" "$HUGO_SITE"
            echo "$hstamp" > "$BENCH/hugo-$N.stamp"
        fi
    fi

    # Left over from an earlier invocation: delete it, then let the freed inodes age.
    if [ -e "$RUNS_DIR" ]; then rm -rf "$RUNS_DIR"; settle; fi
    mkdir -p "$RUNS_DIR"

    echo "== N=$N: warm-up (untimed)"
    "$EXE" build --content "$CORPUS" --theme "$THEME" --output "$RUNS_DIR/warm-exemplar" >/dev/null 2>&1
    if [ $USE_HUGO = 1 ]; then
        hugo --quiet --source "$HUGO_SITE" --destination "$RUNS_DIR/warm-hugo" --cacheDir "$BENCH/hugo-cache" >/dev/null 2>&1
        # Both sites must hold the same pages, or the comparison means nothing.
        python3 "$HERE/compare_pages.py" "$RUNS_DIR/warm-exemplar" "$RUNS_DIR/warm-hugo" | sed 's/^/   /'
    fi

    : > "$RESULTS"
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    for run in $(seq 1 "$RUNS"); do
        echo "== N=$N: run $run/$RUNS"
        # sync: the previous run's writes are flushed before the clock starts, so one run's
        # disk traffic is not billed to the next.
        out_e="$RUNS_DIR/exemplar-$run"; sync
        timed exemplar "$run" "$out_e" "$EXE" build --content "$CORPUS" --theme "$THEME" --output "$out_e" --timings
        if [ $USE_HUGO = 1 ]; then
            for gogc in "${GOGCS[@]}"; do
                out_h="$RUNS_DIR/$(hugo_tool "$gogc")-$run"; sync
                timed "$(hugo_tool "$gogc")" "$run" "$out_h" env $(gogc_env "$gogc") hugo --quiet --source "$HUGO_SITE" --destination "$out_h" --cacheDir "$BENCH/hugo-cache"
            done
        fi
    done
    # Unchanged rebuild: the output of the last full build stays in place.
    for run in $(seq 1 "$RUNS"); do
        sync
        timed exemplar-unchanged "$run" "$out_e" "$EXE" build --content "$CORPUS" --theme "$THEME" --output "$out_e" --timings
    done
    load_after=$(cut -d' ' -f1 /proc/loadavg)

    echo "== N=$N: sites written under $OUT_BASE ($(df --output=fstype "$OUT_BASE" | tail -1))"
    rm -rf "$RUNS_DIR"
    python3 "$HERE/summarise.py" "$RESULTS" --n "$N" --markdown-mb "$md_mb" --runs "$RUNS" \
        --load "$load_before" "$load_after" --hugo-version "$( [ $USE_HUGO = 1 ] && hugo version | cut -d' ' -f2 | cut -d+ -f1 || echo '')"
done

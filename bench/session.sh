#!/usr/bin/env bash
# Incremental rebuilds through a kept site session (SiteSession), and the clean build of this
# revision against an earlier one.
#
#   bench/session.sh [N]          default 10000
#
# Environment:
#   RUNS=5          rebuilds per kind of edit (the median is printed)
#   BEFORE=REV      also time clean `exemplar build`s of git revision REV (exported and built in
#                   release under BENCH_DIR), alternately with this revision's, CLEAN_RUNS each
#   CLEAN_RUNS=3
#   BENCH_DIR       where corpora and outputs live (default /tmp/exemplar-bench, shared with run.sh)
#   SEED=2016       generator seed
#
# The corpus is bench/generate_corpus.py's (reused from run.sh when already generated). The
# session's edits go to a copy of the corpus and of the theme, and are put back after each kind.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
N=${1:-10000}
RUNS=${RUNS:-5}
CLEAN_RUNS=${CLEAN_RUNS:-3}
BENCH=${BENCH_DIR:-/tmp/exemplar-bench}
SEED=${SEED:-2016}
mkdir -p "$BENCH"

echo "== building exemplar and ExemplarBench (release)"
(cd "$REPO" && swift build -c release --product exemplar 2>&1 | tail -1 && swift build -c release --product ExemplarBench 2>&1 | tail -1)
EXE="$REPO/.build/release/exemplar"
BENCH_EXE="$REPO/.build/release/ExemplarBench"

source "$HERE/corpus.sh"
ensure_corpus "$N"

WORK="$BENCH/session-$N"
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$CORPUS" "$WORK/content"
cp -r "$REPO/theme" "$WORK/theme"
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== session on N=$N, $RUNS rebuilds per edit"
/usr/bin/time -f "   session process: %e s wall, %M KiB peak" \
    "$BENCH_EXE" "$WORK/content" "$WORK/theme" "$WORK/public" "$RUNS" 2>&1 | sed -u 's/^/   /'
echo "== load after the session: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "${BEFORE:-}" ]; then
    OLD="$BENCH/before-$(git -C "$REPO" rev-parse --short "$BEFORE")"
    if [ ! -x "$OLD/.build/release/exemplar" ]; then
        echo "== building $BEFORE in $OLD (release)"
        rm -rf "$OLD"
        mkdir -p "$OLD"
        git -C "$REPO" archive "$BEFORE" | tar -x -C "$OLD"
        (cd "$OLD" && swift build -c release --product exemplar 2>&1 | tail -1)
    fi
    echo "== clean builds, alternately: $BEFORE and this revision, $CLEAN_RUNS each"
    for run in $(seq 1 "$CLEAN_RUNS"); do
        for side in before after; do
            exe="$EXE"; [ $side = before ] && exe="$OLD/.build/release/exemplar"
            out="$WORK/clean-$side-$run"
            sync
            /usr/bin/time -f "   $side run $run: %e s wall, %U s user, %S s sys, %M KiB peak" \
                "$exe" build --content "$CORPUS" --theme "$REPO/theme" --output "$out" >/dev/null 2>"$WORK/time.txt" \
                || { cat "$WORK/time.txt"; exit 1; }
            tail -1 "$WORK/time.txt"
        done
    done
    if diff -r -q "$WORK/clean-before-1" "$WORK/clean-after-1" >/dev/null; then
        echo "   both revisions wrote the same files, byte for byte"
    else
        echo "   the two revisions' outputs differ:"; diff -r -q "$WORK/clean-before-1" "$WORK/clean-after-1" | head -5
    fi
fi
rm -rf "$WORK"

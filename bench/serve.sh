#!/usr/bin/env bash
# Edit-to-reload latency and memory of `exemplar serve` on a generated corpus.
#
#   bench/serve.sh [N] [EDITS]      default 10000 profiles, 20 edits per kind
#
# BENCH_DIR (default /tmp/exemplar-bench, shared with run.sh) holds the corpus; SEED=2016;
# KINDS=body,unit,template times only those kinds of edit (e.g. KINDS=body at 100,000).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
N=${1:-10000}
EDITS=${2:-20}
BENCH=${BENCH_DIR:-/tmp/exemplar-bench}
SEED=${SEED:-2016}
mkdir -p "$BENCH"

echo "== building exemplar (release)"
(cd "$REPO" && swift build -c release --product exemplar 2>&1 | tail -1)
source "$HERE/corpus.sh"
ensure_corpus "$N"
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== serve on N=$N: from the file written to the reload event"
python3 -u "$HERE/serve_latency.py" "$REPO/.build/release/exemplar" "$CORPUS" "$REPO/theme" "$BENCH/serve-$N" "$EDITS" | sed -u 's/^/   /'
rm -rf "$BENCH/serve-$N"

#!/usr/bin/env bash
# Fuzzes ContentLoader.readItem (UTF-8 check, NFC, front matter split, YAML, typed fields)
# with libFuzzer for SECONDS (default 600), starting from the sample content.
#
#   scripts/fuzz.sh [SECONDS] [LIBFUZZER_OPTION...]     e.g. scripts/fuzz.sh 300 -only_ascii=1
#
#   FUZZ_FORK=N   run N worker processes (-fork=N) that keep going past a crash or hang,
#                 so one run collects every finding instead of stopping at the first.
#   FUZZ_NO_ASAN=1  build without AddressSanitizer.
#
# Everything lives in .build-fuzz/ (git-ignored): the build, the corpus (seeded from
# content/*/*.md, then grown by libFuzzer and kept between runs) and artifacts/ (crash-*,
# timeout-*, oom-*, leak-* inputs). Exits non-zero when the fuzzer found something.
# Replay a saved input with the normal build: swift run ExemplarFuzz -v FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
case "$seconds" in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [LIBFUZZER_OPTION...]" >&2; exit 2 ;; esac

scripts/setup.sh

scratch=.build-fuzz
corpus="$scratch/corpus"
artifacts="$scratch/artifacts"
log="$scratch/fuzz.log"
mkdir -p "$corpus" "$artifacts"

# How the fuzzer build differs from a plain `swift build`:
# - SwiftPM's own `--sanitize fuzzer` (not only -Xswiftc) makes it link libFuzzer's `main`
#   instead of renaming the target's entry point to `ExemplarFuzz_main` (which, with no
#   @main in the fuzzer build, would fail to link: "undefined symbol 'ExemplarFuzz_main'"),
#   and instruments the C code too (libyaml inside Yams, with ASan: -fsanitize=fuzzer-no-link,address).
# - swiftc keeps only the last `-sanitize=` it is given, so SwiftPM's separate
#   `-sanitize=fuzzer -sanitize=address` would leave Swift code without coverage counters;
#   the trailing `-Xswiftc -sanitize=fuzzer,address` restores both.
# - `-D FUZZING` compiles out the replaying @main in Sources/ExemplarFuzz/Replay.swift.
build() {
  swift build -c release --product ExemplarFuzz --scratch-path "$scratch" "$@" \
    -Xswiftc -D -Xswiftc FUZZING
}
asan=yes
[ "${FUZZ_NO_ASAN:-}" = 1 ] && asan=no
if [ "$asan" = yes ]; then
  if ! build --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address; then
    # Fallback when AddressSanitizer does not build or link on this machine (it does on
    # Debian 12 + Swift 6.3, where this script was written): coverage-guided fuzzing alone
    # still finds traps, precondition failures, hangs and invariant violations.
    echo "fuzz.sh: the AddressSanitizer build failed; building with -sanitize=fuzzer only" >&2
    asan=no
  fi
fi
[ "$asan" = no ] && build --sanitize fuzzer -Xswiftc -sanitize=fuzzer
fuzzer="$scratch/release/ExemplarFuzz"

# Seeds: every Markdown item, behind the byte that selects its folder (see FuzzTarget.swift),
# plus a few small shapes. Re-seeding an existing corpus only overwrites these files.
folders=(collectives individuals models events pages)
for i in "${!folders[@]}"; do
  folder="${folders[$i]}"
  for file in content/"$folder"/*.md; do
    [ -e "$file" ] || continue
    { printf "\\x0$i"; cat "$file"; } > "$corpus/seed-$folder-$(basename "$file" .md)"
  done
  printf "\\x0$i---\\n---\\n" > "$corpus/seed-$folder-empty-front-matter"
  printf "\\x0$i---\\nname: A\\ntitle: A\\n---\\nBody\\n" > "$corpus/seed-$folder-minimal"
done

# The Swift runtime's crash backtracer fights libFuzzer's and ASan's signal handlers (it hung
# on the first crash), so libFuzzer reports crashes alone.
export SWIFT_BACKTRACE=enable=no
if [ "$asan" = yes ]; then
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:symbolize=1}"
fi

options=(
  -max_total_time="$seconds"
  -dict=scripts/fuzz.dict
  -artifact_prefix="$artifacts/"
  -timeout=10            # one input taking longer than 10 s is reported as a hang (timeout-*)
  -rss_limit_mb=4096
  -max_len=8192          # the sample files are up to ~3.5 KB
  -print_final_stats=1
)
if [ -n "${FUZZ_FORK:-}" ]; then
  options+=(-fork="$FUZZ_FORK" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi

marker="$scratch/.fuzz-start"
touch "$marker"
echo "fuzz.sh: fuzzing for ${seconds}s (AddressSanitizer: $asan); log in $log" >&2
status=0
"$fuzzer" "${options[@]}" "$@" "$corpus" 2>&1 | tee "$log" || status=$?

# Summary: figures from libFuzzer's last status line and final stats.
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
echo
echo "fuzz.sh: last status: ${last:-none (stopped before the first status line)}"
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | sed 's/^/fuzz.sh: /' || true
echo "fuzz.sh: corpus: $(find "$corpus" -type f | wc -l) inputs in $corpus"

found=$(find "$artifacts" -type f -newer "$marker" | sort)
if [ -n "$found" ]; then
  echo "fuzz.sh: the fuzzer found problems; inputs saved as:"
  echo "$found" | sed 's/^/  /'
  echo "fuzz.sh: replay one with: swift run ExemplarFuzz -v <input>"
  [ "$status" -ne 0 ] || status=1
elif [ "$status" -ne 0 ]; then
  echo "fuzz.sh: the fuzzer exited with status $status (no input saved; see $log)"
fi
exit "$status"

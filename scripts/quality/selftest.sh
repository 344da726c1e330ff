#!/usr/bin/env bash
# Proves that each quality gate can fail: builds the sample site, checks that every gate
# passes on it, then breaks a copy of the output once per gate and checks that the gate
# fails and names the broken page.
#   html        bad nesting (<p><div>…</p></div>) in a profile
#   a11y        the profile photo without alt
#   links       a dead link, and an #anchor to no id
#   feeds       an Atom entry without <updated>, a relative sitemap <loc>
#   budget      a <script> on a profile
#   behaviour   filter.js that does nothing, and a 600 px wide element
#   search      search.js without its đ → d folding
#   screenshots a page that does not exist
# Prints one line per expectation and "selftest: N passed, N failed"; exits 1 on a miss.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/quality/lib.sh

quality_setup || exit 2
TOOL=$(quality_tool) || exit 2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/exemplar-selftest.XXXXXX")
trap 'quality_stop_servers; rm -rf "$WORK"' EXIT
PY="$QUALITY_PY"
Q="$QUALITY_DIR"
PROFILE="ca-nhan/nguyen-thi-hoa/index.html"
PROFILE_PATH="ca-nhan/nguyen-thi-hoa/"

"$TOOL" build --content content --theme theme --output "$WORK/site" >/dev/null || { echo "selftest: the sample does not build" >&2; exit 2; }
quality_build_served "$TOOL" "$WORK/served" || exit 2
CLEAN_URL="$QUALITY_URL"
[ -f "$WORK/site/$PROFILE" ] || { echo "selftest: the sample has no $PROFILE" >&2; exit 2; }

PASSED=0; FAILED=0
expect() {  # expect pass|fail NAME WHERE_PATTERN -- command…
  local want="$1" name="$2" pattern="$3"; shift 4
  local out status
  out=$("$@" 2>&1); status=$?
  if [ "$want" = pass ]; then
    if [ $status -eq 0 ]; then echo "ok    $name passes on the clean site"; PASSED=$((PASSED + 1)); return; fi
    echo "MISS  $name should pass on the clean site:"; echo "$out" | tail -20
  else
    if [ $status -ne 0 ] && grep -q -- "$pattern" <<<"$out"; then
      echo "ok    $name fails: $(grep -m1 -- "$pattern" <<<"$out" | cut -c1-150)"
      PASSED=$((PASSED + 1)); return
    fi
    echo "MISS  $name should fail naming '$pattern' (exit $status):"; echo "$out" | tail -20
  fi
  FAILED=$((FAILED + 1))
}

# A copy of a built site; the edits come after.
copy() { rm -rf "$WORK/$2"; cp -a "$WORK/$1" "$WORK/$2"; echo "$WORK/$2"; }
# Serves a folder on a free port and prints its URL.
serve_copy() {
  local port; port=$(quality_free_port)
  quality_serve "$1" "$port" || { echo "selftest: cannot serve $1" >&2; exit 2; }
  echo "http://127.0.0.1:$port/"
}
edit() {  # edit FILE PYTHON-EXPRESSION-ON-s
  python3 - "$1" "$2" <<'EOF'
import sys
path, expression = sys.argv[1], sys.argv[2]
s = open(path, encoding="utf-8").read()
new = eval(expression)
if new == s:
    sys.exit(f"selftest: the edit changed nothing in {path}")
open(path, "w", encoding="utf-8").write(new)
EOF
}

echo "== the clean site"
expect pass html        - -- "$PY" "$Q/validity.py" "$WORK/site"
expect pass links       - -- "$PY" "$Q/links.py" "$WORK/site"
expect pass feeds       - -- "$PY" "$Q/feeds.py" "$WORK/site"
expect pass budget      - -- "$PY" "$Q/budget.py" "$WORK/site"
expect pass a11y        - -- "$PY" "$Q/a11y.py" "$WORK/served" "$CLEAN_URL" --only "" "$PROFILE_PATH"
expect pass behaviour   - -- "$PY" "$Q/behaviour.py" "$WORK/served" "$CLEAN_URL"
expect pass search      - -- "$PY" "$Q/search.py" "$WORK/served" "$CLEAN_URL"
expect pass screenshots - -- "$PY" "$Q/screenshots.py" "$CLEAN_URL" "$WORK/shots" "$PROFILE_PATH"

echo "== broken copies"
# 1. Bad nesting: a block inside a paragraph, closed in the wrong order.
dir=$(copy site bad-nesting)
edit "$dir/$PROFILE" 's.replace("<h1>", "<p><div>bad nesting</p></div><h1>", 1)'
expect fail html "$PROFILE" -- "$PY" "$Q/validity.py" "$dir"

# 2. An image without alt text (served, for axe).
dir=$(copy served no-alt)
edit "$dir/$PROFILE" '__import__("re").sub(r"(<img class=\"profile-photo[^>]*?) alt=\"[^\"]*\"", r"\1", s, count=1)'
url=$(serve_copy "$dir")
expect fail a11y "image-alt" -- "$PY" "$Q/a11y.py" "$dir" "$url" --only "$PROFILE_PATH"

# 3. A dead link and an anchor to nowhere.
dir=$(copy site dead-link)
edit "$dir/$PROFILE" 's.replace("</main>", "<p><a href=\"khong-co-trang-nay/\">dead</a> <a href=\"#khong-co-id\">anchor</a></p></main>", 1)'
expect fail links "$PROFILE" -- "$PY" "$Q/links.py" "$dir"
expect fail links "khong-co-id" -- "$PY" "$Q/links.py" "$dir"

# 4. Feed and sitemap out of format.
dir=$(copy site bad-feed)
edit "$dir/feed.xml" '__import__("re").sub(r"(<entry>.*?)<updated>[^<]*</updated>", r"\1", s, count=1, flags=__import__("re").S)'
edit "$dir/sitemap.xml" '__import__("re").sub(r"<loc>https?://[^/]+", "<loc>", s, count=1)'
expect fail feeds "entry 1: needs exactly one non-empty <updated>" -- "$PY" "$Q/feeds.py" "$dir"
expect fail feeds "not an absolute URL" -- "$PY" "$Q/feeds.py" "$dir"

# 5. A script on a profile page.
dir=$(copy site script-on-profile)
edit "$dir/$PROFILE" 's.replace("</body>", "<script>void 0</script></body>", 1)'
expect fail budget "$PROFILE" -- "$PY" "$Q/budget.py" "$dir"

# 6. A filter that does nothing but show its form, and a page wider than a phone (served).
dir=$(copy served broken-behaviour)
printf '%s\n' 'document.querySelectorAll("form[data-filter-for]").forEach(function (f) { f.hidden = false; });' >"$dir/assets/filter.js"
edit "$dir/$PROFILE" 's.replace("</main>", "<div style=\"width:600px\">wide</div></main>", 1)'
url=$(serve_copy "$dir")
expect fail behaviour "filter {" -- "$PY" "$Q/behaviour.py" "$dir" "$url"
expect fail behaviour "$PROFILE_PATH @360px" -- "$PY" "$Q/behaviour.py" "$dir" "$url"

# 7. A search script that forgets `đ` → `d`: a word typed with its marks ("đức") finds another key.
dir=$(copy served search-without-d)
edit "$dir/assets/search.js" 's.replace(".replace(/đ/g, \"d\")", "", 1)'
url=$(serve_copy "$dir")
expect fail search "?q=" -- "$PY" "$Q/search.py" "$dir" "$url"

# 8. A screenshot of a page that is not there.
expect fail screenshots "khong-co-trang-nay" -- "$PY" "$Q/screenshots.py" "$CLEAN_URL" "$WORK/shots" "khong-co-trang-nay/"

echo "selftest: $PASSED passed, $FAILED failed"
[ $FAILED -eq 0 ]

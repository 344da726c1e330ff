#!/usr/bin/env bash
# Photos from phones at scale: N profiles, each with its own phone-sized JPEG (4032×3024,
# EXIF orientation and GPS, about 3 MB), built with an empty cache and again unchanged.
#
#   bench/photos.sh [N]        default 500
#
# Prints wall and CPU time, peak memory and the photo counts of both builds, then loads one
# profile page in headless Chromium at 390 px (device pixel ratio 1, 2 and 3) through a
# local server that logs every image requested, and sums their bytes.
# Needs: vips and exiftool (to make the photos), chromium, /usr/bin/time.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
N=${1:-500}
BENCH=${BENCH_DIR:-/tmp/exemplar-photos}
CONTENT=$BENCH/content-$N

mkdir -p "$BENCH"
# `.ready` (hidden, so the content loader skips it) marks a finished corpus.
if [ ! -f "$CONTENT/.ready" ]; then
    rm -rf "$CONTENT"
    python3 "$HERE/generate_corpus.py" "$N" "$CONTENT" >/dev/null
    python3 "$HERE/make_photos.py" "$CONTENT/media" anh 4032 3024 --copies "$N"
    # One photo per profile, with its description.
    python3 - "$CONTENT" <<'PY'
import os, sys
content = sys.argv[1]
files = sorted(f"{kind}/{name}" for kind in ("collectives", "individuals") for name in os.listdir(f"{content}/{kind}"))
for index, path in enumerate(files):
    full = f"{content}/{path}"
    text = open(full, encoding="utf-8").read()
    head, rest = text[4:].split("\n---\n", 1)
    head += f"\nphoto: media/anh-{index + 1}.jpg\nphoto_alt: Ảnh chụp tại đơn vị"
    open(full, "w", encoding="utf-8").write("---\n" + head + "\n---\n" + rest)
PY
    touch "$CONTENT/.ready"
fi
du -sh "$CONTENT/media"

swift build -c release --product exemplar >/dev/null 2>&1
EXEMPLAR=$REPO/.build/release/exemplar
OUT=$BENCH/public-$N
CACHE=$BENCH/cache-$N
rm -rf "$OUT" "$CACHE"

build() {
    /usr/bin/time -f "%e s wall, %U+%S s CPU, %M KB peak" "$EXEMPLAR" build --content "$CONTENT" \
        --theme "$REPO/theme" --output "$OUT" --cache "$CACHE" --base-url http://127.0.0.1:8719/ 2>&1 | tail -2
}
echo "== first build, empty cache"; build
echo "== rebuild, nothing changed"; build
du -sh "$CACHE" "$OUT/media"

# Which images a phone downloads for one profile page.
PROFILE=$(cd "$OUT/ca-nhan" && ls -d */ | grep -v trang | head -1)
LOG=$BENCH/requests.log
python3 - "$OUT" "$LOG" <<'PY' &
import http.server, os, sys, functools
root, log = sys.argv[1], sys.argv[2]
class Logged(http.server.SimpleHTTPRequestHandler):
    def log_request(self, code="-", size="-"):
        path = self.translate_path(self.path)
        if os.path.isfile(path):
            with open(log, "a") as out: out.write(f"{self.path}\t{os.path.getsize(path)}\n")
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", 8719), functools.partial(Logged, directory=root)).serve_forever()
PY
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
sleep 1
for ratio in 1 2 3; do
    : > "$LOG"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,844 \
        --force-device-scale-factor=$ratio --virtual-time-budget=5000 \
        --screenshot="$BENCH/profile-390-x$ratio.png" "http://127.0.0.1:8719/ca-nhan/$PROFILE" >/dev/null 2>&1
    images=$(grep -E '\.(jpg|webp|png)\b' "$LOG" | sort -u || true)
    echo "== /ca-nhan/$PROFILE at 390 px, device pixel ratio $ratio: $(echo "$images" | grep -c . || true) image(s), $(echo "$images" | awk -F'\t' '{s += $2} END {print s + 0}') bytes"
    echo "$images" | sed 's/^/   /'
done

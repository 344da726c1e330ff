#!/usr/bin/env bash
# Photos from phones at scale: N profiles, each with its own phone-sized JPEG (4032×3024,
# EXIF orientation and GPS, about 3 MB), built with an empty cache and again unchanged.
#
#   bench/photos.sh [N]                   default 500
#   PHOTOS_FROM=DIR bench/photos.sh [N]   real photographs from DIR instead of generated ones
#   CONFIG=debug bench/photos.sh 40       bytes per page only, without a release build
#
# Every event also shows four of the photos. Prints wall and CPU time, peak memory and the
# photo counts of both builds, then loads one profile and one event page in headless Chromium
# at 390 px (device pixel ratio 1, 2 and 3) and at 1280 px through a local server that logs
# every image requested, and sums their bytes.
# Needs: vips and exiftool (to make the photos), chromium, /usr/bin/time.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
N=${1:-500}
BENCH=${BENCH_DIR:-/tmp/exemplar-photos}
CONTENT=$BENCH/content-$N${PHOTOS_FROM:+-real}

mkdir -p "$BENCH"
# `.ready` (hidden, so the content loader skips it) marks a finished corpus.
if [ ! -f "$CONTENT/.ready" ]; then
    rm -rf "$CONTENT"
    python3 "$HERE/generate_corpus.py" "$N" "$CONTENT" >/dev/null
    python3 "$HERE/make_photos.py" "$CONTENT/media" anh 4032 3024 --copies "$N" ${PHOTOS_FROM:+--from "$PHOTOS_FROM"}
    # One photo per profile, with its description; four per event, with captions.
    python3 - "$CONTENT" "$N" <<'PY'
import os, sys
content, count = sys.argv[1], int(sys.argv[2])
def add(path, lines):
    text = open(path, encoding="utf-8").read()
    head, rest = text[4:].split("\n---\n", 1)
    open(path, "w", encoding="utf-8").write("---\n" + head + "\n" + "\n".join(lines) + "\n---\n" + rest)
files = sorted(f"{kind}/{name}" for kind in ("collectives", "individuals") for name in os.listdir(f"{content}/{kind}"))
for index, path in enumerate(files):
    add(f"{content}/{path}", [f"photo: media/anh-{index + 1}.jpg", "photo_alt: Ảnh chụp tại đơn vị"])
for index, name in enumerate(sorted(os.listdir(f"{content}/events"))):
    photos = [f"  - {{file: media/anh-{(index * 4 + k) % count + 1}.jpg, alt: Quang cảnh buổi giao lưu, ảnh {k + 1}}}" for k in range(4)]
    add(f"{content}/events/{name}", ["photos:"] + photos)
PY
    touch "$CONTENT/.ready"
fi
du -sh "$CONTENT/media"

# CONFIG=debug measures bytes without a release build (times are then meaningless).
CONFIG=${CONFIG:-release}
swift build -c "$CONFIG" --product exemplar >/dev/null 2>&1
EXEMPLAR=$REPO/.build/$CONFIG/exemplar
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

# Which images a browser downloads for one profile and one event page.
first_page() { # the first item folder of a section, not its `trang/` pages
    local folder
    for folder in "$OUT/$1"/*/; do
        [ "$(basename "$folder")" = trang ] || { echo "$1/$(basename "$folder")/"; return; }
    done
}
PROFILE=$(first_page ca-nhan)
EVENT=$(first_page su-kien)
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
measure() { # page width ratio
    : > "$LOG"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=$2,900 \
        --force-device-scale-factor=$3 --virtual-time-budget=5000 \
        --screenshot="$BENCH/$(basename "$1")-$2-x$3.png" "http://127.0.0.1:8719/$1" >/dev/null 2>&1
    images=$(grep -E '\.(jpg|webp|png)\b' "$LOG" | sort -u || true)
    echo "== /$1 at $2 px, device pixel ratio $3: $(echo "$images" | grep -c . || true) image(s), $(echo "$images" | awk -F'\t' '{s += $2} END {print s + 0}') bytes"
    echo "$images" | sed 's/^/   /'
}
for page in "$PROFILE" "$EVENT"; do
    for ratio in 1 2 3; do measure "$page" 390 $ratio; done
    measure "$page" 1280 1
done

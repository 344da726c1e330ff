#!/usr/bin/env bash
# Load check of `exemplar serve`: a copy of the sample site served on a free loopback port,
# wrk with 64 connections over pages, assets, feeds and a 404 for a few seconds.
# Fails on any socket error, timeout or unexpected status.
# Usage: scripts/serve-load.sh [SECONDS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"

scripts/setup.sh
if ! command -v wrk >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
swift build --product exemplar
binary="$(swift build --show-bin-path)/exemplar"

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cp -r content theme "$work/"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
(cd "$work" && exec "$binary" serve --port "$port" --output served) >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/__exemplar/live.js" && break
  sleep 0.1
done

# The mix: pages, lists, assets, feeds, JSON, a redirect. Each must answer 2xx or 3xx.
cat >"$work/mix.lua" <<'LUA'
local targets = {
  "/", "/ca-nhan/", "/tap-the/", "/mo-hinh/", "/su-kien/", "/don-vi/", "/assets/style.css",
  "/assets/icon.svg", "/feed.xml", "/sitemap.xml", "/api/exemplars.json", "/ca-nhan",
}
local index = 0
request = function()
  index = index % #targets + 1
  return wrk.format("GET", targets[index])
end
LUA
result="$(wrk -t2 -c64 -d"${seconds}s" --timeout 5s --latency -s "$work/mix.lua" "http://127.0.0.1:$port")"
echo "$result"

failed=0
if echo "$result" | grep -q 'Socket errors'; then echo "wrk: socket errors or timeouts" >&2; failed=1; fi
if echo "$result" | grep -q 'Non-2xx or 3xx'; then echo "wrk: error statuses" >&2; failed=1; fi
# After the load the server still answers each kind of request exactly.
while read -r target want; do
  got="$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "http://127.0.0.1:$port$target")"
  [ "$got" = "$want" ] || { echo "$target: status $got, expected $want" >&2; failed=1; }
done <<'LIST'
/ 200
/ca-nhan/ 200
/assets/style.css 200
/khong-co-trang-nay/ 404
/%2e%2e/%2e%2e/etc/passwd 400
/ca-nhan 301
LIST
kill -0 "$server" 2>/dev/null || { echo "the server stopped" >&2; cat "$work/serve.log" >&2; failed=1; }
[ "$failed" = 0 ] && echo "serve load: no errors"
exit "$failed"

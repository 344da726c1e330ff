#!/usr/bin/env bash
# Runs the whole test suite (installing the build's system packages when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product exemplar
swift test "$@"

#!/usr/bin/env bash
# Installs what building Exemplar needs from Debian's packages, only when it is missing.
set -euo pipefail

missing=()
pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev)
pkg-config --exists vips 2>/dev/null || missing+=(libvips-dev)
# The tests look at published pictures with libvips' own command line.
command -v vips >/dev/null 2>&1 || missing+=(libvips-tools)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The serve tests read which system calls a rebuild makes with strace.
command -v strace >/dev/null 2>&1 || missing+=(strace)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Cài đặt: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

#!/usr/bin/env bash
# Builds Exemplar in release mode and installs it with its default theme:
#   PREFIX/bin/exemplar and PREFIX/share/exemplar/theme (PREFIX defaults to ~/.local).
# A site without a theme/ folder of its own is then built with that theme.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-${PREFIX:-$HOME/.local}}"
scripts/setup.sh
swift build -c release --product exemplar
mkdir -p "$prefix/bin" "$prefix/share/exemplar"
install -m 755 .build/release/exemplar "$prefix/bin/exemplar"
staging="$prefix/share/exemplar/theme.new"
rm -rf "$staging"
cp -R theme "$staging"
rm -rf "$prefix/share/exemplar/theme"
mv "$staging" "$prefix/share/exemplar/theme"
echo "Đã cài $prefix/bin/exemplar và giao diện mặc định $prefix/share/exemplar/theme."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Thêm $prefix/bin vào PATH, ví dụ: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac

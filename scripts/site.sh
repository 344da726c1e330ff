#!/usr/bin/env bash
# Builds the exemplar tool and the bundled sample site into public/.
# Extra arguments go to `exemplar build` (for example --base-url http://localhost:8000/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product exemplar
.build/release/exemplar build --content content --theme theme --output public "$@"

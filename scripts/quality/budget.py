#!/usr/bin/env python3
"""Gate: page budget. A profile page needs no JavaScript and weighs, HTML plus the CSS it
links, under 30 KB (30,000 bytes) before compression. Measured on the biggest profile of
each kind (ca-nhan/*/, tap-the/*/); photos are not counted.

Usage: budget.py SITE_DIR [LIMIT_BYTES]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Report, base_path, site_base  # noqa: E402

PROFILE_FOLDERS = ["ca-nhan", "tap-the"]


def main() -> int:
    site = Path(sys.argv[1]).resolve()
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 30_000
    report = Report("budget")
    prefix = base_path(site_base(site))
    profiles = [p for folder in PROFILE_FOLDERS for p in (site / folder).glob("*/index.html")]
    if not profiles:
        report.error(str(site), "no profile pages found")
        return report.finish("nothing measured")
    for page in profiles:
        text = page.read_text(encoding="utf-8")
        if re.search(r"<script\b", text, re.I):
            report.error(page.relative_to(site).as_posix(), "a profile page loads or holds a <script>: it must need no JavaScript")
    measured = []
    for folder in PROFILE_FOLDERS:
        pages = sorted((site / folder).glob("*/index.html"), key=lambda p: p.stat().st_size, reverse=True)
        if not pages:
            continue
        page = pages[0]
        text = page.read_text(encoding="utf-8")
        css_bytes = 0
        for href in re.findall(r'<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"', text):
            path = unquote(urlsplit(href).path)
            css = site / path[len(prefix):] if path.startswith(prefix) else None
            if css is None or not css.is_file():
                report.error(page.relative_to(site).as_posix(), f"stylesheet {href} not found")
                continue
            css_bytes += css.stat().st_size
        html_bytes = len(text.encode("utf-8"))
        total = html_bytes + css_bytes
        rel = page.relative_to(site).as_posix()
        print(f"  {rel}: {html_bytes} B HTML + {css_bytes} B CSS = {total} B (limit {limit} B)")
        measured.append(total)
        if total >= limit:
            report.error(rel, f"{total} bytes of HTML and CSS, over the {limit}-byte budget")
    return report.finish(f"{len(profiles)} profiles free of scripts, biggest {max(measured)} B of {limit} B")


if __name__ == "__main__":
    sys.exit(main())

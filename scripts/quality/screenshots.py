#!/usr/bin/env python3
"""Gate: screenshots. Full-page PNGs of pages at phone and desktop widths, for a person to
look at (the gate fails only when a page cannot be loaded or shot).

Usage: screenshots.py SERVED_URL OUT_DIR [PATH ...]
  PATHs are relative to the served base URL; default: the home page and the profile
  ca-nhan/nguyen-thi-hoa/. Widths: 390 and 1280 px (QUALITY_WIDTHS="360 390 1280" to change).
"""
from __future__ import annotations

import base64
import os
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Report, chromium, serve_url, set_viewport  # noqa: E402

DEFAULT_PATHS = ["", "ca-nhan/nguyen-thi-hoa/"]

LOAD_IMAGES = """
const done = arguments[arguments.length - 1];
const images = Array.from(document.images);
images.forEach(img => { img.loading = 'eager'; });
Promise.all(images.map(img => img.decode().catch(() => null))).then(() => done(images.length));
"""

# The search page draws its results after fetching the index: wait for them (at most 10 s).
SEARCH_SETTLED = """
const done = arguments[arguments.length - 1];
const form = document.getElementById('search-form');
const started = Date.now();
(function wait() {
  if (!form || (form.dataset.state && form.dataset.state !== 'busy') || Date.now() - started > 10000) done();
  else setTimeout(wait, 50);
})();
"""


def name_of(path: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
    return slug or "home"


def main() -> int:
    served, out = sys.argv[1], Path(sys.argv[2])
    paths = sys.argv[3:] or DEFAULT_PATHS
    widths = [int(w) for w in os.environ.get("QUALITY_WIDTHS", "390 1280").split()]
    out.mkdir(parents=True, exist_ok=True)
    report = Report("screenshots")
    driver = chromium()
    shots = []
    try:
        for width in widths:
            for path in paths:
                url = serve_url(served, path)
                try:
                    urllib.request.urlopen(url, timeout=10).close()
                except (urllib.error.URLError, OSError) as error:
                    report.error(f"/{path}", f"the page did not load: {error}")
                    continue
                set_viewport(driver, width)
                driver.get(url)
                # Lazy images below the fold: load them all before the shot.
                driver.execute_async_script(LOAD_IMAGES)
                driver.execute_async_script(SEARCH_SETTLED)
                # Full page: the page's own height at this width, captured beyond the viewport.
                metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
                height = int(metrics["cssContentSize"]["height"]) + 1
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
                })
                file = out / f"{name_of(path)}-{width}.png"
                file.write_bytes(base64.b64decode(shot["data"]))
                shots.append(file)
                print(f"  {file} ({width}×{height})")
    finally:
        driver.quit()
    return report.finish(f"{len(shots)} screenshot(s) in {out}")


if __name__ == "__main__":
    sys.exit(main())

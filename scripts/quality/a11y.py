#!/usr/bin/env python3
"""Gate: accessibility. axe-core 4.x in headless Chromium, WCAG 2.1 A and AA rules
(tags wcag2a, wcag2aa, wcag21a, wcag21aa, and wcag22aa for 24 px targets) and axe's best practices, at a phone width (390 px) and a desktop width
(1280 px). Any violation fails the gate, and so does an error in the browser's console
(a script error, or an asset that did not load). axe's "needs review" items are printed.

The axe script is the plain axe.min.js shipped inside PyPI's axe-playwright-python
(installed with --no-deps: playwright itself is not used), injected with Selenium.

Usage: a11y.py SITE_DIR SERVED_URL [--all] [--only PATH ...]
  SITE_DIR    the built site (to choose the pages);
  SERVED_URL  where that folder is served (its base URL, e.g. http://127.0.0.1:8123/);
  --all       every page (default: home, each list, a term page, the biggest page of each
              kind, the free pages, 404); --only: just these paths.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Report, chromium, sample_pages, serve_url, set_viewport  # noqa: E402

# WCAG 2.1 A and AA, 2.2 AA (target size), plus axe's best practices (heading order, landmarks, one h1, …).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = [390, 1280]


def axe_source() -> str:
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("axe-playwright-python is not installed (pip install --no-deps axe-playwright-python)")
    path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    if not path.is_file():
        sys.exit(f"no axe.min.js in {path.parent}")
    return path.read_text(encoding="utf-8")


RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations', 'incomplete']})
  .then(r => done({version: axe.version,
    violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})),
    incomplete: r.incomplete.map(v => ({id: v.id, help: v.help, count: v.nodes.length}))}))
  .catch(e => done({error: String(e)}));
"""


def parse_args():
    import argparse
    parser = argparse.ArgumentParser(description="axe-core gate")
    parser.add_argument("site")
    parser.add_argument("url")
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--only", nargs="+", default=None)
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    site, served = Path(args.site).resolve(), args.url
    report = Report("a11y")
    axe = axe_source()
    pages = args.only or sample_pages(site, args.all)
    driver = chromium()
    version = "?"
    runs = 0
    try:
        for width in WIDTHS:
            set_viewport(driver, width)
            for path in pages:
                url = serve_url(served, path)
                driver.get(url)
                where = f"/{path} @{width}px"
                for entry in driver.get_log("browser"):
                    if entry.get("level") == "SEVERE":
                        report.error(where, f"browser console: {entry.get('message')}")
                driver.execute_script(axe)
                result = driver.execute_async_script(RUN_AXE, TAGS)
                runs += 1
                if result.get("error"):
                    report.error(where, f"axe failed: {result['error']}")
                    continue
                version = result["version"]
                for violation in result["violations"]:
                    for node in violation["nodes"]:
                        summary = " ".join((node["summary"] or "").split())
                        report.error(where, f"{violation['id']} ({violation['impact']}): {violation['help']} at `{node['target']}`. {summary}")
                for item in result["incomplete"]:
                    print(f"  review /{path} @{width}px: {item['id']}: {item['help']} ({item['count']} element(s))")
    finally:
        driver.quit()
    return report.finish(f"axe {version}, {len(pages)} pages × {len(WIDTHS)} widths = {runs} runs, tags {','.join(TAGS)}")


if __name__ == "__main__":
    sys.exit(main())

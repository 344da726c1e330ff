#!/usr/bin/env python3
"""Gate: the search page in a real browser (headless Chromium through Selenium).

Types queries into the search page of the served site and checks the results against the
site's own data (api/*.json), folded here independently of the builder and of search.js:

- a word typed without marks finds the names that hold it with marks ("duc" → "Đức"), and
  every item whose name holds all the words is listed, above every item whose name does not;
- capitals, NFD input and old/new tone placement ("hoà", "hòa") give the same ranking;
  a word typed with its marks puts the exact spelling first;
- a word that matches nothing is named, with a link to search without it ("hoi zzqqxx");
- the header's search box submits to the search page; without JavaScript the page shows
  lists to browse instead; the kind filter keeps only one kind.

Usage: search.py SITE_DIR SERVED_URL
"""
from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from pathlib import Path
from urllib.parse import quote, urlsplit

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Report, chromium, serve_url, set_viewport  # noqa: E402

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0340", "\u0341"}
SEARCH = "tim-kiem/"

# Before the search page has loaded (the header's form is still navigating) there is no
# form yet: that reads as "not ready", not as a failure.
RESULTS = """
if (!document.getElementById('search-form') || !document.getElementById('search-more'))
  return {state: 'loading', query: null, more: false, status: '', links: [], results: []};
return {state: document.getElementById('search-form').dataset.state || '',
        query: document.getElementById('search-form').dataset.query,
        ms: document.getElementById('search-form').dataset.ms || '',
        more: !document.getElementById('search-more').hidden,
        status: document.getElementById('search-status').textContent,
        links: Array.from(document.querySelectorAll('#search-status a')).map(a => a.getAttribute('href')),
        results: Array.from(document.querySelectorAll('#search-results > li')).map(li => ({
          title: li.querySelector('h2').textContent, href: new URL(li.querySelector('a').href).pathname,
          marks: li.querySelectorAll('mark').length, meta: (li.querySelector('.search-meta') || {}).textContent}))};
"""


def key(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn").replace("đ", "d")


def spelling(word: str) -> str:
    """The word with its tone mark taken off (its vowel marks kept) and noted at the end."""
    parts = unicodedata.normalize("NFD", word.lower())
    tones = "".join(sorted(c for c in parts if c in TONES))
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text))


def holds_all(name: str, query: str, exact: bool = False) -> bool:
    fold = spelling if exact else key
    have = {fold(w) for w in words(name)}
    return all(fold(w) in have for w in words(query))


def named_items(site: Path) -> dict[str, str]:
    """Path of every exemplar, model and event → its name, from the site's JSON exports."""
    out = {}
    for name, field in (("exemplars", "name"), ("models", "title"), ("events", "title")):
        for item in json.loads((site / "api" / f"{name}.json").read_text(encoding="utf-8")):
            out[urlsplit(item["url"]).path] = item[field]
    return out


def run(driver, served: str, query: str) -> dict:
    driver.get(serve_url(served, SEARCH) + "?q=" + quote(query))
    return settle(driver, query)


def settle(driver, query: str) -> dict:
    from selenium.common.exceptions import JavascriptException

    deadline = time.time() + 20
    while True:
        try:
            seen = driver.execute_script(RESULTS)
        except JavascriptException:
            # The document was replaced while the script ran: read it again.
            seen = {"state": "loading", "query": None, "more": False, "status": "", "links": [], "results": []}
        if seen["state"] in ("done", "failed") and seen["query"] == query:
            if not seen["more"] or seen["state"] == "failed":
                return seen
            # The page is busy from the click until the next results are drawn (a click
            # meanwhile is ignored), so one click per page.
            driver.execute_script("document.getElementById('search-more').click()")
        elif time.time() > deadline:
            return seen
        time.sleep(0.05)


def check_words(driver, served, items, query, report) -> list[str]:
    got = run(driver, served, query)
    where = f"?q={query}"
    if got["state"] != "done":
        report.error(where, f"the search did not finish: {got['state']!r}, status {got['status']!r}")
        return []
    paths = [r["href"] for r in got["results"]]
    if not paths:
        report.error(where, f"no result; status {got['status']!r}")
        return []
    expected = [path for path, name in items.items() if holds_all(name, query)]
    for path in expected:
        if path not in paths:
            report.error(where, f"{items[path]!r} ({path}) holds every word in its name but is not listed")
    named = [holds_all(r["title"], query) for r in got["results"]]
    last_named = max((i for i, hit in enumerate(named) if hit), default=-1)
    if False in named[:last_named]:
        first_other = got["results"][named.index(False)]["title"]
        report.error(where, f"{first_other!r} ranks above a result whose name holds the words")
    if named and named[0] and got["results"][0]["marks"] == 0:
        report.error(where, f"the words are not highlighted in {got['results'][0]['title']!r}")
    if str(len(paths)) not in got["status"]:
        report.error(where, f"the status line does not count the {len(paths)} results: {got['status']!r}")
    return paths


def check_spellings(driver, served, items, report) -> None:
    """A word typed with its marks finds every item whose name holds it; capitals, NFD and
    tone placement are one spelling; a marked word ranks its exact spelling first. The query
    words come from the site's own names, words with `đ` among them."""
    marked = sorted({w for name in items.values() for w in words(name) if spelling(w) != key(w) and len(w) > 2})
    with_d = [w for w in marked if "đ" in w.lower()]
    for word in marked[:6] + [w for w in with_d[:2] if w not in marked[:6]]:
        base = run(driver, served, word)["results"]
        found = {r["href"] for r in base}
        for path in (path for path, name in items.items() if holds_all(name, word)):
            if path not in found:
                report.error(f"?q={word}", f"{items[path]!r} ({path}) holds the word in its name but is not listed")
                break
        for variant in (word.upper(), unicodedata.normalize("NFD", word)):
            other = run(driver, served, variant)["results"]
            if [r["href"] for r in other] != [r["href"] for r in base]:
                report.error(f"?q={variant!r}", f"ranks differently from ?q={word}")
        exact = [holds_all(r["title"], word, exact=True) for r in base]
        if exact and True in exact and False in exact[: exact.index(True)]:
            report.error(f"?q={word}", f"{base[exact.index(False)]['title']!r} ranks above the exact spelling {word!r}")
    # Old and new tone placement: the same word written both ways ranks the same.
    for old, new in (("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe")):
        a, b = run(driver, served, old)["results"], run(driver, served, new)["results"]
        if [r["href"] for r in a] != [r["href"] for r in b]:
            report.error(f"?q={old}", f"ranks differently from ?q={new}")


def check_missing_word(driver, served, report) -> None:
    got = run(driver, served, "hoi zzqqxx")
    if got["results"]:
        report.error("?q=hoi zzqqxx", f"{len(got['results'])} results although 'zzqqxx' is nowhere")
    if "zzqqxx" not in got["status"]:
        report.error("?q=hoi zzqqxx", f"the status does not name the word that matched nothing: {got['status']!r}")
    if not any("q=hoi" in link for link in got["links"]):
        report.error("?q=hoi zzqqxx", f"no link to search without the word: {got['links']}")


def check_header_box(driver, served, report) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    for width in (390, 1280):
        set_viewport(driver, width)
        driver.get(serve_url(served, ""))
        box = driver.find_element(By.CSS_SELECTOR, "form[role=search] input[name=q]")
        if not box.is_displayed():
            report.error(f"/ @{width}px", "the header's search box is not visible")
            continue
        box.send_keys("dang", Keys.ENTER)
        got = settle(driver, "dang")
        if urlsplit(driver.current_url).path != urlsplit(serve_url(served, SEARCH)).path or not got["results"]:
            report.error(f"/ @{width}px", f"the header's box did not lead to results: {driver.current_url}, {got['status']!r}")


def check_filter(driver, served, report) -> None:
    from selenium.webdriver.support.select import Select

    got = run(driver, served, "cong")
    select = Select(driver.find_element("name", "kind"))
    if len(select.options) < 3:
        report.error("?q=cong", f"the kind filter offers {len(select.options) - 1} kinds for {len(got['results'])} results")
        return
    select.select_by_index(1)
    filtered = settle(driver, "cong")
    sections = {r["href"].split("/")[-3] for r in filtered["results"]}
    if not filtered["results"] or len(sections) != 1 or len(filtered["results"]) >= len(got["results"]):
        report.error("?q=cong&kind", f"choosing one kind left {len(filtered['results'])} results in {sorted(sections)}")


def check_without_script(site: Path, report) -> None:
    html = (site / SEARCH / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<div class="search-nojs"( hidden)?>(.*?)</div>', html, re.S)
    if not block or block.group(1) or "<a " not in block.group(2):
        report.error(f"/{SEARCH}", "without JavaScript the page offers no lists to browse")


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    site, served = Path(sys.argv[1]), sys.argv[2]
    report = Report("search")
    items = named_items(site)
    base = urlsplit(served).path
    items = {path if path.startswith(base) else base + path.lstrip("/"): name for path, name in items.items()}
    check_without_script(site, report)
    driver = chromium()
    timings = []
    try:
        set_viewport(driver, 1280)
        for query in ("duc", "dang", "dinh thi thu", "ldld"):
            check_words(driver, served, items, query, report)
            timings.append(float(driver.execute_script(RESULTS)["ms"] or 0))
        check_missing_word(driver, served, report)
        check_spellings(driver, served, items, report)
        check_filter(driver, served, report)
        check_header_box(driver, served, report)
    finally:
        driver.quit()
    return report.finish(f"5 queries, spellings, filter and header box; slowest ranking {max(timings):.1f} ms")


if __name__ == "__main__":
    sys.exit(main())

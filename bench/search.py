#!/usr/bin/env python3
"""Measure the search of a built site: index size, bytes a first query downloads, latency.

    bench/search.py [--pagefind] [--names N] SITE_DIR [QUERY ...]

SITE_DIR is a site built with a root base path (`exemplar build --base-url http://localhost/`).
The script serves it on the loopback the way a normal web server does (gzip, level 6, for
HTML, CSS, JavaScript and JSON, as nginx or Apache with compression on; the index and the
assets compressed once at start, as precompressed files are), then for each query
opens the search page in a fresh headless Chromium (empty cache) at `tim-kiem/?q=QUERY` and
records what the server sent until the results are drawn: every file, page and stylesheet
and script included. Latency is what search.js reports in the form's `data-ms`: the time it
spent ranking and drawing, after the files arrived; the time from navigation to results on
the loopback is printed too, and the time from the arrival of the last file the ranking
needs (manifest, term shards, filters) to the results drawn (`data-at`): parsing, ranking
and drawing, and fetching document blocks when the shards did not carry every row of the
first page (`data-blocks`: how many; timed on their own too); and the time from the arrival
of the last index file of any kind (pair shards and document blocks included) to the results
drawn. The median and maximum of those times over the queries, and how many queries needed
blocks, close the table. With --names N, the queries are instead N full names of individuals
drawn from the site's index (the same draw as bench/search_coverage.py), the first half typed
without marks, the others as written.

With --pagefind, the same queries go to a Pagefind index of the same site (`pagefind --site
SITE_DIR`, which writes SITE_DIR/pagefind/) through its JavaScript API on a bare page the
script serves itself: `search()`, then `data()` of the first 20 results, as many as our page
shows. Needs selenium (the quality venv: .build-quality/venv).
"""
from __future__ import annotations

import gzip
import http.server
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

# One-word queries, then names, places and units as visitors type them (two and three words).
DEFAULT_QUERIES = ["duc", "dang", "hoa", "nguyen", "thu", "cong", "ldld", "Đức",
                   "dinh thi thu", "nguyen van", "tran thi", "nguyen thi thu", "le ngoc phuc", "huynh cong viet",
                   "dong hoi", "Đồng Hới", "gach ngoi", "truong mam non", "cho ba don", "chi cuc thue"]
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml"}


def index_stats(site: Path) -> tuple[int, int, int]:
    files = [p for p in (site / "tim-kiem" / "i").rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), 6, mtime=0)) for p in files)
    return len(files), raw, packed


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.requests: list[tuple[str, int]] = []

    def add(self, path: str, size: int):
        with self.lock:
            self.requests.append((path, size))


# A bare page running one Pagefind query, as a search page using its API would: search, then
# the data of the first 20 results. Its own size is not counted.
PAGEFIND_PAGE = b"""<!doctype html><html lang="vi"><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
const q = new URLSearchParams(location.search).get("q");
const pagefind = await import("/pagefind/pagefind.js");
const search = await pagefind.search(q);
const data = await Promise.all(search.results.slice(0, 20).map(r => r.data()));
window.pf = {count: search.results.length, at: performance.now(), titles: data.map(d => d.meta.title)};
</script></html>"""
PAGEFIND_PATH = "/__bench/pagefind.html"


def serve(site: Path, counter: Counter) -> http.server.ThreadingHTTPServer:
    # The index and the assets are compressed once, before the first request, as a server
    # with precompressed files (or a fast C gzip) sends them without a wait per file.
    packed: dict[Path, bytes] = {}
    for folder in (site / "tim-kiem" / "i", site / "assets"):
        for file in folder.rglob("*"):
            if file.is_file() and file.suffix in COMPRESSED:
                packed[file.resolve()] = gzip.compress(file.read_bytes(), 6, mtime=0)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            path = unquote(urlsplit(self.path).path)
            if path == PAGEFIND_PATH:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(PAGEFIND_PAGE)))
                self.end_headers()
                self.wfile.write(PAGEFIND_PAGE)
                return
            file = site / path.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file() or site.resolve() not in file.resolve().parents:
                self.send_error(404)
                return
            gzipped = file.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
            if gzipped:
                body = packed.get(file.resolve()) or gzip.compress(file.read_bytes(), 6, mtime=0)
            else:
                body = file.read_bytes()
            types = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
                     ".json": "application/json", ".svg": "image/svg+xml", ".wasm": "application/wasm"}
            self.send_response(200)
            self.send_header("Content-Type", types.get(file.suffix, "application/octet-stream"))
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            self.wfile.write(body)
            counter.add(path, len(body))

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))


STATE = """
const f = document.getElementById('search-form');
const index = performance.getEntriesByType('resource').filter(e => e.name.includes('/tim-kiem/i/'));
const needed = index.filter(e => !e.name.includes('/tim-kiem/i/d/'));
return f ? {state: f.dataset.state || '', query: f.dataset.query, ms: f.dataset.ms, at: +f.dataset.at,
            arrived: Math.max(0, ...index.map(e => e.responseEnd)),
            ready: Math.max(0, ...needed.map(e => e.responseEnd)),
            blocks: Math.max(0, ...index.filter(e => e.name.includes('/tim-kiem/i/d/')).map(e => e.responseEnd))
                    - Math.min(...index.filter(e => e.name.includes('/tim-kiem/i/d/')).map(e => e.startTime)),
            count: document.querySelectorAll('#search-results > li').length, fetched: +(f.dataset.blocks || 0),
            status: document.getElementById('search-status').textContent} : null;
"""


def measure(base: str, counter: Counter, query: str) -> dict:
    driver = browser()
    try:
        counter.reset()
        driver.get(base + "tim-kiem/?q=" + quote(query))
        deadline = time.time() + 60
        while True:
            seen = driver.execute_script(STATE)
            if seen and seen["state"] in ("done", "failed") and seen["query"] == query:
                break
            if time.time() > deadline:
                raise SystemExit(f"{query!r}: no result within 60 s: {seen}")
            time.sleep(0.005)
        time.sleep(0.2)  # late requests (the icon) are counted too
        requests = list(counter.requests)
        # The same query again, its files now in memory: the least of five runs is the
        # browser's own work, whatever else the machine is doing meanwhile.
        again = []
        for _ in range(5):
            driver.execute_script("const f = document.getElementById('search-form'); f.dataset.state = 'busy';"
                                  " f.requestSubmit();")
            while True:
                warm = driver.execute_script(STATE)
                if warm["state"] == "done":
                    break
                time.sleep(0.005)
            again.append(float(warm["ms"] or 0))
    finally:
        driver.quit()
    index = [(p, n) for p, n in requests if "/tim-kiem/i/" in p]
    return {"query": query, "bytes": sum(n for _, n in requests), "requests": len(requests),
            "index_bytes": sum(n for _, n in index), "index_files": len(index),
            "ms": float(seen["ms"] or 0), "wall": seen["at"], "after": seen["at"] - seen["ready"],
            "last": seen["at"] - seen["arrived"],
            "blocks": max(0, seen["blocks"] or 0) if seen["fetched"] else 0, "fetched": seen["fetched"],
            "results": seen["status"], "warm": min(again)}


PAGEFIND_STATE = """
if (!window.pf) return null;
const files = performance.getEntriesByType('resource').filter(e => e.name.includes('/pagefind/'));
const beforeData = files.filter(e => !e.name.includes('/fragment/'));
return {count: window.pf.count, at: window.pf.at, titles: window.pf.titles,
        ready: Math.max(0, ...beforeData.map(e => e.responseEnd))};
"""


def measure_pagefind(base: str, counter: Counter, query: str) -> dict:
    driver = browser()
    try:
        counter.reset()
        driver.get(base + PAGEFIND_PATH.lstrip("/") + "?q=" + quote(query))
        deadline = time.time() + 120
        while not (seen := driver.execute_script(PAGEFIND_STATE)):
            if time.time() > deadline:
                raise SystemExit(f"Pagefind {query!r}: no result within 120 s")
            time.sleep(0.005)
        time.sleep(0.2)
        requests = [(p, n) for p, n in counter.requests if p != PAGEFIND_PATH]
    finally:
        driver.quit()
    index = [(p, n) for p, n in requests if p.startswith("/pagefind/")]
    return {"query": query, "bytes": sum(n for _, n in requests), "requests": len(requests),
            "index_bytes": sum(n for _, n in index), "index_files": len(index),
            "wall": seen["at"], "after": seen["at"] - seen["ready"], "results": seen["count"]}


def pagefind_stats(site: Path) -> tuple[int, int]:
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def drawn_names(site: Path, count: int) -> list[str]:
    """`count` full names of individuals, drawn as bench/search_coverage.py draws them."""
    import json
    import random
    import unicodedata

    folder = site / "tim-kiem" / "i"
    manifest = json.loads((folder / "m.json").read_text())
    blocks: list[list] = []
    for number in range((manifest["documents"] + manifest["per_file"] - 1) // manifest["per_file"]):
        blocks += json.loads((folder / "d" / f"{number}.json").read_text())
    individuals = next(range(g[1], g[2]) for g in manifest["groups"] if g[0] == "Cá nhân điển hình")
    drawn = [blocks[d][1] for d in random.Random(2016).sample(list(individuals), min(count, len(individuals)))]

    def bare(name: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", name.lower()) if unicodedata.category(c) != "Mn").replace("đ", "d")
    return [bare(n) for n in drawn[:count // 2]] + drawn[count // 2:]


def main() -> int:
    args = sys.argv[1:]
    pagefind = "--pagefind" in args
    args = [a for a in args if a != "--pagefind"]
    names = 0
    if "--names" in args:
        at = args.index("--names")
        names = int(args[at + 1])
        del args[at:at + 2]
    if not args:
        sys.exit(__doc__)
    site = Path(args[0])
    queries = args[1:] or (drawn_names(site, names) if names else DEFAULT_QUERIES)
    if pagefind and not (site / "pagefind" / "pagefind.js").is_file():
        sys.exit(f"{site}/pagefind/pagefind.js: no Pagefind index (run `pagefind --site {site}` first)")
    files, raw, packed = index_stats(site)
    script = site / "assets" / "search.js"
    print(f"index: {files} files, {raw / 1e6:.1f} MB, {packed / 1e6:.1f} MB gzipped")
    print(f"search.js: {script.stat().st_size} B, {len(gzip.compress(script.read_bytes(), 6, mtime=0))} B gzipped")
    counter = Counter()
    server = serve(site, counter)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print("| query | transferred (gzip) | requests | of which index | ranking + drawing, first | same, least of 5"
          " | shards arrived → results | last index file → results | blocks fetched (time) | navigation → results | results |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    try:
        measured = []
        for query in queries:
            m = measure(base, counter, query)
            measured.append(m)
            print(f"| {m['query']} | {m['bytes'] / 1024:.1f} KB | {m['requests']} | {m['index_bytes'] / 1024:.1f} KB in {m['index_files']} files"
                  f" | {m['ms']:.1f} ms | {m['warm']:.1f} ms | {m['after']:.0f} ms | {m['last']:.0f} ms | {m['fetched']} ({m['blocks']:.0f} ms)"
                  f" | {m['wall']:.0f} ms | {m['results']} |", flush=True)
        after = sorted(m["after"] for m in measured)
        last = sorted(m["last"] for m in measured)
        ranking = sorted(m["ms"] for m in measured)
        one = [m for m in measured if len(m["query"].split()) == 1]
        print(f"\nshards arrived → results: median {statistics.median(after):.0f} ms, max {after[-1]:.0f} ms;"
              f" last index file → results: median {statistics.median(last):.0f} ms, max {last[-1]:.0f} ms;"
              f" ranking + drawing, first: median {statistics.median(ranking):.1f} ms, max {ranking[-1]:.1f} ms;"
              f" queries needing document blocks: {sum(1 for m in measured if m['fetched'])} of {len(measured)};"
              f" largest first one-word query: {max(m['bytes'] for m in one) / 1024:.1f} KB" if one else "")
        if pagefind:
            files, size = pagefind_stats(site)
            print(f"\nPagefind: {files} files, {size / 1e6:.1f} MB")
            print("| query | transferred (gzip) | requests | of which index | index files arrived → results | navigation → results | results |")
            print("| --- | --- | --- | --- | --- | --- | --- |")
            for query in queries:
                m = measure_pagefind(base, counter, query)
                print(f"| {m['query']} | {m['bytes'] / 1024:.1f} KB | {m['requests']} | {m['index_bytes'] / 1024:.1f} KB in {m['index_files']} files"
                      f" | {m['after']:.0f} ms | {m['wall']:.0f} ms | {m['results']} |", flush=True)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

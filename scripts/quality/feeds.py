#!/usr/bin/env python3
"""Gate: feeds, sitemap and exports, read with standard parsers.

- feed.xml is an Atom 1.0 feed (RFC 4287): the Atom namespace; feed id, title, updated and
  an author (on the feed or on every entry); each entry id, title, updated and a link;
  ids absolute and unique; dates RFC 3339; links into the site resolve to a page;
- sitemap.xml is a sitemaps.org urlset: the namespace, <url><loc> with absolute http(s) URLs
  under the site's base URL, each an existing page, no duplicates, optional lastmod,
  changefreq and priority well formed; every HTML page but 404.html is listed;
- robots.txt, when there, names the sitemap by its absolute URL;
- every api/*.json parses as JSON.

Usage: feeds.py SITE_DIR
"""
from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Report, html_files, site_base  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
W3C_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")
CHANGEFREQ = {"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"}


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def text_of(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def main() -> int:
    site = Path(sys.argv[1]).resolve()
    report = Report("feeds")
    base = site_base(site)

    def page_for(url: str) -> Path | None:
        """The file an absolute URL under the base URL serves, or None."""
        if not url.startswith(base):
            return None
        rel = unquote(urlsplit(url).path)[len(urlsplit(base).path):]
        file = site / rel
        if rel == "" or rel.endswith("/"):
            file = file / "index.html"
        return file if file.is_file() else None

    entries = urls = exports = 0

    # Atom feed.
    feed_file = site / "feed.xml"
    if not feed_file.is_file():
        report.error("feed.xml", "missing")
    else:
        try:
            root = ET.parse(feed_file).getroot()
        except ET.ParseError as error:
            report.error("feed.xml", f"not well-formed XML: {error}")
            root = None
        if root is not None:
            if root.tag != f"{ATOM}feed":
                report.error("feed.xml", f"root element is {root.tag}, not Atom's {{{ATOM[1:-1]}}}feed")
            for name in ("id", "title", "updated"):
                found = root.findall(f"{ATOM}{name}")
                if len(found) != 1 or not text_of(found[0]):
                    report.error("feed.xml", f"the feed needs exactly one non-empty <{name}> (has {len(found)})")
            if not is_absolute(text_of(root.find(f"{ATOM}id"))):
                report.error("feed.xml", f"feed <id> is not an absolute IRI: {text_of(root.find(f'{ATOM}id'))!r}")
            updated = text_of(root.find(f"{ATOM}updated"))
            if updated and not RFC3339.match(updated):
                report.error("feed.xml", f"feed <updated> is not an RFC 3339 date-time: {updated!r}")
            selfs = [l for l in root.findall(f"{ATOM}link") if l.get("rel") == "self"]
            if len(selfs) != 1 or selfs[0].get("href") != base + "feed.xml":
                report.error("feed.xml", f"needs one <link rel=\"self\" href=\"{base}feed.xml\">")
            feed_has_author = any(text_of(a.find(f"{ATOM}name")) for a in root.findall(f"{ATOM}author"))
            seen_ids: set[str] = set()
            for index, entry in enumerate(root.findall(f"{ATOM}entry"), start=1):
                entries += 1
                where = f"feed.xml entry {index}"
                for name in ("id", "title", "updated"):
                    found = entry.findall(f"{ATOM}{name}")
                    if len(found) != 1 or not text_of(found[0]):
                        report.error(where, f"needs exactly one non-empty <{name}> (has {len(found)})")
                ident = text_of(entry.find(f"{ATOM}id"))
                if ident and not is_absolute(ident):
                    report.error(where, f"<id> is not an absolute IRI: {ident!r}")
                if ident in seen_ids:
                    report.error(where, f"<id> repeats an earlier entry's: {ident}")
                seen_ids.add(ident)
                stamp = text_of(entry.find(f"{ATOM}updated"))
                if stamp and not RFC3339.match(stamp):
                    report.error(where, f"<updated> is not an RFC 3339 date-time: {stamp!r}")
                links = entry.findall(f"{ATOM}link")
                alternates = [l for l in links if l.get("rel", "alternate") == "alternate"]
                if not links or not alternates:
                    report.error(where, "needs a <link rel=\"alternate\" href=…>")
                for link in links:
                    href = link.get("href") or ""
                    if not is_absolute(href):
                        report.error(where, f"<link href> is not an absolute URL: {href!r}")
                    elif href.startswith(base) and page_for(href) is None:
                        report.error(where, f"<link href> points to no page of the site: {href}")
                if not feed_has_author and not any(text_of(a.find(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")):
                    report.error(where, "no <author> here nor on the feed")

    # Sitemap.
    sitemap_file = site / "sitemap.xml"
    if not sitemap_file.is_file():
        report.error("sitemap.xml", "missing")
    else:
        try:
            root = ET.parse(sitemap_file).getroot()
        except ET.ParseError as error:
            report.error("sitemap.xml", f"not well-formed XML: {error}")
            root = None
        if root is not None:
            if root.tag != f"{SITEMAP}urlset":
                report.error("sitemap.xml", f"root element is {root.tag}, not {SITEMAP}urlset")
            listed: set[Path] = set()
            seen: set[str] = set()
            for index, url in enumerate(root.findall(f"{SITEMAP}url"), start=1):
                urls += 1
                where = f"sitemap.xml url {index}"
                locs = url.findall(f"{SITEMAP}loc")
                if len(locs) != 1:
                    report.error(where, f"needs exactly one <loc> (has {len(locs)})")
                    continue
                loc = text_of(locs[0])
                if not is_absolute(loc) or len(loc) > 2048:
                    report.error(where, f"<loc> is not an absolute URL: {loc!r}")
                    continue
                if loc in seen:
                    report.error(where, f"<loc> listed twice: {loc}")
                seen.add(loc)
                if not loc.startswith(base):
                    report.error(where, f"<loc> is outside the site's base URL {base}: {loc}")
                    continue
                file = page_for(loc)
                if file is None:
                    report.error(where, f"<loc> points to no page of the site: {loc}")
                else:
                    listed.add(file)
                lastmod = text_of(url.find(f"{SITEMAP}lastmod"))
                if url.find(f"{SITEMAP}lastmod") is not None and not W3C_DATE.match(lastmod):
                    report.error(where, f"<lastmod> is not a W3C date: {lastmod!r}")
                if url.find(f"{SITEMAP}changefreq") is not None and text_of(url.find(f"{SITEMAP}changefreq")) not in CHANGEFREQ:
                    report.error(where, "<changefreq> is not one of " + ", ".join(sorted(CHANGEFREQ)))
                if url.find(f"{SITEMAP}priority") is not None:
                    try:
                        if not 0 <= float(text_of(url.find(f"{SITEMAP}priority"))) <= 1:
                            raise ValueError
                    except ValueError:
                        report.error(where, "<priority> is not a number from 0.0 to 1.0")
            if urls > 50000:
                report.error("sitemap.xml", f"{urls} URLs: a sitemap holds 50,000 at most")
            for page in html_files(site):
                if page.name == "404.html" or page in listed:
                    continue
                report.error("sitemap.xml", f"does not list {page.relative_to(site).as_posix()}")

    robots = site / "robots.txt"
    if robots.is_file():
        lines = [l.split(":", 1)[1].strip() for l in robots.read_text(encoding="utf-8").splitlines()
                 if l.lower().startswith("sitemap:")]
        if lines and any(not is_absolute(l) for l in lines):
            report.error("robots.txt", "Sitemap: needs an absolute URL")
        if lines and base + "sitemap.xml" not in lines:
            report.error("robots.txt", f"Sitemap: does not name {base}sitemap.xml")

    # JSON exports.
    for export in sorted((site / "api").glob("*.json")):
        exports += 1
        try:
            data = json.loads(export.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            report.error(export.relative_to(site).as_posix(), f"not valid JSON: {error}")
            continue
        if data in ([], {}, None):
            report.error(export.relative_to(site).as_posix(), "is empty")

    return report.finish(f"feed with {entries} entries, sitemap with {urls} URLs, {exports} JSON export(s)")


if __name__ == "__main__":
    sys.exit(main())

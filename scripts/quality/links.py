#!/usr/bin/env python3
"""Gate: links. An independent crawl of the built site with the standard library only.

- every internal href/src (relative, path-absolute, or absolute under the site's base URL)
  resolves to a file of the output, and a `#fragment` to an element with that id;
- a link to the same host outside the base path (the organisation's own home page when the
  site lives at `/dien-hinh/`) leaves the site like any external link and is not crawled;
- every asset a page or a stylesheet loads exists, and none is loaded from another host or
  from outside the base path (no web fonts, CDNs or trackers: the site stands on its own);
- no page has the same id twice.

Usage: links.py SITE_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Collector, Report, base_path, css_urls, html_files, site_base  # noqa: E402

# Elements (and <link> kinds) whose URL the browser loads as part of the page.
LOADING_TAGS = {"img", "script", "iframe", "embed", "source", "track", "audio", "video", "object", "input", "image", "use"}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                     "apple-touch-icon", "mask-icon", "preconnect", "dns-prefetch"}


def main() -> int:
    site = Path(sys.argv[1]).resolve()
    report = Report("links")
    base = site_base(site)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    prefix = base_path(base)

    pages = html_files(site)
    parsed: dict[Path, Collector] = {}
    for page in pages:
        collector = Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        collector.close()
        parsed[page] = collector

    def page_url(page: Path) -> str:
        rel = page.relative_to(site).as_posix()
        if rel.endswith("index.html"):
            rel = rel[: -len("index.html")]
        return prefix + rel

    def target_file(path: str) -> Path | None:
        """The file a path under the base path serves, or None."""
        rel = unquote(path[len(prefix):])
        candidate = site / rel
        if path.endswith("/"):
            candidate = candidate / "index.html"
        try:
            candidate.resolve().relative_to(site)
        except ValueError:
            return None
        return candidate if candidate.is_file() else None

    def ids_of(file: Path) -> set[str] | None:
        if file in parsed:
            return set(parsed[file].ids)
        return None

    checked_refs = 0
    css_files: set[Path] = set(site.rglob("*.css"))

    def check(where: str, page_path: str, tag: str, attr: str, value: str, loads: bool, page: Path | None) -> None:
        nonlocal checked_refs
        value = value.strip()
        if value == "":
            report.error(where, f"<{tag} {attr}=\"\"> is empty")
            return
        parts = urlsplit(value)
        if parts.scheme in ("mailto", "tel", "data"):
            return
        if parts.scheme in ("javascript", "vbscript"):
            report.error(where, f"<{tag} {attr}> uses a {parts.scheme}: URL: {value}")
            return
        absolute = urljoin(origin + page_path, value)
        target = urlsplit(absolute)
        target_origin = f"{target.scheme}://{target.netloc}"
        if target_origin != origin:
            if loads:
                report.error(where, f"<{tag} {attr}> loads from another host: {value}")
            return  # a link to another site: not ours to crawl
        path = target.path or "/"
        # The base itself without its slash (`/dien-hinh`) is ours: checked, and reported as a folder.
        if not path.startswith(prefix) and path != prefix.rstrip("/"):
            if loads:
                report.error(where, f"<{tag} {attr}> loads from outside the base path {prefix}: {value}")
            return  # the same host, but another site of the organisation: not ours to crawl
        checked_refs += 1
        if value.startswith("#"):
            file = page
        else:
            file = target_file(path)
            if file is None:
                hint = " (a folder: link it with a trailing /)" if (site / unquote(path[len(prefix):])).is_dir() else ""
                report.error(where, f"<{tag} {attr}> dead link, no file for {path}{hint}: {value}")
                return
        if file is not None and file.suffix == ".css":
            css_files.add(file)
        if target.fragment:
            ids = ids_of(file) if file is not None else None
            fragment = unquote(target.fragment)
            if ids is None:
                report.error(where, f"<{tag} {attr}> has a fragment into a file that is not a page: {value}")
            elif fragment not in ids:
                report.error(where, f"<{tag} {attr}> no element with id=\"{fragment}\" on {path}: {value}")
        elif value.endswith("#"):
            report.error(where, f"<{tag} {attr}> is an empty fragment link: {value}")

    for page in pages:
        collector = parsed[page]
        rel = page.relative_to(site).as_posix()
        here = page_url(page)
        for ident, line in collector.duplicate_ids:
            report.error(f"{rel}:{line}", f"id=\"{ident}\" appears more than once")
        for line, tag, attr, value in collector.refs:
            loads = tag in LOADING_TAGS or attr in ("srcset", "poster")
            if tag.startswith("link "):
                loads = bool(set(tag[len("link rel="):].lower().split()) & LOADING_LINK_RELS)
            # 404.html is served at any address: its links must not be relative.
            if rel == "404.html" and not urlsplit(value).scheme and not value.startswith(("/", "#")):
                report.error(f"{rel}:{line}", f"relative URL on the 404 page breaks below the root: {value}")
            check(f"{rel}:{line}", here, tag, attr, value, loads, page)
        for line, css in collector.styles:
            for url in css_urls(css):
                check(f"{rel}:{line}", here, "style", "url()", url, True, page)

    for css in sorted(css_files):
        rel = css.relative_to(site).as_posix()
        text = css.read_text(encoding="utf-8")
        for url in css_urls(text):
            check(rel, prefix + rel, "css", "url()", url, True, None)

    return report.finish(f"{len(pages)} pages, {checked_refs} internal links and assets, {len(css_files)} stylesheet(s)")


if __name__ == "__main__":
    sys.exit(main())

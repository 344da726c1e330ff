"""Shared helpers of the quality gates: the built site on disk and a headless Chromium.

Every gate is a small script that takes the site's folder (and, for the browser gates, the
URL it is served at), prints one line per problem and exits 1 when it found any.
"""
from __future__ import annotations

import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


def html_files(site: Path) -> list[Path]:
    """Every HTML page of the built site, sorted."""
    return sorted(p for p in site.rglob("*.html") if p.is_file())


def site_base(site: Path) -> str:
    """The site's absolute base URL (origin + base path, ending in /), read from the home
    page's canonical link: the gates never assume the sample's base_url."""
    home = site / "index.html"
    text = home.read_text(encoding="utf-8")
    match = re.search(r'<link\s+rel="canonical"\s+href="([^"]+)"', text)
    if not match:
        sys.exit(f"{home}: no <link rel=\"canonical\"> to read the base URL from")
    base = match.group(1)
    return base if base.endswith("/") else base + "/"


def base_path(base_url: str) -> str:
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


class Report:
    """Collects a gate's problems and prints the gate's closing line."""

    def __init__(self, gate: str):
        self.gate = gate
        self.problems: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def finish(self, checked: str) -> int:
        for line in self.problems:
            print(f"  {line}")
        status = "FAIL" if self.problems else "ok"
        print(f"[{self.gate}] {status}: {checked}, {len(self.problems)} problem(s)")
        return 1 if self.problems else 0


class Collector(HTMLParser):
    """Ids, links and loaded resources of one HTML page, with line numbers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, int] = {}
        self.duplicate_ids: list[tuple[str, int]] = []
        # (line, tag, attribute, value)
        self.refs: list[tuple[int, str, str, str]] = []
        self.styles: list[tuple[int, str]] = []
        self._in_style = False

    # Attributes whose value is one URL, per element.
    URL_ATTRS = {
        "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src",),
        "script": ("src",), "iframe": ("src",), "embed": ("src",), "source": ("src",),
        "track": ("src",), "audio": ("src",), "video": ("src", "poster"), "object": ("data",),
        "form": ("action",), "input": ("src",), "use": ("href",), "image": ("href",),
    }

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for name in ("id", "name" if tag == "a" else None):
            if name and values.get(name):
                ident = values[name]
                if ident in self.ids:
                    self.duplicate_ids.append((ident, line))
                self.ids.setdefault(ident, line)
        label = f"link rel={values.get('rel') or ''}" if tag == "link" else tag
        for attr in self.URL_ATTRS.get(tag, ()):
            if values.get(attr) is not None:
                self.refs.append((line, label, attr, values[attr]))
        for attr in ("srcset", "imagesrcset"):
            if values.get(attr):
                for candidate in values[attr].split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.refs.append((line, tag, attr, url))
        if tag == "meta" and values.get("property", values.get("name", "")) in ("og:image", "og:url", "twitter:image"):
            self.refs.append((line, tag, "content", values.get("content") or ""))
        if values.get("style"):
            self.styles.append((line, values["style"]))
        if tag == "style":
            self._in_style = True

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append((self.getpos()[0], data))


CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


def css_urls(text: str) -> list[str]:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(text)]


def chromium(width: int = 1280, height: int = 900):
    """A headless Chromium driven by Debian's chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=vi",
                f"--window-size={width},{height}"):
        options.add_argument(arg)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_viewport(driver, width: int, height: int = 900) -> None:
    """Makes the page's viewport (not the window) exactly width × height CSS pixels."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
    })


# The site's list pages, by their folder (the sample's URLs; Sources/…/Plan decides them).
LIST_FOLDERS = ["tap-the", "ca-nhan", "mo-hinh", "su-kien", "don-vi", "nam", "mat-cong-tac", "khen-thuong", "giai-doan"]
NOT_PAGES = {"api", "assets", "media"}


def sample_pages(site: Path, everything: bool = False) -> list[str]:
    """Paths (relative to the base URL) of the pages the browser gates look at: home, every
    list, a term page and a second page of a list, the biggest page of each kind, the
    profile the tests use, every free page and the 404 page. With everything: all pages."""
    if everything:
        return [p.relative_to(site).as_posix().removesuffix("index.html") for p in html_files(site)]
    chosen: list[str] = [""]
    for folder in LIST_FOLDERS:
        if (site / folder / "index.html").is_file():
            chosen.append(f"{folder}/")
        children = sorted((p for p in (site / folder).glob("*/index.html")), key=lambda p: (-p.stat().st_size, str(p)))
        if children:
            chosen.append(children[0].parent.relative_to(site).as_posix() + "/")
    if (site / "ca-nhan/nguyen-thi-hoa/index.html").is_file():
        chosen.append("ca-nhan/nguyen-thi-hoa/")
    paged = sorted(site.glob("**/trang/2/index.html"))
    if paged:
        chosen.append(paged[0].parent.relative_to(site).as_posix() + "/")
    for folder in sorted(p for p in site.iterdir() if p.is_dir()):
        if folder.name not in NOT_PAGES and folder.name not in LIST_FOLDERS and (folder / "index.html").is_file():
            chosen.append(folder.name + "/")
    if (site / "404.html").is_file():
        chosen.append("404.html")
    return list(dict.fromkeys(chosen))


def serve_url(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + "/" + path

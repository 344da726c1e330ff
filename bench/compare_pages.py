#!/usr/bin/env python3
"""Check that an Exemplar site and its Hugo twin hold the same HTML pages.

    compare_pages.py EXEMPLAR_SITE HUGO_SITE

Lists every page (an .html file, by its path under the site) of both and prints the pages
only one of them has, apart from the known differences:
- pages the twin does not make: the phase list (/giai-doan/), the figures and reports
  (/so-lieu/), the replication list (/nhan-rong/) and the search page (/tim-kiem/);
- a unit's exemplars: Exemplar lists them at /don-vi/<id>/dien-hinh/ (page N at
  .../dien-hinh/trang/N/), Hugo paginates the unit page itself (/don-vi/<id>/trang/N/), so
  Exemplar's first list page has no separate counterpart;
- Hugo's redirect stubs at .../trang/1/.
Exits 1 when any other page differs, so the benchmark never compares sites of different sizes.
"""

import os
import re
import sys

# Pages Exemplar makes and the twin has no counterpart for.
EXEMPLAR_ONLY = ("giai-doan/", "so-lieu/", "nhan-rong/", "tim-kiem/")
UNIT_LIST_FIRST = re.compile(r"^don-vi/[^/]+/dien-hinh/index\.html$")
UNIT_LIST_PAGE = re.compile(r"^(don-vi/[^/]+/)dien-hinh/(trang/[0-9]+/index\.html)$")


def pages(root):
    found = set()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare_pages.py EXEMPLAR_SITE HUGO_SITE")
    exemplar = {UNIT_LIST_PAGE.sub(r"\1\2", p) for p in pages(sys.argv[1])}
    hugo = pages(sys.argv[2])
    extra = [p for p in exemplar - hugo if p.startswith(EXEMPLAR_ONLY) or UNIT_LIST_FIRST.match(p)]
    exemplar_only = sorted(p for p in exemplar - hugo if p not in extra)
    hugo_only = sorted(p for p in hugo - exemplar if "/trang/1/" not in p)
    print(f"pages: Exemplar {len(exemplar)}, Hugo {len(hugo)}, in both {len(exemplar & hugo)}; "
          f"{len(extra)} of Exemplar's have no counterpart by design (phase, figures, reports, replication, "
          f"search, first page of a unit's list)")
    for label, paths in (("only in Exemplar", exemplar_only), ("only in Hugo", hugo_only)):
        if paths:
            print(f"{label} ({len(paths)}): " + ", ".join(paths[:10]) + (" …" if len(paths) > 10 else ""))
    sys.exit(1 if exemplar_only or hugo_only else 0)


if __name__ == "__main__":
    main()

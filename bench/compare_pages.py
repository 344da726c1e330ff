#!/usr/bin/env python3
"""Check that an Exemplar site and its Hugo twin hold the same HTML pages and the same lists'
filter choices files.

    compare_pages.py EXEMPLAR_SITE HUGO_SITE

Lists every page (an .html file, by its path under the site) of both and prints the pages
only one of them has, and every list's choices file (bo-loc.json) that only one of them has
or whose bytes differ, apart from the known differences:
- pages the twin does not make: the phase list (/giai-doan/), the figures and reports
  (/so-lieu/), the replication list (/nhan-rong/) and the search page (/tim-kiem/);
- a unit's exemplars: Exemplar lists them at /don-vi/<id>/dien-hinh/ (page N at
  .../dien-hinh/trang/N/), Hugo paginates the unit page itself (/don-vi/<id>/trang/N/), so
  Exemplar's first list page has no separate counterpart;
- Hugo's redirect stubs at .../trang/1/.
Exits 1 when any other page or choices file differs, so the benchmark never compares sites of
different sizes.
"""

import os
import re
import sys

# Pages Exemplar makes and the twin has no counterpart for.
EXEMPLAR_ONLY = ("giai-doan/", "so-lieu/", "nhan-rong/", "tim-kiem/")
UNIT_LIST_FIRST = re.compile(r"^don-vi/[^/]+/dien-hinh/index\.html$")
UNIT_LIST_PAGE = re.compile(r"^(don-vi/[^/]+/)dien-hinh/(trang/[0-9]+/index\.html)$")


def pages(root, ending=".html"):
    found = set()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(ending):
                found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def read(path):
    with open(path, "rb") as fh:
        return fh.read()


def compare_choices(exemplar_root, hugo_root):
    """The paths of choices files only one site has, and of those whose bytes differ."""
    unit_list = re.compile(r"^(don-vi/[^/]+/)dien-hinh/bo-loc\.json$")
    exemplar = {unit_list.sub(r"\1bo-loc.json", p): p for p in pages(exemplar_root, "bo-loc.json")
                if not p.startswith(EXEMPLAR_ONLY)}
    hugo = pages(hugo_root, "bo-loc.json")
    only = sorted(set(exemplar) ^ hugo)
    differ = sorted(p for p in set(exemplar) & hugo
                    if read(os.path.join(exemplar_root, exemplar[p])) != read(os.path.join(hugo_root, p)))
    print(f"list choices files: Exemplar {len(exemplar)}, Hugo {len(hugo)}, byte for byte the same "
          f"{len(set(exemplar) & hugo) - len(differ)}")
    for label, paths in (("only in one site", only), ("with other bytes", differ)):
        if paths:
            print(f"choices files {label} ({len(paths)}): " + ", ".join(paths[:10]) + (" …" if len(paths) > 10 else ""))
    return only + differ


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
    choices = compare_choices(sys.argv[1], sys.argv[2])
    sys.exit(1 if exemplar_only or hugo_only or choices else 0)


if __name__ == "__main__":
    main()

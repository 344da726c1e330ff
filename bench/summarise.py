#!/usr/bin/env python3
"""Print the median table for one corpus size from the raw results bench/run.sh wrote.

    summarise.py RESULTS.tsv --n N [--markdown-mb MB] [--runs R] [--load BEFORE AFTER] [--hugo-version V]

Each line of RESULTS.tsv: tool, run, wall s, user s, sys s, peak RSS KiB, pages, and for
Exemplar the stage timings as "load=0.12 validate=0.01 …".  Medians, not means: one run
disturbed by the machine should not move the figure.  The table is Markdown so it can be
pasted into bench/README.md as it is.
"""

import argparse
import statistics
import sys

STAGES = ["load", "validate", "link", "images", "plan", "render", "search", "write"]


def read(path):
    rows = {}
    with open(path) as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7:
                continue
            tool, _run, wall, user, sys_, rss, pages = parts[:7]
            stages = {}
            for item in (parts[7] if len(parts) > 7 else "").split():
                key, _, value = item.partition("=")
                stages[key] = float(value)
            rows.setdefault(tool, []).append({
                "wall": float(wall), "cpu": float(user) + float(sys_), "rss": int(rss) / 1024,
                "pages": int(pages), "stages": stages})
    return rows


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--n", required=True)
    ap.add_argument("--markdown-mb", default="?")
    ap.add_argument("--runs", default="?")
    ap.add_argument("--load", nargs=2, default=["?", "?"])
    ap.add_argument("--hugo-version", default="")
    args = ap.parse_args()
    rows = read(args.results)
    if not rows:
        sys.exit(f"{args.results}: no results")

    names = {"exemplar": "Exemplar, clean build", "hugo": f"Hugo {args.hugo_version}, clean build".replace(" ,", ","),
             "exemplar-unchanged": "Exemplar, unchanged rebuild (output kept)"}
    # Hugo run with a GOGC setting is recorded as "hugo-gogc400" and so on.
    hugos = ["hugo"] + sorted((t for t in rows if t.startswith("hugo-gogc")), key=lambda t: int(t[9:]))
    for tool in hugos[1:]:
        names[tool] = f"Hugo {args.hugo_version}, clean build, GOGC={tool[9:]}".replace(" ,", ",")
    med = {}
    print()
    print(f"### N = {args.n} profiles ({args.markdown_mb} MB of Markdown), median of {args.runs} runs"
          f" (load average {args.load[0]} before, {args.load[1]} after)")
    print()
    print("| tool | wall s | CPU s (user+sys) | peak RSS MiB | HTML pages | pages/s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for tool in ["exemplar"] + hugos + ["exemplar-unchanged"]:
        if tool not in rows:
            continue
        r = rows[tool]
        m = {k: median([x[k] for x in r]) for k in ("wall", "cpu", "rss", "pages")}
        med[tool] = m
        print(f"| {names[tool]} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['rss']:.0f} | {m['pages']:.0f} "
              f"| {m['pages'] / m['wall']:.0f} |")
    for tool in hugos:
        if "exemplar" not in med or tool not in med:
            continue
        e, h = med["exemplar"], med[tool]
        against = "Hugo" if tool == "hugo" else f"Hugo with GOGC={tool[9:]}"
        print()
        print(f"Exemplar / {against}: wall {e['wall'] / h['wall']:.2f}× (Hugo takes {h['wall'] / e['wall']:.2f}× as long), "
              f"CPU {e['cpu'] / h['cpu']:.2f}× (Hugo uses {h['cpu'] / e['cpu']:.2f}× as much), "
              f"peak memory {e['rss'] / h['rss']:.2f}×.")
    for tool in ("exemplar", "exemplar-unchanged"):
        stage_rows = [x["stages"] for x in rows.get(tool, []) if x["stages"]]
        if not stage_rows:
            continue
        parts = [f"{s} {median([x.get(s, 0.0) for x in stage_rows]):.3f}" for s in STAGES]
        print()
        print(f"{names[tool]}, stage medians (s, from `--timings`; render and write are summed over "
              f"worker threads): " + ", ".join(parts) + ".")


if __name__ == "__main__":
    main()

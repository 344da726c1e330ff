#!/usr/bin/env python3
"""How many queries draw their first page from the shards alone, without a browser.

    bench/search_coverage.py SITE_DIR [COUNT]

Reads the index of a built site (tim-kiem/i/) and, for each query, does what search.js does:
the term shards each word falls in (a prefix for the last word, at most four shards), the pair
shards of its words two and three at a time (at most three apart), the ranking (every word must match;
exact spellings, then whole words, then weight, then the site's order), and checks that the
first 20 results are those of the same ranking over every key of the index, and that each has
its row, the same as its document block's, in the files fetched. Queries: bench/search.py's,
then COUNT (default 300) full names of individuals drawn at random (fixed seed) typed without
marks, the first 60 of them with marks, and the first two and last two words of 100 of them.
Prints, per set, how many were answered from the shards and the gzipped bytes of the shards.
"""
from __future__ import annotations

import bisect
import gzip
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from search import DEFAULT_QUERIES  # noqa: E402

FIELD_WEIGHTS = [64, 16, 12, 8, 4, 1]
TONES = {"\u0300": "F", "\u0340": "F", "\u0301": "S", "\u0341": "S", "\u0303": "X", "\u0309": "R", "\u0323": "J"}
WORD = re.compile(r"[^\W_]+")


def weight(code: int) -> float:
    best = total = 0
    for bit in range(6):
        if code & (1 << bit):
            best = max(best, FIELD_WEIGHTS[bit])
            total += FIELD_WEIGHTS[bit]
    length = (code >> 6) & 7
    return best + (total - best) / 16 + (16 / length if length else 0)


WEIGHTS = [weight(c) for c in range(512)]


def fold(word: str) -> dict:
    lower = word.lower()
    key = "".join(c for c in unicodedata.normalize("NFD", lower) if unicodedata.category(c) != "Mn").replace("đ", "d")
    tones = "".join(TONES[c] for c in unicodedata.normalize("NFD", lower) if c in TONES)
    bare = "".join(c for c in unicodedata.normalize("NFD", lower) if c not in TONES)
    spelling = unicodedata.normalize("NFC", bare) + tones
    return {"key": key, "spelling": spelling, "marked": spelling != key}


def words(text: str) -> list[dict]:
    return [fold(w) for w in WORD.findall(unicodedata.normalize("NFC", text)) if len(w) <= 40]


class Index:
    def __init__(self, site: Path):
        folder = site / "tim-kiem" / "i"
        self.manifest = json.loads((folder / "m.json").read_text())
        self.firsts = self.manifest["shards"]
        self.pair_firsts = self.manifest.get("pairs", [])
        self.terms: dict[str, tuple[list[str], list[tuple[int, int]]]] = {}
        self.keys_in: list[list[str]] = []
        self.rows: list[dict[int, list]] = []
        self.bytes: list[int] = []
        for number in range(len(self.firsts)):
            raw = (folder / "t" / f"{number}.json").read_bytes()
            shard = json.loads(raw)
            self.bytes.append(len(gzip.compress(raw, 6)))
            self.rows.append({row[0]: row for row in shard["r"]})
            self.keys_in.append(list(shard["k"]))
            for key, (spellings, pairs) in shard["k"].items():
                document, postings = 0, []
                for i in range(0, len(pairs), 2):
                    document += pairs[i]
                    postings.append((document, pairs[i + 1]))
                self.terms[key] = (spellings, postings)
        self.pair_rows: list[dict[int, list]] = []
        self.pair_bytes: list[int] = []
        for number in range(len(self.pair_firsts)):
            raw = (folder / "p" / f"{number}.json").read_bytes()
            self.pair_bytes.append(len(gzip.compress(raw, 6)))
            self.pair_rows.append({row[0]: row for row in json.loads(raw)["r"]})
        self.blocks: list[list] = []
        for number in range((self.manifest["documents"] + self.manifest["per_file"] - 1) // self.manifest["per_file"]):
            self.blocks += json.loads((folder / "d" / f"{number}.json").read_text())
        self.names = [row[1] for row in self.blocks]
        self.sorted_keys = sorted(self.terms)

    def shards_for(self, key: str, prefix: bool) -> list[int]:
        low = max(bisect.bisect_right(self.firsts, key) - 1, 0)
        out = [low]
        if prefix:
            while out[-1] + 1 < len(self.firsts) and self.firsts[out[-1] + 1].startswith(key):
                out.append(out[-1] + 1)
            if len(out) > 4:
                out = [low]
        return out

    def pair_shards(self, query: list[dict]) -> list[int]:
        """search.js's pairShards: pairs and triples at most three apart, first to last."""
        out: list[int] = []
        keys = [w["key"] for w in query]

        def add(group: list[str]) -> None:
            group = sorted(group)
            if len(set(group)) < len(group) or not self.pair_firsts:
                return
            key = " ".join(group)
            number = max(bisect.bisect_right(self.pair_firsts, key) - 1, 0)
            if self.pair_firsts[number] <= key and number not in out:
                out.append(number)

        for i in range(len(keys)):
            for j in range(i + 1, min(i + 4, len(keys))):
                add([keys[i], keys[j]])
                for k in range(j + 1, min(i + 4, len(keys))):
                    add([keys[i], keys[j], keys[k]])
        return out

    def first_page(self, query: list[dict]) -> tuple[list[int], list[int]]:
        """The first 20 results from the term shards search.js fetches, and those shards."""
        fetched, keys = [], []
        for i, word in enumerate(query):
            shards = self.shards_for(word["key"], i == len(query) - 1)
            fetched += [s for s in shards if s not in fetched]
            keys.append([k for shard in shards for k in self.keys_in[shard]])
        return self.rank(query, keys), fetched

    def reference_page(self, query: list[dict]) -> list[int]:
        """The first 20 results from every key of the index, whatever the shards: the last word
        matches every key it starts, or when those keys start more than three shards (search.js's
        limit), those before the next shard's first key."""
        keys = []
        for i, word in enumerate(query):
            key = word["key"]
            start = bisect.bisect_left(self.sorted_keys, key)
            end = start
            while end < len(self.sorted_keys) and self.sorted_keys[end].startswith(key):
                end += 1
            if i < len(query) - 1:
                end = min(end, start + 1)
            elif sum(1 for first in self.firsts if first.startswith(key) and first != key) > 3:
                next_first = self.firsts[bisect.bisect_right(self.firsts, key)]
                end = bisect.bisect_left(self.sorted_keys, next_first, start, end)
            keys.append(self.sorted_keys[start:end])
        return self.rank(query, keys)

    def rank(self, query: list[dict], keys_of: list[list[str]]) -> list[int]:
        """search.js's ranking: every word must match; exact spellings, then whole words, then
        weight, then the site's order. `keys_of`: the keys each word may match."""
        matches = []
        for i, word in enumerate(query):
            last = i == len(query) - 1
            whole: dict[int, float] = {}
            part: dict[int, float] = {}
            exact: set[int] = set()
            for key in keys_of[i]:
                is_whole = key == word["key"]
                if not is_whole and not (last and key.startswith(word["key"])):
                    continue
                spellings, postings = self.terms[key]
                into = whole if is_whole else part
                spelling = spellings.index(word["spelling"]) if word["marked"] and is_whole and word["spelling"] in spellings else -1
                for document, code in postings:
                    into[document] = max(into.get(document, 0), WEIGHTS[code & 511])
                    if spelling >= 0 and code >> 9 == spelling:
                        exact.add(document)
            matches.append((whole, part, exact))
        found = None
        for whole, part, _ in matches:
            documents = set(whole) | set(part)
            found = documents if found is None else found & documents
        ranked = []
        for document in found or ():
            exact = whole_words = 0
            total = 0.0
            for whole, part, exacts in matches:
                if document in whole:
                    whole_words += 1
                    total += whole[document]
                else:
                    total += part[document] / 2
                exact += document in exacts
            ranked.append(((min(exact, 63) * 64 + min(whole_words, 63)) * 16384 + min(total, 16383), document))
        ranked.sort(key=lambda r: (-r[0], r[1]))
        return [d for _, d in ranked[:20]]


def main() -> int:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    index = Index(Path(sys.argv[1]))
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    groups = index.manifest["groups"]
    individuals = next(range(g[1], g[2]) for g in groups if g[0] == "Cá nhân điển hình")
    drawn = random.Random(2016).sample(list(individuals), min(count, len(individuals)))
    plain = [" ".join(w["key"] for w in words(index.names[d])) for d in drawn]
    sets = {
        "bench/search.py's queries": DEFAULT_QUERIES,
        f"{len(plain)} full names, no marks": plain,
        f"{min(60, len(drawn))} full names, with marks": [index.names[d] for d in drawn[:60]],
        "first two words of 100 names": [" ".join(q.split()[:2]) for q in plain[:100]],
        "last two words of 100 names": [" ".join(q.split()[-2:]) for q in plain[100:200]],
    }
    print(f"index: {len(index.firsts)} term shards, {len(index.pair_firsts)} pair shards, {index.manifest['documents']} documents")
    print("| queries | first page from the shards alone | shards fetched, gzip: mean, max | files: mean |")
    print("| --- | ---: | ---: | ---: |")
    for name, queries in sets.items():
        answered, differ, sizes, files = 0, 0, [], []
        for text in queries:
            query = words(text)
            top, fetched = index.first_page(query)
            pairs = index.pair_shards(query)
            have: dict[int, list] = {}
            for rows in [index.rows[s] for s in fetched] + [index.pair_rows[s] for s in pairs]:
                have.update(rows)
            # Answered: the same first page as ranking over the whole index, every result's row
            # carried by the files fetched, and the same row as its document block holds.
            if top != index.reference_page(query):
                differ += 1
            elif all(d in have and have[d] == [d] + index.blocks[d] for d in top):
                answered += 1
            sizes.append(sum(index.bytes[s] for s in fetched) + sum(index.pair_bytes[s] for s in pairs))
            files.append(len(fetched) + len(pairs))
        print(f"| {name} | {answered} of {len(queries)}{f' ({differ} ranked otherwise!)' if differ else ''} | {sum(sizes) / len(sizes) / 1024:.1f} KB, {max(sizes) / 1024:.1f} KB"
              f" | {sum(files) / len(files):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

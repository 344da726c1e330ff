#!/usr/bin/env python3
"""Turn an Exemplar content folder into a Hugo site that renders the same pages.

    python3 bench/hugo_site.py CORPUS_DIR HUGO_DIR

HUGO_DIR is recreated with hugo.toml, data/, static/assets/, layouts/ (copied from
bench/hugo/layouts) and content/.  The point is a fair comparison: Hugo gets the same
items, the same Markdown bodies and the same URL scheme as Exemplar (/tap-the/<id>/,
/ca-nhan/<id>/, /mo-hinh/<id>/, /su-kien/<id>/, /don-vi/<id>/, /nam/<y>/, /mat-cong-tac/<id>/,
/khen-thuong/<id>/, lists paginated by 24 under trang/<n>/), and its layouts show the same
facts, so both tools do comparable work.  All the cross-referencing (unit names, award names
and ranks, owners, participants, who adopted what, events an exemplar joined) is left to
Hugo's templates at build time, as Exemplar does it at build time; this script only maps
front matter, it does not precompute anything a page shows.

Hugo front matter is written as JSON (the format Hugo parses fastest and which Python
writes exactly); the YAML we read is the small subset the content model uses, parsed here
with the standard library only.
"""

import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# The builder's default catalogues (a site's awards.yml / fields.yml / criteria.yml extend them).
DEFAULT_AWARDS = [
    ("giay-khen", "Giấy khen", 5), ("giay-khen-cdcs", "Giấy khen Công đoàn cơ sở", 10),
    ("lao-dong-tien-tien", "Lao động tiên tiến", 12), ("tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", 13),
    ("giay-khen-cd-cap-tren", "Giấy khen Công đoàn cấp trên trực tiếp", 20),
    ("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", 22), ("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", 23),
    ("bang-khen-ldld-tinh", "Bằng khen LĐLĐ tỉnh", 30), ("co-thi-dua-ldld-tinh", "Cờ thi đua LĐLĐ tỉnh", 35),
    ("bang-khen-tong-ldld", "Bằng khen Tổng LĐLĐ Việt Nam", 40), ("co-thi-dua-tong-ldld", "Cờ thi đua Tổng LĐLĐ Việt Nam", 45),
    ("bang-khen-ubnd-tinh", "Bằng khen UBND tỉnh", 50), ("chien-si-thi-dua-cap-tinh", "Chiến sĩ thi đua cấp tỉnh", 52),
    ("bang-khen-thu-tuong", "Bằng khen Thủ tướng Chính phủ", 60), ("chien-si-thi-dua-toan-quoc", "Chiến sĩ thi đua toàn quốc", 62),
    ("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", 65),
    ("huan-chuong-lao-dong-hang-ba", "Huân chương Lao động hạng Ba", 70),
    ("huan-chuong-lao-dong-hang-nhi", "Huân chương Lao động hạng Nhì", 80),
    ("huan-chuong-lao-dong-hang-nhat", "Huân chương Lao động hạng Nhất", 90),
    ("huan-chuong-doc-lap", "Huân chương Độc lập", 100), ("huan-chuong-ho-chi-minh", "Huân chương Hồ Chí Minh", 110),
    ("huan-chuong-sao-vang", "Huân chương Sao vàng", 120),
]
DEFAULT_FIELDS = [("tuyen-giao", "Tuyên giáo"), ("nu-cong", "Nữ công"), ("chinh-sach-phap-luat", "Chính sách – Pháp luật"),
                  ("to-chuc", "Tổ chức"), ("kiem-tra", "Kiểm tra"), ("tai-chinh", "Tài chính")]
DEFAULT_CRITERIA = {
    "doan-ket": "Nội bộ đoàn kết, gương mẫu chấp hành đường lối, chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
    "vuot-kho": "Vượt khó, sáng tạo hoàn thành xuất sắc các chỉ tiêu thi đua và nhiệm vụ được giao",
    "phong-trao": "Tổ chức thực hiện các phong trào thi đua nền nếp, thiết thực, hiệu quả",
    "che-do-chinh-sach": "Thực hiện tốt các chế độ chính sách đối với mọi thành viên trong tập thể, thực hành tiết kiệm, tích cực đấu tranh chống tham nhũng",
    "trong-sach-vung-manh": "Tổ chức Đảng, đoàn thể đạt trong sạch vững mạnh",
    "bang-khen": "Đã được tặng Bằng khen của LĐLĐ tỉnh trở lên",
    "chap-hanh": "Chấp hành đường lối, chủ trương, chính sách của Đảng, pháp luật của Nhà nước và quy định của địa phương",
    "hoan-thanh-xuat-sac": "Hoàn thành xuất sắc nhiệm vụ được giao với năng suất và chất lượng cao",
    "dao-duc": "Có đạo đức tốt, lối sống lành mạnh",
    "tu-luc": "Có tinh thần tự lực, tự cường, đoàn kết, tương trợ giúp đỡ lẫn nhau, tích cực tham gia các phong trào thi đua",
}

# ---------------------------------------------------------------------------
# A reader for the YAML subset of the content model: `key: scalar`, flow lists [a, b],
# flow maps { k: v }, block lists of flow maps or of block maps, comments, quoted strings.
# ---------------------------------------------------------------------------


def _strip_comment(line):
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == "\\" and quote == '"':
                continue
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def _scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return json.loads(text)                 # YAML double quotes escape like JSON for our subset
    if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if text in ("true", "false"):
        return text == "true"
    if text in ("", "~", "null"):
        return None
    if text.lstrip("-").isdigit():
        return int(text)
    return text


def _flow(text, i=0):
    """Parse a flow value starting at text[i]; returns (value, next index)."""
    while text[i] == " ":
        i += 1
    if text[i] in "[{":
        closing = "]" if text[i] == "[" else "}"
        is_map = text[i] == "{"
        items, i = ([] if not is_map else {}), i + 1
        while True:
            while text[i] in " ,":
                i += 1
            if text[i] == closing:
                return items, i + 1
            if is_map:
                colon = text.index(":", i)
                key = text[i:colon].strip()
                value, i = _flow(text, colon + 1)
                items[key] = value
            else:
                value, i = _flow(text, i)
                items.append(value)
    # A scalar: up to the next top-level ',' ']' '}' (quotes respected).
    j = i
    if text[j] in "\"'":
        quote, j = text[j], j + 1
        while text[j] != quote:
            j += 2 if text[j] == "\\" and quote == '"' else 1
        j += 1
    else:
        while j < len(text) and text[j] not in ",]}":
            j += 1
    return _scalar(text[i:j]), j


def _value(text):
    text = text.strip()
    return _flow(text)[0] if text[:1] in "[{" else _scalar(text)


def parse_yaml(text):
    """Top-level mapping or list of the subset above."""
    lines = [(len(l) - len(l.lstrip(" ")), l.strip()) for l in (_strip_comment(x) for x in text.split("\n")) if l.strip()]
    result, pos = _block(lines, 0, 0)
    return result


def _block(lines, pos, indent):
    if pos < len(lines) and lines[pos][1].startswith("- "):
        out = []
        while pos < len(lines) and lines[pos][0] == indent and lines[pos][1].startswith("- "):
            rest = lines[pos][1][2:].strip()
            if rest.startswith("{") or ":" not in rest or rest.startswith('"'):
                out.append(_value(rest))
                pos += 1
            else:                                  # "- id: x" followed by "  name: y" lines
                sub = [(indent + 2, rest)]
                pos += 1
                while pos < len(lines) and lines[pos][0] > indent:
                    sub.append(lines[pos])
                    pos += 1
                out.append(_block(sub, 0, indent + 2)[0])
        return out, pos
    out = {}
    while pos < len(lines) and lines[pos][0] == indent:
        key, _, rest = lines[pos][1].partition(":")
        pos += 1
        if rest.strip():
            out[key.strip()] = _value(rest)
        elif pos < len(lines) and lines[pos][0] >= indent and lines[pos][1].startswith("- "):
            out[key.strip()], pos = _block(lines, pos, lines[pos][0])
        elif pos < len(lines) and lines[pos][0] > indent:
            out[key.strip()], pos = _block(lines, pos, lines[pos][0])
        else:
            out[key.strip()] = None
    return out, pos


def read_item(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---", 3)
    after = text.index("\n", end + 1) + 1 if text.find("\n", end + 1) >= 0 else len(text)
    return parse_yaml(text[4:end]), text[after:]


# ---------------------------------------------------------------------------
# Conversion
# ---------------------------------------------------------------------------

# Front matter keys Hugo reserves for itself, renamed so Hugo does not interpret them.
RESERVED = {"kind": "item_kind", "menu": "page_menu", "date": "date", "draft": "draft", "summary": "summary"}


def write_page(path, front, body):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(front, ensure_ascii=False, separators=(",", ":")))
        fh.write("\n")
        fh.write(body)


def convert(corpus, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    content = os.path.join(out, "content")
    for sub in ("collectives", "individuals", "models", "events", "don-vi", "data", "static/assets"):
        base = out if sub in ("data", "static/assets") else content
        os.makedirs(os.path.join(base, sub), exist_ok=True)
    shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(out, "layouts"))
    # The default theme's CSS and script, so both sites ship the same assets.
    assets = os.path.join(REPO, "theme", "assets")
    if os.path.isdir(assets):
        shutil.copytree(assets, os.path.join(out, "static", "assets"), dirs_exist_ok=True)

    with open(os.path.join(corpus, "site.yml"), encoding="utf-8") as fh:
        site = parse_yaml(fh.read())
    with open(os.path.join(corpus, "units.yml"), encoding="utf-8") as fh:
        units = parse_yaml(fh.read()) or []

    # Catalogues: defaults, then the site's own files on top (same id: the site's entry wins).
    awards = {i: {"id": i, "name": n, "rank": r} for i, n, r in DEFAULT_AWARDS}
    fields = {i: {"name": n} for i, n in DEFAULT_FIELDS}
    criteria = dict(DEFAULT_CRITERIA)
    for name, target in (("awards.yml", awards), ("fields.yml", fields)):
        path = os.path.join(corpus, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                for entry in parse_yaml(fh.read()) or []:
                    target[entry["id"]] = dict(entry)
    path = os.path.join(corpus, "criteria.yml")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            for group in (parse_yaml(fh.read()) or {}).values():
                for entry in group or []:
                    criteria[entry["id"]] = entry["text"]
    data = os.path.join(out, "data")
    unit_map = {u["id"]: {"name": u["name"], "kind": u.get("kind", ""), "parent": u.get("parent") or ""} for u in units}
    # Units keep their file order for the unit tree, so data carries the order too.
    for fname, value in (("units.json", unit_map), ("unitorder.json", {"ids": [u["id"] for u in units]}),
                         ("awards.json", awards), ("fields.json", fields), ("criteria.json", criteria)):
        with open(os.path.join(data, fname), "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False)

    base_url = site.get("base_url", "/")
    phase = site.get("phase") or {}
    with open(os.path.join(out, "hugo.toml"), "w", encoding="utf-8") as fh:
        fh.write(f"""# Generated by bench/hugo_site.py from {corpus}
baseURL = {json.dumps(base_url)}
languageCode = "vi"
defaultContentLanguage = "vi"
title = {json.dumps(site.get("title", ""), ensure_ascii=False)}
paginate = 24
paginatePath = "trang"
enableRobotsTXT = true
disableHugoGeneratorInject = true
# Page 1 of a paginated list would also get a redirect file at trang/1/; Exemplar writes none.
disableAliases = true
# Exemplar's feed carries the 50 newest items; Hugo's default puts every page in index.xml.
rssLimit = 50
# Exemplar writes one Atom feed and a sitemap; Hugo writes the home RSS and a sitemap.
disableKinds = []

[params]
organisation = {json.dumps(site.get("organisation", ""), ensure_ascii=False)}
description = {json.dumps(site.get("description", ""), ensure_ascii=False)}
phase = {json.dumps(phase.get("name", ""), ensure_ascii=False)}

[taxonomies]
unit = "don-vi"
year = "nam"
field = "mat-cong-tac"
award = "khen-thuong"

[permalinks]
collectives = "/tap-the/:filename/"
individuals = "/ca-nhan/:filename/"
models = "/mo-hinh/:filename/"
events = "/su-kien/:filename/"

# Each list's filter options, in one file per list (layouts/_default/list.choices.json), as
# Exemplar's bo-loc.json; a list without a filter renders it empty and Hugo writes nothing.
[outputFormats.choices]
mediaType = "application/json"
baseName = "bo-loc"
isPlainText = true
notAlternative = true

[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "choices"]
taxonomy = ["HTML"]
term = ["HTML", "choices"]
page = ["HTML"]

# Closest to Exemplar's libcmark: plain CommonMark, no raw HTML, no smart quotes, no generated
# heading ids, none of Goldmark's extensions (the corpus uses none of them).
[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.extensions]
typographer = false
definitionList = false
footnote = false
linkify = false
strikethrough = false
table = false
taskList = false
[markup.goldmark.parser]
autoHeadingID = false
""")

    # Section list pages at the same URLs as Exemplar's.
    sections = {"collectives": ("Tập thể điển hình", "/tap-the/"), "individuals": ("Cá nhân điển hình", "/ca-nhan/"),
                "models": ("Mô hình, sáng kiến", "/mo-hinh/"), "events": ("Sự kiện", "/su-kien/")}
    for sec, (title, url) in sections.items():
        write_page(os.path.join(content, sec, "_index.md"), {"title": title, "url": url}, "")
    write_page(os.path.join(content, "_index.md"), {"title": site.get("title", "")}, "")
    for taxonomy, title in (("don-vi", "Đơn vị"), ("nam", "Điển hình theo năm"),
                            ("mat-cong-tac", "Mặt công tác"), ("khen-thuong", "Khen thưởng")):
        os.makedirs(os.path.join(content, taxonomy), exist_ok=True)
        write_page(os.path.join(content, taxonomy, "_index.md"), {"title": title}, "")
    # Every unit gets a term page, even one no item names yet (Exemplar lists all units).
    for u in units:
        os.makedirs(os.path.join(content, "don-vi", u["id"]), exist_ok=True)
        write_page(os.path.join(content, "don-vi", u["id"], "_index.md"), {"title": u["name"]}, "")

    def exemplar_front(meta, kind):
        front = {k: v for k, v in meta.items() if k not in ("name", "photo")}
        for key in list(front):
            if key in RESERVED and RESERVED[key] != key:
                front[RESERVED[key]] = front.pop(key)
        front["title"] = meta.get("name", "")
        front["exemplar_kind"] = kind
        front["type"] = "exemplar"
        # Taxonomy terms: the same lists Exemplar browses by.
        front["don-vi"] = [meta["unit"]] if meta.get("unit") else []
        front["nam"] = [str(y) for y in meta.get("years") or []]
        # Scope shares the field taxonomy, as in Exemplar's URLs: /mat-cong-tac/toan-dien/, /mat-cong-tac/tung-mat/.
        scope = {"comprehensive": "toan-dien", "field": "tung-mat"}.get(meta.get("scope"))
        front["mat-cong-tac"] = list(meta.get("fields") or []) + ([scope] if scope else [])
        front["khen-thuong"] = sorted({a["award"] for a in meta.get("awards") or []})
        return front

    count = 0
    for folder, kind in (("collectives", "collective"), ("individuals", "individual")):
        src = os.path.join(corpus, folder)
        for name in sorted(os.listdir(src)):
            if not name.endswith(".md"):
                continue
            meta, body = read_item(os.path.join(src, name))
            write_page(os.path.join(content, folder, name), exemplar_front(meta, kind), body)
            count += 1
    # Models and events: their media list is left out, their unit (or host) is the taxonomy term.
    for folder, page_type, media_key, unit_key in (("models", "model", "attachments", "unit"),
                                                    ("events", "event", "photos", "host")):
        for name in sorted(os.listdir(os.path.join(corpus, folder))):
            meta, body = read_item(os.path.join(corpus, folder, name))
            front = {("item_kind" if k == "kind" else k): v for k, v in meta.items() if k != media_key}
            front["type"] = page_type
            front["don-vi"] = [meta[unit_key]] if meta.get(unit_key) else []
            write_page(os.path.join(content, folder, name), front, body)
    pages_dir = os.path.join(corpus, "pages")
    for name in sorted(os.listdir(pages_dir)) if os.path.isdir(pages_dir) else []:
        meta, body = read_item(os.path.join(pages_dir, name))
        front = {RESERVED.get(k, k): v for k, v in meta.items()}
        front["url"] = "/" + name[:-3] + "/"
        front["type"] = "page"
        write_page(os.path.join(content, name), front, body)
    return count


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: hugo_site.py CORPUS_DIR HUGO_DIR")
    n = convert(sys.argv[1], sys.argv[2])
    print(f"{sys.argv[2]}: Hugo site with {n} exemplar pages", file=sys.stderr)


if __name__ == "__main__":
    main()

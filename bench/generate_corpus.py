#!/usr/bin/env python3
"""Generate a synthetic but realistic Exemplar content folder for benchmarks.

    python3 bench/generate_corpus.py N OUTDIR [--seed S]

writes OUTDIR/{site.yml, units.yml, collectives/, individuals/, models/, events/, pages/}
with N exemplar profiles (about 40 % collectives, 60 % individuals), N/10 models,
N/50 events and 3 free pages, following /work/shared/CONTENT-MODEL.md key by key.

Why it looks the way it does:
  * Benchmarks are only comparable if every run builds the same bytes, so everything comes
    from one seeded random.Random; no set/dict iteration order or hash() reaches the output.
  * A body of about 2.9 KB of Vietnamese Markdown per profile puts 10,000 profiles at ~29 MB,
    which is what a real federation's site would hold after a five-year phase.  The text is
    recombined from a pool of sentences so that bodies differ (a builder cannot win by caching
    identical bodies) while remaining the kind of text the renderer really meets: diacritics,
    headings, lists, emphasis.
  * The corpus must build with zero errors and no warnings, so every domain rule the builder
    checks is respected on purpose: registration before 10 February, award years inside the
    exemplar's years and decision dates inside the award year, collectives holding a Bằng khen
    of LĐLĐ tỉnh or higher in their first year, a supervisor for every individual, unit names
    that do not fold to the same key, owners <-> models listed both ways.
  * Standard library only, single process: 100,000 profiles take a few tens of seconds.
"""

import argparse
import collections
import functools
import os
import random
import shutil
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor

# ---------------------------------------------------------------------------
# Text rules (same as the builder's: NFC everywhere, slugs by hand for đ)
# ---------------------------------------------------------------------------


def nfc(text):
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=None)     # unit names come back thousands of times
def slug(text):
    """"Công đoàn ngành Y tế" -> "cong-doan-nganh-y-te" (đ has no decomposition: map it first)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    out = []
    dash = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            continue
        ch = ch.lower()
        if ch.isascii() and ch.isalnum():
            if dash and out:
                out.append("-")
            dash = False
            out.append(ch)
        else:
            dash = True
    return "".join(out)


def q(text):
    """A YAML double-quoted scalar; quoting everything avoids surprises with ':' '#' '–'."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write_file(path, data):
    with open(path, "wb") as fh:
        fh.write(data)


class FileWriter:
    """Writes files on a few threads.  Creating 100,000 small files is dominated by the kernel's
    per-file work, which threads overlap; the text itself is produced in order on the main
    thread, so the output stays deterministic."""

    def __init__(self, workers=4):
        self.pool = ThreadPoolExecutor(workers)
        self.pending = collections.deque()

    def write(self, path, text):
        self.pending.append(self.pool.submit(_write_file, path, text.encode("utf-8")))
        if len(self.pending) > 512:            # bounded memory: wait for the oldest writes
            self.pending.popleft().result()

    def close(self):
        while self.pending:
            self.pending.popleft().result()
        self.pool.shutdown()


class IdPool:
    """Hands out unique ASCII ids: the slug, then slug-2, slug-3, ... on collisions."""

    def __init__(self):
        self.used = set()

    def take(self, name):
        base = slug(name)[:100].strip("-") or "muc"
        candidate, k = base, 1
        while candidate in self.used:
            k += 1
            candidate = f"{base}-{k}"
        self.used.add(candidate)
        return candidate


# ---------------------------------------------------------------------------
# Word lists (written NFC; normalised again at import time in case an editor decomposed them)
# ---------------------------------------------------------------------------

FAMILY = [("Nguyễn", 30), ("Trần", 12), ("Lê", 10), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4),
          ("Phan", 4), ("Vũ", 4), ("Võ", 4), ("Đặng", 3), ("Bùi", 3), ("Đỗ", 3), ("Hồ", 3),
          ("Ngô", 2), ("Dương", 2), ("Lý", 1), ("Đinh", 2), ("Mai", 1), ("Trương", 1),
          ("Cao", 1), ("Lương", 1), ("Tạ", 1), ("Hà", 1), ("Đoàn", 1), ("Lâm", 1), ("Thái", 1)]
MIDDLE_F = ["Thị", "Thị", "Thị", "Thị Thu", "Thị Ngọc", "Thị Thanh", "Thị Kim", "Thị Minh", "Thị Hồng",
            "Thị Bích", "Thị Lan", "Ngọc", "Thu", "Hồng", "Diệu", "Thùy", "Khánh", "Phương", "Mỹ"]
MIDDLE_M = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công", "Đình",
            "Ngọc", "Anh", "Tiến", "Hoài", "Quốc", "Trọng", "Duy", "Bá", "Viết"]
GIVEN_F = ["Hoa", "Lan", "Hương", "Hằng", "Thủy", "Nga", "Hà", "Huyền", "Trang", "Linh", "Ngọc",
           "Mai", "Yến", "Nhung", "Thảo", "Oanh", "Dung", "Vân", "Loan", "Hạnh", "Phượng", "Tâm",
           "Thắm", "Quyên", "Hiền", "Ánh", "Liên", "Châu", "Giang", "Thúy", "Nhàn", "Bích", "Duyên",
           "Hồng", "Uyên", "Xuân", "Diệp", "Quỳnh", "Trinh", "Hậu"]
GIVEN_M = ["Nam", "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Sơn", "Long", "Thắng", "Bình", "Cường",
           "Đức", "Hiếu", "Phong", "Quân", "Tùng", "Việt", "Khánh", "Trung", "Hưng", "Lâm", "Toàn",
           "Thành", "Phúc", "An", "Vinh", "Lợi", "Kiên", "Đạt", "Tân", "Quý", "Hòa", "Tiến", "Huy",
           "Nghĩa", "Thịnh", "Trí", "Ước", "Hoàng", "Bảo"]

DISTRICT_PLACES = ["Lệ Thủy", "Quảng Ninh", "Bố Trạch", "Quảng Trạch", "Tuyên Hóa", "Minh Hóa",
                   "Hải Lăng", "Triệu Phong", "Gio Linh", "Vĩnh Linh", "Cam Lộ", "Hướng Hóa",
                   "Đakrông", "Phong Điền", "Quảng Điền", "Phú Vang", "Phú Lộc", "Nam Đông",
                   "A Lưới", "Kỳ Anh", "Cẩm Xuyên", "Thạch Hà", "Can Lộc", "Hương Khê", "Hương Sơn",
                   "Đức Thọ", "Nghi Xuân", "Vũ Quang", "Lộc Hà", "Diễn Châu", "Quỳnh Lưu",
                   "Yên Thành", "Đô Lương", "Thanh Chương", "Nam Đàn", "Hưng Nguyên", "Nghi Lộc",
                   "Anh Sơn", "Con Cuông", "Tương Dương", "Quế Phong", "Quỳ Châu", "Quỳ Hợp",
                   "Nghĩa Đàn", "Tân Kỳ", "Thọ Xuân", "Triệu Sơn", "Nông Cống", "Tĩnh Gia",
                   "Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Hà Trung", "Vĩnh Lộc", "Thạch Thành"]
TOWN_PLACES = [("thành phố", "Đồng Hới"), ("thị xã", "Ba Đồn"), ("thành phố", "Đông Hà"),
               ("thị xã", "Quảng Trị"), ("thị xã", "Hương Thủy"), ("thị xã", "Hương Trà"),
               ("thành phố", "Hà Tĩnh"), ("thị xã", "Hồng Lĩnh"), ("thành phố", "Vinh"),
               ("thị xã", "Cửa Lò"), ("thị xã", "Thái Hòa"), ("thị xã", "Hoàng Mai")]
SECTORS = ["Y tế", "Giáo dục", "Giao thông vận tải", "Nông nghiệp và Phát triển nông thôn",
           "Xây dựng", "Công Thương", "Tài chính", "Ngân hàng", "Điện lực", "Bưu điện",
           "Văn hóa, Thể thao và Du lịch", "Tài nguyên và Môi trường", "Kế hoạch và Đầu tư",
           "Thông tin và Truyền thông", "Cao su", "Dệt may", "Thủy sản", "Lâm nghiệp",
           "Khoa học và Công nghệ", "Lao động – Thương binh và Xã hội", "Tư pháp", "Thuế"]
ZONES = ["Khu công nghiệp Tây Bắc Đồng Hới", "Khu kinh tế Hòn La", "Khu công nghiệp Bắc Đồng Hới",
         "Khu công nghiệp Cảng biển Hòn La", "Khu kinh tế Vũng Áng", "Khu công nghiệp Nam Đông Hà",
         "Khu kinh tế Đông Nam Quảng Trị", "Khu công nghiệp Phú Bài", "Khu kinh tế Chân Mây – Lăng Cô",
         "Khu công nghiệp Bắc Vinh", "Khu kinh tế Đông Nam Nghệ An", "Khu công nghiệp Hoàng Mai",
         "Khu kinh tế Nghi Sơn", "Khu công nghiệp Lễ Môn", "Khu công nghiệp Gia Lễ"]
COMMUNES = ["Quảng Phú", "Hải Ninh", "Sen Thủy", "Hồng Thủy", "Phong Thủy", "Cam Thủy", "Kiến Giang",
            "Quán Hàu", "Gia Ninh", "Vạn Ninh", "Hoàn Lão", "Phú Trạch", "Nhân Trạch", "Lý Trạch",
            "Đại Trạch", "Sơn Trạch", "Phong Nha", "Hưng Trạch", "Cự Nẫm", "Quảng Hòa", "Quảng Thọ",
            "Quảng Long", "Quảng Phương", "Quảng Hưng", "Đồng Lê", "Tiến Hóa", "Thanh Thạch",
            "Quy Đạt", "Dân Hóa", "Trung Hóa", "Bảo Ninh", "Đức Ninh", "Lộc Ninh", "Nghĩa Ninh",
            "Bắc Lý", "Nam Lý", "Đồng Phú", "Hải Thành", "Phú Hải", "Đồng Sơn", "Thuận Đức",
            "Bắc Nghĩa", "Quảng Thuận", "Quảng Phong", "Ba Đồn", "Quảng Văn", "Quảng Minh",
            "Quảng Sơn", "Quảng Lộc", "Quảng Tiên", "Mỹ Thủy", "Thái Thủy", "Trường Thủy",
            "Văn Thủy", "Dương Thủy", "Tân Thủy", "Ngư Thủy", "Hiền Ninh", "Duy Ninh", "Trường Sơn",
            "Hải Phú", "Vĩnh Tú", "Cửa Tùng", "Hồ Xá", "Gio Châu", "Cửa Việt", "Ái Tử", "Khe Sanh",
            "Lao Bảo", "Krông Klang", "Diên Sanh", "Triệu Ái", "Kỳ Lâm", "Kỳ Phương", "Cẩm Nhượng",
            "Thạch Kim", "Xuân Thành", "Tiên Điền", "Đức Châu", "Nghèn", "Vũ Quang", "Phố Châu",
            "Diễn Kim", "Cầu Giát", "Tân Lạc", "Yên Sơn", "Thanh Lương", "Nam Giang", "Xuân Hồng"]
GRASSROOTS_KINDS = ["Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường THPT",
                    "Trung tâm Y tế", "Bệnh viện Đa khoa", "Trạm Y tế", "UBND xã", "UBND thị trấn",
                    "Chi cục Thuế", "Kho bạc Nhà nước", "Công ty TNHH May", "Công ty Cổ phần Gạch ngói",
                    "Công ty TNHH Chế biến Gỗ", "Công ty Cổ phần Cấp nước", "Điện lực",
                    "Bưu điện", "Ngân hàng Nông nghiệp chi nhánh", "Hợp tác xã Nông nghiệp",
                    "Công ty TNHH Thủy sản", "Công ty Cổ phần Du lịch", "Trung tâm Văn hóa – Thể thao",
                    "Ban Quản lý chợ", "Công ty Cổ phần Xây dựng", "Công ty TNHH Cơ khí",
                    "Trung tâm Giáo dục nghề nghiệp", "Phòng Giáo dục và Đào tạo", "Hạt Kiểm lâm",
                    "Công ty Lâm nghiệp", "Nhà máy Xi măng"]
# Sub-collectives (a trade-union group inside a unit), chosen to fit the kind of unit.
SUBGROUPS_SCHOOL = ["Tổ Văn – Sử", "Tổ Toán – Tin", "Tổ Khoa học tự nhiên", "Tổ Ngoại ngữ", "Tổ Văn phòng",
                    "Tổ chuyên môn Khối 1", "Tổ chuyên môn Khối 5"]
SUBGROUPS_HEALTH = ["Khoa Nội", "Khoa Nhi", "Khoa Sản", "Khoa Hồi sức cấp cứu", "Khoa Dược", "Phòng Điều dưỡng"]
SUBGROUPS_FACTORY = ["Phân xưởng May 1", "Phân xưởng May 2", "Phân xưởng Cắt", "Tổ Kỹ thuật", "Đội Sản xuất số 1",
                     "Tổ Bảo vệ", "Tổ công đoàn Kinh doanh"]
SUBGROUPS_OFFICE = ["Tổ công đoàn Văn phòng", "Tổ công đoàn Kế toán", "Tổ Nữ công", "Tổ công đoàn Hành chính",
                    "Phòng Nghiệp vụ", "Tổ Chăm sóc khách hàng"]
SUBGROUPS_UPPER = ["Văn phòng", "Ban Tổ chức", "Ban Tuyên giáo", "Ban Nữ công", "Ban Chính sách – Pháp luật",
                   "Ủy ban Kiểm tra", "Ban Tài chính"]


def subgroups_for(unit):
    unit_name = unit["name"]
    if unit["kind"] != "grassroots":
        return SUBGROUPS_UPPER
    if "Trường" in unit_name or "Giáo dục" in unit_name:
        return SUBGROUPS_SCHOOL
    if "Y tế" in unit_name or "Bệnh viện" in unit_name:
        return SUBGROUPS_HEALTH
    if "Công ty" in unit_name or "Nhà máy" in unit_name or "Khu " in unit_name:
        return SUBGROUPS_FACTORY
    return SUBGROUPS_OFFICE

FIELDS = [("tuyen-giao", "tuyên giáo"), ("nu-cong", "nữ công"), ("chinh-sach-phap-luat", "chính sách – pháp luật"),
          ("to-chuc", "tổ chức"), ("kiem-tra", "kiểm tra"), ("tai-chinh", "tài chính")]
FIELD_IDS = [f for f, _ in FIELDS]
FIELD_TEXT = dict(FIELDS)

CRITERIA_COLLECTIVE = ["doan-ket", "vuot-kho", "phong-trao", "che-do-chinh-sach", "trong-sach-vung-manh", "bang-khen"]
CRITERIA_INDIVIDUAL = ["chap-hanh", "hoan-thanh-xuat-sac", "dao-duc", "tu-luc"]

TAGS = ["chuyen-doi-so", "nu-cong", "an-toan-lao-dong", "phat-trien-doan-vien", "doi-thoai",
        "thoa-uoc", "mai-am-cong-doan", "tiet-kiem", "van-hoa-doanh-nghiep", "phap-luat",
        "sang-kien", "cham-lo-doan-vien", "khu-cong-nghiep", "giao-duc", "y-te"]

# Rank of each award (the builder's default catalogue) and the issuer's decision suffix.
AWARD_RANK = {"giay-khen-cdcs": 10, "lao-dong-tien-tien": 12, "tap-the-lao-dong-tien-tien": 13,
              "giay-khen-cd-cap-tren": 20, "chien-si-thi-dua-co-so": 22, "tap-the-lao-dong-xuat-sac": 23,
              "bang-khen-ldld-tinh": 30, "co-thi-dua-ldld-tinh": 35, "bang-khen-tong-ldld": 40,
              "bang-khen-ubnd-tinh": 50, "chien-si-thi-dua-cap-tinh": 52, "bang-khen-thu-tuong": 60,
              "huan-chuong-lao-dong-hang-ba": 70}
AWARD_ISSUER = {"giay-khen-cdcs": "QĐ-CĐCS", "giay-khen-cd-cap-tren": "QĐ-LĐLĐ",
                "lao-dong-tien-tien": "QĐ-LĐLĐ", "chien-si-thi-dua-co-so": "QĐ-LĐLĐ",
                "tap-the-lao-dong-tien-tien": "QĐ-LĐLĐ", "tap-the-lao-dong-xuat-sac": "QĐ-LĐLĐ",
                "bang-khen-ldld-tinh": "QĐ-LĐLĐ", "co-thi-dua-ldld-tinh": "QĐ-LĐLĐ",
                "bang-khen-tong-ldld": "QĐ-TLĐ", "bang-khen-ubnd-tinh": "QĐ-UBND",
                "chien-si-thi-dua-cap-tinh": "QĐ-UBND", "bang-khen-thu-tuong": "QĐ-TTg",
                "huan-chuong-lao-dong-hang-ba": "QĐ-CTN"}
# Collectives need a provincial Bằng khen or higher in their first year (the plan's criterion).
COLLECTIVE_FIRST = [("bang-khen-ldld-tinh", 60), ("co-thi-dua-ldld-tinh", 15), ("bang-khen-tong-ldld", 15),
                    ("bang-khen-ubnd-tinh", 10)]
COLLECTIVE_MORE = [("tap-the-lao-dong-tien-tien", 20), ("tap-the-lao-dong-xuat-sac", 25),
                   ("giay-khen-cd-cap-tren", 10), ("bang-khen-ldld-tinh", 15), ("co-thi-dua-ldld-tinh", 10),
                   ("bang-khen-tong-ldld", 8), ("bang-khen-ubnd-tinh", 8), ("bang-khen-thu-tuong", 3),
                   ("huan-chuong-lao-dong-hang-ba", 1)]
INDIVIDUAL_AWARDS = [("giay-khen-cdcs", 15), ("giay-khen-cd-cap-tren", 15), ("lao-dong-tien-tien", 20),
                     ("chien-si-thi-dua-co-so", 18), ("bang-khen-ldld-tinh", 14), ("chien-si-thi-dua-cap-tinh", 5),
                     ("bang-khen-tong-ldld", 6), ("bang-khen-ubnd-tinh", 5), ("bang-khen-thu-tuong", 1.5),
                     ("huan-chuong-lao-dong-hang-ba", 0.5)]

SUPERVISORS = ["Lê Văn Bình, Phó Chủ tịch LĐLĐ tỉnh", "Nguyễn Thị Thanh Hà, Phó Chủ tịch LĐLĐ tỉnh",
               "Trần Quốc Việt, Chủ tịch LĐLĐ tỉnh", "Phạm Thị Hồng, Trưởng ban Công tác cơ sở",
               "Hoàng Đức Thắng, Trưởng ban Tổ chức", "Võ Thị Mỹ Linh, Trưởng ban Nữ công",
               "Đặng Văn Hòa, Chủ nhiệm Ủy ban Kiểm tra"]
POSITIONS = {
    "office": ["Chánh Văn phòng", "Phó Chánh Văn phòng", "Chuyên viên Văn phòng", "Kế toán trưởng"],
    "department": ["Trưởng ban", "Phó Trưởng ban", "Chuyên viên", "Chuyên viên chính"],
    "district": ["Chủ tịch", "Phó Chủ tịch", "Ủy viên Ban Thường vụ", "Chuyên viên tổ chức"],
    "sector": ["Chủ tịch Công đoàn ngành", "Phó Chủ tịch Công đoàn ngành", "Trưởng ban Nữ công", "Chuyên viên"],
    "industrial-zone": ["Chủ tịch", "Phó Chủ tịch", "Cán bộ tư vấn pháp luật", "Chuyên viên"],
    "grassroots": ["Chủ tịch Công đoàn cơ sở", "Phó Chủ tịch Công đoàn cơ sở", "Ủy viên Ban Chấp hành",
                   "Trưởng ban Nữ công", "Tổ trưởng công đoàn", "Ủy viên Ủy ban Kiểm tra"],
}

# ---------------------------------------------------------------------------
# Sentence pools for bodies.  {S} is the subject at the start of a sentence, {s} the same
# subject inside one; {u} the unit, {f} a field of work, {y} a year of the exemplar,
# numbers drawn fresh for each sentence: {a} 2–61, {b} 10–489, {c} 70–99 (percent, points),
# {d} 2–6 (days, years), {e} 100–129 (percent of plan).
# ---------------------------------------------------------------------------

ACHIEVEMENTS = [
    "Năm {y}, {s} vận động kết nạp {a} đoàn viên mới, nâng tỷ lệ đoàn viên trên tổng số lao động lên {c}%.",
    "{S} phối hợp với chuyên môn tổ chức {a} hội nghị người lao động, qua đó giải quyết dứt điểm {c} kiến nghị chính đáng.",
    "Trong giai đoạn 2016–2020, {s} đã trực tiếp tham gia thương lượng, ký kết {a} bản thỏa ước lao động tập thể có lợi hơn cho người lao động.",
    "Phong trào \"Lao động giỏi, lao động sáng tạo\" do {s} phát động thu hút {a} sáng kiến, làm lợi hơn {b} triệu đồng.",
    "{S} luôn hoàn thành xuất sắc nhiệm vụ, nhiều năm liền được đánh giá là điểm sáng trong phong trào thi đua của {u}.",
    "Nhờ làm tốt công tác {f}, {s} đã góp phần đưa {u} trở thành một trong những đơn vị dẫn đầu khối thi đua.",
    "Quỹ \"Mái ấm Công đoàn\" do {s} vận động đã hỗ trợ xây mới và sửa chữa {a} căn nhà cho đoàn viên có hoàn cảnh khó khăn.",
    "Năm {y}, {s} tổ chức {a} lớp tập huấn nghiệp vụ cho {b} cán bộ công đoàn cơ sở, được học viên đánh giá cao.",
    "Không có vụ tranh chấp lao động tập thể, ngừng việc tập thể nào xảy ra tại các đơn vị do {s} theo dõi trong nhiều năm liền.",
    "{S} đã thăm hỏi, tặng quà cho {a} đoàn viên ốm đau, tai nạn với tổng số tiền trên {b} triệu đồng.",
    "Chương trình \"Tết sum vầy\" năm {y} do {s} đề xuất đã trao {a} suất quà và {b} vé xe cho công nhân về quê đón Tết.",
    "Tỷ lệ công đoàn cơ sở đạt vững mạnh tại {u} tăng từ {a}% lên {c}% chỉ sau hai năm.",
    "Kết quả thu kinh phí và đoàn phí công đoàn năm {y} đạt {e}% kế hoạch, cao nhất từ trước đến nay.",
    "{S} được Ban Thường vụ LĐLĐ tỉnh chọn báo cáo điển hình tại hội nghị tổng kết công tác công đoàn năm {y}.",
    "Các công trình, phần việc chào mừng đại hội công đoàn các cấp do {s} thực hiện đều hoàn thành trước thời hạn.",
    "Năm {y}, {s} phối hợp tổ chức hội thi \"An toàn vệ sinh viên giỏi\" với {a} đội tham gia.",
]
METHODS = [
    "Ngay từ đầu năm, {s} xây dựng chương trình hành động với các chỉ tiêu cụ thể, chia nhỏ thành việc của từng tháng, từng tuần.",
    "Hằng tuần, {s} tự chấm điểm theo thang bảng điểm thi đua rồi gửi tập thể xem xét; tuần nào điểm thấp đều ghi rõ nguyên nhân và cách khắc phục.",
    "{S} chú trọng đi cơ sở, mỗi tháng dành ít nhất {d} ngày gặp gỡ trực tiếp đoàn viên để nắm bắt tâm tư, nguyện vọng.",
    "Mọi việc lớn đều được {s} đưa ra bàn bạc dân chủ trong tập thể trước khi quyết định, vì vậy khi triển khai ai cũng đồng lòng.",
    "{S} tận dụng mạng xã hội và nhóm Zalo để đưa thông tin chính sách, pháp luật đến từng đoàn viên một cách nhanh nhất.",
    "Với công tác {f}, {s} chọn cách làm \"ít mà chắc\": mỗi năm chỉ đăng ký vài việc trọng tâm nhưng làm đến nơi đến chốn.",
    "Khi doanh nghiệp gặp khó khăn, {s} chủ động đối thoại với người sử dụng lao động để giữ việc làm và tiền lương cho công nhân.",
    "{S} phân công rõ người, rõ việc, rõ thời hạn; cuối mỗi tháng đều có buổi rút kinh nghiệm ngắn gọn, thẳng thắn.",
    "Kết quả sáu tháng và cả năm được tổng hợp từ điểm của các tháng, nhờ vậy không còn tình trạng \"chạy\" số liệu vào cuối kỳ.",
    "{S} thường xuyên phối hợp với chính quyền, chuyên môn cùng cấp để lồng ghép nhiệm vụ công đoàn vào nhiệm vụ chính trị của đơn vị.",
    "Để phát triển đoàn viên, {s} đến tận nơi ở trọ của công nhân vào buổi tối, giải thích quyền lợi khi tham gia tổ chức công đoàn.",
    "{S} lập sổ theo dõi hoàn cảnh của từng đoàn viên, nhờ đó việc thăm hỏi, hỗ trợ luôn kịp thời và đúng người.",
    "Mỗi quý, {s} tổ chức một buổi sinh hoạt chuyên đề về pháp luật lao động, mời luật sư và cán bộ thanh tra lao động cùng giải đáp.",
    "Các tiêu chí thi đua được {s} lượng hóa thành điểm, công khai trên bảng tin để mọi người cùng theo dõi, giám sát.",
]
RESULTS = [
    "Kết nạp {b} đoàn viên mới, thành lập {d} công đoàn cơ sở trong các doanh nghiệp ngoài nhà nước.",
    "Tổ chức {a} lớp tuyên truyền pháp luật cho hơn {b} lượt đoàn viên, người lao động.",
    "Vận động xây dựng {a} phòng vắt, trữ sữa mẹ tại các doanh nghiệp có đông lao động nữ.",
    "Hỗ trợ {a} đoàn viên vay vốn từ quỹ trợ vốn với tổng số tiền {b} triệu đồng.",
    "Hoàn thành {e}% chỉ tiêu thi đua được giao, vượt {d} chỉ tiêu so với kế hoạch.",
    "Tiết kiệm khoảng {b} triệu đồng mỗi năm nhờ đổi mới cách tổ chức hội nghị, tài liệu.",
    "{a} sáng kiến, cải tiến kỹ thuật được công nhận, làm lợi hơn {b} triệu đồng.",
    "{c}% công đoàn cơ sở trực thuộc xếp loại hoàn thành tốt nhiệm vụ trở lên.",
    "Tổ chức đối thoại định kỳ tại {a} doanh nghiệp, giải quyết {b} kiến nghị của người lao động.",
    "Trao {a} suất học bổng \"Vì con đoàn viên\" cho con đoàn viên vượt khó học giỏi.",
    "Không có đoàn viên vi phạm pháp luật, kỷ luật lao động trong suốt {d} năm.",
    "Điểm bình quân thi đua hằng tháng đạt {c} điểm, xếp loại hoàn thành xuất sắc nhiệm vụ.",
]
LESSONS = [
    "Bài học lớn nhất là phải lấy đoàn viên làm trung tâm, việc gì có lợi cho đoàn viên thì kiên trì làm đến cùng.",
    "Người cán bộ công đoàn phải gần gũi, nói đi đôi với làm thì mới tạo được niềm tin nơi người lao động.",
    "Sự quan tâm, tạo điều kiện của cấp ủy và người đứng đầu đơn vị là yếu tố quyết định để phong trào đi vào chiều sâu.",
    "Điển hình không tự nhiên mà có: phải được phát hiện, bồi dưỡng, theo dõi thường xuyên và nhân rộng kịp thời.",
    "Mỗi chỉ tiêu thi đua cần đo được, chấm được; có như vậy việc đánh giá mới khách quan, công bằng.",
    "Đổi mới nội dung, phương thức hoạt động, ứng dụng công nghệ thông tin giúp công đoàn đến gần hơn với đoàn viên trẻ.",
    "Khen thưởng phải kịp thời, đúng người, đúng việc thì mới thực sự tạo động lực cho phong trào.",
    "Đoàn kết nội bộ là nền tảng; khi tập thể thống nhất thì khó khăn nào cũng có cách vượt qua.",
]
QUOTES = [
    "Chấm điểm hằng tuần không phải để bị soi, mà để mình không tự dối mình.",
    "Đoàn viên cần gì, công đoàn có mặt.",
    "Việc nhỏ mà làm đều đặn thì thành việc lớn.",
    "Muốn người lao động tin công đoàn, cán bộ công đoàn phải là người đầu tiên xắn tay áo.",
    "Đi cơ sở không phải để kiểm tra, mà để lắng nghe.",
    "Phong trào nào cũng phải trả lời được câu hỏi: đoàn viên được gì?",
]
HEAD_ACHIEVE = ["Thành tích nổi bật", "Những kết quả đạt được", "Kết quả phấn đấu", "Những việc đã làm"]
HEAD_METHOD = ["Cách làm", "Cách làm hay, sáng tạo", "Phương pháp tổ chức thực hiện", "Cách tổ chức thi đua"]
HEAD_LESSON = ["Bài học kinh nghiệm", "Kinh nghiệm rút ra", "Những điều đúc kết"]

MODEL_BASES = ["Sổ tay nữ công điện tử", "Tủ sách pháp luật tại doanh nghiệp", "Bữa cơm ca công đoàn",
               "Điểm tư vấn pháp luật cuối tuần", "Mái ấm Công đoàn", "Bản tin công đoàn qua Zalo",
               "Thu kinh phí công đoàn qua ngân hàng", "Đối thoại định kỳ theo cụm doanh nghiệp",
               "Phần mềm quản lý đoàn viên", "Văn phòng không giấy", "Kiểm tra tài chính chéo",
               "Chợ Tết công đoàn", "Phòng vắt sữa mẹ tại doanh nghiệp", "Tổ tự quản nhà trọ công nhân",
               "Quỹ trợ vốn xoay vòng cho đoàn viên", "Ngày hội đoàn viên", "Góc thư viện công nhân",
               "Hòm thư góp ý điện tử", "Câu lạc bộ nữ công nhân", "Nhà trẻ cho con công nhân",
               "Sổ tay an toàn vệ sinh lao động", "Lớp học tiếng Anh cho công nhân", "Tổ hòa giải tại doanh nghiệp",
               "Chuyến xe nghĩa tình đưa công nhân về quê", "Bếp ăn an toàn cho người lao động"]
PROBLEMS = [
    "Trước đây, thông tin chính sách đến với đoàn viên chậm và thiếu, nhiều người chỉ biết quyền lợi của mình khi đã phát sinh vướng mắc.",
    "Tài liệu in phát mỗi năm một lần thường thất lạc, lại nhanh lỗi thời khi chính sách thay đổi.",
    "Nhiều công nhân ở trọ xa nơi làm việc, con nhỏ không có nơi gửi, đời sống tinh thần còn thiếu thốn.",
    "Các cuộc họp, hội nghị tốn nhiều thời gian và kinh phí in ấn nhưng hiệu quả truyền đạt chưa cao.",
    "Việc thu, nộp kinh phí công đoàn bằng tiền mặt mất nhiều công sức và dễ sai sót.",
    "Đoàn viên trẻ ít tham gia sinh hoạt công đoàn vì hình thức hoạt động chưa hấp dẫn.",
    "Một số doanh nghiệp chưa tổ chức đối thoại định kỳ, kiến nghị của người lao động chậm được giải quyết.",
]
MODEL_RESULTS = [
    "Mô hình đã được {a} đơn vị đăng ký nhân rộng sau hội nghị sơ kết năm {y}.",
    "Sau một năm triển khai, {c}% đoàn viên tham gia khảo sát cho biết hài lòng với cách làm mới.",
    "Chi phí thực hiện thấp, chủ yếu dựa vào sự đóng góp công sức của đoàn viên và hỗ trợ của chuyên môn.",
    "Cách làm đơn giản, dễ áp dụng ở cả doanh nghiệp lớn và đơn vị hành chính sự nghiệp nhỏ.",
    "Sáng kiến giúp rút ngắn thời gian xử lý công việc từ {d} ngày xuống còn một buổi.",
    "Nhiều doanh nghiệp đã chủ động bố trí kinh phí để duy trì mô hình sau giai đoạn thí điểm.",
]
MODEL_STEPS = [
    "Khảo sát nhu cầu của đoàn viên và điều kiện thực tế của đơn vị.",
    "Xây dựng kế hoạch chi tiết, thống nhất với người sử dụng lao động.",
    "Phân công cán bộ phụ trách, lập nhóm nòng cốt từ các tổ công đoàn.",
    "Thí điểm tại một bộ phận trong ba tháng, rút kinh nghiệm rồi mở rộng.",
    "Công khai kết quả trên bảng tin và nhóm Zalo của công đoàn.",
    "Sơ kết sáu tháng, tổng kết cuối năm, khen thưởng tập thể, cá nhân làm tốt.",
    "Biên soạn tài liệu hướng dẫn ngắn gọn để các đơn vị khác áp dụng.",
]
ADOPTION_NOTES = ["Áp dụng cho {a} công đoàn cơ sở", "Điều chỉnh phù hợp với doanh nghiệp ngoài nhà nước",
                  "Triển khai thí điểm tại {a} đơn vị", "Nhân rộng sau hội nghị giao lưu",
                  "Kết hợp với chương trình phúc lợi cho đoàn viên", "Thêm chuyên mục hỏi – đáp cho công nhân"]
EVENT_KINDS = [("exchange", "Giao lưu điển hình tiên tiến"), ("commendation", "Hội nghị biểu dương điển hình tiên tiến"),
               ("review", "Sơ kết phong trào thi đua"), ("training", "Tập huấn xây dựng điển hình tiên tiến")]
EVENT_TOPICS = ["công tác nữ công", "công tác tuyên giáo", "công tác chính sách – pháp luật", "công tác tổ chức",
                "công tác kiểm tra", "công tác tài chính công đoàn", "khối doanh nghiệp", "khối hành chính sự nghiệp",
                "ngành Giáo dục", "ngành Y tế", "các khu công nghiệp", "cụm miền núi", "cụm đồng bằng ven biển",
                "chuyển đổi số trong hoạt động công đoàn", "phát triển đoàn viên"]
EVENT_LOCATIONS = ["Hội trường LĐLĐ tỉnh", "Trung tâm Hội nghị tỉnh", "Nhà Văn hóa Công nhân", "Hội trường UBND huyện",
                   "Trường Chính trị tỉnh", "Khách sạn Công đoàn", "Nhà khách Tỉnh ủy"]
EVENT_SENTENCES = [
    "Tham dự có {b} đại biểu là cán bộ công đoàn các cấp và các điển hình tiên tiến tiêu biểu.",
    "Tại buổi giao lưu, các điển hình đã chia sẻ cách làm, những khó khăn gặp phải và cách vượt qua.",
    "Ban Tổ chức đã trao {a} bằng khen, giấy khen cho các tập thể, cá nhân có thành tích xuất sắc.",
    "Đại biểu tham quan mô hình thực tế tại một doanh nghiệp có đông lao động nữ.",
    "Sau sự kiện, {a} đơn vị đã đăng ký nhân rộng các mô hình, sáng kiến được giới thiệu.",
    "Lãnh đạo LĐLĐ tỉnh đề nghị các cấp công đoàn tiếp tục phát hiện, bồi dưỡng và nhân rộng điển hình.",
    "Nhiều ý kiến đề nghị tổ chức giao lưu theo hình thức này hằng năm và mở rộng ra cấp huyện.",
    "Chương trình được truyền hình trực tiếp trên kênh của Đài Phát thanh – Truyền hình tỉnh.",
]


def _normalise_pools():
    """Defensive: whatever the editor did to this file, every string we write is NFC."""
    g = globals()
    for name, value in list(g.items()):
        if name.isupper() and isinstance(value, list):
            g[name] = [nfc(v) if isinstance(v, str) else
                       tuple(nfc(x) if isinstance(x, str) else x for x in v) for v in value]


_normalise_pools()

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------


class Generator:
    def __init__(self, n, seed):
        self.n = n
        self.rng = random.Random(seed)
        self.out = FileWriter()
        self.ids = IdPool()          # exemplars (collectives and individuals share one id space)
        self.family = [f for f, _ in FAMILY]
        self.family_w = [w for _, w in FAMILY]

    # -- small helpers -------------------------------------------------------

    def weighted(self, pairs):
        return self.rng.choices([p for p, _ in pairs], [w for _, w in pairs])[0]

    def person(self, female=None):
        r = self.rng
        if female is None:
            female = r.random() < 0.55
        family = r.choices(self.family, self.family_w)[0]
        middle = r.choice(MIDDLE_F if female else MIDDLE_M)
        given = r.choice(GIVEN_F if female else GIVEN_M)
        return f"{family} {middle} {given}", given, female

    def date(self, year, m_from=1, m_to=12):
        r = self.rng
        return f"{year}-{r.randint(m_from, m_to):02d}-{r.randint(1, 28):02d}"

    def fill(self, template, subject, unit, field, years):
        """One sentence with fresh numbers; the subject is capitalised at sentence start."""
        r = self.rng.random
        return template.format(S=subject[0].upper() + subject[1:], s=subject, u=unit, f=field,
                               y=years[int(r() * len(years))], a=2 + int(r() * 60),
                               b=10 + int(r() * 480), c=70 + int(r() * 30), d=2 + int(r() * 5),
                               e=100 + int(r() * 30))

    # -- units -----------------------------------------------------------------

    def make_units(self):
        """About N/20 units: the Federation's office and departments, a few dozen upper-level
        unions (district, sector, industrial zone), and grassroots unions under them."""
        r = self.rng
        total = max(30, round(self.n / 20))
        units = []                     # dicts: id, name, kind, parent
        taken = set()                  # slugs: also guarantees no two names fold alike

        def add(name, kind, parent=None):
            key = slug(name)
            k = 1
            candidate = name
            while key in taken:        # "… số 2": still readable, no lookalike warnings
                k += 1
                candidate = f"{name} số {k}"
                key = slug(candidate)
            taken.add(key)
            units.append({"id": key, "name": candidate, "kind": kind, "parent": parent})
            return units[-1]

        add("Văn phòng LĐLĐ tỉnh", "office")
        for dept in ["Ban Công tác cơ sở", "Ban Tổ chức", "Ban Tuyên giáo", "Ban Nữ công",
                     "Ban Chính sách – Pháp luật", "Ủy ban Kiểm tra", "Ban Tài chính"]:
            add(dept, "department")
        upper_n = max(6, int((total ** 0.5) * 1.5))
        n_zone = max(1, upper_n * 15 // 100)
        n_sector = max(1, upper_n * 35 // 100)
        n_district = max(1, upper_n - n_zone - n_sector)
        towns = list(TOWN_PLACES)
        places = list(DISTRICT_PLACES)
        for i in range(n_district):
            if i < len(towns):
                kind_word, place = towns[i]
            else:
                kind_word, place = "huyện", places[(i - len(towns)) % len(places)]
            add(f"LĐLĐ {kind_word} {place}", "district")
        for i in range(n_sector):
            add(f"Công đoàn ngành {SECTORS[i % len(SECTORS)]}", "sector")
        for i in range(n_zone):
            add(f"Công đoàn {ZONES[i % len(ZONES)]}", "industrial-zone")
        districts = [u for u in units if u["kind"] == "district"]
        zones = [u for u in units if u["kind"] == "industrial-zone"]
        sectors = {u["name"]: u for u in units if u["kind"] == "sector"}

        def parent_for(org):
            # Schools and clinics answer to their sector union or their district; companies to an
            # industrial-zone union or their district; communes and the rest to their district.
            if r.random() < 0.5:
                if org.startswith(("Trường", "Phòng Giáo dục")) and "Công đoàn ngành Giáo dục" in sectors:
                    return sectors["Công đoàn ngành Giáo dục"]
                if org.startswith(("Trung tâm Y tế", "Bệnh viện", "Trạm Y tế")) and "Công đoàn ngành Y tế" in sectors:
                    return sectors["Công đoàn ngành Y tế"]
                if org.startswith(("Công ty", "Nhà máy")) and zones:
                    return r.choice(zones)
                if r.random() < 0.3 and sectors:
                    return sectors[r.choice(sorted(sectors))]
            return r.choice(districts)

        for _ in range(max(1, total - len(units))):
            org = r.choice(GRASSROOTS_KINDS)
            add(f"Công đoàn cơ sở {org} {r.choice(COMMUNES)}", "grassroots", parent_for(org)["id"])
        self.units = units
        self.grassroots = [u for u in units if u["kind"] == "grassroots"]
        self.non_grassroots = [u for u in units if u["kind"] != "grassroots"]

    def pick_unit(self):
        # Most exemplars come from grassroots unions; the rest from the Federation and upper units.
        if self.rng.random() < 0.75:
            return self.rng.choice(self.grassroots)
        return self.rng.choice(self.non_grassroots)

    # -- exemplars -------------------------------------------------------------

    def exemplar_years(self):
        r = self.rng
        start = r.choices([2016, 2017, 2018, 2019, 2020], [30, 25, 20, 15, 10])[0]
        end = r.randint(start, 2020)
        return list(range(start, end + 1))

    def awards(self, collective, years):
        """1–4 grants, sorted by year, each dated inside its year (no award-date warning)."""
        r = self.rng
        out = []
        if collective:
            out.append((years[0], self.weighted(COLLECTIVE_FIRST)))
            extra = r.randint(0, 3)
            pool = COLLECTIVE_MORE
        else:
            extra = r.randint(1, 4)
            pool = INDIVIDUAL_AWARDS
        seen = {(y, a) for y, a in out}
        for _ in range(extra):
            grant = (r.choice(years), self.weighted(pool))
            if grant not in seen:
                seen.add(grant)
                out.append(grant)
        out.sort(key=lambda g: (g[0], AWARD_RANK[g[1]]))
        return [(award, year, f"{r.randint(1, 2999)}/{AWARD_ISSUER[award]}", self.date(year))
                for year, award in out]

    def make_exemplars(self):
        r = self.rng
        n_coll = round(self.n * 0.4)
        self.exemplars = []
        used_collective_names = set()
        for i in range(self.n):
            collective = i < n_coll
            unit = self.pick_unit()
            years = self.exemplar_years()
            if collective:
                # The Federation's own office and departments are one collective each; once taken,
                # the collective comes from a grassroots union instead.
                if unit["kind"] in ("office", "department") and slug(unit["name"]) in used_collective_names:
                    unit = r.choice(self.grassroots)
                name = unit["name"]
                groups = subgroups_for(unit)
                tries = 0
                while slug(name) in used_collective_names:   # "Khoa Nội – Công đoàn cơ sở …"
                    tries += 1
                    sub = r.choice(groups) if tries <= 4 else f"Tổ công đoàn số {tries - 3}"
                    name = f"{sub} – {unit['name']}"
                used_collective_names.add(slug(name))
                short = name
                subject_forms = ["tập thể", "công đoàn", "Ban Chấp hành", "đơn vị"]
            else:
                name, given, female = self.person()
                short = ("chị " if female else "anh ") + given
                subject_forms = [short, short, "chị" if female else "anh"]
            scope = "comprehensive" if r.random() < 0.45 else "field"
            fields = r.sample(FIELD_IDS, r.randint(1, 2)) if scope == "field" else []
            e = {
                "id": self.ids.take(name), "collective": collective, "name": name, "unit": unit,
                "years": years, "scope": scope, "fields": fields, "subjects": subject_forms,
                "short": short, "models": [],
            }
            self.exemplars.append(e)

    # -- bodies ----------------------------------------------------------------

    def paragraph(self, pool, k, subjects, unit, field, years):
        r = self.rng
        return " ".join(self.fill(t, r.choice(subjects), unit, field, years) for t in r.sample(pool, k))

    def exemplar_body(self, e):
        """~2.9 KB: intro, achievements + bullet list, method (with an emphasised quote), lessons.
        The method paragraph grows until the body reaches a per-profile target size."""
        r = self.rng
        unit = e["unit"]["name"]
        field = FIELD_TEXT[e["fields"][0]] if e["fields"] else r.choice(FIELDS)[1]
        years, subj = e["years"], e["subjects"]
        if e["collective"]:
            intro = (f"{e['name']} có {r.randint(12, 900)} đoàn viên, trong đó {r.randint(5, 80)}% là nữ. "
                     f"Năm {years[0]}, tập thể được Ban Thường vụ LĐLĐ tỉnh chọn xây dựng điển hình tiên tiến "
                     f"{'toàn diện' if e['scope'] == 'comprehensive' else 'trên mặt công tác ' + field}.")
        else:
            intro = (f"{e['short'][0].upper() + e['short'][1:]} sinh năm {r.randint(1965, 1992)}, có {r.randint(3, 28)} năm "
                     f"làm công tác công đoàn, hiện công tác tại {unit}. Năm {years[0]}, "
                     f"{e['short']} được chọn xây dựng điển hình tiên tiến "
                     f"{'toàn diện' if e['scope'] == 'comprehensive' else 'trên mặt công tác ' + field}.")
        parts = [intro, " " + self.paragraph(ACHIEVEMENTS, 1, subj, unit, field, years),
                 "\n\n## ", r.choice(HEAD_ACHIEVE), "\n\n",
                 self.paragraph(ACHIEVEMENTS, 3, subj, unit, field, years), "\n\n"]
        for t in r.sample(RESULTS, r.randint(3, 5)):
            parts += ["- ", self.fill(t, subj[0], unit, field, years), "\n"]
        parts += ["\n## ", r.choice(HEAD_METHOD), "\n\n"]
        head = "".join(parts)
        lessons = ("\n\n## " + r.choice(HEAD_LESSON) + "\n\n" + self.paragraph(LESSONS, 2, subj, unit, field, years)
                   + f" {subj[0][0].upper() + subj[0][1:]} tâm niệm: *\"{r.choice(QUOTES)}\"*\n")
        target = r.randint(2600, 3200)
        size = len(head.encode()) + len(lessons.encode())
        method = []
        for t in r.sample(METHODS, len(METHODS)):
            if size >= target and len(method) >= 2:
                break
            s = self.fill(t, r.choice(subj), unit, field, years)
            if len(method) == 1:
                s = "**" + s[:-1] + "**."        # one bold sentence per body
            method.append(s)
            size += len(s.encode()) + 1
        return head + " ".join(method) + lessons

    # -- writing ---------------------------------------------------------------

    def write_exemplar(self, e, path):
        r = self.rng
        years = e["years"]
        lines = ["---", f"name: {q(e['name'])}", f"unit: {e['unit']['id']}"]
        if e["collective"]:
            lines.append(f"leader: {q(self.person()[0])}")
        else:
            lines.append(f"position: {q(r.choice(POSITIONS[e['unit']['kind']]))}")
        lines.append(f"scope: {e['scope']}")
        lines.append(f"fields: [{', '.join(e['fields'])}]")
        # Registration before 10 February of the first year, then the selection decision.
        lines.append(f"registered: {years[0]}-{r.randint(1, 2):02d}-{r.randint(1, 9):02d}")
        lines.append(f"selection: {{ decision: {q(str(r.randint(1, 99)) + '/QĐ-LĐLĐ')}, "
                     f"date: {years[0]}-03-{r.randint(1, 28):02d} }}")
        lines.append(f"years: [{', '.join(map(str, years))}]")
        if not e["collective"]:
            lines.append(f"supervisor: {q(r.choice(SUPERVISORS))}")
        if e["collective"]:
            crit = [c for c in CRITERIA_COLLECTIVE if c == "bang-khen" or r.random() < 0.8]
        else:
            crit = [c for c in CRITERIA_INDIVIDUAL if r.random() < 0.8] or ["hoan-thanh-xuat-sac"]
        lines.append(f"criteria: [{', '.join(crit)}]")
        lines.append("awards:")
        for award, year, decision, date in self.awards(e["collective"], years):
            lines.append(f"  - {{ award: {award}, year: {year}, decision: {q(decision)}, date: {date} }}")
        if e["models"]:
            lines.append(f"models: [{', '.join(e['models'])}]")
        what = "Tập thể" if e["collective"] else "Cán bộ công đoàn"
        field = FIELD_TEXT[e["fields"][0]] if e["fields"] else "mọi mặt công tác"
        span = f"năm {years[0]}" if len(years) == 1 else f"giai đoạn {years[0]}–{years[-1]}"
        lines.append("summary: " + q(f"{what} điển hình của {e['unit']['name']}, nổi bật về {field} trong {span}."))
        lines.append(f"tags: [{', '.join(r.sample(TAGS, r.randint(1, 3)))}]")
        lines.append("---")
        body = self.exemplar_body(e)
        self.out.write(path, "\n".join(lines) + "\n" + body)

    def make_models(self):
        """N/10 models; owners are picked first so each owner can list the model back."""
        r = self.rng
        ids = IdPool()
        self.models = []
        for _ in range(max(1, self.n // 10)):
            owners = r.sample(self.exemplars, min(len(self.exemplars), r.choices([1, 2, 3], [55, 35, 10])[0]))
            first = owners[0]
            title = f"{r.choice(MODEL_BASES)} – {first['unit']['name']}"
            model = {"id": ids.take(title), "title": title, "owners": owners, "unit": first["unit"],
                     "year": r.choice(first["years"]),
                     "kind": "initiative" if r.random() < 0.5 else "model"}
            for o in owners:
                o["models"].append(model["id"])
            self.models.append(model)

    def write_model(self, m, path):
        r = self.rng
        fields = r.sample(FIELD_IDS, r.randint(1, 2))
        lines = ["---", f"title: {q(m['title'])}", f"kind: {m['kind']}", f"unit: {m['unit']['id']}",
                 f"owners: [{', '.join(o['id'] for o in m['owners'])}]", f"year: {m['year']}",
                 f"fields: [{', '.join(fields)}]"]
        if m["kind"] == "initiative":
            lines.append(f"benefit: {q(f'Làm lợi khoảng {r.randint(20, 900)} triệu đồng mỗi năm')}")
        else:
            lines.append(f"benefit: {q(f'Thu hút hơn {r.randint(50, 5000)} đoàn viên tham gia')}")
        lines.append("adopted_by:")
        adopters = r.sample([u for u in self.units if u is not m["unit"]], r.randint(1, 6))
        for u in adopters:
            note = r.choice(ADOPTION_NOTES).format(a=r.randint(2, 60))
            lines.append(f"  - {{ unit: {u['id']}, year: {r.randint(m['year'], 2020)}, note: {q(note)} }}")
        lines.append("summary: " + q(f"{m['title'].split(' – ')[0]}: cách làm do {m['owners'][0]['name']} khởi xướng "
                                     f"năm {m['year']}, đã được {len(adopters)} đơn vị nhân rộng."))
        lines.append(f"tags: [{', '.join(r.sample(TAGS, r.randint(1, 2)))}]")
        lines.append("---")
        years = list(range(m["year"], 2021))
        subj = ["đơn vị", "công đoàn"]
        unit = m["unit"]["name"]
        body = ["## Vấn đề\n\n", self.paragraph(PROBLEMS, 2, subj, unit, "", years),
                "\n\n## Cách làm\n\n"]
        for i, step in enumerate(r.sample(MODEL_STEPS, r.randint(4, 6)), 1):
            body.append(f"{i}. {step}\n")
        body += ["\n## Kết quả\n\n", " ".join(self.fill(t, "đơn vị", unit, "", years)
                                             for t in r.sample(MODEL_RESULTS, 3)), "\n"]
        self.out.write(path, "\n".join(lines) + "\n" + "".join(body))

    def write_events(self, outdir):
        r = self.rng
        ids = IdPool()
        count = max(1, self.n // 50)
        for i in range(count):
            kind, prefix = r.choice(EVENT_KINDS)
            year = 2016 + i * 5 // count          # spread evenly over the phase
            title = f"{prefix} {r.choice(EVENT_TOPICS)} năm {year}"
            eid = ids.take(title)
            month, day = r.randint(1, 12), r.randint(1, 26)
            participants = r.sample(self.exemplars, min(len(self.exemplars), r.randint(5, 30)))
            models = r.sample(self.models, min(len(self.models), r.randint(1, 4)))
            host = r.choice(self.non_grassroots)
            lines = ["---", f"title: {q(title)}", f"kind: {kind}", f"date: {year}-{month:02d}-{day:02d}",
                     f"end_date: {year}-{month:02d}-{day + r.randint(0, 2):02d}",
                     f"location: {q(r.choice(EVENT_LOCATIONS))}", f"host: {host['id']}",
                     f"participants: [{', '.join(p['id'] for p in participants)}]",
                     f"models: [{', '.join(m['id'] for m in models)}]", "---"]
            years = [year]
            body = [f"Ngày {day:02d}/{month}/{year}, {host['name']} tổ chức {title[0].lower() + title[1:]}. ",
                    " ".join(self.fill(t, "ban tổ chức", host["name"], "", years)
                             for t in r.sample(EVENT_SENTENCES, 3)),
                    "\n\n## Nội dung chính\n\n"]
            for p in participants[:4]:
                body.append(f"- {p['name']} chia sẻ kinh nghiệm về {r.choice(EVENT_TOPICS)}.\n")
            body += ["\n## Kết quả\n\n", " ".join(self.fill(t, "ban tổ chức", host["name"], "", years)
                                                 for t in r.sample(EVENT_SENTENCES, 3)), "\n"]
            self.out.write(os.path.join(outdir, "events", eid + ".md"), "\n".join(lines) + "\n" + "".join(body))


SITE_YML = """\
title: Điển hình tiên tiến
organisation: Liên đoàn Lao động tỉnh Quảng Bình
description: Các tập thể, cá nhân điển hình tiên tiến, mô hình và sáng kiến được xây dựng, nhân rộng trong hệ thống Công đoàn tỉnh giai đoạn 2016–2020 (dữ liệu sinh tự động để đo hiệu năng).
base_url: https://ldld.example.vn/dien-hinh/
language: vi
phase: { name: "2016–2020", from: 2016, to: 2020 }
registration_deadline: "02-10"
score_thresholds: { excellent: 90, good: 70, complete: 50 }
"""

PAGES = {
    "gioi-thieu": ("Giới thiệu", "Về chương trình xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2016–2020.", 1,
                   "## Mục đích\n\nPhát hiện, bồi dưỡng, xây dựng và nhân rộng các điển hình tiên tiến trong hệ thống "
                   "Công đoàn tỉnh, tạo động lực thúc đẩy phong trào thi đua yêu nước.\n\n## Yêu cầu\n\n"
                   "- Điển hình phải thực sự tiêu biểu, có sức lan tỏa.\n- Việc chọn phải dân chủ, công khai.\n"
                   "- Các cấp công đoàn theo dõi, giúp đỡ điển hình thường xuyên.\n"),
    "dang-ky": ("Đăng ký điển hình tiên tiến", "Hạn đăng ký trước ngày 10/02 hằng năm qua Ban Công tác cơ sở.", 2,
                "## Hạn và nơi nhận\n\nHồ sơ gửi về **LĐLĐ tỉnh, qua Ban Công tác cơ sở, trước ngày 10/02 hằng năm**.\n\n"
                "## Hồ sơ gồm\n\n1. Văn bản đăng ký của đơn vị.\n2. Báo cáo tóm tắt thành tích.\n"
                "3. Với tập thể: bản sao quyết định tặng Bằng khen của LĐLĐ tỉnh trở lên.\n"),
    "tieu-chi": ("Tiêu chí chọn điển hình", "Tiêu chí đối với tập thể và cá nhân theo kế hoạch của Ban Thường vụ.", 3,
                 "## Đối với tập thể\n\nNội bộ đoàn kết; vượt khó, sáng tạo; tổ chức phong trào thi đua hiệu quả; "
                 "đã được tặng Bằng khen của LĐLĐ tỉnh trở lên.\n\n## Đối với cá nhân\n\nChấp hành tốt chủ trương, "
                 "chính sách; hoàn thành xuất sắc nhiệm vụ; có đạo đức tốt; tích cực tham gia phong trào thi đua.\n"),
}


def generate(n, outdir, seed):
    if os.path.exists(outdir):
        shutil.rmtree(outdir)
    for sub in ("collectives", "individuals", "models", "events", "pages"):
        os.makedirs(os.path.join(outdir, sub))
    g = Generator(n, seed)
    g.make_units()
    g.make_exemplars()
    g.make_models()

    with open(os.path.join(outdir, "site.yml"), "w", encoding="utf-8") as fh:
        fh.write(nfc(SITE_YML))
    with open(os.path.join(outdir, "units.yml"), "w", encoding="utf-8") as fh:
        fh.write(f"# {len(g.units)} đơn vị sinh tự động.\n")
        for u in g.units:
            fh.write(f"- id: {u['id']}\n  name: {q(u['name'])}\n  kind: {u['kind']}\n")
            if u["parent"]:
                fh.write(f"  parent: {u['parent']}\n")
    for e in g.exemplars:
        folder = "collectives" if e["collective"] else "individuals"
        g.write_exemplar(e, os.path.join(outdir, folder, e["id"] + ".md"))
    for m in g.models:
        g.write_model(m, os.path.join(outdir, "models", m["id"] + ".md"))
    g.write_events(outdir)
    g.out.close()
    for pid, (title, summary, menu, body) in PAGES.items():
        with open(os.path.join(outdir, "pages", pid + ".md"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(f"---\ntitle: {q(nfc(title))}\nsummary: {q(nfc(summary))}\nmenu: {menu}\n---\n{nfc(body)}")
    return g


def main():
    parser = argparse.ArgumentParser(description="Generate an Exemplar content folder for benchmarks.")
    parser.add_argument("n", type=int, help="number of exemplar profiles")
    parser.add_argument("outdir", help="content folder to (re)create")
    parser.add_argument("--seed", type=int, default=2016, help="random seed (default 2016)")
    args = parser.parse_args()
    if args.n < 10:
        sys.exit("N must be at least 10")
    g = generate(args.n, args.outdir, args.seed)
    print(f"{args.outdir}: {len(g.units)} units, {len(g.exemplars)} exemplars, {len(g.models)} models, "
          f"{max(1, args.n // 50)} events, {len(PAGES)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Hostile front matter and bodies for the fuzzer: the strategies tests/test_fuzz.py (a bounded run in
the suite) and bench/fuzz.py (a long run through the real command) share.

A case is one article file (front matter + body) added to a small good site that has a photo with
a space and one saved with a decomposed (NFD, as macOS writes) name.  The properties: the build
succeeds or fails with problems (exit 0 or 1) in bounded time, output/ is byte for byte as it was
after a failure, and `check` reports errors exactly when the build fails.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from hypothesis import strategies as st

GOOD_SITE_CONFIG = """\
title = "Báo Thử Nghiệm"
description = "Tin tức tỉnh Thử Nghiệm"
base_url = "https://example.vn/bao/"
per_page = 3
related_count = 2

[[categories]]
name = "Thời sự"
slug = "thoi-su"

[[categories]]
name = "Kinh tế"
slug = "kinh-te"
"""
GOOD_ARTICLE = """\
---
title: "Khai mạc kỳ họp thứ 7 HĐND tỉnh"
date: 2024-06-25 15:18
category: "Thời sự"
slug: khai-mac-ky-hop
tags: [HĐND, Kon Tum]
author: "Minh Thư"
image:
  src: images/hoi nghi.png
  caption: "Toàn cảnh kỳ họp."
  credit: "MT"
---

Sáng 25/6, HĐND tỉnh khai mạc kỳ họp thứ 7.
"""
PHOTOS = ("images/hoi nghi.png", unicodedata.normalize("NFD", "images/ảnh đêm hội.png"))
"""Photos next to the articles in content/thoi-su/, the second with a decomposed name."""
HOSTILE_FILE = "content/thoi-su/bai-thu.md"


def write_good_site(root: Path, png: bytes) -> None:
    """The site every case starts from: config, one good article, its photos."""
    (root / "content" / "thoi-su" / "images").mkdir(parents=True)
    (root / "config.toml").write_text(GOOD_SITE_CONFIG, encoding="utf-8")
    (root / "content" / "thoi-su" / "khai-mac.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    for photo in PHOTOS:
        (root / "content" / "thoi-su" / photo).write_bytes(png)


# --- strings an editor (or a broken export) might write -------------------------------------------

WORDS = ["Kon Tum", "Đắk Tô", "cà phê", "HĐND", "Tỉnh ủy", "Tỉnh uỷ", "hòa", "hoà", "Ia H'Drai", "8,5%",
         "quý II/2020", "Ngọc Hồi", "Sa Thầy", "Măng Đen", "đ", "x"]
ODD = ["", " ", "!!!", "***", "—", "🎉", "🙂🙂", "&", "*", "#", "::", "[", "]", "{", "}", "|", ">", "%", "'", '"',
       "\\", "\t", "\x00", "\x07", "\u200b", "\u0301", "\ufeff", "null", "~", "yes", "no", "10:00", "1e3", "0x1F",
       "a" * 300, "Đ" * 90, "tin-" * 70]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


texts = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.lists(st.sampled_from(WORDS + ODD), min_size=1, max_size=40).map(" ".join),
    st.sampled_from(WORDS).map(nfd),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12).map(lambda t: t * 30),
)
"""Text values: Vietnamese words, punctuation and emoji, NFD, long, control characters, random."""


def scalar(text: str, style: str) -> str:
    """`text` as YAML writes it: plain (unquoted), double-quoted, single-quoted or a block."""
    if style == "double":
        return json.dumps(text, ensure_ascii=False)
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "block":
        return "|\n  " + text.replace("\n", "\n  ")
    return text


styled = st.builds(scalar, texts, st.sampled_from(["plain", "double", "double", "single", "block"]))
sane = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(lambda words: json.dumps(" ".join(words), ensure_ascii=False))
"""A value any build accepts: Vietnamese words, double-quoted (long ones too)."""

DATES = ["2024-06-25 15:18", "25/06/2024 15:18", "25/06/2024", "15:18 25/06/2024", "2024-06-25T15:18:00+07:00",
         "2024-06-25T08:18:00Z", "9999-12-31T23:59:59-23:00", "0000-01-01", "2024-01-01T00:00+25:00",
         "2024-01-01T00:00+14:00", "1899-12-31", "2101-01-01", "31/02/2024", "hôm qua", "2024-13-01", "10:00",
         "2099-12-31 23:59", "1900-01-01 00:00", "2024-06-25 15:18:61", "[2024]", "{a: 1}"]
CATEGORIES = ['"Thời sự"', "Thời sự", "thoi-su", '"Kinh tế"', "kinh-te", nfd("Thời sự"), "THỜI SỰ", "Không có", '""']
SLUGS = ["bai-thu", "khai-mac-ky-hop", "-".join(["bao-cao"] * 30), "a" * 101, "a" * 100, "Có Dấu", "a--b", "x",
         "con", "aux", "index", "404"]
ALIASES = ["/tin-cu/bai-1.html", "/thoi-su/khai-mac-ky-hop-202406251518/", "/chu-de/hdnd/", "/404.html", "/", "tin-cu", "http://x.vn/a",
           "//x.vn/a", "/../etc/passwd", "/a?b=1", "/a#b", "/a\\b", "/" + "a" * 300, "/tin cũ/bài.html",
           "/%2e%2e/x", "/.sitegen-cache/x", "/media/x.png", "/chu-de/", "/bao/"]
IMAGES = ["images/hoi nghi.png", "images/hoi%20nghi.png", "images/ảnh đêm hội.png", nfd("images/ảnh đêm hội.png"),
          "images/khong-co.png", "../x.png", "/thoi-su/images/hoi nghi.png", "http://x.vn/a.png",
          "images/", "images/hoi nghi.png\x00", "a" * 300 + ".png", "images\\hoi nghi.png"]

BILLION_LAUGHS = ("lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                  + "\n".join(f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)))


@st.composite
def nested(draw, depth: int = 0) -> str:
    """A flow-style YAML value nested up to 14 levels deep."""
    if depth > 13 or draw(st.integers(0, 3)) == 0:
        return json.dumps(draw(texts), ensure_ascii=False)
    items = draw(st.lists(nested(depth + 1), max_size=3))
    return "[" + ", ".join(items) + "]" if draw(st.booleans()) else \
        "{" + ", ".join(f'"k{i}": {v}' for i, v in enumerate(items)) + "}"


def _list(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


NAMES = ["!!!", "🎉", "—", "***", "...", "_", "Ⅻ", "中文", "Đắk Tô " * 40, "Tỉnh uỷ", "tỉnh ủy", "x" * 300, "a/b", "../x"]
names = st.sampled_from(NAMES).map(lambda n: json.dumps(n, ensure_ascii=False))
"""Tags and authors: punctuation or emoji only, other scripts, long, spelled two ways, path-like."""


def _photo(src: str, mapping: bool) -> str:
    quoted = json.dumps(src, ensure_ascii=False)
    return f"\n  src: {quoted}\n  caption: Ảnh hội nghị\n  credit: MT" if mapping else quoted


FIELDS = {
    # field: (a value any build accepts, a hostile one)
    "title": (sane, styled),
    "date": (st.sampled_from(DATES[:6]), st.sampled_from(DATES[6:])),
    "category": (st.sampled_from(CATEGORIES[:3]), st.sampled_from(CATEGORIES[3:])),
    "tags": (st.lists(sane, max_size=4).map(_list),
             st.one_of(st.lists(st.one_of(names, styled.filter(lambda s: "\n" not in s)), min_size=1,
                                max_size=5).map(_list), styled, names)),
    "author": (sane, st.one_of(names, styled)),
    "summary": (sane, styled),
    "slug": (st.just("bai-thu-nghiem"), st.one_of(st.sampled_from(SLUGS), st.just("khai-mac-ky-hop"), styled)),
    "aliases": (st.just('["/tin-cu/bai-thu.html"]'),
                st.lists(st.sampled_from(ALIASES).map(lambda a: json.dumps(a, ensure_ascii=False)),
                         min_size=1, max_size=3).map(_list)),
    "image": (st.booleans().map(lambda m: _photo("images/hoi nghi.png", m)),
              st.builds(_photo, st.sampled_from(IMAGES), st.booleans())),
    "images": (st.just("\n  - src: images/hoi nghi.png\n    caption: Ảnh"),
               st.lists(st.sampled_from(IMAGES), max_size=3).map(
                   lambda items: "".join(f"\n  - src: {json.dumps(i, ensure_ascii=False)}" for i in items) or "[]")),
    "draft": (st.sampled_from(["true", "false", "có", "không"]), st.sampled_from(["maybe", "[]", "1", "~"])),
    "featured": (st.sampled_from(["true", "no"]), st.sampled_from(["2", "{}"])),
    "updated": (st.sampled_from(DATES[:6]), st.sampled_from(DATES[6:])),
}
REQUIRED = ("title", "date", "category")


@st.composite
def front_matter(draw) -> str:
    """The lines between the two `---`: a valid article with one to three fields made hostile (so that
    most cases reach the later stages, one fault at a time), and odd extra fields."""
    optional = draw(st.lists(st.sampled_from([k for k in FIELDS if k not in REQUIRED]), unique=True, max_size=6))
    hostile = set(draw(st.lists(st.sampled_from(sorted(FIELDS)), unique=True, max_size=3)))
    lines = []
    for key in (*REQUIRED, *optional):
        if key in hostile and key in REQUIRED and draw(st.integers(0, 9)) == 9:
            continue  # a required field missing
        sane_value, hostile_value = FIELDS[key]
        lines.append(f"{key}: {draw(hostile_value if key in hostile else sane_value)}")
    for _ in range(draw(st.integers(0, 2))):  # unknown keys, for themes
        key = draw(st.sampled_from(["video", "nguon", "tittle", "Title", "tag", "x-y", "số", "🎉", "'a b'"]))
        lines.append(f"{key}: " + draw(st.one_of(sane, styled, nested(), st.just("&a [1, *a]"), st.just("&x 1"))))
    if draw(st.integers(0, 15)) == 15:
        lines.append(BILLION_LAUGHS)
    if draw(st.integers(0, 15)) == 15:
        lines.append(lines[0])  # a key twice
    return "\n".join(lines)


# --- bodies ------------------------------------------------------------------------------------------

PARAGRAPHS = ["Sáng 25/6, HĐND tỉnh khai mạc kỳ họp thứ 7.", "Đoạn văn thường.", "Một đoạn *nghiêng* và **đậm**.",
              "Sáng 25/6, HĐND tỉnh khai mạc kỳ họp thứ 7.", "Giá cà phê [tăng](/kinh-te/) mạnh.",
              "![Hội nghị](images/hoi%20nghi.png)", "![](images/ảnh đêm hội.png)", "![x](images/khong-co.png)",
              "![x](../../x.png)", "<div><p>HTML <b>thô</b></p></div>", "<script>alert(1)</script>",
              "# Tiêu đề\n## Mục", "| a | b |\n|---|---|\n| [x](y) | z |", "```\ncode [[[\n```",
              "[chưa đóng", "*nghiêng **đậm", "`mã", "<!-- chú thích", "&#0; &#x110000; &bogus;", "\\", "[^1]",
              "[a]: /x", "Ảnh: MT", "---", "***", "\x00\x01\x02", "\r\r\n\r", "\u202e\u200b\ufeff"]


@st.composite
def body(draw) -> str:
    """Paragraphs of news, and runs of what makes Markdown slow or deep, joined with mixed newlines."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 14))
        if kind <= 3 or kind > 9:
            parts.append(draw(st.sampled_from(PARAGRAPHS)))
        elif kind == 4:
            run = draw(st.sampled_from(["[", "![", "<", "`", "*", "_", "[](", "<a ", "\\[", "&lt;", "]", "("]))
            parts.append(run * draw(st.sampled_from([10, 300, 2000, 5000, 20000])))
        elif kind == 5:
            marker = draw(st.sampled_from(["> ", ">", "- ", "1. ", "* ", "> - "]))
            parts.append(marker * draw(st.sampled_from([3, 19, 20, 21, 100, 2000])) + "trích")
        elif kind == 6:
            depth = draw(st.sampled_from([3, 19, 21, 40]))
            parts.append("".join("    " * i + "- mục\n" for i in range(depth)))
        elif kind == 7:
            parts.append(draw(st.text(max_size=200)))
        elif kind == 8:
            parts.append("Dòng dài " * draw(st.sampled_from([100, 5000])))
        else:
            parts.append(draw(texts))
    newline = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n", "\r\r", "\n\n\n"]))
    return newline.join(parts)


@st.composite
def article_file(draw) -> bytes:
    """One article file as it lands on disk: usually front matter and body, sometimes broken framing."""
    text = f"---\n{draw(front_matter())}\n---\n\n{draw(body())}\n"
    framing = draw(st.integers(0, 19))  # 0, which Hypothesis draws most, is the usual file
    if framing == 19:
        text = text.replace("---\n", "", 1)  # no opening line
    elif framing == 18:
        text = "\ufeff" + text.replace("\n", "\r\n")  # a BOM and Windows line ends
    data = text.encode("utf-8", "surrogatepass")
    if framing == 17:
        data += b"\xff\xfe"  # not UTF-8
    return data

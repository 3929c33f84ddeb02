#!/usr/bin/env python3
"""Synthetic multi-article news stories with known ground truth.

Builds an evaluation corpus for the "related articles" box of a static site
generator: the ordinary articles of /work/shared/bench/gen_corpus.py (ids
100000+), plus *stories* -- groups of 3-10 articles that follow one matter
through its stages (announcement, progress, incident, response, outcome,
follow-up; ids 500000+) -- plus *decoys* (ids 600000+), single articles that
look like a story (same kind of event, or the same place) but are about
another matter.  A good related box shows, for a story article, the other
articles of its story and not the decoys.

Shapes:
  breaking  40 short stories (1-30 days): floods, landslides, accidents,
            fires, outbreaks, court cases, searches, outages...; decoys are
            the same kind of event elsewhere or in another year.
  mixed     30 long stories (7-730 days): road and hospital projects, OCOP,
            festivals, congresses, land disputes, school mergers...; decoys
            are the same place on another matter years apart, or the same
            kind of project in another district.

Difficulty is deliberate: each article has its own stage title; the key
entity (commune, project, person) is in only ~60% of titles; ~30% of a
story's articles sit in an alternative category; ~35% carry the story tag,
~20% a variant spelling of it and ~45% only generic tags; bodies mix a few
story facts with gc.Writer filler and stock phrases that decoys share.

This file was written independently of the ranking code (sitegen/related.py)
and of series.py; it only imports the Truth dataclass from series.py.

Usage:  python bench/related_quality/stories.py [--shape breaking|mixed]
            [--seed N] [--unrelated N]     (env GEN_CORPUS overrides the
            path of gen_corpus.py).  build_corpus(gc, seed, unrelated, shape)
            is the interface used by the benchmark.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import random
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if __name__ == "__main__" and _HERE not in sys.path:
    sys.path.insert(0, _HERE)

try:
    from series import Truth
except ImportError:  # imported as part of a package
    from .series import Truth  # type: ignore[no-redef]

SHAPES = ("breaking", "mixed")
GEN_CORPUS = os.environ.get("GEN_CORPUS", "/work/shared/bench/gen_corpus.py")

# ---------------------------------------------------------------------------
# Entity vocabulary (invented)
# ---------------------------------------------------------------------------

SYL_A = ["Nậm", "Tà", "Púng", "Khau", "Pá", "Nà", "Cốc", "Lũng", "Phìn", "Sín",
         "Mồ", "Chiềng", "Hồng", "Quang", "Thượng", "Hạ", "Trung", "Đồng", "Minh", "Tú"]
SYL_B = ["Khắt", "Xi", "Luông", "Lìn", "Chải", "Hồ", "Pan", "Mạ", "Thàng", "Ngòi",
         "Vạn", "Tiến", "Sơn", "Phúc", "Lương", "Bằng", "Cang", "Tủng", "Dề", "Lao"]
VIL_A = ["Khe", "Pù", "Nà", "Cò", "Bó", "Kéo", "Tát", "Vằng", "Phiêng", "Hin"]
VIL_B = ["Bàng", "Lình", "Mòn", "Cại", "Hán", "Phạ", "Ngà", "Dạ", "Luồng", "Chang"]
RIVERS = ["sông Chảy", "sông Lô", "sông Gâm", "sông Năng", "suối Nậm Mu", "suối Nậm Pồ",
          "sông Bứa", "suối Ngòi Hút", "sông Nhiệm", "suối Nậm Kim", "sông Bằng", "suối Chăn"]
ROADS = ["Quốc lộ 2", "Quốc lộ 3", "Quốc lộ 4A", "Quốc lộ 6", "Quốc lộ 12", "Quốc lộ 24",
         "Quốc lộ 27", "Quốc lộ 32", "Quốc lộ 37", "Quốc lộ 279", "Quốc lộ 4D", "Quốc lộ 34"]
FIRMS_A = ["Công ty TNHH Xây dựng", "Công ty Cổ phần Đầu tư", "Công ty Cổ phần Xây lắp",
           "Công ty TNHH Thương mại", "Liên danh Công ty"]
FIRMS_B = ["Hoàng Long", "Trường Thịnh", "Phú Cường", "Đại Thành", "Minh Phát", "Tân Hưng",
           "Việt Bắc", "Hùng Vương", "Thành Đạt", "Sông Hồng", "An Phú", "Bảo Minh"]
SURN = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò",
        "Giàng", "Hà", "Triệu", "Nông", "Lường", "Sầm", "Lục", "Mã"]
MID_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Xuân", "A", "Công", "Thế"]
GIV_M = ["Hùng", "Tuấn", "Dũng", "Sơn", "Bình", "Cường", "Khánh", "Phúc", "Chính", "Páo",
         "Chứ", "Nam", "Quyết", "Thắng", "Lợi", "Tiến", "Hải", "Long", "Vinh", "Sình"]
GIV_F = ["Lan", "Hương", "Hoa", "Mai", "Thảo", "Nga", "Vân", "Dua", "Say", "Hằng",
         "Nhung", "Thủy", "Liên", "Chinh", "Mỷ", "Xuân"]
# the province's leadership rotates through a few names: shared by all stories
OFFICIALS = ["Nguyễn Đức Thanh", "Hoàng Quốc Khánh", "Lê Thị Kim Dung", "Trần Minh Tiến",
             "Vũ Xuân Hòa"]

STOCK = [
    "Theo phóng viên ghi nhận, nhiều người dân trên địa bàn huyện {district} bày tỏ sự đồng tình với cách làm của chính quyền địa phương.",
    "UBND tỉnh đã giao các sở, ngành liên quan phối hợp với UBND huyện {district} theo dõi sát tình hình, kịp thời báo cáo những vấn đề phát sinh.",
    "Trong thời gian tới, địa phương tiếp tục rà soát, tổng hợp khó khăn, vướng mắc để đề xuất cấp có thẩm quyền xem xét, giải quyết.",
    "Đồng chí {official}, Phó Chủ tịch UBND tỉnh, yêu cầu các đơn vị tuyệt đối không chủ quan, lơ là, bảo đảm an toàn cho người dân.",
    "Ban Thường vụ Tỉnh ủy đã có ý kiến chỉ đạo, yêu cầu cấp ủy, chính quyền các cấp vào cuộc quyết liệt, đồng bộ.",
    "Năm 2025, tỉnh đặt mục tiêu hoàn thành cơ bản các chỉ tiêu chủ yếu theo nghị quyết Đại hội Đảng bộ tỉnh.",
    "Tỉnh ủy, HĐND, UBND tỉnh đặc biệt quan tâm, thường xuyên chỉ đạo sát sao nhiệm vụ này trong thời gian tới.",
    "Theo phóng viên ghi nhận, đến chiều cùng ngày, lực lượng chức năng vẫn có mặt tại hiện trường.",
    "Lãnh đạo UBND huyện {district} cho biết sẽ báo cáo UBND tỉnh kết quả thực hiện trước ngày 30/{month}.",
    "Sở Tài chính đã tham mưu UBND tỉnh bố trí kinh phí từ nguồn dự phòng ngân sách tỉnh năm {year}.",
    "Thông tin ban đầu được phóng viên tổng hợp từ báo cáo nhanh của UBND huyện {district}.",
    "Đồng chí {official}, Phó Chủ tịch UBND tỉnh, đề nghị huyện {district} chủ động phương án, không để người dân bị động.",
]

TAG_FORMS = ("tag", "variant", "none")
TAG_WEIGHTS = (35, 20, 45)


class T:
    """One story template (compact data, filled with per-story entities).

    key    the key entity phrase, e.g. "xã {commune}"; titles mention it only
           through {K}, which becomes the key or one of the `anon` phrases.
    stages (title, sapo) pairs in chronological order.
    facts  sentence templates for bodies; several should contain {key}.
    """

    def __init__(self, kind, cat, alt, tag, variants, generic, key, anon,
                 stages, facts, caps=(), pre=None):
        self.kind, self.cat, self.alt = kind, cat, tuple(alt)
        self.tag, self.variants, self.generic = tag, tuple(variants), tuple(generic)
        self.key, self.anon, self.pre = key, tuple(anon), pre
        self.stages, self.facts, self.caps = list(stages), list(facts), tuple(caps)


BREAKING: list[T] = []
MIXED: list[T] = []
# story key -> its key-entity phrase, from the latest build_corpus() call (for summary())
KEY_PHRASES: dict[str, str] = {}

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _name(r: random.Random, female: bool = False) -> str:
    if female:
        return f"{r.choice(SURN)} Thị {r.choice(GIV_F)}"
    return f"{r.choice(SURN)} {r.choice(MID_M)} {r.choice(GIV_M)}"


def _entities(r: random.Random, gc, year: int) -> dict:
    """Fresh per-story entities; every template placeholder is defined here."""
    c1, c2 = r.sample([a + " " + b for a in SYL_A for b in SYL_B], 2)
    e = {
        "district": r.choice(gc.DISTRICTS), "commune": c1, "commune2": c2,
        "village": f"{r.choice(['thôn', 'bản'])} {r.choice(VIL_A)} {r.choice(VIL_B)}",
        "person": _name(r), "person2": _name(r), "woman": _name(r, True),
        "chair": _name(r), "director": _name(r),
        "age": r.randint(19, 68), "age2": r.randint(6, 15), "older": r.randint(41, 63),
        "river": r.choice(RIVERS), "road": r.choice(ROADS),
        "prov_road": f"tỉnh lộ {r.randint(101, 699)}",
        "km": f"Km{r.randint(12, 190)}+{r.randint(1, 9) * 100}",
        "firm": f"{r.choice(FIRMS_A)} {r.choice(FIRMS_B)}",
        "n1": r.randint(2, 9), "n2": r.randint(11, 95), "n3": r.randint(120, 980),
        "bn": r.randint(12, 480), "ha": r.randint(3, 60), "no": r.randint(1, 9),
        "year": year, "year1": year + 1, "month": r.randint(1, 12),
    }
    e["plate"] = f"{r.randint(11, 29)}{r.choice('ABCDH')}-{r.randint(100, 999)}.{r.randint(10, 99)}"
    return e


def _fill(s: str, e: dict) -> str:
    return s.format_map(e)


def _story_entities(r, gc, tpl: T, year: int, base: dict | None = None) -> dict:
    e = _entities(r, gc, year)
    if base:  # same place as another story (mixed decoys)
        for k in ("district", "commune", "village"):
            e[k] = base[k]
    e["key"] = _fill(tpl.key, e)
    e["Key"] = _cap(e["key"])
    return e


def _dates(r: random.Random, gc, span: int, n: int, first: dt.date | None = None):
    """n strictly increasing datetimes, first..last exactly `span` days apart."""
    total = (gc.END - gc.START).days
    if first is None:
        first = gc.START + dt.timedelta(days=r.randrange(max(1, total - span)))
    offs = [0] if n == 1 else sorted([0, span] + [r.randint(0, span) for _ in range(n - 2)])
    out, k = [], 0
    while k < n:
        j = k
        while j < n and offs[j] == offs[k]:
            j += 1
        slots = sorted(r.sample([(h, m) for h in range(6, 23) for m in range(0, 60, 5)], j - k))
        day = first + dt.timedelta(days=offs[k])
        out += [dt.datetime(day.year, day.month, day.day, h, m, tzinfo=gc.TZ) for h, m in slots]
        k = j
    return out


def _tags(r: random.Random, gc, tpl: T, e: dict, form: str, cat: str) -> list[str]:
    pool = list(tpl.generic) + list(gc.TOPIC_TAGS[cat]) + ["Huyện " + e["district"]]
    if form == "none":
        want, tags = r.randint(1, 3), []
    else:
        want = r.randint(1, 3)
        tags = [_fill(tpl.tag if form == "tag" else r.choice(tpl.variants), e)]
    while len(tags) < want:
        t = r.choice(tpl.generic) if r.random() < 0.7 else r.choice(pool)
        if t not in tags:
            tags.append(t)
    return tags


def _article(r, gc, cats, aid, tpl, e, stage, when, cat, form, want_key, author) -> dict:
    a = dict(e, official=r.choice(OFFICIALS), m=r.randint(2, 60),
             dm=f"{when.day}/{when.month}", month=when.month)
    t_tpl, s_tpl = tpl.stages[stage]
    a["K"] = a["key"] if want_key else r.choice(tpl.anon)
    title = _fill(t_tpl, a)
    if want_key and "{K}" not in t_tpl:
        title = _fill(tpl.pre or "{Key}", a) + ": " + _cap(title)  # "Xã A: Tin ..."
    title = _cap(title.rstrip(". "))
    summary = _fill(s_tpl, a)
    w = gc.Writer(r, cat, when.year)
    keyed = [f for f in tpl.facts if "{key}" in f] or tpl.facts
    lead = r.choice(keyed)
    rest = [f for f in tpl.facts if f != lead]
    facts = [lead] + r.sample(rest, min(len(rest), r.randint(1, 4)))
    spare = [f for f in rest if f not in facts]
    if spare and r.random() < 0.5:
        summary += " " + _fill(r.choice(spare), a)
    npara = r.randint(5, 9)
    paras: list[list[str]] = [[] for _ in range(npara)]
    paras[0].append(_fill(lead, a))
    for f in facts[1:]:
        paras[r.randrange(npara)].append(_fill(f, a))
    for s in r.sample(STOCK, r.randint(1, 3)):
        paras[r.randrange(1, npara)].append(_fill(s, a))
    for p in paras:
        for _ in range(r.randint(1 if p else 2, 3)):
            p.insert(r.randrange(len(p) + 1) if p is not paras[0] else len(p), w.sentence())
    slug = f"{gc.slugify(title)[:70].rstrip('-')}-{aid}"
    nimg = r.choice((1, 1, 2))
    credits = [gc.initials(author), "Ảnh: " + author, "CTV", "Tư liệu"]
    images = [{"src": f"images/{slug}-{k}.jpg",
               "caption": _fill(r.choice(tpl.caps), a) if tpl.caps and r.random() < 0.6 else w.caption(),
               "credit": r.choice(credits)} for k in range(1, nimg + 1)]
    sub_at = r.randrange(2, npara) if r.random() < 0.35 else -1
    img2_at = r.randrange(npara // 2, npara) if nimg == 2 else -1
    blocks = []
    for i, p in enumerate(paras):
        if i == sub_at:
            blocks.append("## " + r.choice(gc.SUBHEADINGS))
        blocks.append(" ".join(p))
        if i == 0:
            blocks.append(f"![](images/{slug}-1.jpg)")
        elif i == img2_at:
            blocks.append(f"![](images/{slug}-2.jpg)")
    return {"id": aid, "slug": slug, "title": title, "date": when, "author": author,
            "category": cats[cat], "category_slug": cat, "tags": _tags(r, gc, tpl, a, form, cat),
            "summary": summary, "images": images, "body": "\n\n".join(blocks) + "\n", "nfd": False}


def _decoy_date(r: random.Random, gc, near: dt.datetime, lo: int, hi: int) -> dt.datetime:
    """A date lo..hi days before or after `near` (inside START..END), else anywhere."""
    d = near.date()
    for sign in r.sample((-1, 1), 2):
        c = d + dt.timedelta(days=sign * r.randint(lo, hi))
        if gc.START <= c < gc.END:
            return _dates(r, gc, 0, 1, c)[0]
    return _dates(r, gc, 0, 1)[0]


def build_corpus(gc, seed: int, unrelated: int, shape: str) -> tuple[list[dict], Truth]:
    """Ordinary articles + story articles (500000+) + decoys (600000+), and the truth."""
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}, not {shape!r}")
    r = random.Random(f"stories:{shape}:{seed}")
    cats = {slug: name for name, slug, _ in gc.CATEGORIES}
    arts = [gc.make_article(seed, i) for i in range(unrelated)]
    truth = Truth()
    breaking = shape == "breaking"
    pool = BREAKING if breaking else MIXED
    order: list[int] = []
    while len(order) < (40 if breaking else 30):
        perm = list(range(len(pool)))
        r.shuffle(perm)
        order += perm
    order = order[:40 if breaking else 30]
    used_keys: set[tuple[int, str]] = set()
    KEY_PHRASES.clear()
    used_tags: set[str] = set()
    stories = []  # (key, tpl, entities, dates)
    aid = 500000
    for s_i, t_i in enumerate(order):
        tpl = pool[t_i]
        if breaking:
            size = r.choices(range(3, 11), weights=[6, 16, 20, 20, 16, 9, 7, 6])[0]
            x = r.random()
            span = r.randint(1, 3) if x < 0.3 else r.randint(4, 10) if x < 0.7 else r.randint(11, 30)
        else:
            size = r.choices(range(4, 11), weights=[12, 18, 18, 16, 14, 12, 10])[0]
            x = r.random()
            span = r.randint(7, 60) if x < 0.25 else r.randint(61, 365) if x < 0.7 else r.randint(366, 730)
        n = min(size, len(tpl.stages))
        dates = _dates(r, gc, span, n)
        for _ in range(200):
            e = _story_entities(r, gc, tpl, dates[0].year)
            tags = {_fill(t, e) for t in (tpl.tag, *tpl.variants)}
            if (t_i, e["key"]) not in used_keys and not tags & used_tags:
                break
        used_keys.add((t_i, e["key"]))
        used_tags |= tags
        stages = sorted(r.sample(range(len(tpl.stages)), n))
        if stages[0] != 0 and r.random() < 0.8:
            stages[0] = 0
        key = f"{shape[0]}{s_i:02d}-{gc.slugify(tpl.kind)}"
        writers = r.sample(gc.AUTHORS, 2)
        ids = []
        for st, when in zip(stages, dates):
            cat = tpl.cat if r.random() >= 0.3 else r.choice(tpl.alt)
            form = r.choices(TAG_FORMS, weights=TAG_WEIGHTS)[0]
            author = r.choice(writers) if r.random() < 0.7 else r.choice(gc.AUTHORS)
            arts.append(_article(r, gc, cats, aid, tpl, e, st, when, cat, form,
                                 r.random() < 0.65, author))  # some "pre" prefixes are not the key
            truth.group[aid] = key
            truth.tag_form[aid] = form
            truth.in_main_category[aid] = cat == tpl.cat
            truth.category[aid] = cat
            ids.append(aid)
            aid += 1
        truth.members[key] = ids
        truth.span_days[key] = (dates[-1].date() - dates[0].date()).days
        truth.kinds[key] = tpl.kind
        KEY_PHRASES[key] = e["key"]
        stories.append((key, tpl, e, dates, stages))

    did = 600000
    for key, tpl, e, dates, stages in stories:
        for _ in range(r.randint(1, 2)):
            for _try in range(200):
                if breaking:  # same kind of event, another matter (elsewhere / other year)
                    dt_ = (_decoy_date(r, gc, dates[0], 300, 420) if r.random() < 0.5
                           else _dates(r, gc, 0, 1)[0])
                    d_tpl = tpl
                    d_e = _story_entities(r, gc, tpl, dt_.year)
                    if r.random() < 0.5:
                        d_e["district"] = e["district"]
                elif r.random() < 0.5:  # same place, another matter, years apart
                    dt_ = _decoy_date(r, gc, dates[0], 730, 2200)
                    d_tpl = r.choice([t for t in pool if t.kind != tpl.kind])
                    d_e = _story_entities(r, gc, d_tpl, dt_.year, base=e)
                else:  # same kind of project in another district
                    dt_ = _dates(r, gc, 0, 1)[0]
                    d_tpl = tpl
                    d_e = _story_entities(r, gc, tpl, dt_.year)
                    if d_e["district"] == e["district"]:
                        continue
                d_tags = {_fill(t, d_e) for t in (d_tpl.tag, *d_tpl.variants)}
                if not d_tags & used_tags and (d_tpl is not tpl or d_e["key"] != e["key"]):
                    break
            cat = d_tpl.cat if r.random() >= 0.3 else r.choice(d_tpl.alt)
            form = r.choices(TAG_FORMS, weights=TAG_WEIGHTS)[0]
            free = [k for k in range(len(d_tpl.stages)) if d_tpl is not tpl or k not in stages]
            st = r.choice(free or range(len(d_tpl.stages)))  # not a stage title the story used
            arts.append(_article(r, gc, cats, did, d_tpl, d_e, st, dt_, cat, form,
                                 r.random() < 0.6, r.choice(gc.AUTHORS)))
            truth.decoy_of[did] = key
            did += 1

    ids_all = [a["id"] for a in arts]
    slugs = [a["slug"] for a in arts]
    assert len(set(ids_all)) == len(ids_all), "duplicate ids"
    assert len(set(slugs)) == len(slugs), "duplicate slugs"
    return arts, truth

# ---------------------------------------------------------------------------
# Story templates: breaking news (short stories)
# ---------------------------------------------------------------------------

BREAKING += [
    T("flash flood", "thoi-su", ("xa-hoi", "dan-toc-mien-nui"),
      "Lũ quét {commune}", ("Lũ quét xã {commune}", "lũ ống {commune}"), ("Mưa lũ", "Thiên tai", "Thời tiết"),
      "xã {commune}", ("một xã vùng cao", "vùng lũ", "xã vùng lũ"),
      [("Mưa lớn kéo dài, lũ quét bất ngờ tràn qua {K} trong đêm",
        "Rạng sáng {dm}, sau nhiều giờ mưa lớn, lũ quét từ thượng nguồn {river} đổ về {key}, huyện {district}, cuốn trôi nhiều tài sản của người dân."),
       ("{n1} người mất tích, hàng chục nhà dân bị cuốn trôi sau trận lũ quét",
        "Theo báo cáo nhanh, trận lũ quét tại {key} đã làm {n1} người mất tích, {n2} nhà bị cuốn trôi hoặc hư hỏng nặng."),
       ("Huy động hàng trăm cán bộ, chiến sĩ tìm kiếm người mất tích ở {K}",
        "Lực lượng quân đội, công an, dân quân cùng người dân đang khẩn trương tìm kiếm những người mất tích trong trận lũ quét tại {key}."),
       ("Tiếp cận được {K} sau 3 ngày bị cô lập",
        "Sau 3 ngày bị chia cắt, đoàn công tác của tỉnh đã đi bộ vượt qua nhiều điểm sạt lở để vào {key}, mang theo lương thực, thuốc men."),
       ("Phó Chủ tịch UBND tỉnh thị sát vùng lũ, chỉ đạo khắc phục hậu quả",
        "Đồng chí {official}, Phó Chủ tịch UBND tỉnh, đã trực tiếp kiểm tra công tác khắc phục hậu quả lũ quét tại {key}, huyện {district}."),
       ("Tìm thấy thi thể nạn nhân cuối cùng mất tích trong lũ quét",
        "Chiều {dm}, lực lượng tìm kiếm đã phát hiện thi thể nạn nhân cuối cùng cách nơi bị lũ cuốn khoảng {n1} km về phía hạ lưu {river}, khép lại cuộc tìm kiếm tại {key}."),
       ("Hỗ trợ khẩn cấp các hộ dân bị thiệt hại do lũ quét tại {K}",
        "UBND tỉnh quyết định hỗ trợ khẩn cấp {n3} triệu đồng cho các hộ dân bị thiệt hại về người và nhà ở tại {key}."),
       ("Di dời {n2} hộ dân khỏi vùng nguy hiểm, sớm ổn định cuộc sống",
        "Huyện {district} đã lựa chọn được khu đất an toàn để bố trí tái định cư cho {n2} hộ dân {key} có nhà bị lũ cuốn trôi."),
       ("Học sinh {K} trở lại trường sau trận lũ",
        "Sau hơn một tuần nghỉ học, các em học sinh {key} đã trở lại lớp trong niềm vui của thầy cô và phụ huynh.")],
      ["Trận lũ quét xảy ra tại {village}, {key}, nơi có {n2} hộ dân sinh sống ven {river}.",
       "Theo UBND huyện {district}, tổng thiệt hại ban đầu do lũ quét tại {key} ước tính khoảng {bn} tỷ đồng.",
       "Nhiều đoạn đường liên xã dẫn vào {key} bị sạt lở, vùi lấp, phương tiện không thể lưu thông.",
       "Ông {chair}, Chủ tịch UBND {key}, cho biết chính quyền đã bố trí chỗ ở tạm cho các hộ mất nhà tại nhà văn hóa {village} và trường học.",
       "Lượng mưa đo được tại trạm {commune2} trong 24 giờ lên tới {n3} mm, mức cao nhất nhiều năm qua.",
       "Lực lượng chức năng đã sử dụng máy xúc, thuyền và chó nghiệp vụ để tìm kiếm dọc hai bên bờ {river}.",
       "Hiện các hộ dân bị ảnh hưởng đã được cấp gạo, mì tôm, nước uống và chăn màn."],
      ("Hiện trường lũ quét tại {village}.", "Lực lượng chức năng hỗ trợ người dân dọn dẹp sau lũ.")),

    T("landslide cutting a road", "thoi-su", ("kinh-te", "xa-hoi"),
      "Sạt lở đèo {commune}", ("Sạt lở {road} đèo {commune}", "sạt lở đèo {commune}"), ("Sạt lở đất", "Giao thông", "Mưa lũ"),
      "đèo {commune}", ("tuyến đường độc đạo", "điểm sạt lở", "đoạn đèo"),
      [("Sạt lở nghiêm trọng trên {road}, giao thông qua {K} bị chia cắt",
        "Hàng nghìn mét khối đất đá từ taluy dương đổ xuống {road} tại {km}, đoạn qua {key}, khiến giao thông bị ách tắc hoàn toàn."),
       ("Hàng trăm phương tiện ùn ứ hai đầu điểm sạt lở",
        "Đến sáng {dm}, hàng trăm xe khách, xe tải vẫn nằm chờ ở hai đầu {key}, nhiều hành khách phải quay đầu."),
       ("Khẩn trương thông xe tạm thời qua {K}",
        "Đơn vị quản lý đường bộ đã huy động {n1} máy xúc, máy ủi làm việc xuyên đêm để thông xe tạm thời qua {key}."),
       ("Tiếp tục sạt lở, một máy xúc bị vùi lấp khi đang làm việc",
        "Trong lúc san gạt đất đá tại {key}, một khối đất lớn tiếp tục đổ xuống vùi lấp máy xúc, lái máy may mắn thoát ra ngoài."),
       ("Phân luồng từ xa, cấm phương tiện trọng tải lớn qua {K}",
        "Sở Giao thông vận tải thông báo phân luồng giao thông từ xa, tạm cấm xe trên 10 tấn đi qua {key} trên {road}."),
       ("Thông xe hoàn toàn {road} sau {n1} ngày khắc phục",
        "Sau {n1} ngày khắc phục, tuyến {road} đoạn qua {key} đã được thông xe hoàn toàn, các phương tiện lưu thông bình thường."),
       ("Đề xuất {bn} tỷ đồng xử lý dứt điểm điểm sạt lở",
        "Sở Giao thông vận tải đề xuất UBND tỉnh bố trí {bn} tỷ đồng để xây tường chắn, xử lý dứt điểm điểm sạt lở tại {key}."),
       ("Người dân sống dưới chân {K} lo lắng mỗi khi mưa lớn",
        "Hàng chục hộ dân {village} sống dưới chân taluy {key} vẫn thấp thỏm mỗi khi trời đổ mưa lớn.")],
      ["Điểm sạt lở tại {km} thuộc {key}, địa phận xã {commune2}, huyện {district}.",
       "Khối lượng đất đá sạt lở tại {key} ước tính hơn {n2} nghìn mét khối, nhiều tảng đá nặng hàng chục tấn.",
       "Tuyến {road} là huyết mạch nối huyện {district} với trung tâm tỉnh, mỗi ngày có hàng nghìn lượt xe qua {key}.",
       "Đơn vị thi công là {firm} đã bố trí công nhân trực 24/24 giờ tại hiện trường.",
       "Ông {person}, tài xế xe khách, cho biết đã phải chờ hơn {n1} tiếng đồng hồ mà chưa thể đi qua.",
       "Cơ quan chức năng đã đặt biển cảnh báo, bố trí người trực gác ở hai đầu {key}.",
       "Theo Sở Giao thông vận tải, từ đầu mùa mưa đến nay, {road} đã xảy ra {n2} điểm sạt lở lớn nhỏ."],
      ("Đất đá tràn xuống mặt đường tại {km}.", "Máy móc được huy động khắc phục điểm sạt lở.")),

    T("traffic accident", "thoi-su", ("quoc-phong-an-ninh", "xa-hoi"),
      "Tai nạn ngã ba {commune}", ("Vụ tai nạn ngã ba {commune}", "TNGT ngã ba {commune}"), ("Tai nạn giao thông", "Giao thông", "Công an"),
      "ngã ba {commune}", ("một nút giao", "đoạn đường đèo", "khu vực chợ phiên"),
      [("Xe tải mất phanh lao vào {K}, {n1} người tử vong",
        "Sáng {dm}, xe tải biển kiểm soát {plate} lưu thông trên {road} bất ngờ mất phanh, lao vào khu vực {key} khiến {n1} người tử vong."),
       ("Danh tính các nạn nhân trong vụ xe tải mất phanh",
        "Công an huyện {district} đã xác định danh tính {n1} nạn nhân tử vong trong vụ tai nạn tại {key}, phần lớn là người đi chợ phiên."),
       ("Tạm giữ tài xế xe tải gây tai nạn tại {K}",
        "Cơ quan Cảnh sát điều tra Công an tỉnh đã tạm giữ hình sự tài xế {person} ({age} tuổi) để điều tra vụ tai nạn tại {key}."),
       ("Tài xế dương tính với ma túy, xe hết hạn đăng kiểm",
        "Kết quả xét nghiệm cho thấy tài xế {person} dương tính với chất ma túy; chiếc xe gây tai nạn tại {key} đã hết hạn đăng kiểm."),
       ("Khởi tố vụ án, bắt tạm giam tài xế",
        "Công an tỉnh đã khởi tố vụ án vi phạm quy định về tham gia giao thông đường bộ xảy ra tại {key}, bắt tạm giam bị can {person}."),
       ("Lãnh đạo tỉnh thăm hỏi, hỗ trợ gia đình các nạn nhân",
        "Đồng chí {official}, Phó Chủ tịch UBND tỉnh, đã đến thăm hỏi, trao hỗ trợ cho gia đình các nạn nhân trong vụ tai nạn tại {key}."),
       ("Kiến nghị làm đường cứu nạn tại {K}",
        "Sau vụ tai nạn thảm khốc, cử tri huyện {district} kiến nghị xây dựng đường cứu nạn, lắp thêm biển cảnh báo tại {key}."),
       ("Kiểm tra đột xuất các doanh nghiệp vận tải sau vụ tai nạn",
        "Sở Giao thông vận tải đã kiểm tra đột xuất {n2} doanh nghiệp vận tải, trong đó có đơn vị quản lý chiếc xe gây tai nạn tại {key}."),
       ("Truy tố tài xế gây tai nạn làm {n1} người chết",
        "Viện Kiểm sát nhân dân tỉnh đã ban hành cáo trạng truy tố bị can {person} về vụ tai nạn tại {key} khiến {n1} người tử vong.")],
      ["Vụ tai nạn xảy ra tại {key}, thuộc {road}, địa phận huyện {district}.",
       "Chiếc xe tải biển kiểm soát {plate} do tài xế {person} ({age} tuổi) điều khiển chở đầy vật liệu xây dựng.",
       "Nhiều người dân cho biết {key} là đoạn dốc dài, quanh co, đã từng xảy ra nhiều vụ tai nạn.",
       "Lực lượng Cảnh sát giao thông đã phong tỏa hiện trường, phân luồng phương tiện qua {key}.",
       "Các nạn nhân bị thương được đưa đi cấp cứu tại Trung tâm Y tế huyện {district} và Bệnh viện Đa khoa tỉnh.",
       "Xe tải do {firm} quản lý, đăng ký kinh doanh vận tải tại tỉnh.",
       "Theo cơ quan điều tra, thời điểm xảy ra tai nạn tại {key}, chiếc xe chở quá tải trọng cho phép hơn {n2}%."],
      ("Hiện trường vụ tai nạn tại {key}.", "Lực lượng chức năng khám nghiệm hiện trường.")),
]

BREAKING += [
    T("forest fire", "thoi-su", ("quoc-phong-an-ninh", "kinh-te"),
      "Cháy rừng {commune}", ("Cháy rừng thông {commune}", "cháy rừng xã {commune}"), ("Cháy rừng", "Lâm nghiệp", "Phòng cháy chữa cháy"),
      "rừng thông {commune}", ("một khu rừng", "rừng phòng hộ", "khu rừng giáp ranh"),
      [("Cháy lớn tại {K}, khói bao trùm nhiều khu dân cư",
        "Trưa {dm}, đám cháy bùng phát tại {key}, huyện {district}, lan nhanh do nắng nóng và gió Lào."),
       ("Huy động hơn {n3} người dập lửa xuyên đêm",
        "Hơn {n3} cán bộ, chiến sĩ, dân quân và người dân đã được huy động xuyên đêm để khống chế đám cháy tại {key}."),
       ("Đám cháy bùng phát trở lại do gió đổi chiều",
        "Khi lực lượng chức năng cơ bản khống chế được ngọn lửa, gió đổi chiều khiến đám cháy tại {key} bùng lên ở sườn phía tây."),
       ("Khống chế hoàn toàn đám cháy ở {K}",
        "Sau {n1} ngày đêm nỗ lực, lực lượng chữa cháy đã khống chế hoàn toàn đám cháy tại {key}, không để lửa lan xuống khu dân cư."),
       ("Hơn {ha} ha rừng bị thiệt hại sau vụ cháy",
        "Kết quả kiểm đếm ban đầu cho thấy khoảng {ha} ha rừng thông trên 20 năm tuổi tại {key} đã bị thiêu rụi."),
       ("Điều tra nguyên nhân vụ cháy rừng",
        "Công an huyện {district} đang làm rõ nguyên nhân vụ cháy tại {key}; nghi do người dân đốt thực bì làm nương."),
       ("Khởi tố vụ án hủy hoại rừng tại {K}",
        "Công an huyện {district} đã khởi tố vụ án hủy hoại rừng, khởi tố bị can {person} ({age} tuổi) liên quan vụ cháy tại {key}."),
       ("Trồng lại rừng trên diện tích bị cháy",
        "Ban quản lý rừng phòng hộ huyện {district} lên kế hoạch trồng lại {ha} ha rừng tại {key} ngay trong vụ trồng rừng năm tới.")],
      ["Đám cháy xuất phát từ khu vực giáp ranh giữa {key} và xã {commune2}.",
       "Do địa hình đồi dốc, thảm thực bì khô, đám cháy tại {key} lan rất nhanh, xe chữa cháy không thể tiếp cận.",
       "Lực lượng chức năng đã phát đường băng cản lửa dài gần {n1} km để ngăn lửa lan xuống {village}.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết đây là vụ cháy lớn nhất trên địa bàn trong nhiều năm.",
       "Nhiệt độ những ngày qua có lúc lên tới 40 độ C, cấp dự báo cháy rừng ở cấp V, cấp cực kỳ nguy hiểm.",
       "Diện tích {key} chủ yếu là rừng trồng thuộc quyền quản lý của Ban quản lý rừng phòng hộ huyện {district}.",
       "Cơ quan chức năng đã lấy lời khai của {n1} người có mặt tại {key} trước thời điểm xảy ra cháy."],
      ("Khói lửa bốc cao tại {key}.", "Lực lượng chức năng phát đường băng cản lửa.")),

    T("market fire", "thoi-su", ("kinh-te", "quoc-phong-an-ninh"),
      "Cháy chợ {commune}", ("Vụ cháy chợ {commune}", "cháy chợ trung tâm {commune}"), ("Phòng cháy chữa cháy", "Thương mại", "Công an"),
      "chợ {commune}", ("một khu chợ", "chợ trung tâm xã", "khu chợ"),
      [("Cháy lớn tại {K} trong đêm, nhiều ki-ốt bị thiêu rụi",
        "Rạng sáng {dm}, một vụ cháy lớn đã xảy ra tại {key}, huyện {district}, thiêu rụi nhiều ki-ốt cùng hàng hóa của tiểu thương."),
       ("Tiểu thương bàng hoàng nhìn tài sản thành tro",
        "Nhiều tiểu thương {key} không giấu được nỗi buồn khi toàn bộ hàng hóa chuẩn bị cho dịp cuối năm bị thiêu rụi."),
       ("Thiệt hại ban đầu ước tính hơn {n2} tỷ đồng",
        "Theo thống kê ban đầu, vụ cháy tại {key} đã làm hư hỏng {n2} ki-ốt, thiệt hại ước tính hơn {n2} tỷ đồng."),
       ("Xác định nguyên nhân do chập điện tại một ki-ốt",
        "Cơ quan công an bước đầu xác định vụ cháy tại {key} xuất phát từ sự cố chập điện tại một ki-ốt bán đồ điện tử."),
       ("Bố trí khu chợ tạm cho tiểu thương sau vụ cháy",
        "UBND huyện {district} đã bố trí mặt bằng chợ tạm để các tiểu thương {key} sớm ổn định việc buôn bán."),
       ("Kiểm tra an toàn phòng cháy tại các chợ trên địa bàn tỉnh",
        "Sau vụ cháy tại {key}, Công an tỉnh đã tổ chức kiểm tra công tác phòng cháy, chữa cháy tại {n2} chợ trên địa bàn."),
       ("Xây mới {K} với kinh phí {bn} tỷ đồng",
        "UBND huyện {district} thông qua phương án xây dựng lại {key} với tổng mức đầu tư {bn} tỷ đồng."),
       ("Hỗ trợ vay vốn giúp tiểu thương khôi phục kinh doanh",
        "Ngân hàng Chính sách xã hội huyện {district} giải ngân vốn vay ưu đãi cho {n2} tiểu thương {key} bị thiệt hại trong vụ cháy.")],
      ["{Key} có hơn {n3} ki-ốt, quầy hàng, là trung tâm buôn bán lớn nhất huyện {district}.",
       "Lực lượng Cảnh sát phòng cháy, chữa cháy đã điều {n1} xe chữa cháy đến hiện trường, mất gần {n1} giờ mới khống chế được ngọn lửa.",
       "Bà {woman}, tiểu thương bán vải tại {key}, cho biết toàn bộ số hàng trị giá hàng trăm triệu đồng của gia đình đã bị thiêu rụi.",
       "Rất may vụ cháy xảy ra vào ban đêm nên không có thiệt hại về người.",
       "Hệ thống phòng cháy, chữa cháy của {key} đã xuống cấp, nhiều bình chữa cháy hết hạn sử dụng.",
       "Ban quản lý {key} cho biết đã nhiều lần nhắc nhở các hộ kinh doanh về việc sử dụng điện an toàn."],
      ("Hiện trường vụ cháy tại {key}.", "Lực lượng chữa cháy phun nước dập lửa.")),

    T("dengue outbreak", "y-te", ("xa-hoi", "thoi-su"),
      "Sốt xuất huyết {commune}", ("Dịch sốt xuất huyết {commune}", "sốt xuất huyết xã {commune}"), ("Sốt xuất huyết", "Dịch bệnh", "Y tế"),
      "xã {commune}", ("một ổ dịch", "điểm nóng dịch bệnh", "vùng dịch"),
      [("Xuất hiện ổ dịch sốt xuất huyết tại {K}",
        "Trung tâm Y tế huyện {district} ghi nhận {n1} ca mắc sốt xuất huyết tại {key}, trong đó có trẻ em."),
       ("Số ca mắc sốt xuất huyết tăng nhanh, {n2} người phải nhập viện",
        "Chỉ sau một tuần, số ca mắc sốt xuất huyết tại {key} đã tăng lên {n2} ca, nhiều bệnh nhân phải điều trị nội trú."),
       ("Phun hóa chất diệt muỗi, khoanh vùng dập dịch",
        "Ngành y tế đã tổ chức phun hóa chất diệt muỗi trên diện rộng, khoanh vùng ổ dịch tại {key}."),
       ("Ghi nhận ca tử vong đầu tiên do sốt xuất huyết",
        "Một bệnh nhân {age} tuổi trú tại {key} đã tử vong sau nhiều ngày điều trị sốt xuất huyết có biến chứng."),
       ("Sở Y tế kiểm tra công tác phòng, chống dịch tại {K}",
        "Đoàn công tác của Sở Y tế do ông {director}, Giám đốc Sở, dẫn đầu đã kiểm tra công tác phòng, chống sốt xuất huyết tại {key}."),
       ("Ra quân diệt lăng quăng, loại bỏ dụng cụ chứa nước",
        "Hàng trăm đoàn viên, thanh niên và người dân {key} đã tham gia chiến dịch diệt lăng quăng, thu gom vật dụng phế thải."),
       ("Dịch sốt xuất huyết cơ bản được khống chế",
        "Sau gần một tháng triển khai quyết liệt các biện pháp, dịch sốt xuất huyết tại {key} cơ bản được khống chế."),
       ("Công bố hết dịch sốt xuất huyết tại {K}",
        "UBND huyện {district} đã công bố hết dịch sốt xuất huyết tại {key} sau 14 ngày không phát sinh ca bệnh mới.")],
      ["Các ca bệnh tập trung chủ yếu tại {village}, {key}, nơi dân cư đông đúc, nhiều ao tù, nước đọng.",
       "Bệnh viện Đa khoa tỉnh đã bố trí khu điều trị riêng cho các bệnh nhân sốt xuất huyết từ {key}.",
       "Bác sĩ {woman}, Trưởng khoa Truyền nhiễm, khuyến cáo người dân khi sốt cao liên tục cần đến ngay cơ sở y tế.",
       "Chỉ số mật độ muỗi và bọ gậy tại {key} đều vượt ngưỡng cho phép nhiều lần.",
       "Từ đầu năm đến nay, toàn tỉnh ghi nhận {n3} ca mắc sốt xuất huyết, tăng mạnh so với cùng kỳ.",
       "Trung tâm Kiểm soát bệnh tật tỉnh đã cấp {n3} lít hóa chất cho huyện {district} phục vụ phun diệt muỗi."],
      ("Nhân viên y tế phun hóa chất diệt muỗi tại {village}.", "Bệnh nhân sốt xuất huyết điều trị tại bệnh viện.")),
]

BREAKING += [
    T("food poisoning", "y-te", ("xa-hoi", "dan-toc-mien-nui"),
      "Ngộ độc {village}", ("Ngộ độc thực phẩm {village}", "ngộ độc tập thể {village}"), ("An toàn thực phẩm", "Y tế", "Khám chữa bệnh"),
      "{village}", ("một bản vùng cao", "một thôn", "một đám cưới vùng cao"),
      [("Hơn {n2} người nhập viện sau khi ăn cỗ cưới ở {K}",
        "Sau khi dự đám cưới tại {key}, xã {commune}, huyện {district}, hơn {n2} người đau bụng, nôn, tiêu chảy phải nhập viện."),
       ("Số người ngộ độc thực phẩm tăng lên {n3}, bệnh viện quá tải",
        "Đến tối {dm}, số người phải cấp cứu do ngộ độc sau khi ăn cỗ tại {key} đã tăng lên {n3}, Trung tâm Y tế huyện {district} phải kê thêm giường."),
       ("Bệnh viện tỉnh cử đội cấp cứu cơ động hỗ trợ tuyến huyện",
        "Bệnh viện Đa khoa tỉnh đã cử {n1} kíp bác sĩ cùng thuốc, dịch truyền hỗ trợ điều trị cho các bệnh nhân ngộ độc ở {key}."),
       ("Lấy mẫu thức ăn điều tra nguyên nhân vụ ngộ độc",
        "Đoàn kiểm tra liên ngành đã lấy mẫu thức ăn thừa, nước uống tại gia đình tổ chức đám cưới ở {key} để xét nghiệm."),
       ("Một bệnh nhân ngộ độc nặng phải chuyển tuyến trung ương",
        "Trong số các bệnh nhân ngộ độc từ {key}, một trường hợp {age} tuổi có diễn biến nặng đã được chuyển lên tuyến trung ương."),
       ("Các bệnh nhân ngộ độc thực phẩm lần lượt xuất viện",
        "Sau {n1} ngày điều trị, hầu hết bệnh nhân trong vụ ngộ độc tại {key} đã ổn định sức khỏe và được xuất viện."),
       ("Nguyên nhân vụ ngộ độc ở {K} là do vi khuẩn trong món nộm",
        "Kết quả xét nghiệm cho thấy mẫu thức ăn lấy tại đám cưới ở {key} nhiễm vi khuẩn Salmonella vượt ngưỡng."),
       ("Tăng cường kiểm soát an toàn thực phẩm tại các đám cưới, đám giỗ",
        "Sau vụ ngộ độc tại {key}, Sở Y tế đề nghị các địa phương hướng dẫn người dân bảo đảm an toàn thực phẩm khi tổ chức ăn uống đông người.")],
      ["Gia đình ông {person} ở {key} tổ chức đám cưới cho con trai với khoảng {n3} khách tham dự.",
       "Các món ăn gồm thịt lợn luộc, nộm rau, canh măng và rượu ngô do gia đình tự chế biến.",
       "Bác sĩ {director}, Giám đốc Trung tâm Y tế huyện {district}, cho biết phần lớn bệnh nhân từ {key} đã qua giai đoạn nguy hiểm.",
       "Trạm Y tế xã {commune} đã huy động toàn bộ nhân lực trực cấp cứu tại chỗ.",
       "Chi cục An toàn vệ sinh thực phẩm tỉnh đã niêm phong toàn bộ thực phẩm còn lại tại {key}.",
       "Từ đầu năm đến nay, tỉnh ghi nhận {n1} vụ ngộ độc thực phẩm với gần {n3} người mắc."],
      ("Bệnh nhân ngộ độc điều trị tại Trung tâm Y tế huyện {district}.", "Đoàn kiểm tra lấy mẫu thực phẩm tại {key}."),
      pre="Huyện {district}"),

    T("embezzlement trial", "quoc-phong-an-ninh", ("thoi-su", "chinh-tri"),
      "Vụ án tham ô xã {commune}", ("Tham ô tại xã {commune}", "vụ án xã {commune}"), ("Công an", "Kiểm tra giám sát", "Đất đai"),
      "nguyên Chủ tịch UBND xã {commune}", ("một cán bộ xã", "nguyên cán bộ xã", "một nguyên chủ tịch xã"),
      [("Bắt tạm giam {K} về tội tham ô tài sản",
        "Công an tỉnh đã thi hành lệnh bắt tạm giam ông {person}, {key}, huyện {district}, về tội tham ô tài sản."),
       ("Khám xét nơi làm việc, thu giữ nhiều tài liệu liên quan",
        "Cơ quan điều tra đã khám xét nơi làm việc và nơi ở của ông {person}, {key}, thu giữ nhiều hồ sơ, sổ sách."),
       ("Mở rộng điều tra, khởi tố thêm {n1} bị can",
        "Cơ quan Cảnh sát điều tra khởi tố thêm {n1} bị can là cán bộ kế toán, địa chính trong vụ án liên quan đến ông {person}, {key}."),
       ("Chiếm đoạt hàng tỷ đồng tiền hỗ trợ nhà ở cho hộ nghèo",
        "Kết luận điều tra xác định ông {person}, {key}, cùng đồng phạm đã chiếm đoạt hơn {n1} tỷ đồng tiền hỗ trợ nhà ở."),
       ("Khai mạc phiên tòa xét xử {K}",
        "Tòa án nhân dân tỉnh mở phiên tòa sơ thẩm xét xử ông {person}, {key}, cùng {n1} đồng phạm."),
       ("Bị cáo khai nhận hành vi, nộp lại tiền khắc phục hậu quả",
        "Tại phiên tòa, bị cáo {person}, {key}, thừa nhận hành vi và đã nộp lại {n3} triệu đồng khắc phục hậu quả."),
       ("{K} lĩnh {no} năm tù",
        "Hội đồng xét xử tuyên phạt bị cáo {person}, {key}, {no} năm tù về tội tham ô tài sản."),
       ("Hoàn trả tiền hỗ trợ cho các hộ dân bị chiếm đoạt",
        "Sau khi bản án có hiệu lực, số tiền bị chiếm đoạt trong vụ án liên quan đến {key} đã được hoàn trả cho {n2} hộ dân.")],
      ["Ông {person} ({older} tuổi) giữ chức Chủ tịch UBND xã {commune}, huyện {district}, nhiệm kỳ 2016 - 2021.",
       "Theo cáo trạng, {key} đã chỉ đạo lập hồ sơ khống để rút tiền từ chương trình hỗ trợ nhà ở cho hộ nghèo.",
       "Tổng số tiền bị chiếm đoạt được xác định là hơn {n1} tỷ đồng.",
       "Vụ việc được phát hiện sau khi người dân {village} gửi đơn phản ánh đến các cơ quan chức năng.",
       "Ủy ban Kiểm tra Tỉnh ủy trước đó đã thi hành kỷ luật khai trừ khỏi Đảng đối với {key}.",
       "Luật sư bào chữa cho bị cáo đề nghị Hội đồng xét xử xem xét các tình tiết giảm nhẹ.",
       "Phiên tòa thu hút đông đảo người dân xã {commune} đến theo dõi."],
      ("Bị cáo tại phiên tòa.", "Quang cảnh phiên tòa sơ thẩm."),
      pre="Xã {commune}"),

    T("missing fisherman search", "thoi-su", ("quoc-phong-an-ninh", "xa-hoi"),
      "Mất tích hồ {commune}", ("Tìm kiếm ngư dân hồ {commune}", "mất tích trên hồ {commune}"), ("Đuối nước", "Tìm kiếm cứu nạn", "Thủy sản"),
      "anh {person}", ("một ngư dân", "người đàn ông mất tích", "nạn nhân"),
      [("{K} mất tích khi đánh cá trên hồ thủy điện",
        "Tối {dm}, {key} ({age} tuổi), trú tại {village}, xã {commune2}, đi đánh cá trên hồ thủy điện {commune} nhưng không trở về."),
       ("Tìm thấy thuyền trôi dạt, chưa thấy người",
        "Lực lượng tìm kiếm đã phát hiện chiếc thuyền của {key} trôi dạt vào bờ, cách nơi xuất phát khoảng {n1} km."),
       ("Huy động thợ lặn, xuồng máy tìm kiếm {K}",
        "Bộ Chỉ huy Quân sự tỉnh điều {n1} xuồng máy cùng thợ lặn chuyên nghiệp tham gia tìm kiếm {key} trên lòng hồ."),
       ("Thời tiết bất lợi gây khó khăn cho công tác tìm kiếm",
        "Mưa lớn, nước hồ thủy điện {commune} dâng cao khiến việc tìm kiếm {key} gặp nhiều khó khăn."),
       ("Mở rộng phạm vi tìm kiếm xuống hạ lưu",
        "Sau {n1} ngày chưa có kết quả, Ban Chỉ huy tìm kiếm quyết định mở rộng phạm vi tìm kiếm {key} xuống phía hạ lưu đập."),
       ("Tìm thấy thi thể {K} sau {n1} ngày mất tích",
        "Sáng {dm}, người dân phát hiện thi thể {key} nổi cách nơi gặp nạn khoảng {n3} mét."),
       ("Thăm hỏi, hỗ trợ gia đình ngư dân gặp nạn",
        "Lãnh đạo huyện {district} đã đến thăm hỏi, động viên và trao tiền hỗ trợ gia đình {key}."),
       ("Khuyến cáo người dân mặc áo phao khi đánh bắt trên hồ",
        "Sau vụ việc của {key}, UBND huyện {district} yêu cầu các xã ven hồ tuyên truyền người dân mặc áo phao khi ra hồ.")],
      ["{Key} là lao động chính trong gia đình, có {no} con nhỏ.",
       "Theo người nhà, {key} thường đi thả lưới trên hồ thủy điện {commune} vào buổi tối.",
       "Lòng hồ rộng, sâu hơn {n2} mét, nhiều cây cối ngập nước nên việc tìm kiếm rất khó khăn.",
       "Hàng trăm người dân {village} đã tự nguyện cùng lực lượng chức năng tìm kiếm {key}.",
       "Ông {chair}, Chủ tịch UBND xã {commune2}, cho biết xã đã hỗ trợ gia đình lo hậu sự.",
       "Từ đầu năm đến nay, trên địa bàn huyện {district} đã xảy ra {n1} vụ đuối nước."],
      ("Lực lượng chức năng tìm kiếm trên lòng hồ.", "Xuồng máy tham gia tìm kiếm {key}."),
      pre="Hồ thủy điện {commune}"),
]

BREAKING += [
    T("missing hiker search", "thoi-su", ("van-hoa-du-lich", "quoc-phong-an-ninh"),
      "Du khách mất tích đỉnh {commune}", ("Tìm kiếm du khách {commune}", "mất tích trên đỉnh {commune}"), ("Du lịch", "Tìm kiếm cứu nạn", "Biên phòng"),
      "đỉnh {commune}", ("một cung đường trekking", "một đỉnh núi", "vùng núi cao"),
      [("Một du khách mất tích khi leo {K}",
        "Nam du khách {person} ({age} tuổi), quê ở Hà Nội, mất liên lạc khi tham gia chuyến leo núi tự phát lên {key}, huyện {district}."),
       ("Hàng trăm người xuyên đêm tìm kiếm du khách mất tích",
        "Hơn {n3} cán bộ, chiến sĩ biên phòng, công an, dân quân và người dân địa phương đã chia nhiều mũi tìm kiếm trên {key}."),
       ("Phát hiện ba lô và dấu vết của du khách trên {K}",
        "Lực lượng tìm kiếm phát hiện ba lô, điện thoại của anh {person} tại khu vực vách đá phía đông {key}."),
       ("Sương mù dày đặc, việc tìm kiếm gặp nhiều khó khăn",
        "Thời tiết trên {key} liên tục có mưa, sương mù dày đặc, nhiệt độ xuống thấp khiến lực lượng tìm kiếm phải tạm dừng nhiều giờ."),
       ("Dùng thiết bị bay không người lái hỗ trợ tìm kiếm",
        "Công an tỉnh điều {n1} thiết bị bay không người lái có camera nhiệt hỗ trợ tìm kiếm du khách {person} trên {key}."),
       ("Tìm thấy du khách còn sống sau {n1} ngày mất tích",
        "Trưa {dm}, lực lượng tìm kiếm đã tìm thấy anh {person} còn sống trong một hẻm núi thuộc {key}, sức khỏe rất yếu."),
       ("Du khách được đưa xuống núi an toàn, sức khỏe ổn định",
        "Sau hơn {n1} giờ cáng bộ, anh {person} đã được đưa từ {key} về Trung tâm Y tế huyện {district} điều trị."),
       ("Siết chặt quản lý hoạt động leo núi tự phát",
        "UBND huyện {district} yêu cầu mọi đoàn khách leo {key} phải đăng ký với chính quyền xã và có người dẫn đường địa phương.")],
      ["{Key} cao hơn 2.800 mét so với mực nước biển, là điểm đến ưa thích của giới trẻ đam mê leo núi.",
       "Theo bạn đồng hành, anh {person} bị lạc khỏi đoàn khi đang xuống núi vào chiều muộn.",
       "Đồn Biên phòng {commune2} đã huy động {n2} cán bộ, chiến sĩ tham gia tìm kiếm.",
       "Các mũi tìm kiếm được chia theo từng khu vực, có người dân {village} thông thạo địa hình dẫn đường.",
       "Khu vực {key} có nhiều vực sâu, rừng nguyên sinh rậm rạp, sóng điện thoại chập chờn.",
       "Ông {chair}, Chủ tịch UBND xã {commune2}, cho biết xã đã nhiều lần khuyến cáo du khách không leo núi khi thời tiết xấu."],
      ("Lực lượng tìm kiếm trên {key}.", "Du khách được cáng xuống núi.")),

    T("power outage", "kinh-te", ("thoi-su", "xa-hoi"),
      "Sự cố trạm 110kV {commune}", ("Mất điện diện rộng {commune}", "sự cố trạm biến áp {commune}"), ("Điện lực", "Nắng nóng", "Doanh nghiệp"),
      "trạm biến áp 110kV {commune}", ("một trạm biến áp", "lưới điện khu vực", "trạm biến áp khu vực"),
      [("Sự cố tại {K}, hàng chục nghìn hộ dân mất điện",
        "Khoảng 14 giờ ngày {dm}, sự cố tại {key} khiến hàng chục nghìn hộ dân và doanh nghiệp ở huyện {district} bị mất điện."),
       ("Nắng nóng gay gắt, người dân khổ sở vì mất điện kéo dài",
        "Giữa đợt nắng nóng gần 40 độ C, nhiều khu dân cư nhận điện từ {key} bị mất điện hơn {n2} giờ liền."),
       ("Ngành điện huy động lực lượng khắc phục sự cố xuyên đêm",
        "Công ty Điện lực tỉnh đã huy động {n3} công nhân, kỹ sư làm việc xuyên đêm để khắc phục sự cố tại {key}."),
       ("Cấp điện trở lại cho phần lớn khách hàng",
        "Đến sáng {dm}, ngành điện đã chuyển tải, cấp điện trở lại cho khoảng {n2}% khách hàng bị ảnh hưởng bởi sự cố tại {key}."),
       ("Nhiều doanh nghiệp thiệt hại do mất điện đột ngột",
        "Các doanh nghiệp chế biến nông sản trong cụm công nghiệp nhận điện từ {key} cho biết bị thiệt hại hàng trăm triệu đồng."),
       ("Nguyên nhân sự cố tại {K} là do máy biến áp quá tải",
        "Kết quả kiểm tra xác định máy biến áp tại {key} bị hư hỏng do vận hành quá tải kéo dài trong những ngày nắng nóng."),
       ("Lắp đặt máy biến áp dự phòng, bảo đảm cấp điện mùa nắng nóng",
        "Công ty Điện lực tỉnh đã lắp đặt máy biến áp dự phòng công suất {n2} MVA tại {key}."),
       ("Sở Công Thương yêu cầu rà soát toàn bộ lưới điện trên địa bàn",
        "Sau sự cố tại {key}, Sở Công Thương yêu cầu ngành điện rà soát, có phương án chống quá tải cho toàn bộ lưới điện trong tỉnh.")],
      ["{Key} cấp điện cho phần lớn huyện {district} và một phần xã {commune2}.",
       "Ông {director}, Giám đốc Điện lực huyện {district}, cho biết sự cố xảy ra khi phụ tải tăng đột biến.",
       "Nhiều hộ gia đình phải mua máy phát điện hoặc đưa người già, trẻ nhỏ đến nhà người thân.",
       "Bệnh viện và các cơ sở y tế được ưu tiên cấp điện từ nguồn dự phòng.",
       "Phụ tải khu vực {key} năm {year} tăng hơn {n2}% so với cùng kỳ năm trước.",
       "Trong thời gian khắc phục, ngành điện đã chuyển một phần phụ tải của {key} sang các trạm lân cận."],
      ("Công nhân điện lực khắc phục sự cố tại {key}.", "Người dân tránh nóng trong lúc mất điện.")),

    T("school wall collapse", "giao-duc", ("thoi-su", "xa-hoi"),
      "Sập tường Trường Tiểu học {commune}", ("Sập tường trường {commune}", "sự cố Trường Tiểu học {commune}"), ("Giáo dục", "Trẻ em", "Xây dựng"),
      "Trường Tiểu học {commune}", ("một trường tiểu học", "một điểm trường", "trường học vùng cao"),
      [("Sập tường rào {K}, {n1} học sinh bị thương",
        "Giờ ra chơi sáng {dm}, một đoạn tường rào của {key}, huyện {district}, bất ngờ đổ sập khiến {n1} học sinh bị thương."),
       ("Các học sinh bị thương đã qua cơn nguy kịch",
        "Các em học sinh {key} bị thương trong vụ sập tường đã được cấp cứu kịp thời, sức khỏe dần ổn định."),
       ("Tạm dừng sử dụng các hạng mục xuống cấp tại {K}",
        "Phòng Giáo dục và Đào tạo huyện {district} yêu cầu {key} tạm dừng sử dụng các hạng mục xuống cấp, rào chắn khu vực nguy hiểm."),
       ("Làm rõ trách nhiệm trong vụ sập tường rào trường học",
        "UBND huyện {district} thành lập tổ công tác làm rõ trách nhiệm của đơn vị thi công và {key} trong vụ sập tường."),
       ("Tường rào mới xây được hai năm đã đổ sập",
        "Đoạn tường rào bị sập tại {key} do {firm} thi công cách đây hai năm, vẫn đang trong thời gian bảo hành."),
       ("Học sinh {K} đi học trở lại",
        "Sau {n1} ngày nghỉ học, học sinh {key} đã đi học trở lại, nhà trường bố trí giáo viên đón các em tại cổng."),
       ("Rà soát cơ sở vật chất toàn bộ trường học trong tỉnh",
        "Sau vụ việc tại {key}, Sở Giáo dục và Đào tạo yêu cầu các trường rà soát tường rào, phòng học, cây xanh trong khuôn viên."),
       ("Kỷ luật hiệu trưởng, yêu cầu nhà thầu khắc phục",
        "UBND huyện {district} đã thi hành kỷ luật khiển trách bà {woman}, Hiệu trưởng {key}, và yêu cầu nhà thầu xây lại tường rào.")],
      ["{Key} có {n3} học sinh, phần lớn là con em đồng bào dân tộc thiểu số.",
       "Đoạn tường bị sập dài khoảng {n2} mét, cao gần 2 mét, được xây bằng gạch không nung.",
       "Bà {woman}, Hiệu trưởng {key}, cho biết ngay sau sự cố, giáo viên đã đưa các em đến Trạm Y tế xã {commune}.",
       "Nhiều phụ huynh ở {village} bày tỏ lo lắng về sự an toàn của con em khi đến trường.",
       "Trước đó, mưa lớn kéo dài nhiều ngày khiến nền đất dưới chân tường bị ngấm nước.",
       "Sở Giáo dục và Đào tạo đã cử đoàn công tác đến thăm hỏi các học sinh bị thương."],
      ("Hiện trường đoạn tường rào bị sập.", "Học sinh {key} trong giờ học.")),
]

BREAKING += [
    T("typhoon", "thoi-su", ("kinh-te", "xa-hoi"),
      "Bão số {no} năm {year}", ("Cơn bão số {no} năm {year}", "bão số {no} {year}"), ("Thiên tai", "Mưa lũ", "Thời tiết"),
      "bão số {no}", ("cơn bão", "bão", "hoàn lưu bão"),
      [("Chủ động ứng phó với {K} đang hướng vào đất liền",
        "UBND tỉnh ban hành công điện khẩn yêu cầu các huyện, thành phố chủ động ứng phó với {key}, sẵn sàng sơ tán người dân vùng nguy hiểm."),
       ("Sơ tán hơn {n3} hộ dân khỏi vùng nguy cơ sạt lở, lũ quét",
        "Trước diễn biến phức tạp của {key}, huyện {district} đã sơ tán {n3} hộ dân khỏi các khu vực có nguy cơ sạt lở đất, lũ quét."),
       ("Hoàn lưu {K} gây mưa rất to, nhiều tuyến đường bị chia cắt",
        "Do ảnh hưởng hoàn lưu {key}, từ đêm qua đến sáng {dm}, toàn tỉnh có mưa to đến rất to, nhiều tuyến đường bị ngập, sạt lở."),
       ("{n1} người chết và mất tích, hàng nghìn ngôi nhà bị hư hỏng",
        "Theo Ban Chỉ huy Phòng chống thiên tai tỉnh, {key} đã làm {n1} người chết và mất tích, hơn {n3} nhà bị hư hỏng."),
       ("Bí thư Tỉnh ủy kiểm tra công tác khắc phục hậu quả mưa bão",
        "Bí thư Tỉnh ủy đã kiểm tra, chỉ đạo khắc phục hậu quả {key} tại huyện {district}, thăm hỏi các gia đình có người bị nạn."),
       ("Thiệt hại do {K} ước tính hơn {bn} tỷ đồng",
        "Tổng thiệt hại về tài sản do {key} gây ra trên địa bàn tỉnh ước tính hơn {bn} tỷ đồng, nặng nề nhất là huyện {district}."),
       ("Hàng nghìn ha lúa, hoa màu ngập úng sau mưa bão",
        "Mưa lớn do hoàn lưu {key} khiến hơn {n3} ha lúa mùa và hoa màu của nông dân huyện {district} bị ngập úng."),
       ("Hỗ trợ người dân khôi phục sản xuất sau bão",
        "Tỉnh đã xuất cấp {n2} tấn giống lúa, ngô hỗ trợ người dân các vùng bị ảnh hưởng bởi {key} khôi phục sản xuất."),
       ("Tiếp nhận hàng hóa cứu trợ từ các tỉnh bạn",
        "Ủy ban Mặt trận Tổ quốc tỉnh đã tiếp nhận hàng trăm tấn hàng hóa và {bn} tỷ đồng ủng hộ đồng bào bị thiệt hại do {key}.")],
      ["{Key} năm {year} được đánh giá là cơn bão mạnh nhất ảnh hưởng tới tỉnh trong nhiều năm qua.",
       "Theo Đài Khí tượng thủy văn tỉnh, do ảnh hưởng của {key}, lượng mưa phổ biến từ 150 đến {n3} mm.",
       "Huyện {district} và xã {commune} là những địa phương bị thiệt hại nặng nề nhất.",
       "Nhiều tuyến đường, trong đó có {road}, bị sạt lở, ách tắc cục bộ.",
       "Các hồ chứa thủy lợi, thủy điện đã vận hành xả lũ theo đúng quy trình trước khi {key} đổ bộ.",
       "Lực lượng vũ trang tỉnh đã huy động hơn {n3} cán bộ, chiến sĩ giúp dân khắc phục hậu quả {key}.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết nhiều hộ dân đã mất trắng hoa màu."],
      ("Người dân dọn dẹp sau {key}.", "Cây đổ chắn ngang {road}.")),

    T("hail storm", "thoi-su", ("dan-toc-mien-nui", "xa-hoi"),
      "Dông lốc {commune}", ("Mưa đá {commune}", "dông lốc xã {commune}"), ("Thiên tai", "Thời tiết", "Vùng cao"),
      "xã {commune}", ("nhiều bản vùng cao", "một xã biên giới", "vùng mưa đá"),
      [("Dông lốc kèm mưa đá tàn phá {K}",
        "Chiều {dm}, dông lốc kèm mưa đá kéo dài khoảng 30 phút đã làm tốc mái hàng trăm ngôi nhà tại {key}, huyện {district}."),
       ("Hơn {n3} ngôi nhà bị tốc mái, hư hỏng",
        "Thống kê ban đầu cho thấy trận dông lốc tại {key} đã làm {n3} ngôi nhà bị tốc mái, nhiều điểm trường bị hư hỏng."),
       ("Bộ đội biên phòng giúp dân lợp lại mái nhà",
        "Hàng chục cán bộ, chiến sĩ Đồn Biên phòng {commune2} đã có mặt tại {key} giúp người dân dựng lại nhà cửa."),
       ("Khan hiếm tấm lợp, giá tăng vọt sau mưa đá",
        "Nhu cầu tấm lợp tăng đột biến khiến nhiều cửa hàng vật liệu xây dựng quanh {key} tăng giá bán."),
       ("Huyện {district} chỉ đạo bình ổn giá vật liệu xây dựng",
        "UBND huyện {district} yêu cầu các cửa hàng niêm yết giá, không lợi dụng thiên tai để tăng giá tấm lợp bán cho người dân {key}."),
       ("Hàng trăm ha ngô, lúa nương bị dập nát",
        "Ngoài nhà cửa, trận mưa đá còn làm hơn {ha} ha ngô, lúa nương của người dân {key} bị dập nát."),
       ("Hỗ trợ tiền và tấm lợp cho các hộ bị thiệt hại",
        "Ủy ban Mặt trận Tổ quốc huyện {district} đã trao {n3} tấm lợp và tiền mặt hỗ trợ các hộ dân {key} bị thiệt hại."),
       ("Người dân {K} cơ bản ổn định cuộc sống sau mưa đá",
        "Sau một tuần khắc phục, {n2}% số nhà bị hư hỏng tại {key} đã được sửa chữa, người dân trở lại sản xuất.")],
      ["Theo UBND {key}, mưa đá có hạt to như quả trứng gà, kèm gió giật mạnh.",
       "Các thôn, bản bị ảnh hưởng nặng nhất là {village} và khu vực trung tâm {key}.",
       "Ông {chair}, Chủ tịch UBND {key}, cho biết xã đã huy động lực lượng dân quân giúp các hộ neo đơn.",
       "Tổng thiệt hại do dông lốc ước tính khoảng {n2} tỷ đồng.",
       "Đài Khí tượng thủy văn tỉnh cảnh báo dông lốc, mưa đá có thể tiếp tục xảy ra trong những ngày tới.",
       "Nhiều hộ dân phải tạm trú tại nhà văn hóa hoặc nhà người thân."],
      ("Ngôi nhà bị tốc mái tại {village}.", "Bộ đội giúp dân lợp lại mái nhà.")),

    T("dam leak emergency", "thoi-su", ("kinh-te", "xa-hoi"),
      "Sự cố hồ thủy lợi {commune}", ("Rò rỉ đập hồ {commune}", "sự cố đập {commune}"), ("Thủy lợi", "Phòng chống thiên tai", "Nông nghiệp"),
      "hồ thủy lợi {commune}", ("một hồ thủy lợi", "hồ chứa nước", "một hồ chứa xung yếu"),
      [("Rò rỉ thân đập {K}, sơ tán khẩn cấp người dân hạ du",
        "Tối {dm}, nước bất ngờ rò rỉ mạnh qua thân đập {key}, huyện {district}, chính quyền phải sơ tán khẩn cấp hàng trăm hộ dân vùng hạ du."),
       ("Xuyên đêm gia cố thân đập",
        "Hàng trăm cán bộ, chiến sĩ và người dân đã làm việc xuyên đêm, đắp bao tải cát gia cố thân đập {key}."),
       ("Hạ mực nước hồ để bảo đảm an toàn đập",
        "Đơn vị quản lý đã mở cống, hạ mực nước {key} xuống {n1} mét để giảm áp lực lên thân đập."),
       ("Phó Chủ tịch UBND tỉnh kiểm tra hiện trường sự cố đập",
        "Đồng chí {official}, Phó Chủ tịch UBND tỉnh, đã kiểm tra hiện trường và chỉ đạo xử lý sự cố tại {key}."),
       ("Sự cố rò rỉ cơ bản được khống chế, người dân trở về nhà",
        "Sau {n1} ngày xử lý, tình trạng rò rỉ tại {key} đã được khống chế, các hộ dân vùng hạ du được phép trở về nhà."),
       ("Thiếu nước tưới cho hàng trăm ha lúa sau khi hạ mực nước hồ",
        "Do phải hạ mực nước {key}, khoảng {n3} ha lúa đông xuân ở hạ du có nguy cơ thiếu nước tưới."),
       ("Đề xuất {bn} tỷ đồng sửa chữa, nâng cấp {K}",
        "Sở Nông nghiệp và Phát triển nông thôn đề xuất bố trí {bn} tỷ đồng để sửa chữa, nâng cấp {key} trước mùa mưa lũ."),
       ("Rà soát an toàn các hồ chứa xung yếu trong tỉnh",
        "Sau sự cố tại {key}, tỉnh yêu cầu rà soát toàn bộ {n2} hồ chứa thủy lợi, nhất là các hồ đã xuống cấp.")],
      ["{Key} được xây dựng từ những năm 1980, dung tích khoảng {n2} triệu mét khối, cung cấp nước tưới cho {n3} ha lúa.",
       "Vùng hạ du {key} có khoảng {n3} hộ dân thuộc hai xã {commune} và {commune2}.",
       "Ông {director}, Giám đốc Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh, cho biết đơn vị túc trực 24/24 giờ.",
       "Người dân {village} cho biết thân đập đã có hiện tượng thấm nước từ nhiều năm trước.",
       "Lực lượng quân sự đã huy động {n1} xe tải chở đá hộc, bao tải cát đến chân đập {key}.",
       "Theo các chuyên gia, nguyên nhân rò rỉ có thể do thân đập bị mối làm tổ lâu năm."],
      ("Gia cố thân đập {key}.", "Nước rò rỉ qua thân đập.")),
]

BREAKING += [
    T("african swine fever outbreak", "kinh-te", ("xa-hoi", "dan-toc-mien-nui"),
      "Dịch tả lợn châu Phi {commune}", ("Tả lợn châu Phi xã {commune}", "dịch tả lợn {commune}"), ("Chăn nuôi", "Dịch bệnh", "Nông dân"),
      "xã {commune}", ("một ổ dịch", "vùng dịch", "địa phương"),
      [("Phát hiện ổ dịch tả lợn châu Phi tại {K}",
        "Chi cục Chăn nuôi và Thú y tỉnh xác nhận đàn lợn của {n1} hộ dân tại {key}, huyện {district}, dương tính với virus dịch tả lợn châu Phi."),
       ("Tiêu hủy hơn {n3} con lợn mắc bệnh",
        "Lực lượng chức năng đã tiêu hủy {n3} con lợn mắc bệnh và nghi mắc bệnh tại {key} theo đúng quy trình."),
       ("Lập chốt kiểm dịch, cấm vận chuyển lợn ra khỏi vùng dịch",
        "UBND huyện {district} lập {n1} chốt kiểm dịch tạm thời, nghiêm cấm vận chuyển lợn và sản phẩm từ lợn ra khỏi {key}."),
       ("Dịch lan sang xã lân cận, người chăn nuôi lo lắng",
        "Chỉ sau một tuần, dịch tả lợn châu Phi từ {key} đã lan sang xã {commune2}, nhiều hộ chăn nuôi lo lắng."),
       ("Phun khử trùng, tiêu độc toàn bộ vùng dịch",
        "Huyện {district} đã cấp {n3} lít hóa chất để phun khử trùng, tiêu độc toàn bộ chuồng trại tại {key}."),
       ("Hỗ trợ người chăn nuôi có lợn bị tiêu hủy",
        "UBND tỉnh quyết định hỗ trợ 38.000 đồng/kg lợn hơi cho các hộ có lợn bị tiêu hủy tại {key}."),
       ("Công bố hết dịch tả lợn châu Phi tại {K}",
        "Sau 30 ngày không phát sinh lợn ốm, chết, {key} đã được công bố hết dịch; ngành thú y khuyến cáo người dân tái đàn từng bước."),
       ("Giá thịt lợn tăng mạnh sau đợt dịch",
        "Sau đợt dịch tại {key}, giá thịt lợn tại các chợ trong huyện {district} tăng khoảng 20.000 đồng/kg.")],
      ["Ổ dịch đầu tiên được phát hiện tại hộ ông {person}, {village}, {key}.",
       "Tổng đàn lợn của {key} trước khi xảy ra dịch khoảng {n3} con, chủ yếu chăn nuôi nhỏ lẻ.",
       "Ông {director}, Chi cục trưởng Chi cục Chăn nuôi và Thú y tỉnh, cho biết bệnh chưa có thuốc điều trị đặc hiệu.",
       "Các chốt kiểm dịch được bố trí trực 24/24 giờ tại các tuyến đường ra vào {key}.",
       "Người chăn nuôi được khuyến cáo không giấu dịch, không bán chạy lợn ốm, không vứt xác lợn ra môi trường.",
       "Từ đầu năm đến nay, toàn tỉnh đã tiêu hủy hơn {n3} con lợn mắc bệnh, tổng trọng lượng trên {n2} tấn."],
      ("Tiêu hủy lợn mắc bệnh tại {village}.", "Phun khử trùng chuồng trại.")),

    T("cross-border drug bust", "quoc-phong-an-ninh", ("thoi-su", "dan-toc-mien-nui"),
      "Chuyên án ma túy {commune}", ("Đường dây ma túy {commune}", "chuyên án {commune}"), ("Ma túy", "Biên phòng", "Công an"),
      "đối tượng {person}", ("một đối tượng", "đối tượng cầm đầu", "nhóm đối tượng"),
      [("Triệt phá đường dây vận chuyển ma túy qua biên giới, bắt giữ {K}",
        "Bộ đội Biên phòng tỉnh phối hợp Công an tỉnh đã bắt quả tang {key} ({age} tuổi) đang vận chuyển {n1} bánh heroin tại xã {commune}, huyện {district}."),
       ("Thu giữ thêm {n2} bánh heroin và hàng vạn viên ma túy tổng hợp",
        "Mở rộng chuyên án, lực lượng chức năng thu giữ thêm {n2} bánh heroin và hàng vạn viên ma túy tổng hợp có liên quan đến {key}."),
       ("Bắt thêm {n1} đối tượng trong đường dây ma túy",
        "Cơ quan điều tra đã bắt giữ thêm {n1} đối tượng trong đường dây mua bán ma túy do {key} cầm đầu."),
       ("{K} khai nhận vận chuyển ma túy thuê lấy tiền công",
        "Tại cơ quan điều tra, {key} khai nhận đã vận chuyển ma túy thuê từ khu vực biên giới xã {commune} về tiêu thụ."),
       ("Khởi tố vụ án mua bán trái phép chất ma túy",
        "Cơ quan Cảnh sát điều tra Công an tỉnh đã khởi tố vụ án, khởi tố bị can đối với {key} và đồng bọn."),
       ("Khen thưởng các lực lượng tham gia phá chuyên án",
        "UBND tỉnh đã tặng bằng khen cho các tập thể, cá nhân có thành tích xuất sắc trong chuyên án bắt giữ {key}."),
       ("Tăng cường tuần tra, kiểm soát tuyến biên giới",
        "Sau chuyên án bắt giữ {key}, Bộ đội Biên phòng tỉnh tăng cường tuần tra các đường mòn, lối mở thuộc xã {commune}."),
       ("Tuyên truyền phòng, chống ma túy tại các bản biên giới",
        "Đồn Biên phòng {commune2} tổ chức tuyên truyền phòng, chống ma túy cho bà con {village}, nơi {key} sinh sống.")],
      ["{Key} là đối tượng có tiền án về tội mua bán trái phép chất ma túy, trú tại {village}.",
       "Các đối tượng lợi dụng địa hình rừng núi hiểm trở, đêm tối để vận chuyển ma túy qua các lối mở thuộc xã {commune}.",
       "Chuyên án được xác lập từ đầu năm {year}, huy động hơn {n2} cán bộ, chiến sĩ tham gia.",
       "Tang vật thu giữ gồm {n1} xe máy, {n1} điện thoại di động và nhiều tài liệu liên quan.",
       "Ông {director}, Giám đốc Công an tỉnh, đánh giá đây là chuyên án lớn nhất trên tuyến biên giới trong nhiều năm.",
       "Theo cơ quan chức năng, {key} được thuê với giá {n2} triệu đồng mỗi chuyến."],
      ("Tang vật thu giữ trong chuyên án.", "Lực lượng biên phòng tuần tra biên giới."),
      pre="Chuyên án tại xã {commune}"),

    T("tap water contamination", "xa-hoi", ("y-te", "kinh-te"),
      "Nước máy {commune} có mùi lạ", ("Nhà máy nước {commune}", "nước sinh hoạt {commune}"), ("Nước sạch", "Môi trường", "Y tế"),
      "Nhà máy nước {commune}", ("một nhà máy nước", "nhà máy nước sạch", "nguồn nước sinh hoạt"),
      [("Nước máy có mùi lạ, hàng nghìn hộ dân hoang mang",
        "Từ sáng {dm}, nhiều hộ dân sử dụng nước của {key}, huyện {district}, phản ánh nước sinh hoạt có mùi hắc, màu vàng đục."),
       ("Tạm dừng cấp nước, lấy mẫu xét nghiệm tại {K}",
        "{Key} đã tạm dừng cấp nước để súc xả đường ống; Trung tâm Kiểm soát bệnh tật tỉnh lấy mẫu nước xét nghiệm."),
       ("Người dân xếp hàng chờ xe chở nước sạch",
        "Trong những ngày {key} ngừng cấp nước, hàng nghìn người dân phải xếp hàng chờ xe bồn chở nước sạch."),
       ("Nguồn nước thô bị ô nhiễm do xả thải từ cơ sở sản xuất",
        "Kết quả kiểm tra cho thấy nguồn nước thô cấp cho {key} lấy từ {river} bị ô nhiễm do một cơ sở chế biến tinh bột sắn xả thải."),
       ("Đình chỉ hoạt động cơ sở xả thải gây ô nhiễm",
        "UBND tỉnh quyết định đình chỉ hoạt động, xử phạt {n3} triệu đồng đối với cơ sở xả thải làm ô nhiễm nguồn nước của {key}."),
       ("Cấp nước trở lại sau khi chất lượng đạt chuẩn",
        "Sau {n1} ngày xử lý, các mẫu nước của {key} đã đạt quy chuẩn, việc cấp nước cho người dân được khôi phục."),
       ("Người dân đề nghị giảm tiền nước trong thời gian sự cố",
        "Nhiều khách hàng của {key} đề nghị miễn, giảm tiền nước trong những ngày nước bị ô nhiễm."),
       ("Lắp trạm quan trắc tự động tại điểm lấy nước của {K}",
        "Sở Tài nguyên và Môi trường đề xuất lắp đặt trạm quan trắc tự động tại điểm lấy nước của {key} trên {river}.")],
      ["{Key} có công suất khoảng {n1}.000 m³/ngày đêm, cấp nước cho hơn {n2}.000 hộ dân.",
       "Bà {woman}, một người dân trong vùng, cho biết nước có mùi hắc, đun sôi vẫn không hết mùi.",
       "Ông {director}, Giám đốc {key}, cho biết đơn vị đã tăng cường xử lý bằng than hoạt tính.",
       "Cơ quan chức năng đã lấy {n1} mẫu nước tại điểm đầu nguồn, nhà máy và vòi sử dụng của người dân.",
       "Huyện {district} đã điều {n1} xe bồn chở nước sạch phục vụ người dân miễn phí.",
       "Điểm lấy nước thô của {key} nằm trên {river}, cách khu vực xả thải khoảng {n1} km."],
      ("Người dân lấy nước từ xe bồn.", "Lấy mẫu nước tại {key}.")),
]

# ---------------------------------------------------------------------------
# Story templates: long-running matters (mixed shape)
# ---------------------------------------------------------------------------

MIXED += [
    T("bypass road project", "kinh-te", ("thoi-su", "xa-hoi"),
      "Đường tránh thị trấn {commune}", ("Dự án đường tránh {commune}", "đường tránh {commune}"), ("Giao thông", "Đầu tư công", "Xây dựng"),
      "đường tránh thị trấn {commune}", ("một dự án giao thông", "tuyến đường tránh", "công trình giao thông trọng điểm"),
      [("HĐND tỉnh thông qua chủ trương đầu tư {K}",
        "Kỳ họp HĐND tỉnh đã thông qua chủ trương đầu tư {key}, huyện {district}, với tổng mức đầu tư {bn} tỷ đồng từ vốn đầu tư công trung hạn."),
       ("Công bố quy hoạch, lấy ý kiến người dân về hướng tuyến",
        "UBND huyện {district} tổ chức công bố hướng tuyến và lấy ý kiến người dân các thôn có đất nằm trong phạm vi {key}."),
       ("Hơn {n3} hộ dân bị ảnh hưởng, bắt đầu kiểm đếm đất đai",
        "Hội đồng bồi thường, hỗ trợ và tái định cư huyện {district} bắt đầu kiểm đếm đất đai, tài sản của {n3} hộ dân bị ảnh hưởng bởi {key}."),
       ("Khởi công {K}",
        "Sáng {dm}, UBND tỉnh tổ chức lễ khởi công {key} dài {n2} km, do {firm} thi công."),
       ("Vướng mặt bằng, nhiều đoạn thi công cầm chừng",
        "Sau nhiều tháng thi công, {key} vẫn còn {n2} hộ dân chưa bàn giao mặt bằng, nhiều mũi thi công phải dừng chờ."),
       ("Người dân kiến nghị điều chỉnh giá bồi thường",
        "Nhiều hộ dân {village} có đất bị thu hồi để làm {key} cho rằng đơn giá bồi thường chưa sát giá thị trường."),
       ("Chủ tịch UBND tỉnh yêu cầu hoàn thành giải phóng mặt bằng trong tháng {month}",
        "Kiểm tra tiến độ {key}, Chủ tịch UBND tỉnh yêu cầu huyện {district} dứt điểm công tác giải phóng mặt bằng."),
       ("Xe chở vật liệu làm hư hỏng đường dân sinh, người dân bức xúc",
        "Hàng trăm lượt xe tải chở đất đá phục vụ thi công {key} mỗi ngày khiến đường liên thôn {village} hư hỏng nặng."),
       ("Thông xe kỹ thuật {K} sau {n1} năm thi công",
        "Sau hơn {n1} năm thi công, {key} đã được thông xe kỹ thuật, góp phần giảm tải cho {road} đoạn qua trung tâm thị trấn."),
       ("Đường mới thông xe, đất nền hai bên tăng giá",
        "Sau khi {key} đưa vào sử dụng, giá đất nền dọc hai bên tuyến đã tăng gấp {n1} lần.")],
      ["{Key} có điểm đầu giao với {road} tại {km}, điểm cuối tại xã {commune2}.",
       "Theo thiết kế, {key} có quy mô đường cấp III miền núi, nền đường rộng 9 mét, mặt đường 7 mét.",
       "Ông {director}, Giám đốc Ban Quản lý dự án đầu tư xây dựng tỉnh, cho biết dự án đã giải ngân được {n2}% kế hoạch vốn.",
       "Dự án {key} có tổng mức đầu tư {bn} tỷ đồng, được kỳ vọng giải quyết tình trạng ùn tắc ở trung tâm thị trấn.",
       "Hiện mỗi ngày có hàng nghìn lượt xe tải nặng đi qua trung tâm thị trấn {commune} trên {road}.",
       "Bà {woman}, người dân {village}, cho biết gia đình đồng thuận bàn giao đất nhưng mong được bố trí tái định cư sớm.",
       "Nhà thầu {firm} đã huy động {n2} máy móc, thiết bị và hơn {n3} công nhân trên công trường."],
      ("Thi công nền đường {key}.", "Lễ khởi công {key}.")),

    T("reservoir project", "kinh-te", ("xa-hoi", "thoi-su"),
      "Hồ chứa nước {commune}", ("Dự án hồ {commune}", "hồ chứa {commune}"), ("Thủy lợi", "Đầu tư công", "Trồng trọt"),
      "hồ chứa nước {commune}", ("một hồ chứa nước", "công trình thủy lợi trọng điểm", "dự án thủy lợi"),
      [("Phê duyệt dự án {K}",
        "Bộ Nông nghiệp và Phát triển nông thôn đã phê duyệt dự án {key}, huyện {district}, với dung tích thiết kế {n2} triệu mét khối."),
       ("Di dời {n3} hộ dân ra khỏi vùng lòng hồ",
        "Để triển khai {key}, huyện {district} phải di dời {n3} hộ dân ở {village} và các thôn lân cận ra khỏi vùng lòng hồ."),
       ("Khởi công {K} với tổng vốn {bn} tỷ đồng",
        "Lễ khởi công {key} được tổ chức sáng {dm}, dự án do {firm} làm tổng thầu thi công."),
       ("Đắp đập vượt lũ, bảo đảm an toàn công trình mùa mưa",
        "Các nhà thầu thi công {key} đang khẩn trương đắp đập đến cao trình vượt lũ trước mùa mưa."),
       ("Tái định cư chậm, người dân vùng lòng hồ sống tạm bợ",
        "Khu tái định cư phục vụ {key} chậm hoàn thành khiến nhiều hộ dân phải ở nhà tạm hơn một năm."),
       ("Đoàn giám sát HĐND tỉnh chỉ ra nhiều tồn tại ở {K}",
        "Đoàn giám sát của HĐND tỉnh đánh giá {key} chậm tiến độ so với kế hoạch, chất lượng một số hạng mục chưa bảo đảm."),
       ("Tích nước lần đầu, hồ chứa bắt đầu phát huy hiệu quả",
        "{Key} đã tích nước lần đầu, bảo đảm nước tưới cho {n3} ha lúa vụ đông xuân."),
       ("Bàn giao {K} cho đơn vị quản lý khai thác",
        "Ban Quản lý dự án đã bàn giao {key} cho Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh quản lý, vận hành."),
       ("Nông dân hạ du phấn khởi vì đủ nước tưới",
        "Nhờ nguồn nước từ {key}, nông dân xã {commune2} đã chuyển sang làm hai vụ lúa, thu nhập tăng rõ rệt.")],
      ["{Key} có đập chính dài {n3} mét, cao gần {n2} mét, xây dựng trên {river}.",
       "Khi hoàn thành, {key} cung cấp nước tưới cho {n3} ha đất nông nghiệp và nước sinh hoạt cho hàng nghìn hộ dân.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết người dân đồng thuận cao với chủ trương xây dựng hồ.",
       "Tổng mức đầu tư của dự án là {bn} tỷ đồng, trong đó vốn Trung ương chiếm phần lớn.",
       "Khu tái định cư được xây dựng với đầy đủ đường, điện, nước, nhà văn hóa và trường học.",
       "Nhà thầu {firm} đã bố trí {n3} công nhân làm việc ba ca liên tục trên công trường {key}.",
       "Vùng lòng hồ {key} ngập khoảng {ha} ha đất rừng và đất sản xuất."],
      ("Thi công đập chính {key}.", "Toàn cảnh lòng hồ.")),

    T("district hospital build", "y-te", ("kinh-te", "xa-hoi"),
      "Bệnh viện Đa khoa {district}", ("Bệnh viện huyện {district}", "BVĐK {district}"), ("Y tế", "Khám chữa bệnh", "Đầu tư công"),
      "Bệnh viện Đa khoa huyện {district}", ("một bệnh viện tuyến huyện", "bệnh viện tuyến huyện", "bệnh viện mới"),
      [("Phê duyệt dự án xây mới {K} quy mô {n3} giường",
        "UBND tỉnh phê duyệt dự án xây dựng mới {key} với quy mô {n3} giường bệnh, tổng mức đầu tư {bn} tỷ đồng."),
       ("Chọn địa điểm xây dựng bệnh viện mới, người dân đồng tình",
        "Địa điểm xây dựng {key} được lựa chọn tại khu đất rộng {ha} ha ở xã {commune}, thuận tiện cho người dân đi lại."),
       ("Khởi công {K}",
        "Sáng {dm}, lễ khởi công {key} đã diễn ra với sự tham dự của lãnh đạo tỉnh và đông đảo nhân dân."),
       ("Giá vật liệu tăng, nhà thầu xin điều chỉnh hợp đồng",
        "Giá thép, xi măng tăng mạnh khiến {firm}, nhà thầu thi công {key}, đề nghị điều chỉnh giá hợp đồng."),
       ("Bệnh viện cũ xuống cấp, bệnh nhân nằm ghép chờ cơ sở mới",
        "Trong khi chờ {key} hoàn thành, cơ sở cũ xuống cấp nghiêm trọng, nhiều thời điểm bệnh nhân phải nằm ghép."),
       ("Hoàn thành phần thô các khối nhà chính",
        "Sau {n1} tháng thi công, khối nhà khám bệnh và khối điều trị nội trú của {key} đã hoàn thành phần thô."),
       ("Đầu tư {bn} tỷ đồng mua sắm trang thiết bị y tế",
        "Sở Y tế phê duyệt kế hoạch mua sắm máy chụp cắt lớp, máy siêu âm và nhiều thiết bị hiện đại cho {key}."),
       ("Khánh thành và đưa vào sử dụng {K}",
        "Ngày {dm}, {key} được khánh thành và chính thức đi vào hoạt động, tiếp nhận bệnh nhân từ cơ sở cũ."),
       ("Số lượt khám tăng mạnh sau khi chuyển về cơ sở mới",
        "Sau {n1} tháng hoạt động tại cơ sở mới, {key} tiếp nhận bình quân {n3} lượt khám mỗi ngày, tăng gần gấp đôi."),
       ("Thu hút bác sĩ về công tác tại bệnh viện tuyến huyện",
        "Để khai thác hiệu quả trang thiết bị, {key} đang triển khai chính sách thu hút bác sĩ trẻ về công tác.")],
      ["{Key} được xây dựng trên diện tích {ha} ha, gồm khối khám bệnh, khối điều trị nội trú và khối kỹ thuật nghiệp vụ.",
       "Bác sĩ {director}, Giám đốc {key}, cho biết cơ sở cũ được xây dựng từ năm 1995, đã quá tải và xuống cấp.",
       "Dự án do {firm} thi công, sử dụng nguồn vốn ngân sách tỉnh và vốn ODA.",
       "Mỗi năm, {key} khám, chữa bệnh cho hơn {n2}.000 lượt người dân trong huyện và các huyện lân cận.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết người dân rất mong bệnh viện mới sớm hoàn thành.",
       "Tỉnh đặt mục tiêu nâng cao năng lực y tế tuyến huyện, giảm tải cho Bệnh viện Đa khoa tỉnh.",
       "Bà {woman}, người nhà bệnh nhân, chia sẻ bệnh viện mới khang trang, sạch sẽ, thủ tục nhanh gọn."],
      ("Phối cảnh {key}.", "Bác sĩ khám bệnh cho người dân.")),
]

MIXED += [
    T("district OCOP programme", "kinh-te", ("dan-toc-mien-nui", "van-hoa-du-lich"),
      "OCOP {district}", ("OCOP huyện {district}", "sản phẩm OCOP {district}"), ("OCOP", "Hợp tác xã", "Nông thôn mới"),
      "huyện {district}", ("một huyện vùng cao", "địa phương", "một huyện miền núi"),
      [("{K} đặt mục tiêu có {n2} sản phẩm OCOP trong năm {year}",
        "Ban Chỉ đạo Chương trình OCOP {key} ban hành kế hoạch phát triển sản phẩm năm {year}, tập trung vào chè, mật ong và gạo nếp."),
       ("Tập huấn xây dựng hồ sơ sản phẩm OCOP cho các hợp tác xã",
        "Hơn {n2} chủ thể sản xuất của {key} được tập huấn kỹ năng xây dựng hồ sơ, thiết kế bao bì, nhãn mác sản phẩm."),
       ("Chè shan tuyết {commune} được công nhận sản phẩm OCOP 4 sao",
        "Sản phẩm chè shan tuyết của Hợp tác xã {commune}, {key}, vừa được UBND tỉnh công nhận đạt chuẩn OCOP 4 sao."),
       ("Sản phẩm OCOP vùng cao khó tìm đầu ra",
        "Dù đã được gắn sao, nhiều sản phẩm OCOP của {key} vẫn chủ yếu bán nhỏ lẻ, chưa vào được siêu thị."),
       ("Đưa sản phẩm OCOP lên sàn thương mại điện tử",
        "{Key} phối hợp Bưu điện tỉnh đưa {n2} sản phẩm OCOP lên các sàn thương mại điện tử."),
       ("{K} tổ chức hội chợ giới thiệu sản phẩm OCOP",
        "Hội chợ sản phẩm OCOP và nông sản đặc trưng {key} năm {year} thu hút {n3} gian hàng của các chủ thể trong và ngoài tỉnh."),
       ("Hợp tác xã mật ong bạc hà ký hợp đồng xuất khẩu lô hàng đầu tiên",
        "Hợp tác xã {commune2}, {key}, đã ký hợp đồng xuất khẩu {n1} tấn mật ong bạc hà sang thị trường châu Âu."),
       ("Tổng kết chương trình OCOP, vượt chỉ tiêu đề ra",
        "Sau {n1} năm triển khai, {key} có {n2} sản phẩm OCOP đạt 3 sao trở lên, vượt chỉ tiêu đề ra."),
       ("Nâng hạng sản phẩm OCOP, hướng tới 5 sao",
        "{Key} đang hỗ trợ các chủ thể hoàn thiện hồ sơ nâng hạng sản phẩm, phấn đấu có sản phẩm OCOP 5 sao.")],
      ["Toàn {key} hiện có {n2} hợp tác xã, tổ hợp tác tham gia Chương trình mỗi xã một sản phẩm.",
       "Bà {woman}, Giám đốc Hợp tác xã {commune}, cho biết nhờ được gắn sao, giá bán sản phẩm tăng khoảng {n2}%.",
       "Ngân sách {key} hỗ trợ {n3} triệu đồng cho mỗi sản phẩm đạt chuẩn OCOP.",
       "Các sản phẩm chủ lực của {key} gồm chè shan tuyết, mật ong bạc hà, gạo nếp tan và măng khô.",
       "Theo Sở Nông nghiệp và Phát triển nông thôn, toàn tỉnh hiện có hơn {n3} sản phẩm OCOP.",
       "Ông {chair}, Phó Chủ tịch UBND {key}, cho biết huyện ưu tiên những sản phẩm gắn với du lịch cộng đồng."],
      ("Sản phẩm OCOP của {key} tại hội chợ.", "Chế biến chè tại Hợp tác xã {commune}.")),

    T("traditional festival", "van-hoa-du-lich", ("the-thao", "dan-toc-mien-nui"),
      "Lễ hội Xuống đồng {commune}", ("Lễ Xuống đồng {commune}", "lễ hội xuống đồng {commune}"), ("Lễ hội", "Văn hóa dân tộc", "Du lịch"),
      "Lễ hội Xuống đồng {commune}", ("lễ hội truyền thống", "một lễ hội vùng cao", "lễ hội đầu xuân"),
      [("Xây dựng kế hoạch tổ chức {K} năm {year}",
        "UBND huyện {district} ban hành kế hoạch tổ chức {key} năm {year} với nhiều hoạt động văn hóa, thể thao đặc sắc."),
       ("Khôi phục nghi lễ cổ trong lễ hội truyền thống của người Tày",
        "Các nghệ nhân {village} đang phục dựng nghi lễ cúng thần nông để đưa vào chương trình {key}."),
       ("Tập luyện các tiết mục văn nghệ, trò chơi dân gian",
        "Hàng trăm diễn viên quần chúng ở xã {commune2} và các xã lân cận đang tập luyện các tiết mục chuẩn bị cho {key}."),
       ("Kiểm tra công tác chuẩn bị {K}",
        "Đoàn công tác của Sở Văn hóa, Thể thao và Du lịch kiểm tra công tác chuẩn bị {key}, đề nghị bảo đảm an ninh trật tự, an toàn thực phẩm."),
       ("Hàng vạn du khách đổ về {K}",
        "Sáng {dm}, {key} chính thức khai mạc, thu hút hàng vạn người dân và du khách thập phương."),
       ("Sôi nổi các môn thể thao dân tộc trong ngày hội",
        "Trong khuôn khổ {key}, các môn ném còn, đẩy gậy, kéo co thu hút {n3} vận động viên tham gia."),
       ("Ùn tắc, rác thải sau lễ hội",
        "Lượng khách quá đông khiến tuyến đường vào {key} ùn tắc kéo dài, rác thải tồn đọng nhiều nơi."),
       ("Bế mạc {K}, doanh thu dịch vụ tăng mạnh",
        "{Key} năm {year} đã khép lại; tổng doanh thu dịch vụ du lịch trong dịp lễ hội ước đạt {bn} tỷ đồng."),
       ("Đề nghị công nhận lễ hội là di sản văn hóa phi vật thể quốc gia",
        "Sở Văn hóa, Thể thao và Du lịch đang hoàn thiện hồ sơ đề nghị đưa {key} vào Danh mục di sản văn hóa phi vật thể quốc gia.")],
      ["{Key} là lễ hội truyền thống của đồng bào Tày, tổ chức vào tháng Giêng hằng năm để cầu mưa thuận gió hòa.",
       "Phần lễ gồm nghi thức rước nước, cúng thần nông và lễ cày tịch điền tại ruộng {village}.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết xã đã bố trí bãi đỗ xe miễn phí phục vụ du khách.",
       "Năm {year}, {key} dự kiến đón khoảng {n2}.000 lượt khách.",
       "Phần hội có hát then, đàn tính, ném còn, đánh yến và chợ phiên ẩm thực.",
       "Nghệ nhân {woman}, người có uy tín ở {village}, đã truyền dạy hát then cho lớp trẻ để chuẩn bị cho lễ hội.",
       "Ban Tổ chức {key} huy động {n3} đoàn viên thanh niên tình nguyện hướng dẫn du khách."],
      ("Nghi lễ rước nước tại {key}.", "Du khách tham gia trò chơi dân gian.")),

    T("district party congress", "chinh-tri", ("thoi-su", "dan-toc-mien-nui"),
      "Đại hội Đảng bộ huyện {district}", ("Đại hội Đảng bộ {district}", "đại hội đảng bộ huyện {district}"), ("Đại hội Đảng", "Xây dựng Đảng", "Công tác cán bộ"),
      "Đảng bộ huyện {district}", ("một đảng bộ huyện", "đảng bộ cấp huyện", "địa phương"),
      [("Ban Thường vụ Tỉnh ủy làm việc với {K} về công tác chuẩn bị đại hội",
        "Ban Thường vụ Tỉnh ủy đã làm việc với Ban Thường vụ Huyện ủy {district} về công tác chuẩn bị đại hội {key} nhiệm kỳ mới."),
       ("Góp ý dự thảo văn kiện đại hội",
        "Hội nghị lấy ý kiến góp ý vào dự thảo văn kiện trình đại hội {key} thu hút {n3} đảng viên, cán bộ hưu trí tham gia."),
       ("Tổ chức điểm đại hội đảng bộ cơ sở",
        "Đảng bộ xã {commune} được chọn tổ chức đại hội điểm cấp cơ sở trước khi tiến hành đại hội {key}."),
       ("Đại hội điểm cấp cơ sở thành công tốt đẹp",
        "Đại hội Đảng bộ xã {commune} đã bầu {n2} đồng chí vào Ban Chấp hành, rút kinh nghiệm cho các cơ sở khác thuộc {key}."),
       ("Khai mạc Đại hội đại biểu {K}",
        "Sáng {dm}, Đại hội đại biểu {key} nhiệm kỳ mới khai mạc với sự tham dự của {n3} đại biểu."),
       ("Đồng chí {person} được bầu giữ chức Bí thư Huyện ủy",
        "Hội nghị lần thứ nhất Ban Chấp hành {key} khóa mới đã bầu đồng chí {person} giữ chức Bí thư Huyện ủy."),
       ("Bế mạc đại hội, thông qua nghị quyết với {n1} khâu đột phá",
        "Đại hội {key} đã bế mạc sau {n1} ngày làm việc, thông qua nghị quyết với các chỉ tiêu phát triển kinh tế - xã hội."),
       ("Quán triệt, triển khai nghị quyết đại hội",
        "Ban Thường vụ Huyện ủy {district} tổ chức hội nghị quán triệt, triển khai nghị quyết Đại hội {key} đến cán bộ, đảng viên."),
       ("Sau một năm thực hiện nghị quyết đại hội, nhiều chỉ tiêu về đích sớm",
        "Sau một năm thực hiện nghị quyết Đại hội {key}, {n1} trên {n2} chỉ tiêu chủ yếu đã đạt và vượt kế hoạch.")],
      ["{Key} hiện có {n2} tổ chức cơ sở đảng với hơn {n1}.{n3} đảng viên.",
       "Nhiệm kỳ qua, {key} lãnh đạo thực hiện đạt và vượt {n2}% chỉ tiêu nghị quyết đề ra.",
       "Đồng chí {official}, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh, dự và phát biểu chỉ đạo đại hội.",
       "Công tác nhân sự Ban Chấp hành {key} khóa mới được chuẩn bị chặt chẽ, đúng quy trình.",
       "Đại hội xác định {n1} khâu đột phá, trong đó ưu tiên phát triển hạ tầng giao thông và du lịch cộng đồng.",
       "Đồng chí {person}, Bí thư Huyện ủy {district}, khẳng định quyết tâm đưa huyện thoát khỏi tình trạng huyện nghèo.",
       "Các đại biểu đã thảo luận sôi nổi, thẳng thắn về những hạn chế, yếu kém trong nhiệm kỳ qua."],
      ("Quang cảnh đại hội {key}.", "Các đại biểu biểu quyết thông qua nghị quyết.")),
]

MIXED += [
    T("land dispute", "xa-hoi", ("chinh-tri", "quoc-phong-an-ninh"),
      "Tranh chấp đất {village}", ("Tranh chấp đất rừng {village}", "tranh chấp đất đai {village}"), ("Đất đai", "Khiếu nại tố cáo", "Dân vận"),
      "khu đất rừng {village}", ("một khu đất tranh chấp", "khu đất rừng", "đất sản xuất của dân"),
      [("Người dân phản ánh bị lấn chiếm {K}",
        "Nhiều hộ dân xã {commune}, huyện {district}, phản ánh {firm} tự ý rào chắn, trồng keo trên {key} mà người dân canh tác lâu đời."),
       ("Xô xát giữa người dân và công nhân công ty",
        "Sáng {dm}, xảy ra xô xát khi công nhân {firm} vào phát dọn thực bì tại {key}, {n1} người bị thương nhẹ."),
       ("Huyện thành lập tổ công tác xác minh nguồn gốc đất",
        "UBND huyện {district} thành lập tổ công tác liên ngành xác minh nguồn gốc, quá trình sử dụng {key}."),
       ("Đối thoại với người dân về {K}",
        "Lãnh đạo UBND huyện {district} đã tổ chức đối thoại với {n2} hộ dân liên quan đến tranh chấp {key}."),
       ("Hồ sơ giao đất chồng lấn, trách nhiệm thuộc về ai",
        "Kết quả xác minh cho thấy {key} đã được giao cho công ty từ năm 1998 nhưng ranh giới trên thực địa chồng lấn với đất sản xuất của người dân."),
       ("Thanh tra tỉnh vào cuộc làm rõ sai phạm trong giao đất",
        "Thanh tra tỉnh đã thanh tra việc quản lý, sử dụng đất của {firm}, trong đó có {key}."),
       ("Kiến nghị thu hồi {ha} ha đất giao lại cho người dân",
        "Kết luận thanh tra kiến nghị UBND tỉnh thu hồi {ha} ha đất tại {key} do công ty sử dụng không đúng mục đích để giao lại cho người dân."),
       ("UBND tỉnh quyết định thu hồi {K}, giao cho địa phương quản lý",
        "UBND tỉnh đã ban hành quyết định thu hồi {ha} ha đất tại {key}, giao UBND huyện {district} lập phương án giao đất cho các hộ dân."),
       ("Người dân nhận sổ đỏ, yên tâm sản xuất",
        "Sau nhiều năm chờ đợi, {n2} hộ dân đã được cấp giấy chứng nhận quyền sử dụng đất tại {key}.")],
      ["{Key} có diện tích khoảng {ha} ha, giáp ranh giữa xã {commune} và xã {commune2}.",
       "Ông {person}, người dân {village}, cho biết gia đình đã canh tác trên mảnh đất này từ thời ông bà.",
       "Đại diện {firm} khẳng định công ty được giao đất hợp pháp và có đầy đủ hồ sơ.",
       "Vụ việc tại {key} đã kéo dài nhiều năm, người dân gửi đơn đến nhiều cơ quan.",
       "Ban Dân vận Huyện ủy {district} đã cử cán bộ bám cơ sở, vận động người dân giữ bình tĩnh.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết xã đã nhiều lần hòa giải nhưng chưa thành.",
       "Theo quy định, diện tích đất sau khi thu hồi sẽ ưu tiên giao cho hộ nghèo, đồng bào dân tộc thiểu số thiếu đất sản xuất."],
      ("Khu đất đang tranh chấp tại {village}.", "Buổi đối thoại với người dân.")),

    T("new rural area commune", "kinh-te", ("xa-hoi", "chinh-tri"),
      "Nông thôn mới {commune}", ("Xã {commune} nông thôn mới", "NTM {commune}"), ("Nông thôn mới", "Giảm nghèo", "Giao thông"),
      "xã {commune}", ("một xã đặc biệt khó khăn", "xã vùng cao", "một xã biên giới"),
      [("{K} quyết tâm về đích nông thôn mới",
        "Đảng bộ {key}, huyện {district}, ban hành nghị quyết chuyên đề, phấn đấu đạt chuẩn nông thôn mới trong năm {year1}."),
       ("Người dân hiến đất mở rộng đường liên thôn",
        "Hàng chục hộ dân {village}, {key}, đã tự nguyện hiến {n3} mét vuông đất để mở rộng đường liên thôn."),
       ("Bê tông hóa {n2} km đường giao thông nông thôn",
        "Với phương châm nhà nước và nhân dân cùng làm, {key} đã bê tông hóa {n2} km đường giao thông nông thôn."),
       ("Tiêu chí thu nhập vẫn là điểm nghẽn",
        "Dù đã đạt nhiều tiêu chí, thu nhập bình quân đầu người của {key} vẫn thấp hơn mức quy định."),
       ("Chuyển đổi cây trồng, nâng cao thu nhập cho người dân",
        "{Key} đã chuyển đổi {ha} ha đất trồng ngô kém hiệu quả sang trồng cây ăn quả có múi, cho thu nhập cao gấp {n1} lần."),
       ("Đoàn thẩm định của tỉnh kiểm tra kết quả xây dựng nông thôn mới",
        "Đoàn thẩm định của tỉnh đã kiểm tra thực tế kết quả thực hiện 19 tiêu chí nông thôn mới tại {key}."),
       ("{K} đạt chuẩn nông thôn mới",
        "UBND tỉnh đã ban hành quyết định công nhận {key} đạt chuẩn nông thôn mới năm {year}."),
       ("Đón nhận bằng công nhận xã đạt chuẩn nông thôn mới",
        "Trong niềm vui của đông đảo người dân, {key} long trọng tổ chức lễ đón nhận bằng công nhận đạt chuẩn nông thôn mới."),
       ("Hướng tới xây dựng nông thôn mới nâng cao",
        "Sau khi đạt chuẩn, {key} tiếp tục đặt mục tiêu xây dựng nông thôn mới nâng cao, trọng tâm là môi trường và du lịch cộng đồng."),
       ("Nhiều tiêu chí nông thôn mới có nguy cơ tụt hạng",
        "Sau {n1} năm đạt chuẩn, một số tiêu chí nông thôn mới của {key} như môi trường, hộ nghèo có dấu hiệu tụt hạng.")],
      ["{Key} có {n2} thôn, bản với hơn {n3} hộ, trong đó đồng bào dân tộc thiểu số chiếm trên 80%.",
       "Tổng nguồn lực huy động xây dựng nông thôn mới ở {key} đạt hơn {n2} tỷ đồng, trong đó nhân dân đóng góp gần {n1} tỷ đồng.",
       "Ông {chair}, Chủ tịch UBND {key}, cho biết khó khăn lớn nhất là tiêu chí thu nhập và tỷ lệ hộ nghèo.",
       "Tỷ lệ hộ nghèo của {key} đã giảm từ {n2}% xuống còn dưới {n1}%.",
       "Trường học, trạm y tế, nhà văn hóa các thôn đều được đầu tư xây dựng khang trang.",
       "Người dân {village} tự nguyện đóng góp ngày công, hiến đất, chặt cây để làm đường.",
       "Đến nay, toàn huyện {district} có {n1} xã đạt chuẩn nông thôn mới."],
      ("Đường bê tông về {village}.", "Lễ đón nhận bằng công nhận {key} đạt chuẩn nông thôn mới.")),

    T("school merger", "giao-duc", ("xa-hoi", "chinh-tri"),
      "Sáp nhập trường {commune}", ("Trường TH và THCS {commune}", "sáp nhập trường học {commune}"), ("Giáo dục", "Giáo viên", "Học sinh"),
      "Trường TH và THCS {commune}", ("một trường liên cấp", "trường học sau sáp nhập", "một trường vùng cao"),
      [("Lấy ý kiến phụ huynh về phương án sáp nhập trường học",
        "UBND huyện {district} lấy ý kiến phụ huynh về phương án sáp nhập hai trường tiểu học và THCS trong xã thành {key}."),
       ("HĐND huyện thông qua đề án sắp xếp trường lớp",
        "HĐND huyện {district} thông qua đề án sắp xếp mạng lưới trường lớp, trong đó có việc thành lập {key}."),
       ("Phụ huynh lo con nhỏ phải đi học xa",
        "Một số phụ huynh {village} lo lắng khi các điểm trường lẻ được dồn về điểm chính của {key}, cách nhà hơn {n1} km."),
       ("Chính thức thành lập {K}",
        "UBND huyện {district} đã trao quyết định thành lập {key} trên cơ sở sáp nhập hai trường trong xã."),
       ("Dôi dư cán bộ quản lý, giáo viên sau sáp nhập",
        "Sau sáp nhập, {key} có {n1} phó hiệu trưởng và dôi dư {n1} nhân viên hành chính, cần được sắp xếp lại."),
       ("Xây thêm phòng học, nhà bán trú cho học sinh",
        "Huyện {district} đầu tư {bn} tỷ đồng xây thêm {n1} phòng học và nhà ở bán trú cho học sinh {key}."),
       ("Năm học mới ở {K}",
        "Năm học mới, {key} đón {n3} học sinh, trong đó hơn một nửa ở bán trú tại trường."),
       ("Chất lượng giáo dục chuyển biến sau một năm sáp nhập",
        "Sau một năm hoạt động, tỷ lệ học sinh khá, giỏi của {key} tăng, cơ sở vật chất được tập trung đầu tư."),
       ("Rút kinh nghiệm, nhân rộng mô hình trường liên cấp",
        "Sở Giáo dục và Đào tạo tổ chức hội nghị rút kinh nghiệm từ mô hình {key} để nhân rộng ra các huyện khác.")],
      ["{Key} có {n2} lớp với {n3} học sinh, phần lớn là con em đồng bào Mông, Dao.",
       "Bà {woman}, Hiệu trưởng {key}, cho biết nhà trường đã sắp xếp lại tổ chuyên môn, bảo đảm đủ giáo viên các môn.",
       "Theo Phòng Giáo dục và Đào tạo huyện {district}, việc sáp nhập giúp giảm đầu mối, sử dụng hiệu quả đội ngũ giáo viên.",
       "Điểm trường {village} vẫn được giữ lại cho học sinh lớp 1, lớp 2.",
       "Ông {person}, phụ huynh học sinh, cho biết con được ở bán trú, có cơm ăn, có thầy cô kèm học buổi tối.",
       "Toàn tỉnh đã sáp nhập {n2} trường học, giảm {n2} đầu mối so với năm học trước."],
      ("Học sinh {key} trong giờ học.", "Khu nhà bán trú mới của nhà trường.")),
]

MIXED += [
    T("tourism site development", "van-hoa-du-lich", ("kinh-te", "dan-toc-mien-nui"),
      "Thác {commune}", ("Khu du lịch thác {commune}", "du lịch thác {commune}"), ("Du lịch", "Du lịch cộng đồng", "Homestay"),
      "khu du lịch thác {commune}", ("một điểm du lịch", "điểm du lịch sinh thái", "một khu du lịch vùng cao"),
      [("Kêu gọi đầu tư khai thác {K}",
        "UBND tỉnh chấp thuận chủ trương kêu gọi nhà đầu tư khai thác {key}, huyện {district}, gắn với bảo tồn cảnh quan."),
       ("Chọn nhà đầu tư phát triển du lịch sinh thái",
        "{firm} được chấp thuận làm nhà đầu tư dự án {key} với tổng vốn {bn} tỷ đồng."),
       ("Người dân bản làm homestay đón khách",
        "Đón đầu dòng khách đến {key}, nhiều hộ dân {village} đã cải tạo nhà sàn làm homestay."),
       ("Xây dựng công trình không phép tại {K}",
        "Đoàn kiểm tra phát hiện nhà đầu tư đã xây dựng {n1} công trình khi chưa được cấp phép trong khu vực {key}."),
       ("Xử phạt nhà đầu tư, yêu cầu tháo dỡ công trình sai phép",
        "UBND tỉnh xử phạt {firm} {n3} triệu đồng, buộc tháo dỡ các hạng mục xây dựng sai phép tại {key}."),
       ("Chính thức mở cửa đón khách tại {K}",
        "Sau thời gian hoàn thiện hạ tầng, {key} chính thức mở cửa đón khách từ ngày {dm}."),
       ("Du khách đuối nước, siết chặt an toàn tại điểm du lịch",
        "Một du khách {age} tuổi đã đuối nước khi tắm tại {key}; chính quyền yêu cầu bố trí lực lượng cứu hộ thường trực."),
       ("Lượng khách tăng mạnh, hạ tầng quá tải",
        "Dịp nghỉ lễ vừa qua, {key} đón hơn {n2}.000 lượt khách, bãi đỗ xe và nhà vệ sinh công cộng quá tải."),
       ("Công nhận {K} là điểm du lịch cấp tỉnh",
        "UBND tỉnh đã công nhận {key} là điểm du lịch cấp tỉnh, mở ra cơ hội thu hút thêm nhà đầu tư.")],
      ["{Key} có độ cao hơn {n3} mét, nằm giữa rừng nguyên sinh, cách trung tâm huyện {district} khoảng {n2} km.",
       "Ông {person}, chủ một homestay ở {village}, cho biết mỗi tháng gia đình đón khoảng {n2} đoàn khách.",
       "Đường vào {key} đã được nâng cấp, bê tông hóa hoàn toàn.",
       "Theo Sở Văn hóa, Thể thao và Du lịch, năm {year} toàn tỉnh đón hơn {n1} triệu lượt khách.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết du lịch đã giúp nhiều hộ dân thoát nghèo.",
       "Nhà đầu tư cam kết giữ nguyên hiện trạng rừng ở {key}, chỉ xây dựng các công trình nhỏ, thân thiện với môi trường."],
      ("Du khách tham quan {key}.", "Homestay của người dân {village}.")),

    T("industrial cluster", "kinh-te", ("xa-hoi", "thoi-su"),
      "Cụm công nghiệp {commune}", ("CCN {commune}", "cụm công nghiệp {commune}"), ("Khu công nghiệp", "Doanh nghiệp", "Việc làm"),
      "Cụm công nghiệp {commune}", ("một cụm công nghiệp", "cụm công nghiệp mới", "khu sản xuất tập trung"),
      [("Thành lập {K} quy mô {ha} ha",
        "UBND tỉnh quyết định thành lập {key}, huyện {district}, quy mô {ha} ha, ưu tiên ngành chế biến nông, lâm sản."),
       ("Lựa chọn chủ đầu tư hạ tầng cụm công nghiệp",
        "{firm} được giao làm chủ đầu tư xây dựng hạ tầng kỹ thuật {key} với tổng vốn {bn} tỷ đồng."),
       ("Bồi thường, giải phóng mặt bằng còn chậm",
        "Sau {n1} tháng triển khai, công tác bồi thường, giải phóng mặt bằng {key} mới đạt khoảng {n2}% diện tích."),
       ("Khởi công xây dựng hạ tầng kỹ thuật {K}",
        "Sáng {dm}, lễ khởi công xây dựng hạ tầng {key} đã được tổ chức tại xã {commune2}."),
       ("Trao chứng nhận đầu tư cho {n1} dự án đầu tiên vào cụm công nghiệp",
        "UBND huyện {district} đã trao giấy chứng nhận đầu tư cho {n1} doanh nghiệp vào hoạt động tại {key}."),
       ("Người dân phản ánh nhà máy gây ô nhiễm",
        "Nhiều hộ dân {village} phản ánh mùi hôi, nước thải từ một nhà máy chế biến gỗ trong {key} gây ô nhiễm."),
       ("Xử phạt doanh nghiệp xả thải vượt quy chuẩn",
        "Sở Tài nguyên và Môi trường xử phạt {n3} triệu đồng đối với một doanh nghiệp trong {key} xả thải vượt quy chuẩn."),
       ("Xây dựng nhà máy xử lý nước thải tập trung",
        "Chủ đầu tư hạ tầng {key} cam kết hoàn thành nhà máy xử lý nước thải tập trung công suất {n3} m³/ngày đêm."),
       ("Tạo việc làm cho hơn {n3} lao động địa phương",
        "Các doanh nghiệp trong {key} đã tạo việc làm ổn định cho hơn {n3} lao động, thu nhập bình quân {n1} triệu đồng/tháng."),
       ("Mở rộng {K} giai đoạn 2",
        "UBND tỉnh đồng ý chủ trương mở rộng {key} thêm {ha} ha do tỷ lệ lấp đầy đã vượt 80%.")],
      ["{Key} nằm cạnh {road}, cách trung tâm huyện {district} khoảng {n1} km.",
       "Tỷ lệ lấp đầy {key} hiện đạt khoảng {n2}%.",
       "Ông {director}, Giám đốc Sở Công Thương, cho biết tỉnh ưu tiên thu hút các dự án công nghệ sạch vào {key}.",
       "Bà {woman}, công nhân một nhà máy may, cho biết được làm việc gần nhà, không phải đi làm xa.",
       "Hạ tầng {key} gồm đường nội bộ, hệ thống cấp điện, cấp nước và thoát nước mưa.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, đề nghị doanh nghiệp ưu tiên tuyển dụng lao động địa phương."],
      ("Toàn cảnh {key}.", "Công nhân làm việc tại một nhà máy.")),

    T("bridge replacement", "kinh-te", ("thoi-su", "dan-toc-mien-nui"),
      "Cầu {commune}", ("Dự án cầu {commune}", "Cầu {commune} qua {river}"), ("Giao thông", "Xây dựng", "Cầu dân sinh"),
      "cầu {commune}", ("một cây cầu", "cây cầu mới", "công trình cầu"),
      [("Cầu treo xuống cấp, người dân đi lại trong nỗi lo",
        "Cầu treo cũ bắc qua {river}, huyện {district}, đã xuống cấp nghiêm trọng; người dân mong sớm được xây {key} kiên cố."),
       ("Bố trí vốn xây dựng {K}",
        "UBND tỉnh bố trí {bn} tỷ đồng từ nguồn vốn đầu tư công để xây dựng {key} thay thế cầu treo cũ."),
       ("Khởi công {K}",
        "Sáng {dm}, lễ khởi công {key} bắc qua {river} đã được tổ chức, dự án do {firm} thi công."),
       ("Lũ lớn cuốn trôi cầu tạm phục vụ thi công",
        "Trận lũ đêm qua đã cuốn trôi cầu tạm phục vụ thi công {key}, người dân phải đi đò qua sông."),
       ("Bảo đảm an toàn cho người dân qua sông mùa lũ",
        "Trong thời gian thi công {key}, chính quyền xã bố trí đò và áo phao, cử dân quân trực tại bến."),
       ("Hợp long {K}",
        "Sau {n1} tháng thi công, {key} đã được hợp long, chuẩn bị hoàn thiện mặt cầu và đường dẫn."),
       ("Thông xe {K}, người dân vui mừng",
        "Sáng {dm}, {key} chính thức thông xe, hàng nghìn người dân hai bờ {river} đến dự."),
       ("Đường dẫn lên cầu bị sụt lún sau mùa mưa",
        "Chỉ sau một mùa mưa, đường dẫn lên {key} xuất hiện nhiều vết nứt, sụt lún."),
       ("Nhà thầu sửa chữa, khắc phục sụt lún đường dẫn",
        "{firm} đã hoàn thành sửa chữa các đoạn sụt lún đường dẫn {key} theo yêu cầu của chủ đầu tư.")],
      ["{Key} dài {n3} mét, rộng 7 mét, tải trọng thiết kế 30 tấn.",
       "Cây cầu treo cũ được xây dựng từ năm 1990, nhiều lần phải sửa chữa.",
       "Mỗi ngày có hàng nghìn lượt người dân và học sinh qua lại giữa hai bờ {river}.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết {key} sẽ giúp nông sản của bà con dễ tiêu thụ hơn.",
       "Ông {director}, Giám đốc Ban Quản lý dự án, cho biết nhà thầu đã huy động thêm máy móc để bù tiến độ tại {key}.",
       "Học sinh {village} trước đây phải đi vòng gần {n2} km để đến trường."],
      ("Thi công trụ {key}.", "Người dân qua cầu treo cũ.")),
]

MIXED += [
    T("hydropower resettlement area", "xa-hoi", ("kinh-te", "dan-toc-mien-nui"),
      "Tái định cư {commune}", ("Khu tái định cư {commune}", "tái định cư thủy điện {commune}"), ("Thủy điện", "Đất đai", "Định canh định cư"),
      "khu tái định cư {commune}", ("một khu tái định cư", "khu tái định cư mới", "nơi ở mới"),
      [("Quy hoạch {K} cho người dân vùng thủy điện",
        "UBND tỉnh phê duyệt quy hoạch {key}, huyện {district}, bố trí chỗ ở cho {n3} hộ dân phải di dời do xây dựng thủy điện."),
       ("San nền, làm đường nội bộ khu tái định cư",
        "Các nhà thầu đang san gạt mặt bằng, làm đường nội bộ và hệ thống thoát nước tại {key}."),
       ("Người dân bốc thăm nhận đất ở mới",
        "{n3} hộ dân {village} đã bốc thăm nhận lô đất ở mới tại {key} trong không khí phấn khởi."),
       ("Thiếu đất sản xuất, nhiều hộ quay về nơi ở cũ",
        "Sau khi chuyển đến {key}, nhiều hộ dân thiếu đất sản xuất, phải quay về nơi ở cũ để làm nương."),
       ("Nứt nhà, sụt lún nền đất tại {K}",
        "Nhiều ngôi nhà tại {key} xuất hiện vết nứt, nền đất sụt lún sau những trận mưa lớn."),
       ("Đoàn đại biểu Quốc hội tỉnh giám sát công tác tái định cư",
        "Đoàn đại biểu Quốc hội tỉnh đã giám sát thực tế tại {key}, ghi nhận nhiều kiến nghị của người dân."),
       ("Bổ sung {bn} tỷ đồng hoàn thiện hạ tầng khu tái định cư",
        "UBND tỉnh bổ sung {bn} tỷ đồng để xây kè chống sạt lở, hoàn thiện hạ tầng {key}."),
       ("Giao thêm đất sản xuất cho người dân tái định cư",
        "Huyện {district} đã giao {ha} ha đất sản xuất cho các hộ dân tại {key}, giúp bà con ổn định cuộc sống."),
       ("Cuộc sống mới ở {K}",
        "Sau {n1} năm, {key} đã có điện, nước, trường học, trạm y tế; nhiều hộ dân đã có thu nhập ổn định.")],
      ["{Key} rộng khoảng {ha} ha, được xây dựng trên quả đồi cách nơi ở cũ khoảng {n1} km.",
       "Ông {person}, người dân {village}, cho biết gia đình nhận được tiền đền bù nhưng chưa có đất sản xuất.",
       "Các hộ dân tái định cư chủ yếu là đồng bào Dao, Mông, sinh sống bằng nghề làm nương.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết xã đã đề nghị cấp trên sớm giao đất sản xuất cho bà con.",
       "Dự án thủy điện do {firm} làm chủ đầu tư, công suất {n2} MW.",
       "Hạ tầng {key} gồm đường bê tông, điện lưới, nước sinh hoạt tự chảy và nhà văn hóa."],
      ("Toàn cảnh {key}.", "Người dân dựng nhà ở nơi ở mới.")),

    T("heritage temple restoration", "van-hoa-du-lich", ("xa-hoi", "chinh-tri"),
      "Đình {commune}", ("Di tích đình {commune}", "đình làng {commune}"), ("Di tích", "Văn hóa dân tộc", "Bảo tàng"),
      "đình {commune}", ("một ngôi đình cổ", "di tích", "ngôi đình cổ"),
      [("{K} xuống cấp nghiêm trọng",
        "{Key}, ngôi đình cổ hơn 200 năm tuổi ở huyện {district}, đang xuống cấp nghiêm trọng, mái ngói dột nát, cột gỗ mục."),
       ("Lập hồ sơ tu bổ, tôn tạo di tích",
        "Sở Văn hóa, Thể thao và Du lịch đã phê duyệt hồ sơ tu bổ, tôn tạo {key} với kinh phí {n2} tỷ đồng."),
       ("Khởi công tu bổ {K}",
        "Lễ khởi công tu bổ {key} được tổ chức theo nghi thức truyền thống, có sự tham gia của đông đảo bà con."),
       ("Phát hiện nhiều hiện vật cổ trong quá trình tu bổ",
        "Trong quá trình hạ giải, đơn vị thi công phát hiện {n1} đạo sắc phong và nhiều hiện vật cổ tại {key}."),
       ("Tranh luận việc thay ngói cổ bằng ngói mới",
        "Nhiều người dân và nhà nghiên cứu băn khoăn khi {key} được lợp bằng ngói mới thay cho ngói mũi hài cổ."),
       ("Tạm dừng thi công, rà soát phương án tu bổ",
        "Sở Văn hóa, Thể thao và Du lịch yêu cầu tạm dừng thi công tại {key} để rà soát lại phương án, bảo đảm giữ yếu tố gốc."),
       ("Hoàn thành tu bổ, khánh thành {K}",
        "Sau {n1} tháng thi công, {key} đã hoàn thành tu bổ, giữ được kiến trúc gỗ truyền thống."),
       ("Đón nhận bằng xếp hạng di tích cấp quốc gia",
        "{Key} đã được Bộ Văn hóa, Thể thao và Du lịch xếp hạng di tích lịch sử - văn hóa cấp quốc gia."),
       ("Phát huy giá trị di tích gắn với du lịch",
        "Huyện {district} xây dựng tour du lịch văn hóa kết nối {key} với các làng nghề trong vùng.")],
      ["{Key} thờ Thành hoàng làng, được xây dựng từ đầu thế kỷ XIX.",
       "Kiến trúc đình theo kiểu chữ Đinh, với nhiều mảng chạm khắc gỗ tinh xảo.",
       "Cụ {person}, người cao tuổi ở {village}, cho biết lễ hội đình hằng năm vẫn được duy trì.",
       "Kinh phí tu bổ gồm ngân sách tỉnh và nguồn xã hội hóa do người dân, con em xa quê đóng góp.",
       "Ông {chair}, Chủ tịch UBND xã {commune}, cho biết xã đã thành lập ban quản lý di tích.",
       "Theo các nhà nghiên cứu, {key} là một trong những ngôi đình cổ hiếm hoi còn lại của tỉnh."],
      ("Mái ngói {key} trước khi tu bổ.", "Chạm khắc gỗ trong đình.")),
]

MIXED += [
    T("border gate upgrade", "kinh-te", ("quoc-phong-an-ninh", "chinh-tri"),
      "Cửa khẩu {commune}", ("Nâng cấp cửa khẩu {commune}", "cửa khẩu phụ {commune}"), ("Cửa khẩu", "Xuất khẩu", "Biên giới"),
      "cửa khẩu {commune}", ("một cửa khẩu", "cửa khẩu biên giới", "cửa khẩu vùng biên"),
      [("Đề xuất nâng cấp {K} thành cửa khẩu chính",
        "UBND tỉnh đã trình Chính phủ đề án nâng cấp {key}, huyện {district}, từ cửa khẩu phụ lên cửa khẩu chính."),
       ("Đầu tư {bn} tỷ đồng xây dựng hạ tầng khu cửa khẩu",
        "Tỉnh bố trí {bn} tỷ đồng xây dựng bãi kiểm hóa, nhà liên ngành và đường kết nối tại {key}."),
       ("Ùn ứ hàng trăm xe nông sản tại cửa khẩu",
        "Vào cao điểm thu hoạch, hàng trăm xe chở thanh long, dưa hấu ùn ứ tại {key} do phía bạn siết chặt kiểm dịch."),
       ("Bố trí khu vực chờ, giảm thiệt hại cho chủ hàng",
        "Ban Quản lý khu kinh tế bố trí bãi chờ tạm, hỗ trợ nước uống, điện cho các lái xe tại {key}."),
       ("Thông quan trở lại, kim ngạch tăng mạnh",
        "Hoạt động thông quan tại {key} đã trở lại bình thường, kim ngạch xuất nhập khẩu tháng {month} tăng {n2}%."),
       ("Chính phủ đồng ý nâng cấp {K}",
        "Thủ tướng Chính phủ đã đồng ý nâng cấp {key} thành cửa khẩu chính, mở ra cơ hội phát triển kinh tế vùng biên."),
       ("Triển khai cửa khẩu số, rút ngắn thời gian thông quan",
        "{Key} đã triển khai nền tảng cửa khẩu số, thời gian thông quan mỗi xe giảm còn khoảng {n2} phút."),
       ("Đấu tranh chống buôn lậu qua khu vực cửa khẩu",
        "Đồn Biên phòng {commune2} phối hợp các lực lượng bắt giữ {n1} vụ vận chuyển hàng lậu qua đường mòn gần {key}."),
       ("Kim ngạch qua {K} đạt {bn} triệu USD",
        "Năm {year}, tổng kim ngạch xuất nhập khẩu qua {key} đạt {bn} triệu USD, tăng mạnh so với năm trước.")],
      ["{Key} nằm trên tuyến {road}, cách trung tâm huyện {district} khoảng {n2} km.",
       "Mỗi ngày có khoảng {n3} lượt phương tiện xuất nhập cảnh qua {key}.",
       "Mặt hàng xuất khẩu chủ yếu là nông sản, hoa quả tươi; nhập khẩu máy móc, phân bón.",
       "Ông {director}, Trưởng Ban Quản lý khu kinh tế tỉnh, cho biết đang đề xuất mở rộng bãi kiểm hóa.",
       "Lực lượng Biên phòng, Hải quan, Kiểm dịch phối hợp chặt chẽ trong công tác quản lý tại {key}.",
       "Ông {person}, một lái xe chở nông sản, cho biết thủ tục đã nhanh hơn nhiều so với trước."],
      ("Xe hàng làm thủ tục tại {key}.", "Lực lượng chức năng kiểm tra hàng hóa.")),

    T("district people's council term", "chinh-tri", ("thoi-su", "kinh-te"),
      "HĐND huyện {district}", ("Kỳ họp HĐND huyện {district}", "HĐND {district}"), ("Kỳ họp HĐND", "Tiếp xúc cử tri", "Bầu cử"),
      "HĐND huyện {district}", ("HĐND cấp huyện", "một HĐND huyện", "cơ quan dân cử"),
      [("Hiệp thương giới thiệu người ứng cử đại biểu {K}",
        "Ủy ban MTTQ huyện tổ chức hội nghị hiệp thương lần thứ ba, lập danh sách {n2} người ứng cử đại biểu {key}."),
       ("Cử tri nô nức đi bầu cử",
        "Sáng {dm}, cử tri trong huyện nô nức đến các điểm bỏ phiếu bầu đại biểu Quốc hội và đại biểu {key}."),
       ("Kỳ họp thứ nhất {K} bầu các chức danh chủ chốt",
        "Tại kỳ họp thứ nhất, {key} khóa mới đã bầu đồng chí {person} giữ chức Chủ tịch HĐND huyện."),
       ("Tiếp xúc cử tri trước kỳ họp giữa năm",
        "Các tổ đại biểu {key} đã tiếp xúc cử tri tại xã {commune}, ghi nhận {n2} ý kiến, kiến nghị."),
       ("Cử tri kiến nghị sửa đường, cấp nước sạch",
        "Tại buổi tiếp xúc với đại biểu {key}, cử tri {village} kiến nghị sửa tuyến đường liên xã và đầu tư công trình nước sạch."),
       ("Chất vấn về chậm giải ngân vốn đầu tư công",
        "Phiên chất vấn tại kỳ họp {key} tập trung vào tình trạng chậm giải ngân vốn đầu tư công và giải phóng mặt bằng."),
       ("Thông qua {n1} nghị quyết quan trọng tại kỳ họp cuối năm",
        "Kỳ họp cuối năm của {key} đã thông qua {n1} nghị quyết về kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách năm {year1}."),
       ("Giám sát việc giải quyết kiến nghị cử tri",
        "Thường trực {key} tổ chức giám sát việc giải quyết các kiến nghị của cử tri xã {commune} sau kỳ họp."),
       ("Lấy phiếu tín nhiệm các chức danh do HĐND bầu",
        "Tại kỳ họp giữa nhiệm kỳ, {key} đã lấy phiếu tín nhiệm đối với {n2} người giữ chức vụ do HĐND bầu.")],
      ["{Key} khóa mới có {n2} đại biểu, trong đó đại biểu là người dân tộc thiểu số chiếm hơn {n2}%.",
       "Đồng chí {person}, Chủ tịch {key}, đề nghị các đại biểu phát huy tinh thần trách nhiệm trước cử tri.",
       "Nhiều ý kiến cử tri đã được UBND huyện {district} giải quyết dứt điểm ngay sau kỳ họp.",
       "Các đại biểu {key} đã thảo luận thẳng thắn, dân chủ, đúng trọng tâm.",
       "Bà {woman}, đại biểu HĐND huyện, chất vấn về tiến độ các công trình giao thông trên địa bàn xã {commune}.",
       "Kỳ họp được truyền hình trực tiếp để cử tri theo dõi."],
      ("Quang cảnh kỳ họp {key}.", "Cử tri bỏ phiếu bầu cử.")),
]

# ---------------------------------------------------------------------------
# Command line: summary and a few samples
# ---------------------------------------------------------------------------


def load_gen_corpus(path: str = GEN_CORPUS):
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    gc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gc)
    return gc


def summary(arts: list[dict], truth: Truth) -> str:
    by_id = {a["id"]: a for a in arts}
    n_story = len(truth.group)
    forms = [truth.tag_form[i] for i in truth.group]
    keyed = 0
    for i, k in truth.group.items():
        a = by_id[i]
        phrase = KEY_PHRASES.get(k)
        keyed += bool(phrase) and phrase.lower() in a["title"].lower()
    lines = [
        f"stories           {len(truth.members)}",
        f"story articles    {n_story}",
        f"decoys            {len(truth.decoy_of)}",
        f"unrelated         {len(arts) - n_story - len(truth.decoy_of)}",
        f"mean size         {n_story / max(1, len(truth.members)):.2f}"
        f" (min {min(map(len, truth.members.values()))}, max {max(map(len, truth.members.values()))})",
        "tag forms         " + ", ".join(f"{f} {forms.count(f) / max(1, n_story):.0%}" for f in TAG_FORMS),
        f"other category    {sum(not v for v in truth.in_main_category.values()) / max(1, n_story):.0%}",
        f"key in title      {keyed / max(1, n_story):.0%}",
        f"mean span days    {sum(truth.span_days.values()) / max(1, len(truth.span_days)):.1f}"
        f" (min {min(truth.span_days.values())}, max {max(truth.span_days.values())})",
        f"kinds             {len(set(truth.kinds.values()))}",
    ]
    return "\n".join(lines)


def _show(a: dict) -> str:
    head = (f"[{a['id']}] {a['title']}\n  {a['date']:%Y-%m-%d %H:%M}  {a['category']}  "
            f"tags={a['tags']}  author={a['author']}\n  sapo: {a['summary']}")
    return head + "\n  " + a["body"][:600].replace("\n", "\n  ") + " …"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shape", choices=SHAPES, default="breaking")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--unrelated", type=int, default=200)
    args = ap.parse_args(argv)
    gc = load_gen_corpus()
    arts, truth = build_corpus(gc, args.seed, args.unrelated, args.shape)
    print(f"shape {args.shape}, seed {args.seed}")
    print(summary(arts, truth))
    r = random.Random(args.seed)
    key = r.choice(sorted(truth.members))
    ids = truth.members[key]
    by_id = {a["id"]: a for a in arts}
    decoy = next((d for d, k in sorted(truth.decoy_of.items()) if k == key), None)
    print(f"\nsamples from story {key} ({truth.kinds[key]}, {truth.span_days[key]} days):")
    for i in [ids[0], ids[-1]] + ([decoy] if decoy else []):
        print(("DECOY " if i == decoy else "") + _show(by_id[i]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

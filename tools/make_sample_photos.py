#!/usr/bin/env python3
"""Generate the placeholder photos referenced by the bundled sample content.

Reads every ``*.md`` file under ``content/``, collects the photo paths it
references (front matter ``image.src``, ``images[].src`` and relative
``![](images/...)`` links in the body) and draws an abstract, photo-like
scene for each one (sky, hills, fields, river, buildings or a meeting hall).
No text is ever drawn.

The output is deterministic: every picture is seeded from a hash of its file
name, so re-running the script produces byte-identical JPEGs.  Files whose
bytes are already correct are not rewritten.

Usage:
    python3 tools/make_sample_photos.py [CONTENT_DIR] [--check]

``--check`` only reports missing or outdated files and exits non-zero if any.
Requires Pillow and PyYAML.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
import re
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageChops, ImageDraw, ImageFilter

WIDTH = 1600
"""Wide enough for the photo step to show its widths and the 1200 px share images."""
JPEG_QUALITY = 70
MAX_BYTES = 90 * 1024

BODY_IMG_RE = re.compile(r"!\[[^\]]*\]\(\s*([^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")

# Keywords in the file name that steer the kind of scene drawn.
HALL_WORDS = (
    "dai-hoi", "hoi-nghi", "be-mac", "khai-mac", "ky-hop", "hoc-tap",
    "bieu-quyet", "ra-mat", "chao-co", "phat-bieu", "tang-hoa", "can-thiep",
    "benh-an", "phan-loai", "rang-xay", "san-pham", "nha-an", "lop-hoc",
    "kiem-dinh", "diem-thi",
)
TOWN_WORDS = (
    "thanh-pho", "container", "truong", "nha", "giao-nhan", "tiem",
    "tuyen-duong", "cho-", "benh-vien", "phun-hoa-chat",
)
WATER_WORDS = ("cau-treo", "suoi", "song", "ho-", "-lu", "sat-lo", "bao-so")
MUD_WORDS = ("sat-lo", "bao-so", "duong-sat", "so-tan", "diem-cu", "hien-trang")
ROAD_WORDS = ("duong", "quoc-lo", "giai-chay", "xe-", "khoi-cong", "dien-tap")
FIELD_WORDS = ("ca-phe", "lua", "sam", "lang", "nong", "hoa-anh-dao", "mang-den")


# --------------------------------------------------------------------------
# Collecting references
# --------------------------------------------------------------------------

def split_front_matter(text: str) -> tuple[dict, str]:
    """Return (front matter dict, body) of a Markdown file with YAML header."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        return {}, text
    lines = text.splitlines(keepends=True)
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            meta = yaml.safe_load("".join(lines[1:i])) or {}
            return (meta if isinstance(meta, dict) else {}), "".join(lines[i + 1:])
    return {}, text


def is_relative(src: str) -> bool:
    return bool(src) and not src.startswith(("/", "http://", "https://", "data:", "//"))


def collect_refs(content_dir: Path) -> dict[Path, list[Path]]:
    """Map each referenced image path -> list of articles referencing it."""
    refs: dict[Path, list[Path]] = {}

    def add(md: Path, src) -> None:
        if isinstance(src, str) and is_relative(src.strip()):
            target = (md.parent / src.strip()).resolve()
            refs.setdefault(target, []).append(md)

    for md in sorted(content_dir.rglob("*.md")):
        meta, body = split_front_matter(md.read_text(encoding="utf-8"))
        lead = meta.get("image")
        if isinstance(lead, dict):
            add(md, lead.get("src"))
        elif isinstance(lead, str):
            add(md, lead)
        for item in meta.get("images") or []:
            if isinstance(item, dict):
                add(md, item.get("src"))
            elif isinstance(item, str):
                add(md, item)
        for m in BODY_IMG_RE.finditer(body):
            add(md, m.group(1))
    return refs


# --------------------------------------------------------------------------
# Drawing helpers
# --------------------------------------------------------------------------

def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def mix(c1, c2, t: float):
    return tuple(int(round(lerp(a, b, t))) for a, b in zip(c1, c2))


def jitter(rng: random.Random, color, amount: int = 12):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in color)


def vertical_gradient(draw: ImageDraw.ImageDraw, box, top, bottom) -> None:
    x0, y0, x1, y1 = box
    h = max(1, y1 - y0)
    for y in range(y0, y1):
        draw.line([(x0, y), (x1, y)], fill=mix(top, bottom, (y - y0) / h))


def ridge(rng: random.Random, w: int, base: float, amp: float, n: int = 5) -> list[tuple[int, int]]:
    """A mountain ridge line: sum of a few random sines."""
    waves = [(rng.uniform(0.5, 4.0) * (k + 1), rng.uniform(0, math.tau), amp / (k + 1.3))
             for k in range(n)]
    pts = []
    for x in range(0, w + 8, 8):
        y = base
        for freq, phase, a in waves:
            y -= a * math.sin(freq * x / w * math.tau / 2 + phase)
        pts.append((x, int(y)))
    return pts


PALETTES = {
    "clear": dict(sky_top=(86, 140, 205), sky_bottom=(196, 221, 238),
                  far=(120, 150, 170), near=(58, 104, 62), field=(104, 150, 70)),
    "misty": dict(sky_top=(170, 184, 196), sky_bottom=(222, 226, 226),
                  far=(150, 162, 170), near=(70, 100, 80), field=(110, 140, 90)),
    "rainy": dict(sky_top=(92, 100, 112), sky_bottom=(160, 166, 170),
                  far=(104, 114, 118), near=(62, 82, 62), field=(96, 118, 74)),
    "golden": dict(sky_top=(120, 150, 200), sky_bottom=(240, 214, 170),
                   far=(140, 140, 150), near=(86, 110, 56), field=(190, 170, 80)),
}


def draw_landscape(img: Image.Image, rng: random.Random, name: str, horizon: float) -> int:
    """Sky, mountain layers, ground. Returns the y of the ground line."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    muddy = any(k in name for k in MUD_WORDS)
    pal_name = "rainy" if muddy else rng.choice(["clear", "clear", "misty", "golden"])
    pal = {k: jitter(rng, v, 10) for k, v in PALETTES[pal_name].items()}

    ground_y = int(h * horizon)
    vertical_gradient(d, (0, 0, w, ground_y + 40), pal["sky_top"], pal["sky_bottom"])

    # Soft clouds
    for _ in range(rng.randint(2, 5)):
        cx, cy = rng.randint(0, w), rng.randint(10, max(12, ground_y // 2))
        rw, rh = rng.randint(40, 120), rng.randint(10, 24)
        col = mix(pal["sky_bottom"], (255, 255, 255), 0.6)
        d.ellipse([cx - rw, cy - rh, cx + rw, cy + rh], fill=col)

    # Mountain layers, far to near
    layers = rng.randint(2, 4)
    for i in range(layers):
        t = i / max(1, layers - 1)
        base = lerp(ground_y - h * 0.22, ground_y - h * 0.02, t)
        amp = lerp(h * 0.10, h * 0.05, t)
        col = mix(mix(pal["far"], pal["sky_bottom"], 0.35), pal["near"], t)
        pts = ridge(rng, w, base, amp)
        d.polygon(pts + [(w, h), (0, h)], fill=jitter(rng, col, 6))

    # Ground
    ground_col = (128, 96, 66) if muddy else pal["field"]
    vertical_gradient(d, (0, ground_y, w, h), mix(ground_col, pal["near"], 0.3),
                      mix(ground_col, (40, 50, 30), 0.35))

    # Field rows (coffee / rice / ginseng beds) converging to a vanishing point
    if any(k in name for k in FIELD_WORDS) or rng.random() < 0.4:
        vx = rng.randint(w // 4, 3 * w // 4)
        row_col = mix(ground_col, (30, 70, 30), 0.5)
        spacing = rng.randint(18, 34)
        for x in range(-w, 2 * w, spacing):
            d.line([(vx, ground_y), (x, h)], fill=row_col, width=rng.randint(3, 6))
        if "ca-phe" in name:  # ripe red cherries
            for _ in range(140):
                x, y = rng.randint(0, w), rng.randint(ground_y + 10, h)
                r = 1 + (y - ground_y) // 60
                d.ellipse([x - r, y - r, x + r, y + r], fill=(170, 40, 36))
        if "hoa-anh-dao" in name or "mang-den" in name:
            for _ in range(60):
                x, y = rng.randint(0, w), rng.randint(ground_y - 40, h)
                r = rng.randint(4, 12)
                d.ellipse([x - r, y - r, x + r, y + r], fill=jitter(rng, (232, 168, 190), 15))

    # River or lake
    if any(k in name for k in WATER_WORDS) or rng.random() < 0.25:
        water = (150, 120, 86) if muddy else mix(pal["sky_bottom"], (60, 110, 140), 0.5)
        x_top = rng.randint(w // 3, 2 * w // 3)
        top_w, bot_w = rng.randint(10, 30), rng.randint(140, 260)
        bend = rng.randint(-120, 120)
        left = [(x_top - top_w, ground_y), (x_top - bot_w // 2 + bend, h)]
        right = [(x_top + bot_w // 2 + bend, h), (x_top + top_w, ground_y)]
        d.polygon(left + right, fill=water)
        for _ in range(12):  # glints
            y = rng.randint(ground_y + 5, h - 5)
            t = (y - ground_y) / max(1, h - ground_y)
            cx = int(lerp(x_top, x_top + bend, t))
            half = int(lerp(top_w, bot_w / 2, t) * 0.6)
            d.line([(cx - half // 2, y), (cx + half // 2, y)],
                   fill=mix(water, (235, 240, 245), 0.45), width=1)

    # Road
    if any(k in name for k in ROAD_WORDS) and rng.random() < 0.85:
        road = (92, 92, 96) if "hoan-thanh" in name or "quoc-lo" in name else (150, 110, 80)
        x_top = rng.randint(w // 3, 2 * w // 3)
        d.polygon([(x_top - 6, ground_y), (x_top + 6, ground_y),
                   (x_top + 170, h), (x_top - 170, h)], fill=road)
        if road[0] < 100:
            for y in range(ground_y + 8, h, 22):
                t = (y - ground_y) / max(1, h - ground_y)
                d.line([(x_top, y), (x_top, y + int(8 + 8 * t))], fill=(225, 215, 170),
                       width=max(1, int(1 + 3 * t)))

    # Landslide scar on a hillside
    if muddy:
        for _ in range(rng.randint(1, 2)):
            x = rng.randint(w // 6, 5 * w // 6)
            top = ground_y - rng.randint(50, 90)
            spread = rng.randint(60, 120)
            pts = [(x - 12, top), (x + 14, top + 2)]
            steps = 6
            for k in range(1, steps + 1):  # right edge going down
                t = k / steps
                pts.append((int(x + 14 + spread * t + rng.randint(-8, 8)),
                            int(lerp(top, ground_y + 36, t))))
            for k in range(steps, 0, -1):  # left edge going up
                t = k / steps
                pts.append((int(x - 12 - spread * 0.8 * t + rng.randint(-8, 8)),
                            int(lerp(top, ground_y + 36, t))))
            d.polygon(pts, fill=jitter(rng, (146, 100, 62), 8))
            for _ in range(10):  # boulders
                bx = rng.randint(x - spread // 2, x + spread // 2)
                by = rng.randint(ground_y, ground_y + 40)
                r = rng.randint(3, 8)
                d.ellipse([bx - r, by - r, bx + r, by + r], fill=(110, 96, 84))

    # Suspension footbridge over the water
    if "cau-treo" in name:
        y = ground_y + int((h - ground_y) * rng.uniform(0.35, 0.55))
        xl, xr = rng.randint(20, 90), rng.randint(w - 90, w - 20)
        tower = (190, 190, 186)
        for tx in (xl, xr):
            d.rectangle([tx - 5, y - 70, tx + 5, y + 4], fill=tower)
        d.line([(xl, y), (xr, y)], fill=(120, 90, 60), width=5)  # deck
        cable = []
        for k in range(0, 41):
            t = k / 40
            cable.append((int(lerp(xl, xr, t)), int(y - 70 + 60 * (1 - (2 * t - 1) ** 2))))
        d.line(cable, fill=(60, 60, 64), width=2)
        for px, py in cable[2:-2:2]:
            d.line([(px, py), (px, y)], fill=(90, 90, 94), width=1)

    # Trees / pines in the middle distance
    for _ in range(rng.randint(6, 18)):
        x = rng.randint(0, w)
        y = ground_y + rng.randint(-10, 25)
        s = rng.randint(8, 22)
        col = jitter(rng, (34, 70, 44), 10)
        d.polygon([(x, y - 3 * s), (x - s, y), (x + s, y)], fill=col)
        d.line([(x, y), (x, y + s // 2)], fill=(70, 50, 35), width=2)
    return ground_y


def draw_buildings(img: Image.Image, rng: random.Random, ground_y: int) -> None:
    w, h = img.size
    d = ImageDraw.Draw(img)
    x = rng.randint(-30, 10)
    while x < w:
        bw = rng.randint(50, 120)
        bh = rng.randint(50, 150)
        top = ground_y + rng.randint(0, 20) - bh
        wall = jitter(rng, rng.choice([(226, 214, 180), (236, 232, 222), (214, 190, 150),
                                       (200, 208, 214), (232, 200, 120)]), 10)
        d.rectangle([x, top, x + bw, ground_y + 20], fill=wall)
        roof = jitter(rng, rng.choice([(150, 60, 44), (90, 96, 110), (170, 90, 60)]), 10)
        if rng.random() < 0.5:
            d.polygon([(x - 6, top), (x + bw // 2, top - rng.randint(14, 30)), (x + bw + 6, top)],
                      fill=roof)
        else:
            d.rectangle([x - 3, top - 6, x + bw + 3, top], fill=roof)
        win = mix(wall, (40, 60, 80), 0.55)
        for wy in range(top + 10, ground_y + 6, 24):
            for wx in range(x + 8, x + bw - 12, 20):
                d.rectangle([wx, wy, wx + 9, wy + 12], fill=win)
        x += bw + rng.randint(4, 30)
    # street / yard in front
    d.rectangle([0, ground_y + 20, w, h], fill=jitter(rng, (150, 146, 136), 8))
    draw_people(d, rng, w, ground_y + 30, h, rng.randint(4, 14))


def draw_people(d: ImageDraw.ImageDraw, rng: random.Random, w: int, y0: int, y1: int, n: int) -> None:
    for _ in range(n):
        y = rng.randint(y0, max(y0 + 1, y1 - 10))
        s = 0.5 + (y - y0) / max(1, (y1 - y0)) * 1.2
        x = rng.randint(0, w)
        body = jitter(rng, rng.choice([(40, 70, 120), (180, 50, 50), (60, 110, 60),
                                       (220, 220, 220), (30, 30, 40)]), 15)
        bw, bh, hr = int(9 * s), int(26 * s), int(5 * s)
        d.rectangle([x - bw, y - bh, x + bw, y], fill=body)
        d.ellipse([x - hr, y - bh - 2 * hr, x + hr, y - bh], fill=(96, 66, 48))


def draw_hall(img: Image.Image, rng: random.Random) -> None:
    """Meeting hall / classroom / workshop seen from the back rows."""
    w, h = img.size
    d = ImageDraw.Draw(img)
    wall = jitter(rng, rng.choice([(214, 200, 178), (196, 206, 214), (226, 222, 210)]), 8)
    vertical_gradient(d, (0, 0, w, h), mix(wall, (255, 255, 255), 0.2), mix(wall, (60, 50, 40), 0.3))
    stage_y = int(h * rng.uniform(0.42, 0.55))
    # backdrop (red for formal meetings, blue/green otherwise)
    back = rng.choice([(170, 30, 34), (170, 30, 34), (40, 80, 140), (50, 110, 90)])
    bx0, bx1 = int(w * rng.uniform(0.08, 0.2)), int(w * rng.uniform(0.8, 0.92))
    by0 = int(h * rng.uniform(0.06, 0.14))
    vertical_gradient(d, (bx0, by0, bx1, stage_y), mix(back, (255, 255, 255), 0.1),
                      mix(back, (0, 0, 0), 0.25))
    # decorative bands and an emblem-like disc (no text)
    d.rectangle([bx0, by0, bx1, by0 + 8], fill=(214, 176, 60))
    cx, cy, r = (bx0 + bx1) // 2, (by0 + stage_y) // 2, int((stage_y - by0) * 0.22)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(220, 180, 60))
    d.ellipse([cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2], fill=mix(back, (0, 0, 0), 0.1))
    # flower pots along the stage edge
    for x in range(bx0, bx1, 36):
        d.ellipse([x, stage_y - 14, x + 28, stage_y + 6], fill=jitter(rng, (220, 190, 60), 20))
    # lectern / table
    tx = rng.randint(bx0, bx1 - 140)
    d.rectangle([tx, stage_y - 40, tx + 140, stage_y], fill=(120, 78, 46))
    # floor
    vertical_gradient(d, (0, stage_y, w, h), (150, 110, 80), (90, 64, 44))
    # audience rows (heads and shoulders), larger toward the camera
    rows = rng.randint(4, 6)
    for i in range(rows):
        t = i / max(1, rows - 1)
        y = int(lerp(stage_y + 20, h + 10, t))
        s = lerp(0.6, 1.8, t)
        step = int(34 * s)
        off = rng.randint(0, step)
        for x in range(-step + off, w + step, step):
            shirt = jitter(rng, rng.choice([(236, 236, 236), (220, 226, 236), (40, 60, 100),
                                           (70, 90, 70), (200, 200, 190)]), 10)
            d.ellipse([x - int(16 * s), y - int(10 * s), x + int(16 * s), y + int(30 * s)], fill=shirt)
            d.ellipse([x - int(9 * s), y - int(30 * s), x + int(9 * s), y - int(8 * s)],
                      fill=jitter(rng, (40, 30, 26), 8))


def render(name: str) -> bytes:
    seed = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    rng = random.Random(seed)
    height = WIDTH * 3 // 4 if seed % 4 == 0 else WIDTH * 5 // 8  # 4:3 or 16:10
    img = Image.new("RGB", (WIDTH, height), (128, 128, 128))

    stem = Path(name).stem
    if any(k in stem for k in HALL_WORDS):
        draw_hall(img, rng)
    else:
        horizon = rng.uniform(0.45, 0.62)
        ground_y = draw_landscape(img, rng, stem, horizon)
        if any(k in stem for k in TOWN_WORDS):
            draw_buildings(img, rng, ground_y)
        elif rng.random() < 0.5:
            draw_people(ImageDraw.Draw(img), rng, WIDTH, ground_y + 20, height, rng.randint(2, 8))

    # Lens softness plus a low-frequency deterministic mottle so it reads as
    # a photo (fine per-pixel grain would blow up the JPEG size).
    img = img.filter(ImageFilter.GaussianBlur(radius=1.2))
    gw, gh = WIDTH // 8, height // 8
    grain = Image.frombytes("L", (gw, gh), rng.randbytes(gw * gh)).resize(
        (WIDTH, height), Image.Resampling.BICUBIC)
    gray = Image.new("L", (WIDTH, height), 128)
    grain = Image.blend(gray, grain, 0.06)
    img = add_grain(img, grain)

    # Vignette
    vign = Image.radial_gradient("L").resize((WIDTH, height))
    dark = Image.new("RGB", (WIDTH, height), (20, 20, 20))
    img = Image.composite(dark, img, vign.point(lambda v: max(0, v - 150) // 2))

    return encode(img)


def add_grain(img: Image.Image, grain: Image.Image) -> Image.Image:
    """Add zero-mean grain (grain is centred on 128)."""
    pos = grain.point(lambda v: max(0, v - 128))
    neg = grain.point(lambda v: max(0, 128 - v))
    pos3 = Image.merge("RGB", (pos, pos, pos))
    neg3 = Image.merge("RGB", (neg, neg, neg))
    return ImageChops.subtract(ImageChops.add(img, pos3), neg3)


def encode(img: Image.Image) -> bytes:
    quality = JPEG_QUALITY
    while True:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, optimize=True, progressive=False)
        data = buf.getvalue()
        if len(data) <= MAX_BYTES or quality <= 40:
            return data
        quality -= 5


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if not a.startswith("--")]
    root = Path(__file__).resolve().parent.parent
    content_dir = Path(args[0]).resolve() if args else root / "content"
    refs = collect_refs(content_dir)
    written = unchanged = problems = 0
    total = 0
    for path in sorted(refs):
        data = render(path.name)
        total += len(data)
        current = path.read_bytes() if path.exists() else None
        if current == data:
            unchanged += 1
            continue
        if check:
            problems += 1
            state = "missing" if current is None else "outdated"
            print(f"{state}: {path.relative_to(content_dir)}")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    print(f"{len(refs)} photos referenced, {written} written, {unchanged} unchanged, "
          f"{total / 1024:.0f} KiB total")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

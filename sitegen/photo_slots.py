"""What the theme needs of a photo, and the plan of the files that give it: slots, crops, names.

A *slot* is a place in the default theme where a photo appears (the article lead, a listing card,
a rail thumbnail, the share image...), with the ratio it is cut to and the widths a browser may pick
from.  `plan_renditions` turns one photo (its digest, its upright pixel size, its focal point) into
the list of `Rendition`s those slots need.  Nothing here reads pixels: the plan is pure arithmetic,
so the build can know every output name (for templates, srcset and the cache) before decoding.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from .vietnamese import slugify

PIPELINE_VERSION = "1"
"""Part of every output name: bump it when decoding or resampling changes the pixels."""

FULL_WIDTHS = (320, 480, 640, 960, 1280, 1600, 1920)
"""Widths for slots that span the article column or more (up to 46rem at DPR 2, and 1920 for big
desktop screens)."""

CENTRE = (0.5, 0.5)

Focus = tuple[float, float]
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Slot:
    """A place in the theme where a photo is shown, and the renditions it needs."""

    name: str
    ratio: tuple[int, int] | None
    """Width:height the photo is cut to (16, 9); None keeps the photo's own shape."""
    widths: tuple[int, ...]
    """Rendition widths offered in srcset, in pixels; never upscaled."""
    sizes: str
    """The `sizes` attribute for the default theme's CSS: how wide the slot is drawn."""
    formats: tuple[str, ...] = ("webp", "jpeg")
    """Encodings written, best first; the last is the fallback every browser reads."""


DEFAULT_SLOTS: tuple[Slot, ...] = (
    # The article lead and body figures: the whole photo, in the 46rem article column.
    Slot("lead", None, FULL_WIDTHS, "(min-width: 48rem) 46rem, calc(100vw - 2rem)"),
    Slot("figure", None, FULL_WIDTHS, "(min-width: 48rem) 46rem, calc(100vw - 2rem)"),
    # The home page's top story and big teasers: two thirds of the 72rem page on desktop.
    Slot("card", (16, 9), (320, 480, 640, 960, 1280, 1600),
         "(min-width: 64rem) 46rem, calc(100vw - 2rem)"),
    # Listing thumbnails: 7.5rem beside the title on phones, 12rem from 40rem up.
    Slot("teaser", (4, 3), (160, 240, 320, 480), "(min-width: 40rem) 12rem, 7.5rem"),
    # "Chuyên mục khác" and rails: small squares.
    Slot("rail", (1, 1), (160, 320), "8rem"),
    # og:image for Facebook and Zalo: 1200x630 is what both show large.
    Slot("share", (40, 21), (1200,), "1200px", ("jpeg",)),
    # JSON-LD `image`: Google asks for 16:9, 4:3 and 1:1, at least 1200 px wide for Discover.
    Slot("schema-16x9", (16, 9), (1200,), "1200px", ("jpeg",)),
    Slot("schema-4x3", (4, 3), (1200,), "1200px", ("jpeg",)),
    Slot("schema-1x1", (1, 1), (1200,), "1200px", ("jpeg",)),
)


@dataclass(frozen=True)
class PhotoSettings:
    """How photos are encoded and which photos are refused: the context every worker receives.

    Passed explicitly (no module state), so forked workers and tests see exactly what the build
    configured."""

    slots: tuple[Slot, ...] = DEFAULT_SLOTS
    webp_quality: int = 80
    jpeg_quality: int = 82
    avif: bool = False
    """Also write AVIF (before WebP in <picture>); off by default: see bench/PHOTOS_RESULTS.md."""
    avif_quality: int = 60
    max_megapixels: float = 100.0
    """Photos with more pixels than this are refused before decoding (decompression bombs)."""
    max_bytes: int = 25_000_000
    """Photo files larger than this are refused before reading them."""
    sharpen_max_width: int = 480
    """Renditions at most this wide get a light unsharp mask (downscaling softens thumbnails)."""

    def formats(self, slot: Slot) -> tuple[str, ...]:
        """The encodings written for `slot`: AVIF is added before WebP when switched on."""
        if self.avif and "webp" in slot.formats and "avif" not in slot.formats:
            return ("avif", *slot.formats)
        return slot.formats

    def encoding(self, fmt: str, width: int) -> str:
        """Everything that changes a rendition's bytes besides its pixels, for its name."""
        quality = {"webp": self.webp_quality, "jpeg": self.jpeg_quality, "avif": self.avif_quality}[fmt]
        return f"{fmt}:q{quality}:sharpen={width <= self.sharpen_max_width}"


@dataclass(frozen=True)
class Rendition:
    """One file written for one slot: a crop of the upright photo scaled to width x height."""

    slot: str
    format: str
    """"webp", "jpeg" or "avif"."""
    width: int
    height: int
    crop: Box
    """(left, top, right, bottom) in the upright photo's pixels (EXIF orientation applied)."""
    name: str
    """File name, readable and content-addressed: "lu-lut-1280x720-3fa9c01b.webp"."""


EXTENSIONS = {"webp": "webp", "jpeg": "jpg", "avif": "avif"}


def parse_focus(text: str) -> Focus:
    """`focus: "0.5,0.3"` from front matter -> (0.5, 0.3); ValueError saying what is wrong."""
    parts = str(text).replace(";", ",").split(",")
    try:
        x, y = (float(part) for part in parts)
    except ValueError:
        raise ValueError(f'focus must be two fractions "x,y" such as "0.5,0.3", not {text!r}') from None
    if not (0 <= x <= 1 and 0 <= y <= 1) or math.isnan(x) or math.isnan(y):
        raise ValueError(f"focus {text!r} is outside the photo: both numbers go from 0 (left, top) "
                         "to 1 (right, bottom)")
    return (x, y)


def crop_box(size: tuple[int, int], ratio: tuple[int, int] | None, focus: Focus = CENTRE) -> Box:
    """The largest box of `ratio` inside a photo of `size`, centred on `focus` as far as the
    edges allow; the focal point always lies inside it."""
    width, height = size
    if ratio is None:
        return (0, 0, width, height)
    rw, rh = ratio
    if width * rh > height * rw:  # wider than the ratio: full height, cut the sides
        crop_w, crop_h = max(1, min(width, round(height * rw / rh))), height
    else:
        crop_w, crop_h = width, max(1, min(height, round(width * rh / rw)))
    left = min(max(0, round(focus[0] * width - crop_w / 2)), width - crop_w)
    top = min(max(0, round(focus[1] * height - crop_h / 2)), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def rendition_widths(slot: Slot, crop_width: int) -> tuple[int, ...]:
    """The slot's widths the crop can give without upscaling; its own width when it is narrower
    than all of them."""
    return tuple(w for w in slot.widths if w <= crop_width) or (crop_width,)


def readable_name(stem: str) -> str:
    """The readable part every rendition name of a photo starts with: its file name, slugified."""
    return slugify(stem)[:60].strip("-") or "photo"


def plan_renditions(stem: str, source_digest: str, size: tuple[int, int], slots: tuple[Slot, ...],
                    focus: Focus = CENTRE, settings: PhotoSettings = PhotoSettings()) -> list[Rendition]:
    """Every rendition `slots` need of one photo, in slot order, widest first within a slot.

    `size` is the upright pixel size (`photos.probe`).  Names depend only on the source's bytes
    (its digest) and the rendition's parameters, so a changed photo gets new URLs and a renamed or
    moved one keeps them.  Slots that need the same pixels (lead and figure) get the same names."""
    readable = readable_name(stem)
    plan = []
    for slot in slots:
        box = crop_box(size, slot.ratio, focus)
        for width, height in rendition_sizes(slot, (box[2] - box[0], box[3] - box[1])):
            for fmt in settings.formats(slot):
                params = f"{PIPELINE_VERSION}|{source_digest}|{box}|{width}x{height}|{settings.encoding(fmt, width)}"
                tag = hashlib.blake2b(params.encode(), digest_size=4).hexdigest()
                name = f"{readable}-{width}x{height}-{tag}.{EXTENSIONS[fmt]}"
                plan.append(Rendition(slot.name, fmt, width, height, box, name))
    return plan


def rendition_sizes(slot: Slot, crop: tuple[int, int]) -> list[tuple[int, int]]:
    """(width, height) of the slot's renditions of a crop of that size, widest first."""
    crop_w, crop_h = crop
    sizes = []
    for width in sorted(rendition_widths(slot, crop_w), reverse=True):
        if slot.ratio is None or width == crop_w:
            sizes.append((width, max(1, round(width * crop_h / crop_w))))
        else:
            sizes.append((width, max(1, round(width * slot.ratio[1] / slot.ratio[0]))))
    return sizes


def resize_steps(size: tuple[int, int], slots: tuple[Slot, ...]) -> tuple[float, dict]:
    """How the pixels of every rendition are made, fixed by the photo's size and the slots alone,
    so that a rendition has the same bytes whether it is made with all the others or alone (a
    rebuild that fills in one missing file gives what a clean build gives):
    the scale the photo is decoded at (the most any slot needs), and for each crop size its
    rendition sizes, widest first, from which smaller ones are resized."""
    scale, steps = 0.0, {}
    for slot in slots:
        box = crop_box(size, slot.ratio)
        crop = (box[2] - box[0], box[3] - box[1])
        sizes = rendition_sizes(slot, crop)
        scale = max(scale, sizes[0][0] / crop[0])
        steps[crop] = sorted(set(steps.get(crop, [])) | set(sizes), reverse=True)
    return scale, steps

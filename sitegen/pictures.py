"""What the theme shows of a photo: its `Picture` in each slot the photo is shown in (<picture>
sources and the fallback <img>), kept as the photo step's stored plan keeps them (`Pictures`), and
the <picture> markup written from them (`picture_html`: body figures, through `with_pictures`, and
the theme's `picture` macro).  The photo step plans them (`photo_plan.py`).
"""

from __future__ import annotations

import html
import pickle
import re
from typing import NamedTuple

from markupsafe import Markup, escape

from .digests import digest


class Picture(NamedTuple):
    """What the theme gets for one photo in one slot: <picture> sources and the fallback <img>.
    (A named tuple: an archive's pictures are rebuilt from the stored plan in every build.)"""

    sources: tuple[tuple[str, str], ...]
    """(MIME type, srcset) of the better formats, best first."""
    srcset: str
    """The fallback format's (JPEG) srcset."""
    src: str
    """The fallback's widest file."""
    width: int
    height: int
    """Of the widest rendition: the photo's shape, so the page keeps its place before it arrives."""
    sizes: str


class Pictures:
    """One photo's Picture in each slot it is shown in, packed as the photo step's stored plan keeps
    them and unpacked only when a page being rendered shows the photo.  An archive's photos are all
    planned in every build, but a rebuild renders few pages: unpickling every photo's srcsets as
    nested tuples (1.4 million objects at 20,000 articles) was the largest part of a rebuild's
    photo step, so the plan holds each photo's as one pickled string (`pack`) beside the names of
    its slots, which is all the views need to know.  Its repr (what page keys digest) holds `key`,
    the digest of the unpacked form, which with the address and the readable name says exactly
    what it expands to."""

    __slots__ = ("slots", "packed", "address", "readable", "key", "sizes", "_entries", "_shown")

    def __init__(self, slots: tuple[str, ...], packed: bytes, address: str, readable: str, key: str,
                 sizes: tuple[tuple[str, str], ...] = ()):
        """`slots`, `packed`, `key`: as `pack` made them (or fewer slots: `only`); `sizes`: (slot,
        `sizes` attribute) replacing the stored one (`with_sizes`)."""
        self.slots, self.packed, self.address, self.readable, self.key = slots, packed, address, readable, key
        self.sizes = sizes
        self._entries: dict[str, tuple] | None = None
        self._shown: dict[str, Picture | None] = {}

    @staticmethod
    def pack(stored: tuple) -> tuple[tuple[str, ...], bytes, str]:
        """(slots, packed, key) of pictures kept as `stored`: ((slot, entry), ...) with the folder's
        address and the readable name left out of each entry (`renditions._compacted`)."""
        return tuple(slot for slot, _ in stored), pickle.dumps(stored, protocol=5), digest(repr(stored)).hex()

    def picture(self, slot: str) -> "Picture | None":
        """The Picture for `slot`, or None when the photo is not shown there."""
        if slot not in self._shown:
            entry = self._entry(slot)
            self._shown[slot] = None if entry is None else self._expanded(entry)
        return self._shown[slot]

    def src(self, slot: str) -> str | None:
        """The address of `slot`'s widest file (shares, search engines), without the rest of its Picture."""
        entry = self._entry(slot)
        return None if entry is None else self._full(entry[2])

    def only(self, slot: str) -> "Pictures | None":
        """The same photo in `slot` alone (a body figure), or None when it is not shown there."""
        if slot not in self.slots:
            return None
        return Pictures((slot,), self.packed, self.address, self.readable, f"{self.key}/{slot}", self.sizes)

    def with_sizes(self, slot: str, sizes: str) -> "Pictures":
        """The same, with `sizes` in `slot` (a photo across the whole screen chooses other widths)."""
        return Pictures(self.slots, self.packed, self.address, self.readable, f"{self.key}/{slot}={sizes}",
                        (*self.sizes, (slot, sizes)))

    def _entry(self, slot: str) -> tuple | None:
        if slot not in self.slots:
            return None
        if self._entries is None:
            self._entries = dict(pickle.loads(self.packed))
        entry = self._entries[slot]
        for name, sizes in self.sizes:
            if name == slot:
                entry = (*entry[:5], sizes)
        return entry

    def _full(self, text: str) -> str:
        return text.replace("\x00", self.readable).replace("\x01", self.address)

    def _expanded(self, entry: tuple) -> Picture:
        sources, srcset, src, width, height, sizes = entry
        full = self._full
        return Picture(tuple((kind, full(text)) for kind, text in sources), full(srcset), full(src), width, height, sizes)

    def __len__(self) -> int:
        return len(self.slots)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pictures) and (self.key, self.address, self.readable) == (
            other.key, other.address, other.readable)

    def __hash__(self) -> int:
        return hash((self.key, self.address, self.readable))

    def __repr__(self) -> str:
        return f"Pictures({self.key!r}, {self.address!r}, {self.readable!r})"

    def __reduce__(self):  # to a cluster's workers: packed, without what this process unpacked
        return Pictures, (self.slots, self.packed, self.address, self.readable, self.key, self.sizes)


_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def with_pictures(body: str, figures: tuple[tuple[str, Pictures], ...]) -> str:
    """The body's <img> of photos the photo step made (by the committed file's address, as the body
    renderer writes it) served as <picture> of their `figure` slot, with its widths, formats and
    size; others unchanged."""
    if not figures:
        return body
    by_url = dict(figures)

    def served(match: re.Match) -> str:
        attributes = {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(match[0])}
        shown = by_url.get(attributes.get("src", ""))
        picture = shown.picture("figure") if shown is not None else None
        if picture is None:
            return match[0]
        return picture_html(picture, attributes.get("alt", ""), title=attributes.get("title", ""))
    return _IMG.sub(served, body)


def picture_html(picture: Picture, alt: str, eager: bool = False, title: str = "") -> Markup:
    """The <picture> of one photo in one slot: its better formats, the JPEG fallback, width and
    height (the page keeps the photo's place), eager and first for the LCP photo, else lazy.
    The one place this markup is written: body figures, and the theme's `picture` macro
    (`picture_tag` in templates)."""
    sources = "".join(f'<source type="{kind}" srcset="{escape(srcset)}" sizes="{escape(picture.sizes)}">'
                      for kind, srcset in picture.sources)
    extra = f' title="{escape(title)}"' if title else ""
    loading = ' fetchpriority="high"' if eager else ' loading="lazy"'
    return Markup(f'<picture>{sources}<img src="{escape(picture.src)}" srcset="{escape(picture.srcset)}" '
                  f'sizes="{escape(picture.sizes)}" width="{picture.width}" height="{picture.height}" '
                  f'alt="{escape(alt)}"{extra}{loading} decoding="async"></picture>')

"""The photo step's plan: every photo of a published article (lead, body figures), with the
renditions the theme's slots need and what the theme shows of them (`photo_slots.py` plans the
files of one photo, `pictures.py` holds what the theme shows; `renditions.py` makes the files).

Each photo is known by the digest of its bytes (`BuildCache.file_digests`, hashed again only when
its stamp moved); its header size is stored under that digest, its renditions are named by it.  So
a rebuild plans nothing for an unchanged photo, a renamed or moved photo costs nothing, and a photo
replaced under its name gets new file names.

Planning is a stored step: what the previous build planned for each photo (its renditions' names,
the pictures the theme gets) is kept in one table, and reused for every photo whose inputs — its
bytes, its place, its use (lead or figure), its focal point — are the ones it was planned from.  A
rebuild of an archive of 20,000 photos, none changed, plans none of them again; and when every
photo's stamp and use is the one the last build recorded (`TAKEN_WHOLE`), it takes the stored plans
as they are, without looking up a photo's digest or comparing its inputs.

A lead photo gets every slot (article page, listings, shares); a photo only shown in the body gets
the `figure` slot.
"""

from __future__ import annotations

import marshal
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping, NamedTuple
from urllib.parse import quote

from .digests import digest, stamp_of, stamp_settled
from .errors import Problem
from .photo_slots import CENTRE, Focus, PhotoSettings, Rendition, plan_renditions, readable_name
from .photos import PhotoError, probe
from .pictures import Picture, Pictures
from .workers import Workers, workers_for

class PhotoFiles(NamedTuple):
    """What the photo step plans for one photo: its renditions' place in output/, and what the
    theme shows of it (the renditions' names are the plan's, by folder: `PhotoPlan.folders`)."""

    folder: str
    """Where they go in output/: the original's folder under media/."""
    size: tuple[int, int] = (0, 0)
    """The photo's upright size in pixels."""
    pictures: "Pictures | None" = None
    """What the theme shows of it, in each slot it is shown in."""


MIME = {"webp": "image/webp", "avif": "image/avif", "jpeg": "image/jpeg"}


Users = list[tuple[str, int | None, str]]
"""(article, line, field) of each place a photo is used: where its problems are reported."""


@dataclass
class PhotoUse:
    """One photo file as the published articles use it."""

    output_path: str
    """The original's place in output/ (its renditions go in the same folder)."""
    users: Users = field(default_factory=list)
    lead: bool = False
    """Some article leads with it: it needs every slot, not only `figure`."""
    focus: Focus = CENTRE
    """The first focal point an article gives it."""


def settings_of(photos) -> PhotoSettings:
    """The PhotoSettings that `[photos]` in config.toml (a `config.Photos`) asks for."""
    widths = dict(photos.widths)
    slots = tuple(replace(slot, widths=widths[slot.name]) if slot.name in widths else slot
                  for slot in PhotoSettings().slots)
    return PhotoSettings(slots=slots, webp_quality=photos.webp_quality, jpeg_quality=photos.jpeg_quality,
                         avif=photos.avif, avif_quality=photos.avif_quality,
                         max_megapixels=float(photos.max_megapixels), max_bytes=photos.max_megabytes * 1_000_000)


def used_photos(articles) -> dict[str, PhotoUse]:
    """file -> how `articles` use it: every photo they show (lead, `images`, body)."""
    uses: dict[str, PhotoUse] = {}
    for article in articles:
        lead = article.image.file if article.image is not None else None
        gallery = {p.file for p in article.gallery} if article.gallery else ()
        for photo in article.photos:
            use = uses.get(photo.file)
            if use is None:
                use = uses[photo.file] = PhotoUse(photo.output_path)
            is_lead = photo.file == lead
            field_name = "image" if is_lead else "gallery" if photo.file in gallery else \
                "images" if photo.declared else "body image"
            use.users.append((article.source, photo.line, field_name))
            use.lead = use.lead or is_lead
            if photo.focus is not None and use.focus == CENTRE:
                use.focus = tuple(photo.focus)
    return uses


PLANS = "photo-plans"
"""The stored step: output path of each photo -> what the previous build planned for it."""


class PhotoPlan(NamedTuple):
    files: dict[str, PhotoFiles]
    """file -> its renditions and pictures."""
    folders: dict[str, tuple[str, ...]]
    """Output folder -> the names of the renditions that go in it, sorted."""
    problems: list[Problem]
    fresh: int
    """How many photos were planned afresh."""
    generation: bytes
    """Names the stored table this plan is part of: new whenever the table changes."""
    digests: dict[str, bytes]
    """file -> the digest of its bytes (what its renditions are named by)."""


PLANNED_HERE_BELOW = 64
"""Fewer photos than this to plan afresh are planned in this process: forking costs more than it saves."""


TAKEN_WHOLE = "photo-step"
"""The stored step taken whole: the digest of everything the photo step reads (`_step_key`) -> the
generation of the stored plans it gave.  A rebuild whose photos and uses are all as they were
takes the plan as stored: no photo's bytes looked up, no photo's inputs compared (0.25 s of a
20,000-article rebuild)."""


def plan_photos(uses: dict[str, PhotoUse], cache: Any, settings: PhotoSettings, base_url: str = "/",
                jobs: "int | Workers" = 1, stamps: Mapping[str, tuple] | None = None,
                stamped_at: int | None = None) -> PhotoPlan:
    """Each photo's renditions and pictures, with addresses under `base_url` (the site's base
    path).  A photo planned by an earlier build from the same inputs is taken from the stored
    plans; the others are planned by the workers (`jobs`: a cold build of 100,000 articles has
    165,000 of them); a photo that cannot be read is a problem on each article using it.
    `stamps`: the photo files' `stamp_of`, taken at `stamped_at` (the build's input check), else
    each is asked for here."""
    settings_key = digest(repr(settings))  # the stored pictures' addresses leave out `base_url`
    generation, stored, folders = cache.value(PLANS, settings_key) or (b"", {}, {})
    if stamps is None or stamped_at is None:
        stamps, stamped_at = {}, time.time_ns()
    stamps = {file: stamps.get(file) or stamp_of(os.stat(file)) for file in uses}
    step_key = _step_key(uses, stamps, settings_key, base_url)
    taken = cache.value(TAKEN_WHOLE, step_key)
    if generation and taken == generation:
        plan = _as_stored(uses, stored, folders, generation, base_url)
        if plan is not None:
            return plan
    digests = cache.file_digests(list(uses), stamps)
    planned, problems, fresh, table, addresses = {}, [], [], {}, {}
    for file, use in uses.items():
        entry = stored.get(use.output_path)
        if entry is not None and entry[0] == _plan_inputs(file, use, digests[file]):
            planned[file] = _photo_files(entry, use.output_path, addresses, base_url)
            table[use.output_path] = entry
        else:
            fresh.append(file)
    fresh.sort()
    limits = f"{settings.max_megapixels}:{settings.max_bytes}"  # a photo accepted under other limits is probed again
    size_keys = {file: f"photo-size:{digests[file].hex()}:{limits}" for file in fresh}
    sizes = cache.values({size_keys[file]: digests[file] for file in fresh})
    todo = [(file, _plan_inputs(file, uses[file], digests[file]), uses[file].output_path.rpartition("/")[0],
             sizes.get(size_keys[file])) for file in fresh]
    found, names_of = {}, {}
    with workers_for(jobs).over((settings, base_url), len(todo) >= PLANNED_HERE_BELOW, chunksize=64) as mapped:
        for (file, inputs, folder, known), outcome in zip(todo, mapped(_plan_one, todo)):
            if isinstance(outcome, PhotoError):
                problems += refused(file, outcome, uses[file].users)
                continue
            size, readable, slots, packed, key, names = outcome
            if known is None:
                found[size_keys[file]] = (digests[file], size)
            entry = table[uses[file].output_path] = (inputs, size, readable, slots, packed, key)
            planned[file] = _photo_files(entry, uses[file].output_path, addresses, base_url)
            names_of[uses[file].output_path] = names
    cache.store_values(found)
    if table.keys() != stored.keys() or fresh:
        # The rendition names of each folder a photo came into, left or changed in (`link_folder`
        # takes a folder's names as one); the other folders' are as stored.
        changed = {path.rpartition("/")[0] for path in table.keys() ^ stored.keys()}
        changed.update(uses[file].output_path.rpartition("/")[0] for file in fresh)
        named: dict[str, set[str]] = {folder: set() for folder in changed}
        for path, (inputs, size, *_) in table.items():
            names = named.get(path.rpartition("/")[0])
            if names is not None:
                names.update(names_of[path] if path in names_of else
                             (r.name for r in _renditions(inputs, size, settings)))
        folders = dict(sorted({**{f: n for f, n in folders.items() if f not in changed},
                               **{f: tuple(sorted(n)) for f, n in named.items() if n}}.items()))
        generation = os.urandom(16)
        cache.store_value(PLANS, settings_key, (generation, table, folders))
    # Its stamps prove the photos unchanged next time only if none changed within the clock's step
    # of the moment they were taken (as `BuildCache.file_digests` asks of each).
    if not problems and taken != generation and all(stamp_settled(stamp, stamped_at) for stamp in stamps.values()):
        cache.store_value(TAKEN_WHOLE, step_key, generation)
    return PhotoPlan(planned, folders, problems, len(fresh), generation, digests)


def _step_key(uses: dict[str, PhotoUse], stamps: dict[str, tuple], settings_key: bytes, base_url: str) -> bytes:
    """The digest of everything the photo step reads: the settings, the base path, and of each
    photo its file's name and stamp, its place in output/, its use and its focal point."""
    # (marshal's version 2 writes no back-references: the same values give the same bytes)
    return digest(settings_key, base_url, marshal.dumps(
        [(file, use.output_path, use.lead, use.focus, stamps[file]) for file, use in uses.items()], 2))


def _as_stored(uses: dict[str, PhotoUse], stored: dict, folders: dict, generation: bytes, base_url: str) -> PhotoPlan | None:
    """The plan of `uses` as the stored plans hold it (made from these very inputs); None if one
    is missing there."""
    planned, digests, addresses = {}, {}, {}
    for file, use in uses.items():
        entry = stored.get(use.output_path)
        if entry is None:
            return None
        planned[file] = _photo_files(entry, use.output_path, addresses, base_url)
        digests[file] = entry[0][0]  # (the content digest leads a photo's `_plan_inputs`)
    return PhotoPlan(planned, folders, [], 0, generation, digests)


def _photo_files(entry: tuple, output_path: str, addresses: dict[str, str], base_url: str) -> PhotoFiles:
    """A photo's PhotoFiles from its entry in the stored plans; `addresses`: each folder's address
    under `base_url`, made once per folder."""
    _, size, readable, slots, packed, key = entry
    folder = output_path.rpartition("/")[0]
    address = addresses.get(folder) or addresses.setdefault(folder, _address(base_url, folder))
    return PhotoFiles(folder, size, Pictures(slots, packed, address, readable, key))


def _plan_one(context: tuple[PhotoSettings, str], job: tuple) -> tuple | PhotoError:
    """One photo's plan, made by a worker: (upright size, readable name, its pictures as the stored
    plan keeps them (`Pictures.pack`: slots, packed, key), its renditions' names); or why it cannot be published (sent
    back, not raised: one bad photo among thousands is a problem of its articles, not the end of
    the map).  `job`: (file, `_plan_inputs`, output folder, its size if known, else None)."""
    settings, base_url = context
    file, inputs, folder, size = job
    if size is None:
        try:
            info = probe(Path(file), settings)
        except PhotoError as error:
            return error
        size = (info.width, info.height)
    renditions = _renditions(inputs, tuple(size), settings)
    readable = readable_name(os.path.splitext(os.path.basename(file))[0])
    address = _address(base_url, folder)
    shown = _compacted(tuple(pictures(renditions, folder, base_url, settings).items()), address, readable)
    return (tuple(size), readable, *Pictures.pack(shown), tuple(r.name for r in renditions))


def _plan_inputs(file: str, use: PhotoUse, content: bytes) -> tuple:
    """What one photo's plan depends on besides the settings and its place in output/ (the
    table's key): its bytes, its name (the readable part of the renditions' names), its use and
    its focal point.  Not the base path: the stored addresses leave it out."""
    return (content, file.rpartition("/")[2], use.lead, use.focus)


def _address(base_url: str, folder: str) -> str:
    return f"{base_url}{quote(folder)}/"


def _compacted(shown: tuple[tuple[str, Picture], ...], address: str, readable: str) -> tuple:
    """A photo's pictures as the stored plan keeps them: without the folder's address and the
    readable part of the renditions' names, which repeat in each of its dozens of srcset entries
    (an archive's plan is read by every build); `Pictures` puts them back exactly (no address
    holds the control characters that stand for them)."""
    def short(text: str) -> str:
        return text.replace(address, "\x01").replace(readable, "\x00")
    return tuple((slot, (tuple((kind, short(srcset)) for kind, srcset in picture.sources), short(picture.srcset),
                         short(picture.src), picture.width, picture.height, picture.sizes))
                 for slot, picture in shown)


def renditions_of(file: str, use: PhotoUse, content: bytes, size: tuple[int, int],
                  settings: PhotoSettings) -> list[Rendition]:
    """Every rendition the photo's use needs: a lead photo gets every slot, a body photo `figure`."""
    return _renditions(_plan_inputs(file, use, content), size, settings)


def _renditions(inputs: tuple, size: tuple[int, int], settings: PhotoSettings) -> list[Rendition]:
    """The same, from what the stored plan keeps of the photo (`_plan_inputs`)."""
    content, name, lead, focus = inputs
    slots = settings.slots if lead else tuple(slot for slot in settings.slots if slot.name == "figure")
    return plan_renditions(os.path.splitext(name)[0], content.hex(), size, slots, focus, settings)


def refused(file: str, error: PhotoError, users: Users) -> list[Problem]:
    """A photo that cannot be published, as a problem on each article (and field) that uses it."""
    return [Problem(source, f"{field}: the photo {os.path.basename(file)!r}: {error.message}", error.hint, line)
            for source, line, field in users]


def pictures(renditions: list[Rendition], folder: str, base_url: str, settings: PhotoSettings) -> dict[str, Picture]:
    """slot name -> Picture of one photo's renditions in output `folder`, with addresses under
    `base_url` (the site's base path)."""
    address = _address(base_url, folder)
    by_slot: dict[str, dict[str, list[Rendition]]] = {}
    for rendition in renditions:
        by_slot.setdefault(rendition.slot, {}).setdefault(rendition.format, []).append(rendition)
    result = {}
    for slot in settings.slots:
        mine = by_slot.get(slot.name)
        if not mine:
            continue

        def srcset(fmt: str) -> str:
            return ", ".join(f"{address}{r.name} {r.width}w" for r in sorted(mine.get(fmt, ()), key=_width))
        formats = settings.formats(slot)
        widest = max(mine[formats[-1]], key=_width)
        result[slot.name] = Picture(tuple((MIME[fmt], srcset(fmt)) for fmt in formats[:-1]), srcset(formats[-1]),
                                    address + widest.name, widest.width, widest.height, slot.sizes)
    return result


def _width(rendition: Rendition) -> int:
    return rendition.width

"""The photo step of a build: the lead photos of published articles, turned into the renditions the
theme's slots need (`photos.py` makes the pixels, `photo_slots.py` the plan).

Each photo is known by the digest of its bytes (`BuildCache.file_digests`, hashed again only when
its stamp moved); its header size is stored under that digest, its renditions are files in
`.sitegen-cache/renditions/` named by it.  So a rebuild encodes nothing for an unchanged photo, a
renamed or moved photo costs nothing, and a photo replaced under its name gets new file names.
Missing renditions are made in forked worker processes, one decode per photo.

This step covers the lead photo (article page, listings, shares); body figures still show the file
the editor committed, which is therefore still published (see docs/photos.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .errors import Problem
from .photo_slots import CENTRE, PhotoSettings, Rendition, plan_renditions
from .photos import PhotoError, process_photo, probe
from .workers import forked_map

FOLDER = "renditions"
"""In the cache folder (or the build's scratch folder without a cache)."""


@dataclass(frozen=True)
class Picture:
    """What the theme gets for one photo in one slot: <picture> sources and the fallback <img>."""

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


@dataclass(frozen=True)
class PhotoFiles:
    """The renditions one photo gets, with their place in output/."""

    renditions: tuple[Rendition, ...]
    folder: str
    """Where they go in output/: the original's folder under media/."""


MIME = {"webp": "image/webp", "avif": "image/avif", "jpeg": "image/jpeg"}


def lead_photos(articles) -> dict[str, tuple[str, list[tuple[str, int | None, str]]]]:
    """file -> (its output path, [(article, line, field)]) of the lead photos of `articles`."""
    photos: dict[str, tuple[str, list]] = {}
    for article in articles:
        if article.image is not None:
            entry = photos.setdefault(article.image.file, (article.image.output_path, []))
            entry[1].append((article.source, article.line_of("image"), "image"))
    return photos


def plan_photos(photos: dict[str, tuple[str, list[tuple[str, int | None, str]]]], digests: dict[str, bytes],
                cache: Any, settings: PhotoSettings) -> tuple[dict[str, PhotoFiles], list[Problem]]:
    """file -> its renditions, for `photos` (file -> (output path, [(article, line, field)])).
    A photo that cannot be read is a problem on each article that uses it."""
    planned, problems = {}, []
    for file, (output_path, users) in sorted(photos.items()):
        digest = digests[file].hex()
        size = cache.value(f"photo-size:{digest}", digests[file])
        if size is None:
            try:
                info = probe(Path(file), settings)
            except PhotoError as error:
                problems += _refused(file, error, users)
                continue
            size = (info.width, info.height)
            cache.store_value(f"photo-size:{digest}", digests[file], size)
        stem = os.path.splitext(os.path.basename(file))[0]
        planned[file] = PhotoFiles(tuple(plan_renditions(stem, digest, size, settings.slots, CENTRE, settings)),
                                   os.path.dirname(output_path))
    return planned, problems


def _make(job: tuple[str, tuple[Rendition, ...], str, PhotoSettings]) -> tuple[str, PhotoError | None]:
    file, renditions, folder, settings = job
    try:
        process_photo(Path(file), list(renditions), Path(folder), settings)
        return file, None
    except PhotoError as error:
        return file, error


def make_renditions(planned: dict[str, PhotoFiles], folder: Path, settings: PhotoSettings, jobs: int,
                    users: dict[str, list[tuple[str, int | None, str]]]) -> list[Problem]:
    """Encode every planned rendition not yet in `folder`; the problems of photos that fail to decode."""
    todo = [(file, files.renditions, str(folder), settings) for file, files in sorted(planned.items())
            if any(not (folder / r.name).exists() for r in files.renditions)]
    problems = []
    with forked_map(jobs, len(todo) > 1) as mapped:
        for file, error in mapped(_make, todo):
            if error is not None:
                problems += _refused(file, error, users[file])
    return problems


def _refused(file: str, error: PhotoError, users: list[tuple[str, int | None, str]]) -> list[Problem]:
    """A photo that cannot be published, as a problem on each article (and field) that uses it."""
    return [Problem(source, f"{field}: the photo {os.path.basename(file)!r}: {error.message}", error.hint, line)
            for source, line, field in users]


def pictures(files: PhotoFiles, base_url: str, settings: PhotoSettings) -> dict[str, Picture]:
    """slot name -> Picture, with addresses under `base_url` (the site's base path)."""
    result = {}
    for slot in settings.slots:
        mine = [r for r in files.renditions if r.slot == slot.name]
        if not mine:
            continue

        def srcset(fmt: str) -> str:
            return ", ".join(f"{base_url}{quote(files.folder)}/{r.name} {r.width}w"
                             for r in sorted(mine, key=lambda r: r.width) if r.format == fmt)
        formats = settings.formats(slot)
        widest = max((r for r in mine if r.format == formats[-1]), key=lambda r: r.width)
        result[slot.name] = Picture(
            tuple((MIME[fmt], srcset(fmt)) for fmt in formats[:-1]), srcset(formats[-1]),
            f"{base_url}{quote(files.folder)}/{widest.name}", widest.width, widest.height, slot.sizes)
    return result

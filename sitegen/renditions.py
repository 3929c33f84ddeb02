"""The photo step's files: the renditions of the plan (`photo_plan.py`) encoded into
`.sitegen-cache/renditions/`, named by the digest of the photo's bytes, so that a rebuild encodes
nothing for an unchanged photo; and the ones no recent build uses swept away.  Missing renditions
are made by the build's workers (forked processes, or a cluster's, which send the bytes back), one
decode per photo.  The originals are published only when `[photos] publish_originals` says so.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .digests import digest, folder_stamp, settled
from .errors import Problem
from .photo_plan import PhotoFiles, PhotoPlan, PhotoUse, refused, renditions_of
from .photo_slots import PhotoSettings, Rendition
from .photos import PhotoError, encode_renditions, process_photo, store_rendition, verify
from .workers import Workers, workers_for

FOLDER = "renditions"
"""In the cache folder (or the build's scratch folder without a cache)."""


def verify_photos(planned: dict[str, PhotoFiles], uses: dict[str, PhotoUse], digests: dict[str, bytes], cache: Any,
                  settings: PhotoSettings) -> list[Problem]:
    """The problems of photos damaged past their header, found by decoding them (what `check`
    does; the build finds the same while making renditions).  A photo that decoded is not decoded
    again while its bytes stay the same."""
    problems = []
    key_of = {file: f"photo-decodes:{digests[file].hex()}:{settings.max_megapixels}:{settings.max_bytes}"
              for file in planned}
    decoded = cache.values({key_of[file]: digests[file] for file in planned})
    for file in sorted(planned):
        key = key_of[file]
        if decoded.get(key):
            continue
        try:
            verify(Path(file), settings)
        except PhotoError as error:
            problems += refused(file, error, uses[file].users)
            continue
        cache.store_value(key, digests[file], True)
    return problems


@dataclass(frozen=True)
class _RenditionJob:
    settings: PhotoSettings
    folder: str | None
    """Where workers write renditions; None where they cannot (a cluster's machines): they send
    the bytes back, and this process writes them."""


def _make(job: _RenditionJob, item: tuple[str, tuple[Rendition, ...]]) -> tuple[str, PhotoError | None, dict[str, bytes]]:
    file, renditions = item
    try:
        if job.folder is None:
            return file, None, encode_renditions(Path(file), list(renditions), job.settings)
        process_photo(Path(file), list(renditions), Path(job.folder), job.settings)
        return file, None, {}
    except PhotoError as error:
        return file, error, {}


PRESENT = "renditions-present"
"""The stored step: the renditions folder's stamp when it last held every file of a plan generation."""


def make_renditions(plan: PhotoPlan, folder: Path, settings: PhotoSettings, jobs: "int | Workers",
                    uses: dict[str, PhotoUse], cache: Any) -> list[Problem]:
    """Encode every planned rendition not yet in `folder`; the problems of photos that fail to decode.

    A rebuild whose plan is the one the folder was last found complete for, the folder unchanged
    since (no file added, removed or renamed in it moves its stamp), has nothing to look for."""
    stamp = folder_stamp(str(folder))
    if plan.generation and stamp is not None and cache.value(PRESENT, plan.generation) == stamp:
        return []
    try:
        made = set(os.listdir(folder))  # one listing, not a stat per rendition (a million at 20,000 photos)
    except FileNotFoundError:
        made = set()
    lacking = {output_folder for output_folder, names in plan.folders.items() if not made.issuperset(names)}
    todo = []
    for file, files in sorted(plan.files.items()):
        if files.folder in lacking:  # only then is the plan of its pixels needed
            renditions = renditions_of(file, uses[file], plan.digests[file], files.size, settings)
            missing = tuple(r for r in renditions if r.name not in made)
            if missing:
                todo.append((file, missing))
    workers = workers_for(jobs)
    problems = []
    with workers.over(_RenditionJob(settings, str(folder) if workers.shares_memory else None), len(todo) > 1,
                      batch=32) as mapped:
        for file, error, encoded in mapped(_make, todo):
            if error is not None:
                problems += refused(file, error, uses[file].users)
            if encoded:
                folder.mkdir(parents=True, exist_ok=True)
            for name, data in encoded.items():
                if name not in made:  # photos with the same bytes share their renditions' names
                    store_rendition(folder, name, data)
                    made.add(name)
    stamp = folder_stamp(str(folder))
    if not problems and plan.generation and stamp is not None and settled(stamp[0], time.time_ns()):
        cache.store_value(PRESENT, plan.generation, stamp)  # (a folder changed within the clock's step proves nothing)
    return problems


SWEEP_AFTER_DAYS = 30
"""A rendition no build of any output folder has used for this long is deleted from the cache."""


def sweep_renditions(folder: Path, cache: Any, output_dir: Path, plan: PhotoPlan) -> int:
    """Delete from the cache's `folder` the renditions no recent build uses (a photo replaced, a
    setting changed, an article removed); returns how many.  Each output folder's build (`build`,
    the preview's drafts) records the names it uses; the folder is only listed when those changed,
    which a plan of the generation this output folder last swept for cannot have: then not even
    the record of every name (150,000 at 20,000 articles) is read."""
    target = os.path.abspath(output_dir)  # not its link target: output/ switches between two trees
    swept = f"renditions-swept:{target}"
    if cache.value(swept, plan.generation) is not None:
        return 0
    key = digest("\n".join(name for names in plan.folders.values() for name in names))
    uses = cache.value("renditions-used", b"") or {}
    if target in uses and uses[target][1] == key:
        cache.store_value(swept, plan.generation, True)
        return 0
    now = time.time()
    uses = {where: use for where, use in uses.items() if now - use[0] < SWEEP_AFTER_DAYS * 86400}
    uses[target] = (now, key, frozenset(name for names in plan.folders.values() for name in names))
    try:
        cache.store_value("renditions-used", b"", uses)
        cache.store_value(swept, plan.generation, True)
    except OSError:  # a full disk: the site is published all the same; sweep next time
        return 0
    kept = set().union(*(use[2] for use in uses.values()))
    removed = 0
    # Housekeeping after the site is published: a file that cannot be removed stays for next time.
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.name not in kept and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
    return removed

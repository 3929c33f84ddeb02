"""Rendered pages kept for later builds, by the digest of their inputs (the page key).

The live tree already spares a rebuild the pages whose key did not change.  The page store spares
the rest of the cases where a page's bytes were made before: a build on a fresh clone with
`.sitegen-cache/` restored (CI: no output tree at all), and a page whose inputs come back to an
earlier state (an edit undone).  Page keys are made of contents and site-relative names, never of
this machine's paths or file stamps, so a store restored anywhere gives the same pages.

Each page is a file `.sitegen-cache/pages/<key>`, a hard link to the page as a tree published it
(no second copy on disk), with the digest of its bytes, its size and its mtime in the cache's
`steps` table: a stored page is used only if it still has that size and mtime, or else bytes with
that digest (a published file edited in place, which shares the inode, is rendered afresh
instead).  Pages no build uses any more go once they outnumber the live ones, so the store follows
the site's size, not its history.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from .digests import digest

STEP = "page"
"""The pages' rows in the cache's `steps` table."""


class PageStore:
    def __init__(self, cache: Any):
        """`cache`: the build's `BuildCache`; without a cache folder, the store holds nothing."""
        self.cache = cache
        self.folder: Path | None = cache.subfolder("pages")

    def stored(self, keys: set[bytes]) -> dict[bytes, tuple[Path, bytes]]:
        """key -> (file, digest of its bytes) of the pages made from inputs `key` that are stored
        and whole."""
        if self.folder is None:
            return {}
        found = {}
        for key, (expected, size, mtime_ns) in self.cache.step_results(STEP, keys).items():
            path = self.folder / key.hex()
            try:
                held = os.stat(path)
                # As the build that stored it left it (a write moves the mtime), or else with the
                # same bytes (a copy of the cache that lost the times): reading and hashing every
                # page was most of a CI build's render stage.
                if (held.st_size, held.st_mtime_ns) == (size, mtime_ns) or digest(path.read_bytes()) == expected:
                    found[key] = (path, expected)  # (the digest as `OutputWriter` records a page)
            except OSError:
                continue
        return found

    def keep(self, pages: Iterable[tuple[bytes, str, bytes]], used: set[bytes]) -> None:
        """Store (key, the file holding the page now, digest of its bytes) of this build's pages
        not stored yet; `used`: every page key of this build."""
        if self.folder is None:
            return
        present = set(os.listdir(self.folder))
        fresh = {}
        for key, path, content in pages:
            name = key.hex()
            if name in present:
                continue
            try:
                os.link(path, self.folder / name)
                held = os.stat(self.folder / name)
            except OSError:
                continue  # another filesystem, a file gone: the store is only a cache
            present.add(name)
            fresh[key] = (content, held.st_size, held.st_mtime_ns)
        self.cache.store_step_results(STEP, fresh, used)
        if len(present) > 2 * len(used) + 100:
            for name in present - {key.hex() for key in used}:
                try:
                    os.unlink(self.folder / name)
                except OSError:
                    pass

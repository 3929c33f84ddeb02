"""Whether the build cache can be trusted: every stored value is sealed with a digest of itself,
checked when it is read, and SQLite's errors on a damaged or unreadable cache file become
`CacheDamaged`.

A build that meets `CacheDamaged` sets the cache aside and builds again without it (`build.build`,
`cache.set_aside`) instead of publishing what a damaged row says.  A full or read-only disk is not
damage: it is raised as the `OSError` it is, and the build reports it as such.  `cache.py` and
`output_records.py` store and read every value through these.
"""

from __future__ import annotations

import errno
import functools
import os
import sqlite3

from .digests import digest

SEAL = 16
"""Bytes of the digest that leads every stored value."""


class CacheDamaged(Exception):
    """The cache cannot be trusted (unreadable, or a value whose digest does not match)."""


def seal(data: bytes) -> bytes:
    return digest(data) + data


def unseal(value: bytes | None, what: str) -> bytes:
    # (checked through a view: a stored plan of an archive's photos is tens of megabytes)
    if value is None or len(value) < SEAL or digest(memoryview(value)[SEAL:]) != value[:SEAL]:
        raise CacheDamaged(f"a damaged entry ({what})")
    return value[SEAL:]


def guarded(method):
    """SQLite's errors on a damaged or unreadable cache file become CacheDamaged."""
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            # A full or read-only disk is not damage: the build reports it as such.
            if "full" in str(exc):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.folder)) from None
            if "readonly" in str(exc):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self.folder)) from None
            raise CacheDamaged(str(exc)) from None
    return call

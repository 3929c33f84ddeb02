"""Digests and file stamps: how sitegen knows that an input is the one it saw before.

A digest is of contents (BLAKE2b, 16 bytes), never of a path on this machine, so what it keys is
valid wherever the site is checked out; a stamp (size, mtime, ctime, inode) only spares hashing a
file again on the machine that hashed it.  `same_file` and `same_bytes` tell whether two files are
one (a hard link) or hold the same bytes, which spares publishing a file again.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from . import __version__


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """sitegen's version and a digest of its own source: any change to the code (a release, or a
    developer's edit) invalidates what the cache made with the old code."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def digest(*parts: bytes | str) -> bytes:
    """A 16-byte BLAKE2b digest of the parts (strings as UTF-8), unambiguous about part borders."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


def file_digest(path: str | Path) -> bytes:
    """The digest of a file's bytes, read in blocks (photos can be large)."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as file:
        while block := file.read(1 << 20):
            h.update(block)
    return h.digest()


def racy_margin(mtime_ns: int) -> int:
    """How close to a stamp's taking a change can leave it unchanged: the filesystem's mtime step.
    Nanosecond stamps (ext4, xfs, btrfs, APFS) move at least every clock tick, 10 ms at worst;
    whole-second stamps (FAT, HFS+) may stand still for 2 s."""
    return 2_000_000_000 if mtime_ns % 1_000_000_000 == 0 else 20_000_000


def settled(changed_ns: int, at_ns: int) -> bool:
    """Whether a stamp taken at `at_ns` proves a change at `changed_ns` was the last one: the
    change is older than the filesystem's clock step (`racy_margin`), so a later change would have
    moved the stamp."""
    return changed_ns < at_ns - racy_margin(changed_ns)


def stamp_settled(stamp: tuple[int, int, int, int], at_ns: int) -> bool:
    """`settled` for a file's `stamp_of`: neither its content (mtime) nor its inode (ctime)
    changed within the clock's step of `at_ns`."""
    return settles_at(stamp) < at_ns


def settles_at(stamp: tuple[int, int, int, int]) -> int:
    """From when a stamp taken of the file proves its last change: its later change (mtime or
    ctime) plus the coarser clock step of the two where they differ (a whole-second mtime may come
    from a filesystem or a copying tool that keeps only seconds)."""
    return max(stamp[1], stamp[2]) + max(racy_margin(stamp[1]), racy_margin(stamp[2]))


def stamp_of(stat: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file may have changed: size, mtime, and ctime and inode, which no copying tool
    can set back (`cp -p` and unzip keep the mtime; a write still moves the ctime)."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def folder_stamp(path: str) -> tuple[int, int] | None:
    """(mtime_ns, inode) of a folder: what moves when a file is added to it, removed from it or
    renamed in it, or when the folder is replaced; None where there is none."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_ino)


def same_bytes(stat: os.stat_result, path: str, other: str) -> bool:
    """Whether the file at `path` (whose stat is `stat`) is `other` itself or holds its bytes.
    (Reading two small files costs less than replacing one: a changed search bundle keeps most of
    its files' bytes.)"""
    try:
        with open(other, "rb") as source:
            theirs = os.fstat(source.fileno())
            if os.path.samestat(stat, theirs):
                return True
            if theirs.st_size != stat.st_size:
                return False
            with open(path, "rb") as mine:
                return mine.read() == source.read()
    except OSError:
        return False


def same_file(stat: os.stat_result, path: str) -> bool:
    """Whether the file at `path` is the one `stat` describes (a hard link to it counts)."""
    try:
        return os.path.samestat(stat, os.stat(path))
    except OSError:
        return False

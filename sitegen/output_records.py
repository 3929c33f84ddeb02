"""What each output tree holds, as the cache records it: per file its content digest, size and
mtime and, for a page, the digest of everything its template got (`OutputRecord`).

`BuildCache` mixes `OutputRecords` in; `output.py` reads the records to leave unchanged files as
they are and writes them when a tree goes live, and `freshness.py` compares the live tree's with
the disk.  The records are kept in 256 chunks per tree (by the file's folder), each one value: a
build reads an archive's hundred thousand records at once and rewrites only the chunks whose files
changed.  A tree's records are marked untrusted before a build changes it (`standby_dirty`), and
trusted again in the transaction that records it live (`store_outputs`): after a crash at any
point, no record describes a tree that differs from it.  The tables (`outputs`, `folders`, `trees`,
`live`) are made with the cache's others, under one schema version (`BuildCache._open`).
"""

from __future__ import annotations

import marshal
import os
import sqlite3
import zlib
from pathlib import Path
from typing import Iterator, NamedTuple

from .cache_trust import CacheDamaged, guarded as _guarded, seal, unseal


class OutputRecord(NamedTuple):
    """What one output file holds, as the build that wrote it left it."""

    digest: bytes
    size: int
    mtime_ns: int
    page_key: bytes | None
    """For a page, the digest of everything its template got; for a copied file, of its source."""


OUTPUT_CHUNKS = 256


def _chunk_of(path: str) -> int:
    """Which of a tree's record chunks holds `path`: files of one folder stay together."""
    return zlib.crc32(path.rpartition("/")[0].encode()) % OUTPUT_CHUNKS


class OutputRecords:
    """The output records of `BuildCache`, which mixes this in: they live in its SQLite file (`db`;
    `folder` names it in errors)."""

    db: sqlite3.Connection | None
    folder: Path | None

    def _root(self, output_dir: Path) -> str:
        """The output folder as its records name it: its path from the cache folder, so that a
        checkout elsewhere with the cache and output/ restored (CI) finds them; the link's path,
        not the tree's behind it, which changes every build."""
        return os.path.relpath(os.path.abspath(output_dir), os.path.abspath(self.folder)) if self.folder else ""

    @_guarded
    def outputs(self, output_dir: Path, tree: str | None) -> dict[str, OutputRecord] | None:
        """What `tree` of `output_dir` holds, or None when the cache cannot vouch for it (never
        recorded, or a build that was changing it did not finish)."""
        if self.db is None or tree is None:
            return None
        root = self._root(output_dir)
        row = self.db.execute("SELECT clean FROM trees WHERE root = ? AND tree = ?", (root, tree)).fetchone()
        if row is None or not row[0]:
            return None
        return {path: OutputRecord._make(fields) for path, fields in self._output_chunks(root, tree)}

    @_guarded
    def folder_stamps(self, output_dir: Path, tree: str | None) -> dict[str, tuple]:
        """folder -> (the digest of the names of its content-addressed files, mtime_ns, inode) of the
        folders `OutputWriter.link_folder` made in `tree`, as far as the cache can vouch for the tree."""
        if self.db is None or tree is None:
            return {}
        root = self._root(output_dir)
        row = self.db.execute("SELECT f.stamps FROM folders f JOIN trees t ON t.root = f.root AND t.tree = f.tree "
                              "WHERE f.root = ? AND f.tree = ? AND t.clean", (root, tree)).fetchone()
        if row is None:
            return {}
        try:
            return marshal.loads(unseal(row[0], f"folder stamps of the {tree} tree"))
        except (ValueError, EOFError, TypeError):
            raise CacheDamaged(f"damaged folder stamps (the {tree} tree)") from None

    def _output_chunks(self, root: str, tree: str) -> Iterator[tuple[str, tuple]]:
        """(path, record fields) of every file recorded in `tree`, chunk by chunk."""
        for chunk, records in self.db.execute("SELECT chunk, records FROM outputs WHERE root = ? AND tree = ?",
                                              (root, tree)):
            try:
                yield from marshal.loads(unseal(records, f"output records of the {tree} tree")).items()
            except (ValueError, EOFError, TypeError, AttributeError):  # a sealed row that was never marshal's
                raise CacheDamaged(f"a damaged record of output files (the {tree} tree, chunk {chunk})") from None

    @_guarded
    def standby_dirty(self, output_dir: Path, tree: str) -> None:
        """`tree` is about to change: until `store_outputs`, its records are not to be trusted."""
        if self.db is None:
            return
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO trees VALUES (?, ?, 0)", (self._root(output_dir), tree))

    @_guarded
    def output_stamps(self, output_dir: Path) -> tuple[str | None, list[tuple[str, int, int]]]:
        """The tree recorded as live for `output_dir`, and (path, size, mtime_ns) of what it holds
        (nothing when its record is not to be trusted)."""
        if self.db is None:
            return None, []
        root = self._root(output_dir)
        row = self.db.execute("SELECT l.tree FROM live l JOIN trees t ON t.root = l.root AND t.tree = l.tree "
                              "WHERE l.root = ? AND t.clean", (root,)).fetchone()
        if row is None:
            return None, []
        return row[0], [(path, fields[1], fields[2]) for path, fields in self._output_chunks(root, row[0])]

    @_guarded
    def store_outputs(self, output_dir: Path, tree: str, records: dict[str, OutputRecord],
                      before: dict[str, OutputRecord] | None, folders: dict[str, tuple] | None = None) -> None:
        """Record what `tree`, now live, holds (rewriting only the chunks with a file that differs
        from `before`, its record when the build began) and the stamps of its `folders`
        (`folder_stamps`), in one transaction that also marks it trusted and live."""
        if self.db is None:
            return
        root = self._root(output_dir)
        if before is None:
            changed = set(range(OUTPUT_CHUNKS))
        else:
            changed = {_chunk_of(p) for p, r in records.items() if before.get(p) != r}
            changed.update(_chunk_of(p) for p in before if p not in records)
        chunks: dict[int, dict[str, tuple]] = {chunk: {} for chunk in changed}
        for path, record in records.items():
            chunk = chunks.get(_chunk_of(path))
            if chunk is not None:
                chunk[path] = tuple(record)
        with self.db:
            self.db.executemany("DELETE FROM outputs WHERE root = ? AND tree = ? AND chunk = ?",
                                ((root, tree, chunk) for chunk, held in chunks.items() if not held))
            self.db.executemany("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?)",
                                ((root, tree, chunk, seal(marshal.dumps(held))) for chunk, held in chunks.items() if held))
            self.db.execute("INSERT OR REPLACE INTO folders VALUES (?, ?, ?)",
                            (root, tree, seal(marshal.dumps(folders or {}))))
            self.db.execute("INSERT OR REPLACE INTO trees VALUES (?, ?, 1)", (root, tree))
            self.db.execute("INSERT OR REPLACE INTO live VALUES (?, ?)", (root, tree))

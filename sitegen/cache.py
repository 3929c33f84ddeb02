"""The build cache: `.sitegen-cache/cache.sqlite` in the site folder (git-ignored).

It holds what a build can reuse from the previous one, each entry keyed by the hash of everything
it was made from, so that a cached build gives exactly the bytes of a build with an empty cache:

- `articles`: each article file read and rendered to HTML, with its related-article features,
  keyed by the file's bytes and the settings that shape reading (base path, timezone, categories);
  the file's size and mtime only spare re-hashing unchanged files.
- `outputs`: per output folder (output/, the preview server's), the previous build's files (content digest, size, mtime) and, for pages, the
  digest of everything their template got — a page whose inputs did not change is not rendered again.
- `values`: anything else keyed by an input digest (related links, search index parts).

Deleting the folder is always safe; the next build is simply cold.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import __version__

CACHE_DIR = ".sitegen-cache"
SCHEMA = 4


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


def racy_margin(mtime_ns: int) -> int:
    """How close to a stamp's taking a change can leave it unchanged: the filesystem's mtime step.
    Nanosecond stamps (ext4, xfs, btrfs, APFS) move at least every clock tick, 10 ms at worst;
    whole-second stamps (FAT, HFS+) may stand still for 2 s."""
    return 2_000_000_000 if mtime_ns % 1_000_000_000 == 0 else 20_000_000


@dataclass(frozen=True)
class OutputRecord:
    digest: bytes
    size: int
    mtime_ns: int
    page_key: bytes | None


class BuildCache:
    """One site's cache.  `BuildCache(None)` is a cache that remembers nothing (--no-cache)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.db: sqlite3.Connection | None = None
        self._pid = os.getpid()
        if folder is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / ".gitignore").exists():  # never committed, even without a .gitignore entry
            (folder / ".gitignore").write_text("*\n")
        self.db = sqlite3.connect(folder / "cache.sqlite", timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        version = f"{code_version()}/{SCHEMA}"
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if row is None or row[0] != version:  # another sitegen wrote it: start afresh
            for table in ("articles", "outputs", "vals"):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
        self.db.execute("""CREATE TABLE IF NOT EXISTS articles (
            source TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, key BLOB, meta BLOB,
            body TEXT, search TEXT, features BLOB, feature_key BLOB)""")
        self.db.execute("""CREATE TABLE IF NOT EXISTS outputs (
            root TEXT, path TEXT, digest BLOB, size INTEGER, mtime_ns INTEGER, page_key BLOB,
            PRIMARY KEY (root, path))""")
        self.db.execute("CREATE TABLE IF NOT EXISTS vals (key TEXT PRIMARY KEY, digest BLOB, value BLOB)")
        self.db.commit()

    # --- articles ----------------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection | None:
        """The connection of this process: a forked worker opens its own (sqlite's rule)."""
        if self.db is not None and self._pid != os.getpid():
            self.db = sqlite3.connect(self.folder / "cache.sqlite", timeout=60)
            self._pid = os.getpid()
        return self.db

    def article_stamps(self) -> dict[str, tuple[int, int, bytes]]:
        """source -> (size, mtime_ns, key) of every cached article."""
        if self.db is None:
            return {}
        return {s: (size, mtime, k) for s, size, mtime, k in
                self.db.execute("SELECT source, size, mtime_ns, key FROM articles")}

    def article_entries(self, sources: Iterable[str]) -> dict[str, tuple[Any, bytes]]:
        """source -> (the pickled (article, problems), feature key) of the cached articles asked for."""
        if self.db is None:
            return {}
        wanted = set(sources)
        return {source: (pickle.loads(meta), fkey) for source, meta, fkey in
                self.db.execute("SELECT source, meta, feature_key FROM articles") if source in wanted}

    def article_column(self, column: str, source: str) -> Any:
        """One article's `body`, `search` (text) or `features` (bytes)."""
        assert column in ("body", "search", "features")
        db = self._connection()
        row = db.execute(f"SELECT {column} FROM articles WHERE source = ?", (source,)).fetchone() if db else None
        if row is None:
            raise KeyError(source)
        return row[0]

    def article_sizes(self, column: str, sources: Iterable[str]) -> dict[str, int]:
        """The byte length of one column of many articles, without loading it."""
        assert column in ("body", "search", "features")
        wanted = set(sources)
        db = self._connection()
        if db is None or not wanted:
            return {}
        return {s: n for s, n in db.execute(f"SELECT source, length({column}) FROM articles") if s in wanted}

    def each_article_column(self, column: str, sources: set[str]) -> Iterator[tuple[str, Any]]:
        """(source, value) of one column for many articles, one row at a time."""
        assert column in ("body", "search", "features")
        db = self._connection()
        if db is None or not sources:
            return
        for source, value in db.execute(f"SELECT source, {column} FROM articles"):
            if source in sources:
                yield source, value

    def store_articles(self, rows: Iterable[tuple]) -> None:
        """Upsert (source, size, mtime_ns, key, meta, body, search, features, feature_key) rows."""
        if self.db is None:
            return
        self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            ((*row[:4], pickle.dumps(row[4], protocol=5), *row[5:]) for row in rows))
        self.db.commit()

    def forget_articles(self, gone: Iterable[str]) -> None:
        """Drop the entries of article files that are gone."""
        if self.db is None:
            return
        self.db.executemany("DELETE FROM articles WHERE source = ?", ((s,) for s in gone))
        self.db.commit()

    def touch_articles(self, rows: Iterable[tuple[str, int, int]]) -> None:
        """Record new (size, mtime_ns) for articles whose bytes did not change."""
        if self.db is None:
            return
        self.db.executemany("UPDATE articles SET size = ?, mtime_ns = ? WHERE source = ?",
                            ((size, m, s) for s, size, m in rows))
        self.db.commit()

    # --- outputs -----------------------------------------------------------------------------------

    @staticmethod
    def _root(output_dir: Path) -> str:
        return str(output_dir.resolve())

    def outputs(self, output_dir: Path) -> dict[str, OutputRecord]:
        """What the previous build into `output_dir` wrote there."""
        if self.db is None:
            return {}
        rows = self.db.execute("SELECT path, digest, size, mtime_ns, page_key FROM outputs WHERE root = ?",
                               (self._root(output_dir),))
        return {p: OutputRecord(d, size, m, k) for p, d, size, m, k in rows}

    def output_stamps(self, output_dir: Path) -> list[tuple[str, int, int]]:
        """(path, size, mtime_ns) of what the previous build into `output_dir` wrote there."""
        if self.db is None:
            return []
        return self.db.execute("SELECT path, size, mtime_ns FROM outputs WHERE root = ?",
                               (self._root(output_dir),)).fetchall()

    def store_outputs(self, output_dir: Path, records: dict[str, OutputRecord],
                      previous: dict[str, OutputRecord]) -> None:
        """Record this build's output files (writing only the rows that differ from `previous`)."""
        if self.db is None:
            return
        root = self._root(output_dir)
        if not previous:
            self.db.execute("DELETE FROM outputs WHERE root = ?", (root,))
        self.db.executemany("DELETE FROM outputs WHERE root = ? AND path = ?",
                            ((root, p) for p in previous if p not in records))
        self.db.executemany("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?, ?)",
                            ((root, p, r.digest, r.size, r.mtime_ns, r.page_key) for p, r in records.items()
                             if previous.get(p) != r))
        self.db.commit()

    # --- other values ------------------------------------------------------------------------------

    def value(self, key: str, expected: bytes) -> Any | None:
        """The value stored under `key`, if it was made from inputs with digest `expected`."""
        if self.db is None:
            return None
        row = self.db.execute("SELECT digest, value FROM vals WHERE key = ?", (key,)).fetchone()
        return pickle.loads(row[1]) if row and row[0] == expected else None

    def store_value(self, key: str, made_from: bytes, value: Any) -> None:
        if self.db is None:
            return
        self.db.execute("INSERT OR REPLACE INTO vals VALUES (?, ?, ?)", (key, made_from, pickle.dumps(value, protocol=5)))
        self.db.commit()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

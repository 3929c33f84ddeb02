"""The build cache: `.sitegen-cache/cache.sqlite` in the site folder (git-ignored).

It holds what a build can reuse from the previous one, each entry keyed by the hash of everything
it was made from, so that a cached build gives exactly the bytes of a build with an empty cache:

- `articles`: each article file read and rendered to HTML, with its related-article features,
  keyed by the file's bytes and the settings that shape reading (base path, timezone, categories);
  the file's stamps (size, mtime, ctime, inode) only spare re-hashing unchanged files.
- `files`: the content digest of every photo, static and search file a build copies, with the
  same stamps; a file replaced under its name is seen even when its size and mtime were kept
  (`cp -p`, unzip), because its ctime or inode moved.
- `outputs`: per output folder, what each of its two trees holds (content digest, size, mtime)
  and, for pages, the digest of everything their template got — a page whose inputs did not
  change is not rendered again.  The records are kept in 256 chunks per tree (by the file's
  folder), each one value: a build reads an archive's hundred thousand records at once and
  rewrites only the chunks whose files changed.  A tree's records are marked untrusted before a
  build changes it, and trusted again in the transaction that records it live: after a crash at
  any point, no record describes a tree that differs from it.
- `vals`: anything else keyed by an input digest (related links, fingerprints, photo sizes).
- `steps`: results of build steps by the digest of their inputs (`steps.py`: the digest of each
  stored page's bytes).

Beside the SQLite file, in the same folder, are the files builds made and publish as hard links:
`renditions/` (photo renditions, named by their content), `pages/` (`steps.py`) and `search/`
(Pagefind bundles, by the digest of their documents).

Every stored value carries a digest of itself, checked when it is read: a damaged row raises
`CacheDamaged` (the build then starts again without the cache) instead of being published.  A
cache file that SQLite cannot read is the same.  Deleting the folder is always safe; the next build
is simply cold.
"""

from __future__ import annotations

import errno
import functools
import marshal
import os
import pickle
import shutil
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

from .digests import code_version, digest, file_digest, racy_margin, stamp_of

CACHE_DIR = ".sitegen-cache"
SCHEMA = 6
SEAL = 16
"""Bytes of the digest that leads every stored value."""


class CacheDamaged(Exception):
    """The cache cannot be trusted (unreadable, or a value whose digest does not match)."""


def seal(data: bytes) -> bytes:
    return digest(data) + data


def unseal(value: bytes | None, what: str) -> bytes:
    if value is None or len(value) < SEAL or digest(value[SEAL:]) != value[:SEAL]:
        raise CacheDamaged(f"a damaged entry ({what})")
    return value[SEAL:]


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


_ARTICLE_COLUMNS = ("meta", "body", "search", "features")


def _guarded(method):
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


class BuildCache:
    """One site's cache.  `BuildCache(None)` is a cache that remembers nothing (--no-cache)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.db: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self._files: dict[str, tuple[tuple[int, int, int, int], bytes, int]] | None = None
        """The `files` table, once read (this process is its only writer while a build runs)."""
        if folder is not None:
            self._open()

    @_guarded
    def _open(self) -> None:
        folder = self.folder
        assert folder is not None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not (folder / ".gitignore").exists():  # never committed, even without a .gitignore entry
                (folder / ".gitignore").write_text("*\n")
        except OSError as exc:
            raise CacheDamaged(f"cannot write in {folder}: {exc.strerror}") from None
        if (folder / "cache.sqlite").exists() and not (folder / "cache.sqlite").is_file():
            raise CacheDamaged("cache.sqlite is not a file")
        self.db = sqlite3.connect(folder / "cache.sqlite", timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        version = f"{code_version()}/{SCHEMA}"
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if row is None or row[0] != version:  # another sitegen wrote it: start afresh
            for table in ("articles", "outputs", "folders", "vals", "files", "trees", "live", "steps"):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
        self.db.execute("""CREATE TABLE IF NOT EXISTS articles (
            source TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER, key BLOB,
            meta BLOB, body BLOB, search BLOB, features BLOB, feature_key BLOB, failed INTEGER)""")
        self.db.execute("""CREATE TABLE IF NOT EXISTS files (
            path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER, digest BLOB,
            seen_ns INTEGER)""")
        self.db.execute("""CREATE TABLE IF NOT EXISTS outputs (
            root TEXT, tree TEXT, chunk INTEGER, records BLOB, PRIMARY KEY (root, tree, chunk))""")
        self.db.execute("CREATE TABLE IF NOT EXISTS folders (root TEXT, tree TEXT, stamps BLOB, PRIMARY KEY (root, tree))")
        self.db.execute("CREATE TABLE IF NOT EXISTS trees (root TEXT, tree TEXT, clean INTEGER, PRIMARY KEY (root, tree))")
        self.db.execute("CREATE TABLE IF NOT EXISTS live (root TEXT PRIMARY KEY, tree TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS vals (key TEXT PRIMARY KEY, digest BLOB, value BLOB)")
        self.db.execute("CREATE TABLE IF NOT EXISTS steps (step TEXT, key BLOB, value BLOB, PRIMARY KEY (step, key))")
        self.db.commit()

    def subfolder(self, name: str) -> Path | None:
        """The folder `name` beside the SQLite file, made if missing (None without a cache).  What
        stands there that is not a folder of its own — a link, which a commit can carry — is removed
        (never what it points at): a build writes into these folders, and nowhere outside the site."""
        if self.folder is None:
            return None
        path = self.folder / name
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            path.unlink()
        path.mkdir(exist_ok=True)
        return path

    def _connection(self) -> sqlite3.Connection | None:
        """The connection of this process: a forked worker opens its own (sqlite's rule)."""
        if self.db is not None and self._pid != os.getpid():
            self.db = sqlite3.connect(self.folder / "cache.sqlite", timeout=60)
            self._pid = os.getpid()
        return self.db

    # --- articles ----------------------------------------------------------------------------------

    @_guarded
    def article_stamps(self) -> dict[str, tuple[tuple[int, int, int, int], bytes, bool]]:
        """source -> (stamp, key, failed) of every cached article; `failed`: its read found errors."""
        if self.db is None:
            return {}
        return {s: ((size, mtime, ctime, ino), k, bool(failed)) for s, size, mtime, ctime, ino, k, failed in
                self.db.execute("SELECT source, size, mtime_ns, ctime_ns, ino, key, failed FROM articles")}

    @_guarded
    def article_entries(self, sources: Iterable[str]) -> dict[str, tuple[Any, bytes]]:
        """source -> (the (article, problems) read, feature key) of the cached articles asked for."""
        if self.db is None:
            return {}
        wanted = set(sources)
        return {source: (pickle.loads(unseal(meta, source)), fkey) for source, meta, fkey in
                self.db.execute("SELECT source, meta, feature_key FROM articles") if source in wanted}

    @_guarded
    def article_column(self, column: str, source: str) -> Any:
        """One article's `body`, `search` (text) or `features` (bytes)."""
        assert column in _ARTICLE_COLUMNS[1:]
        db = self._connection()
        row = db.execute(f"SELECT {column} FROM articles WHERE source = ?", (source,)).fetchone() if db else None
        if row is None:
            raise KeyError(source)
        data = unseal(row[0], source)
        return data if column == "features" else data.decode()

    @_guarded
    def article_sizes(self, column: str, sources: Iterable[str]) -> dict[str, int]:
        """The byte length of one column of many articles, without loading it."""
        assert column in _ARTICLE_COLUMNS[1:]
        wanted = set(sources)
        db = self._connection()
        if db is None or not wanted:
            return {}
        return {s: n - SEAL for s, n in db.execute(f"SELECT source, length({column}) FROM articles") if s in wanted}

    @_guarded
    def each_article_column(self, column: str, sources: set[str]) -> Iterator[tuple[str, Any]]:
        """(source, value) of one column for many articles, one row at a time."""
        assert column in _ARTICLE_COLUMNS[1:]
        db = self._connection()
        if db is None or not sources:
            return
        for source, value in db.execute(f"SELECT source, {column} FROM articles"):
            if source in sources:
                data = unseal(value, source)
                yield source, data if column == "features" else data.decode()

    @_guarded
    def store_articles(self, rows: Iterable[tuple]) -> None:
        """Upsert (source, stamp, key, (article, problems), body, search, features, feature_key) rows."""
        if self.db is None:
            return

        def sealed(row):
            source, stamp, key, meta, body, search, features, feature_key = row
            failed = any(problem.severity == "error" for problem in meta[1])
            return (source, *stamp, key, seal(pickle.dumps(meta, protocol=5)), seal(body.encode()),
                    seal(search.encode()), seal(features), feature_key, failed)
        self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (sealed(row) for row in rows))
        self.db.commit()

    @_guarded
    def forget_articles(self, gone: Iterable[str]) -> None:
        """Drop the entries of article files that are gone."""
        if self.db is None:
            return
        self.db.executemany("DELETE FROM articles WHERE source = ?", ((s,) for s in gone))
        self.db.commit()

    @_guarded
    def touch_articles(self, rows: Iterable[tuple[str, tuple[int, int, int, int]]]) -> None:
        """Record new stamps for articles whose bytes did not change."""
        if self.db is None:
            return
        self.db.executemany("UPDATE articles SET size = ?, mtime_ns = ?, ctime_ns = ?, ino = ? WHERE source = ?",
                            ((*stamp, s) for s, stamp in rows))
        self.db.commit()

    # --- files copied as they are ------------------------------------------------------------------

    @_guarded
    def file_digests(self, paths: Iterable[str]) -> dict[str, bytes]:
        """The content digest of each file: hashed again only when its stamp moved, or when it was
        changed too close to the moment it was hashed for the stamp to prove anything."""
        paths = list(paths)
        if self._files is None and self.db is not None and paths:
            # Read once per build: the stages ask for photos, static files and search bundles.
            self._files = {p: ((size, m, c, ino), d, seen) for p, size, m, c, ino, d, seen in
                           self.db.execute("SELECT path, size, mtime_ns, ctime_ns, ino, digest, seen_ns FROM files")}
        known = self._files or {}
        result, fresh = {}, []
        for path in paths:
            stamp = stamp_of(os.stat(path))
            old = known.get(path)
            changed_at = max(stamp[1], stamp[2])
            if old and old[0] == stamp and changed_at < old[2] - racy_margin(stamp[1]):
                result[path] = old[1]
            else:
                seen = time.time_ns()
                result[path] = file_digest(path)
                fresh.append((path, *stamp, result[path], seen))
        if self.db is not None and fresh:
            self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", fresh)
            self.db.commit()
            if self._files is not None:
                self._files.update((p, ((size, m, c, ino), d, seen)) for p, size, m, c, ino, d, seen in fresh)
        return result

    # --- outputs -----------------------------------------------------------------------------------

    @staticmethod
    def _root(output_dir: Path) -> str:
        return os.path.abspath(output_dir)  # the link's path: the tree behind it changes every build

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

    # --- other values ------------------------------------------------------------------------------

    @_guarded
    def value(self, key: str, expected: bytes) -> Any | None:
        """The value stored under `key`, if it was made from inputs with digest `expected`."""
        if self.db is None:
            return None
        row = self.db.execute("SELECT digest, value FROM vals WHERE key = ?", (key,)).fetchone()
        return pickle.loads(unseal(row[1], key)) if row and row[0] == expected else None

    @_guarded
    def values(self, wanted: dict[str, bytes]) -> dict[str, Any]:
        """`value` for many keys at once (key -> expected digest): those stored from those inputs."""
        return {key: pickle.loads(unseal(value, key)) for key, made_from, value in
                self._rows_in("SELECT key, digest, value FROM vals WHERE key IN ({})", (), wanted)
                if made_from == wanted[key]}

    def _rows_in(self, query: str, fixed: tuple, keys: Iterable) -> Iterator[tuple]:
        """The rows of `query` ("... IN ({})") for `keys`, asked 500 at a time (SQLite's limit on
        bound values is 999 in older builds)."""
        db = self._connection()
        if db is None:
            return
        asked = sorted(keys)
        for start in range(0, len(asked), 500):
            batch = asked[start:start + 500]
            yield from db.execute(query.format(", ".join("?" * len(batch))), (*fixed, *batch))

    @_guarded
    def store_value(self, key: str, made_from: bytes, value: Any) -> None:
        if self.db is None:
            return
        self.db.execute("INSERT OR REPLACE INTO vals VALUES (?, ?, ?)",
                        (key, made_from, seal(pickle.dumps(value, protocol=5))))
        self.db.commit()

    # --- step results (steps.py) -------------------------------------------------------------------

    @_guarded
    def step_results(self, step: str, keys: set[bytes]) -> dict[bytes, Any]:
        """key -> stored result of `step`, for the keys asked for that are stored."""
        return {key: pickle.loads(unseal(value, step)) for key, value in
                self._rows_in("SELECT key, value FROM steps WHERE step = ? AND key IN ({})", (step,), keys)}

    @_guarded
    def store_step_results(self, step: str, results: dict[bytes, Any], used: set[bytes]) -> None:
        """Store new results of `step`; `used`: the keys of every result this build used.  Once the
        stored results outnumber twice those, the ones this build did not use go."""
        if self.db is None:
            return
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO steps VALUES (?, ?, ?)",
                                ((step, key, seal(pickle.dumps(value, protocol=5))) for key, value in results.items()))
            (stored,) = self.db.execute("SELECT count(*) FROM steps WHERE step = ?", (step,)).fetchone()
            if stored > 2 * len(used) + 100:
                unused = [(step, key) for (key,) in self.db.execute("SELECT key FROM steps WHERE step = ?", (step,))
                          if key not in used]
                self.db.executemany("DELETE FROM steps WHERE step = ? AND key = ?", unused)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def set_aside(folder: Path) -> Path | None:
    """Move a damaged cache file out of the way (it is only a cache: the next build is cold)."""
    damaged = folder / "cache.sqlite"
    for suffix in ("-wal", "-shm"):
        try:
            os.unlink(f"{damaged}{suffix}")
        except OSError:
            pass
    if not (damaged.exists() or damaged.is_symlink()):
        return None
    aside = folder / "cache.sqlite.damaged"
    if aside.is_dir() and not aside.is_symlink():
        shutil.rmtree(aside)
    elif aside.exists() or aside.is_symlink():
        aside.unlink()
    os.rename(damaged, aside)
    return aside

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
  change is not rendered again (`output_records.py`: how they are kept, and trusted after a crash).
- `vals`: anything else keyed by an input digest (fingerprints, photo sizes, the ranking of
  "Chuyên mục khác" with what it was made of, whose arrays are in `values/`: `store_large_value`).
- `steps`: results of build steps by the digest of their inputs (`steps.py`: the digest of each
  stored page's bytes).

Beside the SQLite file, in the same folder, are the files builds made and publish as hard links:
`renditions/` (photo renditions, named by their content), `pages/` (`steps.py`) and `search/`
(Pagefind bundles, by the digest of their documents); and `values/`, the arrays of large values.

Every stored value carries a digest of itself, checked when it is read: a damaged row raises
`CacheDamaged` (the build then starts again without the cache) instead of being published.  A
cache file that SQLite cannot read is the same (`cache_trust.py`).  Deleting the folder is always
safe; the next build is simply cold.
"""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from .cache_trust import SEAL, CacheDamaged, guarded as _guarded, seal, unseal
from .digests import code_version, digest, file_digest, stamp_of, stamp_settled
from .output_records import OutputRecords

CACHE_DIR = ".sitegen-cache"
SCHEMA = 6


_ARTICLE_COLUMNS = ("meta", "body", "search", "features")
LARGE_VALUES = "values"
"""The folder of `store_large_value`'s arrays, beside the SQLite file."""
_ASKED_BY_NAME = 2_000
"""Articles up to which one column is read by name, not by a pass over the whole table."""


HASHED_ON_THREADS = 256 << 10
"""Files at least this big are hashed on threads (hashlib lets go of the GIL while it hashes a
block, and a read waits on the disk): a hundred 4 MB camera photos took 0.72 s one after another,
0.33 s on 4 threads of 2 cores.  Smaller ones (the placeholders of a generated corpus) are hashed
one after another: threads only fight over the GIL for them, 0.3 s against 0.9 s for 16,434."""


def _digests_of(files: list[tuple[str, tuple[int, int, int, int], int]]) -> list[bytes]:
    """`file_digest` of each (path, stamp, ...) in `files`, in order."""
    big = [path for path, stamp, *_ in files if stamp[0] >= HASHED_ON_THREADS]
    made = {}
    if len(big) > 1:
        with ThreadPoolExecutor(min(16, 2 * (os.cpu_count() or 1))) as pool:
            made = dict(zip(big, pool.map(file_digest, big)))
    return [made[path] if path in made else file_digest(path) for path, *_ in files]


class BuildCache(OutputRecords):
    """One site's cache.  `BuildCache(None)` is a cache that remembers nothing (--no-cache).
    What each output tree holds is asked and recorded through `OutputRecords` (output_records.py)."""

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
        """source -> (the (content folder, article, problems) read, feature key) of the cached articles asked for."""
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

    def _article_rows(self, query: str, sources: set[str]) -> Iterator[tuple]:
        """The rows of `query` (over all articles) for `sources` and maybe others: asked by name when
        they are a few (an edit's related step wants one article's features of 100,000), else one pass
        over the table, cheaper than thousands of lookups."""
        if len(sources) <= _ASKED_BY_NAME:
            yield from self._rows_in(query + " WHERE source IN ({})", (), sources)
        else:
            yield from self._connection().execute(query)

    @_guarded
    def article_sizes(self, column: str, sources: Iterable[str]) -> dict[str, int]:
        """The byte length of one column of many articles, without loading it."""
        assert column in _ARTICLE_COLUMNS[1:]
        wanted = set(sources)
        db = self._connection()
        if db is None or not wanted:
            return {}
        return {s: n - SEAL for s, n in self._article_rows(f"SELECT source, length({column}) FROM articles", wanted)
                if s in wanted}

    @_guarded
    def each_article_column(self, column: str, sources: set[str]) -> Iterator[tuple[str, Any]]:
        """(source, value) of one column for many articles, one row at a time."""
        assert column in _ARTICLE_COLUMNS[1:]
        db = self._connection()
        if db is None or not sources:
            return
        for source, value in self._article_rows(f"SELECT source, {column} FROM articles", sources):
            if source in sources:
                data = unseal(value, source)
                yield source, data if column == "features" else data.decode()

    @_guarded
    def store_articles(self, rows: Iterable[tuple]) -> None:
        """Upsert (source, stamp, key, (content folder, article, problems), body, search, features, feature_key) rows."""
        if self.db is None:
            return

        def sealed(row):
            source, stamp, key, meta, body, search, features, feature_key = row
            failed = any(problem.severity == "error" for problem in meta[-1])
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
    def file_digests(self, paths: Iterable[str], stamps: Mapping[str, tuple] | None = None) -> dict[str, bytes]:
        """The content digest of each file: hashed again only when its stamp moved, or when it was
        changed too close to the moment it was hashed for the stamp to prove anything.  `stamps`:
        the files' `stamp_of` taken this build (the input check's), else each is asked for."""
        paths = list(paths)
        stamps = stamps or {}
        if self._files is None and self.db is not None and paths:
            # Read once per build: the stages ask for photos, static files and search bundles.
            self._files = {p: ((size, m, c, ino), d, seen) for p, size, m, c, ino, d, seen in
                           self.db.execute("SELECT path, size, mtime_ns, ctime_ns, ino, digest, seen_ns FROM files")}
        known = self._files or {}
        result, unknown = {}, []
        for path in paths:
            stamp = stamps.get(path) or stamp_of(os.stat(path))
            old = known.get(path)
            if old and old[0] == stamp and stamp_settled(stamp, old[2]):
                result[path] = old[1]
            else:
                result[path] = b""  # (its place, in the order asked)
                unknown.append((path, stamp, time.time_ns()))
        fresh = [(path, *stamp, made, seen) for (path, stamp, seen), made in zip(unknown, _digests_of(unknown))]
        result.update((path, made) for path, *_, made, _ in fresh)
        if self.db is not None and fresh:
            self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", fresh)
            self.db.commit()
            if self._files is not None:
                self._files.update((p, ((size, m, c, ino), d, seen)) for p, size, m, c, ino, d, seen in fresh)
        return result

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

    @_guarded
    def store_values(self, items: dict[str, tuple[bytes, Any]]) -> None:
        """`store_value` for many keys at once (key -> (inputs' digest, value)), in one transaction."""
        if self.db is None or not items:
            return
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO vals VALUES (?, ?, ?)",
                                ((key, made_from, seal(pickle.dumps(value, protocol=5)))
                                 for key, (made_from, value) in items.items()))

    # --- large values: their arrays in a file of their own --------------------------------------------

    @_guarded
    def large_value(self, key: str, expected: bytes) -> Any | None:
        """The value `store_large_value` stored under `key`, if it was made from inputs `expected`."""
        folder = self.subfolder(LARGE_VALUES)
        if self.db is None or folder is None:
            return None
        row = self.db.execute("SELECT digest, value FROM vals WHERE key = ?", (key,)).fetchone()
        if not row or row[0] != expected:
            return None
        head, lengths, sealed, name = pickle.loads(unseal(row[1], key))
        data = bytearray(sum(lengths))  # a file cut short leaves zeros, which the digest tells
        try:
            with open(folder / name, "rb") as file:
                file.readinto(data)
        except OSError:
            pass
        view, start, buffers = memoryview(data), 0, []
        for length in lengths:
            buffers.append(view[start:start + length])
            start += length
        if digest(*buffers) != sealed:
            raise CacheDamaged(f"a damaged entry ({key}: {LARGE_VALUES}/{name})")
        return pickle.loads(head, buffers=buffers)  # the arrays stay in `data`: no copy

    @_guarded
    def store_large_value(self, key: str, made_from: bytes, value: Any) -> None:
        """`store_value` for a value of big arrays (numpy's, scipy's): pickled with their bytes set
        apart (protocol 5), which go to one file under values/, written whole before its row names
        it; SQLite holds only the rest and the digest.  40 MB of arrays then cost a write and a read,
        not the copies of a SQLite blob (0.6 s a build on 10,000 articles' "Chuyên mục khác")."""
        folder = self.subfolder(LARGE_VALUES)
        if self.db is None or folder is None:
            return
        buffers: list[pickle.PickleBuffer] = []
        head = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
        raws = [buffer.raw() for buffer in buffers]
        sealed = digest(*raws)
        name = f"{key}.{sealed.hex()}"
        temporary = folder / f".{name}.part"
        with open(temporary, "wb") as file:
            for raw in raws:
                file.write(raw)
        os.replace(temporary, folder / name)
        self.db.execute("INSERT OR REPLACE INTO vals VALUES (?, ?, ?)", (key, made_from, seal(pickle.dumps(
            (head, [raw.nbytes for raw in raws], sealed, name), protocol=5))))
        self.db.commit()
        for old in os.listdir(folder):  # the files of earlier values under this key: their row is gone
            if (old.startswith(f"{key}.") and old != name) or old.startswith(f".{key}."):
                (folder / old).unlink(missing_ok=True)

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

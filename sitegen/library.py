"""The read stage: every article file, taken from the cache when its bytes did not change, else
parsed and rendered (Markdown) in a pool of worker processes, one per core.

The reader is the workers' context (handed to each worker once), so only file paths travel to them
per task; each sends back the article, its body, its related-article features and its problems.  A
cache entry is keyed by a digest of the file's bytes and of the settings that shape reading, so a cached article is the very
object a fresh read gives.  Bodies, search text and features of cached articles stay in the cache
until a later stage asks for them: a rebuild after one edit renders one article page, not 10,000.
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

import numpy as np

from .article_reader import ArticleReader
from .cache import SCHEMA, BuildCache
from .digests import code_version, digest, stamp_of, stamp_settled
from .config import Config
from .content import Article, Parsed, find_article_files
from .errors import Problem
from .front_matter import split_front_matter
from .related_features import FeatureTable, TextFeatures, Weights, text_features
from .workers import Workers, workers_for

PARALLEL_FROM = 64
"""Fewer files than this are read in the main process: forking costs more than it saves."""
SEARCH_WORDS = 60
"""Words of the body, after title and sapo, that the search index holds."""


@dataclass(frozen=True)
class Fresh:
    """One file read just now, with everything later stages may want of it."""

    parsed: Parsed
    body_html: str
    search_text: str
    features: bytes
    """TextFeatures as bytes: the codes (uint64) then the counts (float32)."""


ENTRY_BYTES = 12
"""A packed feature: its code (uint64) and its count (float32)."""


def _pack(features: TextFeatures) -> bytes:
    return features.codes.astype(np.uint64).tobytes() + features.counts.astype(np.float32).tobytes()


def _unpack_into(data: bytes, table: FeatureTable, start: int) -> None:
    n = len(data) // ENTRY_BYTES
    table.codes[start:start + n] = np.frombuffer(data, np.uint64, n)
    table.counts[start:start + n] = np.frombuffer(data, np.float32, n, offset=8 * n)


def _read_one(reader: ArticleReader, job: tuple[Path, str, str]) -> Fresh:
    path, source, revision = job
    parsed = _with_removal_warnings(reader.read(path, source, revision), path, source)
    article, body = parsed.article, parsed.body
    if article is None or body is None:
        return Fresh(parsed, "", "", b"")
    search_text = " ".join(body.text.split()[:SEARCH_WORDS])
    return Fresh(parsed, body.html, search_text, _pack(text_features(article.title, article.summary, body.text)))


def _stored(meta: tuple, root: str) -> tuple:
    """An article's (article, problems) as the cache keeps it: with the content/ folder (`root`) its
    files' paths were found under, so that a build of the site where it was read takes it as it is,
    and a clone elsewhere with the cache restored moves the paths under its own folder (`_located`)
    and never reads files outside that site."""
    return (root, *meta)


def _located(entry: tuple, root: str) -> tuple:
    """A cached (article, problems) with its files' paths under this site's content/ (`root`).
    Moved only when the site has moved since: rebasing every photo of an archive in every build
    (33,000 at 20,000 articles) cost about 0.1 s of the read stage (bench/read_stage.py)."""
    stored_root, article, problems = entry
    if stored_root == root:
        return article, problems
    return _rebased(article, lambda file: root + file[len(stored_root):] if file.startswith(stored_root) else file), problems


def _rebased(article: Article | None, move: Callable[[str], str]) -> Article | None:
    if article is None or not (article.photos or article.audio or article.video):
        return article
    moved = {photo.file: _copy(photo, file=move(photo.file)) for photo in article.photos}
    return _copy(article, photos=tuple(moved.values()),
                 image=moved[article.image.file] if article.image else None,
                 gallery=tuple(_copy(p, file=move(p.file)) for p in article.gallery),
                 audio=_copy(article.audio, file=move(article.audio.file)) if article.audio else None,
                 video=_copy(article.video, file=move(article.video.file))
                 if article.video and article.video.file else article.video)


def _copy(item, **changes):
    """`dataclasses.replace` without running the class's __init__ again: every cached article is
    rebased in every build (20,000 articles, 33,000 photos: replace took 0.6 s of a rebuild), and
    these objects were checked when their file was read; only paths change."""
    clone = object.__new__(type(item))
    clone.__dict__.update(item.__dict__, **changes)
    return clone


def _files_of(article: Article) -> list[str]:
    """The files beside the article's own that it publishes: its photos, recording and video file."""
    return [p.file for p in article.photos] + [item.file for _, item in article.media]


def _content_key(fingerprint: str, path: Path) -> bytes:
    """What an article's cached entry is keyed by: its bytes, read by this reader; b"" (no entry's
    key) when the file cannot be read, and then the reader reads it and says why."""
    try:
        return digest(fingerprint, path.read_bytes())
    except OSError:
        return b""


def _all_there(files: list[str]) -> bool:
    """Whether every file is there for this build to read (one `access` each: a file gone fails it
    as one it may not read).  If not, the article is read again, and the reader says which file,
    on which line, and what to do."""
    return all(os.access(file, os.R_OK) for file in files)


def _with_removal_warnings(parsed: Parsed, path: Path, source: str) -> Parsed:
    """What the raw-HTML policy cut from the body, as warnings at their line of the file (the
    renderer counts lines from the body's start; where that is, only the file itself tells)."""
    if parsed.body is None or not parsed.body.removed:
        return parsed
    parts = split_front_matter(path.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n"))
    first = parts[2] if parts else 1
    warnings = tuple(Problem(source, r.message, r.hint, first + (r.line or 1) - 1, "warning") for r in parsed.body.removed)
    return dataclasses.replace(parsed, problems=parsed.problems + warnings)


def reader_fingerprint(config: Config) -> str:
    """Everything besides a file's bytes that changes what reading it gives."""
    categories = [(c.name, c.slug) for c in config.categories]
    return repr((code_version(), SCHEMA, config.base_path, config.timezone, categories, Weights(), config.embeds))


@dataclass
class Library:
    """The articles of a build, with their bodies, search text and features on demand."""

    articles: list[Article]
    problems: list[Problem]
    parsed: int
    """Files read afresh by this build (the others came from the cache)."""
    files: int
    """Article files found under content/ (with or without problems)."""
    feature_keys: dict[str, bytes]
    cache: BuildCache
    fresh: dict[str, Fresh] = field(default_factory=dict)

    def body(self, source: str) -> str:
        entry = self.fresh.get(source)
        return entry.body_html if entry else self.cache.article_column("body", source)

    def search_text(self, source: str) -> str:
        entry = self.fresh.get(source)
        return entry.search_text if entry else self.cache.article_column("search", source)

    def features(self, sources: list[str]) -> FeatureTable:
        """The text features of `sources`, in that order, in one table (filled straight from the cache:
        no per-article copies stay in memory)."""
        sizes = {s: len(self.fresh[s].features) for s in sources if s in self.fresh}
        sizes |= self.cache.article_sizes("features", [s for s in sources if s not in self.fresh])
        lengths = [sizes[s] // ENTRY_BYTES for s in sources]
        offsets = np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))
        table = FeatureTable(np.empty(offsets[-1], np.uint64), np.empty(offsets[-1], np.float32), offsets)
        start = dict(zip(sources, offsets[:-1].tolist()))
        for source in sources:
            if source in self.fresh:
                _unpack_into(self.fresh[source].features, table, start[source])
        for source, data in self.cache.each_article_column("features", set(sources) - set(self.fresh)):
            _unpack_into(data, table, start[source])
        return table


def read_articles(config: Config, site_dir: Path, cache: BuildCache | None = None, jobs: int | Workers = 1,
                  progress: Callable[[int], None] | None = None, file_stamps: Mapping[str, tuple] | None = None,
                  stamped_at: int | None = None) -> Library:
    """Every article under content/ (in file order) and every problem found in them.  `file_stamps`:
    the files' `stamp_of` by absolute path, taken from `stamped_at` on (the build's input check),
    else each file is asked for its own here."""
    cache = cache or BuildCache(None)
    content_dir = site_dir / "content"
    if not content_dir.is_dir():
        return Library([], [Problem("content", "there is no content/ folder",
                                    "create content/ and put articles (.md) in it")], 0, 0, {}, cache)
    fingerprint = reader_fingerprint(config)
    same_reader = cache.value("reader", digest(fingerprint)) is not None
    stamps = cache.article_stamps()
    # (stamps taken by the input check count from when it began: that is when they prove anything)
    started = stamped_at if file_stamps is not None and stamped_at is not None else time.time_ns()
    file_stamps = file_stamps or {}
    # A file saved within a moment of the previous read can change without changing its stamp:
    # such "racily clean" files are hashed, whatever their stamp says (as git does).
    last_read_at = cache.value("stamped-at", b"") or 0
    cached, touched, to_read = [], [], []
    files: dict[str, tuple[Path, tuple[int, int, int, int]]] = {}
    prefix = len(str(content_dir)) + 1
    absolute = os.path.abspath(content_dir) + os.sep
    for path in find_article_files(content_dir):
        relative = str(path)[prefix:]
        source = "content/" + relative.replace(os.sep, "/")
        stamp = file_stamps.get(absolute + relative) or stamp_of(path.stat())
        files[source] = (path, stamp)
        known = stamps.get(source)
        if known and known[2]:
            # Its read found errors, which may name other files (a photo not there yet): an
            # error is checked afresh every time, never taken from the cache.
            to_read.append((source, _content_key(fingerprint, path)))
            continue
        if same_reader and known and known[0] == stamp and stamp_settled(stamp, last_read_at):
            cached.append(source)
            continue
        key = _content_key(fingerprint, path)
        if known and known[1] == key:
            cached.append(source)
            touched.append((source, stamp))
        else:
            to_read.append((source, key))

    root = os.path.abspath(content_dir) + os.sep
    entries = {source: (_located(entry, root), key) for source, (entry, key) in cache.article_entries(cached).items()}
    results: dict[str, tuple[Article | None, tuple[Problem, ...]]] = {}
    feature_keys: dict[str, bytes] = {}
    for source in cached:
        entry = entries.get(source)
        article = entry[0][0] if entry else None
        if entry is None or (article and not _all_there(_files_of(article))):
            # The entry is gone, or a photo or recording it relies on vanished: read the file again.
            path = files[source][0]
            to_read.append((source, _content_key(fingerprint, path)))
            continue
        results[source] = entry[0]
        feature_keys[source] = entry[1]
    if progress:
        progress(len(results))

    # Bodies, search text and features go to the cache in batches as they come, and stay in memory
    # only when there is no cache: 100,000 fresh articles carry 1.5 GB of them.
    fresh: dict[str, Fresh] = {}
    rows = []
    reader = ArticleReader(config, site_dir, content_dir)
    jobs_list = [(files[source][0], source, key.hex()) for source, key in to_read]
    with workers_for(jobs).over(reader, len(to_read) >= PARALLEL_FROM, chunksize=16) as mapped:
        for (source, key), outcome in zip(to_read, mapped(_read_one, jobs_list)):
            if cache.db is None:
                fresh[source] = outcome
            meta = (outcome.parsed.article, outcome.parsed.problems)
            results[source] = meta
            feature_keys[source] = digest(outcome.features)
            rows.append((source, files[source][1], key, _stored(meta, root), outcome.body_html,
                         outcome.search_text, outcome.features, feature_keys[source]))
            if len(rows) >= 1000:
                cache.store_articles(rows)
                rows = []
            if progress:
                progress(1)
    cache.store_articles(rows)
    cache.forget_articles([source for source in stamps if source not in files])
    cache.touch_articles(touched)
    cache.store_value("reader", digest(fingerprint), True)
    cache.store_value("stamped-at", b"", started)

    ordered = sorted(results)
    articles = [results[s][0] for s in ordered if results[s][0] is not None]
    problems = [p for s in ordered for p in results[s][1]]
    return Library(articles, problems, len(to_read), len(files), feature_keys, cache, fresh)

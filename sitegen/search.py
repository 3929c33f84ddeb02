"""The search index: Pagefind, one bundle per publication year, merged in the reader's browser.

Pagefind (a well-kept Rust indexer shipped on PyPI as `pagefind[extended]`) builds a static,
chunked index that the browser queries with WebAssembly: search works on any static host, offline.
Each article is indexed from a small search document (`search_documents.py`), not from its full
page: that keeps indexing time and memory in bounds on 100,000 articles.  A year's bundle is
rebuilt only when one of its documents changed (bundles are cached by a digest of their documents,
and Pagefind gives the same bytes for the same input), so an edit of today's article re-indexes
this year only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .digests import digest, file_digest, folder_stamp, settles_at, stamp_of, stamp_settled
from .errors import BuildFailed, Problem

if TYPE_CHECKING:
    from .cache import BuildCache
    from .site import Site
    from .article_views import ViewRef
    from .output import OutputWriter

INDEX_DIR = "pagefind"
UNUSED_BUNDLE_FILES = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")
"""Pagefind's ready-made interfaces, not copied: the theme has its own search page."""
PAGEFIND_DOCUMENTS_AT_ONCE = 10_000
"""Search documents that Pagefind runs may hold at once (about 1.25 GB: 125 kB each, measured)."""


def bucket_of(year: int, month: int, newest_year: int) -> str:
    """Which bundle an article's search document goes to: its month ("2026-11") in the newest
    year, its year ("2025") before.  Publishing and editing touch the newest articles, so a build
    re-indexes one month (a thousand articles at a big paper's pace), never the whole archive; a
    reader's browser merges at most 12 + (years of archive - 1) bundles."""
    return f"{year:04d}-{month:02d}" if year >= newest_year else f"{year:04d}"


@dataclass(frozen=True)
class Bucket:
    """The articles of one bundle: (page path, digest of its search document, source)."""

    name: str
    entries: tuple[tuple[str, bytes, str], ...]

    @property
    def key(self) -> bytes:
        return digest("pagefind", self.name, *(part for path, doc, _ in self.entries for part in (path, doc)))


def search_buckets(site: "Site", refs: dict[str, "ViewRef"], newest_year: int) -> list[Bucket]:
    """The published articles grouped into search bundles, each with the digest of what its search
    document is made of (`documents_of`): the signature of the article's view, of which it is made
    with the start of the body (the revision, in the signature, stands for that).  No view is made
    for it: an edit makes the views of the documents it indexes again, not of the archive's."""
    grouped: dict[str, list[tuple[str, bytes, str]]] = {}
    for month in site.months:  # the index's months, in the site's time zone
        grouped.setdefault(bucket_of(month.year, month.month, newest_year), []).extend(
            (site.path_of(article), refs[article.source].signature, article.source) for article in month.articles)
    return [Bucket(name, tuple(sorted(entries))) for name, entries in sorted(grouped.items(), reverse=True)]


ALONGSIDE_RENDERING = 2_000
"""Search documents to index, or articles read afresh, at most for Pagefind to run while pages are
planned and rendered (`runs_alongside`)."""


def runs_alongside(documents: int, articles_read: int) -> bool:
    """Whether Pagefind may index `documents` while the build plans and renders (`SearchIndexing.start`
    early): a small re-indexing (today's bucket, a day's new articles), or any re-indexing of a
    build that read few articles afresh (an edit of a past year's article re-indexes that year,
    10,000 documents at 100,000 articles: 11 s that used to come after rendering).  A cold build,
    which reads every article, waits for the search stage, so that Pagefind's memory (about 125 kB
    a document, PAGEFIND_DOCUMENTS_AT_ONCE at most) does not add to that of its render workers.
    (A theme change published with an old article's edit does render everything beside Pagefind.)"""
    return documents <= ALONGSIDE_RENDERING or articles_read <= ALONGSIDE_RENDERING


class SearchIndexing:
    """The Pagefind bundles of `buckets`, made in `work_dir` (`document(source)` gives an article's
    search document): bundles of other inputs are removed from it, and one is made only for a
    bucket whose bundle is not there whole (`_intact`: it still matches the manifest written when
    it was made).

    `start()` writes the missing buckets' documents (here, in this thread: they may come from the
    cache) and hands each bucket to Pagefind, a program of its own run from a thread, as soon as
    its documents are written; `bundles()` waits for the runs and gives bucket name -> folder of
    its bundle.  Between the two the build renders pages: one edit's re-indexing (a second for a
    past year's bucket at 10,000 articles) costs no wall time.  Pagefind runs hold about 125 kB
    per document, so runs go side by side only while their documents together stay under
    PAGEFIND_DOCUMENTS_AT_ONCE.  Use it as a context manager: leaving it early (a failed build)
    cancels the runs not begun and waits for the others."""

    def __init__(self, buckets: list[Bucket], work_dir: Path, jobs: int, document: Callable[[str], str],
                 cache: "BuildCache"):
        self.work_dir, self.document, self.cache = work_dir, document, cache
        work_dir.mkdir(parents=True, exist_ok=True)
        self.wanted = {bucket.key.hex(): bucket for bucket in buckets}
        _remove_all_but(work_dir, set(self.wanted) | {DOCUMENTS})
        _remove_all_but(work_dir / DOCUMENTS, {bucket.name for bucket in buckets})
        self.missing = [b for key, b in self.wanted.items() if not _intact(work_dir / key, b.name, cache)]
        self.documents = sum(len(bucket.entries) for bucket in self.missing)
        """Search documents to index."""
        self.pool = ThreadPoolExecutor(max_workers=max(1, jobs))
        self.running: list[tuple[Bucket, Future]] | None = None

    def start(self) -> None:
        if self.running is not None:
            return
        program = _pagefind() if self.missing else ""
        budget = _Budget(PAGEFIND_DOCUMENTS_AT_ONCE)
        self.running = []
        for bucket in self.missing:
            _write_documents(bucket, self.work_dir / DOCUMENTS / bucket.name, self.document, self.cache)
            self.running.append((bucket, self.pool.submit(_index, program, bucket, self.work_dir, budget)))

    def bundles(self) -> dict[str, Path]:
        self.start()
        for bucket, run in self.running or ():
            run.result()
            _record_documents(bucket, self.work_dir / DOCUMENTS / bucket.name, self.cache)
        return {bucket.name: self.work_dir / key for key, bucket in self.wanted.items()}

    def __enter__(self) -> "SearchIndexing":
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def index_buckets(buckets: list[Bucket], work_dir: Path, jobs: int, document: Callable[[str], str],
                  cache: "BuildCache") -> dict[str, Path]:
    """Bucket name -> folder holding its Pagefind bundle, made where missing (`SearchIndexing`)."""
    with SearchIndexing(buckets, work_dir, jobs, document, cache) as indexing:
        return indexing.bundles()


class _Budget:
    """Documents held by running Pagefind programs; `take` waits until `n` more fit (one run
    alone always fits, whatever its size)."""

    def __init__(self, limit: int):
        self.limit, self.held = limit, 0
        self.changed = threading.Condition()

    def take(self, n: int) -> int:
        n = min(n, self.limit)
        with self.changed:
            self.changed.wait_for(lambda: self.held + n <= self.limit)
            self.held += n
        return n

    def give_back(self, n: int) -> None:
        with self.changed:
            self.held -= n
            self.changed.notify_all()


def _pagefind() -> str:
    """The Pagefind binary that `pip install 'pagefind[extended]'` brings."""
    try:
        from pagefind_bin_extended import get_executable
        return str(get_executable())
    except Exception as exc:  # noqa: BLE001 - any failure here means the same to the editor
        raise BuildFailed([Problem("search", f"the Pagefind program is missing ({exc})",
                                   "pip install 'pagefind[extended]', or set search = false in config.toml")]) from None


DOCUMENTS = "documents"
"""In the search work folder: the search documents of each bucket (a folder per bucket name), kept
from build to build so that re-indexing a bucket rewrites only the documents that changed."""
WRITTEN = "search-documents:"
"""The stored step, per bucket name: page path -> (document digest, file stamp) of its documents."""


def _write_documents(bucket: Bucket, folder: Path, document: Callable[[str], str], cache: "BuildCache") -> None:
    """Make `folder` hold the bucket's search documents, as Pagefind reads a site (a page's
    document at <path>/index.html), and nothing else.

    A bucket of past years holds a thousand documents: writing them all again for one edited
    article cost most of a second.  A document whose file still has the stamp stored when it was
    written with the same digest is left as it is."""
    recorded = cache.value(WRITTEN + bucket.name, b"") or {}
    wanted = {_document_file(path): (path, doc_key, source) for path, doc_key, source in bucket.entries}
    for rel, path in _files_under(folder):  # what else is there goes (a removed article's document)
        if rel not in wanted:
            os.unlink(path)
            _remove_emptied(Path(path).parent, folder)
    for rel, (path, doc_key, source) in wanted.items():
        target = folder / rel
        try:
            if recorded.get(path) == (doc_key, stamp_of(os.stat(target))):
                continue
        except OSError:
            pass
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(document(source), encoding="utf-8")
        except OSError as exc:  # a write(2) that fails (a full disk) names no file by itself
            raise OSError(exc.errno, exc.strerror, str(target)) from None


def _document_file(path: str) -> str:
    """Where a page's search document stands in its bucket's folder."""
    return f"{path.strip('/')}/index.html"


FINE_STEP_WAIT_NS = 50_000_000
"""The longest wait `_record_documents` makes for fresh documents' stamps to settle."""


def _record_documents(bucket: Bucket, folder: Path, cache: "BuildCache") -> None:
    """Store the stamps of the bucket's documents once Pagefind has read them.  A stamp proves a
    document only once the clock's step has passed since it was written; Pagefind can read a small
    bucket faster than that (15 ms), so a fine-grained clock's step is waited out once, and the
    stamps taken again.  A file still within the step (a whole-second clock) is left out: it is
    written again next time."""
    record, settling = _settled_stamps(bucket, folder)
    wait_ns = settling - time.time_ns()
    if 0 < wait_ns <= FINE_STEP_WAIT_NS:
        time.sleep(wait_ns / 1e9 + 0.001)
        record, _ = _settled_stamps(bucket, folder)
    cache.store_value(WRITTEN + bucket.name, b"", record)


def _settled_stamps(bucket: Bucket, folder: Path) -> tuple[dict[str, tuple[bytes, tuple]], int]:
    """(page path -> (document digest, stamp) of the documents whose stamps are settled, when the
    last of the others will be: 0 if none)."""
    now, record, settling = time.time_ns(), {}, 0
    for path, doc_key, _ in bucket.entries:
        try:
            stamp = stamp_of(os.stat(folder / _document_file(path)))
        except OSError:
            continue
        if stamp_settled(stamp, now):
            record[path] = (doc_key, stamp)
        else:
            settling = max(settling, settles_at(stamp))
    return record, settling


def _remove_emptied(emptied: Path, top: Path) -> None:
    """Remove `emptied` and each parent below `top` left holding nothing (a removed article's
    document folder, then its category's).  Not `os.removedirs`: that would go on above `top`."""
    while emptied != top and top in emptied.parents:
        try:
            emptied.rmdir()
        except OSError:
            return  # it still holds something
        emptied = emptied.parent


def _remove_all_but(folder: Path, kept: set[str]) -> None:
    """Remove from `folder` (if there is one) what is not named in `kept`."""
    for old in folder.iterdir() if folder.is_dir() else ():
        if old.name not in kept:
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink()


def _index(program: str, bucket: Bucket, work_dir: Path, budget: _Budget) -> None:
    share = budget.take(len(bucket.entries))
    key = bucket.key.hex()
    scratch = work_dir / f"tmp-{key}"
    shutil.rmtree(scratch, ignore_errors=True)
    command = [program, "--site", str(work_dir / DOCUMENTS / bucket.name),
               "--output-path", str(scratch / "bundle"), "--force-language", "vi", "--silent"]
    try:
        # Pagefind reads nothing from stdin; run by hand with an open one it sat 100 s before indexing
        result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=3600)
    finally:
        budget.give_back(share)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BuildFailed([Problem(
            "search", f"Pagefind failed to index the articles of {bucket.name}: {detail[0]}",
            "reinstall it with pip install 'pagefind[extended]', or set search = false in config.toml",
        )])
    bundle = scratch / "bundle"
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    manifest = "".join(f"{file_digest(p).hex()} {p.relative_to(bundle).as_posix()}\n" for p in files)
    (bundle / MANIFEST).write_text(manifest, encoding="utf-8")
    shutil.rmtree(work_dir / key, ignore_errors=True)  # a damaged bundle of the same input
    bundle.rename(work_dir / key)
    shutil.rmtree(scratch, ignore_errors=True)


MANIFEST = ".sitegen-manifest"
"""In each cached bundle: the digest and path of every file Pagefind wrote, one per line."""


CHECKED = "search-bundle-checked:"
"""The stored step, per bucket name: the stamps of its cached bundle's files when they last matched
its manifest."""


def _intact(folder: Path, name: str, cache: "BuildCache") -> bool:
    """Whether a cached bundle holds exactly the files its manifest lists, with their bytes.

    An archive's bundles hold ten thousand files: digesting them in every build cost half a second
    at 10,000 articles.  So the stamps of the files (size, mtime, ctime, inode: a file written in
    place moves them) are stored once the manifest proved them whole, and a bundle whose files
    still have those stamps is not digested again."""
    try:
        files = _files_under(folder)
        stamps = [(rel, stamp_of(os.stat(path))) for rel, path in files]
        held = digest(folder.name, *(f"{rel} {stamp}" for rel, stamp in stamps))
        if cache.value(CHECKED + name, held) is not None:
            return True
        lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
        listed = dict(reversed(line.split(" ", 1)) for line in lines)
        if not listed or set(listed) != {rel for rel, _ in files} - {MANIFEST}:
            return False
        known = cache.file_digests([str(folder / rel) for rel in sorted(listed)])
        if not all(known[str(folder / rel)].hex() == expected for rel, expected in listed.items()):
            return False
    except (OSError, ValueError):
        return False
    now = time.time_ns()
    if all(stamp_settled(stamp, now) for _, stamp in stamps):
        cache.store_value(CHECKED + name, held, True)
    return True


def _files_under(folder: Path) -> list[tuple[str, str]]:
    """(path relative to `folder`, path) of every file under it, sorted."""
    root = str(folder)
    return sorted((os.path.join(directory, file)[len(root) + 1:].replace(os.sep, "/"), os.path.join(directory, file))
                  for directory, _, names in os.walk(root) for file in names)


def copy_search_bundles(out: "OutputWriter", bundles: dict[str, Path],
                        digests: Callable[[list[str]], dict[str, bytes]], cached: bool) -> None:
    """The Pagefind bundles into output/pagefind/<bundle>/ (unchanged files left alone).

    Bundles kept in the build cache (`cached`) have their folders of fragments and index chunks
    (nearly all of their files, ten thousand at 10,000 articles) linked as one unit each, as photo
    renditions are, made from the cache's folder itself: a bundle made again is a new folder
    there, so its files are looked at anew.  Bundles made afresh for this build alone are copied
    file by file: those the output holds already, with the same bytes, stay as they are."""
    files = []
    for name, folder in bundles.items():
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False) and not cached:
                    files += [(f"{INDEX_DIR}/{name}/{entry.name}/{rel}", path)
                              for rel, path in _files_under(Path(entry.path))]
                elif entry.is_dir(follow_symlinks=False):
                    names = tuple(sorted(os.listdir(entry.path)))
                    out.link_folder(f"{INDEX_DIR}/{name}/{entry.name}", names, Path(entry.path),
                                    made_from=digest(folder.name, entry.name, str(folder_stamp(entry.path))))
                elif not entry.name.startswith(UNUSED_BUNDLE_FILES) and entry.name != MANIFEST:
                    files.append((f"{INDEX_DIR}/{name}/{entry.name}", entry.path))
    known = digests([path for _, path in files])
    for rel, path in files:
        out.copy(rel, path, known[path], made_here=True)

"""Is output/ already what a build would make?  Answered from file stamps alone, before the heavy
parts of sitegen are even imported, so that a build with nothing to do takes a fraction of a second.

A successful build records a fingerprint of its inputs — every file of the site's content, templates,
static files and themes (path and stamp: size, mtime, ctime, inode), config.toml's bytes, sitegen's version, the build
options — and the moment its output stops being right by the clock alone (the next scheduled article
to come out, the next article to leave the news sitemap's window).  A later build with the same
fingerprint, before that moment, into an output/ that still links to the tree the previous build
published (and recorded as whole), whose files are all as that build left them (by their size and
mtime; a folder of photo renditions by its own), has nothing to do.
"""

from __future__ import annotations

import hashlib
import os
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from .cache import BuildCache
from .cache_trust import CacheDamaged
from .digests import code_version, folder_stamp, settled, stamp_of
from .theme import builtin_themes_dir

WATCHED = ("content", "templates", "static", "themes")
"""The site's folders whose changes a build may publish (with config.toml); `serve` watches them too."""


class Fingerprint(NamedTuple):
    digest: bytes
    """Of every input file's path and stamp, config.toml's bytes, sitegen's version and the options."""
    newest: int
    """The newest mtime or ctime among the files (ns)."""
    stamps: dict[str, tuple[int, int, int, int]]
    """Absolute path of each file -> the `stamp_of` taken: the build's photo step reads its photos'
    stamps here instead of asking the disk a second time (33,000 photos at 20,000 articles)."""


def input_fingerprint(site_dir: Path, output_dir: Path, drafts: bool, future: bool) -> Fingerprint:
    """A digest of everything a build reads, by file stamps (the cache folder and output/ excluded),
    the newest mtime or ctime among them, and the stamps."""
    newest = 0
    h = hashlib.blake2b(digest_size=16)
    h.update(repr((code_version(), drafts, future, os.path.abspath(output_dir))).encode())
    try:
        h.update((site_dir / "config.toml").read_bytes())
    except OSError:
        h.update(b"no config")
    stamps = {}
    for root in [site_dir / name for name in WATCHED] + [builtin_themes_dir()]:
        # (by its absolute path, not its real one: the read stage gives the photos it finds
        # paths under the site folder as it was named, links in it left as they are)
        for folder, dirs, files in os.walk(os.path.abspath(root)):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                stamps[path] = stamp = stamp_of(stat)
                h.update(f"{path}\0{stamp}\n".encode())
                newest = max(newest, stat.st_mtime_ns, stat.st_ctime_ns)
    return Fingerprint(h.digest(), newest, stamps)


def up_to_date(folder: Path, fingerprint: Fingerprint, output_dir: Path, now: float | None = None) -> dict | None:
    """The previous build's summary if output/ is already what a build with inputs `fingerprint`
    would make now, else None.  `folder` is the cache folder."""
    if not (folder / "cache.sqlite").is_file() or not output_dir.is_symlink():
        return None  # no record, or no release published yet: do the work
    now = time.time() if now is None else now
    try:
        cache = BuildCache(folder)
    except CacheDamaged:
        return None  # the build says so, and starts afresh
    try:
        recorded = cache.value(f"fingerprint:{os.path.abspath(output_dir)}", fingerprint.digest)
        if recorded is None or not recorded["built_at"] <= now < recorded["valid_until"] \
                or not settled(fingerprint.newest, recorded["stamped_at"]):
            # A file modified this close to the moment its stamp was taken may have changed again
            # without its stamp changing: then the fingerprint proves nothing.
            return None
        tree, stamps = cache.output_stamps(output_dir)
        if not stamps or os.path.basename(os.readlink(output_dir)) != tree:
            return None
        root = str(output_dir)
        # Folders of photo renditions and of search bundles are checked whole, as the build checks
        # them (`link_folder`): a file added, removed or renamed in one moves its mtime.  A folder
        # stamped None changed too close to its publishing for a stamp to prove anything: there is
        # no stamp of it to compare (the next build into its tree checks it file by file).
        for folder, (_, *stamp) in cache.folder_stamps(output_dir, tree).items():
            if stamp[0] is not None and folder_stamp(f"{root}/{folder}") != tuple(stamp):
                return None
        for rel, size, mtime_ns in stamps:
            try:
                stat = os.stat(f"{root}/{rel}")
            except OSError:
                return None
            if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
                return None
        return recorded["summary"]
    except CacheDamaged:
        return None
    finally:
        cache.close()


def record(cache: BuildCache, output_dir: Path, fingerprint: Fingerprint, stamped_at: int, built_at: float,
           valid_until: float, summary: dict) -> None:
    """After a successful build: its inputs' fingerprint (taken at `stamped_at`, ns), the span of
    time its output is right for, and its summary (to report when a later build has nothing to do)."""
    cache.store_value(f"fingerprint:{os.path.abspath(output_dir)}", fingerprint.digest, {"built_at": built_at, "valid_until": valid_until,
                                                      "stamped_at": stamped_at, "summary": summary})


def valid_until(articles: list, now: datetime, options, config, banner=None) -> float:
    """The first moment the clock alone changes the output: a scheduled article comes out (or loses
    its "Hẹn giờ" mark), an article leaves the news sitemap's window, one expires, or the banner
    (`banner.Banner`) appears on the home page or leaves it."""
    moments = [float("inf"), *(banner.moments(now) if banner else ())]
    window = timedelta(days=config.news_sitemap_days)
    for article in articles:
        if article.draft and not options.drafts:
            continue
        if article.date > now:
            moments.append(article.date.timestamp())
        elif article.date + window > now:
            moments.append((article.date + window).timestamp())
        if article.expires and article.expires > now and not article.withdrawn:
            moments.append(article.expires.timestamp())
    return min(moments)

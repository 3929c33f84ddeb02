"""Publishing output/: two whole copies of the site, and one atomic switch from one to the other.

output/ is a symbolic link to one of two trees kept beside it, in a folder named after it:

    output -> .output-releases/blue        (and .output-releases/green, the standby)

The live tree is never touched.  A build brings the standby tree up to date — writing only the
files that differ from what the standby holds (those changed by this build and by the one before),
a file the live tree holds with the same bytes being a hard link to it (same inode, same mtime:
`rsync` skips it) — and deletes what the site no longer has.  Only when the whole build succeeded
does `publish()` point output/ at it, by renaming a fresh link over the old one.  rename(2) is
atomic: a web server or `rsync` that reads output/ sees the old site or the new one, never a mix,
at any instant, even when the build is killed; a killed build leaves only the standby tree half
updated, and the next build sets it right.  So a build costs what changed, not the size of the
archive.  A reader still inside the old tree has until the next build (which updates it) to finish.

Nothing is written outside output/ and its releases folder, and nothing is deleted that sitegen did
not make: a folder in output/'s place that sitegen did not make is refused, or moved aside with
`--force`, never emptied.  Decisions about single files (`OutputWriter.put`) write only into the
standby tree and report what they did, so they can run in forked worker processes.  Where the
releases folder is, which output folders are refused, which tree is live, and the lock that keeps
one build at a time are `output_guard.py`.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat as stat_module
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .digests import digest, folder_stamp, same_bytes, same_file, settled
from .errors import Problem, display_path
from .output_guard import TREES, OutputLock, live_tree, releases_dir
from .output_records import OutputRecord


@dataclass(frozen=True)
class Put:
    """What happened to one output file: its record, and whether it was written anew (changed)."""

    path: str
    record: OutputRecord
    staged: bool


class OutputWriter:
    """The standby tree of output/, brought up to date file by file and published at once."""

    def __init__(self, output_dir: Path, cache: Any, force: bool = False, site_dir: Path | None = None):
        """`cache` keeps what each tree holds (`BuildCache.outputs`, `.standby_dirty`, `.store_outputs`)."""
        self.output_dir = Path(os.path.abspath(output_dir))
        self.releases = releases_dir(self.output_dir)
        self.force = force
        self.site_dir = site_dir or self.output_dir.parent
        self.cache = cache
        self.previous: dict[str, OutputRecord] = {}
        """What the live tree holds, as far as the cache can vouch (empty if it cannot)."""
        self.live: str | None = None
        """The live tree's name (None before the first build)."""
        self.records: dict[str, OutputRecord] = {}
        self.units: dict[str, tuple[bytes, tuple[str, ...]]] = {}
        """folder -> (digest, names) of this build's content-addressed files in it (`link_folder`)."""
        self._units_set_right: set[str] = set()
        """The folders whose content-addressed files were checked one by one (`link_folder`)."""
        self.staged: set[str] = set()
        self.notes: list[Problem] = []
        """What the writer did that the editor should know (a folder moved aside)."""
        self._dirs: set[str] = set()
        self._lock = OutputLock(self.releases / ".lock", display_path(self.output_dir, self.site_dir))

    # --- the two trees -----------------------------------------------------------------------------

    def __enter__(self) -> "OutputWriter":
        self._lock.acquire()
        try:
            self._prepare()
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, kind, value, traceback) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)
        self._lock.release()

    def _prepare(self) -> None:
        self.live = live_tree(self.output_dir, self.releases, self.site_dir, self.force, self.notes)
        self.release_name = TREES[1] if self.live == TREES[0] else TREES[0]
        self.staging = self.releases / self.release_name
        """The standby tree, which this build brings up to date."""
        self.previous = (self.cache.outputs(self.output_dir, self.live) or {}) if self.live else {}
        standby = self.cache.outputs(self.output_dir, self.release_name) if self.staging.is_dir() else {}
        # What the standby holds: known, or (after a killed build, or files changed by hand)
        # unknown, and then every file there is checked as the build meets it.
        self.standby: dict[str, OutputRecord] | None = standby
        self.standby_units = self.cache.folder_stamps(self.output_dir, self.release_name) if standby else {}
        """folder -> (digest of the names, mtime_ns, inode) of the standby's folders of content-addressed files."""
        self.cache.standby_dirty(self.output_dir, self.release_name)  # before its first change
        self.staging.mkdir(exist_ok=True)
        self._root = str(self.staging)
        self._live_root = str(self.releases / self.live) if self.live else None
        self._dirs = {self._root}
        self.scratch = self.releases / ".work"
        """A folder for temporary work (never published), removed with the build."""
        shutil.rmtree(self.scratch, ignore_errors=True)

    # --- deciding, file by file (safe in worker processes) -----------------------------------------

    def _on_disk(self, rel: str, root: str | None = None) -> str:
        """The file's path in the standby tree (or under `root`); rejects anything that could leave it."""
        if not rel or rel[0] == "/" or "\\" in rel or "\0" in rel or "/../" in f"/{rel}/" or "/./" in f"/{rel}/":
            raise ValueError(f"refusing to write outside output/: {rel!r}")
        return f"{root or self._root}/{rel}"

    def file(self, rel: str) -> str:
        """Where `rel` is in the standby tree."""
        return self._on_disk(rel)

    def _live(self, rel: str) -> str | None:
        return self._on_disk(rel, self._live_root) if self._live_root else None

    @staticmethod
    def _as_recorded(path: str | None, record: OutputRecord | None) -> bool:
        if path is None or record is None:
            return False
        try:
            stat = os.stat(path)
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == (record.size, record.mtime_ns)

    def intact(self, rel: str, key: bytes | None = None) -> OutputRecord | None:
        """The live tree's record of `rel` if its file is still as the build that wrote it left it
        (and, with `key`, was made from inputs with that digest)."""
        record = self.previous.get(rel)
        if record is None or (key is not None and record.page_key != key):
            return None
        return record if self._as_recorded(self._live(rel), record) else None

    def _standby_holds(self, rel: str, content: bytes, known: tuple[str, bytes] | None = None) -> OutputRecord | None:
        """The standby's record of `rel` if its file already has these bytes (`known`: a file, the
        live tree's or the cache's, and the digest of what it holds)."""
        if self.standby is None:  # unknown: look at the file itself
            target = self._on_disk(rel)
            try:
                stat = os.stat(target)
                # A hard link to the known file is that file: no need to read it.  (After the
                # cache was dropped, or a build killed, most of the standby's files are links into
                # the live tree; reading each cost 9 s at 20,000 articles.)
                if known is not None and same_file(stat, known[0]):
                    return OutputRecord(content, stat.st_size, stat.st_mtime_ns, None) if known[1] == content else None
                # digest() of the bytes, as `put` records them (not file_digest, the photos' key:
                # another hash, which no record holds).
                if stat.st_size <= 64 << 20 and digest(Path(target).read_bytes()) == content:
                    return OutputRecord(content, stat.st_size, stat.st_mtime_ns, None)
            except OSError:
                pass
            return None
        record = self.standby.get(rel)
        if record is not None and record.digest == content and self._as_recorded(self._on_disk(rel), record):
            return record
        return None

    def _place(self, rel: str, source: str | None, data: bytes | None, stat: bool = True) -> os.stat_result | None:
        """Put a hard link to `source`, or a new file holding `data`, at `rel` in the standby tree —
        over a file there, always as a new name renamed into place: the old file may be a link into
        the live tree.  Its stat, unless `stat` is False."""
        target = self._on_disk(rel)
        temporary = f"{target}.sitegen-new"
        try:
            folder = os.path.dirname(target)
            if folder not in self._dirs:
                if os.path.isfile(folder) or os.path.islink(folder):  # a file stands where a folder goes
                    os.unlink(folder)
                os.makedirs(folder, exist_ok=True)
                self._dirs.add(folder)
            if source is not None:
                # A link at a name nothing holds yet is in place at once (the standby tree catching
                # up with a whole archive: one call a file, not five); else it replaces what is there.
                try:
                    os.link(source, target)
                    return os.stat(target) if stat else None
                except OSError:
                    pass
            if os.path.isdir(target) and not os.path.islink(target):  # a folder stands where a file goes
                shutil.rmtree(target)
            if source is not None:
                try:
                    os.link(source, temporary)
                except FileExistsError:
                    os.unlink(temporary)
                    os.link(source, temporary)
                except OSError as exc:
                    if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
                        raise
                    shutil.copy2(source, temporary)
            else:
                with open(temporary, "wb") as file:
                    file.write(data)
            os.replace(temporary, target)
            if os.path.lexists(temporary):
                # Both names were links to one file already: rename(2) then does nothing at all.
                os.unlink(temporary)
            return os.stat(target) if stat else None
        except OSError as exc:  # named as the editor knows it: output/<path>
            raise OSError(exc.errno, exc.strerror, str(self.output_dir / rel)) from None

    def put(self, rel: str, data: bytes, key: bytes | None = None) -> Put:
        """Make `rel` hold `data` in the standby tree; `staged` when it differs from the live tree."""
        content = digest(data)
        live = self.intact(rel)
        known = (self._live(rel), live.digest) if live is not None else None
        if live is not None and live.digest != content:
            live = None
        if live is None and rel not in self.previous and self._live(rel) and os.path.isfile(self._live(rel)):
            # No record of the live file (no cache, or a crash between publishing and recording):
            # compare with the file itself.
            stat = os.stat(self._live(rel))
            if stat.st_size == len(data) and Path(self._live(rel)).read_bytes() == data:
                live = OutputRecord(content, stat.st_size, stat.st_mtime_ns, key)
        held = self._standby_holds(rel, content, known)
        if held is not None and (live is None or (held.size, held.mtime_ns) == (live.size, live.mtime_ns)):
            return Put(rel, held._replace(page_key=key), live is None)
        if live is not None:
            stat = self._place(rel, self._live(rel), None)
            return Put(rel, OutputRecord(content, stat.st_size, stat.st_mtime_ns, key), False)
        stat = self._place(rel, None, data)
        return Put(rel, OutputRecord(content, stat.st_size, stat.st_mtime_ns, key), True)

    # --- collecting, in the parent -----------------------------------------------------------------

    def keep(self, rel: str, record: OutputRecord) -> None:
        """`rel` is unchanged in the live tree: the standby gets the same file."""
        held = self._standby_holds(rel, record.digest, (self._live(rel), record.digest))
        if held is None or (held.size, held.mtime_ns) != (record.size, record.mtime_ns):
            self._place(rel, self._live(rel), None)
        self.records[rel] = record

    def add(self, put: Put) -> None:
        self.records[put.path] = put.record
        if put.staged:
            self.staged.add(put.path)

    def write(self, rel: str, data: bytes, key: bytes | None = None) -> None:
        self.add(self.put(rel, data, key))

    def copy(self, rel: str, source: str | Path, content_key: bytes, made_here: bool = False) -> None:
        """A file copied as it is (photos, static files); `content_key` is the digest of its bytes, so
        a replaced file is seen whatever its size and mtime say.  `made_here`: the source is a file
        sitegen wrote once under a name of its own and never changes (a photo rendition, a search
        bundle file), so a new one is a hard link to it, not a copy of its bytes."""
        key = b"copy\0" + content_key
        record = self.intact(rel, key)
        if record is not None:
            self.keep(rel, record)
        elif not made_here or (rel not in self.previous and self._live(rel) and os.path.isfile(self._live(rel))):
            # (A live file the cache has no record of is compared byte for byte, as `put` does.)
            self.write(rel, Path(source).read_bytes(), key)
        else:
            self.link(rel, source, digest(b"made here", key), key)  # its key names its bytes

    def link(self, rel: str, source: str | Path, content: bytes, key: bytes) -> None:
        """Make `rel` a hard link to `source`, a file of the cache whose bytes have digest `content`
        and never change (a rendition, a stored page), made from inputs `key`."""
        held = self._standby_holds(rel, content, (str(source), content))
        if held is None:
            stat = self._place(rel, str(source), None)
            held = OutputRecord(content, stat.st_size, stat.st_mtime_ns, key)
        live = self.previous.get(rel)
        self.add(Put(rel, held._replace(page_key=key), live is None or live.digest != content))

    def link_folder(self, folder: str, names: tuple[str, ...], source: Path, made_from: bytes = b"") -> None:
        """Make `folder` hold hard links to the files `names` of the cache folder `source`: files
        sitegen made under names of their own, which name their bytes (photo renditions), or files
        of a cache folder that is never changed once made (`made_from` says which: a search bundle,
        whose names are a few hex digits of a hash and cannot be trusted to tell its bytes).

        An archive has a million such files, too many to record or check one by one in every
        build.  So they are recorded as one unit per folder, the digest of their names (and of
        `made_from`), with the folder's stamp (mtime and inode: any file added, removed or renamed
        in it moves them).
        Where the standby's folder has the stamp recorded when it held these very names, it holds
        them still.  Else each is looked at: a file at its name is whole (a file reaches its name
        only by a rename) — with `made_from`, only if it holds the cache's file's bytes — the others
        are linked anew, and `publish` removes what else is there.
        (A file changed in place needs no check of its own: it is the cache's file, the one a new
        link would point to.  Where the disk allows no links, the output holds copies, and a copy
        changed in place keeps its name and the folder's mtime: it is trusted as the link is.)"""
        unit = digest(made_from, *names) if made_from else digest(*names)
        self.units[folder] = (unit, names)
        recorded = self.standby_units.get(folder)
        if recorded is not None and recorded[0] == unit \
                and folder_stamp(f"{self._root}/{folder}") == tuple(recorded[1:]):
            return
        self._units_set_right.add(folder)
        live_root = self._live_root
        for name in names:
            rel = f"{folder}/{name}"
            if _holds(self._on_disk(rel), str(source / name), made_from):
                continue
            self._place(rel, str(source / name), None, stat=False)
            # Changed only if the live tree lacks it: the standby catching up with the live tree
            # (the build after a cold one links a whole archive's renditions) publishes nothing new.
            if live_root is None or not _holds(f"{live_root}/{rel}", str(source / name), made_from):
                self.staged.add(rel)

    @property
    def files(self) -> int:
        """How many files the site has: those recorded one by one, and the content-addressed ones."""
        return len(self.records) + sum(len(names) for _, names in self.units.values())

    def _folder_stamps(self) -> dict[str, tuple]:
        """The stamps of this build's folders of content-addressed files in the standby tree, once
        it holds what it will be published with.  A folder changed too close to now for its mtime
        to prove anything (the filesystem's clock step) gets a stamp no folder has: checked file by
        file next time, and still known as this build's, so a build without it removes its files."""
        stamps = {}
        now = time.time_ns()
        for folder, (unit, _) in self.units.items():
            stamp = folder_stamp(f"{self._root}/{folder}")
            if stamp is not None and settled(stamp[0], now):
                stamps[folder] = (unit, *stamp)
            else:
                stamps[folder] = (unit, None, None)
        return stamps

    @property
    def changed(self) -> int:
        return len(self.staged)

    def publish(self) -> dict[str, OutputRecord]:
        """Delete what the site no longer has from the standby tree, switch output/ to it in one
        atomic step, and record what it holds; the new records."""
        self._remove_stale()
        out = self.output_dir
        # The new link is made in the releases folder (a build killed here leaves it for the next
        # one to replace); its target is relative to where it will stand, so the site can move.
        link = self.releases / ".link"
        if link.is_symlink() or link.exists():
            link.unlink()
        os.symlink(os.path.relpath(self.staging, out.parent), link)
        if out.is_dir() and not out.is_symlink():
            out.rmdir()  # an empty folder (checked when the build began): a link cannot replace it
        folders = self._folder_stamps()
        os.replace(link, out)
        self.cache.store_outputs(self.output_dir, self.release_name, self.records, self.standby, folders)
        return self.records

    def _remove_stale(self) -> None:
        if self.standby is not None:
            for rel in self.standby:
                # (A file of a unit folder may be in the standby's records: a build without the
                # cache, or an older sitegen, copies search bundles file by file.)
                if rel not in self.records and not self._in_unit(rel):
                    self._unlink(rel)
            # Folders of content-addressed files not known to be as this build left them: what
            # this build did not publish there goes (renditions no longer used, a killed build's
            # temporary files); and so do the units of folders this build has none in.
            for folder in self._units_set_right | (self.standby_units.keys() - self.units.keys()):
                self._remove_unpublished(folder)
            return
        root = self._root  # unknown standby: whatever is not this build's goes
        for folder, _, files in os.walk(root):
            rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
            self._remove_unpublished("" if rel_folder == "." else rel_folder, files)

    def _in_unit(self, rel: str) -> bool:
        folder, _, name = rel.rpartition("/")
        return folder in self.units and name in self.units[folder][1]

    def _remove_unpublished(self, folder: str, files: list[str] | None = None) -> None:
        """Remove the files of `folder` (in the standby tree; `files`, when already listed) that this
        build does not publish."""
        if files is None:
            try:
                files = [e.name for e in os.scandir(f"{self._root}/{folder}") if not e.is_dir(follow_symlinks=False)]
            except OSError:  # gone, or never made
                return
        kept = set(self.units.get(folder, (b"", ()))[1])
        for name in files:
            rel = f"{folder}/{name}" if folder else name
            if name not in kept and rel not in self.records:
                self._unlink(rel)

    def _unlink(self, rel: str) -> None:
        path = self._on_disk(rel)
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                return  # a folder stands there now (this build made it where a file was)
            os.unlink(path)
        except (FileNotFoundError, NotADirectoryError):
            return  # gone already, or a file of this build stands where its folder was
        folder = os.path.dirname(path)
        while folder != self._root and os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)


def _holds(path: str, source: str, made_from: bytes) -> bool:
    """Whether the file at `path` is the content-addressed file `source`: any file at its name is
    (a file reaches its name only by a rename), or, with `made_from` (names that do not tell the
    bytes), one holding the same bytes."""
    try:
        held = os.lstat(path)
    except OSError:
        return False
    return stat_module.S_ISREG(held.st_mode) and (not made_from or same_bytes(held, path, source))

"""Publishing output/: every build makes a whole new release, and one atomic switch makes it live.

output/ is a symbolic link to a release folder kept beside it, in a folder named after it:

    output -> .output-releases/20261201-213501-4242

A build writes its release in a new folder there.  A file the previous release already holds with
the very same bytes is a hard link to it (same inode, same mtime: `rsync` skips it, and linking costs
no copy); every other file is written anew.  Only when the whole build succeeded does `publish()`
point output/ at the new release, by renaming a fresh link over the old one.  rename(2) is atomic:
a web server or `rsync` that reads output/ sees the old site or the new one, never a mix, at any
instant, even when the build is killed (a killed build leaves an unused folder that the next build
deletes).  The previous release is kept for readers still inside it (and for a rollback by hand);
older ones are deleted.  Nothing is written outside output/ and its releases folder, and nothing in
them is deleted that sitegen did not make: a folder in output/'s place that sitegen did not make is
refused, or moved aside with `--force`, never emptied.

Decisions about single files (`OutputWriter.put`) write only into the new release and report what
they did, so they can run in forked worker processes; the parent collects the reports.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from .cache import OutputRecord, digest
from .errors import BuildFailed, Problem, display_path

MARKER = ".sitegen-releases"
"""The file that marks a releases folder as sitegen's own."""
MOVED_ASIDE = "before-sitegen-"
"""Prefix of a folder that stood where output/ goes, moved aside by --force: never deleted."""


def releases_dir(output_dir: Path) -> Path:
    """Where the releases of `output_dir` live: beside it, hidden, named after it."""
    output_dir = Path(os.path.abspath(output_dir))
    return output_dir.parent / f".{output_dir.name}-releases"


def check_output_dir(output_dir: Path, site_dir: Path) -> None:
    """Refuse output folders whose replacement would destroy the site itself."""
    out, site = Path(os.path.abspath(output_dir)), Path(os.path.abspath(site_dir))
    if out == site or site.is_relative_to(out) or out.is_relative_to(site / "content") \
            or (out / "config.toml").exists() or out == Path(out.anchor) \
            or any(out.is_relative_to(site / name) for name in ("templates", "static", "themes", ".git")):
        raise BuildFailed([Problem(
            str(output_dir), "this output folder holds the site itself; building would replace it",
            "choose an output folder of its own, e.g. --output output",
        )])


class OutputLock:
    """One build at a time per output folder: an exclusive lock on a file in its releases folder,
    holding the pid of the build that has it (for the message a second build prints)."""

    def __init__(self, path: Path, what: str):
        self.path = path
        self.what = what
        self.file = None

    def acquire(self, wait: float = 0.0) -> "OutputLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(self.path, "a+")
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self.file.seek(0)
                    holder = self.file.read().strip() or "unknown"
                    self.file.close()
                    self.file = None
                    raise BuildFailed([Problem(
                        str(self.what), f"another build of this site is running (pid {holder})",
                        "wait for it to finish (or stop it), then build again",
                    )]) from None
                time.sleep(0.1)
        self.file.seek(0)
        self.file.truncate()
        self.file.write(f"{os.getpid()}\n")
        self.file.flush()
        return self

    def release(self) -> None:
        if self.file is not None:
            self.file.close()  # closing drops the lock
            self.file = None


@dataclass(frozen=True)
class Put:
    """What happened to one output file: its record, and whether it was written anew (changed)."""

    path: str
    record: OutputRecord
    staged: bool


class OutputWriter:
    """A new release of output/, filled file by file and published at once by `publish()`."""

    def __init__(self, output_dir: Path, previous: Callable[[str], dict[str, OutputRecord]],
                 force: bool = False, site_dir: Path | None = None):
        """`previous(release)` gives what the cache recorded of that release (empty if unknown)."""
        self.output_dir = Path(os.path.abspath(output_dir))
        self.releases = releases_dir(self.output_dir)
        self.force = force
        self.site_dir = site_dir or self.output_dir.parent
        self._previous_of = previous
        self.previous: dict[str, OutputRecord] = {}
        self.current: str | None = None
        """The live release's folder name (None before the first build)."""
        self.records: dict[str, OutputRecord] = {}
        self.staged: set[str] = set()
        self.published = False
        self.notes: list[Problem] = []
        """What the writer did that the editor should know (a folder moved aside)."""
        self._dirs: set[str] = set()
        self._lock = OutputLock(self.releases / ".lock", display_path(self.output_dir, self.site_dir))

    # --- the release folder ------------------------------------------------------------------------

    def __enter__(self) -> "OutputWriter":
        self._lock.acquire()
        try:
            self._prepare()
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:
            self.abort()
        self._lock.release()

    def _prepare(self) -> None:
        self.current = self._live_release()
        self.previous = self._previous_of(self.current) if self.current else {}
        self._live_root = str(self.releases / self.current) if self.current else None
        name = time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}"
        for attempt in range(100):
            candidate = self.releases / (name if attempt == 0 else f"{name}-{attempt}")
            try:
                candidate.mkdir()
                break
            except FileExistsError:
                continue
        self.release_name = candidate.name
        self.staging = candidate
        self._root = str(candidate)
        self._dirs = {self._root}
        self.scratch = self.releases / f".work-{self.release_name}"
        """A folder for temporary work (never published), removed with the build."""

    def _live_release(self) -> str | None:
        """The release output/ points at now; refuses (or, forced, moves aside) anything else there."""
        self.releases.mkdir(parents=True, exist_ok=True)
        marker = self.releases / MARKER
        if not marker.exists():
            if any(entry.name not in (".lock",) for entry in os.scandir(self.releases)):
                raise BuildFailed([Problem(
                    display_path(self.releases, self.site_dir),
                    "this folder is where sitegen keeps the releases of the output folder, but sitegen did not make it",
                    "move it away, or choose another --output",
                )])
            marker.write_text("Releases of the site published by sitegen; output/ links to one of them.\n")
            (self.releases / ".gitignore").write_text("*\n")
        out = self.output_dir
        if out.is_symlink():
            target = os.readlink(out)
            parent = Path(os.path.abspath(out.parent / target)).parent
            if parent == self.releases and (self.releases / Path(target).name).is_dir():
                return Path(target).name
            if not self.force:
                raise BuildFailed([Problem(
                    display_path(out, self.site_dir), f"the output folder is a link to {target}, which sitegen did not make",
                    "remove the link, choose another --output, or build with --force to replace the link (its target is kept)",
                )])
            return None
        if not out.exists():
            return None
        if out.is_dir() and not any(os.scandir(out)):
            return None
        if not self.force:
            entries = sorted(entry.name for entry in os.scandir(out)) if out.is_dir() else []
            shown = ", ".join(entries[:5]) + (", …" if len(entries) > 5 else "")
            raise BuildFailed([Problem(
                display_path(out, self.site_dir),
                f"the output folder holds files sitegen did not publish ({shown})" if entries else
                "a file stands where the output folder goes",
                "choose an empty or new folder with --output; or build with --force to move them aside into "
                f"{display_path(self.releases, self.site_dir)}/{MOVED_ASIDE}… (nothing is deleted)",
            )])
        aside = self.releases / f"{MOVED_ASIDE}{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        os.rename(out, aside)
        self.notes.append(Problem(
            display_path(out, self.site_dir), f"what stood in the output folder was moved to {display_path(aside, self.site_dir)}",
            "nothing was deleted; remove that folder when you no longer need it", severity="warning",
        ))
        return None

    # --- deciding, file by file (safe in worker processes) -----------------------------------------

    def _on_disk(self, rel: str, root: str | None = None) -> str:
        """The file's path in the new release (or under `root`); rejects anything that could leave it."""
        if not rel or rel[0] == "/" or "\\" in rel or "\0" in rel or "/../" in f"/{rel}/" or "/./" in f"/{rel}/":
            raise ValueError(f"refusing to write outside output/: {rel!r}")
        return f"{root or self._root}/{rel}"

    def _live(self, rel: str) -> str | None:
        return self._on_disk(rel, self._live_root) if self._live_root else None

    def intact(self, rel: str, key: bytes | None = None) -> OutputRecord | None:
        """The previous build's record of `rel` if its file is still as that build left it (and, with
        `key`, was made from inputs with that digest)."""
        record = self.previous.get(rel)
        if record is None or (key is not None and record.page_key != key):
            return None
        try:
            stat = os.stat(self._live(rel))
        except OSError:
            return None
        return record if (stat.st_size, stat.st_mtime_ns) == (record.size, record.mtime_ns) else None

    def _parent_of(self, target: str) -> None:
        folder = os.path.dirname(target)
        if folder not in self._dirs:
            os.makedirs(folder, exist_ok=True)
            self._dirs.add(folder)

    def _link(self, rel: str) -> OutputRecord | None:
        """Hard-link the live release's file into the new one; None where links are not possible."""
        target = self._on_disk(rel)
        self._parent_of(target)
        try:
            os.link(self._live(rel), target)
        except OSError as exc:
            if exc.errno in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
                return None
            raise
        return self.previous.get(rel)

    def put(self, rel: str, data: bytes, key: bytes | None = None) -> Put:
        """Place `data` at `rel`: linked from the live release when it holds exactly these bytes."""
        content = digest(data)
        record = self.intact(rel)
        if record is not None and record.digest == content and self._link(rel) is not None:
            return Put(rel, replace(record, page_key=key), False)
        live = self._live(rel)
        if record is None and live and os.path.isfile(live):
            # No record of this file (no cache, or a crash between publishing and recording): compare
            # with the file itself.
            stat = os.stat(live)
            if stat.st_size == len(data) and Path(live).read_bytes() == data:
                target = self._on_disk(rel)
                self._parent_of(target)
                try:
                    os.link(live, target)
                    return Put(rel, OutputRecord(content, stat.st_size, stat.st_mtime_ns, key), False)
                except OSError:
                    pass  # written anew below
        target = self._on_disk(rel)
        try:
            self._parent_of(target)
            with open(target, "wb") as file:
                file.write(data)
        except OSError as exc:  # named as the editor knows it: output/<path>
            raise OSError(exc.errno, exc.strerror, str(self.output_dir / rel)) from None
        stat = os.stat(target)
        return Put(rel, OutputRecord(content, stat.st_size, stat.st_mtime_ns, key), True)

    # --- collecting, in the parent -----------------------------------------------------------------

    def keep(self, rel: str, record: OutputRecord) -> None:
        """`rel` is unchanged: the live release's file goes into the new release as it is."""
        if self._link(rel) is None:
            self.add(self.put(rel, Path(self._live(rel)).read_bytes(), record.page_key))
        else:
            self.records[rel] = record

    def add(self, put: Put) -> None:
        self.records[put.path] = put.record
        if put.staged:
            self.staged.add(put.path)

    def write(self, rel: str, data: bytes, key: bytes | None = None) -> None:
        self.add(self.put(rel, data, key))

    def copy(self, rel: str, source: str | Path, content_key: bytes) -> None:
        """A file copied as it is (photos, static files); `content_key` is the digest of its bytes, so
        a replaced file is seen whatever its size and mtime say."""
        key = b"copy\0" + content_key
        record = self.intact(rel, key)
        if record is not None:
            self.keep(rel, record)
        else:
            self.write(rel, Path(source).read_bytes(), key)

    @property
    def changed(self) -> int:
        return len(self.staged)

    def stale(self) -> list[str]:
        """Files of the previous release that this build no longer makes."""
        return [rel for rel in self.previous if rel not in self.records]

    def publish(self) -> dict[str, OutputRecord]:
        """Make the new release live in one atomic step; the new records."""
        shutil.rmtree(self.scratch, ignore_errors=True)
        out = self.output_dir
        # The new link is made in the releases folder (cleaned by the next build if this one dies
        # here); its target is relative to where it will stand, so the site folder can move.
        link = self.releases / f".link-{self.release_name}"
        os.symlink(os.path.relpath(self.staging, out.parent), link)
        if out.is_dir() and not out.is_symlink():
            out.rmdir()  # an empty folder (checked when the build began): a link cannot replace it
        os.replace(link, out)
        self.published = True
        self._prune()
        return self.records

    def _prune(self) -> None:
        """Delete releases older than the previous one, and any a killed build left."""
        keep = {self.release_name, self.current}
        for entry in os.scandir(self.releases):
            name = entry.name
            if name in keep or name.startswith(MOVED_ASIDE) or name in (MARKER, ".gitignore", ".lock"):
                continue
            if entry.is_symlink():
                os.unlink(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)

    def abort(self) -> None:
        """The build failed: its release goes, output/ stays as it was (once published, the
        release is live and stays)."""
        shutil.rmtree(self.scratch, ignore_errors=True)
        if getattr(self, "staging", None) is not None and not self.published:
            shutil.rmtree(self.staging, ignore_errors=True)

"""Writing output/: only the files whose bytes changed, and only once the whole build succeeded.

Into an empty output/, files are written in place directly.  Otherwise every file of a build is
either found unchanged (the previous build wrote these very bytes, or made
them from the same inputs, and the file on disk is intact: same size and mtime as recorded) or
staged in `output/.sitegen-staging/`.  `commit()` then moves the staged files into place and deletes
what the build no longer makes; a build that fails before that leaves output/ exactly as it was.
Unchanged files keep their modification time, so `rsync` deploys only what changed.  The staging
folder lives inside output/, so a build writes nowhere else; `.git` in output/ is kept.

Decisions about single files (`OutputWriter.put`) only stage files and report what they did, so
they can run in forked worker processes; the parent collects the reports.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import OutputRecord, digest
from .errors import BuildFailed, Problem

STAGING = ".sitegen-staging"
KEEP = frozenset({".git", STAGING})


def check_output_dir(output_dir: Path, site_dir: Path) -> None:
    """Refuse output folders whose replacement would destroy the site itself."""
    out, site = output_dir.resolve(), site_dir.resolve()
    if out == site or site.is_relative_to(out) or out.is_relative_to(site / "content") \
            or (out / "config.toml").exists() or out == Path(out.anchor):
        raise BuildFailed([Problem(
            str(output_dir), "this output folder holds the site itself; building would replace it",
            "choose an output folder of its own, e.g. --output output",
        )])


@dataclass(frozen=True)
class Put:
    """What happened to one output file: its record, and whether it was staged (changed)."""

    path: str
    record: OutputRecord
    staged: bool


class OutputWriter:
    def __init__(self, output_dir: Path, previous: dict[str, OutputRecord]):
        self.output_dir = output_dir
        self._root = str(output_dir)
        self.staging = output_dir / STAGING
        self.previous = previous
        self.created_output = False
        self.records: dict[str, OutputRecord] = {}
        self.staged: set[str] = set()

    def __enter__(self) -> "OutputWriter":
        self.created_output = not self.output_dir.exists()
        self.output_dir.mkdir(parents=True, exist_ok=True)
        if self.staging.exists():  # left by a build that was killed half-way
            shutil.rmtree(self.staging)
        # Into an empty output/ files go straight to their place: there is nothing to keep intact,
        # and a failed build empties the folder again.
        self.direct = not self.previous and all(entry.name in KEEP for entry in os.scandir(self._root))
        self._target_root = self._root if self.direct else str(self.staging)
        self.staging.mkdir()
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:
            self.abort()

    # --- deciding, file by file (safe in worker processes) -----------------------------------------

    def _on_disk(self, rel: str, root: str | None = None) -> str:
        """The file's path under output/ (or under `root`); rejects anything that could leave it."""
        if not rel or rel[0] == "/" or "\\" in rel or "/../" in f"/{rel}/" or rel.split("/", 1)[0] in KEEP:
            raise ValueError(f"refusing to write outside output/: {rel!r}")
        return f"{root or self._root}/{rel}"

    def intact(self, rel: str, key: bytes | None = None) -> OutputRecord | None:
        """The previous build's record of `rel` if the file is still as it left it (and, with `key`,
        was made from inputs with that digest)."""
        record = self.previous.get(rel)
        if record is None or (key is not None and record.page_key != key):
            return None
        try:
            stat = os.stat(self._on_disk(rel))
        except OSError:
            return None
        return record if (stat.st_size, stat.st_mtime_ns) == (record.size, record.mtime_ns) else None

    def put(self, rel: str, data: bytes, key: bytes | None = None) -> Put:
        """Stage `data` for `rel` unless the file already holds exactly these bytes."""
        content = digest(data)
        record = self.intact(rel)
        if record is not None and record.digest == content:
            return Put(rel, replace(record, page_key=key), False)
        target = self._on_disk(rel)
        if record is None and rel not in self.previous and os.path.isfile(target):
            # No cache (first build, or --no-cache): compare with the file itself.
            stat = os.stat(target)
            if stat.st_size == len(data) and Path(target).read_bytes() == data:
                return Put(rel, OutputRecord(content, stat.st_size, stat.st_mtime_ns, key), False)
        staged = self._on_disk(rel, self._target_root)
        os.makedirs(os.path.dirname(staged), exist_ok=True)
        with open(staged, "wb") as file:
            file.write(data)
        return Put(rel, OutputRecord(content, len(data), 0, key), True)

    # --- collecting, in the parent -----------------------------------------------------------------

    def keep(self, rel: str, record: OutputRecord) -> None:
        """`rel` is unchanged: the previous build's file stays."""
        self.records[rel] = record

    def add(self, put: Put) -> None:
        self.records[put.path] = put.record
        if put.staged:
            self.staged.add(put.path)

    def write(self, rel: str, data: bytes, key: bytes | None = None) -> None:
        self.add(self.put(rel, data, key))

    def copy(self, rel: str, source: str | Path) -> None:
        """A file copied as it is (photos, static files); unchanged while the source is."""
        stat = os.stat(source)
        key = f"copy\0{source}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()
        record = self.intact(rel, key)
        if record is not None:
            self.keep(rel, record)
        else:
            self.write(rel, Path(source).read_bytes(), key)

    @property
    def changed(self) -> int:
        return len(self.staged)

    def commit(self) -> dict[str, OutputRecord]:
        """Move staged files into place, delete files no longer made; the new records."""
        for rel in sorted(self.staged):
            target = self._on_disk(rel)
            if not self.direct:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                if os.path.isdir(target):  # a file now stands where a folder was
                    shutil.rmtree(target)
                os.replace(self._on_disk(rel, str(self.staging)), target)
            stat = os.stat(target)
            self.records[rel] = replace(self.records[rel], size=stat.st_size, mtime_ns=stat.st_mtime_ns)
        self._remove_stale()
        shutil.rmtree(self.staging, ignore_errors=True)
        return self.records

    def stale(self) -> list[str]:
        """Files of the previous build that this build no longer makes."""
        return [rel for rel in self.previous if rel not in self.records]

    def _remove_stale(self) -> None:
        if self.previous:  # the previous build's own record says what it wrote
            for rel in self.stale():
                path = self._on_disk(rel)
                if os.path.isfile(path):
                    os.unlink(path)
                folder = os.path.dirname(path)
                while folder != self._root and os.path.isdir(folder) and not os.listdir(folder):
                    os.rmdir(folder)
                    folder = os.path.dirname(folder)
            return
        root = self._root  # no record (first build, --no-cache): whatever is not ours goes
        folders = []
        for folder, dirs, files in os.walk(root):
            rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
            if rel_folder == ".":
                dirs[:] = [d for d in dirs if d not in KEEP]
            folders.append(folder)
            for name in files:
                rel = name if rel_folder == "." else f"{rel_folder}/{name}"
                if rel not in self.records:
                    os.unlink(os.path.join(folder, name))
        for folder in reversed(folders[1:]):
            if not os.listdir(folder):
                os.rmdir(folder)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.created_output:
            shutil.rmtree(self.output_dir, ignore_errors=True)
        elif getattr(self, "direct", False):  # it was empty: empty it again
            for entry in os.scandir(self._root):
                if entry.name not in KEEP:
                    shutil.rmtree(entry.path) if entry.is_dir() else os.unlink(entry.path)

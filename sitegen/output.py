"""Writing output/: build into a staging folder, then swap it in, so a failed build changes nothing.

The staging folder lives inside output/ itself (`output/.sitegen-staging/`), so a build never writes
outside output/.  A file whose bytes did not change is hard-linked from the previous build instead
of rewritten: its modification time stays, and `rsync` deploys only what changed.  Stale files from
earlier builds disappear with the swap; `.git` in output/ (sites deployed from a git repository) is
kept.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

from .errors import BuildFailed, Problem

STAGING = ".sitegen-staging"
PREVIOUS = ".sitegen-previous"
KEEP = frozenset({".git"})


def check_output_dir(output_dir: Path, site_dir: Path) -> None:
    """Refuse output folders whose replacement would destroy the site itself."""
    out, site = output_dir.resolve(), site_dir.resolve()
    if out == site or site.is_relative_to(out) or out.is_relative_to(site / "content") \
            or (out / "config.toml").exists() or out == Path(out.anchor):
        raise BuildFailed([Problem(
            str(output_dir), "this output folder holds the site itself; building would replace it",
            "choose an output folder of its own, e.g. --output output",
        )])


class OutputWriter:
    """Collects a build's files in staging; `commit()` swaps them in, `abort()` leaves output/ as it was."""

    def __init__(self, output_dir: Path):
        self.output_dir = output_dir
        self.staging = output_dir / STAGING
        self.created_output = not output_dir.exists()
        self.files = 0
        self.unchanged = 0

    def __enter__(self) -> "OutputWriter":
        self.output_dir.mkdir(parents=True, exist_ok=True)
        for leftover in (STAGING, PREVIOUS):  # from a build that was killed half-way
            if (self.output_dir / leftover).exists():
                shutil.rmtree(self.output_dir / leftover)
        self.staging.mkdir()
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:
            self.abort()

    def _target(self, rel: str) -> Path:
        parts = PurePosixPath(rel).parts
        if not rel or rel.startswith("/") or ".." in parts or "\\" in rel or parts[0] in (STAGING, PREVIOUS):
            raise ValueError(f"refusing to write outside output/: {rel!r}")
        target = self.staging.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write(self, rel: str, data: bytes) -> None:
        target = self._target(rel)
        previous = self.output_dir.joinpath(*PurePosixPath(rel).parts)
        self.files += 1
        try:
            if previous.is_file() and previous.stat().st_size == len(data) and previous.read_bytes() == data:
                os.link(previous, target)
                self.unchanged += 1
                return
        except OSError:
            pass
        target.write_bytes(data)

    def copy(self, rel: str, source: Path) -> None:
        target = self._target(rel)
        previous = self.output_dir.joinpath(*PurePosixPath(rel).parts)
        self.files += 1
        try:
            stat = source.stat()
            if previous.is_file() and previous.stat().st_size == stat.st_size and previous.read_bytes() == source.read_bytes():
                os.link(previous, target)
                self.unchanged += 1
                return
        except OSError:
            pass
        shutil.copyfile(source, target)

    def settle(self, rel_dir: str) -> None:
        """Files another program wrote into staging/`rel_dir`: keep the previous build's copy of each
        file whose bytes did not change, so that its modification time stays."""
        folder = self.staging / rel_dir
        for staged in sorted(folder.rglob("*")):
            if not staged.is_file():
                continue
            self.files += 1
            previous = self.output_dir / staged.relative_to(self.staging)
            try:
                if previous.is_file() and previous.stat().st_size == staged.stat().st_size \
                        and previous.read_bytes() == staged.read_bytes():
                    staged.unlink()
                    os.link(previous, staged)
                    self.unchanged += 1
            except OSError:
                pass

    def commit(self) -> None:
        """Swap: old entries into output/.sitegen-previous, staged ones up, then delete the old."""
        previous = self.output_dir / PREVIOUS
        previous.mkdir()
        for entry in sorted(self.output_dir.iterdir()):
            if entry.name not in (STAGING, PREVIOUS) and entry.name not in KEEP:
                entry.rename(previous / entry.name)
        for entry in sorted(self.staging.iterdir()):
            entry.rename(self.output_dir / entry.name)
        self.staging.rmdir()
        shutil.rmtree(previous)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.created_output:
            shutil.rmtree(self.output_dir, ignore_errors=True)

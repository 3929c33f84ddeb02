"""Which folder a build may publish to, and one build at a time: where the releases of an output
folder live (`releases_dir`), the refusal of an output folder whose replacement would destroy the
site itself (`check_output_dir`), the lock a second build waits on or fails at (`OutputLock`:
`output.OutputWriter` takes it in the releases folder, `build` in the cache folder), and which of
the two trees output/ points at, refusing what sitegen did not make there (`live_tree`).
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from .errors import BuildFailed, Problem, display_path

MARKER = ".sitegen-releases"
"""The file that marks a releases folder as sitegen's own."""
TREES = ("blue", "green")
"""The two trees output/ switches between."""
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
    """One build at a time: an exclusive lock on a file (in an output folder's releases folder, and
    in the cache folder, which builds of several output folders share), holding the pid of the
    build that has it (for the message a second build prints)."""

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


def live_tree(output_dir: Path, releases: Path, site_dir: Path, force: bool, notes: list[Problem]) -> str | None:
    """The tree output/ points at now (of `releases`, its releases folder); refuses anything else there,
    or, with `force`, moves it aside into `releases` (said in `notes`)."""
    releases.mkdir(parents=True, exist_ok=True)
    marker = releases / MARKER
    if not marker.exists():
        if any(entry.name != ".lock" for entry in os.scandir(releases)):
            raise BuildFailed([Problem(
                display_path(releases, site_dir),
                "this folder is where sitegen keeps the copies of the output folder, but sitegen did not make it",
                "move it away, or choose another --output",
            )])
        marker.write_text("The two copies of the site published by sitegen; output/ links to one of them.\n")
        (releases / ".gitignore").write_text("*\n")
    out = output_dir
    if out.is_symlink():
        target = os.readlink(out)
        name = Path(target).name
        if Path(os.path.abspath(out.parent / target)).parent == releases and name in TREES \
                and (releases / name).is_dir():
            return name
        if not force:
            raise BuildFailed([Problem(
                display_path(out, site_dir), f"the output folder is a link to {target}, which sitegen did not make",
                "remove the link, choose another --output, or build with --force to replace the link (its target is kept)",
            )])
        return None
    if not out.exists() or (out.is_dir() and not any(os.scandir(out))):
        return None
    if not force:
        entries = sorted(entry.name for entry in os.scandir(out)) if out.is_dir() else []
        shown = ", ".join(entries[:5]) + (", …" if len(entries) > 5 else "")
        raise BuildFailed([Problem(
            display_path(out, site_dir),
            f"the output folder holds files sitegen did not publish ({shown})" if entries else
            "a file stands where the output folder goes",
            "choose an empty or new folder with --output; or build with --force to move them aside into "
            f"{display_path(releases, site_dir)}/{MOVED_ASIDE}… (nothing is deleted)",
        )])
    aside = releases / f"{MOVED_ASIDE}{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    os.rename(out, aside)
    notes.append(Problem(
        display_path(out, site_dir), f"what stood in the output folder was moved to {display_path(aside, site_dir)}",
        "nothing was deleted; remove that folder when you no longer need it", severity="warning",
    ))
    return None

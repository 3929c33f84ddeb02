"""Which folder a build may publish to, and one build at a time: where the releases of an output
folder live (`releases_dir`), the refusal of an output folder whose replacement would destroy the
site itself (`check_output_dir`), and the lock a second build waits on or fails at (`OutputLock`:
`output.OutputWriter` takes it in the releases folder, `build` in the cache folder).
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from .errors import BuildFailed, Problem


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

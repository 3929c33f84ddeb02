"""Problems found in a site's input, reported to editors as file:line, what, how to fix.

Every stage collects `Problem`s instead of stopping at the first one, so an editor sees every mistake
of a run at once.  A stage that cannot go on raises `BuildFailed` carrying all problems found so far;
only the CLI turns that into text on the terminal and an exit code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One mistake in the input (content, config or theme), located as precisely as we know."""

    file: str
    """The file, relative to the site folder where possible."""
    message: str
    """What is wrong, in one sentence."""
    hint: str = ""
    """How to fix it."""
    line: int | None = None
    """1-based line number in `file`, when known."""
    severity: str = "error"
    """"error" stops a build; "warning" is only reported."""

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    -> {self.hint}"
        return text


class BuildFailed(Exception):
    """The input has errors; nothing was written.  `problems` lists all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.message))
        super().__init__(f"{len(self.problems)} problem(s) in the site's input")

    def __reduce__(self):  # travels back intact from worker processes
        return (BuildFailed, (self.problems,))


def display_path(path: Path, root: Path) -> str:
    """`path` relative to the site folder for messages, or as given when outside it.  A link is
    named where it stands, not where it points."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        pass
    try:  # (resolved only when needed: a link round in a loop cannot be, and is named as given)
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return str(path)

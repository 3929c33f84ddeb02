"""`build()`: whether there is work to do, and then the build (README: "How the code is laid out").

One build at a time per site (a lock in the cache folder).  The input check comes first: when no
input's stamp moved since the last build, output/ is already what a build would make and nothing
else runs, not even the imports of the pipeline.  Otherwise `pipeline.run` does the stages, in one
linear pass, each timed in the report.  A damaged cache is set aside and the site built again
without it; a full or read-only disk is the editor's problem, said as such.
"""

from __future__ import annotations

import errno
import gc
import os
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ContextManager, Iterator

from .cache import CACHE_DIR, set_aside
from .cache_trust import CacheDamaged
from .errors import BuildFailed, Problem, display_path
from .freshness import input_fingerprint, up_to_date
from .output_guard import OutputLock, check_output_dir

if TYPE_CHECKING:  # the pipeline's modules load only once a build has work to do (`_build_once`)
    from .pipeline import BuildState
    from .templates import CompiledTemplates


@dataclass(frozen=True)
class BuildOptions:
    drafts: bool = False
    """Publish articles marked `draft: true` (for previews)."""
    future: bool = False
    """Publish articles dated after the build time."""
    now: datetime | None = None
    """The build time; default: the clock.  Tests pin it."""
    jobs: int = os.cpu_count() or 1
    """Worker processes for reading and rendering."""
    cache: bool = True
    """Reuse the work of earlier builds kept in .sitegen-cache/ (the output is the same either way)."""
    cache_dir: Path | None = None
    """Where the cache lives; default: .sitegen-cache/ in the site folder."""
    force: bool = False
    """Publish even where output/ holds files sitegen did not make: they are moved aside, not deleted."""
    wait: float = 0.0
    """Seconds to wait for another build of the same site to finish (the preview server waits)."""
    compiled_templates: "CompiledTemplates | None" = field(default=None, compare=False, repr=False)
    """Templates compiled by earlier builds in this process, added to by this one (the preview
    server and the tests build many times; `templates.CompiledTemplates`).  None: only the cache's."""
    check_views: bool = os.environ.get("SITEGEN_CHECK_VIEWS") == "1"
    """Make every article's view and compare it with what its signature stood for in earlier builds
    (`article_views.check_signatures`): slower, for the test suite, which sets SITEGEN_CHECK_VIEWS=1."""
    scheduler: str | None = None
    """Run reading, ranking and rendering on a Dask cluster: its scheduler's address
    (tcp://host:8786), or "local" for a cluster of `jobs` processes here (docs/cluster.md)."""


@dataclass
class BuildReport:
    """What a build made, for the closing line and for tests."""

    output_dir: Path
    pages_by_kind: Counter = field(default_factory=Counter)
    files: int = 0
    changed: int = 0
    articles: int = 0
    parsed: int = 0
    """Article files read afresh (the others came from the cache)."""
    rendered: int = 0
    """Pages rendered afresh (the others were unchanged)."""
    photos_planned: int = 0
    """Photos whose renditions were planned afresh (the others came from the stored plan)."""
    skipped_drafts: int = 0
    skipped_future: int = 0
    up_to_date: bool = False
    """Nothing changed since the previous build: output/ was left as it was."""
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    state: "BuildState | None" = field(default=None, repr=False)
    """What the build made in memory, for the preview server (None when nothing was built)."""

    @property
    def pages(self) -> int:
        return sum(self.pages_by_kind.values())

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


Progress = Callable[[str, int, int], None]
"""progress(stage, done_increment, total): for a progress bar; total is 0 when unknown."""


class _Stopwatch:
    def __init__(self, report: BuildReport):
        self.report = report

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.report.seconds[stage] = self.report.seconds.get(stage, 0.0) + time.perf_counter() - start


def build(site_dir: Path, output_dir: Path | None = None, options: BuildOptions = BuildOptions(),
          progress: Progress | None = None, commit_guard: Callable[[], ContextManager] = nullcontext) -> BuildReport:
    """Build the site in `site_dir` into `output_dir` (default: site_dir/output).  Raises BuildFailed.

    One build at a time per site: a second one fails at once (or waits `options.wait` seconds).
    `commit_guard()` is entered while the new release is published (the preview server holds its
    readers back meanwhile).  A damaged cache is set aside and the build done again without it."""
    if options.scheduler:  # a cluster's workers, started elsewhere, know the site by its absolute path
        site_dir = Path(os.path.abspath(site_dir))
    output_dir = output_dir or site_dir / "output"
    check_output_dir(output_dir, site_dir)  # before anything is written, even a lock
    cache_dir = (options.cache_dir or site_dir / CACHE_DIR) if options.cache else None
    lock = OutputLock(cache_dir / "lock", CACHE_DIR) if cache_dir else None
    if lock:
        try:
            lock.acquire(options.wait)
        except OSError:
            lock = None  # a cache folder that cannot be written: the build below says so
    try:
        try:
            return _build(site_dir, output_dir, options, progress, commit_guard)
        except CacheDamaged as exc:
            assert cache_dir is not None
            try:
                aside = set_aside(cache_dir)
                what = f"it was moved to {display_path(aside, site_dir)}" if aside else "it was started afresh"
                retry = options
            except OSError:
                what, retry = "it cannot be repaired here, so this build did without it", replace(options, cache=False)
            report = _build(site_dir, output_dir, retry, progress, commit_guard)
            report.warnings.insert(0, Problem(
                display_path(cache_dir, site_dir), f"the build cache was damaged ({exc}); {what}, and the site built afresh",
                f"nothing else to do; if it keeps happening, delete {CACHE_DIR}/ or check the disk", severity="warning"))
            return report
    except OSError as exc:
        raise BuildFailed([_disk_trouble(exc, site_dir)]) from None
    finally:
        if lock:
            lock.release()


def _build(site_dir: Path, output_dir: Path, options: BuildOptions, progress: Progress | None,
           commit_guard: Callable[[], ContextManager]) -> BuildReport:
    with _few_full_collections():  # (a build done again without a damaged cache too)
        return _build_once(site_dir, output_dir, options, progress, commit_guard)


def _build_once(site_dir: Path, output_dir: Path, options: BuildOptions, progress: Progress | None,
                commit_guard: Callable[[], ContextManager]) -> BuildReport:
    report = BuildReport(output_dir)
    timed = _Stopwatch(report)
    tick = (lambda stage, total: (lambda n: progress(stage, n, total))) if progress else (lambda stage, total: None)

    fingerprint, stamped_at = None, 0
    if options.cache:
        with timed("check"):
            stamped_at = time.time_ns()
            fingerprint = input_fingerprint(site_dir, output_dir, options.drafts, options.future)
            moment = options.now.timestamp() if options.now else None
            summary = up_to_date(options.cache_dir or site_dir / CACHE_DIR, fingerprint, output_dir, moment)
            if summary is not None:
                report.up_to_date = True
                for key, value in summary.items():
                    setattr(report, key, value)
                return report
    with timed("load"):  # numpy, scipy, Jinja, Markdown and Pillow: only now that there is work to do
        from .pipeline import run
    report.state = run(site_dir, output_dir, options, report, timed, tick, commit_guard, fingerprint, stamped_at)
    return report


@contextmanager
def _few_full_collections() -> Iterator[None]:
    """Python's garbage collector walks every live object in a full collection, which by default it
    considers after every ten collections of the middle generation: with an archive in memory
    (articles, views, photo plans, output records: millions of objects, hardly any garbage) that
    was about a fifth of a 10,000-article rebuild (1.8 s of 9.7).  Young cycles are still collected
    as usual; full collections come a hundred times less often."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 1000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _disk_trouble(exc: OSError, site_dir: Path) -> Problem:
    """A file that could not be written or read (a full disk, a read-only folder, permissions) as
    the editor's problem: what, where, and what to do.  The build stopped before publishing."""
    where = display_path(Path(exc.filename), site_dir) if exc.filename else "the site folder"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what, hint = "cannot write", "free some space on the disk, then build again (output/ is as it was)"
    elif exc.errno == errno.EROFS:
        what, hint = "cannot write", "the disk is read-only: choose another --output, or make it writable"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        what, hint = "not allowed to use", "check the permissions of that file or folder, or choose another --output"
    else:
        what, hint = "cannot use", "check the disk and the folder, then build again (output/ is as it was)"
    return Problem(where, f"{what} {where}: {exc.strerror or exc}", hint)

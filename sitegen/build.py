"""`build()`: one linear pass — config, read every article, index, relate, plan, render, write.

Every step is a named call and is timed.  All articles are read and indexed before any page is
rendered, because listings, the archive and "Chuyên mục khác" need the whole set.  Problems are
collected per stage and raised together; nothing is written to output/ unless all stages succeed.
Work that earlier builds already did is reused from the cache (`cache.py`); whatever is reused, the
output is byte for byte the one a build with an empty cache gives.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterator

from .cache import CACHE_DIR, BuildCache
from .config import load_config
from .errors import BuildFailed, Problem
from .freshness import input_fingerprint, record, up_to_date
from .output import OutputWriter, check_output_dir


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


@dataclass(frozen=True)
class BuildState:
    """The in-memory result of a build: enough to render one article page again without a build."""

    config: Any
    site: Any
    planner: Any
    pages: list
    renderer: Any


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

    `commit_guard()` is entered while the new files move into place (the preview server holds its
    readers back meanwhile, so that none sees half of a build)."""
    output_dir = output_dir or site_dir / "output"
    report = BuildReport(output_dir)
    timed = _Stopwatch(report)
    tick = (lambda stage, total: (lambda n: progress(stage, n, total))) if progress else (lambda stage, total: None)

    fingerprint = None
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
    # The pipeline's modules load numpy, scipy, Jinja and Markdown: only now that there is work to do.
    from .pages import PagePlanner
    from .reading import read_articles
    from .render import Renderer, Theme
    from .rendering import PageKeys, copy_static, render_pages, templates_digest
    from .search import index_buckets
    from .site import Publication, Site
    from .stages import (copy_search_bundles, machine_files, media_files, related_for, search_buckets,
                         search_document_of, valid_until)

    with timed("config"):
        config, report.warnings = load_config(site_dir)
        check_output_dir(output_dir, site_dir)
        theme = Theme.for_site(site_dir, config)
        cache = BuildCache((options.cache_dir or site_dir / CACHE_DIR) if options.cache else None)
    with timed("read"):
        library = read_articles(config, site_dir, cache, options.jobs, tick("read", 0))
        report.parsed = library.parsed
    with timed("index"):
        now = options.now or datetime.now(config.zone)
        site = Site(config, library.articles, Publication(now, options.drafts, options.future))
    problems = library.problems + site.problems
    if any(p.severity == "error" for p in problems):
        raise BuildFailed(problems)
    report.warnings += problems  # only warnings left (what the raw-HTML policy cut from bodies)
    report.articles = len(site.articles)
    report.skipped_drafts = sum(1 for a in library.articles if a.draft and not options.drafts)
    report.skipped_future = sum(1 for a in library.articles if a.date > now and not options.future and not a.draft)
    with timed("related"):
        related = related_for(site, library, cache, options.jobs)
    with timed("plan"):
        planner = PagePlanner(site, related, library.body)
        pages = planner.plan()
    if planner.problems:
        raise BuildFailed(planner.problems)

    with OutputWriter(output_dir, cache.outputs(output_dir)) as out:
        with timed("render"):
            renderer = Renderer(theme, site_dir)
            keys = PageKeys(templates_digest(theme), planner.site_view)
            page_keys = [keys.key(page) for page in pages]
            buckets = search_buckets(planner, keys) if config.search else []
            report.rendered = render_pages(pages, page_keys, renderer, planner.site_view, out, options.jobs,
                                           tick("render", len(pages)))
            for page in pages:
                report.pages_by_kind[page.page_kind] += 1
        with timed("files"):
            copy_static(out, theme, media_files(site))
            for path, data in machine_files(planner, pages, now).items():
                out.write(path, data)
        if config.search:
            with timed("search"):
                work = cache.folder / "search" if cache.folder else out.staging / ".search"
                copy_search_bundles(out, index_buckets(buckets, work, options.jobs, search_document_of(planner, library)))
        with timed("write"), commit_guard():
            records = out.commit()
            cache.store_outputs(output_dir, records, out.previous)
    report.state = BuildState(config, site, planner, pages, renderer)
    report.files, report.changed = len(records), out.changed
    if fingerprint is not None and not report.warnings:
        summary = {"pages_by_kind": report.pages_by_kind, "files": report.files, "articles": report.articles,
                   "skipped_drafts": report.skipped_drafts, "skipped_future": report.skipped_future}
        record(cache, output_dir, fingerprint, stamped_at, now.timestamp(), valid_until(library.articles, now, options, config),
               summary)
    cache.close()
    return report

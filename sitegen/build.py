"""`build()`: one linear pass — check, config, read, index, related, photos, media, views, prepare,
search, plan, render, renditions, files, search, write (README: "How the code is laid out").

Every step is a named call and is timed.  Search, a program of its own, needs only the articles'
views: an edit's re-indexing starts as soon as they are made and runs beside planning and
rendering; a cold build's waits for the second search step.  All articles are read and indexed
before any page is rendered, because listings, the archive and "Chuyên mục khác" need the whole
set.  Problems are collected per stage and raised together; output/ changes only when all stages
succeeded, at once (`output.py`).
Work that earlier builds already did is reused from the cache (`cache.py`); whatever is reused, the
output is byte for byte the one a build with an empty cache gives.
"""

from __future__ import annotations

import errno
import gc
import os
import time
from collections import Counter
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ContextManager, Iterator

from .cache import CACHE_DIR, BuildCache, set_aside
from .cache_trust import CacheDamaged
from .config import Config
from .config_toml import load_config
from .errors import BuildFailed, Problem, display_path
from .freshness import input_fingerprint, record, up_to_date, valid_until
from .output import OutputWriter
from .output_guard import OutputLock, check_output_dir

if TYPE_CHECKING:  # the pipeline's modules load only once a build has work to do (see _build)
    from .content import Article
    from .page import Page
    from .planner import PagePlanner
    from .templates import CompiledTemplates, Renderer
    from .site import Site
    from .workers import Workers


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


@dataclass(frozen=True)
class BuildState:
    """The in-memory result of a build: enough to render one article page again without a build."""

    config: Config
    site: Site
    planner: PagePlanner
    pages: list[Page]
    renderer: Renderer

    def render_edited(self, article: Article, body_html: str) -> tuple[str, bytes]:
        """The page of `article`, an edit of one this build published at the same address, with its
        new body and the build's "Chuyên mục khác": (output file, bytes).  Raises KeyError for a
        tag or author the build does not know, BuildFailed for a template error."""
        published = next(page for page in self.pages if page.kind == "article" and page.source == article.source)
        view = self.planner.view_of(article, body_html)
        page = self.planner.article_page(article, view, published.data["related"])
        return page.output_file, self.renderer.render(page, self.planner.site_view)


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
    with timed("load"):
        from .article_views import check_signatures
        from .media import probe_media
        from .banner import read_banner
        from .library import read_articles
        from .planner import PagePlanner
        from .redirects import with_old_addresses
        from .related_step import related_for
        from .rendering import PageKeys, render_pages
        from .photo_plan import plan_photos, settings_of, used_photos
        from .renditions import FOLDER as RENDITIONS, make_renditions, sweep_renditions
        from .search import SearchIndexing, copy_search_bundles, runs_alongside, search_buckets
        from .search_documents import documents_of
        from .site import Publication, Site
        from .sitemaps import machine_files
        from .steps import PageStore
        from .templates import COMPILED_STEP, Renderer, compiled_from
        from .static_pages import read_static_pages
        from .theme import Theme, asset_addresses, copy_static, templates_digest

    with timed("config"):
        config, report.warnings = load_config(site_dir)
        theme = Theme.for_site(site_dir, config)
        cache = BuildCache((options.cache_dir or site_dir / CACHE_DIR) if options.cache else None)
    workers = None
    try:
        with timed("cluster") if options.scheduler else nullcontext():
            workers = _workers(options)
        with timed("read"):
            library = read_articles(config, site_dir, cache, workers, tick("read", 0))
            report.parsed = library.parsed
            static_pages, page_problems = read_static_pages(config, site_dir)
            banner, banner_problems = read_banner(config, site_dir)
        with timed("index"):
            now = options.now or datetime.now(config.zone)
            site = Site(config, library.articles, Publication(now, options.drafts, options.future))
        problems = library.problems + page_problems + banner_problems + site.problems
        if any(p.severity == "error" for p in problems):
            raise BuildFailed(problems)
        report.warnings += problems  # only warnings left (what the raw-HTML policy cut from bodies)
        report.articles = len(site.articles)
        report.skipped_drafts = sum(1 for a in library.articles if a.draft and not options.drafts)
        report.skipped_future = sum(1 for a in library.articles if a.date > now and not options.future and not a.draft)
        with timed("related"):
            related = related_for(site, library, cache, workers)
        with timed("photos"):
            settings = settings_of(config.photos)
            uses = used_photos(site.shown())
            plan = plan_photos(uses, cache, settings, config.base_path, workers,
                               fingerprint.stamps if fingerprint else None, stamped_at if fingerprint else None)
            planned, report.photos_planned = plan.files, plan.fresh
            if plan.problems:
                raise BuildFailed(plan.problems)
        with timed("media"):
            media, media_problems = probe_media(site.shown(), cache)
            if media_problems:
                raise BuildFailed(media_problems)
        with timed("views"):
            assets = asset_addresses(theme, cache.file_digests)
            planner = PagePlanner(site, library.body, {file: files.pictures for file, files in planned.items()},
                                  assets, static_pages, banner, media)
            if options.check_views and cache.folder:
                check_signatures(planner.views, planner.refs, cache)

        with ExitStack() as stack:
            with timed("prepare"):  # what the two output trees hold, from the cache
                out = stack.enter_context(OutputWriter(output_dir, cache, options.force, site_dir))
            if config.search:
                with timed("search"):  # an edit's re-indexing runs while the build plans and renders
                    search_dir = cache.subfolder("search")
                    indexing = stack.enter_context(SearchIndexing(
                        search_buckets(site, planner.refs, planner.newest_year), search_dir or out.scratch / "search",
                        options.jobs, documents_of(planner.views, library.search_text), cache))
                    if runs_alongside(indexing.documents, library.parsed):
                        indexing.start()
            with timed("plan"):
                pages, address_problems = with_old_addresses(planner, planner.plan(related))
            if address_problems:
                raise BuildFailed(address_problems)
            with timed("render"):
                templates = templates_digest(theme)
                compiled_key = compiled_from(templates)
                renderer = Renderer(theme, site_dir, compiled=cache.value(COMPILED_STEP, compiled_key),
                                    known=options.compiled_templates)
                keys = PageKeys(templates, planner.site_view, config)
                page_keys = [keys.key(page) for page in pages]
                report.rendered = render_pages(pages, page_keys, renderer, planner.site_view, out, workers,
                                               tick("render", len(pages)), PageStore(cache))
                if compiled := renderer.compiled.to_keep():  # this process's; the workers' are not seen
                    cache.store_value(COMPILED_STEP, compiled_key, compiled)
                for page in pages:
                    report.pages_by_kind[page.kind] += 1
            with timed("renditions"):
                made = cache.subfolder(RENDITIONS) or out.scratch / RENDITIONS
                photo_problems = make_renditions(plan, made, settings, workers, uses, cache)
                if photo_problems:
                    raise BuildFailed(photo_problems)
                for folder, names in plan.folders.items():
                    out.link_folder(folder, names, made)
            with timed("files"):
                originals = site.photo_files() if config.photos.publish_originals else {}
                copy_static(out, theme, originals | site.media_files(), cache.file_digests, assets)
                for path, data in machine_files(planner, pages, now, made).items():
                    out.write(path, data)
            if config.search:
                with timed("search"):
                    copy_search_bundles(out, indexing.bundles(), cache.file_digests, cached=search_dir is not None)
            with timed("write"), commit_guard():
                out.publish()
            if cache.folder:
                sweep_renditions(made, cache, output_dir, plan)
        content_warnings = list(report.warnings)  # the same in a build with nothing to do: kept with its record
        report.warnings += out.notes
        report.state = BuildState(config, site, planner, pages, renderer)
        report.files, report.changed = out.files, out.changed
        if fingerprint is not None and not out.notes:
            summary = {"pages_by_kind": report.pages_by_kind, "files": report.files, "articles": report.articles,
                       "warnings": content_warnings,
                       "skipped_drafts": report.skipped_drafts, "skipped_future": report.skipped_future}
            record(cache, output_dir, fingerprint, stamped_at, now.timestamp(),
                   valid_until(library.articles, now, options, config, banner), summary)
    finally:
        cache.close()
        if workers is not None:
            workers.close()
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


def _workers(options: BuildOptions) -> "Workers":
    """Where per-item work runs: forked processes here, or a Dask cluster (imported only then)."""
    if options.scheduler:
        from .cluster import DaskWorkers
        return DaskWorkers.connect(options.scheduler, options.jobs)
    from .workers import LocalWorkers
    return LocalWorkers(options.jobs)


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

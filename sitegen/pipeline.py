"""The build's stages in order, once the input check has found work to do (`build.py` decides
that, holds the lock and publishes the report).  `run()` reads as the table of contents: read,
index, related, photos, media, views, prepare, search, plan, render, renditions, files, search,
write; each line is one stage function below, or the module that holds it.

This module loads numpy, scipy, Jinja, Markdown and Pillow through the stages' modules, so
`build.py` imports it only when a build has work to do (a rebuild with nothing changed does not).
Problems are collected per stage and raised together (`BuildFailed`); output/ changes only when
every stage succeeded, at once (`output.py`).  Work that earlier builds did is reused from the
cache (`cache.py`), and whatever is reused, the output is the one a build with an empty cache gives.
"""

from __future__ import annotations

from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ContextManager

from .article_views import check_signatures
from .banner import Banner, read_banner
from .cache import CACHE_DIR, BuildCache
from .config import Config
from .config_toml import load_config
from .content import Article
from .errors import BuildFailed, Problem
from .freshness import Fingerprint, record, valid_until
from .library import Library, read_articles
from .media import MediaInfo, probe_media
from .output import OutputWriter
from .page import Page
from .photo_plan import PhotoPlan, PhotoUse, plan_photos, settings_of, used_photos
from .photo_slots import PhotoSettings
from .planner import PagePlanner
from .redirects import with_old_addresses
from .related_step import related_for
from .rendering import PageKeys, render_pages
from .renditions import FOLDER as RENDITIONS, make_renditions, sweep_renditions
from .search import SearchIndexing, copy_search_bundles, runs_alongside, search_buckets
from .search_documents import documents_of
from .site import Publication, Site
from .sitemaps import machine_files
from .static_pages import StaticPage, read_static_pages
from .steps import PageStore
from .templates import COMPILED_STEP, Renderer, compiled_from
from .theme import Theme, asset_addresses, copy_static, templates_digest
from .workers import Workers

if TYPE_CHECKING:
    from .build import BuildOptions, BuildReport

Timed = Callable[[str], ContextManager]
"""timed(stage): a context that adds the time spent in it to the report's stage."""
Tick = Callable[[str, int], Callable[[int], None]]
"""tick(stage, total) -> progress(done_increment), for a progress bar."""


@dataclass(frozen=True)
class BuildState:
    """The in-memory result of a build (`run`): enough to render one article page again without a
    build (the preview server shows an edit so, at once)."""

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


def run(site_dir: Path, output_dir: Path, options: "BuildOptions", report: "BuildReport", timed: Timed,
        tick: Tick, commit_guard: Callable[[], ContextManager], fingerprint: Fingerprint | None,
        stamped_at: int) -> BuildState:
    """Build the site into output/ and fill `report`; raises BuildFailed with every problem found."""
    with timed("config"):
        config, report.warnings = load_config(site_dir)
        theme = Theme.for_site(site_dir, config)
        cache = BuildCache((options.cache_dir or site_dir / CACHE_DIR) if options.cache else None)
    workers = None
    try:
        with timed("cluster") if options.scheduler else nullcontext():
            workers = _workers(options)
        with timed("read"):
            library, static_pages, banner, read_problems = _read(config, site_dir, cache, workers, tick, fingerprint,
                                                                 stamped_at, report)
        with timed("index"):
            now = options.now or datetime.now(config.zone)
            site = _index(config, library, read_problems, now, options, report)
        with timed("related"):
            related = related_for(site, library, cache, workers)
        with timed("photos"):
            settings, uses, plan = _photos(config, site, cache, workers, fingerprint, stamped_at, report)
        with timed("media"):
            media = _media(site, cache)
        with timed("views"):
            assets = asset_addresses(theme, cache.file_digests)
            planner = _views(site, library, plan, assets, static_pages, banner, media, options, cache)

        with ExitStack() as stack:
            with timed("prepare"):  # what the two output trees hold, from the cache
                out = stack.enter_context(OutputWriter(output_dir, cache, options.force, site_dir))
            if config.search:
                with timed("search"):  # an edit's re-indexing runs while the build plans and renders
                    search_dir = cache.subfolder("search")
                    indexing = stack.enter_context(_search_started(
                        site, planner, library, search_dir or out.scratch / "search", options.jobs, cache))
            with timed("plan"):
                pages = _plan(planner, related)
            with timed("render"):
                renderer = _render(pages, theme, site_dir, planner, config, library, out, workers, tick, cache, options,
                                   report)
            with timed("renditions"):
                made = cache.subfolder(RENDITIONS) or out.scratch / RENDITIONS
                _renditions(plan, made, settings, workers, uses, cache, out)
            with timed("files"):
                _files(out, theme, site, config, planner, pages, now, made, assets, cache)
            if config.search:
                with timed("search"):
                    copy_search_bundles(out, indexing.bundles(), cache.file_digests, cached=search_dir is not None)
            with timed("write"), commit_guard():
                out.publish()
            if cache.folder:
                sweep_renditions(made, cache, output_dir, plan)
        content_warnings = list(report.warnings)  # the same in a build with nothing to do: kept with its record
        report.warnings += out.notes
        report.files, report.changed = out.files, out.changed
        if fingerprint is not None and not out.notes:
            _remember(cache, output_dir, fingerprint, stamped_at, now, library, options, config, banner,
                      content_warnings, report)
    finally:
        cache.close()
        if workers is not None:
            workers.close()
    return BuildState(config, site, planner, pages, renderer)


def _workers(options: "BuildOptions") -> Workers:
    """Where per-item work runs: forked processes here, or a Dask cluster (imported only then)."""
    if options.scheduler:
        from .cluster import DaskWorkers
        return DaskWorkers.connect(options.scheduler, options.jobs)
    from .workers import LocalWorkers
    return LocalWorkers(options.jobs)


def _read(config: Config, site_dir: Path, cache: BuildCache, workers: Workers, tick: Tick,
          fingerprint: Fingerprint | None, stamped_at: int,
          report: "BuildReport") -> tuple[Library, list[StaticPage], Banner | None, list[Problem]]:
    """Every article (from the cache where its file is unchanged: the stamps are the input
    check's), the paper's own pages, the banner, and the problems found in reading them."""
    library = read_articles(config, site_dir, cache, workers, tick("read", 0),
                            fingerprint.stamps if fingerprint else None, stamped_at if fingerprint else None)
    report.parsed = library.parsed
    static_pages, page_problems = read_static_pages(config, site_dir)
    banner, banner_problems = read_banner(config, site_dir)
    return library, static_pages, banner, library.problems + page_problems + banner_problems


def _index(config: Config, library: Library, read_problems: list[Problem], now: datetime,
           options: "BuildOptions", report: "BuildReport") -> Site:
    """The site index: what is published at `now`, by category, tag, author and month.  Raises
    every error found in reading and indexing; the warnings go to the report."""
    site = Site(config, library.articles, Publication(now, options.drafts, options.future))
    problems = read_problems + site.problems
    if any(p.severity == "error" for p in problems):
        raise BuildFailed(problems)
    report.warnings += problems  # only warnings left (what the raw-HTML policy cut from bodies)
    report.articles = len(site.articles)
    report.skipped_drafts = sum(1 for a in library.articles if a.draft and not options.drafts)
    report.skipped_future = sum(1 for a in library.articles if a.date > now and not options.future and not a.draft)
    return site


def _photos(config: Config, site: Site, cache: BuildCache, workers: Workers, fingerprint: Fingerprint | None,
            stamped_at: int, report: "BuildReport") -> tuple[PhotoSettings, dict[str, PhotoUse], PhotoPlan]:
    """Every published photo's renditions and pictures, planned (photo_plan.py)."""
    settings = settings_of(config.photos)
    uses = used_photos(site.shown())
    plan = plan_photos(uses, cache, settings, config.base_path, workers,
                       fingerprint.stamps if fingerprint else None, stamped_at if fingerprint else None)
    report.photos_planned = plan.fresh
    if plan.problems:
        raise BuildFailed(plan.problems)
    return settings, uses, plan


def _media(site: Site, cache: BuildCache) -> dict[str, MediaInfo]:
    """What each recording and video file says of itself."""
    media, problems = probe_media(site.shown(), cache)
    if problems:
        raise BuildFailed(problems)
    return media


def _views(site: Site, library: Library, plan: PhotoPlan, assets: dict[str, str], static_pages: list[StaticPage],
           banner: Banner | None, media: dict[str, MediaInfo], options: "BuildOptions", cache: BuildCache) -> PagePlanner:
    """The planner, with each article's signature (its view is made only where a page being
    rendered reads it); the suite's builds make every view anyway and check the signatures."""
    planner = PagePlanner(site, {file: files.pictures for file, files in plan.files.items()},
                          assets, static_pages, banner, media)
    if options.check_views and cache.folder:
        check_signatures(planner.views, planner.refs, cache)
    return planner


def _search_started(site: Site, planner: PagePlanner, library: Library, folder: Path, jobs: int,
                    cache: BuildCache) -> SearchIndexing:
    """The search bundles to make again, handed to Pagefind at once when an edit's re-indexing can
    run beside planning and rendering (a cold build's waits for the second search step)."""
    indexing = SearchIndexing(search_buckets(site, planner.refs, planner.newest_year), folder, jobs,
                              documents_of(planner.views, library.search_text), cache)
    if runs_alongside(indexing.documents, library.parsed):
        indexing.start()
    return indexing


def _plan(planner: PagePlanner, related: list[tuple[int, ...]]) -> list[Page]:
    """Every page, the redirects at articles' old addresses with them; raises on an address two
    pages claim."""
    pages, problems = with_old_addresses(planner, planner.plan(related))
    if problems:
        raise BuildFailed(problems)
    return pages


def _render(pages: list[Page], theme: Theme, site_dir: Path, planner: PagePlanner, config: Config, library: Library,
            out: OutputWriter, workers: Workers, tick: Tick, cache: BuildCache, options: "BuildOptions",
            report: "BuildReport") -> Renderer:
    """The pages whose key (the digest of their inputs) has no intact record, rendered, with the
    bodies of the articles they show in full from the read stage's store; the others kept as they
    are or taken from the page store."""
    templates = templates_digest(theme)
    compiled_key = compiled_from(templates)
    renderer = Renderer(theme, site_dir, compiled=cache.value(COMPILED_STEP, compiled_key),
                        known=options.compiled_templates)
    keys = PageKeys(templates, planner.site_view, config)
    page_keys = [keys.key(page) for page in pages]
    report.rendered = render_pages(pages, page_keys, renderer, planner.site_view, out, workers, library.body,
                                   tick("render", len(pages)), PageStore(cache))
    if compiled := renderer.compiled.to_keep():  # this process's; the workers' are not seen
        cache.store_value(COMPILED_STEP, compiled_key, compiled)
    for page in pages:
        report.pages_by_kind[page.kind] += 1
    return renderer


def _renditions(plan: PhotoPlan, made: Path, settings: PhotoSettings, workers: Workers, uses: dict[str, PhotoUse],
                cache: BuildCache, out: OutputWriter) -> None:
    """The planned renditions not made yet, encoded; each photo folder's linked into output/."""
    problems = make_renditions(plan, made, settings, workers, uses, cache)
    if problems:
        raise BuildFailed(problems)
    for folder, names in plan.folders.items():
        out.link_folder(folder, names, made)


def _files(out: OutputWriter, theme: Theme, site: Site, config: Config, planner: PagePlanner, pages: list[Page],
           now: datetime, made: Path, assets: dict[str, str], cache: BuildCache) -> None:
    """The theme's static files, the recordings and video files (and the photos as committed, if
    the paper publishes them), then the machine files: feeds, sitemaps, robots.txt, redirect maps."""
    originals = site.photo_files() if config.photos.publish_originals else {}
    copy_static(out, theme, originals | site.media_files(), cache.file_digests, assets)
    for path, data in machine_files(planner, pages, now, made).items():
        out.write(path, data)


def _remember(cache: BuildCache, output_dir: Path, fingerprint: Fingerprint, stamped_at: int, now: datetime,
              library: Library, options: "BuildOptions", config: Config, banner: Banner | None,
              warnings: list[Problem], report: "BuildReport") -> None:
    """What the next build's input check needs to answer "nothing changed" without building: the
    inputs' stamps, until when the output stays true (a scheduled article, the banner), the report."""
    summary = {"pages_by_kind": report.pages_by_kind, "files": report.files, "articles": report.articles,
               "warnings": warnings, "skipped_drafts": report.skipped_drafts, "skipped_future": report.skipped_future}
    record(cache, output_dir, fingerprint, stamped_at, now.timestamp(),
           valid_until(library.articles, now, options, config, banner), summary)

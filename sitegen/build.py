"""`build()`: one linear pass — config, read every article, index, relate, plan, render, write.

Every step is a named call and is timed.  All articles are read and indexed before any page is
rendered, because listings, the archive and "Chuyên mục khác" need the whole set.  Problems are
collected per stage and raised together; nothing is written to output/ unless all stages succeed.
"""

from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterator

from .config import Config, load_config
from .content import Article, ArticleReader, find_article_files
from .errors import BuildFailed, Problem
from .feeds import feed_files
from .output import OutputWriter, check_output_dir
from .pages import PagePlanner
from .related import RelatedDoc, related_articles
from .render import Renderer, Theme
from .search import INDEX_DIR, index_site
from .site import Publication, Site
from .sitemaps import news_sitemap, redirect_files, robots_txt, sitemap_files
from .vietnamese import variant_key


@dataclass(frozen=True)
class BuildOptions:
    drafts: bool = False
    """Publish articles marked `draft: true` (for previews)."""
    future: bool = False
    """Publish articles dated after the build time."""
    now: datetime | None = None
    """The build time; default: the clock.  Tests pin it."""


@dataclass
class BuildReport:
    """What a build made, for the closing line and for tests."""

    output_dir: Path
    pages_by_kind: Counter = field(default_factory=Counter)
    files: int = 0
    unchanged: int = 0
    articles: int = 0
    skipped_drafts: int = 0
    skipped_future: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return sum(self.pages_by_kind.values())

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


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


def read_articles(config: Config, site_dir: Path) -> tuple[list[Article], list[Problem]]:
    """Every article under content/, and every problem found in them."""
    content_dir = site_dir / "content"
    if not content_dir.is_dir():
        return [], [Problem("content", "there is no content/ folder", "create content/ and put articles (.md) in it")]
    reader = ArticleReader(config, site_dir, content_dir)
    articles, problems = [], []
    for path in find_article_files(content_dir):
        article, found = reader.read(path)
        problems += found
        if article is not None:
            articles.append(article)
    return articles, problems


def related_for(site: Site) -> list[tuple[int, ...]]:
    docs = [
        RelatedDoc(a.title, a.summary, a.body_text, tuple(variant_key(t) for t in a.tags), a.category, a.date.timestamp())
        for a in site.articles
    ]
    return related_articles(docs, site.config.related_count)


def build(site_dir: Path, output_dir: Path | None = None, options: BuildOptions = BuildOptions()) -> BuildReport:
    """Build the site in `site_dir` into `output_dir` (default: site_dir/output).  Raises BuildFailed."""
    output_dir = output_dir or site_dir / "output"
    report = BuildReport(output_dir)
    timed = _Stopwatch(report)

    with timed("config"):
        config, report.warnings = load_config(site_dir)
        check_output_dir(output_dir, site_dir)
        theme = Theme.for_site(site_dir, config)
    with timed("read"):
        articles, problems = read_articles(config, site_dir)
    with timed("index"):
        now = options.now or datetime.now(config.zone)
        site = Site(config, articles, Publication(now, options.drafts, options.future))
        problems += site.problems
    if problems:
        raise BuildFailed(problems)
    report.articles = len(site.articles)
    report.skipped_drafts = sum(1 for a in articles if a.draft and not options.drafts)
    report.skipped_future = sum(1 for a in articles if a.date > now and not options.future and not a.draft)
    with timed("related"):
        related = related_for(site)
    with timed("plan"):
        planner = PagePlanner(site, related)
        pages = planner.plan()
    if planner.problems:
        raise BuildFailed(planner.problems)
    with OutputWriter(output_dir) as out:
        with timed("render"):
            renderer = Renderer(theme, site_dir)
            for page in pages:
                out.write(page.output_file, renderer.render(page, planner.site_view))
                report.pages_by_kind[page.page_kind] += 1
            copy_files(out, site, theme)
            for path, data in machine_files(planner, pages, now).items():
                out.write(path, data)
        if config.search:
            with timed("search"):
                index_site(out.staging)
                out.settle(INDEX_DIR)
        with timed("write"):
            out.commit()
    report.files, report.unchanged = out.files, out.unchanged
    return report


def machine_files(planner: PagePlanner, pages: list, now: datetime) -> dict[str, bytes]:
    """Feeds, sitemaps, robots.txt and redirect maps: output path -> bytes."""
    files = feed_files(planner)
    files |= sitemap_files(planner, pages)
    files["sitemap-news.xml"] = news_sitemap(planner, now)
    files["robots.txt"] = robots_txt(planner)
    files |= redirect_files(planner, pages)
    return files


def copy_files(out: OutputWriter, site: Site, theme: Theme) -> None:
    """The photos articles use, and the theme's static files."""
    copied: set[str] = set()
    for article in site.articles:
        for photo in article.photos:
            if photo.output_path not in copied:
                copied.add(photo.output_path)
                out.copy(photo.output_path, Path(photo.file))
    for rel, path in theme.static_files():
        out.copy(f"static/{rel}", path)

"""The stages `build()` runs that join several modules: related links (with their cache entry),
search buckets and documents (from the page plan), and the machine-readable files of a build.
Imported by `build()` only once it knows there is work to do (these modules pull in numpy, scipy,
Jinja and Python-Markdown)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Callable

from .cache import BuildCache, digest
from .feeds import feed_files
from .pages import Page, PagePlanner
from .reading import Library
from .related import RelatedDoc, Weights, related_articles
from .search import Bucket, bucket_of, search_document
from .site import Site
from .sitemaps import news_sitemap, redirect_files, robots_txt, sitemap_files
from .vietnamese import variant_key
from .workers import Workers


def related_for(site: Site, library: Library, cache: BuildCache | None = None,
                jobs: "int | Workers" = 1) -> list[tuple[int, ...]]:
    """"Chuyên mục khác" for every published article, reused from the cache when no input changed."""
    facts = [(tuple(variant_key(t) for t in a.tags), a.category, a.date.timestamp()) for a in site.articles]
    count = site.config.related_count
    key = digest(repr((count, Weights(), facts)), *(library.feature_keys[a.source] for a in site.articles))
    cache = cache or BuildCache(None)
    cached = cache.value("related", key)
    if cached is not None:
        return cached
    texts = library.features([a.source for a in site.articles])
    related = related_articles([RelatedDoc(*fact) for fact in facts], texts, count, jobs=jobs)
    del texts
    cache.store_value("related", key, related)
    return related


def search_buckets(planner: PagePlanner) -> list[Bucket]:
    """The published articles grouped into search bundles, each with the digest of what its search
    document is made of (`search_document_of`; the revision stands for the body's text)."""
    grouped: dict[str, list[tuple[str, bytes, str]]] = {}
    newest = planner.newest_year
    for article in planner.site.articles:
        view = planner.views[article.source]
        doc_key = digest(view.title, view.summary, view.date.isoformat(), view.category.name,
                         "\0".join(t.name for t in view.tags), article.revision)
        grouped.setdefault(bucket_of(view.date, newest), []).append(
            (planner.site.path_of(article), doc_key, article.source))
    return [Bucket(name, tuple(sorted(entries))) for name, entries in sorted(grouped.items(), reverse=True)]


def search_document_of(planner: PagePlanner, library: Library) -> Callable[[str], str]:
    def document(source: str) -> str:
        view = planner.views[source]
        return search_document(view.title, view.summary, view.date, view.category.name,
                               tuple(t.name for t in view.tags), library.search_text(source))
    return document


def machine_files(planner: PagePlanner, pages: list[Page], now: datetime, renditions: Path) -> dict[str, bytes]:
    """Feeds, sitemaps, robots.txt and redirect maps: output path -> bytes.  `renditions` is the
    folder the photo step wrote to (feeds state the size of the photos they carry)."""
    files = feed_files(planner, lambda name: os.path.getsize(renditions / name))
    files |= sitemap_files(planner, pages)
    news = news_sitemap(planner, now)
    files |= news
    files["robots.txt"] = robots_txt(planner, ["sitemap.xml", *news])
    files |= redirect_files(planner, pages)
    return files

"""Questions asked of a site without building it: when a build would next give other output with no
file changed (`sitegen next-change`), and why each article of an article's "Chuyên mục khác" is
there (`sitegen related`).

Each reads the site as `check` does — config, then the articles through the cache — and answers
from the same functions a build runs (`freshness.valid_until`, `related_step.related_for`), so the
answer is the one the next build acts on.  Nothing is rendered, and output/ is not touched.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .build import BuildOptions
from .cache import CACHE_DIR, BuildCache
from .config_toml import load_config
from .errors import BuildFailed, Problem
from .freshness import valid_until

if TYPE_CHECKING:  # the reading and ranking modules load only when a question is asked (see each function)
    from .content import Article
    from .related_reasons import Reason


def next_change(site_dir: Path, options: BuildOptions = BuildOptions()) -> datetime | None:
    """When a build would next give other output with no file changed (a scheduled article going
    live, a notice expiring, an article leaving the news sitemap, the banner appearing or going), in
    the site's time zone; None if never.  Reads the articles as `check` does (through the cache);
    raises BuildFailed on errors."""
    from .banner import read_banner
    from .library import read_articles

    config, _ = load_config(site_dir)
    cache = BuildCache((options.cache_dir or site_dir / CACHE_DIR) if options.cache else None)
    try:
        library = read_articles(config, site_dir, cache, options.jobs)
    finally:
        cache.close()
    banner, banner_problems = read_banner(config, site_dir)
    errors = [p for p in library.problems + banner_problems if p.severity == "error"]
    if errors:
        raise BuildFailed(errors)
    now = options.now or datetime.now(config.zone)
    moment = valid_until(library.articles, now, options, config, banner)
    return None if moment == float("inf") else datetime.fromtimestamp(moment, config.zone)


class RelatedExplained(NamedTuple):
    """What `sitegen related` prints: an article's "Chuyên mục khác" as the next build ranks it."""

    article: Article
    picks: list[tuple[Article, Reason]]
    editor_picked: tuple[str, ...]
    """The article's own `related:` (shown in "Tin liên quan"; the box then leaves them out)."""
    category_names: dict[str, str]
    """Category slug -> name."""


def explain_related(site_dir: Path, name: str, options: BuildOptions = BuildOptions()) -> RelatedExplained:
    """The article that `name` names (its file, slug or address, as `related:` takes them) and the
    picks of its "Chuyên mục khác" with the reasons.  Reads the site as `check` does (through the
    cache); raises BuildFailed on errors or a name that is no article."""
    from .article_reader import ArticleReader
    from .library import read_articles
    from .related_step import related_for
    from .related_reasons import reasons_for
    from .site import Publication, Site

    config, _ = load_config(site_dir)
    cache = BuildCache((options.cache_dir or site_dir / CACHE_DIR) if options.cache else None)
    try:
        library = read_articles(config, site_dir, cache, options.jobs)
        site = Site(config, library.articles, Publication(options.now or datetime.now(config.zone), options.drafts,
                                                          options.future))
        errors = [p for p in library.problems + site.problems if p.severity == "error"]
        if errors:
            raise BuildFailed(errors)
        found = site.named(_site_relative(site_dir, name))
        if len(found) != 1:
            raise BuildFailed([Problem(name, "names no published article" if not found else
                                       f"names {len(found)} articles: {', '.join(sorted(found))}",
                                       "give the article's file (content/…/….md), its slug or its address")])
        index = next(i for i, a in enumerate(site.articles) if a.source in found)
        article = site.articles[index]
        body = ArticleReader(config, site_dir, site_dir / "content").read(site_dir / article.source, article.source).body
        picks = related_for(site, library, cache, options.jobs)[index]
        reasons = reasons_for(site, library, index, picks, body.text if body else "")
    finally:
        cache.close()
    return RelatedExplained(article, [(site.articles[r.index], r) for r in reasons], site.picked.get(article.source, ()),
                            {c.slug: c.name for c in config.categories})


def _site_relative(site_dir: Path, name: str) -> str:
    """A file of the site named from the current folder, as the site names it (content/…); any
    other name as given (the site's own names: content/…, a slug, an address)."""
    path = Path(name)
    if path.is_file():
        try:
            inside = Path(os.path.relpath(path.resolve(), site_dir.resolve())).as_posix()
        except ValueError:  # another drive
            return name
        return name if inside.startswith("../") else inside
    return name

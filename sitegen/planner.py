"""The page plan: which address gets which template with which data.

`PagePlanner.plan()` turns the site index into a list of `Page`s (page.py) — articles, home,
category, tag and author listings with pagination and the date archive (`listings.py`), 404, search
and feeds — with their template contexts built from `views` (each article's own view by
`article_views.py`).  Nothing is rendered or written here.  The pages at articles' old addresses,
and the check that no two pages share one, come after (`redirects.py`).
"""

from __future__ import annotations

import dataclasses
import json
from bisect import bisect_left
from functools import partial
from typing import Callable, Sequence

from markupsafe import Markup

from . import structured_data
from .article_views import ArticleViews, ViewRef
from .banner import BANNER_FILE, Banner, link_url
from .content import Article
from .listings import Listings, newest_of
from .media import MediaInfo
from .page import Page
from .pictures import Pictures
from .search import INDEX_DIR, bucket_of
from .site import Site, Term, newest_first
from .static_pages import StaticPage
from .views import (
    ArticleView, BannerView, Link, PageInfo, PublisherView, Section, SiteView, StaticPageView, WithdrawnView,
)

HOME = "Trang chủ"
LATEST_FILE = "tin-moi.json"
"""The newest articles as JSON, for boxes a script fills at view time (`SiteView.latest_url`)."""
CORRECTIONS_FEED = "cai-chinh.rss"
"""The corrections' feed, beside the others in rss/."""
PODCAST_FEED = "podcast.rss"
"""The podcast's feed (podcast.py), beside the others in rss/."""
SAME_CATEGORY = 5
"""Articles in an article's "Tin cùng chuyên mục" box."""


class PagePlanner(ArticleViews, Listings):
    """Builds views once per article and assembles every page of the site."""

    def __init__(self, site: Site, pictures: dict[str, Pictures] | None = None, assets: dict[str, str] | None = None,
                 static_pages: Sequence[StaticPage] = (), banner: Banner | None = None,
                 media: dict[str, MediaInfo] | None = None):
        """`pictures` gives, per photo file, what the photo step made of it (`pictures.Pictures`);
        `assets`, per theme static file, its content-hashed output path (`theme.asset_addresses`);
        `media`, per recording and video file, what it says of itself (`media.probe_media`)."""
        self.site = site
        self.static_pages = tuple(static_pages)
        self.banner = banner
        self.media = media or {}
        self._category_places: dict[str, dict[str, int]] = {}
        """Per category, each of its articles' place in `site.by_category`."""
        self.pictures = pictures or {}
        self.config = site.config
        self.links = site.config.permalinks
        self.base = site.config.base_path
        self.category_links = {
            # No article count: the menu is on every page, and a count in it would make one
            # published article render the whole site again.
            c.slug: Link(c.name, self.url(self.links.category.format(slug=c.slug)))
            for c in site.categories
        }
        self._tag_links: dict[str, Link] = {}
        self._author_links: dict[str, Link] = {}
        self.views, self.refs = self._refs(site.articles)
        """The articles' views, made when first read, and what the pages hold of them (article_views.py)."""
        self.newest_year = site.months[0].year if site.months else 0
        self.feed_paths = {"": self.links.feeds + "tin-moi-nhat.rss"} | {
            c.slug: f"{self.links.feeds}{c.slug}.rss" for c in site.categories}
        self.corrections_feed = Link("Thông tin cải chính", self.absolute(f"{self.links.feeds}{CORRECTIONS_FEED}"))
        self.podcast_feed = Link(self.config.podcast.title or f"{self.config.title} - Podcast",
                                 self.absolute(f"{self.links.feeds}{PODCAST_FEED}"))
        self.main_feed = Link("Tin mới nhất", self.absolute(self.feed_paths[""]))
        self.category_feeds = {c.slug: Link(c.name, self.absolute(self.feed_paths[c.slug])) for c in site.categories}
        self.home_link = Link(HOME, self.base)
        self.logo = self.absolute(self.config.logo)
        publisher = PublisherView(**dataclasses.asdict(self.config.publisher))
        newest = site.articles[0].date.astimezone(self.config.zone).year if site.articles else 1970
        self.site_view = SiteView(
            title=self.config.title, description=self.config.description, url=self.base,
            base_url=self.config.base_url, language=self.config.language,
            menu=tuple(self.category_links[c.slug] for c in site.categories), publisher=publisher,
            archive_url=self.url(self.links.archive), tags_url=self.url(self.links.tags),
            authors_url=self.url(self.links.authors), static_url=self.url("static/"), year=newest,
            logo_url=self.url((assets or {}).get(self.config.logo.removeprefix("static/"), self.config.logo)),
            search_url=self.url(self.links.search) if self.config.search else "",
            feeds_url=self.url(self.links.feeds), corrections_url=self.url(self.links.corrections),
            feed=self.main_feed, twitter_site=self.config.twitter_site,
            latest_url=self.url(LATEST_FILE), banner_url=self.url(BANNER_FILE),
            videos_url=self.url(self.links.videos) if site.videos else "",
            podcast_url=self.url(self.links.podcast) if site.episodes else "",
            pages=tuple(Link(p.title, self.url(p.path)) for p in self.static_pages),
            assets=tuple((rel, self.url(path)) for rel, path in sorted((assets or {}).items())),
        )

    # --- addresses ---------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base + path

    def absolute(self, path: str) -> str:
        return self.config.absolute_url(self.url(path))

    # Tag and author links carry their article count only on the index pages that print it: in an
    # article's view it would render every article with that tag again when one more is tagged.
    # Uncounted, one Link per tag or author serves every view that names it (a view's digest then
    # takes its repr once, and 100,000 articles do not hold 300,000 copies of a few thousand links).

    def _tag_link(self, term: Term, counted: bool = False) -> Link:
        return self._term_link(term, self.links.tag, self._tag_links, counted)

    def _author_link(self, term: Term, counted: bool = False) -> Link:
        return self._term_link(term, self.links.author, self._author_links, counted)

    def _term_link(self, term: Term, pattern: str, known: dict[str, Link], counted: bool) -> Link:
        if counted:
            return Link(term.name, self.url(pattern.format(slug=term.slug)), len(term.articles))
        link = known.get(term.slug)
        if link is None:
            link = known[term.slug] = Link(term.name, self.url(pattern.format(slug=term.slug)))
        return link

    # --- views (an article's own: article_views.py) ------------------------------------------------

    def _info(self, kind: str, title: str, path: str, *, description: str = "",
              crumbs: tuple[Link, ...] = (), number: int = 1, image: str = "", category: str = "",
              structured_data: Callable[[], tuple[dict, ...]] | None = None, noindex: bool = False) -> PageInfo:
        feeds = (self.main_feed,)
        if category:
            feeds += (self.category_feeds[category],)
        return PageInfo(kind, title, self.url(path), self.absolute(path), description or self.config.description,
                        (self.home_link, *crumbs), number, image or self.logo, feeds,
                        load_structured_data=structured_data, noindex=noindex)

    # --- the plan ----------------------------------------------------------------------------------

    def plan(self, related: Sequence[tuple[int, ...]]) -> list[Page]:
        """Every page at its own address (`redirects.with_old_addresses` adds the aliases);
        `related[i]`: the indexes of the i-th article's "Chuyên mục khác" (`related_step.py`)."""
        pages: list[Page] = [self._home()]
        for article, picks in zip(self.site.articles, related, strict=True):
            pages.append(self._article(article, picks))
        for article in self.site.withdrawn:
            pages.append(self._withdrawn(article))
        for article in self.site.expired:  # its page stays, marked ("Chuyên mục khác" ranks the index only)
            pages.append(self.article_page(article, self._article_view(article), ()))
        for category in self.site.categories:
            link = self.category_links[category.slug]
            pages += self._listing(
                "category", "category.html", self.links.category.format(slug=category.slug),
                self.site.by_category[category.slug], category.name, {"category": link},
                description=category.description or f"Tin {category.name} của {self.config.title}, mới nhất trước.",
                crumbs=(), category=category.slug,
            )
        pages += self._listing("corrections", "corrections.html", self.links.corrections, self.site.corrected,
                               "Thông tin cải chính", {}, description=f"Các bài viết {self.config.title} đã cải chính, "
                               "mới nhất trước.")
        if self.site.videos:
            pages += self._listing("videos", "videos.html", self.links.videos, self.site.videos, "Video", {},
                                   description=f"Video của {self.config.title}, mới nhất trước.")
        if self.site.episodes:
            pages += self._listing("podcast", "podcast.html", self.links.podcast, self.site.episodes, "Podcast",
                                   {"podcast_feed": self.podcast_feed},
                                   description=f"Các bản tin âm thanh của {self.config.title}, mới nhất trước.")
        pages += self._terms("tag", self.site.tags, self.links.tags, "Chủ đề", self._tag_link)
        pages += self._terms("author", self.site.authors, self.links.authors, "Tác giả", self._author_link)
        pages += self._archive()
        pages.append(Page("404.html", "404.html", self._info("not_found", "Không tìm thấy trang", "404.html", noindex=True),
                          {"latest": self._views(self.site.articles[: self.config.home_latest])}))
        if self.config.search:
            pages.append(Page(self.links.search, "search.html", self._info("search", "Tìm kiếm", self.links.search, noindex=True), {
                "categories": tuple(self.category_links[c.slug] for c in self.site.categories),
                "indexes": tuple(self.url(f"{INDEX_DIR}/{name}/") for name in sorted(
                    {bucket_of(m.year, m.month, self.newest_year) for m in self.site.months}, reverse=True)),
            }))
        pages.append(Page(self.links.feeds, "feeds.html", self._info("feeds", "RSS", self.links.feeds),
                          {"feeds": (self.main_feed, *self.category_feeds.values(), self.corrections_feed,
                                     *((self.podcast_feed,) if self.site.episodes else ()))}))
        for static in self.static_pages:
            pages.append(Page(static.path, "page.html", self._info("page", static.title, static.path,
                                                                   description=static.summary),
                              {"static_page": StaticPageView(static.title, static.summary, Markup(static.body))},
                              static.source))
        return pages

    def latest_json(self) -> bytes:
        """`LATEST_FILE`: the newest articles for boxes filled at view time."""
        articles = [{"title": v.title, "url": v.url, "date": v.date.isoformat(timespec="seconds"),
                     "category": v.category.name, "category_url": v.category.url}
                    for v in self._views(self.site.articles[: self.config.home_latest])]
        return json.dumps({"articles": articles}, ensure_ascii=False, indent=1).encode() + b"\n"

    def _views(self, articles: Sequence[Article]) -> tuple[ViewRef, ...]:
        """What pages hold of the articles' views (templates read them as views)."""
        refs = self.refs
        return tuple(refs[a.source] for a in articles)

    def _home(self) -> Page:
        """No story twice: each is shown at its first place from the top (featured, then "Tin mới",
        then its category's block, which takes the category's newest stories not shown above; a
        category with none left gets no block)."""
        site, config = self.site, self.config
        featured = site.featured()[: config.home_featured] or site.articles[:1]
        shown = {a.source for a in featured}
        latest = [a for a in site.articles if a.source not in shown][: config.home_latest]
        shown.update(a.source for a in latest)
        blocks = ((c, [a for a in site.by_category[c.slug] if a.source not in shown][: config.home_per_category])
                  for c in site.categories)
        sections = tuple(Section(self.category_links[c.slug], self._views(items)) for c, items in blocks if items)
        info = self._info("home", config.title, "", structured_data=partial(structured_data.home, config, self.logo))
        banner = self.banner if self.banner and self.banner.shown_at(site.publication.now) else None
        return Page("", "home.html", info, {"featured": self._views(featured), "latest": self._views(latest),
                                            "sections": sections, "banner": banner and BannerView(
                                                banner.text, link_url(banner, self.base), banner.start, banner.end)},
                    lastmod=newest_of(self._views(featured)))

    def _article(self, article: Article, picks: tuple[int, ...]) -> Page:
        refs, articles = self.refs, self.site.articles
        return self.article_page(article, refs[article.source], tuple(refs[articles[j].source] for j in picks))

    def _withdrawn(self, article: Article) -> Page:
        """The notice at a withdrawn article's address: the address keeps answering (links to it
        are in other papers and readers' messages), without the body."""
        path, category = self.site.path_of(article), self.category_links[article.category]
        info = self._info("withdrawn", article.title, path, crumbs=(category,), noindex=True,
                          description=f"Bài viết đã bị gỡ: {article.withdrawn}")
        return Page(path, "withdrawn.html", info, {"withdrawn": WithdrawnView(
            article.title, article.date.astimezone(self.config.zone), article.withdrawn, category)}, article.source)

    def same_category(self, article: Article) -> tuple[ViewRef, ...]:
        """"Tin cùng chuyên mục": the articles of its category published just before it (just after,
        where fewer came before).  Stable: a newer story in the category changes no older article's
        box, so a publish does not render the category's archive again."""
        items = self.site.by_category.get(article.category, ())
        if article.category not in self._category_places:
            self._category_places[article.category] = {a.source: at for at, a in enumerate(items)}
        at = self._category_places[article.category].get(article.source)
        itself = at is not None and items[at] is article
        if not itself:  # the preview's edit of an article, placed by its own date
            at = bisect_left(items, newest_first(article), key=newest_first)
            itself = at < len(items) and items[at].source == article.source
        # Only the neighbours are sliced: copying a category's whole list for each of its articles
        # is quadratic (4 s of a rebuild at 10,000 articles per category).
        first_older = at + 1 if itself else at
        chosen = items[first_older:first_older + SAME_CATEGORY]
        fill = SAME_CATEGORY - len(chosen)  # the nearest newer ones, just before `at`
        return self._views((*items[max(0, at - fill):at], *chosen))

    def picked(self, article: Article) -> tuple[ViewRef, ...]:
        """"Tin liên quan": the articles the editor named in `related:` that this build publishes."""
        return tuple(self.refs[source] for source in self.site.picked.get(article.source, ()))

    def article_page(self, article: Article, view: ArticleView | ViewRef, related: tuple[ArticleView | ViewRef, ...]) -> Page:
        """The page of one article (also used by the preview server to show an edit at once):
        `view` its view, or the ViewRef of an indexed article's."""
        path = self.site.path_of(article)
        picked = self.picked(article)
        related = tuple(v for v in related if v not in picked)  # a story is in one box, the editor's first
        return Page(path, "article.html", partial(self._article_info, view, path, article.category),
                    {"article": view, "related": related, "picked": picked,
                     "same_category": self.same_category(article)}, article.source, view.modified, "article")

    def _article_info(self, view: ArticleView | ViewRef, path: str, category: str) -> PageInfo:
        """An article page's `page`: of its view and the site's settings only (`Page.made_info`)."""
        image, images = "", ()
        if view.image:
            # Shares get the 1200x630 crop and search engines the 16:9, 4:3 and 1:1 ones (Google's
            # guidance for articles), when the photo step made them; else the photo as committed.
            share = view.image.src("share")
            image = self.config.absolute_url(share or view.image.url)
            crops = [view.image.src(f"schema-{ratio}") for ratio in ("16x9", "4x3", "1x1")]
            images = tuple(self.config.absolute_url(c) for c in crops if c) or (image,)
        return self._info("article", view.title, path, description=view.summary, crumbs=(view.category,),
                          image=image, category=category,
                          structured_data=partial(structured_data.article, view, images, config=self.config,
                                                  logo=self.logo, home=HOME))

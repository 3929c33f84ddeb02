"""The template contract: everything a theme's templates can use, and nothing else.

Theme authors read this one file.  Every template gets `site` (SiteView) and `page` (PageInfo);
each kind of page adds the variables listed in `TEMPLATE_VARIABLES`.  URLs are site paths that
already carry the base path ("/bao/thoi-su/"): use them as they are in href and src.
Dates are timezone-aware datetimes in the site's timezone; format them with the filters
`vn_date` ("Thứ năm, 25/06/2020 - 15:18"), `vn_day` ("25/06/2020") and `iso` (for <time datetime>).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Any, Callable

from markupsafe import Markup


def _view(cls):
    """A frozen dataclass whose repr lists its field values: cheap, and complete enough for
    digests of what a template sees (fields declared with repr=False are left out)."""
    cls = dataclass(frozen=True, repr=False)(cls)
    names = tuple(f.name for f in fields(cls) if f.repr)
    values = attrgetter(*names) if len(names) > 1 else lambda view: tuple(getattr(view, n) for n in names)

    def __repr__(self) -> str:  # (page keys take the repr of ~40,000 views a build at 10,000 articles)
        return cls.__name__ + repr(values(self))

    cls.__repr__ = __repr__
    return cls


@_view
class Link:
    """A named link: a category in the menu, a tag, an author, a breadcrumb step."""

    name: str
    url: str
    count: int = 0
    """How many articles it leads to: on the tag and author index pages (`terms`) only; 0 elsewhere."""


@_view
class PhotoView:
    url: str
    alt: str
    caption: str = ""
    credit: str = ""
    """Ready to print: "Ảnh: MT" (the prefix is added only when the editor did not write it)."""
    pictures: Any = None
    """`pictures.Pictures`: the sizes and formats made for each place the theme shows the photo
    ("lead", "teaser", "share", ...); None for photos the photo step does not cover."""

    def picture(self, slot: str):
        """The Picture for `slot`, or None (then the template shows `url` as it is)."""
        return self.pictures.picture(slot) if self.pictures else None

    def src(self, slot: str) -> str | None:
        """The address of the widest file made for `slot`, or None."""
        return self.pictures.src(slot) if self.pictures else None


@_view
class CorrectionView:
    """"Thông tin cải chính": when the paper corrected the article, and the correction's text."""

    date: datetime
    text: str


@_view
class ArticleView:
    """An article as templates see it, in listings and on its own page."""

    title: str
    url: str
    absolute_url: str
    date: datetime
    category: Link
    summary: str
    image: PhotoView | None = None
    """The lead photo (listings, shares)."""
    show_lead_photo: bool = True
    """False when the body already shows the lead photo: the article page then skips it above."""
    updated: datetime | None = None
    timed: bool = True
    """False when the editor gave only a day: show the date without "00:00"."""
    author: Link | None = None
    tags: tuple[Link, ...] = ()
    featured: bool = False
    is_draft: bool = False
    """Only in builds with --drafts (and `sitegen serve`): themes should mark it visibly."""
    is_scheduled: bool = False
    """Dated after the build time; only in builds with --future."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Front-matter keys sitegen does not know, e.g. article.extra.source."""
    revision: str = ""
    """Changes with every edit of the article's file (a page showing the body depends on it)."""
    corrections: tuple[CorrectionView, ...] = ()
    """The paper's corrections of it, oldest first: shown at the top of its page."""
    expires: datetime | None = None
    """When it stops holding (`expires:`), if ever."""
    is_expired: bool = False
    """Past `expires` at the build time: only its own page shows it, marked "hết hiệu lực"."""
    layout: str = ""
    """"emagazine" for the long-form layout; "" for the standard one."""
    gallery: tuple[PhotoView, ...] = ()
    """`gallery:`: a photo essay's photos, in order, shown after the body."""
    video: Any = None
    """`content.Video` (youtube, watch_url, embed_url, shown_duration, iso_duration) or None."""
    audio: AudioView | None = None
    """Its recording (`audio:`), played on its page and an episode of the podcast."""
    figures: tuple = field(default=(), repr=False, compare=False)
    """(committed address, pictures.Pictures of its `figure` slot) of the photos in the body:
    `body` serves them as <picture>.  Not in the view's repr, which listings' keys stand on
    (listings do not show bodies): the key of the article's own page adds them (`rendering.PageKeys`)."""
    body_html: str = field(default="", repr=False, compare=False)
    """The body as HTML with its figures' <picture>s, filled only in the page being rendered that
    shows the article in full (`rendering.py` asks the read stage's store for it); "" elsewhere."""

    @property
    def modified(self) -> datetime:
        """When it last changed for a reader: its update or its newest correction, else its date."""
        return max((self.updated or self.date, *(c.date for c in self.corrections)))

    @property
    def body(self) -> Markup:
        """The article's body as HTML (on its own page)."""
        return Markup(self.body_html)


@_view
class AudioView:
    """A recording as the article page plays it: what the file says of itself (media.py)."""

    url: str
    mime: str
    size: int
    """Bytes."""
    duration: str
    """"12:05"."""
    title: str = ""
    """The episode's own title, "" for the article's."""


@_view
class PageLink:
    """One entry of a numbered pagination; `number` None stands for a gap ("…")."""

    number: int | None
    url: str = ""
    current: bool = False


@_view
class Pagination:
    number: int
    """This page's number, from 1."""
    total: int
    """How many pages the listing has (at least 1, even when empty)."""
    items: tuple[ArticleView, ...]
    count: int
    """Articles in the whole listing."""
    prev_url: str = ""
    next_url: str = ""
    pages: tuple[PageLink, ...] = ()


@_view
class Section:
    """A category's block on the home page."""

    category: Link
    articles: tuple[ArticleView, ...]


@_view
class WithdrawnView:
    """What remains of an article the paper took down: its title, when it was published, and why."""

    title: str
    date: datetime
    reason: str
    category: Link


@_view
class StaticPageView:
    """A page of the paper's own (content/pages/gioi-thieu.md): no date, category or author."""

    title: str
    summary: str
    body: Markup
    """Its text as HTML (Markdown, under the raw-HTML policy of article bodies)."""


@_view
class ArchiveMonthView:
    year: int
    month: int
    url: str
    count: int
    days: tuple[tuple[datetime, tuple[ArticleView, ...]], ...] = ()
    """On the month's own page: (day, articles of that day), newest first."""


@_view
class ArchiveYearView:
    year: int
    url: str
    count: int
    months: tuple[ArchiveMonthView, ...]


@_view
class PublisherView:
    """The legal footer lines (empty strings are simply not shown)."""

    name: str
    governing_body: str
    licence: str
    editor_in_chief: str
    deputy_editors: str
    address: str
    phone: str
    email: str
    copyright: str


@_view
class SiteView:
    title: str
    description: str
    url: str
    """The home page's address on this site ("/" or "/bao/")."""
    base_url: str
    """Absolute, e.g. "https://example.vn/bao/"."""
    language: str
    menu: tuple[Link, ...]
    """Categories in menu order."""
    publisher: PublisherView
    archive_url: str
    tags_url: str
    authors_url: str
    static_url: str
    """Prefix of the theme's static files: "{{ site.static_url }}css/style.css"."""
    logo_url: str
    """The logo's address on this site (icon, masthead): content-hashed when it is a theme file."""
    search_url: str
    """The search page ("" when search is off in config.toml)."""
    feeds_url: str
    """The page listing the RSS feeds."""
    corrections_url: str
    """"Thông tin cải chính": the articles the paper has corrected."""
    feed: Link
    """The main RSS feed ("Tin mới nhất")."""
    twitter_site: str
    year: int
    """Year of the newest published article (for the copyright line; the build time would make
    output differ from one day to the next)."""
    latest_url: str = ""
    """A small JSON file of the newest articles (`{"articles": [{"title", "url", "date",
    "category", "category_url"}]}`), for boxes a script fills at view time ("Tin mới" beside an
    article: written into every article page, it would render the archive again on each publish)."""
    videos_url: str = ""
    """The "Video" listing; "" while no article has a video."""
    podcast_url: str = ""
    """The podcast's page (its episodes, and its feed for podcast apps); "" while there is none."""
    banner_url: str = ""
    """The breaking-news banner as JSON (`banner.BANNER_FILE`, `{}` when there is none), which every
    page's script reads: see banner.py for why it is not in each page."""
    pages: tuple[Link, ...] = ()
    """The paper's own pages from content/pages/ (Giới thiệu, Liên hệ, ...), in their `order`."""
    assets: tuple[tuple[str, str], ...] = ()
    """(path under static/, its content-hashed address): use `asset("css/style.css")` in templates."""

    def asset(self, path: str) -> str:
        """The content-hashed address of the theme's static file `path` ("css/style.css"): a new
        name whenever its bytes change, so hosts may keep it for a year."""
        for name, url in self.assets:
            if name == path:
                return url
        raise LookupError(f"asset({path!r}): the theme has no static file {path!r} "
                          f"(it has: {', '.join(name for name, _ in self.assets) or 'none'})")


@_view
class PageInfo:
    kind: str
    """"home", "article", "category", "tag", "tags", "author", "authors", "archive",
    "archive_year", "archive_month", "not_found", "redirect", "page" (content/pages/), "corrections", "withdrawn"."""
    title: str
    """For <title>; the site's name is added by the theme."""
    url: str
    canonical_url: str
    description: str = ""
    breadcrumbs: tuple[Link, ...] = ()
    """From the home page down to this page's parent."""
    number: int = 1
    """Page number of a paginated listing."""
    image: str = ""
    """Absolute URL of the picture for shares (og:image): the lead photo, else the logo."""
    feeds: tuple[Link, ...] = ()
    """RSS feeds for <link rel="alternate">: the whole site's, and the category's where there is one."""
    load_structured_data: Callable[[], tuple[dict, ...]] | None = field(default=None, repr=False, compare=False)
    """Made only when a page is rendered: it follows from the page's other fields and the site."""
    noindex: bool = False
    """Pages search engines should not index (the 404 page, search results)."""

    @property
    def structured_data(self) -> tuple[dict, ...]:
        """JSON-LD objects (NewsArticle, BreadcrumbList, ...) for <script type="application/ld+json">."""
        return self.load_structured_data() if self.load_structured_data else ()


TEMPLATE_VARIABLES = {
    "home.html": "featured, latest: tuple[ArticleView]; sections: tuple[Section]",
    "article.html": "article: ArticleView; related: tuple[ArticleView] ('Chuyên mục khác'); "
                    "picked: tuple[ArticleView] ('Tin liên quan', the editor's `related:`, not in `related`); "
                    "same_category: tuple[ArticleView] ('Tin cùng chuyên mục': published just before it); "
                    "figures: the body's photos (already in article.body)",
    "category.html": "category: Link (with description in page.description); pagination: Pagination",
    "tag.html": "tag: Link; pagination: Pagination",
    "author.html": "author: Link; pagination: Pagination",
    "tags.html": "terms: tuple[Link] (every tag, with counts, alphabetical)",
    "authors.html": "terms: tuple[Link] (every author, with counts, alphabetical)",
    "archive.html": "years: tuple[ArchiveYearView]",
    "archive_year.html": "year: ArchiveYearView",
    "archive_month.html": "month: ArchiveMonthView; prev_month, next_month: ArchiveMonthView | None",
    "404.html": "latest: tuple[ArticleView]",
    "search.html": "categories: tuple[Link] (for the category filter); indexes: tuple[str] (search "
                   "index bundles, one per year, newest first)",
    "feeds.html": "feeds: tuple[Link] (each RSS feed: name and absolute URL)",
    "redirect.html": "target: str (absolute URL the old address now points to)",
    "corrections.html": "pagination: Pagination (corrected articles, newest correction first: each "
                        "ArticleView has .corrections)",
    "withdrawn.html": "withdrawn: WithdrawnView (an article taken down: title, date, reason, category)",
    "page.html": "static_page: StaticPageView (a page of content/pages/: title, summary, body)",
}
"""Per template, the variables it gets besides `site` and `page`."""


@dataclass(frozen=True)
class BannerView:
    """The breaking-news banner as the home page shows it ("Tin nóng")."""

    text: str
    url: str
    """"" for a banner without a link."""
    start: datetime | None
    end: datetime

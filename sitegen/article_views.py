"""What templates see of an article: its `views.ArticleView`, with the photos, video, recording and
body figures that the photo and media steps made of its files.

`PagePlanner` (planner.py) mixes `ArticleViews` in.  Its pages hold a `ViewRef` per article: the
article's *signature* (a digest of everything its view is made of: `ArticleViews.signature`), which
page keys digest in its place, and a way to the view itself, made the first time something reads it
(`LazyViews`: the pages being rendered, the feeds' newest items).  So a rebuild that renders ten
pages makes about a hundred views, not one per article of the archive.  `views.py` declares what a
view holds (the template contract); this module fills it in from an `Article` of the site index.

A signature that missed something the view shows would keep a stale page: builds with
`BuildOptions.check_views` (the test suite's) make every view anyway and compare it with what the
same signature stood for in earlier builds (`check_signatures`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from .content import Article, Photo, shown_duration
from .pictures import Pictures, with_pictures
from .views import ArticleView, AudioView, CorrectionView, Link, PhotoView

if TYPE_CHECKING:
    from .cache import BuildCache
    from .config import Config
    from .media import MediaInfo
    from .site import Site

FULL_BLEED = "100vw"
"""The `sizes` of photos in the long-form layout (`layout: emagazine`), drawn across the screen."""


CHECK_STEP = "view-signature"
"""The cache's record, for `check_signatures`, of the view each signature stood for."""


class ViewRef:
    """An article's view as the page plan holds it: its signature and the digest of its body's
    photos (`ArticleViews.signature`), its `modified` (which sitemaps and listings read while
    planning) and, for anything else, the view itself, made when first read.  Templates read it as
    they read the view; it is pickled as the view (a cluster's workers)."""

    __slots__ = ("source", "signature", "body_photos", "modified", "_views")

    def __init__(self, source: str, signatures: tuple[bytes, bytes], modified: Any, views: "LazyViews"):
        self.source, (self.signature, self.body_photos), self.modified, self._views = source, signatures, modified, views

    @property
    def view(self) -> ArticleView:
        return self._views[self.source]

    def __getattr__(self, name: str) -> Any:  # called only for what the slots above do not hold
        if name.startswith("__") or name == "_views":
            raise AttributeError(name)
        return getattr(self._views[self.source], name)

    def __reduce__(self):
        return _as_made, (self.view,)

    def __repr__(self) -> str:  # complete: the signature stands for the view
        return f"ViewRef({self.source!r}, {self.signature.hex()})"


def _as_made(view: ArticleView) -> ArticleView:
    return view


class LazyViews(Mapping):
    """source -> the view of an indexed article, each made once, when first asked for."""

    def __init__(self, make: Callable[[Article], ArticleView], articles: dict[str, Article]):
        self._make, self._articles = make, articles
        self.made: dict[str, ArticleView] = {}

    def __getitem__(self, source: str) -> ArticleView:
        view = self.made.get(source)
        if view is None:
            view = self.made[source] = self._make(self._articles[source])
        return view

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)


class ArticleViews:
    """The views of articles, for the `PagePlanner` that mixes this in: it uses the planner's index
    and settings below, its addresses (`url`, `absolute`) and its `_tag_link` and `_author_link`."""

    site: Site
    config: Config
    pictures: dict[str, Pictures]
    """Per photo file, what the photo step made of it."""
    media: dict[str, MediaInfo]
    """Per recording and video file, what it says of itself."""
    category_links: dict[str, Link]
    _tag_link: Callable[..., Link]
    _author_link: Callable[..., Link]

    def _refs(self, articles: Sequence[Article]) -> tuple[LazyViews, dict[str, ViewRef]]:
        """The lazily made views of `articles`, and a ViewRef to each."""
        views = LazyViews(self._article_view, {a.source: a for a in articles})
        self._link_digests: dict[int, bytes] = {}
        config = self.config
        self._signed = f"{config.base_url}\0{config.base_path}\0{config.zone!r}\0".encode()
        return views, {a.source: ViewRef(a.source, self.signature(a), self._modified(a), views) for a in articles}

    def signature(self, article: Article) -> tuple[bytes, bytes]:
        """A digest of everything `_article_view` makes the article's view of: the article itself
        (its file's bytes and the reading settings are its revision), its address, the links to
        its author, tags and category (a tag's name is the site's, which other articles can
        change), what the photo and media steps made of its lead photo, gallery and media files,
        whether it is scheduled or expired at the build's time, and the addresses and time zone
        the view is written in; and a digest of what the photo step made of all its photos, which
        its `figures` (the body's photos, only on its own page) come from.  Add here whatever
        `_article_view` comes to read (`check_signatures` fails until then)."""
        site, now = self.site, self.site.publication.now
        h = hashlib.blake2b(self._signed, digest_size=16)
        h.update(f"{article.source}\0{article.revision}\0{site.path_of(article)}\0"
                 f"{article.date > now:d}{article.expires is not None and article.expires <= now:d}".encode())
        author = site.author(article.author)
        links = [self.category_links[article.category], *(self._tag_link(t) for t in map(site.tag_page, article.tags) if t)]
        if author:
            links.append(self._author_link(author))
        known = self._link_digests
        for link in links:  # one Link per tag or author: its repr digested once
            part = known.get(id(link))
            if part is None:
                part = known[id(link)] = hashlib.blake2b(repr(link).encode(), digest_size=16).digest()
            h.update(part)
        pictures = self.pictures
        for photo in (article.image, *article.gallery) if article.image else article.gallery:
            h.update(repr(pictures.get(photo.file)).encode())
        for file in (article.video and article.video.file, article.audio and article.audio.file):
            if file:
                h.update(repr(self.media.get(file)).encode())
        body = hashlib.blake2b(digest_size=16)
        for photo in article.photos:  # (lead, body and gallery)
            body.update(repr(pictures.get(photo.file)).encode())
        return h.digest(), body.digest()

    def _modified(self, article: Article):
        """`ArticleView.modified` of the article's view, without the view."""
        zone = self.config.zone
        return max(((article.updated or article.date).astimezone(zone),
                    *(c.date.astimezone(zone) for c in article.corrections)))

    def _article_view(self, article: Article) -> ArticleView:
        site, zone = self.site, self.config.zone
        path = site.path_of(article)
        author = site.author(article.author)
        image = article.image
        figures = self._figures(article)
        lead = self.pictures.get(image.file) if image else None
        if article.layout == "emagazine":  # photos across the whole screen: renditions chosen for it
            figures = tuple((url, shown.with_sizes("figure", FULL_BLEED)) for url, shown in figures)
            lead = lead.with_sizes("lead", FULL_BLEED) if lead else None
        return ArticleView(
            title=article.title, url=self.url(path), absolute_url=self.absolute(path),
            date=article.date.astimezone(zone), category=self.category_links[article.category],
            summary=article.summary,
            image=self._photo_view(image, lead) if image else None,
            show_lead_photo=not article.lead_in_body,
            updated=article.updated.astimezone(zone) if article.updated else None, timed=article.timed,
            author=self._author_link(author) if author else None,
            tags=tuple(self._tag_link(term) for term in map(site.tag_page, article.tags) if term),
            featured=article.featured, is_draft=article.draft,
            is_scheduled=article.date > site.publication.now, extra=article.extra,
            revision=article.revision, figures=figures,
            corrections=tuple(CorrectionView(c.date.astimezone(zone), c.text) for c in article.corrections),
            expires=article.expires.astimezone(zone) if article.expires else None,
            is_expired=article.expires is not None and article.expires <= site.publication.now,
            video=self._video(article), audio=self._audio_view(article), layout=article.layout,
            gallery=tuple(self._photo_view(photo) for photo in article.gallery),
        )

    def _photo_view(self, photo: Photo, pictures: Pictures | None = None) -> PhotoView:
        """`pictures`: what to show it with, if not what the photo step made of it."""
        return PhotoView(photo.url, photo.alt, photo.caption, photo.credit_line,
                         pictures or self.pictures.get(photo.file))

    def _video(self, article: Article):
        """The article's video, with its length read from the file for a file of the paper's."""
        video = article.video
        info = self.media.get(video.file) if video and video.file else None
        return dataclasses.replace(video, duration=round(info.duration)) if info else video

    def _audio_view(self, article: Article) -> AudioView | None:
        info = self.media.get(article.audio.file) if article.audio else None
        if info is None:
            return None
        return AudioView(article.audio.url, info.mime, info.size, shown_duration(info.duration), article.audio.title)

    def _figures(self, article: Article) -> tuple:
        """(committed address, its `figure` slot) of each photo the photo step made for the article's body."""
        found = ((photo.url, self.pictures.get(photo.file)) for photo in article.photos)
        return tuple((url, figure) for url, shown in found if shown and (figure := shown.only("figure")))

    def view_of(self, article: Article, body: str) -> ArticleView:
        """A view of an article that is not (or no longer) the one indexed, with its own body."""
        view = self._article_view(article)
        return dataclasses.replace(view, body_html=with_pictures(body, view.figures))


def check_signatures(views: Mapping[str, ArticleView], refs: dict[str, ViewRef], cache: "BuildCache") -> None:
    """Make every view and compare it, and its `figures`, with what its signature and its body's
    photos' digest stood for in earlier builds: an input of `_article_view` that
    `ArticleViews.signature` misses fails here (an AssertionError, for the developer: editors never
    turn this on), not as a stale page in a newsroom's archive."""
    made: dict[bytes, tuple[str, bytes]] = {}
    for source, ref in refs.items():
        view = views[source]
        made[ref.signature] = source, _digest(repr(view))
        made[_digest(ref.signature.hex() + ref.body_photos.hex())] = source, _digest(repr(view.figures))
    before = cache.step_results(CHECK_STEP, set(made))
    for key, (source, now) in made.items():
        if before.get(key, now) != now:
            raise AssertionError(f"the view of {source} changed while its signature did not: "
                                 f"ArticleViews.signature misses an input of _article_view\n{views[source]!r}")
    cache.store_step_results(CHECK_STEP, {key: now for key, (_, now) in made.items() if key not in before}, set(made))


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()

"""What templates see of an article: its `views.ArticleView`, with the photos, video, recording and
body figures that the photo and media steps made of its files.

`PagePlanner` (planner.py) mixes `ArticleViews` in and builds the view of each indexed article once
(`PagePlanner.views`): the pages that show the article, list it or link to it all use that one.
`views.py` declares what a view holds (the template contract); this module fills it in from an
`Article` of the site index.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from typing import TYPE_CHECKING, Callable

from .content import Article, Photo, shown_duration
from .pictures import Pictures, with_pictures
from .views import ArticleView, AudioView, CorrectionView, Link, PhotoView

if TYPE_CHECKING:
    from .config import Config
    from .media import MediaInfo
    from .site import Site

FULL_BLEED = "100vw"
"""The `sizes` of photos in the long-form layout (`layout: emagazine`), drawn across the screen."""


class ArticleViews:
    """The views of articles, for the `PagePlanner` that mixes this in: it uses the planner's index
    and settings below, its addresses (`url`, `absolute`) and its `_tag_link` and `_author_link`."""

    site: Site
    config: Config
    pictures: dict[str, Pictures]
    """Per photo file, what the photo step made of it."""
    media: dict[str, MediaInfo]
    """Per recording and video file, what it says of itself."""
    body: Callable[[str], str]
    """body(source): an article's body HTML, asked only for pages being rendered."""
    category_links: dict[str, Link]

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
            revision=article.revision, figures=figures, load_body=partial(self._body, article.source, figures),
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

    def _body(self, source: str, figures: tuple) -> str:
        return with_pictures(self.body(source), figures)

    def view_of(self, article: Article, body: str) -> ArticleView:
        """A view of an article that is not (or no longer) the one indexed, with its own body."""
        view = self._article_view(article)
        return dataclasses.replace(view, load_body=lambda: with_pictures(body, view.figures))

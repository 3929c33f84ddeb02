"""RSS 2.0 feeds: the newest articles of the whole paper and of each category.

Feed readers and aggregators (báo mới, Google News, Zalo) read these.  Dates are RFC 822 with the
site's offset ("Thu, 25 Jun 2020 15:18:00 +0700"), the guid is the article's permalink, the
description is the sapo (escaped as HTML, then as XML), and the lead photo travels both as <enclosure> and
<media:content> (its 1200x630 share rendition, the photo readers' apps show large).
The channel's lastBuildDate is the newest item's date, not the clock, so feeds are deterministic.
"""

from __future__ import annotations

import dataclasses
import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from typing import Callable, Sequence

from .content import Article
from .planner import CORRECTIONS_FEED, PagePlanner
from .xmldoc import text_child as _text, xml_document

ATOM = "http://www.w3.org/2005/Atom"
MEDIA = "http://search.yahoo.com/mrss/"
DC = "http://purl.org/dc/elements/1.1/"
NAMESPACES = {"atom": ATOM, "media": MEDIA, "dc": DC}


RenditionBytes = Callable[[str], int]
"""A rendition's file name -> its size in bytes (an <enclosure> states its length)."""


@dataclass(frozen=True)
class FeedItem:
    """One article as a feed carries it."""

    title: str
    url: str
    summary: str
    date: datetime
    category: str
    author: str = ""
    photo_url: str = ""
    """The absolute address of its lead photo's 1200x630 share rendition ("" without a photo)."""
    photo_bytes: int = 0
    caption: str = ""


@dataclass(frozen=True)
class FeedInput:
    """Everything one feed document is made of: `rss()` reads nothing else."""

    path: str
    """Where it goes in output/."""
    title: str
    description: str
    link: str
    self_url: str
    language: str
    copyright: str
    logo: str
    last_build: datetime | None
    """The newest item's update or publication time (not the clock: feeds are deterministic)."""
    items: tuple[FeedItem, ...]


def feed_inputs(planner: PagePlanner, rendition_bytes: RenditionBytes) -> list[FeedInput]:
    """The whole paper's feed, one per category and the corrections', from the page plan."""
    site, config, limit = planner.site, planner.config, planner.config.feed_limit

    def feed(path: str, articles: Sequence[Article], title: str, description: str, link: str) -> FeedInput:
        articles = articles[:limit]
        last = max((planner.views[a.source].modified for a in articles), default=None)
        return FeedInput(path, title, description or config.description or config.title, link,
                         planner.absolute(path), config.language, config.publisher.copyright, planner.logo,
                         last.astimezone(config.zone) if last else None,
                         tuple(item(article) for article in articles))

    def item(article: Article) -> FeedItem:
        view = planner.views[article.source]
        url = size = caption = None
        if article.image:  # a lead photo always has its share rendition (or the build has failed)
            share = view.image.picture("share")
            url, size = config.absolute_url(share.src), rendition_bytes(share.src.rsplit("/", 1)[1])
            caption = article.image.caption
        return FeedItem(view.title, view.absolute_url, view.summary, view.date, view.category.name,
                        view.author.name if view.author else "", url or "", size or 0, caption or "")

    feeds = [feed(planner.feed_paths[""], site.articles, f"{config.title} - Tin mới nhất", config.description,
                  config.base_url)]
    # Corrections: each corrected article once, dated and described by its newest correction.
    corrected = site.corrected[:limit]
    items = tuple(dataclasses.replace(item(a), date=a.corrections[-1].date.astimezone(config.zone),
                                      summary=f"Cải chính: {a.corrections[-1].text}") for a in corrected)
    feeds.append(FeedInput(
        planner.links.feeds + CORRECTIONS_FEED, f"{config.title} - Thông tin cải chính",
        f"Các bài viết {config.title} đã cải chính, xin lỗi", planner.absolute(planner.links.corrections),
        planner.absolute(planner.links.feeds + CORRECTIONS_FEED), config.language, config.publisher.copyright,
        planner.logo, items[0].date if items else None, items))
    for category in site.categories:
        feeds.append(feed(planner.feed_paths[category.slug], site.by_category[category.slug],
                          f"{config.title} - {category.name}", category.description,
                          planner.absolute(planner.links.category.format(slug=category.slug))))
    return feeds


def rss_channel(feed: FeedInput) -> tuple[ET.Element, ET.Element]:
    """An RSS 2.0 document's root and its <channel>, with the channel's own elements (its items
    are the caller's: `rss` writes articles, podcast.py episodes)."""
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", feed.title)
    _text(channel, "link", feed.link)
    _text(channel, "description", feed.description)
    _text(channel, "language", feed.language)
    ET.SubElement(channel, "atom:link", {"href": feed.self_url, "rel": "self", "type": "application/rss+xml"})
    if feed.copyright:
        _text(channel, "copyright", feed.copyright)
    if feed.last_build:
        _text(channel, "lastBuildDate", format_datetime(feed.last_build))
    image = ET.SubElement(channel, "image")
    _text(image, "url", feed.logo)
    _text(image, "title", feed.title)
    _text(image, "link", feed.link)
    return root, channel


def rss(feed: FeedInput) -> bytes:
    """One RSS 2.0 document."""
    root, channel = rss_channel(feed)
    for entry in feed.items:
        item = ET.SubElement(channel, "item")
        _text(item, "title", entry.title)
        _text(item, "link", entry.url)
        _text(item, "guid", entry.url, isPermaLink="true")
        # RSS reads <description> as HTML: the sapo is plain text, so it is escaped for HTML here and
        # for XML by ElementTree ("a < b" reaches a reader as text, never as a tag).
        _text(item, "description", html.escape(entry.summary, quote=False))
        _text(item, "pubDate", format_datetime(entry.date))
        _text(item, "category", entry.category)
        if entry.author:
            _text(item, "dc:creator", entry.author)
        if entry.photo_url:
            ET.SubElement(item, "enclosure", {"url": entry.photo_url, "length": str(entry.photo_bytes),
                                              "type": "image/jpeg"})
            media = ET.SubElement(item, "media:content",
                                  {"url": entry.photo_url, "medium": "image", "type": "image/jpeg"})
            if entry.caption:
                _text(media, "media:description", entry.caption)
    return xml_document(root, NAMESPACES)


def feed_files(planner: PagePlanner, rendition_bytes: RenditionBytes) -> dict[str, bytes]:
    """Output path -> bytes of every feed: the whole paper's and one per category."""
    return {feed.path: rss(feed) for feed in feed_inputs(planner, rendition_bytes)}

"""RSS 2.0 feeds: the newest articles of the whole paper and of each category.

Feed readers and aggregators (báo mới, Google News, Zalo) read these.  Dates are RFC 822 with the
site's offset ("Thu, 25 Jun 2020 15:18:00 +0700"), the guid is the article's permalink, the
description is the sapo (escaped as HTML, then as XML), and the lead photo travels both as <enclosure> and
<media:content> (its 1200x630 share rendition, the photo readers' apps show large).
The channel's lastBuildDate is the newest item's date, not the clock, so feeds are deterministic.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from typing import Callable, Sequence

from .content import Article
from .pages import PagePlanner
from .xmldoc import xml_document

ATOM = "http://www.w3.org/2005/Atom"
MEDIA = "http://search.yahoo.com/mrss/"
DC = "http://purl.org/dc/elements/1.1/"
NAMESPACES = {"atom": ATOM, "media": MEDIA, "dc": DC}


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


RenditionBytes = Callable[[str], int]
"""A rendition's file name -> its size in bytes (an <enclosure> states its length)."""


def rss(planner: PagePlanner, articles: Sequence[Article], title: str, description: str,
        link: str, self_url: str, rendition_bytes: RenditionBytes) -> bytes:
    """One RSS 2.0 document for `articles` (already newest first and capped)."""
    config = planner.config
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", title)
    _text(channel, "link", link)
    _text(channel, "description", description or config.description or config.title)
    _text(channel, "language", config.language)
    ET.SubElement(channel, "atom:link", {"href": self_url, "rel": "self", "type": "application/rss+xml"})
    if config.publisher.copyright:
        _text(channel, "copyright", config.publisher.copyright)
    if articles:
        _text(channel, "lastBuildDate", format_datetime(max(a.updated or a.date for a in articles).astimezone(config.zone)))
    image = ET.SubElement(channel, "image")
    _text(image, "url", planner.logo)
    _text(image, "title", title)
    _text(image, "link", link)
    for article in articles:
        view = planner.views[article.source]
        item = ET.SubElement(channel, "item")
        _text(item, "title", view.title)
        _text(item, "link", view.absolute_url)
        _text(item, "guid", view.absolute_url, isPermaLink="true")
        # RSS reads <description> as HTML: the sapo is plain text, so it is escaped for HTML here and
        # for XML by ElementTree ("a < b" reaches a reader as text, never as a tag).
        _text(item, "description", html.escape(view.summary, quote=False))
        _text(item, "pubDate", format_datetime(view.date))
        _text(item, "category", view.category.name)
        if view.author:
            _text(item, "dc:creator", view.author.name)
        if article.image:  # a lead photo always has its share rendition (or the build has failed)
            share = view.image.picture("share")
            url, length = config.absolute_url(share.src), rendition_bytes(share.src.rsplit("/", 1)[1])
            ET.SubElement(item, "enclosure", {"url": url, "length": str(length), "type": "image/jpeg"})
            media = ET.SubElement(item, "media:content", {"url": url, "medium": "image", "type": "image/jpeg"})
            if article.image.caption:
                _text(media, "media:description", article.image.caption)
    return xml_document(root, NAMESPACES)


def feed_files(planner: PagePlanner, rendition_bytes: RenditionBytes) -> dict[str, bytes]:
    """Output path -> bytes of every feed: the whole paper's and one per category."""
    site, config, limit = planner.site, planner.config, planner.config.feed_limit
    files = {
        planner.feed_paths[""]: rss(planner, site.articles[:limit], f"{config.title} - Tin mới nhất",
                                    config.description, config.base_url, planner.main_feed.url, rendition_bytes),
    }
    for category in site.categories:
        path = planner.feed_paths[category.slug]
        files[path] = rss(planner, site.by_category[category.slug][:limit], f"{config.title} - {category.name}",
                          category.description, planner.absolute(planner.links.category.format(slug=category.slug)),
                          planner.absolute(path), rendition_bytes)
    return files

"""The podcast feed, rss/podcast.rss: every published article with an `audio:` recording, newest first.

Apple Podcasts and Spotify read RSS 2.0 with Apple's `itunes:` tags; the Podcasting 2.0 namespace
(podcastindex.org) adds a `podcast:guid` that keeps the show's identity if the feed ever moves.
What they require and this feed carries: on the channel a title, description, language, link,
artwork (`itunes:image`, a square image of 1400 to 3000 px: `[podcast] image` in config.toml,
the default theme's static/podcast.png unless the paper has its own),
one `itunes:category` from Apple's list and `itunes:explicit`; on each episode a title, a guid (the
article's permalink), a publication date, and an `<enclosure>` with the file's address, its exact
length in bytes and its type, plus `itunes:duration` in seconds (both read from the file, media.py).
"""

from __future__ import annotations

import html
import uuid
import xml.etree.ElementTree as ET
from email.utils import format_datetime

from .feeds import FeedInput, rss_channel
from .media import MediaInfo
from .planner import PODCAST_FEED, PagePlanner
from .xmldoc import text_child as _text, xml_document

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
NAMESPACES = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM}
GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
"""Podcasting 2.0's namespace for `podcast:guid`: a UUIDv5 of the feed's address without its scheme."""


def podcast_feed(planner: PagePlanner, audio: dict[str, MediaInfo]) -> dict[str, bytes]:
    """{"rss/podcast.rss": bytes}, or {} when no published article has a recording."""
    config, show = planner.config, planner.config.podcast
    episodes = planner.site.episodes[: config.feed_limit]
    if not episodes:
        return {}
    artwork = planner.absolute(show.image)
    feed = FeedInput(planner.links.feeds + PODCAST_FEED, planner.podcast_feed.name,
                     show.description or config.description or planner.podcast_feed.name,
                     planner.absolute(planner.links.podcast), planner.podcast_feed.url, config.language,
                     config.publisher.copyright, artwork, planner.views[episodes[0].source].date, ())
    root, channel = rss_channel(feed)
    author = show.author or config.publisher.name or config.title
    _text(channel, "itunes:author", author)
    owner = ET.SubElement(channel, "itunes:owner")
    _text(owner, "itunes:name", author)
    if show.email or config.publisher.email:
        _text(owner, "itunes:email", show.email or config.publisher.email)
    ET.SubElement(channel, "itunes:image", {"href": artwork})
    ET.SubElement(channel, "itunes:category", {"text": show.category})
    explicit = "true" if show.explicit else "false"
    _text(channel, "itunes:explicit", explicit)
    _text(channel, "itunes:type", "episodic")
    _text(channel, "podcast:guid", str(uuid.uuid5(GUID_NAMESPACE, feed.self_url.split("://", 1)[-1].rstrip("/"))))
    for article in episodes:
        view, info = planner.views[article.source], audio[article.audio.file]
        item = ET.SubElement(channel, "item")
        _text(item, "title", article.audio.title or view.title)
        _text(item, "link", view.absolute_url)
        _text(item, "guid", view.absolute_url, isPermaLink="true")
        _text(item, "description", html.escape(view.summary, quote=False))
        _text(item, "pubDate", format_datetime(view.date))
        ET.SubElement(item, "enclosure", {"url": config.absolute_url(article.audio.url), "length": str(info.size),
                                          "type": info.mime})
        _text(item, "itunes:duration", str(round(info.duration)))
        _text(item, "itunes:episodeType", "full")
        _text(item, "itunes:explicit", explicit)
    return {feed.path: xml_document(root, NAMESPACES)}

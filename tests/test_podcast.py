"""`audio:`: a recording played on the article's page, published as it was committed, and an
episode of the podcast feed (rss/podcast.rss) that podcast apps accept; bad recordings are errors."""

from __future__ import annotations


import xml.etree.ElementTree as ET

import feedparser

from conftest import NOW, PLAYED_LENGTH, article, messages, refused_by_build_and_check, serving

from sitegen.build import BuildOptions
from sitegen.check import check_site
from sitegen.podcast import ITUNES

EPISODE = "thoi-su/ban-tin-sang-202406250600/"
PODCAST = '''
[podcast]
title = "Ngọc Linh sáng nay"
description = "Bản tin phát thanh buổi sáng của Báo Ngọc Linh."
author = "Báo Ngọc Linh"
email = "podcast@example.vn"
category = "News"
image = "static/podcast.png"
'''


def mp3(seconds: float) -> bytes:
    """A real MP3 stream of silence: MPEG-1 Layer III frames, 32 kbit/s, 32 kHz, mono (144 bytes
    each, 1152 samples), with empty side information, which decoders play as silence."""
    return (bytes([0xFF, 0xFB, 0x18, 0xC0]) + bytes(140)) * round(seconds * 32000 / 1152)


def episode(audio: str = "ban-tin.mp3", **fields) -> str:
    return article(title="Bản tin sáng", date="2024-06-25 06:00", summary='"Tin nổi bật <sáng> 25/6."',
                   audio=audio, **fields)


def podcast_site(make_site, **files):
    return make_site({"content/thoi-su/ban-tin.md": episode(), "content/thoi-su/ban-tin.mp3": mp3(12.5),
                      "content/thoi-su/khac.md": article(title="Tin không có tiếng", date="2024-06-24 08:00"),
                      **files}, extra_config=PODCAST)


def test_the_podcast_feed_has_what_podcast_apps_require(make_site):
    built = podcast_site(make_site).build()
    feed = feedparser.parse(built.text("rss/podcast.rss"))
    assert not feed.bozo, feed.bozo_exception
    channel = feed.feed
    assert channel.title == "Ngọc Linh sáng nay" and channel.language == "vi"
    assert channel.image.href == "https://example.vn/static/podcast.png"  # itunes:image
    # Apple asks for "true"/"false" (feedparser still knows only the old "yes"/"clean").
    raw = ET.fromstring(built.path("rss/podcast.rss").read_bytes())
    assert raw.findtext(f"channel/{{{ITUNES}}}explicit") == "false" and channel.tags[0].term == "News"
    assert raw.findtext(f"channel/item/{{{ITUNES}}}explicit") == "false"
    assert channel.author_detail.name == "Báo Ngọc Linh"
    assert channel.publisher_detail.email == "podcast@example.vn"  # itunes:owner
    assert channel.podcast_guid
    assert len(feed.entries) == 1  # the article without a recording is no episode
    item = feed.entries[0]
    assert item.title == "Bản tin sáng" and item.link == f"https://example.vn/{EPISODE}"
    assert item.id == f"https://example.vn/{EPISODE}" and item.published.startswith("Tue, 25 Jun 2024 06:00:00")
    assert item.summary == "Tin nổi bật &lt;sáng&gt; 25/6."  # HTML that shows the sapo as written
    enclosure = item.enclosures[0]
    assert enclosure.type == "audio/mpeg" and enclosure.href == "https://example.vn/media/thoi-su/ban-tin.mp3"
    published = built.path("media/thoi-su/ban-tin.mp3").read_bytes()
    assert published == mp3(12.5) and int(enclosure.length) == len(published)
    assert item.itunes_duration == "12"  # 347 frames of 36 ms: 12.49 s, read from the file


def test_the_article_plays_the_recording_and_the_podcast_page_lists_it(make_site):
    built = podcast_site(make_site).build()
    page = built.html(EPISODE + "index.html")
    player = page.select_one("figure.audio audio")
    assert player["src"] == "/media/thoi-su/ban-tin.mp3" and player["preload"] == "none"
    assert page.select_one("figure.audio .audio-duration").get_text() == "(0:12)"  # not "0:00:12"
    listing = built.html("podcast/index.html")
    assert [a.get_text() for a in listing.select(".teaser-title a")] == ["Bản tin sáng"]
    assert listing.select_one('a[href="https://example.vn/rss/podcast.rss"]')
    assert built.html("rss/index.html").select_one('a[href="https://example.vn/rss/podcast.rss"]')
    assert built.html("thoi-su/tin-khong-co-tieng-202406240800/index.html").select_one('.footer-links a[href="/podcast/"]')


def test_without_recordings_there_is_no_podcast(make_site):
    built = make_site({"content/a.md": article()}).build()
    assert not built.exists("rss/podcast.rss") and not built.exists("podcast/index.html")
    assert built.html("index.html").select_one('.footer-links a[href="/podcast/"]') is None


def test_a_bad_recording_is_an_error_naming_the_file_in_build_and_check(make_site):
    site = podcast_site(make_site)
    cases = {
        "khong-co.mp3": "content/thoi-su/ban-tin.md:6: error: audio: the file 'khong-co.mp3' does not exist",
        "ban-tin.wav": "content/thoi-su/ban-tin.md:6: error: audio 'ban-tin.wav' is not an MP3 or M4A file",
        "van-ban.mp3": "content/thoi-su/ban-tin.md:6: error: audio: the file 'van-ban.mp3' cannot be read (",
        "{title: Bản tin}": "content/thoi-su/ban-tin.md:6: error: `audio` needs `src:`",
    }
    site.write("content/thoi-su/ban-tin.wav", mp3(1))
    site.write("content/thoi-su/van-ban.mp3", "Đây là một tệp văn bản, không phải âm thanh.\n" * 20)
    for written, expected in cases.items():
        site.write("content/thoi-su/ban-tin.md", episode(written))
        refused_by_build_and_check(site, expected)


def test_a_recording_replaced_under_the_same_name_gives_the_feed_its_new_length(make_site):
    site = podcast_site(make_site)
    site.build()
    site.write("content/thoi-su/ban-tin.mp3", mp3(61))
    feed = feedparser.parse(site.build().text("rss/podcast.rss"))
    assert feed.entries[0].itunes_duration == "61"
    assert int(feed.entries[0].enclosures[0].length) == len(mp3(61))



def test_chromium_plays_the_published_recording(make_site, browser):
    built = podcast_site(make_site).build()
    with serving(built.output) as base:
        page = browser.new_page()
        page.goto(f"{base}{EPISODE}")
        duration = page.locator("figure.audio audio").evaluate(PLAYED_LENGTH)
        assert abs(duration - 12.5) < 0.2
        page.close()


def test_a_clone_elsewhere_with_the_cache_restored_publishes_its_own_recording(make_site, tmp_path):
    """The cache keeps a recording's path inside content/, never the old checkout's: a clone
    publishes its own file, not the one of the folder the cache was made in."""
    import shutil
    from conftest import Site
    site = podcast_site(make_site)
    site.build()
    clone = tmp_path / "ci-checkout"
    shutil.copytree(site.root, clone, ignore=shutil.ignore_patterns("output", ".output-releases"))
    Site(clone).write("content/thoi-su/ban-tin.mp3", mp3(20))
    built = Site(clone).build()
    assert built.path("media/thoi-su/ban-tin.mp3").read_bytes() == mp3(20)


def test_check_warns_of_artwork_podcast_apps_refuse(make_site):
    from PIL import Image
    import io
    site = podcast_site(make_site)
    assert "artwork" not in messages(check_site(site.root, BuildOptions(now=NOW)).problems)  # the theme's own
    small = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 10, 10)).save(small, "PNG")
    site.write("static/podcast.png", small.getvalue())  # the paper's own, over the theme's
    assert "config.toml: warning: the podcast's artwork 'static/podcast.png' is 800x600 px" in \
        messages(check_site(site.root, BuildOptions(now=NOW)).problems)


def test_check_warns_of_a_recording_too_heavy_for_readers_on_mobile_data(make_site):
    site = podcast_site(make_site)
    heavy = site.root / "content/thoi-su/ban-tin.mp3"
    with heavy.open("r+b") as file:  # the same stream, padded: 120 MB on the disk's books, sparse
        file.truncate(120_000_000)
    found = messages(check_site(site.root, BuildOptions(now=NOW)).problems)
    assert "content/thoi-su/ban-tin.md:6: warning: audio: the file 'ban-tin.mp3' weighs 120 MB, more than 100 MB" in found

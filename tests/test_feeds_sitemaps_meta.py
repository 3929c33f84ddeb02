"""Feeds, sitemaps, robots.txt, redirect maps and page metadata, read with the clients' own parsers."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import ZONE, article, camera_photo, png
from sitegen.cache import BuildCache
from sitegen.search import Bucket, _record_documents, _write_documents
from sitegen.sitemaps import SITEMAP

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture
def paper(make_site):
    files = {
        "content/thoi-su/a.md": article(title="Khai mạc Đại hội Đảng bộ tỉnh", date="2026-11-25 08:00", author="Mai Trâm",
                                        tags='["Đại hội", "Tỉnh ủy"]', summary='"Sáng 25/11, đại hội khai mạc."',
                                        image="{src: a.png, caption: Quang cảnh đại hội, credit: MT}",
                                        aliases='["/tin-tuc/dai-hoi-99.html"]', updated="2026-11-25 10:30"),
        "content/thoi-su/a.png": png(),
        "content/thoi-su/b.md": article(title="Tin vừa trong hai ngày", date="2026-11-24 09:01"),
        "content/thoi-su/b2.md": article(title="Tin vừa quá hai ngày", date="2026-11-24 08:59"),
        "content/kinh-te/c.md": article(title="Tin kinh tế cũ", date="2024-03-01 08:00", category="Kinh tế"),
        "content/kinh-te/d.md": article(title="Tin tương lai", date="2026-12-01 08:00", category="Kinh tế"),
    }
    files |= {f"content/cu/{i}.md": article(title=f"Tin cũ {i}", date=f"2023-01-{i + 1:02d} 07:00") for i in range(6)}
    return make_site(files, base_url="https://example.vn/bao/").build()


def test_every_feed_parses_cleanly_with_dated_entries(paper):
    feeds = sorted(paper.output.joinpath("rss").glob("*.rss"))
    assert [f.name for f in feeds] == ["cai-chinh.rss", "kinh-te.rss", "thoi-su.rss", "tin-moi-nhat.rss", "van-hoa-du-lich.rss"]
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.feed.language == "vi"
        for entry in feed.entries:
            assert entry.title and entry.link.startswith("https://example.vn/bao/")
            assert entry.published.endswith("+0700")
            assert entry.published_parsed and entry.id == entry.link
    main = feedparser.parse(paper.path("rss/tin-moi-nhat.rss").read_bytes())
    assert [e.title for e in main.entries[:3]] == ["Khai mạc Đại hội Đảng bộ tỉnh", "Tin vừa trong hai ngày", "Tin vừa quá hai ngày"]
    first = main.entries[0]
    assert first.summary == "Sáng 25/11, đại hội khai mạc."
    assert first.published == "Wed, 25 Nov 2026 08:00:00 +0700"
    # The share rendition (the photo is tiny, so at its own size), with its true length.
    enclosure = first.enclosures[0]
    assert re.fullmatch(r"https://example\.vn/bao/media/thoi-su/a-4x2-[0-9a-f]{8}\.jpg", enclosure.href)
    assert int(enclosure.length) == paper.path(enclosure.href.split("/bao/", 1)[1]).stat().st_size
    assert enclosure.type == "image/jpeg"
    assert first.media_content[0]["url"] == first.enclosures[0].href
    assert first.author == "Mai Trâm"
    assert "Tin tương lai" not in paper.text("rss/tin-moi-nhat.rss")


def test_feeds_are_capped(make_site):
    files = {f"content/{i}.md": article(title=f"Tin {i}", date=f"2024-01-{i + 1:02d}") for i in range(8)}
    built = make_site(files, extra_config="feed_limit = 5").build()
    assert len(feedparser.parse(built.path("rss/tin-moi-nhat.rss").read_bytes()).entries) == 5


def test_a_sapo_with_markup_characters_reaches_feed_readers_as_text(make_site):
    sapo = "a < b & <script>alert(1)</script> “Đắk Tô”"
    built = make_site({"content/a.md": article(summary=f"'{sapo}'")}).build()
    raw = built.text("rss/tin-moi-nhat.rss")
    # HTML-escaped, then XML-escaped: the XML text of <description> is the HTML "a &lt; b ...".
    assert "<description>a &amp;lt; b &amp;amp; &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;" in raw
    item = ET.fromstring(raw.encode()).find("channel/item")
    assert BeautifulSoup(item.find("description").text, "html.parser").get_text() == sapo
    entry = feedparser.parse(raw.encode()).entries[0]
    assert entry.summary_detail.type == "text/html"
    assert BeautifulSoup(entry.summary, "html.parser").get_text() == sapo  # shown as text, not run


def aliased(built):
    return next(p for p in built.article_paths() if "khai-mac" in p)


def test_feeds_are_announced_in_head_and_listed_on_a_page(paper):
    article_head = paper.html(aliased(paper)).head
    alternates = {link["title"]: link["href"] for link in article_head.find_all("link", rel="alternate")}
    assert alternates == {"Tin mới nhất": "https://example.vn/bao/rss/tin-moi-nhat.rss",
                          "Thời sự": "https://example.vn/bao/rss/thoi-su.rss"}
    listed = [a["href"] for a in paper.html("rss/").select(".feed-list a")]
    assert len(listed) == 5 and listed[0].endswith("tin-moi-nhat.rss") and listed[-1].endswith("cai-chinh.rss")


def sitemap_locs(built, name="sitemap.xml"):
    return [loc.text for loc in ET.parse(built.path(name)).getroot().iter(f"{SM}loc")]


def test_every_sitemap_loc_is_a_file_and_every_page_is_listed(paper):
    locs = sitemap_locs(paper)
    for loc in locs:
        assert loc.startswith("https://example.vn/bao/")
        assert paper.exists(loc[len("https://example.vn/bao/"):] or "index.html"), loc
    assert "https://example.vn/bao/" in locs
    for path in paper.article_paths():
        assert f"https://example.vn/bao/{path}" in locs
    assert not any("404" in loc or "tim-kiem" in loc or "tin-tuc/" in loc for loc in locs)
    root = ET.parse(paper.path("sitemap.xml")).getroot()
    lastmods = {u.find(f"{SM}loc").text: u.find(f"{SM}lastmod") for u in root.iter(f"{SM}url")}
    updated = [loc for loc in locs if "khai-mac" in loc][0]
    assert lastmods[updated].text == "2026-11-25T10:30:00+07:00"
    # A listing changed when its newest article did; the home page with its top story; the
    # archive index has no date of its own.
    assert lastmods["https://example.vn/bao/kinh-te/"].text == "2024-03-01T08:00:00+07:00"
    assert lastmods["https://example.vn/bao/"].text == "2026-11-25T10:30:00+07:00"
    assert lastmods["https://example.vn/bao/luu-tru/"] is None


def test_large_sitemaps_split_into_an_index(make_site):
    files = {f"content/{i}.md": article(title=f"Tin {i}", date=f"2024-01-{i + 1:02d}") for i in range(12)}
    built = make_site(files, extra_config="sitemap_max_urls = 10").build()
    root = ET.parse(built.path("sitemap.xml")).getroot()
    assert root.tag == f"{SM}sitemapindex"
    parts = [loc.text for loc in root.iter(f"{SM}loc")]
    assert len(parts) >= 3
    total = []
    for part in parts:
        name = part.rsplit("/", 1)[1]
        chunk = sitemap_locs(built, name)
        assert 0 < len(chunk) <= 10
        total += chunk
    assert len(total) == len(set(total))
    assert all(f"https://example.vn/{p}" in total for p in built.article_paths())


def test_sitemaps_are_the_bytes_elementtree_writes(make_site):
    # (A base_url with characters XML must escape, "&", is refused now: its path follows the address rule.)
    files = {f"content/{i}.md": article(title=f"Tin {i}", date=f"2024-01-{i + 1:02d}") for i in range(3)}
    built = make_site(files, base_url="https://example.vn/tin-anh/", extra_config="sitemap_max_urls = 2").build()
    for name in ("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"):
        written = (built.output / name).read_bytes()
        root = ET.fromstring(written)
        ET.indent(root)
        assert written == ET.tostring(root, encoding="utf-8", xml_declaration=True,
                                      default_namespace=SITEMAP) + b"\n", name
    assert "https://example.vn/tin-anh/" in sitemap_locs(built, "sitemap-1.xml")[0]


def test_news_sitemap_holds_exactly_the_last_two_days(paper):
    root = ET.parse(paper.path("sitemap-news.xml")).getroot()
    titles = [n.find(f"{NEWS}title").text for n in root.iter(f"{NEWS}news")]
    assert titles == ["Khai mạc Đại hội Đảng bộ tỉnh", "Tin vừa trong hai ngày"]
    news = next(root.iter(f"{NEWS}news"))
    assert news.find(f"{NEWS}publication/{NEWS}name").text == "Báo Thử Nghiệm"
    assert news.find(f"{NEWS}publication/{NEWS}language").text == "vi"
    assert news.find(f"{NEWS}publication_date").text == "2026-11-25T08:00:00+07:00"


def test_documents_declare_the_prefixes_they_use_as_elementtree_did(paper):
    # The bytes of the registered-namespace days: declarations by prefix, before the attributes;
    # a category feed without photos or authors declares only atom.
    assert paper.text("rss/tin-moi-nhat.rss").splitlines()[1] == (
        '<rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:media="http://search.yahoo.com/mrss/" version="2.0">')
    assert paper.text("rss/kinh-te.rss").splitlines()[1] == '<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">'
    assert paper.text("sitemap-news.xml").splitlines()[1] == (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">')
    # Nothing was registered in ElementTree's table, global to the process.
    assert not {"http://www.w3.org/2005/Atom", "http://search.yahoo.com/mrss/"} & set(ET.register_namespace.__globals__["_namespace_map"])


def test_without_recent_articles_no_news_sitemap_is_written_or_announced(make_site):
    site = make_site({"content/a.md": article(date="2026-11-25 08:00")})
    recent = site.build()
    assert recent.exists("sitemap-news.xml")
    assert "Sitemap: https://example.vn/sitemap-news.xml" in recent.text("robots.txt").splitlines()
    later = site.build(now=datetime(2026, 12, 20, 9, 0, tzinfo=ZONE))  # the article left the window
    assert not later.exists("sitemap-news.xml")
    assert "sitemap-news" not in later.text("robots.txt")
    assert later.text("robots.txt").splitlines().count("Sitemap: https://example.vn/sitemap.xml") == 1
    assert not any("sitemap-news" in content.decode(errors="ignore") for name, content in later.files().items()
                   if name.endswith((".xml", ".txt", ".html")))


def test_robots_txt_points_at_both_sitemaps(paper):
    lines = paper.text("robots.txt").splitlines()
    assert "Sitemap: https://example.vn/bao/sitemap.xml" in lines
    assert "Sitemap: https://example.vn/bao/sitemap-news.xml" in lines


def test_redirect_maps_for_servers(paper):
    target = aliased(paper)
    assert paper.text("_redirects") == f"/bao/tin-tuc/dai-hoi-99.html /bao/{target} 301\n"
    assert f'"/bao/tin-tuc/dai-hoi-99.html" "/bao/{target}";' in paper.text("nginx-redirects.conf")
    old = paper.html("tin-tuc/dai-hoi-99.html")
    assert old.find("a")["href"] == f"https://example.vn/bao/{target}"


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_article_metadata_for_search_engines_and_shares(paper):
    path = aliased(paper)
    soup = paper.html(path)
    url = f"https://example.vn/bao/{path}"
    assert soup.title.get_text() == "Khai mạc Đại hội Đảng bộ tỉnh - Báo Thử Nghiệm"
    assert meta(soup, "description") == "Sáng 25/11, đại hội khai mạc."
    assert soup.find("link", rel="canonical")["href"] == url
    assert meta(soup, "og:type") == "article" and meta(soup, "og:locale") == "vi_VN"
    # Shares get the photo step's 1200x630-shaped crop (this photo is smaller: never upscaled).
    assert re.fullmatch(r"https://example\.vn/bao/media/thoi-su/a-\d+x\d+-[0-9a-f]{8}\.jpg", meta(soup, "og:image"))
    assert meta(soup, "article:published_time") == "2026-11-25T08:00:00+07:00"
    assert meta(soup, "article:section") == "Thời sự"
    assert [m["content"] for m in soup.find_all("meta", attrs={"property": "article:tag"})] == ["Đại hội", "Tỉnh ủy"]
    assert meta(soup, "twitter:card") == "summary_large_image"
    data = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    news = next(d for d in data if d["@type"] == "NewsArticle")
    assert news["headline"] == "Khai mạc Đại hội Đảng bộ tỉnh"
    assert news["datePublished"] == "2026-11-25T08:00:00+07:00"
    assert news["dateModified"] == "2026-11-25T10:30:00+07:00"
    # Google's 16:9, 4:3 and 1:1 crops.
    assert len(news["image"]) == 3 and all(re.fullmatch(r"https://example\.vn/bao/media/thoi-su/a-\d+x\d+-[0-9a-f]{8}\.jpg", u)
                                           for u in news["image"])
    assert news["author"][0] == {"@type": "Person", "name": "Mai Trâm", "url": "https://example.vn/bao/tac-gia/mai-tram/"}
    assert news["publisher"]["@type"] == "NewsMediaOrganization"
    assert news["publisher"]["logo"]["url"] == "https://example.vn/bao/static/logo.png"
    assert news["articleSection"] == "Thời sự" and news["inLanguage"] == "vi"
    crumbs = next(d for d in data if d["@type"] == "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Trang chủ", "Thời sự", "Khai mạc Đại hội Đảng bộ tỉnh"]
    assert crumbs[1]["item"] == "https://example.vn/bao/thoi-su/"


def test_pages_without_a_photo_share_the_logo_and_404_is_not_indexed(paper):
    home = paper.html("")
    assert meta(home, "og:image") == "https://example.vn/bao/static/logo.png"
    assert meta(home, "og:type") == "website"
    assert meta(paper.html("404.html"), "robots") == "noindex"
    assert meta(home, "robots") is None


def test_search_can_be_turned_off(make_site):
    built = make_site({"content/a.md": article()}, extra_config="search = false").build()
    assert not built.exists("tim-kiem/") and not (built.output / "pagefind").exists()
    assert built.html("").select_one("form.search-box") is None


def test_search_bundles_are_the_same_however_many_pagefind_runs_go_side_by_side(make_site, tmp_path, monkeypatch):
    import sitegen.search
    files = {f"content/{i}.md": article(title=f"Tin số {i} về Đắk Tô", date=f"{2022 + i % 3}-0{1 + i % 4}-10 08:00")
             for i in range(9)}
    site = make_site(files)
    side_by_side = site.build(tmp_path / "two", jobs=2, cache=False)
    monkeypatch.setattr(sitegen.search, "PAGEFIND_DOCUMENTS_AT_ONCE", 1)  # one run at a time
    one_by_one = site.build(tmp_path / "one", jobs=2, cache=False)
    bundles = {k: v for k, v in side_by_side.files().items() if k.startswith("pagefind/")}
    assert {k.split("/")[1] for k in bundles} >= {"2022", "2023", "2024-01", "2024-02"}
    assert bundles == {k: v for k, v in one_by_one.files().items() if k.startswith("pagefind/")}


def test_an_edit_indexes_again_only_the_search_bundle_of_its_article(make_site):
    files = {f"content/cu/{n}.md": article(title=f"Tin năm cũ {n}", date=f"2023-03-{n + 1:02d} 07:00", tags="[mùa màng]")
             for n in range(3)}
    files |= {f"content/moi/{n}.md": article(title=f"Tin tháng này {n}", date=f"2024-06-{n + 1:02d} 07:00")
              for n in range(3)}
    site = make_site(files)
    site.build()
    work = site.root / ".sitegen-cache/search"
    bundles = lambda: {p.name for p in work.iterdir() if p.name != "documents"}  # noqa: E731
    first = bundles()
    assert len(first) == 2  # 2023, and the month 2024-06
    site.write("content/cu/9.md", article(title="Tin năm cũ thêm", date="2023-04-01 07:00",  # the year's bucket
                                          category="Kinh tế"))
    site.build()
    second = bundles()
    assert len(second) == 2 and len(first & second) == 1  # 2023 indexed again, 2024-06 kept
    documents = lambda: {p: (p.stat().st_mtime_ns, p.stat().st_ino)  # noqa: E731
                         for p in (work / "documents/2023").rglob("index.html")}
    before = documents()
    assert len(before) == 4
    site.write("content/cu/1.md", article(title="Tin năm cũ 1", date="2023-03-02 07:00", tags="[mùa màng, lúa]"))
    site.build()
    assert len(second & bundles()) == 1
    after = documents()  # only the edited article's search document was written again
    assert after.keys() == before.keys()
    assert [p.parent.name for p in after if after[p] != before[p]] == ["tin-nam-cu-1-202303020700"]
    (site.root / "content/cu/9.md").unlink()
    site.build()
    assert len(documents()) == 3
    # and no folder it stood in is left behind empty (its article's, its category's: it was alone there)
    assert [d for d in (work / "documents/2023").rglob("*") if d.is_dir() and not any(d.iterdir())] == []


def test_a_build_that_fails_while_pagefind_indexes_leaves_nothing_running_and_output_whole(make_site, monkeypatch):
    """A small re-indexing runs while the pages render.  A later stage that fails (a photo found
    damaged only when decoded) stops the build with Pagefind's run waited for: nothing of it goes
    on writing the cache beside the next build (the preview server builds again at once)."""
    import threading
    import time

    import sitegen.search
    site = make_site({"content/a.md": article(title="Tin đầu tiên về Kon Tum", date="2024-06-01 07:00")})
    site.build()
    before = {p: p.read_bytes() for p in (site.root / "output").rglob("*") if p.is_file()}
    site.write("content/b.md", article(title="Cầu treo sau lũ", date="2024-06-02 07:00", body="![Cầu treo](cau.jpg)"))
    site.write("content/cau.jpg", camera_photo()[:5000])  # cut off: found only when decoded, after indexing began
    index = sitegen.search._index
    monkeypatch.setattr(sitegen.search, "_index", lambda *args: (time.sleep(0.5), index(*args)))  # a slow machine
    threads = threading.active_count()
    problems = " ".join(p.message for p in site.build_fails())
    assert "the photo is damaged or truncated" in problems
    assert threading.active_count() == threads
    assert {p: p.read_bytes() for p in (site.root / "output").rglob("*") if p.is_file()} == before
    work = site.root / ".sitegen-cache/search"
    assert [p.name for p in work.iterdir() if p.name.startswith("tmp-")] == []  # no half-made bundle
    site.write("content/b.md", article(title="Cầu treo sau lũ", date="2024-06-02 07:00"))  # the photo left out
    built = site.build()
    entries = [json.loads(p.read_text())["languages"] for p in built.output.glob("pagefind/*/pagefind-entry.json")]
    assert sum(language["page_count"] for found in entries for language in found.values()) == 2


def test_a_search_document_pagefind_read_at_once_is_not_written_again(tmp_path):
    """Pagefind reads a small bucket within a few milliseconds of its documents being written,
    inside the clock's step: the stamps are still taken so that the next build keeps them."""
    cache, folder = BuildCache(tmp_path / "cache"), tmp_path / "documents" / "2023"
    bucket = Bucket("2023", (("/thoi-su/tin-1/", b"d1", "content/thoi-su/1.md"),))

    def written_again(source):
        raise AssertionError(f"{source}'s search document was written again")
    try:
        _write_documents(bucket, folder, lambda source: f"<html>{source}</html>", cache)
        _record_documents(bucket, folder, cache)  # at once, as after a quick Pagefind run
        _write_documents(bucket, folder, written_again, cache)
    finally:
        cache.close()

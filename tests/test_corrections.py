"""Corrections (Điều 42, Luật Báo chí 2016): what a reader, a search engine and a feed reader see of
a corrected article, and the errors an editor gets for a correction written wrong."""

from __future__ import annotations

import json

import feedparser

from conftest import NOW, article

from sitegen.build import BuildOptions
from sitegen.check import check_site

CORRECTED = '''
  - date: 2024-06-27 16:00
    text: "Bài ghi nhầm 5.500 ha; số đúng là 550 ha."
  - date: 2024-06-26 09:00
    text: "Bài ghi nhầm tên xã."'''


def test_a_corrected_article_says_so_at_its_top_and_everywhere_it_is_listed(make_site):
    built = make_site({
        "content/a.md": article(title="Sâm Ngọc Linh", date="2024-06-25 07:30", corrections=CORRECTED),
        "content/b.md": article(title="Tin khác", date="2024-06-28 08:00"),
        "content/c.md": article(title="Bài sửa sớm", date="2024-06-20 08:00",
                                corrections='[{date: "2024-06-21 10:00", text: "Sửa chức danh."}]'),
    }).build()
    page = built.html("thoi-su/sam-ngoc-linh-202406250730/")
    box = page.find("h2", string="Thông tin cải chính, xin lỗi").find_parent("aside")
    # Newest first, each with its time; above the sapo.
    assert [li.get_text(" ", strip=True) for li in box.find_all("li")] == [
        "Thứ năm, 27/06/2024 - 16:00 : Bài ghi nhầm 5.500 ha; số đúng là 550 ha.",
        "Thứ tư, 26/06/2024 - 09:00 : Bài ghi nhầm tên xã."]
    assert box.find_next("p", class_="sapo") is not None
    news = json.loads(page.find("script", type="application/ld+json").string)
    assert news["dateModified"] == "2024-06-27T16:00:00+07:00" and news["datePublished"] == "2024-06-25T07:30:00+07:00"
    assert page.find("meta", property="article:modified_time")["content"] == "2024-06-27T16:00:00+07:00"
    assert built.html("thoi-su/tin-khac-202406280800/").find("h2", string="Thông tin cải chính, xin lỗi") is None

    listing = built.html("cai-chinh/")
    assert [a.get_text() for a in listing.select("main h2 a")] == ["Sâm Ngọc Linh", "Bài sửa sớm"]
    assert "Bài ghi nhầm 5.500 ha" in listing.get_text()
    assert built.html("").find("footer").find("a", string="Cải chính")["href"] == "/cai-chinh/"

    feed = feedparser.parse(built.text("rss/cai-chinh.rss"))
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Sâm Ngọc Linh", "Bài sửa sớm"]
    assert feed.entries[0].summary == "Cải chính: Bài ghi nhầm 5.500 ha; số đúng là 550 ha."
    assert feed.entries[0].published == "Thu, 27 Jun 2024 16:00:00 +0700"
    sitemap = built.text("sitemap.xml")
    at = sitemap.index("/thoi-su/sam-ngoc-linh-202406250730/")
    assert "<lastmod>2024-06-27T16:00:00+07:00</lastmod>" in sitemap[at:at + 200]


def test_no_correction_yet_is_said_on_the_corrections_page(make_site):
    built = make_site({"content/a.md": article()}).build()
    assert "Chưa có thông tin cải chính nào." in built.html("cai-chinh/").get_text()
    assert feedparser.parse(built.text("rss/cai-chinh.rss")).entries == []


def test_a_correction_written_wrong_is_the_editors_error_with_its_line(make_site):
    site = make_site({
        "content/a.md": article(corrections='"Sửa tên xã"'),
        "content/b.md": article(title="Hai", corrections="\n  - text: Sửa tên xã."),
        "content/c.md": article(title="Ba", corrections="\n  - date: 2024-13-40 08:00\n    text: Sửa."),
        "content/d.md": article(title="Bốn", corrections="\n  - date: 2024-06-24 08:00\n    text: Sửa."),
        "content/e.md": article(title="Năm", corrections="\n  - date: 2024-06-26 08:00\n    text: \"\""),
    })
    problems = sorted(site.build_fails(), key=lambda p: p.file)
    assert [(p.file, p.line) for p in problems] == [
        ("content/a.md", 5), ("content/b.md", 6), ("content/c.md", 6), ("content/d.md", 6), ("content/e.md", 7)]
    messages = [p.message for p in problems]
    assert "`corrections` must be a list" in messages[0]
    assert "`corrections[1]` has no `date`" in messages[1]
    assert messages[2].startswith("`corrections[1].date`:")
    assert "before the article's own date" in messages[3]
    assert "`corrections[1].text` is empty" in messages[4]
    checked = sorted((p for p in check_site(site.root, BuildOptions(now=NOW)).problems if p.severity == "error"),
                     key=lambda p: p.file)
    assert [(p.file, p.line) for p in checked] == [(p.file, p.line) for p in problems]

"""A withdrawn article (`withdrawn: "lý do"`): gone from everything that lists, indexes or
recommends it, while its address — and its old addresses — answer with a short notice."""

from __future__ import annotations

import gzip

import feedparser

from conftest import NOW, article, messages

from sitegen.build import BuildOptions
from sitegen.check import check_site

GONE = "thoi-su/tin-sai-su-that-202406250800/"


def _site(make_site, withdrawn: str = '"Thông tin chưa được kiểm chứng."'):
    fields = {"withdrawn": withdrawn} if withdrawn else {}
    return make_site({
        "content/gone.md": article(title="Tin sai sự thật", date="2024-06-25 08:00", tags="[Cà phê]",
                                   aliases='["/tin-cu/sai.html"]', body="Nội dung bài bị gỡ, không được in ra.",
                                   **fields),
        "content/other.md": article(title="Tin khác", date="2024-06-24 08:00", tags="[Cà phê]",
                                    related='["gone.md"]'),
    })


def test_a_withdrawn_article_leaves_every_listing_feed_sitemap_index_and_box(make_site):
    built = _site(make_site).build()
    notice = built.html(GONE)
    assert notice.h1.get_text() == "Tin sai sự thật"
    text = notice.get_text(" ", strip=True)
    assert "đã bị gỡ" in text and "Thông tin chưa được kiểm chứng." in text
    assert "Nội dung bài bị gỡ" not in built.text(GONE)
    assert notice.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    # Its old address still leads to the notice.
    assert GONE in built.text("tin-cu/sai.html")

    everywhere = {path: built.text(path) for path in ("", "thoi-su/", "chu-de/ca-phe/", "luu-tru/2024/06/",
                                                     "rss/tin-moi-nhat.rss", "rss/thoi-su.rss", "sitemap.xml",
                                                     "tin-moi.json", "thoi-su/tin-khac-202406240800/")}
    for path, page in everywhere.items():
        assert "Tin sai sự thật" not in page and "tin-sai-su-that" not in page, path
    assert not any("Tin sai sự thật" in e.title for e in feedparser.parse(everywhere["rss/tin-moi-nhat.rss"]).entries)
    assert built.report.articles == 1
    fragments = [gzip.decompress(f.read_bytes()) for f in built.output.joinpath("pagefind").rglob("*.pf_fragment")]
    assert fragments and all(b"tin-sai-su-that" not in f for f in fragments)  # not in the search index
    assert any(b"tin-khac" in f for f in fragments)


def test_withdrawing_an_article_takes_it_down_at_the_next_build(make_site):
    site = _site(make_site, withdrawn="")
    built = site.build()
    assert "Nội dung bài bị gỡ" in built.text(GONE) and "Tin sai sự thật" in built.text("")
    site.write("content/gone.md", article(
        title="Tin sai sự thật", date="2024-06-25 08:00", tags="[Cà phê]", aliases='["/tin-cu/sai.html"]',
        body="Nội dung bài bị gỡ, không được in ra.", withdrawn='"Sai sự thật."'))
    built = site.build()
    assert "Nội dung bài bị gỡ" not in built.text(GONE) and "Tin sai sự thật" not in built.text("")
    assert "Sai sự thật." in built.html(GONE).get_text()


def test_an_empty_reason_is_the_editors_error(make_site):
    site = _site(make_site, withdrawn='""')
    [problem] = [p for p in site.build_fails() if p.file == "content/gone.md"]
    assert problem.line == 7
    assert "`withdrawn` is empty" in problem.message and "the reason" in problem.hint
    [checked] = [p for p in check_site(site.root, BuildOptions(now=NOW)).problems
                 if p.severity == "error" and p.file == "content/gone.md"]
    assert checked.line == 7


def test_the_notice_keeps_the_title_the_time_in_the_papers_zone_and_says_why(make_site, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")  # the machine's own zone must not show
    import time
    time.tzset()
    try:
        page = _site(make_site).build().html(GONE + "index.html")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert page.title.get_text().startswith("Tin sai sự thật - ")
    assert page.select_one('meta[name="description"]')["content"] == "Bài viết đã bị gỡ: Thông tin chưa được kiểm chứng."
    assert "25/06/2024 - 08:00" in page.select_one(".dateline").get_text()


def test_an_alias_onto_a_withdrawn_articles_address_names_that_article(make_site):
    site = _site(make_site)
    site.write("content/third.md", article(title="Bài thứ ba", date="2024-06-23 08:00", aliases=f'["/{GONE}"]'))
    assert "content/gone.md" in messages(site.build_fails())

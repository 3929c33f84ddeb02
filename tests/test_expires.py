"""Notices that stop holding (`expires:`): a job notice, a road closure.  After the moment, nothing
lists the article any more and its own page says so; the build that comes after that moment knows
it has work to do even when no file changed."""

from __future__ import annotations

from datetime import timedelta

from conftest import NOW, article, png
from test_publish_guards import settled

NOTICE = "thoi-su/cam-duong-qua-deo-202611200800/"


def _site(make_site, expires: str):
    return make_site({
        "content/notice.md": article(title="Cấm đường qua đèo", date="2026-11-20 08:00", expires=expires,
                                     tags="[Giao thông]", image="{src: deo.png, caption: Đèo}",
                                     body="Cấm xe qua đèo để sửa mặt đường."),
        "content/deo.png": png(),
        "content/other.md": article(title="Tin khác", date="2026-11-19 08:00", tags="[Giao thông]"),
    })


def _listed(built) -> dict[str, bool]:
    return {path: "Cấm đường qua đèo" in built.text(path) for path in (
        "", "thoi-su/", "chu-de/giao-thong/", "luu-tru/2026/11/", "rss/tin-moi-nhat.rss", "tin-moi.json",
        "thoi-su/tin-khac-202611190800/")}


def test_an_expired_notice_leaves_every_listing_and_its_page_says_so(make_site):
    built = _site(make_site, "2026-11-25 17:00").build()
    assert not any(_listed(built).values()), _listed(built)
    page = built.html(NOTICE)
    assert page.h1.get_text() == "Cấm đường qua đèo"
    assert page.select_one(".expired").get_text() == "Thông tin này đã hết hiệu lực từ Thứ tư, 25/11/2026 - 17:00."
    assert "Cấm xe qua đèo để sửa mặt đường." in page.get_text()
    # Its photo is still shown: the renditions its page names exist.
    image = page.select_one(".lead-photo img")["src"]
    assert built.exists(image.lstrip("/"))
    assert built.report.articles == 1


def test_a_notice_is_listed_until_it_expires_and_the_next_build_after_that_takes_it_out(make_site):
    site = _site(make_site, "2026-11-26 17:00")
    settled(site)
    built = site.build()
    assert all(_listed(built).values()), _listed(built)
    assert "hết hiệu lực" not in built.text(NOTICE)
    assert site.build(now=NOW + timedelta(hours=1)).report.up_to_date  # nothing changed yet
    later = site.build(now=NOW + timedelta(hours=9))  # 18:00, after 17:00; no file changed
    assert not later.report.up_to_date
    assert not any(_listed(later).values())
    assert "hết hiệu lực" in later.text(NOTICE)


def test_an_expiry_before_the_article_is_the_editors_error(make_site):
    [problem] = _site(make_site, "2026-11-19 08:00").build_fails()
    assert (problem.file, problem.line) == ("content/notice.md", 5)
    assert "`expires` is not after the article's own date" in problem.message


def test_an_expired_notice_with_a_tag_of_its_own_links_no_missing_tag_page(make_site):
    built = make_site({"content/a.md": article(title="Cắt điện", date="2026-11-12 14:00", expires="2026-11-15 16:00",
                                               tags="[Điện lực, Giao thông]"),
                       "content/b.md": article(title="Tin khác", date="2026-11-13 08:00", tags="[Giao thông]")}).build()
    page = built.html("thoi-su/cat-dien-202611121400/")
    assert [a["href"] for a in page.select(".tags a")] == ["/chu-de/giao-thong/"]
    assert not built.exists("chu-de/dien-luc/")

"""What readers see: the article page, home, listings with pagination, archive, tags, authors, 404."""

import pickle
import re
from functools import partial

import pytest

from conftest import article, png
from sitegen.page import Page
from sitegen.views import PageInfo

PHOTO = png()


def article_url(built, title_fragment):
    for path in built.article_paths():
        if title_fragment in built.html(path).h1.get_text():
            return path
    raise AssertionError(f"no article titled {title_fragment!r}")


@pytest.fixture
def news(make_site):
    site = make_site({
        "content/thoi-su/2020/giao-ban.md": article(
            title="Giao ban Khối Đảng quý II/2020",
            date="25/06/2020 15:18",
            author='"Mai Trâm"',
            tags='["Khối Đảng", "Giao ban"]',
            summary='"Sáng 25/6, Thường trực Tỉnh ủy tổ chức hội nghị giao ban."',
            image='{src: images/hoi-nghi.png, caption: "Các đại biểu dự hội nghị.", credit: MT}',
            images='[{src: images/phat-bieu.png, caption: "Đồng chí Bí thư phát biểu.", credit: "Ảnh: MT"}, '
                   '{src: images/toan-canh.png, caption: "Toàn cảnh hội nghị. Ảnh: HL"}]',
            body="Đoạn mở đầu của bài.\n\n![](images/phat-bieu.png)\n\nĐoạn giữa.\n\n"
                 "# Tiêu đề phụ cấp một\n\n![](images/toan-canh.png)\n\n## Phần Đắk Tô\n\nĐoạn cuối.",
        ),
        "content/thoi-su/2020/images/hoi-nghi.png": PHOTO,
        "content/thoi-su/2020/images/phat-bieu.png": PHOTO,
        "content/thoi-su/2020/images/toan-canh.png": PHOTO,
        "content/thoi-su/2020/khac.md": article(title="Tin khác cùng chuyên mục", date="2020-06-20 08:00",
                                                tags='["Giao ban"]'),
        "content/kinh-te/ca-phe.md": article(title="Cà phê được mùa", date="2021-01-05 09:00", category="Kinh tế",
                                             featured="true", author='"Thu Hà"'),
    })
    return site.build()


def test_article_url_uses_category_title_slug_and_publication_time(news):
    assert news.exists("thoi-su/giao-ban-khoi-dang-quy-ii-2020-202006251518/")


def test_article_page_anatomy(news):
    page = news.html("thoi-su/giao-ban-khoi-dang-quy-ii-2020-202006251518/")
    assert page.html["lang"] == "vi"
    assert [h.get_text() for h in page.find_all("h1")] == ["Giao ban Khối Đảng quý II/2020"]
    crumbs = [a.get_text() for a in page.select("nav.breadcrumbs a")]
    assert crumbs == ["Trang chủ", "Thời sự"]
    time = page.select_one(".dateline time")
    assert time.get_text() == "Thứ năm, 25/06/2020 - 15:18"
    assert time["datetime"] == "2020-06-25T15:18:00+07:00"
    assert page.select_one(".sapo").get_text() == "Sáng 25/6, Thường trực Tỉnh ủy tổ chức hội nghị giao ban."
    assert page.select_one(".byline").get_text(strip=True) == "Mai Trâm"
    assert [a.get_text() for a in page.select(".tags a")] == ["Khối Đảng", "Giao ban"]
    assert page.select_one("aside.related h2").get_text() == "Chuyên mục khác"
    assert page.title.get_text() == "Giao ban Khối Đảng quý II/2020 - Báo Thử Nghiệm"
    for landmark in ("header", "nav", "main", "article", "footer"):
        assert page.find(landmark), landmark
    assert page.select_one("a.skip-link")["href"] == "#" + page.main["id"]


def test_figures_carry_caption_and_credit_once(news):
    page = news.html("thoi-su/giao-ban-khoi-dang-quy-ii-2020-202006251518/")
    figures = page.select("figure")
    captions = [f.figcaption.get_text() for f in figures]
    assert captions == [
        "Các đại biểu dự hội nghị. Ảnh: MT",
        "Đồng chí Bí thư phát biểu. Ảnh: MT",
        "Toàn cảnh hội nghị. Ảnh: HL",
    ]
    assert [f.select_one(".credit").get_text() for f in figures] == ["Ảnh: MT", "Ảnh: MT", "Ảnh: HL"]
    assert figures[1].img["alt"] == "Đồng chí Bí thư phát biểu."
    # Lead and body figures are shown as the photo step made them; the originals are not published.
    for figure, name in zip(figures, ("hoi-nghi", "phat-bieu", "toan-canh")):
        assert re.fullmatch(rf"/media/thoi-su/2020/images/{name}-\d+x\d+-[0-9a-f]{{8}}\.jpg", figure.img["src"])
        assert news.exists(figure.img["src"].lstrip("/"))
    assert not news.exists("media/thoi-su/2020/images/hoi-nghi.png")
    assert "Ảnh: Ảnh" not in news.text("thoi-su/giao-ban-khoi-dang-quy-ii-2020-202006251518/")


def test_body_headings_keep_d_in_anchors_and_never_add_an_h1(news):
    page = news.html("thoi-su/giao-ban-khoi-dang-quy-ii-2020-202006251518/")
    body = page.select_one(".article-body")
    assert body.find("h1") is None
    ids = [h["id"] for h in body.find_all(["h2", "h3"])]
    assert ids == ["tieu-de-phu-cap-mot", "phan-dak-to"]


def test_lead_photo_shown_once_when_the_body_repeats_it(make_site):
    site = make_site({
        "content/a.md": article(image="{src: a.png, caption: Ảnh đầu bài, credit: MT}", body="Mở đầu.\n\n![](a.png)\n\nTiếp."),
        "content/a.png": PHOTO,
    })
    built = site.build()
    page = built.html(built.article_paths()[0])
    assert len(page.select("figure")) == 1
    assert page.select_one("figure figcaption").get_text() == "Ảnh đầu bài Ảnh: MT"


def test_summary_defaults_to_first_paragraph(make_site):
    site = make_site({"content/a.md": article(body="![](a.png)\n\nĐây là đoạn **đầu tiên**.\n\nĐoạn thứ hai."),
                      "content/a.png": PHOTO})
    built = site.build()
    page = built.html(built.article_paths()[0])
    assert page.select_one(".sapo").get_text() == "Đây là đoạn đầu tiên."
    assert "đầu tiên" not in page.select_one(".article-body").get_text()  # shown once, as the sapo
    assert page.select_one(".article-body p").get_text() == "Đoạn thứ hai."


def test_an_explicit_summary_leaves_the_body_whole(make_site):
    site = make_site({"content/a.md": article(summary='"Sapo riêng."', body="Đoạn đầu.\n\nĐoạn hai.")})
    built = site.build()
    page = built.html(built.article_paths()[0])
    assert page.select_one(".sapo").get_text() == "Sapo riêng."
    assert [p.get_text() for p in page.select(".article-body p")] == ["Đoạn đầu.", "Đoạn hai."]


def test_a_day_without_a_time_shows_no_midnight(make_site):
    built = make_site({"content/a.md": article(date='"25/06/2024"')}).build()
    assert built.html(built.article_paths()[0]).select_one(".dateline time").get_text() == "Thứ ba, 25/06/2024"


def test_credits_that_name_their_kind_keep_it(make_site):
    site = make_site({"content/a.md": article(
        image="{src: a.png, caption: Ảnh đầu, credit: Theo TTXVN}",
        images='[{src: b.png, caption: Đồ họa số liệu, credit: "Đồ họa: MT"}, {src: c.png, caption: Ảnh ba, credit: Tư liệu}]',
        body="Mở đầu.\n\n![](b.png)\n\n![](c.png)"), "content/a.png": png(), "content/b.png": png(), "content/c.png": png()})
    built = site.build()
    credits = [c.get_text() for c in built.html(built.article_paths()[0]).select(".credit")]
    assert credits == ["Theo TTXVN", "Đồ họa: MT", "Ảnh: Tư liệu"]


def test_nfd_text_is_normalised(make_site):
    import unicodedata
    nfd = unicodedata.normalize("NFD", "Hội nghị Tỉnh ủy Đắk Tô")
    site = make_site({"content/a.md": article(title=nfd, body=nfd, tags=f'["{nfd}"]')})
    built = site.build()
    html = built.text(built.article_paths()[0])
    assert unicodedata.normalize("NFC", html) == html
    assert "Hội nghị Tỉnh ủy Đắk Tô" in html
    assert built.article_paths() == ["thoi-su/hoi-nghi-tinh-uy-dak-to-202406251518/"]


def test_home_has_featured_latest_and_a_block_per_category(news):
    home = news.html("")
    assert home.h1.get_text() == "Báo Thử Nghiệm"
    assert [a.get_text() for a in home.select(".featured .teaser-title a")] == ["Cà phê được mùa"]
    latest = [a.get_text() for a in home.select(".latest .teaser-title a")]
    assert latest == ["Giao ban Khối Đảng quý II/2020", "Tin khác cùng chuyên mục"]
    # Every story is shown above already: no category block repeats one.
    assert home.select(".category-block") == []
    menu = [a.get_text() for a in home.select("nav.menu a")]
    assert menu == ["Trang chủ", "Thời sự", "Kinh tế", "Văn hóa - Du lịch", "Lưu trữ"]


@pytest.mark.parametrize("per_category", [1, 3, 9])
def test_no_story_is_twice_on_the_home_page_and_blocks_take_the_next_ones(make_site, per_category):
    files = {}
    for c, category in enumerate(["Thời sự", "Kinh tế", "Văn hóa - Du lịch"]):
        for n in range(per_category):
            files[f"content/{c}-{n}.md"] = article(
                title=f"Tin {category} số {n}", category=category, date=f"2024-06-{n + 1:02d} 0{c}:00",
                featured="true" if n == 0 and c == 0 else "false")
    home = make_site(files, extra_config="home_latest = 4\nhome_per_category = 2").build().html("")
    titles = [a.get_text() for a in home.select(".teaser-title a")]
    assert len(titles) == len(set(titles))
    blocks = {b.h2.get_text(): [a.get_text() for a in b.select(".teaser-title a")] for b in home.select(".category-block")}
    shown_above = set(titles) - {t for block in blocks.values() for t in block}
    for category, block in blocks.items():
        # Its newest stories that are not shown above, newest first.
        expected = [f"Tin {category} số {n}" for n in reversed(range(per_category))
                    if f"Tin {category} số {n}" not in shown_above][:2]
        assert block == expected
    assert len(titles) == min(3 * per_category, 1 + 4 + 2 * 3)


def test_footer_shows_the_publishers_legal_lines(make_site):
    site = make_site({"content/a.md": article()}, extra_config='''
[publisher]
name = "Báo Thử Nghiệm - Cơ quan của Đảng bộ tỉnh"
licence = "Giấy phép số 01/GP-BTTTT"
editor_in_chief = "Nguyễn Văn A"
address = "1 Trần Hưng Đạo"
''')
    footer = site.build().html("").footer.get_text(" ", strip=True)
    for line in ("Cơ quan của Đảng bộ tỉnh", "Giấy phép số 01/GP-BTTTT", "Tổng Biên tập: Nguyễn Văn A", "1 Trần Hưng Đạo"):
        assert line in footer


def listing_titles(built, path):
    return [a.get_text() for a in built.html(path).select(".listing .teaser-title a")]


@pytest.mark.parametrize("count, pages", [(0, 1), (1, 1), (3, 1), (4, 2), (7, 3)])
def test_category_pagination_edges(make_site, count, pages):
    files = {f"content/kt/{i}.md": article(title=f"Tin số {i}", date=f"2024-01-{i + 1:02d} 08:00", category="Kinh tế")
             for i in range(count)}
    files["content/ts.md"] = article()
    built = make_site(files, per_page=3).build()
    assert built.exists("kinh-te/")
    shown = []
    for n in range(1, pages + 1):
        path = "kinh-te/" if n == 1 else f"kinh-te/trang-{n}/"
        shown += listing_titles(built, path)
        nav = built.html(path).select_one("nav.pagination")
        if pages == 1:
            assert nav is None
        else:
            current = nav.select_one("[aria-current=page]")
            assert current.get_text() == str(n)
            assert bool(nav.select_one("a[rel=prev]")) == (n > 1)
            assert bool(nav.select_one("a[rel=next]")) == (n < pages)
    assert not built.exists(f"kinh-te/trang-{pages + 1}/")
    assert shown == [f"Tin số {i}" for i in reversed(range(count))]
    if count == 0:
        assert "chưa có bài viết" in built.html("kinh-te/").select_one(".empty").get_text()


def test_numbered_pagination_shows_gaps_on_long_listings(make_site):
    files = {f"content/{i}.md": article(title=f"Tin {i}", date=f"2024-01-01 {i // 60:02d}:{i % 60:02d}")
             for i in range(30)}
    built = make_site(files, per_page=2).build()
    labels = [li.get_text(strip=True) for li in built.html("thoi-su/trang-8/").select("nav.pagination li")]
    assert labels == ["« Trang trước", "1", "…", "6", "7", "8", "9", "10", "…", "15", "Trang sau »"]


def test_archive_years_and_months_newest_first(news):
    index = news.html("luu-tru/")
    assert [a.get_text() for a in index.select(".archive-year h2 a")] == ["Năm 2021", "Năm 2020"]
    assert [a.get_text() for a in news.html("luu-tru/2020/").select(".month-list a")] == ["Tháng 6/2020"]
    month = news.html("luu-tru/2020/06/")
    assert month.h1.get_text() == "Lưu trữ tháng 6/2020"
    days = [h.get_text() for h in month.select(".archive-day h2")]
    assert days == ["Thứ năm, 25/06/2020", "Thứ bảy, 20/06/2020"]
    assert month.select_one("a[rel=next]")["href"] == "/luu-tru/2021/01/"


def test_tag_and_author_pages(news):
    tag = news.html("chu-de/giao-ban/")
    assert tag.h1.get_text() == "Chủ đề: Giao ban"
    assert listing_titles(news, "chu-de/giao-ban/") == ["Giao ban Khối Đảng quý II/2020", "Tin khác cùng chuyên mục"]
    assert listing_titles(news, "tac-gia/mai-tram/") == ["Giao ban Khối Đảng quý II/2020"]
    tags = {a.get_text(): a["href"] for a in news.html("chu-de/").select(".term-list a")}
    assert tags == {"Giao ban": "/chu-de/giao-ban/", "Khối Đảng": "/chu-de/khoi-dang/"}
    assert [a.get_text() for a in news.html("tac-gia/").select(".term-list a")] == ["Mai Trâm", "Thu Hà"]
    # Each with the number of its articles; an article's byline has no count.
    counts = [li.select_one(".count").get_text() for li in news.html("tac-gia/").select(".term-list li")]
    assert counts == ["(1)", "(1)"] and "(" not in news.html(news.article_paths()[0] + "index.html").select_one(".byline").get_text()
    # ... and no count in an article's own view: the views are in every page's key, and a count there
    # would render every article of an author again whenever the author writes one more.
    views = news.report.state.planner.views.values()
    assert all(v.author.count == 0 for v in views if v.author) and all(t.count == 0 for v in views for t in v.tags)


def test_tag_spellings_that_differ_by_case_or_tone_placement_share_one_page(make_site):
    built = make_site({
        "content/a.md": article(title="A", tags='["Tỉnh ủy"]', date="2024-01-01"),
        "content/b.md": article(title="B", tags='["Tỉnh uỷ"]', date="2024-01-02"),
        "content/c.md": article(title="C", tags='["tỉnh ủy"]', date="2024-01-03"),
        "content/d.md": article(title="D", tags='["Hòa bình", "Hóa chất"]', date="2024-01-04"),
    }).build()
    assert listing_titles(built, "chu-de/tinh-uy/") == ["C", "B", "A"]
    assert built.html("chu-de/tinh-uy/").h1.get_text() == "Chủ đề: Tỉnh ủy"
    assert built.exists("chu-de/hoa-binh/") and built.exists("chu-de/hoa-chat/")


def test_404_page(news):
    page = news.html("404.html")
    assert page.h1.get_text() == "Không tìm thấy trang"
    assert page.select_one("main a")["href"] == "/"


def test_drafts_and_future_articles_are_not_published_by_default(make_site):
    site = make_site({
        "content/a.md": article(title="Đã đăng", date="2026-11-01 08:00"),
        "content/b.md": article(title="Bản nháp", date="2026-11-02 08:00", draft="true"),
        "content/c.md": article(title="Hẹn giờ", date="2026-11-26 09:01"),
    })
    titles = lambda built: sorted(built.html(p).h1.get_text() for p in built.article_paths())
    default = site.build()
    assert titles(default) == ["Đã đăng"]
    assert "Bản nháp" not in default.text("") and "Hẹn giờ" not in default.text("luu-tru/2026/11/")
    assert default.report.skipped_drafts == 1 and default.report.skipped_future == 1
    assert titles(site.build(drafts=True)) == ["Bản nháp", "Đã đăng"]
    with_future = site.build(future=True)
    assert titles(with_future) == ["Hẹn giờ", "Đã đăng"]
    scheduled = with_future.html(article_url(with_future, "Hẹn giờ"))
    assert "Hẹn giờ đăng" in scheduled.select_one(".flag").get_text()


def test_article_published_exactly_now_is_published(make_site):
    built = make_site({"content/a.md": article(date="2026-11-26 09:00")}).build()
    assert len(built.article_paths()) == 1


def test_aliases_keep_old_addresses_working(make_site):
    built = make_site({"content/a.md": article(title="Bài có địa chỉ cũ", aliases='["/tin-tuc/bai-cu-123.html", "old/path"]')}).build()
    target = "https://example.vn/thoi-su/bai-co-dia-chi-cu-202406251518/"
    for old in ("tin-tuc/bai-cu-123.html", "old/path/"):
        page = built.html(old)
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
        assert page.find("link", rel="canonical")["href"] == target
        assert page.find("a")["href"] == target


def test_alias_colliding_with_a_real_page_is_an_error(make_site):
    site = make_site({"content/a.md": article(aliases='["/kinh-te/"]')})
    problems = site.build_fails()
    assert "already the address" in problems[0].message and problems[0].file == "content/a.md"


def test_extra_front_matter_reaches_templates(make_site):
    built = make_site({"content/a.md": article(source='"Theo Cổng thông tin tỉnh"', video_id="12345")}).build()
    assert built.html(built.article_paths()[0]).select_one(".source").get_text() == "Theo Cổng thông tin tỉnh"


def test_updated_date_is_shown(make_site):
    built = make_site({"content/a.md": article(updated="2024-06-26 10:00")}).build()
    updated = built.html(built.article_paths()[0]).select_one(".updated time")
    assert updated["datetime"] == "2024-06-26T10:00:00+07:00"


def test_every_time_element_carries_the_site_offset(news):
    for path in ["", "thoi-su/", "luu-tru/2020/06/", news.article_paths()[0]]:
        for time in news.html(path).find_all("time"):
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", time["datetime"])


def test_page_two_of_a_listing_leads_back_to_its_first_page(make_site):
    files = {f"content/{n}.md": article(title=f"Tin số {n}", date=f"2024-06-{n:02d} 08:00", tags="[Cà phê]")
             for n in range(1, 8)}
    built = make_site(files, per_page=3).build()
    crumbs = lambda path: [(a.get_text(), a["href"]) for a in built.html(path).select("nav.breadcrumbs a")]
    assert crumbs("thoi-su/") == [("Trang chủ", "/")]
    assert crumbs("thoi-su/trang-2/") == [("Trang chủ", "/"), ("Thời sự", "/thoi-su/")]
    assert crumbs("chu-de/ca-phe/trang-3/") == [("Trang chủ", "/"), ("Chủ đề", "/chu-de/"), ("Cà phê", "/chu-de/ca-phe/")]


def test_each_listing_says_what_it_is_in_its_title_and_description(news):
    archive = news.html("luu-tru/")
    assert archive.title.get_text() == "Lưu trữ - Báo Thử Nghiệm" and archive.h1.get_text() == "Lưu trữ"
    # Each its own description (search engines flag pages that share one); a category's from config.toml.
    described = lambda soup: soup.select_one('meta[name="description"]')["content"]
    assert described(news.html("thoi-su/")) == "Tin thời sự"
    assert described(news.html("kinh-te/")) == "Tin Kinh tế của Báo Thử Nghiệm, mới nhất trước."
    assert described(news.html("chu-de/giao-ban/")) == "Các bài viết về chủ đề Giao ban trên Báo Thử Nghiệm, mới nhất trước."
    assert described(news.html("tac-gia/thu-ha/")) == "Các bài viết của tác giả Thu Hà trên Báo Thử Nghiệm, mới nhất trước."


def test_the_home_page_has_no_breadcrumb_trail_and_every_other_page_starts_at_home(news):
    assert news.html("").select("nav.breadcrumbs") == []
    crumbs = [a.get_text() for a in news.html("luu-tru/2020/06/").select("nav.breadcrumbs a")]
    assert crumbs == ["Trang chủ", "Lưu trữ", "Năm 2020"]


def test_the_build_counts_its_pages_by_kind(news):
    assert dict(news.report.pages_by_kind) == {
        "home": 1, "article": 3, "category": 3, "tag": 2, "tags": 1, "author": 2, "authors": 1, "archive": 1,
        "archive_year": 2, "archive_month": 2, "not_found": 1, "search": 1, "feeds": 1, "corrections": 1}


def _article_info(archive: list[str], title: str) -> PageInfo:
    """Made as the planner makes an article's info: by a function holding the archive."""
    return PageInfo("article", title, "/a/", "https://example.vn/a/")


def test_a_page_sent_to_a_clusters_workers_carries_its_info_not_the_planner_that_makes_it():
    """An article page makes its `page` info on demand, from the planner (the whole archive's
    views).  Pickled for a Dask worker, it must carry the info it makes, not the planner: else every
    page sent would carry the archive with it."""
    archive = [f"Bài số {n} của kho lưu trữ" for n in range(1000)]  # stands for the planner's views
    page = Page("a/", "article.html", partial(_article_info, archive, "Tin hôm nay"), {"article": None},
                "content/a.md", None, "article")
    sent = pickle.dumps(page)
    assert "Bài số 999".encode() not in sent and len(sent) < 2_000
    arrived = pickle.loads(sent)
    assert arrived.info == page.info and arrived.info.title == "Tin hôm nay"
    assert (arrived.path, arrived.kind, arrived.source, arrived.data) == ("a/", "article", "content/a.md", {"article": None})

"""Every page has an address of its own: tags (or authors) that only differ by a tone mark get two
pages, and a category whose slug is the archive's folder is refused instead of overwriting it."""

from sitegen.check import check_site

from conftest import CONFIG, article


def tag_pages(built):
    """Tag name -> (address of its page, titles listed there), from the tag index."""
    index = built.html("chu-de/")
    pages = {}
    for link in index.select(".term-list a"):
        path = link["href"].lstrip("/")
        titles = [a.get_text() for a in built.html(path).select(".listing .teaser-title a")]
        pages[link.get_text()] = (path, titles)
    return pages


def test_tags_with_one_ascii_form_get_a_page_each(make_site):
    # "Hòa" (a district), "Hóa" (chemistry) and "Hoa" (flowers) are all "hoa" without their marks.
    built = make_site({
        "content/a.md": article(title="Huyện Hòa mở hội", date="2024-01-01", tags='["Hòa"]'),
        "content/b.md": article(title="Phòng thí nghiệm mới", date="2024-01-02", tags='["Hóa"]'),
        "content/c.md": article(title="Chợ hoa xuân", date="2024-01-03", tags='["Hoa"]'),
    }).build()
    pages = tag_pages(built)
    assert {name: titles for name, (_, titles) in pages.items()} == {
        "Hòa": ["Huyện Hòa mở hội"], "Hóa": ["Phòng thí nghiệm mới"], "Hoa": ["Chợ hoa xuân"]}
    assert sorted(path for path, _ in pages.values()) == ["chu-de/hoa-2/", "chu-de/hoa-3/", "chu-de/hoa/"]
    article_page = built.html("thoi-su/huyen-hoa-mo-hoi-202401010000/")
    assert article_page.select_one(f'a[href="/{pages["Hòa"][0]}"]').get_text() == "Hòa"


def test_authors_with_one_ascii_form_get_a_page_each(make_site):
    built = make_site({
        "content/a.md": article(title="Bài của chị Hòa", date="2024-01-01", author='"Thu Hòa"'),
        "content/b.md": article(title="Bài của chị Hóa", date="2024-01-02", author='"Thu Hóa"'),
    }).build()
    authors = {a.get_text(): a["href"].lstrip("/") for a in built.html("tac-gia/").select(".term-list a")}
    assert sorted(authors.values()) == ["tac-gia/thu-hoa-2/", "tac-gia/thu-hoa/"]
    for name, path in authors.items():
        listed = [a.get_text() for a in built.html(path).select(".listing .teaser-title a")]
        assert listed == [f"Bài của chị {name.split()[-1]}"]


ARCHIVE_CATEGORY = CONFIG.format(base_url="https://example.vn/", per_page=3, related_count=3, extra="") + '''
[[categories]]
name = "Lưu trữ"
slug = "luu-tru"
'''


def test_a_category_at_the_archive_address_is_an_error_and_output_is_kept(make_site):
    site = make_site({"content/a.md": article(title="Bài A", date="2024-01-01")})
    site.build()
    before = (site.root / "output/luu-tru/index.html").read_bytes()
    site.write("config.toml", ARCHIVE_CATEGORY)
    problems = site.build_fails()
    assert [(p.file, p.message) for p in problems] == [
        ("config.toml", "/luu-tru/ is the address of two pages (category and archive)")]
    assert "change a slug" in problems[0].hint
    assert (site.root / "output/luu-tru/index.html").read_bytes() == before


def test_check_finds_a_category_at_the_archive_address(make_site):
    site = make_site({"content/a.md": article(title="Bài A", date="2024-01-01")}, config=ARCHIVE_CATEGORY)
    errors = check_site(site.root).errors
    assert [p.message for p in errors] == ["/luu-tru/ is the address of two pages (category and archive)"]


def test_a_tag_without_any_latin_letter_still_gets_a_page(make_site):
    built = make_site({"content/a.md": article(title="Bài A", date="2024-01-01", tags='["Ə", "Cà phê"]')}).build()
    assert tag_pages(built) == {"Ə": ("chu-de/x/", ["Bài A"]), "Cà phê": ("chu-de/ca-phe/", ["Bài A"])}


def test_three_articles_at_one_address_are_each_reported_with_the_line_to_change(make_site):
    site = make_site({f"content/{name}.md": article(title="Trùng tên") for name in "abc"})
    problems = site.build_fails()
    address = "/thoi-su/trung-ten-202406251518/"
    assert [(p.file, p.line, p.message) for p in problems] == [
        ("content/b.md", 2, f"this article would have the same address {address} as content/a.md"),
        ("content/c.md", 2, f"this article would have the same address {address} as content/a.md")]
    assert problems[0].hint == "give one of them another title or a `slug:` of its own"


def test_a_permalink_pattern_with_date_parts_puts_articles_there(make_site):
    site = make_site({"content/a.md": article(title="Bài A", date="2024-06-05 07:08")},
                     extra_config='[permalinks]\narticle = "{year}/{month}/{day}/{hour}{minute}-{slug}/"')
    built = site.build()
    assert built.article_paths() == ["2024/06/05/0708-bai-a/"]


def test_an_article_just_after_midnight_on_the_first_is_archived_in_its_local_month(make_site):
    # 00:30 on 1 July in Vietnam is still 30 June in UTC (and on a server clock set to UTC).
    built = make_site({"content/a.md": article(title="Tin đầu tháng", date="2024-07-01 00:30")}).build()
    assert built.exists("luu-tru/2024/07/") and not built.exists("luu-tru/2024/06/")
    assert "Tin đầu tháng" in built.text("luu-tru/2024/07/")

"""The boxes beside an article a reader follows: the editor's "Tin liên quan" (front matter
`related:`), "Tin cùng chuyên mục", and the newest stories a script shows ("tin-moi.json")."""

from __future__ import annotations

import json

from conftest import NOW, article, messages

from sitegen.build import BuildOptions
from sitegen.check import check_site


def _box(soup, heading: str) -> list[str]:
    """Titles in the box under the heading `heading` (none when the page has no such box)."""
    found = soup.find(lambda tag: tag.name == "h2" and tag.get_text(strip=True) == heading)
    if found is None:
        return []
    return [a.get_text() for a in found.find_parent(["aside", "section"]).select("h3 a")]


def _page_of(built, title: str):
    for path in built.article_paths():
        soup = built.html(path)
        if soup.h1.get_text() == title:
            return soup
    raise AssertionError(f"no article page titled {title!r}")


def test_the_editors_related_articles_are_shown_in_their_order_and_not_again_below(make_site):
    site = make_site({
        "content/kinh-te/ca-phe.md": article(title="Cà phê được mùa", category="Kinh tế", date="2024-06-20 08:00",
                                             tags="[Cà phê]"),
        "content/kinh-te/gia-ca-phe.md": article(title="Giá cà phê tăng", category="Kinh tế", date="2024-06-21 08:00",
                                                 tags="[Cà phê]", slug="gia-ca-phe"),
        "content/thoi-su/hop.md": article(title="Họp bàn mùa vụ", date="2024-06-22 08:00", tags="[Cà phê]",
                                          related='["kinh-te/gia-ca-phe.md", "/kinh-te/ca-phe-duoc-mua-202406200800/"]'),
    })
    soup = _page_of(site.build(), "Họp bàn mùa vụ")
    # By file and by address, in the editor's order; the automatic box does not show them again.
    assert _box(soup, "Tin liên quan") == ["Giá cà phê tăng", "Cà phê được mùa"]
    assert not set(_box(soup, "Chuyên mục khác")) & {"Giá cà phê tăng", "Cà phê được mùa"}
    # Named by its slug, too; an article that names none has no such box.
    site.write("content/thoi-su/hop.md", article(title="Họp bàn mùa vụ", date="2024-06-22 08:00", related="gia-ca-phe"))
    built = site.build()
    assert _box(_page_of(built, "Họp bàn mùa vụ"), "Tin liên quan") == ["Giá cà phê tăng"]
    assert _box(_page_of(built, "Cà phê được mùa"), "Tin liên quan") == []


def test_a_related_article_that_does_not_exist_is_the_editors_error(make_site):
    site = make_site({
        "content/a.md": article(title="Một", related='["kinh-te/khong-co.md"]'),
        "content/b.md": article(title="Hai", date="2024-06-26 08:00", slug="hai", related="hai"),
    })
    problems = site.build_fails()
    assert [(p.file, p.line) for p in problems] == [("content/a.md", 5), ("content/b.md", 6)]
    assert "no article has that file, slug or address" in problems[0].message
    assert "names the article itself" in problems[1].message
    assert "related: [kinh-te/" in problems[0].hint
    errors = [p for p in check_site(site.root, BuildOptions(now=NOW)).problems if p.severity == "error"]
    assert [(p.file, p.line) for p in errors] == [("content/a.md", 5), ("content/b.md", 6)]


def test_a_related_file_named_with_dots_is_found_without_its_md_and_a_shared_name_is_refused(make_site):
    site = make_site({
        "content/kinh-te/bao-cao-quy-2.2024.md": article(title="Báo cáo quý hai", category="Kinh tế"),
        "content/thoi-su/hop.md": article(title="Họp bàn mùa vụ", date="2024-06-26 08:00",
                                          related="kinh-te/bao-cao-quy-2.2024"),
    })
    assert _box(_page_of(site.build(), "Họp bàn mùa vụ"), "Tin liên quan") == ["Báo cáo quý hai"]
    # A file's name and another article's slug alike: which one the editor meant is not guessed.
    site.write("content/hai.md", article(title="Bài một", date="2024-06-24 08:00"))
    site.write("content/thoi-su/b.md", article(title="Bài hai", date="2024-06-24 09:00", slug="hai"))
    site.write("content/thoi-su/hop.md", article(title="Họp bàn mùa vụ", date="2024-06-26 08:00", related="hai"))
    assert messages(site.build_fails()).startswith(
        "content/thoi-su/hop.md:5: error: `related` names 'hai', which several articles share: "
        "content/hai.md, content/thoi-su/b.md\n")


def test_a_related_article_not_yet_published_is_left_out_until_it_is(make_site):
    site = make_site({
        "content/a.md": article(title="Bài đã đăng", related='["b.md"]'),
        "content/b.md": article(title="Bài hẹn giờ", date="2030-01-01 08:00"),
    })
    assert _box(_page_of(site.build(), "Bài đã đăng"), "Tin liên quan") == []


def test_same_category_shows_the_stories_just_before_this_one(make_site):
    files = {f"content/{n}.md": article(title=f"Tin số {n}", date=f"2024-06-{n:02d} 08:00") for n in range(1, 11)}
    files["content/k.md"] = article(title="Tin kinh tế", category="Kinh tế", date="2024-06-05 09:00")
    built = make_site(files).build()
    # Five older ones, newest first; the other category's story is not among them.
    assert _box(_page_of(built, "Tin số 8"), "Tin cùng chuyên mục") == [f"Tin số {n}" for n in (7, 6, 5, 4, 3)]
    # Where fewer came before, the nearest newer ones fill the box.
    assert _box(_page_of(built, "Tin số 2"), "Tin cùng chuyên mục") == [f"Tin số {n}" for n in (6, 5, 4, 3, 1)]
    assert _box(_page_of(built, "Tin kinh tế"), "Tin cùng chuyên mục") == []


def test_a_new_story_changes_no_older_storys_box(make_site):
    """A publish must not render the category's archive again for this box (issue 15)."""
    files = {f"content/{n}.md": article(title=f"Tin số {n}", date=f"2024-06-{n:02d} 08:00") for n in range(1, 9)}
    site = make_site(files)
    built = site.build()
    before = {n: _box(_page_of(built, f"Tin số {n}"), "Tin cùng chuyên mục") for n in range(1, 9)}
    site.write("content/9.md", article(title="Tin số 9", date="2024-06-09 08:00"))
    built = site.build()
    assert {n: _box(_page_of(built, f"Tin số {n}"), "Tin cùng chuyên mục") for n in range(1, 9)} == before
    assert _box(_page_of(built, "Tin số 9"), "Tin cùng chuyên mục") == [f"Tin số {n}" for n in (8, 7, 6, 5, 4)]


def test_the_newest_stories_are_published_for_the_latest_box(make_site):
    site = make_site({f"content/{n}.md": article(title=f"Tin số {n}", date=f"2024-06-{n:02d} 08:00")
                      for n in range(1, 13)}, extra_config="home_latest = 10")
    built = site.build()
    latest = json.loads(built.text("tin-moi.json"))["articles"]
    assert [a["title"] for a in latest] == [f"Tin số {n}" for n in range(12, 2, -1)]
    assert latest[0]["url"] == "/thoi-su/tin-so-12-202406120800/"
    assert latest[0]["date"] == "2024-06-12T08:00:00+07:00"
    assert (latest[0]["category"], latest[0]["category_url"]) == ("Thời sự", "/thoi-su/")


def test_check_lists_each_photo_an_import_found_no_file_for_with_its_caption(make_site):
    site = make_site({"content/a.md": article(missing_photos='["Cầu treo Ia Tơi. Ảnh: MT", "Lễ khánh thành"]')})
    site.build()  # not an error: the article is published without them
    found = [(p.line, p.message) for p in check_site(site.root, BuildOptions(now=NOW)).warnings if "imported page" in p.message]
    assert found == [(5, "photo 1 of the imported page has no file yet: 'Cầu treo Ia Tơi. Ảnh: MT'"),
                     (5, "photo 2 of the imported page has no file yet: 'Lễ khánh thành'")]

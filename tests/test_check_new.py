"""`sitegen check` (every error a build refuses, every warning, JSON) and `sitegen new`."""

import json

import pytest
import yaml

from sitegen.check import check_site
from sitegen.build import BuildOptions
from sitegen.front_matter import split_front_matter

from conftest import NOW, article, png


def check(site):
    return check_site(site.root, BuildOptions(now=NOW))


def warnings_about(report, fragment):
    found = [p for p in report.warnings if fragment in p.message]
    assert found, "\n".join(str(p) for p in report.problems)
    return found


PINNED = '"tin-thu"'


@pytest.mark.parametrize("files, fragment", [
    ({"content/a.md": '---\ntitle: "x\n---\n'}, "not valid YAML"),
    ({"content/a.md": article(title="")}, "`title`"),
    ({"content/a.md": article(date="hôm qua")}, "`date`"),
    ({"content/a.md": article(category="Không có")}, "unknown category"),
    ({"content/a.md": article(image="{src: khong-co.png}")}, "does not exist"),
    ({"content/a.md": article(title="Trùng"), "content/b.md": article(title="Trùng")}, "same address"),
    ({"content/a.md": article().encode("utf-8").replace("thử".encode(), b"th\xfd")}, "not UTF-8"),
    ({"content/a.md": article(aliases='["/kinh-te/"]')}, "already the address"),
    ({"content/a.md": article(slug='"../x"')}, "not a valid address"),
])
def test_check_reports_every_error_a_build_would_and_exits_1(make_site, files, fragment):
    site = make_site(files)
    report = check(site)
    assert any(fragment in p.message for p in report.errors), "\n".join(map(str, report.problems))
    result = site.cli("check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not (site.root / "output").exists()


@pytest.mark.parametrize("files", [
    {"content/a.md": article(video="&a [1, *a]")},
    {"content/a.md": article(tags='["🎉"]')},
    {"content/a.md": article(author='"!!!"')},
    {"content/a.md": article(date="9999-12-31T23:59:59-23:00")},
    {"content/a.md": article(slug="-".join(["dai-hoi"] * 20))},
    {"content/a.md": article(body="[" * 40_000)},
    {"content/a.md": article(body="> " * 500 + "x")},
    {"content/a.md": article(title="Trùng", slug='"trung"'), "content/b.md": article(title="Khác", slug='"trung"')},
    {"content/a.md": article(title="Một"), "content/b.md": article(title="Hai", aliases='["/thoi-su/mot-202406251518/"]')},
])
def test_check_finds_what_the_build_refuses_with_the_same_problems(make_site, files):
    # The cases where `check` said OK and the build crashed (issue 9): the same errors, file and line.
    site = make_site(files)
    built = {(p.file, p.line, p.message) for p in site.build_fails()}
    checked = {(p.file, p.line, p.message) for p in check(site).errors}
    assert built and built == checked


def test_photo_without_caption_or_credit(make_site):
    site = make_site({"content/a.md": article(slug=PINNED, image="{src: a.png}"), "content/a.png": png()})
    report = check(site)
    warnings_about(report, "has no caption")
    warning = warnings_about(report, "has no credit")[0]
    assert warning.file == "content/a.md" and warning.line == 6


def test_body_photo_without_alt_text(make_site):
    site = make_site({"content/a.md": article(slug=PINNED, body="Mở đầu.\n\n![](a.png)"), "content/a.png": png()})
    assert "a.png" in warnings_about(check(site), "no text for readers")[0].message


def test_titles_and_sapos_too_long_for_search_results(make_site):
    site = make_site({"content/a.md": article(slug=PINNED, title="Rất dài " * 20, summary='"' + "Sapo dài. " * 40 + '"')})
    report = check(site)
    warnings_about(report, "the title has")
    warnings_about(report, "the sapo has")


def test_photos_no_article_uses(make_site):
    site = make_site({"content/a.md": article(slug=PINNED), "content/anh/thua.jpg": png()})
    assert warnings_about(check(site), "no article uses")[0].file == "content/anh/thua.jpg"


def test_links_to_pages_that_do_not_exist(make_site):
    site = make_site({
        "content/a.md": article(slug=PINNED, body="Mở đầu.\n\n[có](/kinh-te/) [mất](/khong-co-trang-nay/) [tệp](../b.md) "
                                "[ngoài](https://x.vn) [trang chủ](../../) [chuyên mục](../)"),
    })
    report = check(site)
    assert len(warnings_about(report, "no page of this site")) == 1
    assert "/khong-co-trang-nay/" in warnings_about(report, "no page of this site")[0].message
    warnings_about(report, "links to the file")


def test_photos_listed_but_never_shown(make_site):
    site = make_site({"content/a.md": article(slug=PINNED, images="[{src: a.png, caption: Ảnh, credit: MT}]"),
                      "content/a.png": png()})
    assert "a.png" in warnings_about(check(site), "the body never shows it")[0].message


def test_misspelt_fields_and_titles_cut_by_a_comment(make_site):
    site = make_site({"content/a.md": "---\ntitle: Giải bóng đá #1 của tỉnh\ndate: 2024-06-25\ncategory: Thời sự\n"
                                      'slug: "giai"\nsumary: "Sapo"\n---\nNội dung.\n'})
    report = check(site)
    assert "`summary`" in warnings_about(report, "`sumary` is not a field")[0].message
    warning = warnings_about(report, "read as a comment")[0]
    assert warning.line == 2


def test_an_unknown_theme_is_an_error_of_check(make_site):
    site = make_site({"content/a.md": article()}, extra_config='theme = "khong-co"')
    assert any("khong-co" in p.message for p in check(site).errors)


@pytest.mark.parametrize("one, other", [("Tỉnh ủy", "tỉnh ủy"), ("Tỉnh ủy", "Tỉnh uỷ"), ("hòa bình", "hoà bình")])
def test_tags_spelled_two_ways(make_site, one, other):
    import unicodedata
    site = make_site({
        "content/a.md": article(title="A", slug='"a"', tags=f'["{one}"]', date="2024-01-01"),
        "content/b.md": article(title="B", slug='"b"', tags=f'["{one}"]', date="2024-01-02"),
        "content/c.md": article(title="C", slug='"c"', tags=f'["{other}"]', date="2024-01-03"),
        "content/d.md": article(title="D", slug='"d"', tags=f'["{unicodedata.normalize("NFD", one)}"]', date="2024-01-04"),
    })
    warning = warnings_about(check(site), "is spelled 2 ways")
    assert [w.file for w in warning] == ["content/c.md"]
    assert f'"{one}"' in warning[0].hint


def test_authors_spelled_two_ways(make_site):
    site = make_site({
        "content/a.md": article(title="A", slug='"a"', author='"Mai Trâm"', date="2024-01-01"),
        "content/b.md": article(title="B", slug='"b"', author='"Mai Trâm"', date="2024-01-02"),
        "content/c.md": article(title="C", slug='"c"', author='"mai trâm"', date="2024-01-03"),
    })
    warning = warnings_about(check(site), "is spelled 2 ways")
    assert [w.file for w in warning] == ["content/c.md"]
    assert "author" in warning[0].message


def test_a_published_slug_that_follows_the_title(make_site):
    site = make_site({"content/a.md": article(title="Họp báo"), "content/b.md": article(title="Nháp", draft="true")})
    warning = warnings_about(check(site), "follows its title")
    assert [w.file for w in warning] == ["content/a.md"]
    assert "slug: hop-bao" in warning[0].hint


def test_a_clean_site_passes_strict(make_site):
    site = make_site({"content/a.md": article(slug=PINNED, image="{src: a.png, caption: Ảnh, credit: MT}"),
                      "content/a.png": png(1200, 800)})
    result = site.cli("check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_strict_fails_on_warnings_only_when_asked(make_site):
    site = make_site({"content/a.md": article()})
    assert site.cli("check").returncode == 0
    assert site.cli("check", "--strict").returncode == 1


def test_json_format_for_machines(make_site):
    site = make_site({"content/a.md": article(date="hôm qua"), "content/b.md": article(title="B")})
    result = site.cli("check", "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["errors"] == 1 and data["warnings"] >= 1
    error = next(p for p in data["problems"] if p["severity"] == "error")
    assert error == {"file": "content/a.md", "line": 3, "severity": "error",
                     "message": error["message"], "hint": error["hint"]}
    assert "cannot read the date" in error["message"]


def test_new_creates_a_draft_with_valid_front_matter_in_the_right_place(make_site):
    site = make_site({}, extra_config='default_author = "Ban biên tập"')
    result = site.cli("new", "Giao ban Khối Đảng quý II/2020", "--category", "Thời sự")
    assert result.returncode == 0, result.stderr
    created = site.root / "content" / "thoi-su"
    files = list(created.rglob("*.md"))
    assert len(files) == 1 and files[0].name == "giao-ban-khoi-dang-quy-ii-2020.md"
    front, _, _ = split_front_matter(files[0].read_text(encoding="utf-8"))
    fields = yaml.safe_load(front)
    assert fields["title"] == "Giao ban Khối Đảng quý II/2020"
    assert fields["slug"] == "giao-ban-khoi-dang-quy-ii-2020"
    assert fields["category"] == "Thời sự" and fields["author"] == "Ban biên tập" and fields["draft"] is True
    assert str(files[0].relative_to(site.root)) in result.stdout
    assert "http://127.0.0.1:8000/thoi-su/giao-ban-khoi-dang-quy-ii-2020-" in result.stdout
    assert check(site).errors == []
    built = site.build(drafts=True, future=True)
    assert len(built.article_paths()) == 1


def test_new_takes_the_author_option_and_the_date_in_the_site_timezone(make_site):
    from datetime import datetime, timezone
    from sitegen.new import new_article
    site = make_site({})
    created = new_article(site.root, "Tin mới", "kinh-te", "Thu Hà", now=datetime(2026, 11, 25, 20, 30, tzinfo=timezone.utc))
    text = created.path.read_text(encoding="utf-8")
    assert "date: 2026-11-26 03:30" in text and 'author: "Thu Hà"' in text
    assert created.path.parent == site.root / "content" / "kinh-te" / "2026"
    assert created.address == "/kinh-te/tin-moi-202611260330/"


def test_new_refuses_to_overwrite(make_site):
    site = make_site({})
    assert site.cli("new", "Tin trùng", "--category", "Kinh tế").returncode == 0
    path = next((site.root / "content").rglob("*.md"))
    path.write_text(path.read_text(encoding="utf-8") + "Nội dung đã viết.\n", encoding="utf-8")
    before = path.read_bytes()
    again = site.cli("new", "Tin trùng", "--category", "Kinh tế")
    assert again.returncode == 1 and "already exists" in again.stderr
    assert path.read_bytes() == before


def test_new_with_an_unknown_category_lists_the_valid_ones(make_site):
    site = make_site({})
    result = site.cli("new", "Tin", "--category", "Thể thao")
    assert result.returncode == 1 and '"Kinh tế"' in result.stderr
    assert not list((site.root / "content").rglob("*.md"))


def test_new_with_a_very_long_title_makes_an_article_that_checks(make_site):
    site = make_site()
    title = "Tỉnh ủy " + " ".join(f"chỉ đạo triển khai nhiệm vụ số {n}" for n in range(12))
    result = site.cli("new", title, "--category", "Thời sự")
    assert result.returncode == 0, result.stderr
    created = next((site.root / "content/thoi-su").rglob("*.md"))
    assert len(created.stem) <= 100
    assert site.cli("check").returncode == 0

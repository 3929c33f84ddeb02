"""Bad input: a clear message with file, line, what and how to fix; exit 1; output/ untouched."""

import pytest

from conftest import article, messages


def only(problems, fragment):
    found = [p for p in problems if fragment in p.message]
    assert found, messages(problems)
    return found[0]


def test_malformed_yaml_names_file_and_line(make_site):
    site = make_site({"content/thoi-su/a.md": '---\ntitle: "Tin\ndate: 2024-06-25\n---\nBody\n'})
    problem = only(site.build_fails(), "not valid YAML")
    assert problem.file == "content/thoi-su/a.md"
    assert problem.line in (2, 3, 4)
    assert "quotes" in problem.hint


def test_colon_in_unquoted_title_is_explained(make_site):
    site = make_site({"content/thoi-su/a.md": "---\ntitle: Hội nghị: tổng kết năm\ndate: 2024-06-25\ncategory: Thời sự\n---\nx\n"})
    problem = only(site.build_fails(), "not valid YAML")
    assert problem.line == 2
    assert "double quotes" in problem.hint


@pytest.mark.parametrize("front, field", [
    ('date: 2024-06-25\ncategory: "Thời sự"', "title"),
    ('title: ""\ndate: 2024-06-25\ncategory: "Thời sự"', "title"),
    ('title: "   "\ndate: 2024-06-25\ncategory: "Thời sự"', "title"),
    ('title: "A"\ncategory: "Thời sự"', "date"),
    ('title: "A"\ndate:\ncategory: "Thời sự"', "date"),
    ('title: "A"\ndate: 2024-06-25', "category"),
])
def test_missing_or_empty_required_field(make_site, front, field):
    site = make_site({"content/thoi-su/a.md": f"---\n{front}\n---\nBody\n"})
    problem = only(site.build_fails(), f"`{field}`")
    assert problem.file == "content/thoi-su/a.md"
    assert "missing" in problem.message or "empty" in problem.message
    assert problem.hint


@pytest.mark.parametrize("date", ["10:00", "hôm qua", "31/02/2024 08:00", "2024-02-30"])
def test_unparseable_date_gives_line_and_accepted_forms(make_site, date):
    site = make_site({"content/thoi-su/a.md": article(date=date)})
    problem = only(site.build_fails(), "`date`")
    assert problem.line == 3
    assert "25/06/2024" in problem.hint


def test_unknown_category_lists_the_valid_ones(make_site):
    site = make_site({"content/thoi-su/a.md": article(category="Thoi su moi")})
    problem = only(site.build_fails(), "unknown category")
    assert problem.line == 4
    for name in ("Thời sự", "Kinh tế", "Văn hóa - Du lịch"):
        assert name in problem.hint


def test_category_may_be_written_by_slug_or_with_other_tone_placement(make_site):
    site = make_site({
        "content/a.md": article(title="A", category="kinh-te"),
        "content/b.md": article(title="B", category="Văn hoá - Du lịch"),
        "content/c.md": article(title="C", category="thời sự"),
    })
    built = site.build()
    assert built.report.articles == 3


def test_missing_image_names_article_and_field(make_site):
    site = make_site({"content/thoi-su/a.md": article(image="{src: images/khong-co.jpg, caption: Ảnh, credit: MT}")})
    problem = only(site.build_fails(), "does not exist")
    assert problem.file == "content/thoi-su/a.md"
    assert "image.src" in problem.message and "khong-co.jpg" in problem.message
    assert problem.line == 5


def test_missing_body_image_gives_its_line(make_site):
    site = make_site({"content/thoi-su/a.md": article(body="Đoạn một.\n\nĐoạn hai.\n\n![](images/mat.jpg)\n")})
    problem = only(site.build_fails(), "does not exist")
    assert "body image" in problem.message
    assert problem.line == 11


def test_duplicate_url_names_both_files(make_site):
    site = make_site({
        "content/thoi-su/a.md": article(title="Cùng một tiêu đề"),
        "content/thoi-su/b.md": article(title="Cùng một tiêu đề"),
    })
    problem = only(site.build_fails(), "same address")
    text = str(problem)
    assert "content/thoi-su/a.md" in text and "content/thoi-su/b.md" in text


def test_duplicate_url_from_pinned_slugs(make_site):
    site = make_site({
        "content/a.md": article(title="Một", slug="trung-nhau"),
        "content/b.md": article(title="Hai", slug="trung-nhau"),
    })
    assert "same address" in messages(site.build_fails())


def test_non_utf8_file_names_the_line(make_site):
    text = article(title="Tin", body="Dòng một.\n\nDòng hai có chữ Việt.")
    site = make_site({"content/thoi-su/a.md": text.encode("utf-8").replace("hai có".encode(), "hai c\xf3".encode("cp1258"))})
    problem = only(site.build_fails(), "not UTF-8")
    assert problem.line == 9
    assert "UTF-8" in problem.hint


def test_no_front_matter(make_site):
    site = make_site({"content/thoi-su/a.md": "Chỉ có nội dung, không có phần đầu.\n"})
    problem = only(site.build_fails(), "no front matter")
    assert problem.line == 1


def test_duplicate_key_in_front_matter(make_site):
    site = make_site({"content/a.md": article(title="A").replace("---\n\n", 'title: "B"\n---\n\n', 1)})
    assert "appears twice" in messages(site.build_fails())


@pytest.mark.parametrize("field, value, fragment", [
    ("image", "{src: ../../../etc/passwd, caption: x}", "outside content"),
    ("image", "{src: /../../secret.jpg}", "outside content"),
    ("image", "{src: 'https://example.com/a.jpg'}", "not a file inside content"),
    ("image", "{src: 'file:///etc/hosts'}", "not a file inside content"),
    ("aliases", '["https://evil.example/x"]', "must be a path on this site"),
    ("aliases", '["/../../outside.html"]', "must be a path on this site"),
    ("slug", '"../../etc"', "not a valid address"),
    ("slug", '"/tmp/x"', "not a valid address"),
    ("slug", '"a/b"', "not a valid address"),
])
def test_paths_leading_outside_the_site_are_rejected(make_site, field, value, fragment):
    site = make_site({"content/thoi-su/a.md": article(**{field: value})})
    problem = only(site.build_fails(), fragment)
    assert problem.file == "content/thoi-su/a.md"


def test_every_problem_of_one_file_is_listed_at_once(make_site):
    site = make_site({"content/a.md": article(title="", date="hôm qua", draft="có lẽ", featured="[1]",
                                              author="[a, b]", image="{src: ''}")})
    fields = {p.line for p in site.build_fails()}
    assert fields == {2, 3, 5, 6, 7, 8}


def test_a_missing_body_photo_is_reported_once(make_site):
    site = make_site({"content/a.md": article(body="Mở đầu.\n\n![](mat.png)\n\nTiếp.\n\n![](mat.png)")})
    assert len([p for p in site.build_fails() if "does not exist" in p.message]) == 1


def test_all_problems_of_a_run_are_listed(make_site):
    site = make_site({
        "content/a.md": article(title="", date="hôm qua"),
        "content/b.md": article(category="Không có"),
        "content/c.md": "---\ntitle: [\n---\n",
    })
    problems = site.build_fails()
    files = {p.file for p in problems}
    assert files == {"content/a.md", "content/b.md", "content/c.md"}
    assert len(problems) >= 4


def test_cli_prints_problems_without_traceback_and_exits_1(make_site):
    site = make_site({"content/thoi-su/a.md": article(date="hôm qua"), "content/b.md": article(category="X")})
    result = site.cli("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/thoi-su/a.md:3" in result.stderr
    assert "content/b.md:4" in result.stderr
    assert "Build failed: 2 error(s)" in result.stderr


def test_failed_build_leaves_output_exactly_as_it_was(make_site):
    site = make_site({"content/thoi-su/a.md": article(title="Bài tốt")})
    built = site.build()
    before = {path: data for path, data in built.files().items()}
    mtimes = {p: p.stat().st_mtime_ns for p in built.output.rglob("*")}
    site.write("content/thoi-su/b.md", article(title="Bài lỗi", date="không rõ"))
    site.write("content/thoi-su/c.md", article(title="Bài mới hợp lệ"))
    site.build_fails()
    assert built.files() == before
    assert {p: p.stat().st_mtime_ns for p in built.output.rglob("*")} == mtimes


def test_failed_first_build_creates_no_output_folder(make_site):
    site = make_site({"content/a.md": article(date="sai")})
    site.build_fails()
    assert not (site.root / "output").exists()


@pytest.mark.parametrize("output", [".", "..", "content"])
def test_output_folder_that_would_replace_the_site_is_refused(make_site, output):
    site = make_site({"content/a.md": article()})
    before = sorted(p.relative_to(site.root.parent) for p in site.root.parent.rglob("*"))
    result = site.cli("build", "--output", output)
    assert result.returncode == 1
    assert "holds the site itself" in result.stderr
    assert sorted(p.relative_to(site.root.parent) for p in site.root.parent.rglob("*")) == before


def test_config_problems_are_reported_by_key_all_at_once(make_site):
    site = make_site(config='''
title = 42
base_url = "example.vn"
timezone = "Asia/Saigon_Moi"
per_page = 0
per_pgae = 10
[permalinks]
article = "{category}/{id}/"
[[categories]]
name = "Thời sự"
[[categories]]
name = "Thời sự"
''')
    problems = site.build_fails()
    text = messages(problems)
    for key in ("title:", "base_url:", "timezone:", "per_page:", "permalinks.article:", "categories[1]"):
        assert key in text, key
    assert all(p.file == "config.toml" for p in problems)
    assert "per_pgae" not in text  # unknown keys are warnings, not errors


def test_unknown_config_key_is_a_warning_with_a_suggestion(make_site):
    site = make_site({"content/a.md": article()}, extra_config="per_pgae = 10")
    built = site.build()
    warning = built.report.warnings[0]
    assert "per_pgae" in warning.message and "per_page" in warning.hint
    assert warning.line == 6


def test_missing_config_file(tmp_path):
    from conftest import Site
    site = Site(tmp_path)
    result = site.cli("build")
    assert result.returncode == 1
    assert "no config.toml" in result.stderr and "--source" in result.stderr

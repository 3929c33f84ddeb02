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
    ("aliases", '["file:///etc/passwd"]', "must be a path on this site or an old domain's http(s) address"),
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


# --- hostile and unlucky input: a clear error or a documented behaviour, in bounded time ----------

import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

from conftest import png

from sitegen.body_limits import MAX_NESTING
from sitegen.vietnamese import MAX_SLUG_LENGTH, slugify

BILLION_LAUGHS = "\n".join(
    ["lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)])


@pytest.mark.parametrize("extra, line", [
    (BILLION_LAUGHS, 5),                              # 473 bytes that would expand to gigabytes
    ("loop: &me [1, *me]", 5),                        # a list that contains itself
    ("video: clip.mp4\nnguon: &src TTXVN", 6),        # an anchor alone: refused too, on its line
])
def test_yaml_anchors_and_aliases_are_refused_before_expanding(make_site, extra, line):
    site = make_site({"content/thoi-su/a.md": article(**dict(l.split(": ", 1) for l in extra.split("\n")))})
    started = time.perf_counter()
    problem = only(site.build_fails(), "anchors and aliases")
    assert time.perf_counter() - started < 10
    assert problem.line == line and "write the value out in full" in problem.hint


def test_front_matter_nested_too_deeply_is_refused(make_site):
    nested = "[" * 12 + "1" + "]" * 12
    problem = only(make_site({"content/a.md": article(video=nested)}).build_fails(), "nests lists and mappings")
    assert problem.line == 5


def test_long_title_gives_an_address_cut_at_a_word(make_site):
    title = "Hội nghị tổng kết công tác xây dựng nông thôn mới tỉnh Kon Tum " * 8
    built = make_site({"content/thoi-su/a.md": article(title=title.strip())}).build()
    [path] = built.article_paths()
    slug = path.split("/")[1].rsplit("-", 1)[0]
    whole = slugify(title)
    assert len(slug) <= MAX_SLUG_LENGTH < len(whole)
    assert whole.startswith(slug + "-")  # cut between two words, never inside one
    assert len(slug) > MAX_SLUG_LENGTH - len("nghiep-")  # and no shorter than it must be


def test_pinned_slug_over_the_limit_is_an_error_with_a_shorter_one(make_site):
    slug = "-".join(["bao-cao-kinh-te"] * 10)
    problem = only(make_site({"content/a.md": article(slug=slug)}).build_fails(), "characters; an address part")
    assert problem.line == 5
    suggested = problem.hint.split("slug: ")[1].rstrip("`")
    assert len(suggested) <= MAX_SLUG_LENGTH and slug.startswith(suggested)


def test_long_tags_and_authors_get_bounded_page_addresses(make_site):
    name = "Ủy ban nhân dân tỉnh Kon Tum " * 12
    built = make_site({"content/a.md": article(tags=f'["{name}"]', author=f'"{name}"')}).build()
    for listing in ("chu-de", "tac-gia"):
        pages = [p for p in built.files() if p.startswith(f"{listing}/uy-ban") and p.endswith("index.html")]
        assert pages, built.files().keys()
        assert all(len(part) <= MAX_SLUG_LENGTH for page in pages for part in page.split("/"))


@pytest.mark.parametrize("field, value", [
    ("tags", '["!!!"]'), ("tags", '["🎉🎉"]'), ("tags", '[Kinh tế, "—"]'), ("author", '"***"'), ("author", '"🙂"'),
])
def test_tag_or_author_without_letters_or_digits_is_an_error(make_site, field, value):
    problem = only(make_site({"content/a.md": article(**{field: value})}).build_fails(), "no letters or digits")
    assert problem.line == 5 and "in words" in problem.hint


@pytest.mark.parametrize("date, what", [
    ("9999-12-31T23:59:59-23:00", "out of range"), ("0000-01-01", "not a real date"),
    ("2024-06-25T10:00:00+25:00", "offset"), ("2024-06-25T10:00:00+15:00", "offset"),
    ("1899-12-31", "out of range"), ('"31/12/2101 10:00"', "out of range"),
])
def test_dates_out_of_range_are_clear_errors(make_site, date, what):
    problem = only(make_site({"content/a.md": article(date=date)}).build_fails(), "`date`")
    assert what in problem.message and problem.line == 3


@pytest.mark.parametrize("body, fragment", [
    ("[" * 40_000, "too many '['"),
    ("Mở đầu.\n\n" + "![" * 20_000, "too many '['"),
    ("<a " * 20_000, "too many '['"),
    ("".join("`" * i + "a" for i in range(1, 1000)), "too many '['"),
    ("> " * 2000 + "trích dẫn", "levels deep"),
    ("".join("    " * i + "- mục\n" for i in range(60)), "levels deep"),
    ("- " * 500 + "mục", "levels deep"),
    ("x" * 1_000_001, "characters; sitegen reads at most"),
])
def test_pathological_bodies_are_refused_quickly(make_site, body, fragment):
    site = make_site({"content/a.md": article(body=body)})
    started = time.perf_counter()
    problem = only(site.build_fails(), fragment)
    assert time.perf_counter() - started < 10
    assert problem.file == "content/a.md" and problem.line >= 6 and problem.hint


def test_the_refused_line_is_the_one_that_nests(make_site):
    body = "Đoạn một.\n\n> trích\n" + ">" * (MAX_NESTING + 1) + " quá sâu\n"
    problem = only(make_site({"content/a.md": article(body=body)}).build_fails(), "levels deep")
    assert problem.line == 10  # front matter 1-5, a blank line, then the body: its 4th line


def test_bodies_under_the_limits_still_render(make_site):
    body = ("Giá cà phê [tăng](/kinh-te/) và <b>giảm</b>, `mã` " * 40 + "\n\n") * 20 \
        + ">" * MAX_NESTING + " trích\n\n" + "\\[" * 5000
    built = make_site({"content/thoi-su/a.md": article(body=body)}).build()
    [path] = built.article_paths()
    assert built.text(path).count("<blockquote>") == MAX_NESTING


def test_nfd_photo_names_match_nfc_front_matter_and_back(make_site):
    nfd = unicodedata.normalize("NFD", "ảnh-đêm hội.png")
    site = make_site({
        f"content/thoi-su/{nfd}": png(),
        "content/thoi-su/a.md": article(image='"ảnh-đêm hội.png"', body="![Đêm hội](ảnh-đêm%20hội.png)"),
    }, extra_config="[photos]\npublish_originals = true")
    built = site.build()
    [path] = built.article_paths()
    media = [p for p in built.files() if p.startswith("media/")]
    assert unicodedata.normalize("NFC", "media/thoi-su/ảnh-đêm hội.png") in media  # with its renditions
    assert "media/thoi-su/anh-dem-hoi-4x3-" in built.text(path)


def test_percent_escapes_in_body_image_paths_resolve_to_the_file(make_site):
    site = make_site({
        "content/thoi-su/images/le hoi 100%.png": png(),
        "content/thoi-su/images/a%20b.png": png(),
        "content/thoi-su/a.md": article(body="![Lễ hội](images/le%20hoi%20100%25.png)\n\n![Thật](images/a%20b.png)"),
    }, extra_config="[photos]\npublish_originals = true")
    built = site.build()
    media = sorted(p for p in built.files() if p.startswith("media/") and p.endswith(".png"))  # the originals
    # the literal name wins when a file is really called that way
    assert media == ["media/thoi-su/images/a%20b.png", "media/thoi-su/images/le hoi 100%.png"]
    missing = site.write("content/thoi-su/b.md", article(title="B", body="![x](images/khong%20co.png)"))
    problem = only(site.build_fails(), "does not exist")
    assert "'images/khong%20co.png'" in problem.message and missing.name == "b.md"


# --- files sitegen cannot read or write; the exit codes -------------------------------------------

def cli_as_user(site, *args, timeout=120):
    """The real command, with root's power to ignore file permissions taken away (as an editor runs it)."""
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, "-m", "sitegen.cli", *args], cwd=site.root,
                          capture_output=True, text=True, timeout=timeout)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built_site(make_site):
    site = make_site({"content/thoi-su/a.md": article(title="Bài một"),
                      "content/kinh-te/2024/b.md": article(title="Bài hai", category="Kinh tế")})
    assert site.cli("build").returncode == 0
    return site, snapshot(site.root / "output")


@pytest.mark.parametrize("target, fragment", [
    ("content/kinh-te", "content/kinh-te: error: this folder cannot be read"),
    ("content/kinh-te/2024/b.md", "content/kinh-te/2024/b.md: error: this file cannot be read"),
    ("config.toml", "config.toml: error: config.toml cannot be read"),
])
@pytest.mark.parametrize("command", ["build", "check"])
def test_unreadable_folder_or_file_is_an_error_not_a_silent_skip(built_site, target, fragment, command):
    site, before = built_site
    path = site.root / target
    # Copied in with the wrong permissions: a new file time (a chmod alone leaves the last build's
    # output standing, "up to date", since its bytes cannot have changed).
    os.utime(path)
    path.chmod(0)
    try:
        result = cli_as_user(site, command)
    finally:
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert result.returncode == 1, result.stderr
    assert fragment in result.stderr and "chmod" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site.root / "output") == before


def test_unreadable_template_is_an_error_naming_it(built_site):
    site, before = built_site
    template = site.write("templates/article.html", "{% extends '!default/article.html' %}")
    template.chmod(0)
    result = cli_as_user(site, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "templates/article.html: error: this theme file cannot be read" in result.stderr
    assert snapshot(site.root / "output") == before


def test_template_mistake_is_a_problem_on_its_line(built_site):
    site, before = built_site
    site.write("templates/article.html", "{% extends '!default/article.html' %}\n{% set x = 1 / 0 %}\n")
    result = site.cli("build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "templates/article.html:2: error: template error" in result.stderr and "ZeroDivisionError" in result.stderr


def test_read_only_output_is_exit_1_with_the_path_and_a_hint(built_site):
    site, before = built_site
    site.write("content/thoi-su/c.md", article(title="Bài mới"))
    output = site.root / "output"
    releases = site.root / ".output-releases"  # where a build writes: output/ links into it
    folders = [releases, *(p for p in releases.rglob("*") if p.is_dir() and not p.is_symlink())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        result = cli_as_user(site, "build")
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "Permission denied" in result.stderr and "output" in result.stderr and "--output" in result.stderr
    assert "Traceback" not in result.stderr and "Internal error" not in result.stderr
    assert snapshot(output) == before


def test_full_disk_is_exit_1_with_a_hint(make_site, tmpfs):
    tiny_disk = tmpfs("64k")  # a real file system, which a site's pages fill up
    files = {f"content/thoi-su/{n}.md": article(title=f"Bài số {n}", body="Nội dung dài. " * 400) for n in range(40)}
    site = make_site(files)
    result = site.cli("build", "--output", str(tiny_disk / "output"), "--no-cache")
    assert result.returncode == 1, result.stderr
    assert "No space left on device" in result.stderr and "free some space" in result.stderr
    assert "Traceback" not in result.stderr


def test_unexpected_exception_is_an_internal_error_exit_70(make_site):
    # A command that fails the way a bug would: the group around every command must catch it.
    site = make_site({"content/a.md": article()})
    code = ("import sys\nfrom sitegen.cli import main\n"
            "@main.command('hong')\ndef hong():\n    {}['không có']\n"
            "sys.argv = ['sitegen', 'hong']\nmain()\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=site.root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 70
    assert "Internal error: this is a bug in sitegen (please report it, with the details below)" in result.stderr
    assert "Traceback" in result.stderr and "KeyError" in result.stderr


def test_ctrl_c_during_an_import_is_still_exit_130(built_site):
    # Ctrl-C came, in CI, while a stage's module was imported, inside the exec() with which
    # dataclasses write their methods: the message was printed, yet `python -m` died of SIGINT (-2).
    site, _ = built_site
    site.write("ngat.py", "from sitegen.cli import main\n"
                          "@main.command('ngat')\ndef ngat():\n    exec('raise KeyboardInterrupt')\n"
                          "if __name__ == '__main__':\n    main()\n")
    result = subprocess.run([sys.executable, "-m", "ngat", "ngat"], cwd=site.root, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 130, result.stderr
    assert result.stderr.strip() == "Interrupted. output/ holds the last complete build."


def test_ctrl_c_is_exit_130_and_output_stays(built_site):
    site, before = built_site
    for n in range(5000):  # enough work that the build is still running when Ctrl-C comes
        site.write(f"content/thoi-su/moi-{n}.md", article(title=f"Bài mới {n}", body="Đoạn văn. " * 300))
    # SIGINT as a terminal gives it: an ignored SIGINT inherited from the test process (seen in the
    # whole suite, cause not found) would leave Python without its Ctrl-C handler.
    process = subprocess.Popen([sys.executable, "-m", "sitegen.cli", "build", "--jobs", "1"], cwd=site.root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # Ctrl-C half a second after the build took its lock (it writes its pid there): reading 5,000
    # articles on one core takes several seconds.  A fixed wait from the start was too short for
    # a loaded machine and too long for an idle one, whose build had ended by then.
    lock, deadline = site.root / ".sitegen-cache/lock", time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline and \
            not (lock.exists() and lock.read_text().strip() == str(process.pid)):
        time.sleep(0.01)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Interrupted" in stderr and "Traceback" not in stderr
    after = snapshot(site.root / "output")
    if after != before:  # the files were already moving into place: then the move was finished
        assert site.cli("build", "--no-cache", "--output", "fresh").returncode == 0
        assert {rel: data for rel, (data, _) in after.items()} == \
            {rel: data for rel, (data, _) in snapshot(site.root / "fresh").items()}

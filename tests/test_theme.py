"""A site overrides any template or static file by name, and can extend the default explicitly."""

import subprocess
import sys

from conftest import article


def test_site_template_overrides_the_default(make_site):
    site = make_site({
        "content/a.md": article(),
        "templates/404.html": '{% extends "base.html" %}{% block content %}<h1>Lạc đường rồi</h1>{% endblock %}',
    })
    built = site.build()
    assert built.html("404.html").h1.get_text() == "Lạc đường rồi"
    assert built.html("404.html").select_one("nav.menu")  # still the default's base layout


def test_a_template_edited_between_two_builds_in_one_process_is_used_as_edited(make_site):
    # As `sitegen serve` rebuilds after a save: compiled templates are kept in the process, and an
    # edit of the same file, even one of the same length, must still reach the pages.
    site = make_site({"content/a.md": article(),
                      "templates/404.html": '{% extends "base.html" %}{% block content %}<h1>Lạc đường A</h1>{% endblock %}'})
    assert site.build().html("404.html").h1.get_text() == "Lạc đường A"
    site.write("templates/404.html", '{% extends "base.html" %}{% block content %}<h1>Lạc đường B</h1>{% endblock %}')
    assert site.build().html("404.html").h1.get_text() == "Lạc đường B"


def test_site_template_extends_the_defaults_own_version(make_site):
    site = make_site({
        "content/a.md": article(),
        "templates/article.html": '{% extends "!default/article.html" %}'
                                  '{% block content %}<p class="banner">Quảng cáo</p>{{ super() }}{% endblock %}',
    })
    built = site.build()
    page = built.html(built.article_paths()[0])
    assert page.select_one("p.banner").get_text() == "Quảng cáo"
    assert page.h1.get_text() == "Tin thử nghiệm"


def test_site_partial_override_reaches_every_page_using_it(make_site):
    site = make_site({"content/a.md": article()})
    from sitegen.theme import builtin_themes_dir
    base = (builtin_themes_dir() / "default/templates/base.html").read_text(encoding="utf-8")
    site.write("templates/base.html", base.replace("Bỏ qua, đến nội dung chính", "Đến nội dung"))
    built = site.build()
    for path in ["", "thoi-su/", built.article_paths()[0], "luu-tru/"]:
        assert built.html(path).select_one(".skip-link").get_text() == "Đến nội dung"


def test_site_static_file_overrides_and_adds(make_site):
    site = make_site({
        "content/a.md": article(),
        "static/css/style.css": "body { color: black; }",
        "static/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    })
    built = site.build()
    assert built.text("static/css/style.css") == "body { color: black; }"
    assert built.exists("static/logo.svg")


def test_a_named_theme_in_the_site_falls_back_to_the_default(make_site):
    site = make_site({
        "content/a.md": article(),
        "themes/xanh/templates/category.html": '{% extends "base.html" %}{% block content %}<h1>Xanh: {{ category.name }}</h1>{% endblock %}',
    }, extra_config='theme = "xanh"')
    built = site.build()
    assert built.html("thoi-su/").h1.get_text() == "Xanh: Thời sự"
    assert built.html("").select_one(".featured")


def test_unknown_theme_is_a_config_error(make_site):
    site = make_site({"content/a.md": article()}, extra_config='theme = "khong-co"')
    problems = site.build_fails()
    assert problems[0].file == "config.toml" and "khong-co" in problems[0].message


def test_template_mistake_points_at_the_template_line(make_site):
    site = make_site({"content/a.md": article(), "templates/404.html": "<p>\n{{ site.khong_co_bien }}\n</p>"})
    problems = site.build_fails()
    assert problems[0].file == "templates/404.html" and problems[0].line == 2
    assert "khong_co_bien" in problems[0].message


def test_one_story_keeps_the_teaser_each_place_asks_for_within_one_build(make_site):
    # Teasers are made once per render process and reused (`remembered`): each place must still get
    # its own kind: a tag listing's h2 with the category, the category's own listing without it,
    # and an article's "Tin cùng chuyên mục" box an h3 without the summary.
    site = make_site({
        "content/a.md": article(title="Lúa mùa được giá", tags="[Nông nghiệp]", summary='"Giá lúa tăng."'),
        "content/b.md": article(title="Họp bàn mùa vụ", date="2024-06-26 08:00"),
    })
    built = site.build(jobs=1)
    story = lambda soup: next(t for t in soup.select("article.teaser") if "Lúa mùa được giá" in t.get_text())
    on_tag = story(built.html("chu-de/nong-nghiep/index.html"))
    assert on_tag.select_one("h2.teaser-title") and on_tag.select_one('a[href="/thoi-su/"]')
    assert on_tag.select_one(".teaser-summary").get_text() == "Giá lúa tăng."
    in_category = story(built.html("thoi-su/index.html"))
    assert in_category.select_one("h2.teaser-title") and not in_category.select_one('.teaser-meta a[href="/thoi-su/"]')
    beside = story(built.html(next(p for p in built.article_paths() if "hop-ban" in p) + "index.html"))
    assert beside.select_one("h3.teaser-title") and not beside.select_one(".teaser-summary")


_BUILD_SAYING_WHAT_IS_COMPILED = """
import sys, jinja2
from sitegen.cli import main
compile_for_real = jinja2.Environment.compile
def compile(self, source, name=None, *args, **kwargs):
    print("compiled", name, file=sys.stderr, flush=True)
    return compile_for_real(self, source, name, *args, **kwargs)
jinja2.Environment.compile = compile
sys.argv = ["sitegen", "build"]
main()
"""


def test_a_build_in_a_new_process_takes_the_templates_the_last_one_compiled_and_compiles_an_edited_one(make_site):
    site = make_site({"content/a.md": article(title="Một")})
    build = lambda: subprocess.run([sys.executable, "-c", _BUILD_SAYING_WHAT_IS_COMPILED], cwd=site.root,
                                   capture_output=True, text=True, check=True).stderr
    assert "compiled article.html" in build()
    site.write("content/a.md", article(title="Một", body="Nội dung đã sửa."))
    assert "compiled" not in build()
    site.write("templates/article.html", '{% extends "!default/article.html" %}{% block content %}<p>Sửa mẫu</p>{% endblock %}')
    site.write("content/a.md", article(title="Một", body="Sửa lần nữa."))
    said = build()
    assert "compiled article.html" in said and "compiled !default/article.html" not in said
    page = next(p for p in (site.root / "output").rglob("index.html") if "Sửa mẫu" in p.read_text("utf-8"))
    assert "Một" in page.read_text("utf-8")

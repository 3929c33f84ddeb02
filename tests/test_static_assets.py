"""The theme's files under content-hashed names, and the cache rules hosts get for them
(`_headers`, `nginx-cache.conf`, served by a real nginx)."""

from __future__ import annotations

import re

from conftest import article
from test_addresses import get, nginx  # noqa: F401  (nginx: the fixture)


def _stylesheet(built, page: str = "") -> str:
    return built.html(page).find("link", rel="stylesheet")["href"]


def test_pages_name_the_stylesheet_by_its_bytes_and_a_change_gives_a_new_name(make_site):
    site = make_site({"content/a.md": article()})
    built = site.build()
    first = _stylesheet(built)
    assert re.fullmatch(r"/static/v/css/style\.[0-9a-f]{10}\.css", first), first
    assert built.path(first[1:]).read_bytes() == built.path("static/css/style.css").read_bytes()
    assert _stylesheet(built, built.article_paths()[0]) == first
    # A site's own style.css (an override) is other bytes: every page names the new file.
    site.write("static/css/style.css", "body { color: #123; }\n")
    built = site.build()
    second = _stylesheet(built)
    assert second != first and built.text(second[1:]) == "body { color: #123; }\n"
    assert _stylesheet(built, built.article_paths()[0]) == second
    assert not built.exists(first[1:])  # the old name is gone with its bytes
    # The theme's logo too (masthead and icon); structured data keep its plain, stable address.
    logo = built.html("").find("img", class_="logo")["src"]
    assert re.fullmatch(r"/static/v/logo\.[0-9a-f]{10}\.png", logo) and built.exists(logo[1:])
    assert built.html("").find("link", rel="icon")["href"] == logo


def test_hashed_names_carry_the_sub_path(make_site):
    built = make_site({"content/a.md": article()}, base_url="https://example.vn/bao/").build()
    assert _stylesheet(built).startswith("/bao/static/v/css/style.")
    assert "/bao/static/v/*" in built.text("_headers").splitlines()


def test_a_template_naming_a_file_the_theme_lacks_is_the_themes_error(make_site):
    site = make_site({"content/a.md": article(),
                      "templates/home.html": '{% extends "base.html" %}{% block head %}'
                                             '<script src="{{ asset("js/khong-co.js") }}"></script>{% endblock %}'})
    [problem] = site.build_fails()
    assert problem.file == "templates/home.html" and problem.line == 1
    assert "no static file 'js/khong-co.js'" in problem.message


def test_hosts_keep_hashed_files_a_year_and_pages_five_minutes(make_site, nginx):  # noqa: F811
    built = make_site({"content/a.md": article(aliases='["/cu.html"]')}).build()
    headers = built.text("_headers")
    assert "/static/v/*\n  Cache-Control: public, max-age=31536000, immutable\n" in headers
    # The one rule for every path sets no Cache-Control: Netlify and Cloudflare join values of rules
    # that match one path, and the hashed files' would become "max-age=31536000, ..., max-age=300".
    everything = headers[headers.index("\n/*\n"):]
    assert "Cache-Control" not in everything

    port = nginx(built.output)
    css = get(port, _stylesheet(built))
    assert css.status == 200 and css.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    page = get(port, "/" + built.article_paths()[0])
    assert page.status == 200 and page.getheader("Cache-Control") == "public, max-age=300"
    assert page.getheader("X-Content-Type-Options") == "nosniff"
    assert get(port, "/static/css/style.css").getheader("Cache-Control") == "public, max-age=300"
    assert get(port, "/cu.html").status == 301  # beside the redirect map

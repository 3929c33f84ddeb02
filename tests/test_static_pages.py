"""The paper's own pages (content/pages/: Giới thiệu, Liên hệ, ...): published at their address,
listed in every footer, with errors an editor can act on."""

from __future__ import annotations

from conftest import NOW, article, refused_by_build_and_check

from sitegen.build import BuildOptions
from sitegen.check import check_site


def page(title: str, body: str = "Nội dung trang.", **fields) -> str:
    lines = ["---", f"title: {title}", *(f"{k}: {v}" for k, v in fields.items()), "---", "", body, ""]
    return "\n".join(lines)


def test_pages_are_published_and_listed_in_every_footer_in_their_order(make_site):
    built = make_site({
        "content/a.md": article(),
        "content/pages/lien-he.md": page("Liên hệ", "**Tòa soạn:** 1 Trần Hưng Đạo.", order=2),
        "content/pages/gioi-thieu.md": page("Giới thiệu", "## Lịch sử\n\nBáo ra số đầu năm 1976.", order=1,
                                            summary="Về tờ báo"),
        "content/pages/dieu-khoan.md": page("Điều khoản sử dụng", slug="dieu-khoan", order=3),
    }).build()
    about = built.html("gioi-thieu/")
    assert about.h1.get_text() == "Giới thiệu"
    assert about.find("h2", string="Lịch sử") and "Báo ra số đầu năm 1976." in about.get_text()
    assert about.find("meta", attrs={"name": "description"})["content"] == "Về tờ báo"
    assert built.html("lien-he/").strong.get_text() == "Tòa soạn:"
    assert built.exists("dieu-khoan/") and not built.exists("dieu-khoan-su-dung/")
    for where in ("", built.article_paths()[0], "gioi-thieu/"):
        footer = built.html(where).find("footer")
        links = [(a.get_text(), a["href"]) for a in footer.find_all("a") if a["href"] in
                 ("/gioi-thieu/", "/lien-he/", "/dieu-khoan/")]
        assert links == [("Giới thiệu", "/gioi-thieu/"), ("Liên hệ", "/lien-he/"), ("Điều khoản sử dụng", "/dieu-khoan/")]
    # A page is not an article: not on the home page, in a category, a feed or the archive.
    assert "Giới thiệu" not in built.text("rss/tin-moi-nhat.rss")
    assert built.article_paths() == ["thoi-su/tin-thu-nghiem-202406251518/"]
    assert "/gioi-thieu/" in built.text("sitemap.xml")


def test_a_page_with_article_fields_or_no_title_is_refused_with_its_line(make_site):
    site = make_site({
        "content/a.md": article(),
        "content/pages/a.md": "---\ntitle: Giới thiệu\ncategory: Thời sự\n---\nNội dung.\n",
        "content/pages/b.md": "---\nsummary: Không có tên\n---\nNội dung.\n",
        "content/pages/c.md": "---\ntitle: Liên hệ\norder: đầu tiên\n---\n![](anh.jpg)\n",
    })
    problems = sorted(site.build_fails(), key=lambda p: (p.file, p.line or 0))
    assert [(p.file, p.line) for p in problems] == [
        ("content/pages/a.md", 3), ("content/pages/b.md", 1), ("content/pages/c.md", 3), ("content/pages/c.md", 5)]
    assert "`category` is not a field of a page" in problems[0].message
    assert "`title` is missing" in problems[1].message
    assert "not a whole number" in problems[2].message
    assert "cannot show photos" in problems[3].message
    checked = [p for p in check_site(site.root, BuildOptions(now=NOW)).problems if p.severity == "error"]
    assert sorted((p.file, p.line or 0) for p in checked) == [(p.file, p.line or 0) for p in problems]


def test_a_page_at_a_categorys_address_is_refused(make_site):
    site = make_site({"content/a.md": article(), "content/pages/kinh-te.md": page("Kinh tế")})
    [problem] = site.build_fails()
    assert "/kinh-te/" in problem.message and "content/pages/kinh-te.md" in (problem.file + problem.message)


def test_a_page_that_is_a_link_to_a_file_outside_the_site_is_refused(make_site, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Bí mật\n---\nMật khẩu máy chủ.\n", encoding="utf-8")
    site = make_site({"content/a.md": article(), "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nBáo.\n"})
    (site.root / "content/pages/bi-mat.md").symlink_to(secret)
    refused_by_build_and_check(site, "content/pages/bi-mat.md: error: is not a plain file (a link or a folder)")

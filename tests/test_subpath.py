"""A base_url with a sub-path: every internal link and asset carries it and leads to a file."""

from urllib.parse import parse_qsl, unquote, urlsplit

from conftest import article, png


SHARE_HOSTS = {"www.facebook.com", "sp.zalo.me"}


def test_every_internal_link_works_under_a_sub_path(make_site):
    site = make_site({
        "content/thoi-su/a.md": article(title="Bài A", tags='["Đắk Tô"]', author="Mai Trâm",
                                        image="{src: a.png, caption: Ảnh A, credit: MT}",
                                        body="Đoạn mở đầu.\n\nXem [chuyên mục kinh tế](/kinh-te/).\n\n![](a.png)"),
        "content/thoi-su/a.png": png(),
        "content/kinh-te/b.md": article(title="Bài B", category="Kinh tế", date="2023-01-02 08:00",
                                        aliases='["/tin-cu/b.html"]'),
        **{f"content/x/{i}.md": article(title=f"Tin {i}", date=f"2022-05-{i + 1:02d}") for i in range(5)},
    }, base_url="https://example.vn/bao/")
    built = site.build()
    checked = 0
    for page in built.output.rglob("*.html"):
        soup = built.html(page.relative_to(built.output).as_posix())
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href")):
            for element in soup.find_all(tag):
                url = urlsplit(element.get(attr, ""))
                if url.netloc in SHARE_HOSTS:  # the theme's share links: they carry the page's address
                    [shared] = [v for k, v in parse_qsl(url.query) if k in ("u", "url")]
                    url = urlsplit(shared)
                if url.scheme in ("http", "https"):
                    assert url.netloc == "example.vn" and url.path.startswith("/bao/"), element
                    path = url.path
                elif url.path.startswith("/"):
                    path = url.path
                else:
                    continue
                assert path.startswith("/bao/"), (page, element)
                target = built.output / unquote(path[len("/bao/"):])
                if path.endswith("/"):
                    target = target / "index.html"
                assert target.is_file(), (page, element)
                checked += 1
    assert checked > 200
    assert built.html("").select_one("link[rel=canonical]")["href"] == "https://example.vn/bao/"


def test_a_site_relative_link_in_a_body_gets_the_sub_path(make_site):
    site = make_site({
        "content/a.md": article(title="Bài A", body="Đoạn mở đầu.\n\nXem [tin kinh tế](/kinh-te/), "
                                "[bài cũ](/luu-tru/2023/), [trang khác](https://example.org/kinh-te/) và "
                                "[ảnh gốc](//cdn.example.org/kinh-te/)."),
        "content/b.md": article(title="Bài B", category="Kinh tế", date="2023-01-02 08:00"),
    }, base_url="https://example.vn/bao/")
    built = site.build()
    body = built.html("thoi-su/bai-a-202406251518/").select_one(".article-body")
    links = {a.get_text(): a["href"] for a in body.find_all("a")}
    assert links == {"tin kinh tế": "/bao/kinh-te/", "bài cũ": "/bao/luu-tru/2023/",
                     "trang khác": "https://example.org/kinh-te/", "ảnh gốc": "//cdn.example.org/kinh-te/"}
    assert built.exists("kinh-te/") and built.exists("luu-tru/2023/")

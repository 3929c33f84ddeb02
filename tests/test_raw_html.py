"""Raw HTML in article bodies: what is cut, what the editor is told, what survives untouched.

The policy lives in sitegen/rawhtml.py; these tests build real sites and look at the published page
(parsed with BeautifulSoup) and at the warnings of `sitegen build` and `sitegen check`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import NOW, article, copy_sample, png, seed_renditions
from sitegen.build import BuildOptions, build
from sitegen.check import check_site
from sitegen.markup import BodyRenderer
from sitegen.rawhtml import BodySanitiser

PAGE = "thoi-su/tin-thu-nghiem-202406251518/"
SOURCE = "content/thoi-su/a.md"
LEAD = "Đoạn mở đầu của bài viết."
FIRST_LINE = 9
"""The file line of what follows LEAD in `body(...)`: 5 front-matter lines, a blank line, LEAD, a blank."""


def body(snippet: str) -> str:
    return f"{LEAD}\n\n{snippet}\n\nĐoạn kết."


def article_body(built) -> object:
    return built.html(PAGE).select_one(".article-body")


def warnings_about(problems, fragment: str) -> list:
    found = [p for p in problems if p.severity == "warning" and fragment in p.message]
    assert found, f"no warning about {fragment!r} in {[str(p) for p in problems]}"
    return found


# (what the editor pasted, what the page must not hold, the warning's words, the hint's words)
REMOVED = {
    "script": ('<script>alert("bị hack")</script>', lambda b: b.find("script") or "bị hack" in b.text,
               "<script> removed", "<iframe> embed code"),
    "onerror handler": ('<img src="/anh/logo.png" alt="Logo" onerror="alert(1)">',
                        lambda b: b.find(attrs={"onerror": True}), "`onerror` removed from <img>", "delete the attribute"),
    "handler set by an attribute list": ('Đoạn có sự kiện.\n{: onclick="alert(1)" }',
                                         lambda b: b.find(attrs={"onclick": True}), "`onclick` removed from <p>", ""),
    "javascript: link": ("[bấm vào đây](javascript:alert(1))",
                         lambda b: b.find("a", href=True) or "bấm vào đây" not in b.text,
                         "link to 'javascript:alert(1)' removed", "https://"),
    "javascript: link hidden by an entity": ('<a href="java&#x09;script:alert(1)">xem</a>',
                                             lambda b: b.find("a", href=True), "removed (its text is kept)", ""),
    "javascript: link after spaces": ('<a href=" \tjavascript:alert(1)">xem</a>', lambda b: b.find("a", href=True),
                                      "removed (its text is kept)", ""),
    "vbscript: link": ('<a href="VBScript:msgbox(1)">xem</a>', lambda b: b.find("a", href=True), "'VBScript:msgbox(1)'", ""),
    "style element": ("<style>body { display: none }</style>", lambda b: b.find("style") or "display" in b.text,
                      "<style> removed", "the theme sets the look"),
    "form": ('<form action="https://lua-dao.example.com/"><input name="mat-khau"><button>Gửi</button></form>',
             lambda b: b.find(["form", "input", "button"]) or "Gửi" in b.text, "<form> removed", "link to the form"),
    "iframe from a host not allowed": ('<iframe src="https://quang-cao.example.com/x"></iframe>',
                                       lambda b: b.find("iframe"), "<iframe> from quang-cao.example.com removed",
                                       "iframes from quang-cao.example.com are not allowed; add the host to [embeds] hosts in config.toml"),
    "iframe with an unreadable address": ('<iframe src="https://[video.example.com/x"></iframe>', lambda b: b.find("iframe"),
                                          "without a readable address", "embed code again"),
    "iframe over http": ('<iframe src="http://www.youtube.com/embed/abc"></iframe>', lambda b: b.find("iframe"),
                         "an embed must load over https", "https://"),
    "video over http": ('<video src="http://cdn.example.com/a.mp4"></video>', lambda b: b.find("video", src=True),
                        "browsers block http files on an https page", "static/"),
    "data: photo": ('<img src="data:image/png;base64,iVBORw0KGgo=" alt="Ảnh">', lambda b: b.find("img"),
                    "embedded 'data:' address removed", "![chú thích](images/anh.jpg)"),
    "object": ('<object data="/phim.swf"><embed src="/phim.swf"></object>', lambda b: b.find(["object", "embed"]),
               "<object> removed", "<iframe> embed code"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://lua-dao.example.com/">',
                     lambda b: b.find("meta"), "<meta> removed", "<head>"),
}


@pytest.mark.parametrize("snippet, present, message, hint", REMOVED.values(), ids=REMOVED.keys())
def test_what_the_policy_removes_is_absent_from_the_page_and_a_warning(make_site, snippet, present, message, hint):
    site = make_site({SOURCE: article(body=body(snippet)), "content/anh/logo.png": png()})
    built = site.build()
    content = article_body(built)
    assert not present(content), content
    assert "Đoạn kết." in content.text  # the rest of the body is published
    warning = warnings_about(built.report.warnings, message)[0]
    assert (warning.file, warning.line) == (SOURCE, FIRST_LINE + snippet.count("\n"))  # a {: list} is on the 2nd line
    assert hint in warning.hint


def test_sitegen_build_prints_the_warning_and_succeeds_check_strict_fails(make_site):
    site = make_site({SOURCE: article(body=body('<p>Xem <a href="javascript:void(0)" onclick="mo()">ảnh</a></p>'))})
    built = site.cli("build", "--no-progress")
    assert built.returncode == 0, built.stderr
    assert f"{SOURCE}:{FIRST_LINE}: warning: `onclick` removed from <a>" in built.stderr
    assert f"{SOURCE}:{FIRST_LINE}: warning: link to 'javascript:void(0)' removed" in built.stderr
    assert (site.root / "output" / PAGE / "index.html").is_file()
    assert site.cli("check").returncode == 0
    strict = site.cli("check", "--strict")
    assert strict.returncode == 1
    assert f"{SOURCE}:{FIRST_LINE}: warning: `onclick` removed from <a>" in strict.stdout + strict.stderr


def test_errors_still_stop_the_build_and_the_warnings_are_listed_with_them(make_site):
    site = make_site({SOURCE: article(body=body("<script>x()</script>")),
                      "content/thoi-su/b.md": article(title="Bài hỏng", date="hôm qua")})
    problems = site.build_fails()
    assert [p.severity for p in problems if "<script>" in p.message] == ["warning"]
    assert any(p.severity == "error" and "cannot read the date" in p.message for p in problems)


def test_cached_articles_give_the_same_warnings_as_fresh_reads(make_site):
    site = make_site({SOURCE: article(body=body("<script>x()</script>\n\n<b onmouseover='x()'>đậm</b>"))})
    fresh = site.build()
    again = site.build()
    assert again.report.parsed == 0  # read from the cache
    assert [str(p) for p in again.report.warnings] == [str(p) for p in fresh.report.warnings]
    assert len(fresh.report.warnings) == 2
    checked = check_site(site.root, BuildOptions(now=NOW))
    assert {str(p) for p in fresh.report.warnings} <= {str(p) for p in checked.warnings}


YOUTUBE = ('<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x&amp;start=5" '
           'frameborder="0" allow="accelerometer; autoplay; camera; clipboard-write; encrypted-media; geolocation; '
           'gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" '
           'loading="eager" style="border:0" onload="x()" allowfullscreen></iframe>')


def test_an_embed_from_an_allowed_host_survives_lazy_titled_and_with_only_harmless_permissions(make_site):
    site = make_site({SOURCE: article(body=body(YOUTUBE + '\n\n<iframe src="https://www.google.com/maps/embed?pb=1" '
                                                'title="Bản đồ xã Đắk Mar"></iframe>'))})
    built = site.build()
    video, map_ = article_body(built).find_all("iframe")
    assert video.attrs == {
        "width": "560", "height": "315", "src": "https://www.youtube.com/embed/dQw4w9WgXcQ?si=x&start=5",
        "allow": "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share",
        "referrerpolicy": "strict-origin-when-cross-origin", "allowfullscreen": "", "loading": "lazy",
        "title": "Nội dung nhúng từ www.youtube.com",
    }
    assert map_["title"] == "Bản đồ xã Đắk Mar" and map_["loading"] == "lazy"
    assert [p.message for p in built.report.warnings] == ["`onload` removed from <iframe>: articles cannot run scripts"]


def test_video_and_audio_play_only_when_the_reader_asks(make_site):
    snippet = ('<video src="https://cdn.baongoclinh.vn/le-hoi.mp4" poster="/static/le-hoi.jpg" autoplay muted loop '
               'width="640"></video>\n\n<audio autoplay><source src="/static/phong-su.mp3" type="audio/mpeg"></audio>')
    content = article_body(make_site({SOURCE: article(body=body(snippet))}).build())
    video, audio = content.find("video"), content.find("audio")
    assert video.attrs == {"src": "https://cdn.baongoclinh.vn/le-hoi.mp4", "poster": "/static/le-hoi.jpg",
                           "muted": "", "loop": "", "width": "640", "controls": ""}
    assert audio.attrs == {"controls": ""} and audio.source.attrs == {"src": "/static/phong-su.mp3", "type": "audio/mpeg"}


def test_the_embed_hosts_come_from_config_and_a_change_reaches_cached_articles(make_site):
    files = {SOURCE: article(body=body('<iframe src="https://video.baongoclinh.vn/v/12" title="Phóng sự"></iframe>\n\n'
                                       '<iframe src="https://www.youtube.com/embed/abc" title="Clip"></iframe>'))}
    site = make_site(files)
    frames = [f["src"] for f in article_body(site.build()).find_all("iframe")]
    assert frames == ["https://www.youtube.com/embed/abc"]
    config = (site.root / "config.toml").read_text(encoding="utf-8")
    site.write("config.toml", config + '\n[embeds]\nhosts = ["video.baongoclinh.vn"]\n')
    built = site.build()  # same article file, cache kept: only the config changed
    assert [f["src"] for f in article_body(built).find_all("iframe")] == ["https://video.baongoclinh.vn/v/12"]
    assert "iframes from www.youtube.com are not allowed" in warnings_about(built.report.warnings, "<iframe>")[0].hint


@pytest.mark.parametrize("hosts, fragment", [
    ('["https://www.youtube.com/"]', 'write the host alone, e.g. "www.youtube.com"'),
    ('"www.youtube.com"', "must be a list of host names"),
    ('["www.youtube.com", 12]', "12 is not a host name"),
    ('["https://[www.youtube.com/"]', "is not a host name"),
])
def test_embed_hosts_that_are_not_host_names_are_config_errors(make_site, hosts, fragment):
    site = make_site({SOURCE: article()}, extra_config=f"[embeds]\nhosts = {hosts}\n")
    problems = site.build_fails()
    assert any(p.file == "config.toml" and p.message.startswith("embeds.hosts") and fragment in str(p) for p in problems), problems


def test_old_cms_formatting_is_unwrapped_silently_keeping_its_text(make_site):
    snippet = ('<div class="content" style="text-align:justify"><font face="Arial" color="red">Chữ đỏ</font> '
               '<span style="color:blue">chữ xanh</span> <center>giữa</center> <b style="font-size:20px">đậm</b></div>')
    built = make_site({SOURCE: article(body=body(snippet))}).build()
    content = article_body(built)
    assert content.find(["div", "font", "span", "center"]) is None
    assert content.find(style=True) is None and content.find(class_=True) is None
    assert "Chữ đỏ chữ xanh giữa đậm" in content.text and content.find("b").text == "đậm"
    assert built.report.warnings == []


def test_links_to_other_sites_get_noopener_and_keep_an_editors_sponsored(make_site):
    snippet = ("[Báo Nhân Dân](https://nhandan.vn/) · [quảng cáo](https://shop.example.com/){: rel=\"sponsored bookmark\"} · "
               "[Thời sự](/thoi-su/) · [thư](mailto:toasoan@baongoclinh.vn) · [gọi](tel:02603800000)")
    links = {a.text: a for a in article_body(make_site({SOURCE: article(body=body(snippet))}).build()).find_all("a")}
    assert links["Báo Nhân Dân"]["rel"] == ["noopener"]
    assert links["quảng cáo"]["rel"] == ["sponsored", "noopener"]
    assert not links["Thời sự"].has_attr("rel") and links["Thời sự"]["href"] == "/thoi-su/"
    assert links["thư"]["href"] == "mailto:toasoan@baongoclinh.vn" and not links["thư"].has_attr("rel")
    assert links["gọi"]["href"] == "tel:02603800000"


RICH_MARKDOWN = """\
# Đắk Tô vào mùa

## Đắk Tô vào mùa

Cà phê *được mùa*, **được giá**; giá tăng `12%` so với năm 2023.[^1]
Dòng hai có ngắt dòng  
và <abbr title="Hợp tác xã">HTX</abbr> với H<sub>2</sub>O, m<sup>2</sup>, <mark>điểm nhấn</mark>.

![](images/ca-phe.png)

![Phơi cà phê](images/phoi.png "Cà phê phơi trên sân")

> Trích dẫn ý kiến của người dân.
>
> — Ông A Thái

| Xã | Sản lượng (tấn) | Giá |
|:---|---:|:-:|
| Đắk Mar | 1.200 | 110.000đ |
| Ngọc Tụ | 950 | 108.000đ |

3. Bước ba
4. Bước bốn
    - ý nhỏ

Xem [trang Thời sự](/thoi-su/ "Thời sự") hoặc gửi thư cho [tòa soạn](mailto:toasoan@baongoclinh.vn).

    mã_lệnh = "giữ nguyên <b>"

***

### Tiểu mục {#tieu-muc-rieng}

Đoạn cuối & hết.
"""


def test_what_our_markdown_makes_passes_the_policy_byte_for_byte(make_site):
    site = make_site({SOURCE: article(body=RICH_MARKDOWN, images='[{src: images/ca-phe.png, caption: "Thu hái cà phê.", credit: "TH"}]'),
                      "content/thoi-su/images/ca-phe.png": png(), "content/thoi-su/images/phoi.png": png()})
    built = site.build()
    content = article_body(built)
    assert content.select_one("figure.photo figcaption span.credit").text == "Ảnh: TH"
    assert [h["id"] for h in content.find_all(["h2", "h3"])] == ["dak-to-vao-mua", "dak-to-vao-mua_1", "tieu-muc-rieng"]
    assert [c.get("style") for c in content.find("tr").find_all("th")] == ["text-align: left;", "text-align: right;", "text-align: center;"]
    assert content.find("ol")["start"] == "3"
    assert built.report.warnings == []
    # The same body through Python-Markdown alone: the policy changed no byte of it.
    renderer = BodyRenderer("/")
    photos = {"images/ca-phe.png": ("/media/thoi-su/images/ca-phe.png", None), "images/phoi.png": ("/media/thoi-su/images/phoi.png", None)}
    published = renderer.render(RICH_MARKDOWN, photos.get)
    assert published.html == renderer.convert(RICH_MARKDOWN, photos.get)[0]
    assert published.removed == ()


def test_every_article_of_the_sample_portal_is_published_as_before_the_policy(tmp_path, monkeypatch, sample_build):
    """The sample portal's articles are plain newsroom Markdown: the policy must not move a byte."""
    site = tmp_path / "site"
    copy_sample(site, sample_build[2])
    for cache in ("cache-after", "cache-before"):  # a cache each: pages rendered anew, photos not encoded again
        seed_renditions(sample_build[2], tmp_path / cache)
    after = build(site, tmp_path / "after", BuildOptions(now=NOW, jobs=1, cache_dir=tmp_path / "cache-after"))
    assert after.warnings == []
    with monkeypatch.context() as patch:
        patch.setattr(BodySanitiser, "clean", lambda self, html, body: (html, ()))  # Python-Markdown's bytes alone
        build(site, tmp_path / "before", BuildOptions(now=NOW, jobs=1, cache_dir=tmp_path / "cache-before"))
    pages = sorted(p.relative_to(tmp_path / "after") for p in (tmp_path / "after").rglob("index.html")
                   if 'class="article"' in p.read_text(encoding="utf-8"))
    assert len(pages) >= 40
    for page in pages:
        assert (tmp_path / "after" / page).read_bytes() == (tmp_path / "before" / page).read_bytes(), page


def test_the_same_body_gives_the_same_bytes_in_every_build(make_site, tmp_path):
    site = make_site({SOURCE: article(body=body(YOUTUBE + "\n\n<div><span>giữ</span> <script>x()</script>"
                                                '<a href="https://a.example.com/" rel="nofollow ugc sponsored">a</a></div>'))})
    pages = []
    for seed in ("1", "2"):
        output = tmp_path / f"out-{seed}"
        run = subprocess.run([sys.executable, "-m", "sitegen.cli", "build", "--no-cache", "--no-progress", "-o", str(output)],
                             cwd=site.root, capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        pages.append((output / PAGE / "index.html").read_bytes())
    assert pages[0] == pages[1]


HOSTILE_TITLE = '</script><script>alert("tiêu đề")</script> Tỉnh ủy & <b>"Đắk Tô"</b>'
HOSTILE_SAPO = '<img src=x onerror=alert(1)> sapo </title></head>'
HOSTILE_CAPTION = '<script>alert("chú thích")</script> Cà phê <i>chín</i>'
HOSTILE_CREDIT = '</figcaption><b>TH</b>'
HOSTILE_TAG = '<svg onload=alert(1)>'


def test_titles_sapos_captions_credits_and_tags_are_printed_as_text(make_site):
    """Front-matter text is never HTML: every template escapes it, and the JSON-LD holds it exactly."""
    quoted = lambda text: json.dumps(text, ensure_ascii=False)  # a YAML double-quoted string
    front = {"summary": quoted(HOSTILE_SAPO), "tags": f"[{quoted(HOSTILE_TAG)}, Cà phê]", "author": quoted("<u>Thu Hà</u>"),
             "image": f"{{src: images/anh.png, caption: {quoted(HOSTILE_CAPTION)}, credit: {quoted(HOSTILE_CREDIT)}}}",
             "slug": "tin-thu-nghiem"}
    text = article(title="x", body="Nội dung.", **front).replace('title: "x"', f"title: {quoted(HOSTILE_TITLE)}")
    site = make_site({SOURCE: text, "content/thoi-su/images/anh.png": png()})
    built = site.build()
    page = built.html("thoi-su/tin-thu-nghiem-202406251518/")
    assert page.select_one("h1.article-title").text == HOSTILE_TITLE
    assert page.select_one("p.sapo").text == HOSTILE_SAPO
    caption = page.select_one("figure.lead-photo figcaption")
    assert caption.text == f"{HOSTILE_CAPTION} Ảnh: {HOSTILE_CREDIT}"
    assert [li.text for li in page.select("nav.tags li")] == [HOSTILE_TAG, "Cà phê"]
    assert page.title.text.startswith(HOSTILE_TITLE)
    assert page.find("meta", property="og:title")["content"] == HOSTILE_TITLE
    # None of it became markup: the only scripts are the theme's JSON-LD and files; no element from the text.
    assert page.find(["b", "i", "u", "svg"]) is None and page.find(attrs={"onerror": True}) is None
    assert all(s.get("type") == "application/ld+json" or s.get("src") for s in page.find_all("script"))
    data = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    news = next(d for d in data if d.get("@type") == "NewsArticle")
    assert news["headline"] == HOSTILE_TITLE
    assert news.get("description", HOSTILE_SAPO) == HOSTILE_SAPO
    for rel in ("", "thoi-su/", "chu-de/", "tac-gia/"):  # listings print titles, sapos, tags and authors too
        listing = built.html(rel)
        assert listing.find(["b", "i", "u", "svg"]) is None and listing.find(attrs={"onerror": True}) is None, rel
        assert all(s.get("type") == "application/ld+json" or s.get("src") for s in listing.find_all("script")), rel

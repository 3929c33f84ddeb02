"""The sample portal judged by the real clients' tools: the Nu Html Checker, an HTTP link check under
a sub-path, axe-core in Chromium, and the search page driven in Chromium."""

import io
import json
import subprocess
import threading
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from PIL import Image

from sitegen.build import BuildOptions, build

from conftest import NOW, REPO, copy_sample, serving

TOOLS = REPO / "tests" / "js" / "node_modules"
SUB_PATH = "/bao/"


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves output/ under /bao/ only, as a host would serve a paper below a sub-path."""

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__not_under_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory, sample_build):
    """The sample portal built for http://127.0.0.1:<port>/bao/ and served there for real."""
    site = copy_sample(tmp_path_factory.mktemp("served") / "site", sample_build[2])
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_SubPathHandler, directory=str(site / "output")))
    base = f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    config = (REPO / "config.toml").read_text(encoding="utf-8")
    config = config.replace('base_url = "https://baongoclinh.example.vn/"', f'base_url = "{base}"')
    assert base in config
    (site / "config.toml").write_text(config, encoding="utf-8")
    build(site, None, BuildOptions(now=NOW))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, site / "output"
    server.shutdown()


def test_nu_html_checker_finds_no_error_on_any_page(served):
    _, output = served
    pages = sorted(str(p) for p in output.rglob("*.html"))
    kinds = {"index.html", "404.html"} | {p.split("/output/")[1].split("/")[0] for p in pages}
    assert {"thoi-su", "luu-tru", "chu-de", "tac-gia", "tim-kiem", "rss", "tin-tuc"} <= kinds
    vnu = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '').split('/output/')[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == [], "\n".join(errors[:30])
    assert len(pages) > 150


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and ((tag in ("a", "link") and name == "href") or (tag in ("img", "script") and name == "src")):
                self.found.append(value)


def test_no_broken_internal_link_or_missing_asset_under_a_sub_path(served):
    base, _ = served
    seen, queue, broken, fetched, seen_from = set(), [base], [], 0, {}
    while queue:
        url = queue.pop()
        try:
            with urlopen(url, timeout=10) as response:
                body = response.read()
                kind = response.headers.get_content_type()
            fetched += 1
        except HTTPError as error:
            broken.append(f"{url} ({error.code}) linked from {seen_from.get(url)}")
            continue
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.found:
            target = urljoin(url, link).split("#")[0]
            if target.startswith("http://127.0.0.1") and target not in seen:
                seen.add(target)
                seen_from[target] = url
                queue.append(target)
    assert broken == [], "\n".join(broken[:20])
    assert fetched > 250


def _axe(page):
    page.add_script_tag(path=str(TOOLS / "axe-core" / "axe.min.js"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def test_axe_finds_no_serious_or_critical_violation(served, browser):
    base, output = served
    article = next(p for p in output.joinpath("thoi-su").iterdir() if p.is_dir() and p.name != "trang-2")
    pages = ["", f"thoi-su/{article.name}/", "kinh-te/", "luu-tru/", "luu-tru/2025/", "luu-tru/2025/10/",
             "chu-de/ca-phe/", "tac-gia/", "tim-kiem/?q=dai+hoi", "404.html", "rss/",
             "gioi-thieu/", "cai-chinh/", "thoi-su/tam-dung-tuyen-xe-buyt-so-3-202611201015/", "video/",
             "van-hoa-du-lich/video-vong-xoang-dem-khai-mac-lien-hoan-cong-chieng-202211270715/",
             "podcast/", "thoi-su/ban-tin-phat-thanh-sang-25-11-202611250600/",
             "dan-toc-mien-nui/anh-mot-ngay-o-lang-dak-rang-202503150800/",
             "kinh-te/emagazine-sam-ngoc-linh-tu-rung-gia-den-phien-cho-202606201000/"]
    report = {}
    for width in (412, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for path in pages:
            answer = page.goto(base + path)
            assert answer.status == 200, path  # not a 404 page checked in its place
            if path.startswith("tim-kiem"):
                page.wait_for_selector(".search-result")
            violations = _axe(page)
            if violations:
                report[f"{width}px /{path}"] = violations
        page.close()
    assert report == {}, json.dumps(report, ensure_ascii=False, indent=1)


def _search(page, base, query):
    page.goto(base)
    page.fill("#tim-nhanh", query)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/**")
    page.wait_for_function("/^(Tìm thấy|Không)/.test(document.getElementById('trang-thai-tim-kiem').textContent)")
    return page.locator(".search-result h2").all_text_contents()


def test_search_finds_articles_by_queries_without_diacritics(served, browser):
    base, _ = served
    page = browser.new_page()
    titles = _search(page, base, "dai hoi")
    assert titles and all("Đại hội" in t or "đại hội" in t.lower() for t in titles[:4]), titles
    assert any("Tu Mơ Rông" in t for t in _search(page, base, "tu mo rong")[:3])
    dak_to = _search(page, base, "dak to")
    assert "Đắk Tô" in dak_to[0], dak_to
    exact = _search(page, base, "Đắk Tô")
    assert "Đắk Tô" in exact[0]
    page.click(".search-result a >> nth=0")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == exact[0]
    page.close()


def test_search_results_can_be_filtered_by_category_with_the_keyboard(served, browser):
    base, _ = served
    page = browser.new_page()
    page.goto(base + "tim-kiem/")
    assert page.evaluate("document.activeElement.id") == "tu-khoa"
    page.keyboard.type("ca phe")
    page.keyboard.press("Tab")
    page.keyboard.press("End")       # the select: last category
    page.select_option("#chuyen-muc", label="Kinh tế")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('trang-thai-tim-kiem').textContent.includes('Kinh tế')")
    metas = page.locator(".search-result .teaser-meta").all_text_contents()
    assert metas and all(m.startswith("Kinh tế") for m in metas), metas
    assert "chuyen-muc=Kinh" in page.url
    page.close()


def test_the_checkers_do_catch_mistakes(tmp_path, browser):
    """The harness itself: a page with known faults fails both checkers (so a pass above means something)."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html><head><title>x</title></head><body><p><div>lồng sai</div></p>'
                   '<a href="/"><img src="x.png"></a><p style="color:#bbb;background:#fff">mờ</p></body></html>',
                   encoding="utf-8")
    vnu = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--format", "json", str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]
    page = browser.new_page()
    page.goto(bad.as_uri())
    found = {v["id"] for v in _axe(page)}
    assert {"image-alt", "color-contrast"} <= found, found
    page.close()


def test_search_puts_pages_with_the_syllables_side_by_side_first(make_site, browser):
    """"dai hoi" is "đại hội" where the two syllables stand together: such a page comes first even
    when Pagefind ranks it below seventy pages that hold "dài" and "hội" apart, heavily (titles)."""
    from conftest import article
    files = {f"content/{n}.md": article(title=f"Hội thi chạy đường dài số {n}", date=f"2024-05-{n % 28 + 1:02d} 08:{n % 60:02d}",
                                        body="Hội thi đường dài diễn ra sôi nổi. " * 5)
             for n in range(70)}
    files["content/dai-hoi.md"] = article(title="Tin tổng hợp trong tuần", date="2024-05-15 07:00",
                                          summary="Những tin đáng chú ý của tỉnh trong tuần qua.",
                                          body="Nhiều việc trong tuần. " * 10 + "Sáng nay khai mạc đại hội đại biểu.")
    built = make_site(files).build()
    with serving(built.output) as base:
        page = browser.new_page()
        page.goto(f"{base}tim-kiem/?q=dai+hoi")
        page.wait_for_function("/^(Tìm thấy|Không)/.test(document.getElementById('trang-thai-tim-kiem').textContent)")
        titles = page.locator(".search-result h2").all_text_contents()
        assert titles[0] == "Tin tổng hợp trong tuần", titles[:3]
        assert len(titles) > 1 and all(t.startswith("Hội thi") for t in titles[1:])
        page.close()



def test_a_result_that_matches_only_in_its_body_shows_the_match_and_its_thumbnail(make_site, browser):
    """Under each result: the sapo where the title or sapo holds the query, otherwise the words
    around the match in the body, marked; a result with a photo shows its thumbnail, one without none."""
    from conftest import article
    photo = io.BytesIO()
    Image.new("RGB", (1600, 1000), (40, 120, 60)).save(photo, "JPEG", quality=85)
    # The index holds the first 60 words of a body (SEARCH_WORDS): the match is the 32nd.
    deep = ("Buổi sáng, các đại biểu đến từ khắp các huyện. " * 3 + "Chiều cùng ngày khai mạc đại hội "
            "đại biểu Hội Nông dân tỉnh lần thứ X. " + "Các tham luận được trình bày. " * 12)
    files = {
        "content/thoi-su/hop.md": article(title="Nông dân tỉnh bàn kế hoạch năm mới", date="2024-05-02 08:00",
                                          summary='"Nông dân các huyện góp ý vào kế hoạch sản xuất."',
                                          image="\n  src: ruong.jpg\n  alt: Cánh đồng lúa chín", body=deep),
        "content/thoi-su/ruong.jpg": photo.getvalue(),
        "content/kinh-te/co-dong.md": article(title="Đại hội cổ đông công ty cà phê", category="Kinh tế",
                                              date="2024-05-01 08:00", summary='"Cổ đông thông qua kế hoạch."',
                                              body="Nội dung ngắn."),
    }
    built = make_site(files).build()
    with serving(built.output) as base:
        page = browser.new_page(viewport={"width": 390, "height": 900})
        page.goto(f"{base}tim-kiem/?q=dai+hoi")
        page.wait_for_function("/^(Tìm thấy|Không)/.test(document.getElementById('trang-thai-tim-kiem').textContent)")
        results = {r.locator("h2").inner_text(): r for r in page.locator(".search-result").all()}
        assert set(results) == {"Nông dân tỉnh bàn kế hoạch năm mới", "Đại hội cổ đông công ty cà phê"}
        deep_one = results["Nông dân tỉnh bàn kế hoạch năm mới"]
        shown = deep_one.locator(".teaser-summary").inner_text()
        assert shown.startswith("… ") and "khai mạc đại hội đại biểu Hội Nông dân" in shown, shown
        assert {"đại", "hội"} <= {m.lower() for m in deep_one.locator(".teaser-summary mark").all_text_contents()}
        title_one = results["Đại hội cổ đông công ty cà phê"]
        assert title_one.locator(".teaser-summary").inner_text() == "Cổ đông thông qua kế hoạch."
        assert title_one.locator("img").count() == 0
        thumb = deep_one.locator(".search-thumb img")
        assert thumb.count() == 1
        expect_loaded = thumb.evaluate("i => new Promise(r => i.complete ? r(i.naturalWidth) : i.onload = () => r(i.naturalWidth))")
        assert expect_loaded > 0
        src = urlsplit(thumb.get_attribute("src")).path
        assert (built.output / src.lstrip("/")).is_file() and not src.endswith("ruong.jpg"), src
        page.close()


def test_the_search_form_fits_the_longest_category_on_a_phone_and_a_desktop(served, browser):
    base, _ = served
    for width in (320, 390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(base + "tim-kiem/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        room, longest = page.locator("#chuyen-muc").evaluate("""s => {
            const style = getComputedStyle(s), pen = document.createElement("canvas").getContext("2d");
            pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const box = s.getBoundingClientRect();
            // Chromium keeps about 20 px of the inner width for the arrow.
            const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
            return [box.right <= innerWidth ? room : -1, Math.max(...[...s.options].map(o => pen.measureText(o.text).width))];
        }""")
        assert room >= longest - 1, f"{width} px: {room:.0f} px of room for a {longest:.0f} px category name"
        page.close()

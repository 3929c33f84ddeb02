"""The reader's portal in a real browser (issue 11): what a reader notices on a phone and a laptop.
The sample portal is built once for the module and served over HTTP; the home-page layouts are
small inline sites."""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ZONE, article, png

CATEGORIES = 10
"""Sections in the sample's menu (config.toml)."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serving(folder: Path):
    """`folder` served at http://127.0.0.1:<port>/ while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def portal(sample_build):
    """The sample portal as the session built it, served at http://127.0.0.1:<port>/ (its pages link
    by path; canonical addresses stay on its own domain): (base URL, output, its article pages)."""
    output = sample_build[1]
    with serving(output) as port:
        yield f"http://127.0.0.1:{port}/", output, _articles(output)


def _articles(output: Path) -> list[tuple[str, BeautifulSoup]]:
    """(path, parsed page) of every article page."""
    found = []
    for path in sorted(output.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        if 'class="article"' in text:
            soup = BeautifulSoup(text, "html.parser")
            if soup.select_one("article.article .article-body"):
                found.append((path.parent.relative_to(output).as_posix() + "/", soup))
    return found


def _an_article(articles) -> str:
    return next(rel for rel, soup in articles if soup.select_one(".same-category"))


SITE = "https://baongoclinh.example.vn/"
"""The sample's base_url (config.toml): its canonical addresses."""


@pytest.fixture
def phone(browser):
    def open_page(width: int, **options):
        context = browser.new_context(viewport={"width": width, "height": 720}, has_touch=True, is_mobile=True,
                                      timezone_id="Asia/Ho_Chi_Minh", **options)
        contexts.append(context)
        return context.new_page()
    contexts = []
    yield open_page
    for context in contexts:
        context.close()


# --- the menu -------------------------------------------------------------------------------------

def _menu_links(page):
    return page.locator("nav.menu .menu-list a")


@pytest.mark.parametrize("width", [320, 390])
def test_the_phone_menu_opens_and_closes_by_keyboard_and_by_touch_and_reaches_every_section(portal, phone, width):
    base, _, _ = portal
    page = phone(width)
    page.goto(base)
    toggle = page.locator(".menu-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than the phone
    box = toggle.bounding_box()
    assert box["width"] >= 40 and box["height"] >= 40  # a thumb's target
    assert not _menu_links(page).first.is_visible()

    # Keyboard: Enter opens and moves focus into the menu; Escape closes and gives focus back.
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('.menu-list') !== null")
    links = _menu_links(page)
    assert links.count() == CATEGORIES + 2  # Trang chủ, every section, Lưu trữ
    for i in range(links.count()):
        link = links.nth(i)
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert link.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= width, link.inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.menu-list') !== null")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
    assert not links.first.is_visible()

    # Touch: a tap opens it, a tap on a section goes there.
    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true"
    last = page.locator("nav.menu .menu-list a", has_text="Dân tộc - Miền núi")
    last.scroll_into_view_if_needed()
    last.tap()
    page.wait_for_url("**/dan-toc-mien-nui/")
    assert page.locator("h1").inner_text() == "Dân tộc - Miền núi"
    # The bar stays at hand while the reader scrolls.
    page.evaluate("window.scrollTo(0, 3000)")
    page.wait_for_function("window.scrollY > 1000")
    assert page.locator(".menu-toggle").bounding_box()["y"] < 60


def test_the_desktop_menu_is_one_row_and_the_rest_is_under_khac(portal, browser):
    base, _, _ = portal
    page = browser.new_page(viewport={"width": 1366, "height": 800})
    page.goto(base)
    rows = page.evaluate("""() => [...document.querySelectorAll('.menu-list > li')]
        .filter(li => li.offsetParent !== null).map(li => Math.round(li.getBoundingClientRect().top))""")
    assert len(rows) >= 6 and len(set(rows)) == 1, rows
    nav_height = page.locator(".navbar").bounding_box()["height"]
    assert nav_height < 60
    # Every section is in the row or under "Khác", which opens and closes by keyboard.
    shown = page.locator(".menu-list > li:not(.menu-more) > a").all_inner_texts()
    more = page.locator(".more-toggle")
    search = page.locator("#tim-nhanh").bounding_box()  # search is in the bar too, not above or below it
    bar = page.locator(".navbar").bounding_box()
    assert bar["y"] <= search["y"] and search["y"] + search["height"] <= bar["y"] + bar["height"]
    assert more.is_visible()
    more.focus()
    page.keyboard.press("Enter")
    assert more.get_attribute("aria-expanded") == "true"
    hidden = page.locator(".more-list a")
    assert all(hidden.nth(i).is_visible() for i in range(hidden.count()))
    assert len(shown) + hidden.count() == CATEGORIES + 2
    assert page.evaluate("document.activeElement.closest('.more-list') !== null")
    page.keyboard.press("Escape")
    assert more.get_attribute("aria-expanded") == "false" and not hidden.first.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('more-toggle')")
    page.close()


def test_without_javascript_every_section_is_shown_and_nothing_is_left_empty(portal, browser):
    base, output, articles = portal
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(base)
    links = _menu_links(page)
    assert all(links.nth(i).is_visible() for i in range(links.count())) and links.count() == CATEGORIES + 2
    assert not page.locator(".menu-toggle").is_visible() and not page.locator("#hom-nay").is_visible()
    page.goto(base + _an_article(articles))
    assert page.locator(".rail-latest a", has_text="Xem tin mới nhất").is_visible()
    assert not page.locator(".copy-link").is_visible() and page.locator(".share-zalo").is_visible()
    context.close()


# --- the date line and times ----------------------------------------------------------------------

def test_the_date_line_shows_today_in_vietnamese_and_todays_stories_only_their_time(portal, browser):
    base, output, articles = portal
    context = browser.new_context(viewport={"width": 1366, "height": 800}, timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.clock.set_fixed_time(datetime(2026, 12, 2, 10, 30, tzinfo=ZONE))
    page.goto(base)
    assert page.locator("#hom-nay").inner_text() == "Thứ Tư, 2/12/2026"
    page.clock.set_fixed_time(datetime(2026, 11, 25, 20, 0, tzinfo=ZONE))  # the sample's newest story's day
    page.reload()
    assert page.locator("#hom-nay").inner_text() == "Thứ Tư, 25/11/2026"
    times = page.locator(".latest .latest-time").all_inner_texts()
    assert times[0] == "06:00" and re.fullmatch(r"\d\d/\d\d \d\d:\d\d", times[1]), times
    context.close()


# --- the home page ----------------------------------------------------------------------------------

VARIANTS = {"one each, photos": (1, "all"), "three each, no photo": (3, "none"),
            "three each, mixed": (3, "mixed"), "many, mixed": (9, "mixed"), "many, photos": (9, "all")}


def _variant_site(make_site, per_category: int, photos: str):
    files = {}
    categories = ["Thời sự", "Kinh tế", "Văn hóa - Du lịch"]
    for c, category in enumerate(categories):
        for n in range(per_category):
            fields = {"featured": "true" if n < 2 else "false",
                      "summary": '"Tóm tắt của bài, đủ dài để chiếm hai dòng trong một khung tin trên trang chủ."'}
            with_photo = photos == "all" or (photos == "mixed" and (n + c) % 2 == 0)
            if with_photo:
                fields["image"] = f"{{src: p{c}{n}.png, caption: Ảnh số {n}, credit: PV}}"
                files[f"content/p{c}{n}.png"] = png(600, 400)
            files[f"content/{c}-{n}.md"] = article(
                title=f"Tin {category} số {n}", category=category, date=f"2024-06-{n + 1:02d} 0{c}:30", **fields)
    return make_site(files, extra_config="home_latest = 6\nhome_featured = 3\nhome_per_category = 6")


HOLES = """(containers) => {
  // A hole: a square of 100 px in a container that no child's box touches.
  const found = [];
  for (const container of document.querySelectorAll(containers)) {
    const box = container.getBoundingClientRect();
    const kids = [...container.children].map(c => c.getBoundingClientRect()).filter(r => r.width && r.height);
    const covered = (x, y) => kids.some(r => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1);
    const step = 10, side = 100;
    for (let y = box.top; y + side <= box.bottom; y += step) {
      for (let x = box.left; x + side <= box.right; x += step) {
        let empty = true;
        for (let dy = 0; empty && dy <= side; dy += step)
          for (let dx = 0; empty && dx <= side; dx += step) if (covered(x + dx, y + dy)) empty = false;
        if (empty) { found.push(`${container.className} at ${Math.round(x - box.left)},${Math.round(y - box.top)}`); y = box.bottom; break; }
      }
    }
  }
  return found;
}"""
CONTAINERS = ".home-top, .featured, .category-block, .card-row, .latest"


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_home_page_shows_no_story_twice_and_leaves_no_hole(make_site, browser, variant):
    built = _variant_site(make_site, *VARIANTS[variant]).build()
    home = built.html("")
    links = [a["href"] for a in home.select("main .teaser-title a")]
    assert len(links) == len(set(links)), [h for h in links if links.count(h) > 1]
    per_category = VARIANTS[variant][0]
    assert len(links) == min(3 * per_category, 3 + 6 + 3 * 6)  # every story has its one place, while there is room
    with serving(built.output) as port:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        for width in (1366, 1024, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_load_state("load")
            assert page.evaluate(HOLES, CONTAINERS) == [], (variant, width)
            sizes = page.evaluate("[...document.querySelectorAll('main .teaser')].map(t => t.getBoundingClientRect().width)")
            assert min(sizes) > 150, (variant, width, sizes)
        page.close()


# --- the article page --------------------------------------------------------------------------------

def test_share_links_and_the_copy_button_carry_the_canonical_address(portal, browser):
    base, output, articles = portal
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    path = _an_article(articles)
    page.goto(base + path)
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == SITE + path
    facebook = urlsplit(page.locator("a.share-facebook").get_attribute("href"))
    assert (facebook.netloc, facebook.path) == ("www.facebook.com", "/sharer/sharer.php")
    assert parse_qs(facebook.query) == {"u": [canonical]}
    zalo = urlsplit(page.locator("a.share-zalo").get_attribute("href"))
    assert zalo.netloc == "sp.zalo.me" and parse_qs(zalo.query) == {"url": [canonical]}
    page.locator(".copy-link").click()
    page.wait_for_function("document.querySelector('.tool-status').textContent.includes('sao chép')")
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    # No script of a third party, nothing sent elsewhere.
    assert all(urlsplit(s).netloc in ("", urlsplit(base).netloc)
               for s in page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)"))
    context.close()


def _body_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('.article-body')).fontSize)")


def test_the_readers_type_size_is_kept_from_page_to_page(portal, browser):
    base, output, articles = portal
    first, second = [rel for rel, _ in articles][:2]
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(base + first)
    normal = _body_size(page)
    page.locator(".font-larger").click()
    page.locator(".font-larger").click()
    larger = _body_size(page)
    assert larger > normal * 1.2
    page.goto(base + second)
    assert _body_size(page) == larger
    page.locator(".font-smaller").click()
    page.reload()
    assert normal < _body_size(page) < larger
    context.close()


def test_the_rail_has_the_newest_stories_beside_the_article_and_below_it_on_a_phone(portal, browser):
    base, output, articles = portal
    path = _an_article(articles)
    page = browser.new_page(viewport={"width": 1366, "height": 800})
    page.goto(base + path)
    items = page.locator(".rail-latest .latest-item a")
    items.first.wait_for()
    assert 3 <= items.count() <= 6 and "/" + path not in [items.nth(i).get_attribute("href") for i in range(items.count())]
    rail, main = page.locator(".rail").bounding_box(), page.locator(".article-main").bounding_box()
    assert rail["x"] > main["x"] + main["width"] - 1 and rail["y"] < main["y"] + 200  # beside, at the top
    page.set_viewport_size({"width": 390, "height": 800})
    rail, main = page.locator(".rail").bounding_box(), page.locator(".article-main").bounding_box()
    assert rail["y"] >= main["y"] + main["height"] - 1
    page.close()


def test_picked_stories_come_above_the_automatic_ones(portal, browser):
    base, output, articles = portal
    path = next(rel for rel, soup in articles if soup.select_one(".picked"))
    page = browser.new_page(viewport={"width": 1366, "height": 800})
    page.goto(base + path)
    picked, other = page.locator("#tin-lien-quan").bounding_box(), page.locator("#chuyen-muc-khac").bounding_box()
    assert picked["y"] < other["y"]
    page.close()


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_a_450_word_article_with_one_photo_prints_on_two_a4_pages_with_its_address(portal, browser):
    base, output, articles = portal
    candidates = []
    for rel, soup in articles:
        article_tag = soup.select_one("article.article")
        words = len(article_tag.select_one(".article-body").get_text(" ").split())
        if len(article_tag.select("figure")) == 1 and words <= 500:
            candidates.append((words, rel))
    words, path = max(candidates)
    assert words >= 350, candidates
    page = browser.new_page()
    page.goto(base + path)
    pdf = page.pdf(format="A4", print_background=False)
    assert _pages(pdf) <= 2, (path, words, _pages(pdf))
    page.emulate_media(media="print")
    source = page.locator(".print-source")
    assert source.is_visible() and SITE + path in source.inner_text() and "Báo Ngọc Linh" in source.inner_text()
    for unwanted in (".navbar", ".search-box", ".article-tools", ".rail", ".tags", ".related", ".site-footer"):
        assert not page.locator(unwanted).first.is_visible(), unwanted
    assert page.locator(".site-title").is_visible() and page.locator("figure").is_visible()
    # The harness counts pages: three forced pages are three.
    page.set_content('<p>1</p><p style="break-before: page">2</p><p style="break-before: page">3</p>')
    assert _pages(page.pdf(format="A4")) == 3
    page.close()

"""The breaking-news banner ("Tin nóng", content/tin-nong.md): on the home page between its times,
on every other page through tin-nong.json and the pages' script, in `next-change`, and its errors."""

from __future__ import annotations

import json
from datetime import datetime

from conftest import NOW, ZONE, article, refused_by_build_and_check, serving

from sitegen.build import BuildOptions
from sitegen.questions import next_change

ARTICLE = "thoi-su/tin-thu-nghiem-202406251518/"


def banner(text="Bão số 5 đổ bộ: cập nhật liên tục", link="/thoi-su/tin-thu-nghiem-202406251518/",
           start="2026-11-26 07:00", end="2026-11-27 18:00", extra="") -> str:
    lines = ["---", f'text: "{text}"'] + ([f"link: {link}"] if link else []) + ([f"start: {start}"] if start else [])
    return "\n".join(lines + ([f"end: {end}"] if end else []) + ([extra] if extra else []) + ["---", ""])


def test_the_banner_is_on_the_home_page_between_its_times_and_in_the_file_the_pages_read(make_site):
    site = make_site({"content/a.md": article(), "content/tin-nong.md": banner()})
    built = site.build()
    home = built.html("index.html")
    bar = home.select_one("aside.tin-nong")
    assert bar is not None and "has-banner" in home.body["class"]
    assert bar.select_one("a.tin-nong-text")["href"] == f"/{ARTICLE}"
    assert bar.select_one("a.tin-nong-text").get_text() == "Bão số 5 đổ bộ: cập nhật liên tục"
    assert bar["data-end"] == "2026-11-27T18:00:00+07:00"
    assert json.loads(built.text("tin-nong.json")) == {
        "text": "Bão số 5 đổ bộ: cập nhật liên tục", "url": f"/{ARTICLE}",
        "start": "2026-11-26T07:00:00+07:00", "end": "2026-11-27T18:00:00+07:00"}
    # Not an article; the other pages carry no banner of their own, only where to read it.
    assert built.report.articles == 1
    page = built.html(ARTICLE + "index.html")
    assert page.select_one(".tin-nong") is None and page.body["data-banner"] == "/tin-nong.json"

    before = site.build(now=datetime(2026, 11, 26, 6, 59, tzinfo=ZONE))
    assert before.html("index.html").select_one(".tin-nong") is None
    after = site.build(now=datetime(2026, 11, 27, 18, 0, tzinfo=ZONE))
    assert after.html("index.html").select_one(".tin-nong") is None
    assert "has-banner" not in after.html("index.html").body["class"]


def test_without_a_banner_the_file_says_so_and_a_link_follows_the_base_path(make_site):
    site = make_site({"content/a.md": article()}, base_url="https://example.vn/bao/")
    assert site.build().text("tin-nong.json") == "{}\n"
    site.write("content/tin-nong.md", banner(start=""))
    built = site.build()
    assert json.loads(built.text("tin-nong.json"))["url"] == f"/bao/{ARTICLE}"
    assert built.html("index.html").select_one(".tin-nong a")["href"] == f"/bao/{ARTICLE}"


def test_next_change_includes_the_banner_appearing_and_going(make_site):
    site = make_site({"content/a.md": article(date="2020-01-01 08:00"),
                      "content/tin-nong.md": banner(start="2026-11-26 12:00", end="2026-11-26 20:00")})
    assert next_change(site.root, BuildOptions(now=NOW)) == datetime(2026, 11, 26, 12, 0, tzinfo=ZONE)
    assert next_change(site.root, BuildOptions(now=datetime(2026, 11, 26, 13, 0, tzinfo=ZONE))) == \
        datetime(2026, 11, 26, 20, 0, tzinfo=ZONE)
    # A build with nothing to do knows it too: the banner's start is not skipped as "up to date".
    site.build()
    assert site.build(now=datetime(2026, 11, 26, 12, 30, tzinfo=ZONE)).html("index.html").select_one(".tin-nong")


def test_a_wrong_banner_is_an_error_with_its_line_in_build_and_check(make_site):
    cases = {
        banner(end=""): "content/tin-nong.md:2: error: the banner has no `end`: the moment it goes away",
        banner(end="2026-11-26 06:00"): "content/tin-nong.md:5: error: the banner's `end` is not after its `start`",
        banner(link="javascript:alert(1)"): "content/tin-nong.md:3: error: `link` 'javascript:alert(1)' is neither",
        banner(link="//evil.example/x"): "content/tin-nong.md:3: error: `link` '//evil.example/x' is neither",
        banner(text="Tin " * 50): "content/tin-nong.md:2: error: the banner's text has 199 characters, more than 160",
        banner(start="sáng mai"): "content/tin-nong.md:4: error: `start`:",
        banner(extra="color: red"): "content/tin-nong.md:6: error: `color` is not a field of the banner",
        banner() + "Bão rất mạnh.\n": "content/tin-nong.md: error: the banner is one line of front matter",
    }
    site = make_site({"content/a.md": article()})
    for text, expected in cases.items():
        site.write("content/tin-nong.md", text)
        refused_by_build_and_check(site, expected)




def test_readers_see_the_banner_on_every_page_until_it_ends_or_they_close_it(make_site, browser):
    site = make_site({"content/a.md": article(), "content/tin-nong.md": banner()})
    with serving(site.build().output) as base:
        context = browser.new_context(viewport={"width": 390, "height": 800})
        page = context.new_page()
        page.clock.set_fixed_time(datetime(2026, 11, 26, 10, 0, tzinfo=ZONE))
        page.goto(base + ARTICLE)
        bar = page.locator(".tin-nong")
        bar.locator("a").wait_for()
        assert bar.locator("a").get_attribute("href") == f"/{ARTICLE}"
        box = bar.bounding_box()
        assert box["y"] + box["height"] <= 800 and box["width"] == 390  # at the foot of the screen
        page.locator(".tin-nong-close").focus()
        page.keyboard.press("Enter")
        assert bar.count() == 0
        page.goto(base)  # closed in this tab: not on the home page either, though its HTML has it
        page.wait_for_function("!document.querySelector('.tin-nong')")
        context.close()
        # The reader's clock past the end: a home page kept from before does not show it.
        late = browser.new_page()
        late.clock.set_fixed_time(datetime(2026, 11, 27, 18, 1, tzinfo=ZONE))
        late.goto(base)
        late.wait_for_function("!document.querySelector('.tin-nong')")
        late.goto(base + ARTICLE)
        late.wait_for_load_state("networkidle")
        assert late.locator(".tin-nong").count() == 0
        late.close()
        # No JavaScript: the home page still shows it.
        plain = browser.new_context(java_script_enabled=False)
        still = plain.new_page()
        still.goto(base)
        assert still.locator(".tin-nong a").inner_text() == "Bão số 5 đổ bộ: cập nhật liên tục"
        plain.close()


def test_an_edited_or_removed_banner_is_seen_by_the_next_build(make_site):
    site = make_site({"content/a.md": article(), "content/tin-nong.md": banner()})
    site.build()
    site.write("content/tin-nong.md", banner(text="Đường Hồ Chí Minh qua đèo thông xe trở lại"))
    again = site.build()
    assert again.html("index.html").select_one(".tin-nong a").get_text() == "Đường Hồ Chí Minh qua đèo thông xe trở lại"
    assert json.loads(again.text("tin-nong.json"))["text"] == "Đường Hồ Chí Minh qua đèo thông xe trở lại"
    (site.root / "content/tin-nong.md").unlink()
    gone = site.build()
    assert gone.html("index.html").select_one(".tin-nong") is None and gone.text("tin-nong.json") == "{}\n"


def test_a_banner_that_is_a_link_to_a_file_outside_the_site_is_refused(make_site, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(banner(text="Mật khẩu máy chủ"), encoding="utf-8")
    site = make_site({"content/a.md": article()})
    (site.root / "content/tin-nong.md").symlink_to(secret)
    refused_by_build_and_check(site, "content/tin-nong.md: error: is not a plain file (a link or a folder)")

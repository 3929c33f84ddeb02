"""`layout: emagazine`: the long-form layout, with narrow text and photos across the screen, their
renditions chosen for a screen's width; nothing scrolls sideways on a phone or a desktop."""

from __future__ import annotations

import io

from PIL import Image

from conftest import article, messages, serving

PAGE = "thoi-su/duong-len-nui-202406251518/"


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2400, 1350), (70, 110, 90)).save(out, "JPEG", quality=85)
    return out.getvalue()


def long_form(make_site, layout="emagazine"):
    body = ("Đoạn mở đầu của câu chuyện dài về con đường lên núi. " * 8 + "\n\n![Con đường mới qua đèo](deo.jpg)\n\n"
            + "Đoạn tiếp theo kể về những người làm đường. " * 8)
    return make_site({"content/thoi-su/duong.md": article(title="Đường lên núi", layout=layout, body=body,
                                                          image="{src: nui.jpg, caption: Núi Ngọc Linh, credit: MT}"),
                      "content/thoi-su/nui.jpg": photo(), "content/thoi-su/deo.jpg": photo()})


def test_the_long_form_page_asks_for_photos_as_wide_as_the_screen(make_site):
    built = long_form(make_site).build()
    page = built.html(PAGE + "index.html")
    assert "layout-emagazine" in page.body["class"]
    for img in (page.select_one(".lead-photo img"), page.select_one(".article-body figure img")):
        assert img["sizes"] == "100vw"



def test_the_standard_layout_keeps_the_column_sizes(make_site):
    assert 'sizes="100vw"' not in long_form(make_site, layout='""').build().text(PAGE)


def test_an_unknown_layout_is_an_error(make_site):
    site = long_form(make_site, layout="tap-chi")
    assert "content/thoi-su/duong.md:5: error: `layout` 'tap-chi' is not a layout of articles (there are: emagazine)" \
        in messages(site.build_fails())



def test_photos_span_the_screen_and_the_text_stays_narrow(make_site, browser):
    built = long_form(make_site).build()
    with serving(built.output) as base:
        for width in (390, 1366):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{base}{PAGE}")
            inner = page.evaluate("document.documentElement.clientWidth")
            assert page.evaluate("document.documentElement.scrollWidth") <= inner
            for figure in (".lead-photo", ".article-body figure"):
                box = page.locator(figure).bounding_box()
                assert abs(box["x"]) < 1 and abs(box["width"] - inner) < 1, (width, figure, box)
            text = page.locator(".article-body p").first.bounding_box()
            assert text["width"] <= 40 * 16 + 1
            if width > 1000:
                assert text["x"] > 300  # centred, no rail beside it
            page.close()

"""`gallery:`: a photo essay ("phóng sự ảnh") through the photo pipeline, shown after the body, each
photo opening in a lightbox that works by keyboard (arrows move, Esc closes, focus comes back)."""

from __future__ import annotations

import io

from PIL import Image

from conftest import NOW, article, messages, serving

from sitegen.build import BuildOptions
from sitegen.check import check_site

PAGE = "thoi-su/mua-ray-tren-nui-202406251518/"
CAPTIONS = ("Gieo hạt lúa rẫy trên sườn đồi.", "Bữa trưa giữa nương.", "Lúa rẫy lên xanh sau một tháng.")


def photo(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1800, 1200), colour).save(out, "JPEG", quality=85)
    return out.getvalue()


def essay(gallery: str | None = None) -> str:
    gallery = gallery or "".join(f"\n  - src: anh-{n}.jpg\n    caption: \"{c}\"\n    credit: MT" for n, c in enumerate(CAPTIONS, 1))
    return article(title="Mùa rẫy trên núi", summary='"Phóng sự ảnh về vụ lúa rẫy của đồng bào Xơ Đăng."',
                   gallery=gallery, body="Ảnh: Minh Thư.")


def essay_site(make_site):
    return make_site({"content/thoi-su/mua-ray.md": essay(),
                      **{f"content/thoi-su/anh-{n}.jpg": photo((40 * n, 90, 60)) for n in (1, 2, 3)}})


def test_the_essay_shows_each_photo_large_with_its_caption_and_renditions(make_site):
    built = essay_site(make_site).build()
    page = built.html(PAGE + "index.html")
    figures = page.select("section.gallery figure.gallery-photo")
    assert [f.figcaption.get_text(" ", strip=True) for f in figures] == \
        [f"{n}/3 {c} Ảnh: MT" for n, c in enumerate(CAPTIONS, 1)]
    for figure in figures:
        img = figure.select_one("picture img")
        assert img["width"] and img["height"] and img["alt"]
        candidates = [c.split()[0] for c in img["srcset"].split(", ")]
        assert len(candidates) > 2 and all(built.exists(c.lstrip("/")) for c in candidates)
        widest = figure.select_one("a.gallery-open")["href"]
        assert built.exists(widest.lstrip("/")) and widest == img["src"]
        widths = [int(c.split()[1].rstrip("w")) for c in img["srcset"].split(", ")]
        with Image.open(built.path(widest.lstrip("/"))) as large:
            assert large.width == max(widths) <= 1800  # the widest offered, never upscaled
    assert not built.exists("media/thoi-su/anh-1.jpg")  # renditions, not the camera's file


def test_a_wrong_gallery_is_an_error_with_its_line(make_site):
    site = essay_site(make_site)
    site.write("content/thoi-su/mua-ray.md", essay("\n  - src: anh-1.jpg\n  - src: khong-co.jpg"))
    assert "content/thoi-su/mua-ray.md:8: error: gallery[2].src: the photo 'khong-co.jpg' does not exist" \
        in messages(site.build_fails())
    site.write("content/thoi-su/mua-ray.md", essay("anh-1.jpg"))
    assert "content/thoi-su/mua-ray.md:6: error: `gallery` must be a list of photos" in messages(site.build_fails())


def test_check_asks_for_captions_and_does_not_call_gallery_photos_unused(make_site):
    site = essay_site(make_site)
    site.write("content/thoi-su/mua-ray.md", essay("\n  - src: anh-1.jpg\n    caption: Có chú thích\n    credit: MT"
                                                   "\n  - src: anh-2.jpg\n    credit: MT"))
    found = messages(check_site(site.root, BuildOptions(now=NOW)).problems)
    assert "content/thoi-su/mua-ray.md:10: warning: photo 'anh-2.jpg' has no caption" in found
    assert "body never shows it" not in found



def test_the_lightbox_opens_moves_and_closes_by_keyboard_and_gives_focus_back(make_site, browser):
    built = essay_site(make_site).build()
    with serving(built.output) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{base}{PAGE}")
        links = page.locator(".gallery-open")
        links.nth(1).focus()
        page.keyboard.press("Enter")
        box = page.locator("dialog.lightbox")
        assert box.evaluate("d => d.open")
        caption = box.locator(".lightbox-caption")
        assert CAPTIONS[1] in caption.inner_text()
        shown = box.locator(".lightbox-stage img")
        assert shown.evaluate("i => new Promise(r => i.complete ? r(i.naturalWidth) : i.onload = () => r(i.naturalWidth))") > 0
        inside = shown.bounding_box()
        assert inside["width"] <= 390 and inside["height"] <= 844
        page.keyboard.press("ArrowRight")
        assert CAPTIONS[2] in caption.inner_text()
        page.keyboard.press("ArrowRight")  # from the last, round to the first
        assert CAPTIONS[0] in caption.inner_text()
        page.keyboard.press("ArrowLeft")  # and back, round to the last
        assert CAPTIONS[2] in caption.inner_text()
        page.keyboard.press("Escape")
        assert not box.evaluate("d => d.open")
        # The photo last shown, not the one it was opened from (where the browser would go).
        assert page.evaluate("document.activeElement.dataset.index") == "2"
        # The buttons do the same, for touch and mouse.
        links.nth(0).click()
        box.locator(".lightbox-next").click()
        assert CAPTIONS[1] in caption.inner_text()
        box.locator(".lightbox-close").click()
        assert not box.evaluate("d => d.open")
        page.close()


def test_a_clone_elsewhere_with_the_cache_restored_shows_the_essay_with_its_renditions(make_site, tmp_path):
    """The cache keeps the essay's photos by their place inside content/ (as it does other photos):
    a clone of the site elsewhere, its cache restored, finds them and their renditions."""
    import shutil
    from conftest import Site
    site = essay_site(make_site)
    site.build()
    clone = tmp_path / "ci-checkout"
    shutil.copytree(site.root, clone, ignore=shutil.ignore_patterns("output", ".output-releases"))
    built = Site(clone).build()
    images = built.html(PAGE + "index.html").select("section.gallery picture img")
    assert len(images) == 3 and all(img.get("srcset") for img in images)
    assert all(built.exists(img["src"].lstrip("/")) for img in images)

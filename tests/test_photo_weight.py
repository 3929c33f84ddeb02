"""What a reader on a phone downloads: the sample portal with every photo replaced by a camera-sized
JPEG (4000x3000, about 4 MB, camera EXIF and a GPS position), served by a real HTTP server and
scrolled top to bottom in Chromium at 390 px, DPR 2.  Image bytes are counted from the browser's own
resource timing, layout shifts from its layout-shift entries (CLS)."""

import io
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageChops

from sitegen.build import BuildOptions, build

from conftest import NOW, REPO, seed_renditions

ARTICLE = "xa-hoi/khan-truong-ho-tro-nguoi-dan-vung-sat-lo-sau-bao-202409231610/"
"""A sample article with three photos: the lead and two in the body."""

WATCH = """
window.__cls = 0;
performance.setResourceTimingBufferSize(2000);
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
BLURRY = """
[...document.images].filter(img => {
  if (!img.complete || !img.naturalWidth) return true;  // never loaded: the scroll did not reach it
  const sets = [img, ...(img.parentElement.tagName === "PICTURE" ? img.parentElement.querySelectorAll("source") : [])];
  const widths = {};
  for (const element of sets)
    for (const candidate of (element.srcset || "").split(",").filter(Boolean)) {
      const [url, w] = candidate.trim().split(/\\s+/);
      widths[new URL(url, location.href).href] = parseInt(w);
    }
  if (!Object.keys(widths).length) return false;  // a plain <img> (the logo)
  const chosen = widths[img.currentSrc], widest = Math.max(...Object.values(widths));
  return !(chosen >= Math.min(img.clientWidth * 2, widest) * 0.99);  // too soft for the screen
}).map(img => `${img.currentSrc || img.src} (${img.clientWidth} px shown)`)
"""
"""Photos missing after the scroll, or chosen narrower than the screen's pixels (DPR 2) need."""
IMAGE_BYTES = """
performance.getEntriesByType("resource")
  .filter(e => e.initiatorType === "img" || /\\.(jpe?g|webp|avif|png|gif)(\\?|$)/.test(e.name))
  .reduce((sum, e) => sum + e.encodedBodySize, 0)
"""


class _SlowPhotos(SimpleHTTPRequestHandler):
    """A static host on slow mobile data: photos arrive after the text has been laid out, so a photo
    without its size would push the text down (as CLS counts it)."""

    def do_GET(self):
        if self.path.endswith((".jpg", ".webp", ".avif", ".png")):
            time.sleep(0.4)
        super().do_GET()

    def log_message(self, *args):
        pass


class _Host(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a photo request the browser gave up (it chose another width): not the page's fault


def camera_sized(sample: bytes, grain: Image.Image) -> bytes:
    """The sample photo as a camera hands it in: 4000x3000, sensor grain, EXIF with a GPS position."""
    photo = ImageChops.overlay(Image.open(io.BytesIO(sample)).convert("RGB").resize(grain.size), grain)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "EOS 90D"
    exif[0x8825] = {1: "N", 2: (14.0, 21.0, 0.0), 3: "E", 4: (108.0, 0.0, 0.0)}
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()


def photos_shown(output, pages: list[str]) -> set[str]:
    """The photos (content-relative, without suffix) whose renditions the built `pages` show."""
    shown = set()
    for page in pages:
        for tag in BeautifulSoup((output / page).read_text(encoding="utf-8"), "html.parser").find_all(["img", "source"]):
            for candidate in [tag.get("src") or ""] + (tag.get("srcset") or "").split(","):
                named = re.match(r"\s*/media/(.+)-\d+x\d+-[0-9a-f]{8}\.\w+(\s|$)", candidate)
                if named:
                    shown.add(named.group(1))
    return shown


@pytest.fixture(scope="module")
def camera_portal(tmp_path_factory, sample_build):
    """The sample portal where every photo the home page and ARTICLE show is camera-sized; the
    other photos (which neither page shows) keep the renditions the sample build made of them."""
    _, sample_output, renditions = sample_build
    shown = photos_shown(sample_output, ["index.html", f"{ARTICLE}index.html"])
    site = tmp_path_factory.mktemp("camera") / "site"
    grain = Image.effect_noise((4000, 3000), 10).convert("RGB")
    cameras = []
    for source in sorted((REPO / "content").rglob("*")):
        target = site / "content" / source.relative_to(REPO / "content")
        if source.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.relative_to(REPO / "content").with_suffix("").as_posix() in shown:
            cameras.append((source, target))
        else:
            target.write_bytes(source.read_bytes())
    assert len(cameras) == len(shown) >= 30
    with ThreadPoolExecutor(2) as pool:  # Pillow lets go of the GIL while it resizes and encodes
        list(pool.map(lambda pair: pair[1].write_bytes(camera_sized(pair[0].read_bytes(), grain)), cameras))
    seed_renditions(renditions, site / ".sitegen-cache")
    server = _Host(("127.0.0.1", 0), partial(_SlowPhotos, directory=str(site / "output")))
    config = (REPO / "config.toml").read_text(encoding="utf-8")
    base = f"http://127.0.0.1:{server.server_port}/"
    (site / "config.toml").write_text(config.replace('base_url = "https://baongoclinh.example.vn/"',
                                                     f'base_url = "{base}"'), encoding="utf-8")
    build(site, None, BuildOptions(now=NOW))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, site
    server.shutdown()


def read_as_on_a_phone(browser, url: str) -> tuple[int, int, float]:
    """(image bytes of the first screen, image bytes after scrolling to the end, CLS)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(WATCH)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    first = page.evaluate(IMAGE_BYTES)
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 844, 600):  # as a thumb scrolls: lazy photos come as they near the screen
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(60)
    page.wait_for_function("[...document.images].every(img => img.complete)", timeout=60000)
    page.wait_for_timeout(300)
    assert page.evaluate(BLURRY) == []
    total, cls = page.evaluate(IMAGE_BYTES), page.evaluate("window.__cls")
    context.close()
    return first, total, cls


def test_originals_are_camera_sized_and_not_what_readers_get(camera_portal):
    _, site = camera_portal
    shown = photos_shown(site / "output", ["index.html", f"{ARTICLE}index.html"])
    content = site / "content"
    photos = [p for p in content.rglob("*.jpg") if p.relative_to(content).with_suffix("").as_posix() in shown]
    assert len(photos) == len(shown) >= 30 and all(Image.open(p).size == (4000, 3000) for p in photos)
    assert sum(p.stat().st_size for p in photos) > 90_000_000
    assert not list((site / "output/media").rglob("*.jpg")) or all(
        Image.open(p).width <= 1920 for p in (site / "output/media").rglob("*.jpg"))


def test_the_home_page_on_a_phone_loads_little_and_does_not_shift(camera_portal, browser):
    base, _ = camera_portal
    first, total, cls = read_as_on_a_phone(browser, base)
    print(f"\nhome page at 390 px DPR 2: first screen {first / 1000:.0f} KB, whole page {total / 1000:.0f} KB, CLS {cls:.3f}")
    assert first <= 200_000, first
    assert total <= 1_500_000, total
    assert cls == 0, cls


def test_an_article_with_three_photos_on_a_phone(camera_portal, browser):
    base, _ = camera_portal
    first, total, cls = read_as_on_a_phone(browser, f"{base}{ARTICLE}")
    print(f"\narticle with 3 photos at 390 px DPR 2: first screen {first / 1000:.0f} KB, "
          f"whole page {total / 1000:.0f} KB, CLS {cls:.3f}")
    assert total <= 600_000, total
    assert cls == 0, cls

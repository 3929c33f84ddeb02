"""Screenshots of the default theme for reviewers: the sample portal's home page and an article at a
phone's width (390 px) and a laptop's (1366 px), the first screens of each.

    .venv/bin/python docs/make_screenshots.py            # writes docs/screenshots/*.png

Builds the sample portal (content/ and config.toml) into a temporary folder, serves it over HTTP
and takes the pictures with Playwright's Chromium (/usr/bin/chromium, as the tests use).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from datetime import datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.build import BuildOptions, build  # noqa: E402

OUT = REPO / "docs" / "screenshots"
ARTICLE = "kinh-te/sam-ngoc-linh-huong-di-ben-vung"
"""An article with a lead photo, editor-picked related stories and a correction."""
WIDTHS = {390: 844, 1366: 768}
"""Viewport width -> height; each picture is the first 2.5 screens."""
SCREENS = 2.5
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
"""A fixed build time, so that the pictures change only when the theme or the sample does."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        shutil.copytree(REPO / "content", site / "content")
        shutil.copy(REPO / "config.toml", site / "config.toml")
        cache = REPO / ".sitegen-cache" / "renditions"
        if cache.is_dir():  # the repository's own photo renditions, when a build made them
            shutil.copytree(cache, site / ".sitegen-cache" / "renditions")
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site / "output")))
        config = (site / "config.toml").read_text(encoding="utf-8")
        base = f"http://127.0.0.1:{server.server_port}/"
        config = config.replace('base_url = "https://baongoclinh.example.vn/"', f'base_url = "{base}"')
        (site / "config.toml").write_text(config, encoding="utf-8")
        build(site, None, BuildOptions(now=NOW))
        article = next(p for p in (site / "output" / "kinh-te").iterdir() if p.name.startswith(ARTICLE.split("/")[1]))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for width, height in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1,
                                        timezone_id="Asia/Ho_Chi_Minh", locale="vi-VN")
                page.clock.set_fixed_time(NOW)
                for name, path in (("home", ""), ("article", f"kinh-te/{article.name}/")):
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    # Lazy photos load when they come near the screen: pass over the pictured part once.
                    for y in range(0, int(height * SCREENS), height // 2):
                        page.evaluate(f"window.scrollTo(0, {y})")
                        page.wait_for_timeout(100)
                    page.evaluate("window.scrollTo(0, 0)")
                    page.wait_for_load_state("networkidle")
                    page.evaluate("document.fonts.ready")
                    # The "Tin nóng" bar is fixed to the screen's foot: a picture of 2.5 screens would
                    # show it half-way down; put it where a reader sees it, at the foot of the first.
                    page.evaluate("""() => { const bar = document.querySelector(".tin-nong");
                        if (bar) Object.assign(bar.style, {position: "absolute", bottom: "auto",
                                                           top: `${innerHeight - bar.offsetHeight}px`}); }""")
                    file = OUT / f"{name}-{width}.png"
                    page.screenshot(path=str(file), clip={"x": 0, "y": 0, "width": width, "height": int(height * SCREENS)},
                                    full_page=True)
                    _shrink(file)
                    print(file.relative_to(REPO))
                page.close()
            browser.close()
        server.shutdown()


def _shrink(file: Path) -> None:
    """256 colours are plenty for a theme's picture and keep the repository light (1 MB -> ~0.3 MB)."""
    from PIL import Image

    with Image.open(file) as shot:
        small = shot.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(file, optimize=True)


if __name__ == "__main__":
    main()

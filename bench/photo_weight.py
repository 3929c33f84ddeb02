#!/usr/bin/env python3
"""What readers download, and what Lighthouse says, with camera-sized photos: issue 10's targets.

    .venv/bin/python bench/photo_weight.py             # writes bench/PHOTO_WEIGHT_RESULTS.md
    .venv/bin/python bench/photo_weight.py --no-lighthouse   # bytes and CLS only

The sample portal with every photo replaced by a 4000x3000 JPEG (quality 92, sensor grain, camera
EXIF and a GPS position: made as tests/test_photo_weight.py makes them) is built cold, served by a
local HTTP server, and read in Debian's Chromium:

- as a phone (390x844, DPR 2, Playwright): image bytes of the first screen and after scrolling to the
  end (the browser's resource timing, encoded body sizes), and CLS (layout-shift entries);
- by Lighthouse (npm `lighthouse`, installed into --work), mobile form factor with its default
  simulated throttling (slow 4G, 4x CPU slowdown): the performance score of the home page, an
  article with three photos and a category page.

Scratch files go to --work (default /tmp/sitegen-photo-weight), never into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(HERE))

from PIL import Image  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS, NOW  # noqa: E402
from run import machine  # noqa: E402
from test_photo_weight import ARTICLE, camera_sized, read_as_on_a_phone  # noqa: E402

from sitegen.build import BuildOptions, build  # noqa: E402

CATEGORY = "xa-hoi/"
PAGES = {"home": "", "article (3 photos)": ARTICLE, "category": CATEGORY}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def camera_site(work: Path) -> Path:
    site = work / "site"
    if (site / "content").exists():
        return site
    grain = Image.effect_noise((4000, 3000), 10).convert("RGB")
    for source in sorted((REPO / "content").rglob("*")):
        if source.is_file():
            target = site / "content" / source.relative_to(REPO / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            data = source.read_bytes()
            target.write_bytes(camera_sized(data, grain) if source.suffix == ".jpg" else data)
    return site


def lighthouse(work: Path, url: str) -> float:
    tool = work / "node_modules/.bin/lighthouse"
    if not tool.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(work),
                        "lighthouse@12"], check=True)
    report = work / "lighthouse.json"
    subprocess.run([str(tool), url, "--quiet", "--only-categories=performance", "--form-factor=mobile",
                    "--output=json", f"--output-path={report}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return round(json.loads(report.read_text())["categories"]["performance"]["score"] * 100)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/sitegen-photo-weight"))
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    site = camera_site(args.work)
    originals = sum(p.stat().st_size for p in (site / "content").rglob("*.jpg"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site / "output")))
    base = f"http://127.0.0.1:{server.server_port}/"
    config = (REPO / "config.toml").read_text(encoding="utf-8")
    (site / "config.toml").write_text(config.replace('base_url = "https://baongoclinh.example.vn/"',
                                                     f'base_url = "{base}"'), encoding="utf-8")
    start = time.perf_counter()
    report = build(site, None, BuildOptions(now=NOW, cache=False))
    cold = time.perf_counter() - start
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, rel in PAGES.items():
            first, total, cls = read_as_on_a_phone(browser, base + rel)
            score = None if args.no_lighthouse else lighthouse(args.work, base + rel)
            rows.append((name, rel, first, total, cls, score))
            print(f"{name}: first screen {first / 1000:.0f} KB, whole page {total / 1000:.0f} KB, CLS {cls:.3f}, "
                  f"Lighthouse {score if score is not None else '-'}", flush=True)
        browser.close()
    server.shutdown()
    lines = [
        "# Photo weight: what a phone downloads, with camera-sized photos", "",
        f"`.venv/bin/python bench/photo_weight.py` on {machine()}, {time.strftime('%Y-%m-%d')}.", "",
        f"The sample portal, {len(list((site / 'content').rglob('*.jpg')))} photos replaced by 4000x3000 JPEGs "
        f"({originals / 1e6:.0f} MB of originals); cold build without cache: {cold:.0f} s "
        f"({report.files} files).", "",
        "| page | first screen (images) | whole page, scrolled (images) | CLS | Lighthouse mobile performance |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, rel, first, total, cls, score in rows:
        lines.append(f"| {name} (`/{rel}`) | {first / 1000:.0f} KB | {total / 1000:.0f} KB | {cls:.3f} | "
                     f"{score if score is not None else '-'} |")
    lines += ["", "Targets (issue 10): home ≤ 1.5 MB whole and ≤ 200 KB first screen, article with 3 photos "
              "≤ 600 KB, CLS 0, Lighthouse ≥ 95 each."]
    if not args.no_lighthouse:
        (HERE / "PHOTO_WEIGHT_RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Lighthouse scores and page weights of the sample portal's home, an article and a category page,
on a phone (Lighthouse's mobile emulation: Moto G power, slow 4G) and a desktop.

    python bench/lighthouse.py [--article kinh-te/sam-ngoc-linh-huong-di-ben-vung-202208090730/]

Builds the sample portal into a scratch folder, serves it over HTTP on 127.0.0.1 and runs
Lighthouse (`npx --yes lighthouse@12.8.2`, fetched from npm on first use) with the Chromium the
test suite uses.  Prints a Markdown table: the four category scores and the bytes transferred.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.build import BuildOptions, build  # noqa: E402

LIGHTHOUSE = "lighthouse@12.8.2"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--article", default="kinh-te/sam-ngoc-linh-huong-di-ben-vung-202208090730/")
    parser.add_argument("--category", default="kinh-te/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        shutil.copytree(REPO / "content", site / "content")
        shutil.copy(REPO / "config.toml", site / "config.toml")
        report = build(site, None, BuildOptions())
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(report.output_dir)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/"
        print("| page | device | " + " | ".join(CATEGORIES) + " | bytes |")
        print("|---|---|" + "---:|" * (len(CATEGORIES) + 1))
        for name, path in (("home", ""), ("article", args.article), ("category", args.category)):
            for device in ("mobile", "desktop"):
                scores, weight = _lighthouse(base + path, device, Path(scratch) / "report.json")
                print(f"| {name} | {device} | " + " | ".join(str(scores[c]) for c in CATEGORIES) + f" | {weight:,} |")
        server.shutdown()


def _lighthouse(url: str, device: str, out: Path) -> tuple[dict[str, int], int]:
    command = ["npx", "--yes", LIGHTHOUSE, url, "--quiet", f"--output-path={out}", "--output=json",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if device == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300,
                   stdout=subprocess.DEVNULL)
    result = json.loads(out.read_text())
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    return scores, int(result["audits"]["total-byte-weight"]["numericValue"])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Save-to-reload latency of `sitegen serve` on a big corpus, in a real browser.

    python bench/serve_latency.py                 # 10,000 articles, 10 edits, writes bench/SERVE_RESULTS.md
    python bench/serve_latency.py --articles 1000 --edits 5

It generates the corpus with ../shared/bench/gen_corpus.py (or reuses it in --work), starts
`sitegen serve`, opens an article in Chromium (Playwright, Debian's /usr/bin/chromium), then edits
the article's body on disk again and again.  Each figure is the time from the file's save to the page
in the browser showing the new text: file watching, the preview render, livereload's message, the
browser's reload.  Between edits it waits for the exact build that follows each preview to finish.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GEN_CORPUS = Path(os.environ.get("GEN_CORPUS", REPO.parent / "shared" / "bench" / "gen_corpus.py"))


def preview_address(site_dir: Path, file: Path) -> str:
    """Where `sitegen serve` shows the article in `file`: sitegen's own reader and permalinks."""
    from sitegen.config_toml import load_config
    from sitegen.article_reader import ArticleReader
    from sitegen.site import Publication, Site

    config, _ = load_config(site_dir)
    article = ArticleReader(config, site_dir, site_dir / "content").read(file).article
    site = Site(config, [article], Publication(datetime.now(config.zone), drafts=True, future=True))
    return config.base_path + site.path_of(article)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sitegen-bench")
    args = ap.parse_args(argv)
    site = args.work / f"sitegen-serve-{args.articles}"
    if not (site / "config.toml").exists():
        subprocess.run([sys.executable, str(GEN_CORPUS), "-n", str(args.articles), "-f", "sitegen", "-o", str(site),
                        "--images", "--force"], check=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = site / "serve.log"
    server = subprocess.Popen([sys.executable, "-m", "sitegen.cli", "serve", "--port", str(port)], cwd=site,
                              stdout=log.open("w"), stderr=subprocess.STDOUT)
    latencies = []
    try:
        start = time.time()
        while "Serving on" not in log.read_text():
            if server.poll() is not None or time.time() - start > 1800:
                sys.exit(log.read_text())
            time.sleep(0.2)
        print(f"first build and server start: {time.time() - start:.1f} s", flush=True)
        files = sorted((site / "content").rglob("*.md"))
        article = files[len(files) // 2]
        original = article.read_text(encoding="utf-8")
        url = f"http://127.0.0.1:{port}{preview_address(site, article)}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update"])
            page = browser.new_page()
            page.goto(url)
            page.wait_for_function("window.LiveReload !== undefined")
            for number in range(args.edits):
                builds = log.read_text().count("Built in")
                marker = f"Đã cập nhật lần {number + 1}"
                edited = original.rstrip("\n") + f"\n\n{marker}.\n"
                saved = time.perf_counter()
                article.write_text(edited, encoding="utf-8")
                expect(page.locator(".article-body")).to_contain_text(marker, timeout=60_000)
                latencies.append(time.perf_counter() - saved)
                print(f"edit {number + 1}: {latencies[-1] * 1000:.0f} ms", flush=True)
                while log.read_text().count("Built in") <= builds:  # the exact build after the preview
                    if "Build failed" in log.read_text():
                        sys.exit(log.read_text())
                    time.sleep(0.1)
                page.wait_for_function("window.LiveReload !== undefined")
                time.sleep(0.5)
            browser.close()
        article.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait()
    builds = re.findall(r"Built in ([0-9.]+) s", log.read_text())[1:]
    text = (f"# `sitegen serve`: save to reloaded page\n\n"
            f"Measured by `bench/serve_latency.py --articles {args.articles} --edits {args.edits}` on "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, Chromium via Playwright.\n\n"
            f"| articles | edits | median | min | max | exact build after each edit (median) |\n|---:|---:|---:|---:|---:|---:|\n"
            f"| {args.articles:,} | {len(latencies)} | {statistics.median(latencies) * 1000:.0f} ms | "
            f"{min(latencies) * 1000:.0f} ms | {max(latencies) * 1000:.0f} ms | "
            f"{statistics.median(float(b) for b in builds):.1f} s |\n")
    (HERE / "SERVE_RESULTS.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

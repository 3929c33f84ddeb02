"""Test harness: tiny inline sites built for real, assertions on named output files.

    site = make_site({"content/thoi-su/a.md": article(title="...")})
    built = site.build()
    soup = built.html("thoi-su/...")          # parsed with a real HTML parser
    problems = site.build_fails()            # the BuildFailed problems, when a build must fail
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import threading
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from datetime import datetime
from pathlib import Path
from typing import Iterator
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from PIL import Image

# Every build of the suite checks that an article's view signature covers all its view shows (the
# cost of making every view): set before sitegen.build is imported, and inherited by `sitegen` CLIs.
os.environ.setdefault("SITEGEN_CHECK_VIEWS", "1")

from sitegen.build import BuildOptions, BuildReport, build  # noqa: E402
from sitegen.errors import BuildFailed, Problem  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=ZONE)
"""The pinned build time of every test build."""
CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium, which the README's test command installs (tests/install-tools.sh)."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]

CONFIG = """\
title = "Báo Thử Nghiệm"
description = "Tin tức tỉnh Thử Nghiệm"
base_url = "{base_url}"
per_page = {per_page}
related_count = {related_count}
{extra}

[[categories]]
name = "Thời sự"
slug = "thoi-su"
description = "Tin thời sự"

[[categories]]
name = "Kinh tế"
slug = "kinh-te"

[[categories]]
name = "Văn hóa - Du lịch"
slug = "van-hoa-du-lich"
"""


def article(title: str = "Tin thử nghiệm", date: str = "2024-06-25 15:18", category: str = "Thời sự",
            body: str = "Nội dung bài viết thử nghiệm.", **fields) -> str:
    """An article file: the given front-matter fields (YAML text as written) and a body."""
    lines = ["---", f'title: "{title}"', f"date: {date}", f'category: "{category}"']
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    lines += ["---", "", body, ""]
    return "\n".join(lines)


def png(width: int = 4, height: int = 3) -> bytes:
    """A tiny valid PNG (grey)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


CAMERA = (2400, 1800)


def camera_photo() -> bytes:
    """A camera-like JPEG: top half red, with EXIF that names a camera and a GPS position."""
    image = Image.new("RGB", CAMERA, (30, 90, 160))
    image.paste((200, 30, 30), (0, 0, CAMERA[0], CAMERA[1] // 2))
    exif = Image.Exif()
    exif[0x010F] = "Canon"  # Make
    exif[0x8825] = {1: "N", 2: (14.0, 21.0, 0.0), 3: "E", 4: (108.0, 0.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


@dataclass
class Built:
    output: Path
    report: BuildReport

    def path(self, rel: str) -> Path:
        target = self.output / rel
        return target / "index.html" if rel.endswith("/") or target.is_dir() else target

    def exists(self, rel: str) -> bool:
        return self.path(rel).is_file()

    def text(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def html(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup(self.text(rel), "html.parser")

    def files(self) -> dict[str, bytes]:
        return {p.relative_to(self.output).as_posix(): p.read_bytes()
                for p in sorted(self.output.rglob("*")) if p.is_file()}

    def article_paths(self) -> list[str]:
        """Output paths of article pages, found by their <article class="article">."""
        found = []
        for page in sorted(self.output.rglob("index.html")):
            if 'class="article"' in page.read_text(encoding="utf-8"):
                found.append(page.parent.relative_to(self.output).as_posix() + "/")
        return found


COMPILED: dict[str, bytes] = {}
"""The theme's templates compiled once for the session's builds, as the preview server keeps them
(`BuildOptions.compiled_templates`)."""


class Site:
    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def build(self, output: Path | None = None, **options) -> Built:
        options.setdefault("now", NOW)
        options.setdefault("compiled_templates", COMPILED)
        report = build(self.root, output, BuildOptions(**options))
        return Built(report.output_dir, report)

    def build_fails(self, **options) -> list[Problem]:
        options.setdefault("now", NOW)
        options.setdefault("compiled_templates", COMPILED)
        with pytest.raises(BuildFailed) as caught:
            build(self.root, None, BuildOptions(**options))
        return caught.value.problems

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        """The real `sitegen` command in a child process, run in the site folder."""
        return subprocess.run([sys.executable, "-m", "sitegen.cli", *args], cwd=self.root,
                              capture_output=True, text=True, timeout=120)


@pytest.fixture
def make_site(tmp_path):
    """make_site(files, base_url=..., per_page=..., related_count=..., extra_config=...) -> Site."""
    def factory(files: dict[str, str | bytes] | None = None, *, base_url: str = "https://example.vn/",
                per_page: int = 3, related_count: int = 3, extra_config: str = "", config: str | None = None) -> Site:
        site = Site(tmp_path / "site")
        site.root.mkdir()
        site.write("config.toml", config if config is not None else CONFIG.format(
            base_url=base_url, per_page=per_page, related_count=related_count, extra=extra_config))
        (site.root / "content").mkdir()
        for rel, content in (files or {}).items():
            site.write(rel, content)
        return site
    return factory


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The sample portal (the repository's content/ and config.toml) built once per session:
    (report, output folder, renditions folder).  Other builds of the sample start from these
    renditions (`copy_sample`) instead of encoding its 66 photos again; the photo step's own tests
    use photos of their own."""
    folder = tmp_path_factory.mktemp("sample")
    report = build(REPO, folder / "output", BuildOptions(now=NOW, cache_dir=folder / "cache"))
    return report, folder / "output", folder / "cache" / "renditions"


def copy_sample(site: Path, renditions: Path) -> Path:
    """The sample portal's content/ and config.toml copied into `site`, with the renditions of its
    photos already in the site's cache, as an earlier build made them."""
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "config.toml", site / "config.toml")
    seed_renditions(renditions, site / ".sitegen-cache")
    return site


def seed_renditions(renditions: Path, cache: Path) -> None:
    """Hard links to the sample's renditions in the build cache `cache`."""
    made = cache / "renditions"
    made.mkdir(parents=True)
    for file in renditions.iterdir():
        os.link(file, made / file.name)


@pytest.fixture
def tmpfs(tmp_path):
    """tmpfs(size) -> a real file system of that size ("64k", "1500k"), unmounted after the test: a
    disk that fills up, or is remounted read-only (the suite runs as root, which permissions cannot stop)."""
    mounts = []

    def mount(size: str) -> Path:
        folder = tmp_path / f"disk-{len(mounts)}"
        folder.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
        mounts.append(folder)
        return folder
    yield mount
    for folder in mounts:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def messages(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def refused_by_build_and_check(site: "Site", expected: str) -> None:
    """`sitegen build` fails with `expected` among its messages, and `sitegen check` says it too
    (check must find everything the build would reject)."""
    from sitegen.check import check_site
    assert expected in messages(site.build_fails())
    assert expected in messages(check_site(site.root, BuildOptions(now=NOW)).problems)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, driven by Playwright, started once for the whole run."""
    assert Path(CHROMIUM).is_file(), "Chromium is missing: apt-get install -y chromium (see README)"
    from playwright.sync_api import sync_playwright  # here: tests without a browser do not need it

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder` served over real HTTP on 127.0.0.1, as a static host serves a built site; yields
    its address ("http://127.0.0.1:<port>/")."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


PLAYED_LENGTH = """m => new Promise((done, fail) => {
    m.addEventListener("loadedmetadata", () => done(m.duration));
    m.addEventListener("error", () => fail(new Error("cannot play: " + (m.error && m.error.code))));
    m.preload = "metadata"; m.load();
})"""
"""For `locator.evaluate` on an <audio> or <video>: the length the browser decodes, once it has
read the file's header (fails if it cannot play it)."""


@pytest.fixture(scope="session")
def npm_cache(tmp_path_factory):
    """The web editing form's pinned npm tarballs (decap-cms, js-yaml), downloaded from the npm
    registry and checked once per run; tests copy them into their sites (cms_support.seed_packages)."""
    from cms_support import fetch_packages
    return fetch_packages(tmp_path_factory.mktemp("npm"))

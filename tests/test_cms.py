"""The web editing form in a real browser, over a real local backend, no mocks.

A small site is made a git repository; `sitegen cms` writes its admin; Decap's own local backend,
`decap-server` (pinned in tests/js/package-lock.json) in its git mode, works on that repository as
the GitHub/GitLab/Gitea backends work on theirs: each saved article is a branch `cms/<category>/…`
and publishing merges it into the working tree.  Chromium (Playwright) drives the Vietnamese form at
/admin/ over HTTP.  The tests take the editors' guide's screenshots: into a temporary folder, or,
with SITEGEN_SCREENSHOTS=docs/screenshots, over the guide's own (docs/screenshots/cms-*.png), so that
a test run leaves the checkout as it was.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from sitegen.build import BuildOptions, build
from sitegen.check import check_site
from sitegen.cms import generate_cms

from cms_support import seed_packages
from conftest import CONFIG, REPO, ZONE, serving

DECAP_SERVER = REPO / "tests" / "js" / "node_modules" / ".bin" / "decap-server"
SCREENSHOTS = Path(os.environ.get("SITEGEN_SCREENSHOTS") or f"/tmp/sitegen-cms-screenshots-{os.getpid()}")
SAMPLE_ARTICLE = "content/thoi-su/2024/bao-so-5-gay-sat-lo-nghiem-trong-o-dak-glei-va-kon-plong.md"
NEW_TITLE = "Đắk Hà: nông dân thu hoạch cà phê sớm hơn mọi năm"
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Tòa soạn", "GIT_AUTHOR_EMAIL": "toasoan@example.vn",
                "GIT_COMMITTER_NAME": "Tòa soạn", "GIT_COMMITTER_EMAIL": "toasoan@example.vn"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(site: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=site, capture_output=True, text=True,
                          env={**os.environ, **GIT_IDENTITY}, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, npm_cache):
    """(site folder, address of /admin/): a site in git with one sample article (plus a key and a
    comment the form does not know), its admin, decap-server on it and its static/ over HTTP."""
    assert DECAP_SERVER.is_file(), "decap-server is missing: run `sh tests/install-tools.sh` (npm ci in tests/js)"
    site = tmp_path_factory.mktemp("newsroom")
    (site / "config.toml").write_text(CONFIG.format(base_url="https://example.vn/", per_page=5, related_count=3,
                                                    extra=""), encoding="utf-8")
    sample = (REPO / SAMPLE_ARTICLE).read_text(encoding="utf-8")
    (site / SAMPLE_ARTICLE).parent.mkdir(parents=True)
    (site / SAMPLE_ARTICLE).write_text(sample.replace(
        "featured: false\n", 'featured: false\n# Dòng ghi chú của tòa soạn.\nsource: "Báo Kon Tum"\n', 1), encoding="utf-8")
    (site / "content/thoi-su/2024/images").mkdir()
    for photo in re.findall(r"src: (images/\S+)", sample):
        shutil.copy2(REPO / "content/thoi-su/2024" / photo, site / "content/thoi-su/2024" / photo)
    seed_packages(site, npm_cache)
    generate_cms(site)
    port = free_port()
    config_yml = site / "static/admin/config.yml"
    # The one change to what `sitegen cms` wrote: decap-server on a free port instead of 8081.
    config_yml.write_text(config_yml.read_text().replace(
        "local_backend: true\n", f"local_backend:\n  url: http://127.0.0.1:{port}/api/v1\n"), encoding="utf-8")
    (site / ".gitignore").write_text(".sitegen-cache/\noutput/\n")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Trang báo")
    server = subprocess.Popen([str(DECAP_SERVER)], cwd=site, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, **GIT_IDENTITY, "MODE": "git", "PORT": str(port),
                                   "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(site)})
    try:
        deadline = time.monotonic() + 30
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            assert server.poll() is None and time.monotonic() < deadline, "decap-server did not start"
            time.sleep(0.1)
        with serving(site / "static") as address:
            yield site, address + "admin/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def open_form(browser, url: str):
    """A page of the form at `url`, logged in to the local backend (its login is one button)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, timezone_id="Asia/Ho_Chi_Minh",
                                  locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.on("dialog", lambda dialog: dialog.accept())  # "Bạn có chắc rằng bạn muốn công bố mục này?"
    page.goto(url)
    page.get_by_role("button", name="Đăng nhập").click()
    return context, page


def label(text: str) -> re.Pattern:
    """A field's label, with or without Decap's "(không bắt buộc)" after it."""
    return re.compile(rf"^{re.escape(text)}( \(không bắt buộc\))?$", re.I)


def save_and_publish(page, screenshot_status: bool = False) -> None:
    """Save (a draft branch), set the status to ready, publish now (merged into the site's branch)."""
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("Thay đổi đã được lưu").wait_for()
    page.get_by_role("button", name=re.compile("^Trạng: ")).click()
    if screenshot_status:
        page.screenshot(path=SCREENSHOTS / "cms-status.png")
    page.get_by_role("menuitem", name="Sẵn sàng").click()
    page.get_by_role("button", name="Trạng: Sẵn sàng").wait_for()
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_role("menuitem", name="Công bố ngay").click()


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the published article did not reach the working tree"
        time.sleep(0.2)


def jpeg() -> bytes:
    """A real photo file, as a phone gives one: 1600×1067 JPEG."""
    image = Image.new("RGB", (1600, 1067), (112, 74, 38))
    for x in range(0, 1600, 8):
        image.paste((30 + x % 200, 120, 60), (x, 500, x + 4, 700))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def test_a_reporter_writes_an_article_with_a_photo_and_it_checks_builds_and_shows_the_credit(
        newsroom, browser, tmp_path):
    site, admin = newsroom
    photo = tmp_path / "ca-phe-dak-ha.jpg"
    photo.write_bytes(jpeg())
    context, page = open_form(browser, admin + "#/collections/kinh-te")
    page.get_by_role("link", name="Tạo bài thuộc loại Kinh tế").wait_for()
    page.screenshot(path=SCREENSHOTS / "cms-list.png")
    page.get_by_role("link", name="Tạo bài thuộc loại Kinh tế").click()
    page.get_by_label(label("Tiêu đề")).fill(NEW_TITLE)
    page.get_by_label(label("Tác giả")).fill("Thu Hà")
    page.get_by_label(label("Sapo")).fill("Cà phê chín sớm, nông dân Đắk Hà thu hoạch từ giữa tháng 10.")
    page.get_by_role("button", name="Chọn một hình").first.click()
    page.locator("input[type=file]").set_input_files(photo)
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    page.get_by_label(label("Chú thích")).first.fill("Nông dân xã Hà Mòn thu hái cà phê chín.")
    page.get_by_label(label("Tác giả ảnh")).first.fill("Thu Hà")
    page.locator('[aria-label="markdown field"] [contenteditable="true"]').click()
    page.keyboard.type("Niên vụ năm nay, cà phê ở Đắk Hà chín sớm hơn mọi năm.")
    page.keyboard.press("Enter")
    page.keyboard.type("Giá cà phê nhân xô đang ở mức cao.")
    page.get_by_label(label("Tiêu đề")).scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "cms-editor.png")
    save_and_publish(page)
    files = lambda: sorted((site / "content/kinh-te").glob("*/dak-ha-nong-dan-thu-hoach-ca-phe-som-hon-moi-nam.md"))
    wait_for(lambda: files() and "cms/" not in git(site, "branch"))
    context.close()

    [written] = files()
    text = written.read_text(encoding="utf-8")
    year = written.parent.name
    assert text.startswith(f'---\ntitle: "{NEW_TITLE}"\ndate: {year}-'), text
    # Local time in the site's zone, as an editor writes it; never UTC with a "Z" (nor UTC's 7 hours off).
    [written_date] = re.findall(r"^date: (\d{4}-\d\d-\d\d \d\d:\d\d)$", text, re.M)
    dated = datetime.strptime(written_date, "%Y-%m-%d %H:%M").replace(tzinfo=ZONE)
    assert abs((datetime.now(ZONE) - dated).total_seconds()) < 600, (written_date, datetime.now(ZONE))
    assert '\ncategory: "Kinh tế"\nauthor: "Thu Hà"\nslug: dak-ha-nong-dan-thu-hoach-ca-phe-som-hon-moi-nam\n' in text
    assert ('image:\n  src: images/ca-phe-dak-ha.jpg\n  caption: "Nông dân xã Hà Mòn thu hái cà phê chín."\n'
            '  credit: "Thu Hà"\n') in text
    assert (written.parent / "images/ca-phe-dak-ha.jpg").read_bytes() == photo.read_bytes()

    later = datetime.now(ZONE)  # the form dated it "now"; the tests' pinned build time is earlier
    report = check_site(site, BuildOptions(now=later))
    assert not report.problems, "\n".join(map(str, report.problems))
    output = build(site, tmp_path / "output", BuildOptions(now=later)).output_dir
    [page_file] = [p for p in output.rglob("index.html") if "dak-ha-nong-dan" in p.parent.name]
    figure = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser").select_one("figure")
    assert figure is not None and figure.select_one("img") is not None
    caption = " ".join(figure.select_one("figcaption").get_text(" ").split())
    assert caption == "Nông dân xã Hà Mòn thu hái cà phê chín. Ảnh: Thu Hà"


def test_editing_only_the_title_in_the_form_changes_only_the_title_line(newsroom, browser):
    site, admin = newsroom
    path = site / SAMPLE_ARTICLE
    before = path.read_bytes()
    old_line = 'title: "Bão số 5 gây sạt lở nghiêm trọng ở Đắk Glei và Kon Plông"\n'
    assert before.count(old_line.encode()) == 1
    slug = SAMPLE_ARTICLE.removeprefix("content/thoi-su/").removesuffix(".md")
    context, page = open_form(browser, admin + f"#/collections/thoi-su/entries/{slug}")
    page.get_by_label(label("Tiêu đề")).fill("Bão số 5: sạt lở nghiêm trọng ở Đắk Glei, Kon Plông")
    save_and_publish(page, screenshot_status=True)
    wait_for(lambda: path.read_bytes() != before)
    context.close()

    after = path.read_bytes()
    # The keys the form does not know (`source:`), the comment, the quoting, the order and the body
    # are the original bytes: one line differs.
    assert after == before.replace(old_line.encode(),
                                   'title: "Bão số 5: sạt lở nghiêm trọng ở Đắk Glei, Kon Plông"\n'.encode())
    assert git(site, "status", "--porcelain") == ""  # published, committed: nothing left half-done

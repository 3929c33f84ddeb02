"""`sitegen serve` for real: a server process, Chromium driven by Playwright, files edited on disk."""

import http.client
import re
import socket
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from conftest import article, camera_photo

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, site, *args):
        self.port = free_port()
        self.log = site.root.parent / "serve.log"
        self.log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sitegen.cli", "serve", "--port", str(self.port), "--jobs", "1", *args],
            cwd=site.root, stdout=self.log_file, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while "Serving on" not in self.output():
            assert self.process.poll() is None, self.output()
            assert time.time() < deadline, self.output()
            time.sleep(0.1)
        self.address = args[args.index("--host") + 1] if "--host" in args else "127.0.0.1"
        while True:  # "Serving on" is printed just before the socket listens
            try:
                socket.create_connection((self.address.replace("0.0.0.0", "127.0.0.1"), self.port), timeout=1).close()
                break
            except OSError:
                assert self.process.poll() is None and time.time() < deadline, self.output()
                time.sleep(0.05)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def builds(self) -> int:
        return len(re.findall(r"^(Built in|Build failed)", self.output(), re.M))

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.log_file.close()


@pytest.fixture
def served(make_site):
    started = []

    def start(files, *args, **site_options):
        """Serve a new site made of `files`, or serve again the site given instead."""
        site = files if hasattr(files, "root") else make_site(files, **site_options)
        server = Server(site, *args)
        started.append(server)
        return site, server
    yield start
    for server in started:
        server.stop()


ARTICLE_URL = "thoi-su/hop-bao-202406251518/"


def test_saving_an_article_reloads_the_open_page_with_the_change(served, browser):
    site, server = served({"content/a.md": article(title="Họp báo", body="Mở đầu.\n\nNội dung ban đầu.")})
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{server.port}/{ARTICLE_URL}")
    expect(page.locator("h1")).to_have_text("Họp báo")
    page.wait_for_function("window.LiveReload !== undefined")
    site.write("content/a.md", article(title="Họp báo", body="Mở đầu.\n\nNội dung đã sửa lúc 9 giờ."))
    expect(page.locator(".article-body")).to_contain_text("đã sửa lúc 9 giờ", timeout=15000)
    site.write("content/a.md", article(title="Họp báo", summary='"Sapo mới"', body="Lần sửa thứ hai."))
    expect(page.locator(".sapo")).to_have_text("Sapo mới", timeout=15000)
    page.close()


def test_a_tab_between_pages_when_a_build_lands_is_reloaded_once_it_listens(served, browser):
    """The tab has fetched the page but its reload socket is not open yet (a slow phone, a reload
    under way) when the change is built: the push reaches nobody; the tab must still catch up."""
    site, server = served({"content/a.md": article(title="Họp báo", body="Mở đầu.\n\nNội dung ban đầu.")})
    page = browser.new_page()
    held = []
    page.route("**/livereload.js*", lambda route: held.append(route))  # the tab's reload client waits here
    page.goto(f"http://127.0.0.1:{server.port}/{ARTICLE_URL}", wait_until="domcontentloaded")
    expect(page.locator(".article-body")).to_contain_text("ban đầu")
    before = server.builds()
    site.write("content/a.md", article(title="Họp báo", body="Mở đầu.\n\nNội dung đã sửa."))
    deadline = time.time() + 30
    while server.builds() == before:
        assert time.time() < deadline, server.output()
        page.wait_for_timeout(100)
    held[0].continue_()
    expect(page.locator(".article-body")).to_contain_text("đã sửa", timeout=15000)
    page.close()


def test_a_broken_file_shows_the_error_in_the_browser_and_a_fix_recovers(served, browser):
    site, server = served({"content/a.md": article(title="Họp báo")})
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{server.port}/{ARTICLE_URL}")
    page.wait_for_function("window.LiveReload !== undefined")
    site.write("content/a.md", article(title="Họp báo", date="hôm qua"))
    problems = page.locator("ol.problems")
    expect(problems).to_contain_text("content/a.md:3", timeout=15000)
    expect(problems).to_contain_text("cannot read the date")
    assert "content/a.md:3" in server.output() and server.process.poll() is None
    page.wait_for_function("window.LiveReload !== undefined")
    site.write("content/a.md", article(title="Họp báo", body="Mở đầu.\n\nĐã sửa lỗi ngày tháng."))
    expect(page.locator(".article-body")).to_contain_text("Đã sửa lỗi ngày tháng", timeout=15000)
    page.close()


def test_ten_saves_at_once_give_one_build_and_the_last_change_wins(served):
    site, server = served({f"content/{i}.md": article(title=f"Tin {i}", date=f"2024-06-{i + 1:02d}") for i in range(10)})
    before = server.builds()
    for i in range(10):
        site.write(f"content/{i}.md", article(title=f"Tin {i} đã sửa", date=f"2024-06-{i + 1:02d}"))
    deadline = time.time() + 20
    while server.builds() == before and time.time() < deadline:
        time.sleep(0.1)
    time.sleep(2.5)  # longer than the gathering of a burst
    assert server.builds() == before + 1, server.output()
    preview = site.root / ".sitegen-cache" / "serve"
    assert "Tin 9 đã sửa" in (preview / "thoi-su/tin-9-da-sua-202406100000/index.html").read_text(encoding="utf-8")


def test_drafts_are_previewed_and_marked_unless_asked_not_to(served):
    files = {"content/a.md": article(title="Bản nháp", draft="true"), "content/b.md": article(title="Đã đăng")}
    site, server = served(files)
    from urllib.request import urlopen
    html = urlopen(f"http://127.0.0.1:{server.port}/thoi-su/ban-nhap-202406251518/").read().decode()
    assert "Bản nháp — chưa xuất bản" in html
    server.stop()
    _, quiet = served(site, "--no-drafts")
    from urllib.error import HTTPError
    with pytest.raises(HTTPError) as missing:
        urlopen(f"http://127.0.0.1:{quiet.port}/thoi-su/ban-nhap-202406251518/")
    assert missing.value.code == 404


def test_a_sub_path_base_url_is_served_at_that_path(served, browser):
    _, server = served({"content/a.md": article(title="Họp báo")}, base_url="https://example.vn/bao/")
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{server.port}/")
    assert page.url.endswith("/bao/")
    page.click("text=Họp báo")
    expect(page.locator("h1")).to_have_text("Họp báo")
    assert "/bao/thoi-su/" in page.url
    # The hashed stylesheet under the sub-path did load: the menu bar has the theme's red.
    assert page.evaluate("getComputedStyle(document.querySelector('.navbar')).backgroundColor") == "rgb(155, 17, 17)"
    page.close()


def test_the_server_listens_only_on_this_computer_by_default(served):
    _, server = served({"content/a.md": article()})
    connections = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout
    listening = [line for line in connections.splitlines() if f":{server.port} " in line]
    assert listening and all("127.0.0.1:" in line for line in listening), listening


def test_a_busy_port_is_a_clear_message(served):
    site, server = served({"content/a.md": article()})
    second = subprocess.run([sys.executable, "-m", "sitegen.cli", "serve", "--port", str(server.port), "--jobs", "1"],
                            cwd=site.root, capture_output=True, text=True, timeout=120)
    assert second.returncode == 1
    assert "already in use" in second.stderr and "Traceback" not in second.stderr
    assert "Building" not in second.stdout  # told at once, not after a build


def raw_get(port: int, path: str, host: str | None = None, address: str = "127.0.0.1") -> tuple[int, str]:
    """A GET as written, with `host` as the Host header (http.client sends it unchanged)."""
    connection = http.client.HTTPConnection(address, port, timeout=10)
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", errors="replace")
    connection.close()
    return response.status, body


DRAFT = "thoi-su/ban-nhap-bi-mat-202406251518/"


def test_a_forged_host_never_gets_the_preview(served):
    _, server = served({"content/a.md": article(title="Bản nháp bí mật", draft="true")})
    port = server.port
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1.evil.example:{port}", "localhost.evil.example",
                 f"192.168.1.10:{port}", "[::2]", f"localhost:{port}:1", "", "localhost:x"):
        status, body = raw_get(port, "/" + DRAFT, host)
        assert status == 421, (host, status)
        assert "Bản nháp bí mật" not in body and "--host 0.0.0.0" in body, host
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", "127.8.9.10", f"[::1]:{port}", "LOCALHOST"):
        status, body = raw_get(port, "/" + DRAFT, host)
        assert status == 200 and "Bản nháp bí mật" in body, (host, status)


def test_a_forged_host_is_refused_at_a_sub_path_too(served):
    _, server = served({"content/a.md": article()}, base_url="https://example.vn/bao/")
    assert raw_get(server.port, "/", "evil.example")[0] == 421
    assert raw_get(server.port, "/", f"localhost:{server.port}")[0] == 302


def this_computers_address() -> str:
    """This computer's address on its network (a UDP "connection" sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("192.0.2.254", 9))
        address = s.getsockname()[0]
    assert not address.startswith("127."), "the test needs a network interface besides loopback"
    return address


def test_a_preview_on_a_given_address_answers_that_address_and_loopback_names_only(served):
    address = this_computers_address()
    _, server = served({"content/a.md": article(title="Họp báo")}, "--host", address)
    assert raw_get(server.port, "/" + ARTICLE_URL, f"{address}:{server.port}", address)[0] == 200
    assert raw_get(server.port, "/" + ARTICLE_URL, f"localhost:{server.port}", address)[0] == 200
    assert raw_get(server.port, "/" + ARTICLE_URL, "evil.example", address)[0] == 421


def test_a_preview_opened_to_the_network_answers_any_host(served):
    _, server = served({"content/a.md": article(title="Họp báo")}, "--host", "0.0.0.0")
    status, body = raw_get(server.port, "/" + ARTICLE_URL, "bao.example.vn")
    assert status == 200 and "Họp báo" in body


ODD_PATHS = ["/x%00.jpg", "/thoi-su/%00", "/%0a.html", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
             "/thoi-su/%2E%2E/%2e%2e/config.toml", "/" + "a" * 300 + ".jpg", "/" + quote("ư" * 200) + "/",
             "/%ff%fe.jpg", "/%zz", "/%"]


def test_odd_paths_are_a_400_or_404_never_a_500(served):
    _, server = served({"content/a.md": article(title="Họp báo")})
    for path in ODD_PATHS:
        status, body = raw_get(server.port, path, f"127.0.0.1:{server.port}")
        assert status in (400, 404), (path, status, body[:300])
        assert "Traceback" not in body
    assert "Traceback" not in server.output() and "500" not in server.output()
    assert raw_get(server.port, "/" + ARTICLE_URL, f"127.0.0.1:{server.port}")[0] == 200


def test_what_the_raw_html_policy_cut_is_told_in_the_preview_log(served):
    site, server = served({"content/thoi-su/a.md": article(title="Họp báo", body="Mở đầu.\n\n<script>alert(1)</script>\n")})
    assert "warning:" in server.output() and "script" in server.output()


def test_the_quick_preview_of_an_edit_shows_body_photos_as_the_build_does(make_site):
    from sitegen.serve import Preview
    body = "Mở đầu.\n\n![Cầu treo sau lũ](cau.jpg)\n\n{}"
    site = make_site({"content/thoi-su/a.md": article(title="Cầu treo", body=body.format("Bản đầu.")),
                      "content/thoi-su/cau.jpg": camera_photo()})
    preview = Preview(site.root, drafts=True, jobs=1, log=lambda line: None)
    assert preview.rebuild()
    page = preview.output_dir / "thoi-su/cau-treo-202406251518/index.html"
    built = page.read_text(encoding="utf-8")
    edited = site.write("content/thoi-su/a.md", article(title="Cầu treo", body=body.format("Bản đã sửa.")))
    assert preview.preview({edited})  # the page rendered again from the previous build, before the full one
    shown = page.read_text(encoding="utf-8")
    assert "Bản đã sửa." in shown and "<picture>" in shown
    assert shown.split("<picture>")[1].split("</picture>")[0] == built.split("<picture>")[1].split("</picture>")[0]

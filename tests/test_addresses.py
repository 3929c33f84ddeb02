"""Old addresses (`aliases`) and permalink patterns: one normalised address, never server syntax.

The redirect maps are read by the real nginx: `nginx -t` on a config that includes the generated
map, then an nginx of the test's own on a free port, asked for each old address.
"""

import http.client
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from conftest import article, messages
from sitegen.addresses import AddressError, alias_path, site_path
from sitegen.sitemaps import UnsafeServerFile, _nginx_string, _redirects_field

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def aliases(*paths: str) -> str:
    """A YAML block list, one old address a line (double-quoted: YAML escapes such as \\n work)."""
    return "".join(f'\n  - "{p}"' for p in paths)


# --- hostile old addresses: refused by the reader, with the line and what is wrong ----------------

HOSTILE = {
    '/tin-tuc/a\\"b.html': "contains a double quote",
    "/tin-tuc/a\\nserver { listen 80; }": "contains a line break",
    "/x;": "contains a semicolon",
    "/x}": "contains a brace",
    "/$host": "contains a dollar sign",
    "/bai cu.html": "contains a space",
    "/* /index.html 200": "contains an asterisk",
    "/tin?id=1": "has a query",
    "//evil.example/x": "must be a path on this site",
    "/tin-tuc/%2e%2e/%2e%2e/x": "'..' (the folder above) is not allowed",
    "/x%00.jpg": "encodes U+0000",
    "/a%2Fb": "encodes '/'",
    "/%ff.html": "not UTF-8",
}


def test_hostile_aliases_fail_the_build_and_check_with_file_line_and_what(make_site):
    site = make_site({"content/a.md": article(aliases=aliases(*HOSTILE))})
    problems = site.build_fails()
    text = messages(problems)
    assert len(problems) == len(HOSTILE), text
    for line, (alias, what) in enumerate(HOSTILE.items(), start=6):
        found = [p for p in problems if p.line == line]
        assert found and what in found[0].message, (alias, text)
        assert found[0].file == "content/a.md" and found[0].hint
    assert not (site.root / "output").exists()
    check = site.cli("check")
    assert check.returncode == 1 and "Traceback" not in check.stdout + check.stderr
    for problem in problems:
        assert f"{problem.location}: error: {problem.message}" in check.stdout + check.stderr


def test_a_permalink_pattern_outside_the_character_set_is_a_config_error(make_site):
    site = make_site({"content/a.md": article()}, extra_config='[permalinks]\narchive = "lưu trữ/"')
    problem = site.build_fails()[0]
    assert problem.file == "config.toml" and problem.message.startswith("permalinks.archive:")
    assert "contains" in problem.message


# --- one address, however written ---------------------------------------------------------------

@pytest.mark.parametrize("written, url, file", [
    ("/tin-tức/bài-1.html", "tin-t%E1%BB%A9c/b%C3%A0i-1.html", "tin-tức/bài-1.html"),
    ("/tin-t%e1%bb%a9c/b%C3%A0i-1.html", "tin-t%E1%BB%A9c/b%C3%A0i-1.html", "tin-tức/bài-1.html"),
    ("/tin-tu\u031bc/bai-1.html", "tin-t%C6%B0c/bai-1.html", "tin-tưc/bai-1.html"),  # NFD from macOS
    ("/thoi-su/./", "thoi-su/", "thoi-su/"),
    ("/thoi-su//.", "thoi-su/", "thoi-su/"),
    ("/%41%2d%7e.html", "A-~.html", "A-~.html"),
    ("/bai%20cu.html", "bai%20cu.html", "bai cu.html"),
    ("old/path", "old/path/", "old/path/"),
    ("/.", "", ""),
])
def test_every_spelling_of_an_address_is_one_normalised_address(written, url, file):
    path = alias_path(written)
    assert (path.url, path.file) == (url, file)
    assert alias_path("/" + path.url) == path  # normalising twice changes nothing


def test_an_address_segment_longer_than_a_file_name_is_refused():
    with pytest.raises(AddressError, match="longer than 255 bytes"):
        site_path("/" + "ơ" * 128, "alias")


@pytest.mark.parametrize("aliases_of_a, what", [
    ('["/."]', "alias '/.' (that is /) is already the address of the home page"),
    ('["/thoi-su/./"]', "alias '/thoi-su/./' (that is /thoi-su/) is already the address of the category page"),
    ('["/kinh-te//"]', "alias '/kinh-te//' (that is /kinh-te/) is already the address of the category page"),
    ('["/luu-tru/."]', "is already the address of the archive page"),
])
def test_dot_segments_cannot_replace_the_home_or_a_category_page(make_site, aliases_of_a, what):
    site = make_site({"content/a.md": article(aliases=aliases_of_a)})
    problems = site.build_fails()
    assert [p.message for p in problems] == [what] or what in problems[0].message, messages(problems)
    assert problems[0].file == "content/a.md" and problems[0].line == 5
    check = site.cli("check")
    assert check.returncode == 1 and what in check.stdout + check.stderr


@pytest.mark.parametrize("aliases_of_a, what", [
    ('["/robots.txt"]', "sitegen writes robots.txt"),
    ('["/sitemap-news.xml"]', "sitegen writes sitemap-news.xml"),
    ('["/nginx-redirects.conf"]', "sitegen writes nginx-redirects.conf"),
    ('["/static/style.css"]', "sitegen writes static/"),
    ('["/media/thoi-su/anh.html"]', "sitegen writes media/"),
    ('["/pagefind/x.html"]', "sitegen writes pagefind/"),
    ('["/rss/tin-moi-nhat.rss"]', "sitegen writes rss/tin-moi-nhat.rss"),
    ('["/404.html/"]', "sitegen writes 404.html"),
    ('["/cu.html/", "/cu.html"]', "sitegen writes the folder cu.html/"),
])
def test_an_alias_cannot_take_the_place_of_a_file_sitegen_writes(make_site, aliases_of_a, what):
    site = make_site({"content/a.md": article(aliases=aliases_of_a)})
    problems = site.build_fails()  # it was a traceback (IsADirectoryError) or a silent overwrite
    assert len(problems) == 1 and what in problems[0].message, messages(problems)
    assert problems[0].file == "content/a.md" and problems[0].line == 5


def test_two_spellings_of_one_old_address_are_one_address(make_site):
    site = make_site({"content/a.md": article(title="Bài A", aliases='["/tin-tức/x.html"]'),
                      "content/b.md": article(title="Bài B", aliases='["/tin-t%E1%BB%A9c/x.html"]')})
    problem = site.build_fails()[0]
    assert "is already the address of content/a.md" in problem.message and problem.file == "content/b.md"


def test_a_dot_in_an_article_pattern_cannot_hide_a_collision_with_a_category(make_site):
    site = make_site({"content/a.md": article(slug="thoi-su")}, extra_config='[permalinks]\narticle = "./{slug}/"')
    problems = site.build_fails()
    assert "/thoi-su/ is the address of two pages" in messages(problems)


@pytest.mark.parametrize("setting, what", [
    ('archive = "./"', "permalinks.archive: './' is the address of the home page"),
    ('article = "{category}/../../{slug}/"', "permalinks.article: '{category}/../../{slug}/' must not contain '..'"),
    ('tags = "./luu-tru/"', "permalinks.tags: './luu-tru/' is also the address of permalinks.archive"),
])
def test_permalink_patterns_are_normalised_before_they_are_checked(make_site, setting, what):
    site = make_site({"content/a.md": article()}, extra_config=f"[permalinks]\n{setting}")
    problems = site.build_fails()
    assert what in messages(problems)
    assert all(p.file == "config.toml" and p.line for p in problems)


# --- the server files: quoted for their format, read by the real nginx ---------------------------

def test_the_nginx_writer_escapes_quotes_and_backslashes_inside_its_quotes():
    assert _nginx_string('/a"; } server {') == '"/a\\"; } server {"'
    assert _nginx_string("/a\\b") == '"/a\\\\b"'


@pytest.mark.parametrize("hostile", ["/a\n}", "/a\tb", "/a\x00", "x", "~^/", "default"])
def test_the_nginx_writer_refuses_what_could_end_a_line_or_change_a_key(hostile):
    with pytest.raises(UnsafeServerFile):
        _nginx_string(hostile)


def test_the_nginx_writer_refuses_variables_in_a_value():
    assert _nginx_string("/gia-$100.html") == '"/gia-$100.html"'  # a key: compared as text
    with pytest.raises(UnsafeServerFile):
        _nginx_string("/$host/", value=True)


@pytest.mark.parametrize("hostile", ["/a b", "/a\n/b", "/*", "/:splat", "/#x", "/%zz", "tin/"])
def test_the_redirects_writer_refuses_what_could_split_a_line_or_be_a_rule(hostile):
    with pytest.raises(UnsafeServerFile):
        _redirects_field(hostile)


AWKWARD = {
    "/tin-tức/bài-1.html": "Bài một",
    "/tin-tuc/bai%20cu.html": "Bài hai",
    "/old/path": "Bài ba",
    "/chuyen-muc/thoi-su/2019/06/25/tin-rat-dai-tu-he-thong-cu-cua-toa-soan-12345.html": "Bài bốn",
    "/gia-%24100.html": "Bài năm",
    "/Tin-Tuc/Chi-Tiet.aspx": "Bài sáu",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


NGINX_CONF = """\
daemon off;
master_process off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {output}/nginx-redirects.conf;
    server {{
        listen 127.0.0.1:{port};
        root {output};
        include {output}/nginx-cache.conf;
        if ($sitegen_redirect) {{ return 301 $sitegen_redirect; }}
        if ($sitegen_old_domain_redirect) {{ return 301 $sitegen_old_domain_redirect; }}
    }}
}}
"""


@pytest.fixture
def nginx(tmp_path):
    """Start nginx on a free port serving `output`; stopped at the end of the test."""
    started = []

    def start(output: Path) -> int:
        prefix = tmp_path / "nginx"
        prefix.mkdir()
        port = free_port()
        conf = prefix / "nginx.conf"
        conf.write_text(NGINX_CONF.format(prefix=prefix, output=output, port=port), encoding="utf-8")
        command = [NGINX, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)]
        tested = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        assert tested.returncode == 0, tested.stderr
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started.append(process)
        deadline = time.time() + 15
        while True:
            assert process.poll() is None, process.stderr.read().decode()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return port
            except OSError:
                assert time.time() < deadline, "nginx did not start"
                time.sleep(0.05)
    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def get(port: int, path: str, host: str = "") -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host} if host else {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_awkward_valid_aliases_are_real_301s_on_nginx(make_site, nginx):
    files = {f"content/{i}.md": article(title=title, date=f"2024-06-{i + 10} 08:00", aliases=f'["{alias}"]')
             for i, (alias, title) in enumerate(AWKWARD.items())}
    built = make_site(files).build()
    targets = {}
    for path in built.article_paths():
        targets[built.html(path).h1.get_text(strip=True)] = "/" + path
    lines = built.text("_redirects").splitlines()
    assert len(lines) == len(AWKWARD) and all(len(line.split()) == 3 for line in lines), lines
    assert "/tin-t%E1%BB%A9c/b%C3%A0i-1.html " + targets["Bài một"] + " 301" in lines
    assert built.exists("tin-tức/bài-1.html") and built.exists("tin-tuc/bai cu.html")  # where servers look

    port = nginx(built.output)
    for alias, title in AWKWARD.items():
        requested = quote(alias, safe="/%")  # as a browser sends it: non-ASCII percent-encoded
        response = get(port, requested)
        assert response.status == 301, (alias, response.status)
        assert urlsplit(response.getheader("Location")).path == targets[title], alias
    home = get(port, "/")
    assert home.status == 200 and "<title>Báo Thử Nghiệm" in home.body.decode()
    assert get(port, targets["Bài một"]).status == 200


@pytest.mark.parametrize("base_url, expected", [
    ("https://example.vn/bao $x/", "contains a space"),
    ("https://example.vn/a;b/", "contains a semicolon"),
    ("https://example.vn/tin-tức/", "must be written '/tin-t%E1%BB%A9c/'"),
    ("https://example.vn/bao/?a=1", "has a query or a fragment"),
])
def test_the_path_of_base_url_follows_the_address_rule(make_site, base_url, expected):
    # It goes into every link and into nginx-redirects.conf / _redirects: the same rule as aliases.
    site = make_site({"content/thoi-su/a.md": article(aliases='["/cu.html"]')}, base_url=base_url)
    result = site.cli("build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "config.toml:" in result.stderr and expected in result.stderr


# --- old domains: a merged paper's old addresses keep working ---------------------------------------

def test_an_old_domains_address_is_a_301_for_that_domain_only_on_nginx_and_netlify(make_site, nginx):
    old = "https://baokontum.com.vn/tin-tuc/du-an-thuy-dien-1234.html"
    site = make_site({
        "content/a.md": article(title="Bài một", date="2024-06-20 08:00", aliases=f'["{old}", "/bai-cu.html"]'),
        "content/b.md": article(title="Bài hai", date="2024-06-21 08:00",
                                aliases='["https://Báo-Cũ.vn/tin-tuc/du-an-thuy-dien-1234.html"]'),
    })
    built = site.build()
    target = "https://example.vn/thoi-su/bai-mot-202406200800/"
    lines = built.text("_redirects").splitlines()
    assert f"{old} {target} 301!" in lines
    assert f"https://xn--bo-c-5na33f.vn/tin-tuc/du-an-thuy-dien-1234.html https://example.vn/thoi-su/bai-hai-202406210800/ 301!" in lines
    assert "/bai-cu.html /thoi-su/bai-mot-202406200800/ 301" in lines
    assert not built.exists("tin-tuc/du-an-thuy-dien-1234.html")  # no page of this site stands there
    port = nginx(built.output)
    moved = get(port, "/tin-tuc/du-an-thuy-dien-1234.html", host="baokontum.com.vn")
    assert moved.status == 301 and moved.getheader("Location") == target
    other = get(port, "/tin-tuc/du-an-thuy-dien-1234.html", host="xn--bo-c-5na33f.vn")
    assert other.status == 301 and other.getheader("Location").endswith("/thoi-su/bai-hai-202406210800/")
    assert get(port, "/tin-tuc/du-an-thuy-dien-1234.html", host="example.vn").status == 404  # the same path here: nothing


@pytest.mark.parametrize("alias, what", [
    ("https://user@baokontum.com.vn/a.html", "is not a domain name (no user, port or IP address)"),
    ("https://baokontum.com.vn:8080/a.html", "is not a domain name (no user, port or IP address)"),
    ("https://127.0.0.1/a.html", "is not a domain name"),
    ("https://bao$host.vn/a.html", "is not a domain name"),
    ("https://localhost/a.html", "is not a domain name"),
    ("https://baokontum.com.vn/a;b.html", "contains a semicolon"),
])
def test_an_old_domain_that_is_no_domain_name_is_refused_with_its_line(make_site, alias, what):
    site = make_site({"content/a.md": article(aliases=f'["{alias}"]')})
    problems = site.build_fails()
    assert len(problems) == 1 and what in problems[0].message and problems[0].line == 5, messages(problems)


def test_two_articles_cannot_claim_one_old_domains_address(make_site):
    old = '["https://baokontum.com.vn/tin-tuc/1.html"]'
    site = make_site({"content/a.md": article(title="Một", aliases=old),
                      "content/b.md": article(title="Hai", aliases=old)})
    problems = site.build_fails()
    assert any("is already an old address of content/a.md" in p.message and p.file == "content/b.md" for p in problems), \
        messages(problems)

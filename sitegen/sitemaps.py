"""Files for crawlers and servers: sitemaps, the Google News sitemap, robots.txt, redirect maps
(and, in `machine_files`, with the RSS feeds of `feeds.py`: every such file of a build).

- `sitemap.xml` lists every indexable page with `lastmod`; past `sitemap_max_urls` it becomes a
  sitemap index over `sitemap-1.xml`, `sitemap-2.xml`, ... (the protocol allows 50,000 per file).
- `sitemap-news.xml` holds only the articles of the last `news_sitemap_days` days before the build
  time, as Google News asks; it is not written (nor named in robots.txt) when there are none.
- `_redirects` (Netlify, Cloudflare Pages) and `nginx-redirects.conf` (a `map` for nginx) turn the
  articles' `aliases` into real 301s on servers that can do them; the alias pages' meta refresh
  covers the rest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Sequence
from urllib.parse import unquote
from xml.sax.saxutils import escape

from .addresses import old_address
from .feeds import feed_files
from .banner import BANNER_FILE, banner_json
from .page import Page
from .planner import LATEST_FILE, PagePlanner
from .podcast import podcast_feed
from .theme import ASSETS_DIR
from .xmldoc import xml_document

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NAMESPACES = {"": SITEMAP, "news": NEWS}

NEWS_SITEMAP = "sitemap-news.xml"
NOT_LISTED = {"redirect", "not_found", "search", "withdrawn"}


_XML_HEAD = "<?xml version='1.0' encoding='utf-8'?>"


def _xml(root: ET.Element) -> bytes:
    return xml_document(root, NAMESPACES)


def machine_files(planner: PagePlanner, pages: list[Page], now: datetime, renditions: Path) -> dict[str, bytes]:
    """Feeds, sitemaps, robots.txt and redirect maps: output path -> bytes.  `renditions` is the
    folder the photo step wrote to (feeds state the size of the photos they carry)."""
    files = feed_files(planner, lambda name: os.path.getsize(renditions / name))
    files |= sitemap_files(planner, pages)
    news = news_sitemap(planner, now)
    files |= news
    files["robots.txt"] = robots_txt(planner, ["sitemap.xml", *news])
    files |= redirect_files(planner, pages)
    files[LATEST_FILE] = planner.latest_json()
    files[BANNER_FILE] = banner_json(planner.banner, planner.config.base_path)
    files |= podcast_feed(planner, planner.media)
    files |= cache_rules(planner)
    return files


def sitemap_files(planner: PagePlanner, pages: Sequence[Page]) -> dict[str, bytes]:
    config = planner.config
    entries = []
    for page in pages:
        if page.kind in NOT_LISTED or not page.output_file.endswith(".html"):
            continue
        entries.append((planner.absolute(page.path), page.lastmod))
    chunks = [entries[i:i + config.sitemap_max_urls] for i in range(0, len(entries), config.sitemap_max_urls)] or [[]]

    def urlset(chunk) -> bytes:
        if not chunk:
            return _xml(ET.Element("urlset"))
        # Written as text: tens of thousands of URLs go through ElementTree ten times slower, to the
        # same bytes (tests/test_feeds_sitemaps_meta.py compares the two).
        lines = [_XML_HEAD, f'<urlset xmlns="{SITEMAP}">']
        for loc, lastmod in chunk:
            lines.append(f"  <url>\n    <loc>{escape(loc)}</loc>")
            if lastmod:
                lines.append(f"    <lastmod>{lastmod.isoformat(timespec='seconds')}</lastmod>")
            lines.append("  </url>")
        lines.append("</urlset>\n")
        return "\n".join(lines).encode()

    if len(chunks) == 1:
        return {"sitemap.xml": urlset(chunks[0])}
    files = {}
    index = ET.Element("sitemapindex")
    for number, chunk in enumerate(chunks, 1):
        name = f"sitemap-{number}.xml"
        files[name] = urlset(chunk)
        entry = ET.SubElement(index, "sitemap")
        ET.SubElement(entry, "loc").text = planner.absolute(name)
        newest = max((m for _, m in chunk if m), default=None)
        if newest:
            ET.SubElement(entry, "lastmod").text = newest.isoformat(timespec="seconds")
    files["sitemap.xml"] = _xml(index)
    return files


def news_sitemap(planner: PagePlanner, now: datetime) -> dict[str, bytes]:
    """`sitemap-news.xml`: articles published within `news_sitemap_days` before `now` (and not after
    it).  With none, no file at all: an empty <urlset/> is invalid against the sitemaps.org schema
    (it asks for one <url> or more), and nothing then refers to it (see `robots_txt`)."""
    config = planner.config
    since = now - timedelta(days=config.news_sitemap_days)
    recent = [a for a in planner.site.articles if since <= a.date <= now]
    if not recent:
        return {}
    root = ET.Element("urlset")
    for article in recent:
        view = planner.views[article.source]
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = view.absolute_url
        news = ET.SubElement(url, "news:news")
        publication = ET.SubElement(news, "news:publication")
        ET.SubElement(publication, "news:name").text = config.title
        ET.SubElement(publication, "news:language").text = config.language
        ET.SubElement(news, "news:publication_date").text = view.date.isoformat(timespec="seconds")
        ET.SubElement(news, "news:title").text = view.title
    return {NEWS_SITEMAP: _xml(root)}


def robots_txt(planner: PagePlanner, sitemaps: Sequence[str]) -> bytes:
    """`sitemaps`: the sitemap files written at the root ("sitemap.xml", and "sitemap-news.xml"
    only when it exists: a crawler told of a missing file reports an error to the paper)."""
    lines = ["User-agent: *", "Allow: /", "", *(f"Sitemap: {planner.absolute(name)}" for name in sitemaps), ""]
    return "\n".join(lines).encode()


def redirect_files(planner: PagePlanner, pages: Sequence[Page]) -> dict[str, bytes]:
    """`_redirects` and an nginx `map` from every alias (old path) to its article (new path).

    Aliases reach here validated and normalised (`addresses`); each value is still written through
    the format's own quoting, which refuses what could end a field, a string or a line: a file that
    configures a server must never take its syntax from an article."""
    pairs = []
    for page in pages:
        if page.kind == "redirect":
            pairs.append((page.info.url, planner.url(planner.site.paths[page.source])))
    elsewhere = []  # the old domains' addresses: (domain, path, the article's full address)
    for article in (*planner.site.articles, *planner.site.withdrawn):
        for alias in article.aliases:
            old = old_address(alias)  # valid: the reader refused the rest
            if old.host:
                elsewhere.append((old.host, "/" + old.path.url, planner.absolute(planner.site.paths[article.source])))
    netlify = "".join(f"{_redirects_field(old)} {_redirects_field(new)} 301\n" for old, new in pairs)
    # An old domain's address on Netlify: the full address, forced ("!") over any file at that path.
    netlify += "".join(f"{_redirects_field(f'https://{host}{old}')} {_redirects_field(new)} 301!\n"
                       for host, old, new in elsewhere)
    # nginx compares `$uri`, the request path decoded ("/tin-tức/bài-1.html"): the keys are decoded,
    # the Location values stay percent-encoded.  A folder is matched with and without its final "/".
    entries = _map_keys(pairs)
    hosted = _map_keys((host + old, new) for host, old, new in elsewhere)
    nginx = ["# Old addresses of articles (front matter `aliases`) -> their current address.",
             "# In the http block, before any other map:   include /path/to/nginx-redirects.conf;",
             "# In the server block: if ($sitegen_redirect) { return 301 $sitegen_redirect; }",
             "# Old domains' addresses (`aliases: [\"https://old-domain/...\"]`), in the server block",
             "# that answers for the old domains:",
             "#   if ($sitegen_old_domain_redirect) { return 301 $sitegen_old_domain_redirect; }"]
    nginx += _nginx_hash_sizes([*entries, *hosted])  # one setting for both maps: nginx takes it once
    for variable, keyed_by, table in (("$sitegen_redirect", "$uri", entries),
                                      ("$sitegen_old_domain_redirect", "$host$uri", hosted)):
        nginx += [f"map {keyed_by} {variable} {{", "    default \"\";"]
        nginx += [f"    {_nginx_string(old)} {_nginx_string(new, value=True)};" for old, new in table.items()]
        nginx += ["}", ""]
    return {"_redirects": netlify.encode(), "nginx-redirects.conf": "\n".join(nginx).encode()}


def _map_keys(pairs) -> dict[str, str]:
    """nginx map entries from (old address, new address): the key decoded, a folder with and without
    its final "/"."""
    entries: dict[str, str] = {}
    for old, new in pairs:
        decoded = unquote(old)
        entries.setdefault(decoded, new)
        if decoded.endswith("/") and len(decoded) > 1:
            entries.setdefault(decoded.rstrip("/"), new)
    return entries


class UnsafeServerFile(RuntimeError):
    """A value that would change the meaning of a server's file reached its writer: a bug in sitegen
    (addresses are validated long before), never something to write."""


_DOMAIN = r"(?:https?://[a-z0-9-]+(?:\.[a-z0-9-]+)+)"
_REDIRECTS_FIELD = re.compile(_DOMAIN + r"?/(?:[A-Za-z0-9\-._~!$&'()+,;=@/]|%[0-9A-F]{2})*")
"""An optional http(s) domain, then RFC 3986 path characters without ":" and "*" (Netlify's
placeholders and splats): no space can split the line, no "#" start a comment."""
_NGINX_STRING_START = re.compile(r"/|" + _DOMAIN + "/|[a-z0-9-]+(?:\\.[a-z0-9-]+)+/")
"""What an nginx string here starts with: a path, a full address, or a domain then a path (a key of
the old domains' map, `$host$uri`)."""


def _redirects_field(path: str) -> str:
    if not _REDIRECTS_FIELD.fullmatch(path):
        raise UnsafeServerFile(f"internal error: {path!r} cannot be one field of a _redirects line")
    return path


def _nginx_string(text: str, *, value: bool = False) -> str:
    """`text` as a double-quoted nginx string.  Inside quotes `;`, `{`, `}` and spaces are plain text
    and `\\` escapes `"` and itself; a map value would expand `$name`, a key never does."""
    if not _NGINX_STRING_START.match(text) or not text.isprintable() or (value and "$" in text):
        raise UnsafeServerFile(f"internal error: {text!r} cannot be written into nginx-redirects.conf")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _nginx_hash_sizes(keys: list[str]) -> list[str]:
    """nginx refuses a map whose longest key does not fit its hash bucket (64 bytes by default:
    an old address of 47 characters is too long) or whose keys do not fit 2048 buckets."""
    longest = max((len(k.encode()) for k in keys), default=0)
    needed = -(-(longest + 2 + 8) // 8) * 8 + 8  # ngx_hash_init: pointer + key + 2, aligned, + a pointer
    lines = []
    if needed > 64:
        lines.append(f"map_hash_bucket_size {1 << (needed - 1).bit_length()};")
    if 4 * len(keys) > 2048:
        lines.append(f"map_hash_max_size {1 << (4 * len(keys) - 1).bit_length()};")
    return lines


ASSET_LIFETIME = 365 * 24 * 3600
"""Seconds a host may keep a content-hashed theme file: its name changes with its bytes."""
PAGE_LIFETIME = 300
"""Seconds for everything else (pages, feeds, photos at their committed names): a publish shows
within five minutes on a cache that does not ask again."""


def cache_rules(planner: PagePlanner) -> dict[str, bytes]:
    """`_headers` (Netlify, Cloudflare Pages) and `nginx-cache.conf`: long lifetimes for the hashed
    files of static/v/, short ones for the rest."""
    assets = planner.url(ASSETS_DIR)
    headers = "\n".join([
        "# Written by sitegen: content-hashed theme files never change under their name.",
        f"{assets}*",
        f"  Cache-Control: public, max-age={ASSET_LIFETIME}, immutable",
        "/*",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "",
    ])
    nginx = "\n".join([
        "# Written by sitegen.  In the site's server block:   include /path/to/nginx-cache.conf;",
        f"# Pages, feeds and photos may be kept {PAGE_LIFETIME} s (a publish shows within minutes); the",
        "# content-hashed theme files of static/v/ a year, since new bytes get a new name.  (A location",
        "# of the site's own with add_header lines replaces the first two lines there, as nginx does.)",
        f'add_header Cache-Control "public, max-age={PAGE_LIFETIME}";',
        "add_header X-Content-Type-Options nosniff;",
        f"location ^~ {_nginx_string(unquote(assets))} {{",
        f'    add_header Cache-Control "public, max-age={ASSET_LIFETIME}, immutable";',
        "    add_header X-Content-Type-Options nosniff;",
        "}",
        "",
    ])
    return {"_headers": headers.encode(), "nginx-cache.conf": nginx.encode()}

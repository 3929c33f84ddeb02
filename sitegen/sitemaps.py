"""Files for crawlers and servers: sitemaps, the Google News sitemap, robots.txt, redirect maps.

- `sitemap.xml` lists every indexable page with `lastmod`; past `sitemap_max_urls` it becomes a
  sitemap index over `sitemap-1.xml`, `sitemap-2.xml`, ... (the protocol allows 50,000 per file).
- `sitemap-news.xml` holds only the articles of the last `news_sitemap_days` days before the build
  time, as Google News asks.
- `_redirects` (Netlify, Cloudflare Pages) and `nginx-redirects.conf` (a `map` for nginx) turn the
  articles' `aliases` into real 301s on servers that can do them; the alias pages' meta refresh
  covers the rest.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from typing import Sequence
from xml.sax.saxutils import escape

from .pages import Page, PagePlanner

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
ET.register_namespace("", SITEMAP)
ET.register_namespace("news", NEWS)

NOT_LISTED = {"redirect", "not_found", "search"}


_XML_HEAD = "<?xml version='1.0' encoding='utf-8'?>"


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _lastmod(page: Page) -> datetime | None:
    """An article's update or publication time; a listing's newest article; else none."""
    context = page.context
    if "article" in context:
        return context["article"].updated or context["article"].date
    for key in ("pagination", "featured"):
        items = context.get(key)
        items = items.items if key == "pagination" and items else items
        if items:
            return max(a.updated or a.date for a in items)
    return None


def sitemap_files(planner: PagePlanner, pages: Sequence[Page]) -> dict[str, bytes]:
    config = planner.config
    entries = []
    for page in pages:
        if page.page_kind in NOT_LISTED or not page.output_file.endswith(".html"):
            continue
        entries.append((planner.absolute(page.path), _lastmod(page)))
    chunks = [entries[i:i + config.sitemap_max_urls] for i in range(0, len(entries), config.sitemap_max_urls)] or [[]]

    def urlset(chunk) -> bytes:
        if not chunk:
            return _xml(ET.Element(f"{{{SITEMAP}}}urlset"))
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
    index = ET.Element(f"{{{SITEMAP}}}sitemapindex")
    for number, chunk in enumerate(chunks, 1):
        name = f"sitemap-{number}.xml"
        files[name] = urlset(chunk)
        entry = ET.SubElement(index, f"{{{SITEMAP}}}sitemap")
        ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = planner.absolute(name)
        newest = max((m for _, m in chunk if m), default=None)
        if newest:
            ET.SubElement(entry, f"{{{SITEMAP}}}lastmod").text = newest.isoformat(timespec="seconds")
    files["sitemap.xml"] = _xml(index)
    return files


def news_sitemap(planner: PagePlanner, now: datetime) -> bytes:
    """Articles published within `news_sitemap_days` before `now` (and not after it)."""
    config = planner.config
    since = now - timedelta(days=config.news_sitemap_days)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for article in planner.site.articles:
        if not since <= article.date <= now:
            continue
        view = planner.views[article.source]
        url = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = view.absolute_url
        news = ET.SubElement(url, f"{{{NEWS}}}news")
        publication = ET.SubElement(news, f"{{{NEWS}}}publication")
        ET.SubElement(publication, f"{{{NEWS}}}name").text = config.title
        ET.SubElement(publication, f"{{{NEWS}}}language").text = config.language
        ET.SubElement(news, f"{{{NEWS}}}publication_date").text = view.date.isoformat(timespec="seconds")
        ET.SubElement(news, f"{{{NEWS}}}title").text = view.title
    return _xml(root)


def robots_txt(planner: PagePlanner) -> bytes:
    lines = ["User-agent: *", "Allow: /", "",
             f"Sitemap: {planner.absolute('sitemap.xml')}",
             f"Sitemap: {planner.absolute('sitemap-news.xml')}", ""]
    return "\n".join(lines).encode()


def redirect_files(planner: PagePlanner, pages: Sequence[Page]) -> dict[str, bytes]:
    """`_redirects` and an nginx `map` from every alias (old path) to its article (new path)."""
    pairs = []
    for page in pages:
        if page.page_kind == "redirect":
            pairs.append((planner.url(page.path), planner.views[page.source].url))
    netlify = "".join(f"{old} {new} 301\n" for old, new in pairs)
    nginx = ["# Old addresses of articles (front matter `aliases`) -> their current address.",
             "# In the http block:   include /path/to/nginx-redirects.conf;",
             "# In the server block: if ($sitegen_redirect) { return 301 $sitegen_redirect; }",
             "map $uri $sitegen_redirect {", "    default \"\";"]
    nginx += [f'    "{old}" "{new}";' for old, new in pairs]
    nginx += ["}", ""]
    return {"_redirects": netlify.encode(), "nginx-redirects.conf": "\n".join(nginx).encode()}

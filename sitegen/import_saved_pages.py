"""Saved pages of an old site, as `wget --mirror` leaves them (`read_page`): trafilatura finds the
article in the page's frame, or a profile of the old site's CSS selectors says where it is
(`PageProfile`, read by `read_profile` from --profile FILE.toml).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from .import_html import html_blocks
from .old_articles import AUTHOR_LINE, ImportReport, OldArticle, OldPhoto, UnreadableSource, clean_text, old_date
from .vietnamese import nfc

PAGE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class PageProfile:
    """CSS selectors for one old site's article pages, for where the guesses go wrong (--profile
    FILE.toml, a [page] table): title, date, author, sapo, body, category, and drop (a list: what to
    cut from the body: share buttons, the author line, boxes of other articles)."""

    title: str = ""
    date: str = ""
    author: str = ""
    sapo: str = ""
    body: str = ""
    category: str = ""
    drop: tuple[str, ...] = ()


def read_profile(path: Path) -> PageProfile:
    import tomllib

    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("page", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UnreadableSource(1, f"the profile cannot be read ({exc})", "write a [page] table of CSS selectors") from None
    known = {f.name for f in PageProfile.__dataclass_fields__.values()}
    unknown = sorted(set(table) - known)
    if unknown or not all(isinstance(v, str) for k, v in table.items() if k != "drop") \
            or not isinstance(table.get("drop", []), list):
        raise UnreadableSource(1, f"[page] takes text selectors {sorted(known - {'drop'})} and drop = [...]"
                        + (f", not {unknown}" if unknown else ""), 'e.g. title = "h1.title", drop = [".share"]')
    return PageProfile(**{**table, "drop": tuple(table.get("drop", ()))})


_PAGE_DATE = re.compile(r"(\d{1,2}/\d{1,2}/\d{4})\s*[-,|]?\s*(\d{1,2}[:h]\d{2})|(\d{1,2}[:h]\d{2})\s*[-,|]?\s*(\d{1,2}/\d{1,2}/\d{4})")
_BREADCRUMB = ".breadcrumb a, .breadcrumbs a, [class*=breadcrumb] a, nav[aria-label*=readcrumb] a"


def read_page(path: Path, mirror: Path, profile: PageProfile, report: ImportReport) -> OldArticle | None:
    """The article of one saved page of an old site, or None when the page is no article (a
    listing, the home page).  The profile's selectors come first; trafilatura guesses the rest."""
    import trafilatura

    html = path.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    relative = path.relative_to(mirror).as_posix()
    first, _, rest = relative.partition("/")
    host = first if rest and "." in first and not first.lower().endswith(PAGE_SUFFIXES) else ""
    under_host = rest if host else relative
    old_path = "/" + (under_host[: -len("index.html")] if under_host.endswith("index.html") else under_host)
    url = f"https://{host or 'old-site.invalid'}{old_path}"
    guessed = trafilatura.bare_extraction(html, url=url, with_metadata=True)

    def pick(selector: str):
        return soup.select_one(selector) if selector else None

    def text_of(node) -> str:
        return clean_text(node.get_text(" ")) if node is not None else ""

    def meta(name: str):
        return soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})

    og_title = meta("og:title")
    title = nfc(text_of(pick(profile.title)) or (og_title.get("content", "").strip() if og_title else "")
                or (getattr(guessed, "title", None) or "") or text_of(soup.find("h1")))
    # The date under the title: many old sites print today's date in their header, above it.
    page_text = clean_text((soup.body or soup).get_text(" "))
    dated = text_of(pick(profile.date)) or page_text[max(page_text.find(title), 0):]
    when = _PAGE_DATE.search(dated)
    timed = True
    if when:
        day, hour = (when.group(1), when.group(2)) if when.group(1) else (when.group(4), when.group(3))
        published = old_date(1, f"{day} {hour.replace('h', ':')}")
    elif getattr(guessed, "date", None):
        published, timed = datetime.strptime(guessed.date, "%Y-%m-%d"), False
    else:
        return None
    if not title:
        return None
    if profile.body and pick(profile.body) is not None:
        body = BeautifulSoup(str(pick(profile.body)), "html.parser")
    else:
        main = trafilatura.extract(html, url=url, output_format="html", include_images=True, include_formatting=True)
        body = BeautifulSoup(main or "", "html.parser")
    for selector in profile.drop:
        for node in body.select(selector):
            node.decompose()
    for node in body.find_all(["h1", "p", "div"]):  # the title and date lines the extraction kept
        if node.parent is not None and text_of(node) in (title, text_of(pick(profile.date)) or "\0") or (
                node.name == "p" and when and text_of(node) == when.group(0)):
            node.decompose()
    sapo = text_of(pick(profile.sapo))
    description = meta("description") or meta("og:description")
    if not sapo:
        first_paragraph = body.find("p")
        if first_paragraph is not None and text_of(first_paragraph):
            sapo = text_of(first_paragraph)
            first_paragraph.decompose()
        elif description is not None:
            sapo = clean_text(description.get("content", ""))
    author = text_of(pick(profile.author)) or (getattr(guessed, "author", None) or "")
    if not author:
        paragraphs = body.find_all("p")
        if paragraphs and AUTHOR_LINE.match(text_of(paragraphs[-1])) and len(text_of(paragraphs[-1])) < 40:
            author = text_of(paragraphs[-1])
            paragraphs[-1].decompose()
    else:
        for node in body.find_all("p"):
            if text_of(node) == author:
                node.decompose()
    crumbs = soup.select(_BREADCRUMB)
    category = text_of(pick(profile.category)) or (text_of(crumbs[-1]) if crumbs else "") or old_path.strip("/").split("/")[0]

    def file_of(src: str) -> str:
        """A photo's file in the mirror: its address on the old site, as wget saved it ("" when the
        photo was on another host)."""
        target = urlsplit(urljoin(url, src.strip()))
        if target.scheme not in ("http", "https") or target.netloc != urlsplit(url).netloc:
            return ""
        return posixpath.join(host, unquote(target.path).lstrip("/")) if host else unquote(target.path).lstrip("/")

    photos: list[OldPhoto] = []
    blocks = html_blocks(body, photos, lambda note: report.notes.append(f"{path}: {note}"), file_of)
    aliases = (f"https://{host}{old_path}" if host else old_path,)
    return OldArticle(relative, title, published, sapo, tuple(blocks), tuple(photos), nfc(author), None,
                      category=category, aliases=aliases, timed=timed)

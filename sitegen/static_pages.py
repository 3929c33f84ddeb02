"""The paper's own pages: content/pages/*.md (Giới thiệu, Liên hệ, Quảng cáo, Điều khoản).

A page has a title, an optional `summary` (its description for search engines and shares), an
optional `slug` (else the title's) and `order` (its place in the footer, then by title); no date,
category, author or tags.  Its body is Markdown under the raw-HTML policy of article bodies.  It is
published at /<slug>/ and listed in every page's footer (`SiteView.pages`), so there are few of
them: they are read afresh in every build that has work to do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .body_limits import body_problem
from .config import Config
from .content import PAGES_DIR, read_plain_text, unreadable_problem
from .errors import Problem, display_path
from .front_matter import read_front_matter
from .markup import BodyRenderer
from .vietnamese import MAX_SLUG_LENGTH, SLUG, address_slug, sort_key

FIELDS = ("title", "summary", "slug", "order")


@dataclass(frozen=True)
class StaticPage:
    source: str
    """"content/pages/gioi-thieu.md"."""
    title: str
    summary: str
    slug: str
    order: int
    body: str
    """HTML."""

    @property
    def path(self) -> str:
        return self.slug + "/"


def read_static_pages(config: Config, site_dir: Path) -> tuple[list[StaticPage], list[Problem]]:
    """Every page of content/pages/ in footer order, and the problems found in them."""
    folder = site_dir / "content" / PAGES_DIR
    if not folder.is_dir():
        return [], []
    pages: list[StaticPage] = []
    problems: list[Problem] = []
    renderer = BodyRenderer(config.base_path, embed_hosts=config.embeds.hosts)
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:  # skipping it would take every page offline without a word
        return [], [unreadable_problem(display_path(folder, site_dir), exc, "folder")]
    for name in names:
        path = folder / name
        source = display_path(path, site_dir)
        if name.startswith((".", "_")) or not name.lower().endswith((".md", ".markdown")):
            continue
        text = read_plain_text(path, source, f"content/{PAGES_DIR}/")
        if isinstance(text, Problem):
            problems.append(text)
            continue
        page = _page(source, text, renderer, problems)
        if page is not None:
            pages.append(page)
    seen: dict[str, str] = {}
    for page in pages:
        if page.slug in seen:
            problems.append(Problem(page.source, f"this page would have the same address /{page.path} as {seen[page.slug]}",
                                    "give one of them a `slug:` of its own"))
        seen.setdefault(page.slug, page.source)
    return sorted(pages, key=lambda p: (p.order, sort_key(p.title), p.source)), problems


def _page(source: str, text: str, renderer: BodyRenderer, problems: list[Problem]) -> StaticPage | None:
    read = read_front_matter(source, text)
    if isinstance(read, Problem):
        problems.append(read)
        return None
    fields, body, body_line = read
    for key in fields.nodes:
        if key not in FIELDS:
            fields.problem(key, f"`{key}` is not a field of a page of content/pages/ (it has: {', '.join(FIELDS)})",
                           "remove the line; a page has no date, category, author or tags (write an article for news)")
    title = fields.text("title", required=True)
    summary = fields.text("summary")
    slug = fields.text("slug") or address_slug(title)
    if title and (not SLUG.match(slug) or len(slug) > MAX_SLUG_LENGTH):
        fields.problem("slug" if "slug" in fields.nodes else "title", f"{slug!r} cannot be the page's address",
                       "write `slug: gioi-thieu` (lowercase a-z, 0-9 and hyphens)")
    order_text = fields.text("order")
    try:
        order = int(order_text or 0)
    except ValueError:
        fields.problem("order", f"`order` {order_text!r} is not a whole number", "write e.g. `order: 1` (smaller first)")
        order = 0
    too_hard = body_problem(body)
    if too_hard:
        fields.problems.append(Problem(source, too_hard.message, too_hard.hint, body_line + too_hard.line - 1))

    refused: set[str] = set()

    def no_photos(src: str) -> None:
        if src in refused:  # one problem per photo, however often Markdown asks
            return None
        refused.add(src)
        fields.problems.append(Problem(source, f"the photo {src!r}: pages of content/pages/ cannot show photos",
                                       "link to it instead (`[ảnh](...)`), or put the photo in an article",
                                       body_line + _line_in(body, src)))
        return None

    rendered = None if too_hard else renderer.render(body, no_photos)
    problems.extend(fields.problems)
    if fields.problems or rendered is None:
        return None
    return StaticPage(source, title, summary, slug, order, rendered.html)


def _line_in(body: str, src: str) -> int:
    at = body.find(src)
    return body.count("\n", 0, at) if at >= 0 else 0

"""`sitegen new`: a new article file with its front matter filled in, where the site keeps them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .config_toml import load_config
from .content import Article
from .errors import BuildFailed, Problem
from .site import Publication, Site
from .vietnamese import address_slug


@dataclass(frozen=True)
class NewArticle:
    path: Path
    """The file created."""
    address: str
    """Its address on the site, with the base path ("/thoi-su/hop-bao-202611260930/")."""


def new_article(site_dir: Path, title: str, category: str, author: str = "", now: datetime | None = None) -> NewArticle:
    """Create content/<category>/<year>/<slug>.md; raises BuildFailed if it exists or input is wrong."""
    config, _ = load_config(site_dir)
    title = title.strip()
    chosen = config.category_named(category)
    problems = []
    if chosen is None:
        problems.append(Problem("--category", f"unknown category {category!r}", config.category_choices))
    slug = address_slug(title)  # the file name and the pinned slug: at most MAX_SLUG_LENGTH
    if not slug:
        problems.append(Problem("title", f"{title!r} has no letters or digits to make an address from",
                                "give the article a title with words"))
    if problems:
        raise BuildFailed(problems)
    now = (now or datetime.now(config.zone)).astimezone(config.zone).replace(second=0, microsecond=0)
    folder = site_dir / "content" / chosen.slug / f"{now.year:04d}"
    path = folder / f"{slug}.md"
    if path.exists():
        raise BuildFailed([Problem(
            str(path.relative_to(site_dir)), "this file already exists; nothing was changed",
            "open it and edit it, or choose another title")])
    author = author or config.default_author
    lines = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"date: {now:%Y-%m-%d %H:%M}",
        f"category: {json.dumps(chosen.name, ensure_ascii=False)}",
        f"author: {json.dumps(author, ensure_ascii=False)}",
        f"slug: {slug}",
        "tags: []",
        'summary: ""',
        "draft: true",
        "# image:",
        "#   src: images/ten-anh.jpg",
        '#   caption: "Chú thích ảnh."',
        '#   credit: "Tên tác giả ảnh"',
        "---",
        "",
        "Viết nội dung bài ở đây. Bỏ dòng `draft: true` khi bài đã sẵn sàng đăng.",
        "",
    ]
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write("\n".join(lines))
    probe = Article(source="", title=title, slug=slug, slug_pinned=True, date=now, category=chosen.slug)
    address = Site(config, [], Publication(now)).address_of(probe)
    return NewArticle(path, config.base_path + address)

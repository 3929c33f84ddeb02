"""The breaking-news banner ("Tin nóng"): content/tin-nong.md, shown on every page between its times.

    ---
    text: "Bão số 5 đổ bộ Kon Plông: cập nhật liên tục"
    link: /thoi-su/bao-so-5-gay-sat-lo-202409200730/
    start: 2024-09-20 07:00
    end: 2024-09-21 18:00
    ---

The file is front matter only: `text` (plain, at most MAX_TEXT characters), `end` (a banner must
stop by itself: a forgotten one would stay for months), an optional `start` (else at once) and an
optional `link` (an address on the site, "/..." under the base path, or an http(s) address).

Why a file the pages read rather than a block in every page: a banner that starts or ends would
otherwise change every page of the archive at once, a build of the whole site twice in a day.  So
the home page carries the banner in its HTML (it is built for every new article anyway, and readers
without JavaScript see it there), and every page's script reads `BANNER_FILE`, written in every
build (`{}` when there is none), and shows the banner only between its times by the reader's clock.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .config import Config
from .content import BANNER_SOURCE, read_plain_text
from .errors import Problem, display_path
from .front_matter import read_front_matter
from .vietnamese import DateFormatError, parse_date

BANNER_FILE = "tin-nong.json"
"""In output/: the banner as the pages' script reads it."""
FIELDS = ("text", "link", "start", "end")
MAX_TEXT = 160
"""A banner is one line on a phone: a headline, not a paragraph."""
_LINK = re.compile(r"(https?://[^\s\"'<>\\]+|/[^\s\"'<>\\]*)")


@dataclass(frozen=True)
class Banner:
    text: str
    link: str
    """As the editor wrote it: "/thoi-su/..." (under the base path) or "https://..."; "" for none."""
    start: datetime | None
    end: datetime

    def shown_at(self, now: datetime) -> bool:
        return (self.start is None or self.start <= now) and now < self.end

    def moments(self, now: datetime) -> list[float]:
        """When the home page next changes because of the banner (it appears, it goes)."""
        return [m.timestamp() for m in (self.start, self.end) if m is not None and m > now]


def read_banner(config: Config, site_dir: Path) -> tuple[Banner | None, list[Problem]]:
    """The banner of content/tin-nong.md (None if there is no such file), and its problems."""
    path = site_dir / "content" / BANNER_SOURCE
    if not path.exists() and not path.is_symlink():
        return None, []
    source = display_path(path, site_dir)
    text = read_plain_text(path, source, f"content/{BANNER_SOURCE}")
    if isinstance(text, Problem):
        return None, [text]
    read = read_front_matter(source, text)
    if isinstance(read, Problem):
        return None, [read]
    fields, body, _ = read
    for key in fields.nodes:
        if key not in FIELDS:
            fields.problem(key, f"`{key}` is not a field of the banner (it has: {', '.join(FIELDS)})",
                           "remove the line")
    if body.strip():
        fields.problems.append(Problem(source, "the banner is one line of front matter: the text below it is not shown",
                                       "put the words in `text:`, and a link to the article in `link:`"))
    words = fields.text("text", required=True)
    if len(words) > MAX_TEXT:
        fields.problem("text", f"the banner's text has {len(words)} characters, more than {MAX_TEXT}",
                       "shorten it to a headline; the article it links to says the rest")
    link = fields.text("link")
    if link and (not _LINK.fullmatch(link) or link.startswith("//")):
        fields.problem("link", f"`link` {link!r} is neither an address on the site nor a web address",
                       "write `link: /thoi-su/ten-bai-202409200730/` or `link: https://...`")
    moments: dict[str, datetime | None] = {}
    if not fields.text("end"):
        fields.problem("end" if "end" in fields.nodes else "text", "the banner has no `end`: the moment it goes away",
                       "add e.g. `end: 2024-09-21 18:00`; a banner without one would stay on every page for months")
    for key in ("start", "end"):
        raw = fields.text(key)
        moments[key] = None
        if raw:
            try:
                moments[key] = parse_date(raw, config.zone)
            except DateFormatError as exc:
                fields.problem(key, f"`{key}`: {exc}", f'e.g. `{key}: 2024-09-21 18:00`')
    start, end = moments["start"], moments["end"]
    if start and end and end <= start:
        fields.problem("end", "the banner's `end` is not after its `start`", "give the moment it should go away")
    if fields.problems or end is None:
        return None, list(fields.problems)
    return Banner(words, link, start, end), []


def banner_json(banner: Banner | None, base_path: str) -> bytes:
    """`BANNER_FILE`: what the pages' script shows; `{}` when there is no banner."""
    if banner is None:
        return b"{}\n"
    data = {"text": banner.text, "url": link_url(banner, base_path), "end": banner.end.isoformat(timespec="seconds")}
    if banner.start:
        data["start"] = banner.start.isoformat(timespec="seconds")
    return json.dumps(data, ensure_ascii=False, indent=1).encode() + b"\n"


def link_url(banner: Banner, base_path: str) -> str:
    """The banner's link as pages write it: a site address under the base path."""
    if banner.link.startswith("/"):
        return base_path.rstrip("/") + banner.link
    return banner.link

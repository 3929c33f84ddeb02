"""What every reader of `sitegen import` gives and shares: an old site's article as read (`OldArticle`,
its photos as `OldPhoto`), the refusal of a file that is none (`UnreadableSource`), the report the
readers add their notes to (`ImportReport`), and the text helpers several readers use: an old page's
date line, a caption ending in its credit, an author line, plain text escaped as Markdown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from .errors import Problem

OLD_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*[-,]?\s*(\d{1,2})[:h](\d{2}))?$")
"""A date as old pages print it: "25/06/2020 15:18", "25/06/2020 - 15h18", or the day alone."""
CAPTION = re.compile(r"^(?P<caption>.*?)\s*\(?\b(?P<word>Ảnh|Nguồn|Đồ họa|Ảnh minh họa)\s*:\s*(?P<credit>[^!?()]{1,60}?)\)?\.?$")
"""A caption ending in its credit: "… Ảnh: MT", "… Ảnh: Q.H", "… (Nguồn: TTXVN)"."""
AUTHOR_LINE = re.compile(r"^[^\W\d_][^\s\d]*(?:[ \-][^\W\d_][^\s\d]*){0,4}$")
"""An author line: one to five words, each starting with a letter, no digits ("Hoàng Nam", "Q.H")."""
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}>])")
"""Python-Markdown's escapable characters that start markup inside a paragraph ({: …} is attr_list)."""
_LINE_START = re.compile(r"^(?:[#=+-]|\d+(?=[.)]))")
"""What would make a paragraph a heading, list, rule or numbered item: "1." escapes as "1\\."."""
PHOTO_MARK = "\u2063PHOTO{}\u2063"
"""Where a photo stood, through the HTML-to-Markdown conversion or a Hugo page's figures (an
invisible separator around it)."""


class UnreadableSource(Exception):
    """A file that is no dump, export, page or Hugo page: the line, what is wrong, how to fix it."""

    def __init__(self, line: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


@dataclass(frozen=True)
class OldPhoto:
    caption: str
    credit: str
    """As the old page wrote it after "Ảnh:" ("MT"), or "Nguồn: TTXVN" kept whole."""
    file: str = ""
    """Where the old site kept it, relative to the folder its photos come from (an export's uploads
    folder, the mirror, the Hugo site): "2020/06/hoi-nghi.jpg"; "" when only the page order tells
    (dumps) or the photo was elsewhere."""


@dataclass(frozen=True)
class OldArticle:
    """One article of the old site, as its page or export gave it."""

    origin: str
    """What `imported_from` records: the dump's file name, "<export>#<post id>", the saved page's or
    the Hugo page's place in its folder."""
    title: str
    published: datetime
    """Naive: the old site's local time, taken to be the site's zone."""
    summary: str
    blocks: tuple[str | int, ...]
    """The body in page order: Markdown paragraphs (escaped), and photo numbers (into `photos`)."""
    photos: tuple[OldPhoto, ...]
    author: str
    lead: int | None
    """The photo (into `photos`) that leads the article: a caption right under a dump's lead, or
    WordPress's featured image (which the body may show as well)."""
    category: str = ""
    """The old site's category ("" for dumps: the one given on the command line)."""
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    """The old addresses, full ("https://old-domain/tin-tuc/1.html") where the old site's domain is
    known: `archive_import._aliases` keeps the domain only when it is not this site's own."""
    draft: bool = False
    timed: bool = True
    """False when the old page gave a day without a time: the article's date has none either."""


def clean_text(line: str) -> str:
    """A line of the old site's text as plain text: composed Unicode, no-break and other odd spaces as plain ones."""
    line = unicodedata.normalize("NFC", line)
    return re.sub(r"[\s\u00a0\u200b\ufeff]+", " ", line).strip()


def old_date(number: int, line: str) -> datetime:
    """An `OLD_DATE` line's date; raises UnreadableSource at line `number` when it is no real date."""
    day, month, year, hour, minute = OLD_DATE.match(line).groups()
    try:
        return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    except ValueError as exc:
        raise UnreadableSource(number, f"the date {line!r} is no real date ({exc})", 'write it as "25/06/2020 15:18"') from None


def markdown_text(paragraph: str) -> str:
    """A paragraph of plain text as Markdown that shows exactly that text: what an old page said never
    becomes markup, a link or HTML here."""
    escaped = escape_inline(paragraph)
    start = _LINE_START.match(escaped)
    if start is None:
        return escaped
    if start.group()[0].isdigit():  # "1. ..." or "2) ...": escape the punctuation that makes a list
        cut = start.end()
        return escaped[:cut] + "\\" + escaped[cut:]
    return "\\" + escaped


def escape_inline(text: str) -> str:
    """Text as Markdown shows it literally inside a paragraph: `<` and `&` as entities (Python-Markdown
    has no escape for them), the characters that start markup backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def split_credit(caption: str) -> tuple[str, str]:
    """A caption and its credit as `OldPhoto` holds them: ("…", "MT") for "… Ảnh: MT", ("…", "Nguồn: TTXVN")
    for "… (Nguồn: TTXVN)"; the caption whole and "" when it ends in no credit."""
    match = CAPTION.match(caption)
    if not match:
        return caption, ""
    word = match["word"]
    return match["caption"].strip(), match["credit"].strip() if word == "Ảnh" else f"{word}: {match['credit'].strip()}"


@dataclass
class ImportReport:
    """What `sitegen import` did, file by file, and what it could not map."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Per item: what could not be mapped (no author line, photos without a file)."""
    recovered: dict[str, list[int]] = field(default_factory=dict)
    """Field -> [articles that had it, articles imported], for the closing summary."""

    def count(self, name: str, found: bool) -> None:
        cell = self.recovered.setdefault(name, [0, 0])
        cell[0] += found
        cell[1] += 1

"""`sitegen import`: an old CMS's archive brought in as sitegen articles.

Today's source: plain-text dumps of article pages, as a provincial paper's old site printed them
(the README's "Importing an old archive" explains them):

    Giao ban khối Đảng quý II                      <- title
                                                   
    25/06/2020 15:18                               <- date, local time
                                                   
    Sáng 25/6, Thường trực Tỉnh ủy tổ chức ...     <- the lead: the sapo
    Các đại biểu dự hội nghị. Ảnh: MT              <- a photo's caption and credit, where the photo stood
     (no-break space)                              <- the photo itself
    Body paragraphs, more captions ...
    Mai Trâm                                       <- the author
    Chuyên mục khác                                <- the page's related list: not the article's

Each dump becomes content/<category>/<year>/<slug>.md with its front matter written by
python-frontmatter; photos come from a folder, in page order, and the ones not found are listed under
`missing_photos` for `check` to show with their captions.  Importing again gives the same bytes, so
an unchanged file is left alone and a file an editor has changed since is kept unless --force.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import frontmatter
import yaml

from .config import Config
from .config_toml import load_config
from .errors import Problem
from .vietnamese import address_slug, nfc

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".avif", ".gif")
RELATED_HEADINGS = ("chuyên mục khác", "tin liên quan", "tin cùng chuyên mục", "bài viết liên quan", "xem thêm")
"""Where an old page's own article ends and its lists of other articles begin."""

_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*[-,]?\s*(\d{1,2})[:h](\d{2}))?$")
_CAPTION = re.compile(r"^(?P<caption>.*?)\s*\(?\b(?P<word>Ảnh|Nguồn|Đồ họa|Ảnh minh họa)\s*:\s*(?P<credit>[^.!?()]{1,60}?)\)?\.?$")
_AUTHOR = re.compile(r"^[^\W\d_][^\s\d]*(?:[ \-][^\W\d_][^\s\d]*){0,4}$")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}>])")
"""Python-Markdown's escapable characters that start markup inside a paragraph ({: …} is attr_list)."""
_LINE_START = re.compile(r"^(?:[#=+-]|\d+(?=[.)]))")
"""What would make a paragraph a heading, list, rule or numbered item: "1." escapes as "1\\."."""
DUMP_SOURCE = "imported_from"
"""The front-matter key naming the file an article was imported from: tells a re-import its own
files from an editor's article that happens to share a title."""


class DumpError(Exception):
    def __init__(self, line: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


@dataclass(frozen=True)
class OldPhoto:
    caption: str
    credit: str
    """As the old page wrote it after "Ảnh:" ("MT"), or "Nguồn: TTXVN" kept whole."""


@dataclass(frozen=True)
class OldArticle:
    """One article of the old site, as its page gave it."""

    origin: str
    """The dump's file name: what `imported_from` records."""
    title: str
    published: datetime
    """Naive: the old site's local time, taken to be the site's zone."""
    summary: str
    blocks: tuple[str | int, ...]
    """The body in page order: paragraphs, and photo numbers (into `photos`) where photos stood."""
    photos: tuple[OldPhoto, ...]
    author: str
    lead_photo: bool
    """Photo 0 stood right under the lead: the article's lead photo, not a body photo."""


def read_dump(origin: str, text: str) -> OldArticle:
    """The article of one plain-text dump; raises DumpError (with the line) when it is not one."""
    lines = [(number, _clean(line)) for number, line in enumerate(text.splitlines(), 1)]
    filled = [(number, line) for number, line in lines if line]
    if not filled:
        raise DumpError(1, "the file is empty", "give the text of an article page: title, date, then the article")
    (_, title), rest = filled[0], filled[1:]
    if not rest or not _DATE.match(rest[0][1]):
        number = rest[0][0] if rest else filled[0][0]
        raise DumpError(number, f"no date under the title (found {rest[0][1][:60]!r})" if rest else "no date under the title",
                        'the line after the title must be the date as the old page wrote it: "25/06/2020 15:18"')
    date_line, rest = rest[0], rest[1:]
    published = _date(*date_line)
    end = next((k for k, (_, line) in enumerate(rest) if line.rstrip(":").casefold() in RELATED_HEADINGS), len(rest))
    rest = rest[:end]
    author = ""
    if rest and _AUTHOR.match(rest[-1][1]) and not _CAPTION.match(rest[-1][1]):
        author = rest[-1][1]
        rest = rest[:-1]
    blocks: list[str | int] = []
    photos: list[OldPhoto] = []
    summary = ""
    lead_photo = False
    for _, line in rest:
        caption = _CAPTION.match(line)
        if caption and len(line) < 400:
            if summary and not blocks and not photos:
                lead_photo = True
            credit = caption["credit"].strip() if caption["word"] in ("Ảnh", "Ảnh minh họa") else f"{caption['word']}: {caption['credit'].strip()}"
            if caption["word"] == "Ảnh minh họa":
                credit = "Ảnh minh họa"
            photos.append(OldPhoto(caption["caption"].strip(), credit))
            blocks.append(len(photos) - 1)
        elif not summary:
            summary = line
        else:
            blocks.append(line)
    if not summary:
        raise DumpError(date_line[0], "no text after the date", "the article's lead and body follow the date line")
    if lead_photo:
        blocks.remove(0)
    return OldArticle(origin, nfc(title), published, summary, tuple(blocks), tuple(photos), author, lead_photo)


def _clean(line: str) -> str:
    """A dump's line as text: composed Unicode, no-break and other odd spaces as plain ones."""
    line = unicodedata.normalize("NFC", line)
    return re.sub(r"[\s\u00a0\u200b\ufeff]+", " ", line).strip()


def _date(number: int, line: str) -> datetime:
    day, month, year, hour, minute = _DATE.match(line).groups()
    try:
        return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    except ValueError as exc:
        raise DumpError(number, f"the date {line!r} is no real date ({exc})", 'write it as "25/06/2020 15:18"') from None


def markdown_text(paragraph: str) -> str:
    """A paragraph of plain text as Markdown that shows exactly that text: what an old page said never
    becomes markup, a link or HTML here."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", paragraph.replace("&", "&amp;").replace("<", "&lt;"))
    start = _LINE_START.match(escaped)
    if start is None:
        return escaped
    if start.group()[0].isdigit():  # "1. ..." or "2) ...": escape the punctuation that makes a list
        cut = start.end()
        return escaped[:cut] + "\\" + escaped[cut:]
    return "\\" + escaped


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


def import_dumps(site_dir: Path, dumps: list[Path], category: str, photos_dir: Path | None = None,
                 force: bool = False) -> ImportReport:
    """Bring every dump in as an article of `category`; see the module's docstring.  Raises
    BuildFailed on a broken config.toml."""
    config, _ = load_config(site_dir)
    report = ImportReport()
    chosen = config.category_named(category)
    if chosen is None:
        report.problems.append(Problem("--category", f"unknown category {category!r}", config.category_choices))
        return report
    for dump in dumps:
        try:
            old = read_dump(dump.name, dump.read_text(encoding="utf-8"))
        except DumpError as exc:
            report.problems.append(Problem(str(dump), exc.message, exc.hint, exc.line))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            report.problems.append(Problem(str(dump), f"cannot be read ({exc.__class__.__name__}: {exc})",
                                           "give the dump as a UTF-8 text file"))
            continue
        files = _photo_files(photos_dir, dump, single=len(dumps) == 1)
        _write(site_dir, config, old, chosen.name, chosen.slug, files, force, report)
    return report


def _photo_files(photos_dir: Path | None, dump: Path, single: bool) -> list[Path]:
    """The photos of one dump in page order (sorted by name): the folder named like the dump, or, for
    a single dump, the folder itself."""
    if photos_dir is None:
        return []
    folder = photos_dir / dump.stem
    if not folder.is_dir():
        if not single:
            return []
        folder = photos_dir
    return sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES),
                  key=lambda p: p.name)


def _write(site_dir: Path, config: Config, old: OldArticle, category_name: str, category_slug: str,
           files: list[Path], force: bool, report: ImportReport) -> None:
    folder = site_dir / "content" / category_slug / f"{old.published.year:04d}"
    base = address_slug(old.title) or "bai-viet"
    slug, path = base, folder / f"{base}.md"
    for number in range(2, 1000):  # another article already holds this title's file: the next free name
        if not path.exists() or _origin(path) == old.origin:
            break
        slug, path = f"{base}-{number}", folder / f"{base}-{number}.md"
    shown = path.relative_to(site_dir).as_posix()
    names = [f"images/{slug}-{k + 1}{files[k].suffix.lower() if k < len(files) else '.jpg'}" for k in range(len(old.photos))]
    placed = {k for k in range(len(old.photos)) if k < len(files)}
    meta: dict = {"title": old.title, "slug": slug, "date": f"{old.published:%Y-%m-%d %H:%M}",
                  "author": old.author or config.default_author, "category": category_name, "tags": [],
                  "summary": old.summary}
    photo = lambda k: {"src": names[k], "caption": old.photos[k].caption, "credit": old.photos[k].credit}  # noqa: E731
    if old.lead_photo and 0 in placed:
        meta["image"] = photo(0)
    body_photos = [k for k in old.blocks if isinstance(k, int) and k in placed]
    if body_photos:
        meta["images"] = [photo(k) for k in body_photos]
    missing = [k for k in range(len(old.photos)) if k not in placed]
    if missing:
        meta["missing_photos"] = [_caption_line(old.photos[k]) for k in missing]
    meta[DUMP_SOURCE] = old.origin
    body = "\n\n".join(f"![]({names[b]})" if isinstance(b, int) else markdown_text(b)
                       for b in old.blocks if not isinstance(b, int) or b in placed)
    text = frontmatter.dumps(frontmatter.Post(body, **meta), sort_keys=False, width=10_000) + "\n"
    for name, found in (("title", True), ("date", True), ("author", bool(old.author)), ("sapo", True)):
        report.count(name, found)
    for k in range(len(old.photos)):
        report.count("photo files", k in placed)
    if path.exists():
        if path.read_text(encoding="utf-8") == text:
            report.unchanged.append(shown)
            return
        if not force:
            report.kept.append(shown)
            return
    folder.mkdir(parents=True, exist_ok=True)
    for k in placed:
        target = folder / names[k]
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(files[k], target)
    temporary = path.with_name(f".{path.name}.importing")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)  # whole or not at all: a killed import leaves no half-written article
    report.written.append(shown)
    if not old.author:
        report.notes.append(f"{shown}: no author line on the old page" +
                            (f"; wrote the site's default author {config.default_author!r}" if config.default_author else ""))
    if missing:
        report.notes.append(f"{shown}: {len(missing)} of {len(old.photos)} photos have no file (listed under missing_photos)")


def _caption_line(photo: OldPhoto) -> str:
    credit = photo.credit if ":" in photo.credit or photo.credit == "Ảnh minh họa" else f"Ảnh: {photo.credit}"
    return f"{photo.caption} {credit}".strip()


def _origin(path: Path) -> str:
    """`imported_from` of an existing article ("" when an editor wrote it)."""
    try:
        metadata = frontmatter.loads(path.read_text(encoding="utf-8")).metadata
    except (yaml.YAMLError, ValueError, OSError, UnicodeDecodeError):  # an editor's file it cannot
        return ""                                                     # read is certainly not an import
    value = metadata.get(DUMP_SOURCE, "")
    return value if isinstance(value, str) else ""

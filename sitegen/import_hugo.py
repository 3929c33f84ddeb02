"""A Hugo site's pages (`read_hugo`): TOML or YAML front matter and the newsroom's own Markdown, with
photos from `{{< figure >}}` shortcodes and Markdown images.
"""

from __future__ import annotations

import posixpath
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import Problem
from .front_matter import plain, read_front_matter
from .old_articles import PHOTO_MARK, ImportReport, OldArticle, OldPhoto, UnreadableSource, clean_text, split_credit
from .vietnamese import DateFormatError, has_time, nfc, parse_date

_HUGO_FIGURE = re.compile(r"\{\{[<%]\s*figure\s+(?P<args>.*?)\s*[>%]\}\}", re.S)
_HUGO_SHORTCODE = re.compile(r"\{\{[<%].*?[>%]\}\}", re.S)
_SHORTCODE_ARG = re.compile(r'(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"')
_MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\)")


def hugo_root(page: Path) -> Path:
    """The Hugo site a content file belongs to: the folder holding the `content/` it is under."""
    for parent in page.parents:
        if parent.name == "content":
            return parent.parent
    return page.parent


def read_hugo(path: Path, root: Path, zone, report: ImportReport) -> OldArticle:
    """A Hugo page (TOML `+++` or YAML `---` front matter) as an article: title, date, draft, tags,
    categories, author(s), description or summary, aliases and its Hugo address as aliases, photos
    from `{{< figure >}}` shortcodes and Markdown images (files from static/ or beside the page).  A
    date with an offset is taken to `zone`, the site's."""
    text = path.read_text(encoding="utf-8").lstrip("\ufeff")
    if text.startswith("+++"):
        head, _, body = text[3:].partition("\n+++")
        try:
            meta, body = tomllib.loads(head), body.partition("\n")[2]
        except tomllib.TOMLDecodeError as exc:
            raise UnreadableSource(1, f"the TOML front matter cannot be read ({exc})", "fix it in the Hugo site first") from None
    else:  # YAML, read as sitegen reads its own: no anchors to expand, a bounded depth, the line of a fault
        read = read_front_matter(path.name, text)
        if isinstance(read, Problem):
            raise UnreadableSource(read.line or 1, read.message, read.hint)
        fields, body, _ = read
        meta = {key: plain(node) for key, node in fields.nodes.items()}
    title = meta.get("title")
    when = meta.get("date") or meta.get("publishDate")
    if not isinstance(title, str) or not title.strip() or not isinstance(when, (str, datetime, date)):
        raise UnreadableSource(1, "no title or date (as text and a date) in the front matter",
                               'every Hugo page to import needs both: title = "…", date = 2020-06-25T15:18:00+07:00')
    title = nfc(title.strip())
    if not isinstance(when, str):  # TOML's own dates: checked as written dates are (range, offset)
        when = when.isoformat()
    try:
        timed, when = has_time(when), parse_date(when, zone)
    except DateFormatError as exc:
        raise UnreadableSource(1, f"date: {exc}", 'write it as "2020-06-25T15:18:00+07:00"') from None
    relative = path.relative_to(root).as_posix()
    where = relative.removeprefix("content/")
    section, _, rest = where.partition("/")
    name = posixpath.splitext(rest or section)[0]
    if name in ("index", "_index"):
        name = posixpath.basename(posixpath.dirname(rest)) if "/" in rest else section
    hugo_path = "/" + (f"{section}/" if rest else "") + str(meta.get("slug") or name) + "/"
    listed = meta.get("aliases") or []
    aliases = tuple(dict.fromkeys([hugo_path, *(map(str, listed) if isinstance(listed, list) else [str(listed)])]))
    photos: list[OldPhoto] = []
    page_dir = posixpath.dirname(relative)

    def file_of(src: str) -> str:
        if urlsplit(src).scheme or src.startswith("//"):
            return ""
        src = unquote(src.split("?")[0])
        return posixpath.normpath(posixpath.join("static", src.lstrip("/")) if src.startswith("/")
                                  else posixpath.join(page_dir, src))

    def figure(match: re.Match) -> str:
        args = {k: v.replace('\\"', '"') for k, v in _SHORTCODE_ARG.findall(match["args"])}
        caption, credit = split_credit(clean_text(args.get("caption", "") or args.get("title", "") or args.get("alt", "")))
        if args.get("attr") and not credit:
            credit = clean_text(args["attr"])
        photos.append(OldPhoto(caption, credit, file_of(args.get("src", ""))))
        return "\n\n" + PHOTO_MARK.format(len(photos) - 1) + "\n\n"

    body = _HUGO_FIGURE.sub(figure, body)
    left = sorted(set(m.split()[1] if len(m.split()) > 1 else m for m in _HUGO_SHORTCODE.findall(body)))
    if left:
        report.notes.append(f"{path}: Hugo shortcodes left out: {', '.join(left)[:200]}")
        body = _HUGO_SHORTCODE.sub("", body)
    blocks: list[str | int] = []
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        mark = re.fullmatch(PHOTO_MARK.format(r"(\d+)"), block)
        image = _MARKDOWN_IMAGE.fullmatch(block)
        if mark:
            blocks.append(int(mark.group(1)))
        elif image:
            caption, credit = split_credit(clean_text(image["title"] or image["alt"]))
            photos.append(OldPhoto(caption, credit, file_of(image["src"])))
            blocks.append(len(photos) - 1)
        elif block:
            blocks.append(block)  # the newsroom's own Markdown: kept as written (the build sanitises its HTML)
    authors = meta.get("authors") or meta.get("author") or ""
    author = ", ".join(map(str, authors)) if isinstance(authors, list) else str(authors)
    categories = meta.get("categories") or []
    category = str(categories[0]) if isinstance(categories, list) and categories else str(categories or section)
    tags = meta.get("tags") or []
    summary = clean_text(str(meta.get("description") or meta.get("summary") or ""))
    published = when.astimezone(zone).replace(tzinfo=None) if when.tzinfo else when
    return OldArticle(relative, title, published, summary, tuple(blocks), tuple(photos), nfc(author), None,
                      category=nfc(category), tags=tuple(nfc(str(t)) for t in tags) if isinstance(tags, list) else (),
                      aliases=aliases, draft=bool(meta.get("draft")), timed=timed)

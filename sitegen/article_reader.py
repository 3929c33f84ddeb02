"""One article file -> an `Article`: Markdown with YAML front matter, validated field by field.

`ArticleReader.read()` turns one file into an `Article` or a list of `Problem`s (file, line, what,
how to fix).  It never raises for a content mistake.  The front matter's fields come from
`front_matter.py`, each with its line; those that name a file of content/ (photos, the recording, a
video file) are checked by `article_media.py`; the body is rendered by `markup.py`.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import yaml

from .addresses import AddressError, old_address
from .article_media import MediaFiles
from .body_limits import body_problem
from .config import Category, Config
from .content import Correction, Article, Parsed, Photo, unreadable_problem
from .errors import Problem, display_path
from .front_matter import KNOWN_FIELDS, Fields, plain, read_front_matter
from .markup import BodyRenderer, RenderedBody
from .video import read_video
from .vietnamese import MAX_SLUG_LENGTH, SLUG, DateFormatError, address_slug, has_time, nfc, parse_date, variant_key

CORRECTION_FIELDS = ("date", "text")
"""The keys of each of `corrections:`."""

LAYOUTS = ("", "emagazine")
"""`layout:` values: the standard article, and the long-form one."""


class ArticleReader:
    """Reads article files for one site: knows its categories, content folder and base path."""

    def __init__(self, config: Config, site_dir: Path, content_dir: Path):
        self.config = config
        self.zone = config.zone
        self.site_dir = site_dir
        self.content_dir = Path(os.path.abspath(content_dir))
        self.media = MediaFiles(config.base_path, site_dir, content_dir)
        self.body = BodyRenderer(config.base_path, embed_hosts=config.embeds.hosts)

    def __reduce__(self):
        """A reader travels (to a cluster's workers) as its settings; its Markdown parser is set up
        again where it lands."""
        return ArticleReader, (self.config, self.site_dir, self.content_dir)

    def read(self, path: Path, source: str = "", revision: str = "") -> Parsed:
        """Read one file; never raises for a content mistake (those are `problems`)."""
        source = source or display_path(path, self.site_dir)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return Parsed(None, None, (unreadable_problem(source, exc, "file"),))
        article, body, problems = self._read(path, source, raw, revision)
        return Parsed(article, body, tuple(problems))

    def _read(self, path: Path, source: str, raw: bytes, revision: str) -> tuple[Article | None, RenderedBody | None, list[Problem]]:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, None, [Problem(
                source, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read)",
                "open it in your editor and save it as UTF-8 (\"Lưu với mã hóa UTF-8\")",
                raw.count(b"\n", 0, exc.start) + 1,
            )]
        text = nfc(text.replace("\r\n", "\n"))
        read = read_front_matter(source, text)
        if isinstance(read, Problem):
            return None, None, [read]
        fields, body, body_line = read
        parsed = self._article(path, source, fields, body, body_line, revision)
        if parsed is None or fields.problems:
            return None, None, fields.problems
        return parsed[0], parsed[1], []

    def _article(self, path: Path, source: str, fields: Fields, body: str, body_line: int,
                 revision: str) -> tuple[Article, RenderedBody] | None:
        nodes = fields.nodes
        title = fields.text("title", required=True)
        date = self._date(fields, "date", required=True)
        updated = self._date(fields, "updated")
        category = self._category(fields)
        slug, pinned = self._slug(fields, title)
        tags = []
        seen_tags = set()
        for tag, node in fields.text_list("tags"):
            if not _nameable(tag):
                fields.problem(node, f"the tag {tag!r} has no letters or digits to make its page's address from",
                               "write the tag in words, e.g. `tags: [Kinh tế, Đắk Tô]`, or remove it")
                continue
            if variant_key(tag) not in seen_tags:
                seen_tags.add(variant_key(tag))
                tags.append(tag)
        aliases = [self._alias(fields, alias, node) for alias, node in fields.text_list("aliases")]
        missing_photos = tuple(text for text, _ in fields.text_list("missing_photos"))
        related = tuple(dict.fromkeys(name for name, _ in fields.text_list("related")))
        corrections = self._corrections(fields, date)
        expires = self._date(fields, "expires")
        if expires and date and expires <= date:
            fields.problem("expires", "`expires` is not after the article's own date",
                           "give the moment the notice stops holding, e.g. `expires: 2024-07-01 17:00`")
        video = read_video(fields, lambda node: self.media.video_file(fields, path, node))
        layout = fields.text("layout")
        if layout not in LAYOUTS:
            fields.problem("layout", f"`layout` {layout!r} is not a layout of articles (there are: {', '.join(LAYOUTS[1:])})",
                           "write `layout: emagazine` for a long-form story, or remove the line for the standard one")
        audio = self.media.audio(fields, path)
        withdrawn = fields.text("withdrawn")
        if "withdrawn" in nodes and not withdrawn:
            fields.problem("withdrawn", "`withdrawn` is empty: an article is taken down with the reason readers will see",
                           'write the reason, e.g. `withdrawn: "Thông tin chưa được kiểm chứng."`, or remove the line')

        photos: dict[str, Photo] = {}
        lead = self.media.photo(fields, path, nodes["image"], "image") if "image" in nodes else None
        if lead:
            photos[lead.file] = lead
        images_node = nodes.get("images")
        if images_node is not None and not images_node.tag.endswith(":null"):
            if not isinstance(images_node, yaml.SequenceNode):
                fields.problem(images_node, "`images` must be a list of photos", "write `images:` then lines `  - src: ...`")
            else:
                for index, item in enumerate(images_node.value):
                    photo = self.media.photo(fields, path, item, f"images[{index + 1}]")
                    if photo and photo.file not in photos:
                        photos[photo.file] = photo

        gallery: list[Photo] = []
        gallery_node = nodes.get("gallery")
        if gallery_node is not None and not gallery_node.tag.endswith(":null"):
            if not isinstance(gallery_node, yaml.SequenceNode) or not gallery_node.value:
                fields.problem(gallery_node, "`gallery` must be a list of photos",
                               "write `gallery:` then, for each photo, `  - src: images/anh-1.jpg` and its `caption:`")
            else:
                for index, item in enumerate(gallery_node.value):
                    photo = self.media.photo(fields, path, item, f"gallery[{index + 1}]")
                    if photo:
                        gallery.append(photo)
                        photos.setdefault(photo.file, photo)

        lead_in_body: list[bool] = []
        resolved: dict[str, tuple[str, Photo | None] | None] = {}

        def resolve_body_image(src: str) -> tuple[str, Photo | None] | None:
            if src in resolved:  # one answer (and one problem) per photo, however often it is asked
                return resolved[src]
            line = _body_line(body, src, body_line)
            # A path written URL-style ("anh%20dep.jpg") names the file with the space, unless a file
            # is really called that way.
            unquoted = unquote(src)
            file = self.media.media_file(fields, path, unquoted, line, "body image", shown_as=src) \
                if unquoted != src and self.media.locate(path, src) is None and self.media.locate(path, unquoted) is not None \
                else self.media.media_file(fields, path, src, line, "body image")
            photo = photos.get(file) if file else None
            if lead is not None and file == lead.file:
                lead_in_body.append(True)
            if file is None:
                resolved[src] = None
            elif photo is None:
                photos[file] = self.media.photo_at(src, file, line=line)
                resolved[src] = (photos[file].url, None)
            else:
                resolved[src] = (photo.url, photo)
            return resolved[src]

        author = fields.text("author")
        if author and not _nameable(author):
            fields.problem("author", f"the author {author!r} has no letters or digits to make a page's address from",
                           'write the name in words, e.g. `author: "Minh Thư"`, or remove the line')
        draft, featured = fields.flag("draft"), fields.flag("featured")
        summary = fields.text("summary")
        too_hard = body_problem(body)
        if too_hard:
            fields.problems.append(Problem(source, too_hard.message, too_hard.hint, body_line + too_hard.line - 1))
            return None
        try:
            # Without a `summary`, the body's first paragraph is the sapo: shown once, in bold, not twice.
            rendered = self.body.render(body, resolve_body_image, lead_paragraph_is_sapo=not summary)
        except RecursionError:
            # body_limits keeps nesting far below this; a last guard, so that the editor still hears why.
            fields.problems.append(Problem(source, "the body nests quotes, lists or tags too deeply to be read",
                                           "remove levels of '>' quotes, list indentation or nested HTML", body_line))
            return None
        if fields.problems or date is None or category is None:
            return None
        extra = {key: plain(node) for key, node in nodes.items() if key not in KNOWN_FIELDS}
        article = Article(
            source=source, title=title, slug=slug, slug_pinned=pinned, date=date, category=category.slug,
            author=author, tags=tuple(tags), summary=summary or rendered.first_paragraph, image=lead,
            photos=tuple(photos.values()), lead_in_body=bool(lead_in_body), revision=revision,
            updated=updated, draft=draft, featured=featured, aliases=tuple(a for a in aliases if a), extra=extra,
            related=related, corrections=corrections, withdrawn=withdrawn, expires=expires, video=video, audio=audio,
            gallery=tuple(gallery), layout=layout, missing_photos=missing_photos,
            field_lines={key: fields.line(key) for key in nodes},
            timed=has_time(fields.text("date")),
        )
        return article, rendered

    def _date(self, fields: Fields, key: str, *, required: bool = False) -> datetime | None:
        raw = fields.text(key, required=required)
        if not raw:
            return None
        try:
            return parse_date(raw, self.zone)
        except DateFormatError as exc:
            fields.problem(key, f"`{key}`: {exc}", f'e.g. `{key}: 2024-06-25 15:18` or `{key}: "25/06/2024 15:18"`')
            return None

    def _corrections(self, fields: Fields, published: datetime | None) -> tuple[Correction, ...]:
        """`corrections:`, a list of {date, text}; oldest first."""
        node = fields.nodes.get("corrections")
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            return ()
        hint = 'write `corrections:` then `  - date: 2024-06-26 09:00` and `    text: "Bài viết ghi nhầm ..."`'
        if not isinstance(node, yaml.SequenceNode):
            fields.problem(node, "`corrections` must be a list, each with a `date` and a `text`", hint)
            return ()
        found = []
        for index, item in enumerate(node.value, 1):
            label = f"corrections[{index}]"
            if not isinstance(item, yaml.MappingNode):
                fields.problem(item, f"`{label}` must have a `date` and a `text`", hint)
                continue
            values = {k.value: v for k, v in item.value}
            unknown = set(values) - set(CORRECTION_FIELDS)
            if unknown:
                fields.problem(item, f"`{label}` has unknown key(s) {sorted(unknown)}", "a correction has a date and a text")
            missing = [key for key in ("date", "text") if key not in values]
            if missing:
                fields.problem(item, f"`{label}` has no `{missing[0]}`", hint)
                continue
            text = fields.text_of(values["text"], f"{label}.text", required=True)
            raw = fields.text_of(values["date"], f"{label}.date", required=True)
            try:
                when = parse_date(raw, self.zone) if raw else None
            except DateFormatError as exc:
                fields.problem(values["date"], f"`{label}.date`: {exc}", 'e.g. `date: 2024-06-26 09:00`')
                continue
            if when and published and when < published:
                fields.problem(values["date"], f"`{label}.date` is before the article's own date",
                               "a correction comes after the article: check the day and the time")
                continue
            if when and text:
                found.append(Correction(when, text))
        return tuple(sorted(found, key=lambda c: c.date))

    def _category(self, fields: Fields) -> Category | None:
        name = fields.text("category", required=True)
        if not name:
            return None
        category = self.config.category_named(name)
        if category is None:
            fields.problem("category", f"unknown category {name!r}", f"{self.config.category_choices} (or add it to config.toml)")
        return category

    def _slug(self, fields: Fields, title: str) -> tuple[str, bool]:
        pinned = fields.text("slug")
        if pinned:
            if not SLUG.match(pinned):
                suggestion = address_slug(pinned)
                fields.problem("slug", f"`slug` {pinned!r} is not a valid address part",
                               f"use lowercase a-z, 0-9 and hyphens, e.g. `slug: {suggestion or 'tin-moi'}`")
            elif len(pinned) > MAX_SLUG_LENGTH:
                fields.problem("slug", f"`slug` has {len(pinned)} characters; an address part has at most {MAX_SLUG_LENGTH}",
                               f"shorten it, e.g. `slug: {address_slug(pinned)}`")
            return pinned, True
        slug = address_slug(title)
        if title and not slug:
            fields.problem("title", "the title has no letters or digits to make an address from",
                           "add `slug: ten-bai-viet` to the front matter")
        return slug, False

    def _alias(self, fields: Fields, alias: str, node: yaml.Node) -> str:
        """The old address as written, once `addresses` accepts it; "" (and a problem) if not."""
        try:
            old_address(alias)
        except AddressError as exc:
            fields.problem(node, exc.message, exc.hint)
            return ""
        return alias



def _nameable(name: str) -> bool:
    """Whether a tag or author has letters or digits at all (not "!!!" or "🎉").  Letters that make
    no ASCII address ("Ə", Khmer, Chinese) still name a page: the site gives it a fallback address."""
    return any(char.isalnum() for char in name)


def _body_line(body: str, needle: str, body_line: int) -> int:
    index = body.find(needle)
    return body_line + (body.count("\n", 0, index) if index >= 0 else 0)

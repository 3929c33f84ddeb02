"""Articles: Markdown files with YAML front matter, read once into typed, frozen objects.

`ArticleReader.read()` turns one file into an `Article` or a list of `Problem`s (file, line, what,
how to fix).  It never raises for a content mistake.  YAML is composed, not loaded: we take each
field's raw text and read it ourselves, which avoids PyYAML 1.1's traps (`10:00` becoming 600,
`2024-05-01 08:30` staying a string while `2024-05-01` becomes a date, `no` becoming False) and gives
every field's line number for error messages.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import yaml

from .addresses import AddressError, alias_path
from .body_limits import body_problem
from .config import Category, Config
from .errors import BuildFailed, Problem, display_path
from .markup import BodyRenderer, RenderedBody
from .photo_slots import parse_focus
from .vietnamese import MAX_SLUG_LENGTH, SLUG, DateFormatError, address_slug, has_time, nfc, parse_date, variant_key

MEDIA_DIR = "media"
"""Folder in output/ that receives the photos articles use, mirroring their place under content/."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$\n?", re.M)
_CREDIT_IN_CAPTION = re.compile(r"^(?P<caption>.*?)[\s.(\-–—]*\(?\s*(?P<credit>Ảnh\s*:\s*[^()]+?)\s*\)?\s*$", re.I | re.S)
_TRUE = {"true", "yes", "on", "có"}
CREDIT_WORDS = ("ảnh", "nguồn", "theo", "đồ họa", "đồ hoạ", "video", "clip", "photo")
"""A credit starting with one of these is printed as written; others get "Ảnh: " before them."""
_FALSE = {"false", "no", "off", "không", ""}

MAX_FRONT_MATTER_DEPTH = 8
"""Levels of lists and mappings in front matter (`images:` -> a photo -> its `caption` is 3)."""

KNOWN_FIELDS = (
    "title", "date", "category", "author", "tags", "summary", "image", "images",
    "slug", "draft", "featured", "updated", "aliases",
)


@dataclass(frozen=True)
class Photo:
    """A photo with its caption and credit, copied to output/ and shown as a <figure>."""

    src: str
    """As the editor wrote it in front matter or the body."""
    file: str
    """Absolute path of the image file under content/."""
    output_path: str
    """Where it is written, relative to output/ ("media/kinh-te/2024/images/x.jpg")."""
    url: str
    """Its address on the site, with the base path ("/bao/media/...")."""
    caption: str = ""
    credit: str = ""
    """Who took it, as written: "MT", "TTXVN" or "Ảnh: MT"."""
    alt: str = ""
    """Text for readers who cannot see the photo; defaults to the caption."""
    declared: bool = False
    """Listed in front matter (`image` or `images`), not only used in the body."""
    focus: tuple[float, float] | None = None
    """The point crops keep in view (`focus: "0.5,0.3"`: left-to-right, top-to-bottom, 0 to 1);
    None: the centre."""
    line: int | None = None
    """The line of the article file that names it (its `src`, or the body's image), for messages."""

    @property
    def credit_line(self) -> str:
        """The credit as printed: "Ảnh: MT" — never "Ảnh: Ảnh: MT" when the editor wrote the prefix."""
        credit = self.credit.strip()
        if not credit or credit.casefold().startswith(CREDIT_WORDS):
            return credit
        return f"Ảnh: {credit}"


@dataclass(frozen=True)
class Article:
    """One news article as the editor wrote it, validated and with its body rendered."""

    source: str
    """The file, relative to the site folder ("content/kinh-te/2024/ca-phe.md")."""
    title: str
    slug: str
    slug_pinned: bool
    """True when front matter sets `slug`; otherwise it follows the title and changes with it."""
    date: datetime
    """Publication time, timezone-aware."""
    category: str
    """The slug of the article's category."""
    author: str = ""
    tags: tuple[str, ...] = ()
    summary: str = ""
    """The sapo: front matter `summary`, or the body's first paragraph."""
    image: Photo | None = None
    """The lead photo, shown under the sapo and in shares."""
    photos: tuple[Photo, ...] = ()
    """Every photo the article uses (lead and body), for copying into output/."""
    lead_in_body: bool = False
    """The body itself shows the lead photo, so the page must not show it a second time above."""
    timed: bool = True
    """False when the editor gave a day without a time ("25/06/2024"): pages show no "00:00"."""
    revision: str = ""
    """A digest of the file's bytes (and of the settings that shape reading): changes with any edit.
    The body itself travels apart from the article (see `Parsed`): listings never need it."""
    updated: datetime | None = None
    draft: bool = False
    featured: bool = False
    aliases: tuple[str, ...] = ()
    """Old addresses (paths under base_url) that must keep leading here."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Front-matter keys sitegen does not know, for themes to use ("source", "video", ...)."""
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)
    """Line of each front-matter key, for messages raised by later stages."""

    def line_of(self, key: str) -> int | None:
        return self.field_lines.get(key)


@dataclass(frozen=True)
class Parsed:
    """What reading one file gives: the article (None if it has errors), its body, its problems."""

    article: Article | None
    body: RenderedBody | None
    problems: tuple[Problem, ...]


LEFT_OUT = (".", "_")
"""Files and folders in content/ whose names start so are not part of the site (notes, drafts kept
aside, editors' temporary files)."""


def walk_content(content_dir: Path | str, onerror=None):
    """os.walk over content/, leaving out what LEFT_OUT leaves out."""
    for folder, dirs, files in os.walk(content_dir, onerror=onerror):
        dirs[:] = [d for d in dirs if not d.startswith(LEFT_OUT)]
        yield folder, dirs, [f for f in files if not f.startswith(LEFT_OUT)]


def find_article_files(content_dir: Path) -> list[Path]:
    """Every article file under content/, in a stable order; names starting with . or _ are skipped.

    Raises BuildFailed when a folder or an article under content/ cannot be read: skipping it would
    build a site without its articles and take every one of them offline."""
    found = []
    problems: list[Problem] = []
    site_dir = content_dir.parent

    def unreadable(error: OSError) -> None:
        problems.append(_unreadable(display_path(Path(error.filename or content_dir), site_dir), error, "folder"))

    # Links are resolved before anything is read: an article, or content/ itself, that is a link
    # to a file outside the site would publish whatever it points at.
    real_content = os.path.realpath(content_dir)
    if not Path(real_content).is_relative_to(os.path.realpath(site_dir)):
        raise BuildFailed([_outside("content", real_content, "folder")])
    for folder, dirs, files in walk_content(content_dir, onerror=unreadable):
        for name in dirs:
            if os.path.islink(os.path.join(folder, name)):  # os.walk would skip it without a word
                path = os.path.join(folder, name)
                problems.append(Problem(
                    display_path(Path(path), site_dir), f"is a link to the folder {os.path.realpath(path)}, which sitegen does not follow",
                    "move the folder itself into content/ (or rename the link to start with '_' to leave it out)"))
        for name in files:
            if not name.lower().endswith((".md", ".markdown")):
                continue
            path = os.path.join(folder, name)
            if os.path.islink(path) and not Path(os.path.realpath(path)).is_relative_to(real_content):
                problems.append(_outside(display_path(Path(path), site_dir), os.path.realpath(path), "file"))
                continue
            if not os.access(path, os.R_OK) or not os.path.isfile(path):
                error = PermissionError(13, "Permission denied", path) if os.path.exists(path) \
                    else FileNotFoundError(2, "No such file (a link to nothing?)", path)
                problems.append(_unreadable(display_path(Path(path), site_dir), error, "file"))
                continue
            found.append(path)
    if problems:
        raise BuildFailed(problems)
    found.sort(key=lambda p: p.replace(os.sep, "/"))
    return [Path(p) for p in found]


def _outside(source: str, target: str, kind: str) -> Problem:
    return Problem(source, f"is a link to {target}, outside content/",
                   f"put the {kind} itself in content/ instead of a link to it")


def _unreadable(source: str, error: OSError, kind: str) -> Problem:
    """The problem for a file or folder of the site that cannot be read."""
    if isinstance(error, PermissionError):
        hint = (f"give sitegen read access to the {kind} (e.g. `chmod -R u+rX content/`), "
                f"or move it out of content/ or rename it to start with '_' if it is not part of the site")
    else:
        hint = f"check the {kind}: fix or remove it, or rename it to start with '_' to leave it out"
    return Problem(source, f"this {kind} cannot be read: {error.strerror or error}", hint)


class _Fields:
    """The composed front matter of one file: raw nodes by key, with lines and a problem list."""

    def __init__(self, source: str, nodes: dict[str, yaml.Node], first_line: int):
        self.source = source
        self.nodes = nodes
        self.first_line = first_line
        self.problems: list[Problem] = []

    def line(self, node_or_key: yaml.Node | str) -> int:
        node = self.nodes.get(node_or_key) if isinstance(node_or_key, str) else node_or_key
        return (node.start_mark.line + self.first_line) if node is not None else self.first_line - 1

    def problem(self, where: yaml.Node | str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.source, message, hint, self.line(where)))

    def text(self, key: str, *, required: bool = False, node: yaml.Node | None = None, label: str = "") -> str:
        node = node if node is not None else self.nodes.get(key)
        label = label or key
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            if required:
                self.problem(key, f"`{label}` is missing or empty", f"add a line `{label}: ...` to the front matter")
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"`{label}` must be text, not a list or mapping", f'write `{label}: "..."`')
            return ""
        value = nfc(node.value).strip()
        if required and not value:
            self.problem(node, f"`{label}` is empty", f"write the {label} after `{label}:`")
        return value

    def flag(self, key: str) -> bool:
        node = self.nodes.get(key)
        if node is None:
            return False
        value = node.value.strip().casefold() if isinstance(node, yaml.ScalarNode) else None
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.problem(node, f"`{key}` must be true or false", f"write `{key}: true` or `{key}: false`")
        return False

    def text_list(self, key: str) -> list[tuple[str, yaml.Node]]:
        """A list of texts; a single text is accepted, split on commas ("tags: Đắk Tô, cà phê")."""
        node = self.nodes.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            return []
        if isinstance(node, yaml.ScalarNode):
            return [(nfc(part).strip(), node) for part in node.value.split(",") if part.strip()]
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"`{key}` must be a list", f"write `{key}: [first, second]`")
            return []
        items = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode):
                self.problem(item, f"each entry of `{key}` must be text", f"write `{key}: [first, second]`")
            elif item.value.strip():
                items.append((nfc(item.value).strip(), item))
        return items


def _plain(node: yaml.Node) -> Any:
    """A front-matter value for `extra`: YAML's usual types, except dates and times stay text.

    Only called on front matter `_structure_problem` accepted: a tree (no aliases) of bounded depth."""
    if isinstance(node, yaml.MappingNode):
        return {str(_plain(k)): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if node.tag.endswith(":null"):
        return None
    if node.tag.endswith((":bool", ":int", ":float")) and node.style is None:
        try:
            return yaml.load(node.value, Loader=_LOADER)
        except yaml.YAMLError:
            pass  # not a number or boolean after all: keep the text
    return nfc(node.value)


def _structure_problem(front: str, root: yaml.Node) -> tuple[str, str, int] | None:
    """(what, how to fix, 0-based line) when the front matter uses YAML anchors or aliases or nests too
    deeply, else None.  Checked on the composed nodes before any value is expanded: an alias is the
    way a "billion laughs" (a few hundred bytes that expand to gigabytes) or a structure that contains
    itself gets in, and editors never need one."""
    if "&" in front or "*" in front:  # else there can be neither anchor nor alias: skip the second parse
        for event in yaml.parse(front, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                return (f"YAML anchors and aliases ({sign}{event.anchor}) are not allowed in front matter",
                        "write the value out in full; text starting with & or * must be in double quotes, "
                        'e.g. `title: "*Tin nóng*"`', event.start_mark.line)
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_FRONT_MATTER_DEPTH:
            return (f"the front matter nests lists and mappings more than {MAX_FRONT_MATTER_DEPTH} levels deep",
                    "flatten this value: sitegen's fields need at most 3 levels", node.start_mark.line)
        if isinstance(node, yaml.MappingNode):
            stack += [(child, depth + 1) for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
    return None


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts), or None when the file has no front matter."""
    opening = _OPENING.match(text)
    if not opening:
        return None
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        return None
    return (text[opening.end():closing.start()], text[closing.end():],
            text.count("\n", 0, closing.end()) + 1)


class ArticleReader:
    """Reads article files for one site: knows its categories, content folder and base path."""

    def __init__(self, config: Config, site_dir: Path, content_dir: Path):
        self.config = config
        self.zone = config.zone
        self.site_dir = site_dir
        self.content_dir = Path(os.path.abspath(content_dir))
        self.real_content_dir = os.path.realpath(content_dir)
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
            return Parsed(None, None, (_unreadable(source, exc, "file"),))
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
        parts = split_front_matter(text)
        if parts is None:
            return None, None, [Problem(
                source, "the file has no front matter (or its closing '---' line is missing)",
                "start the file with a line '---', the fields (title:, date:, category:), then a line '---'", 1,
            )]
        front, body, body_line = parts
        try:
            root = yaml.compose(front, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            return None, None, [Problem(
                source, f"the front matter is not valid YAML: {exc.problem or exc.context}",
                "check this line: text containing ':' or starting with a quote or [ must be in double quotes",
                (mark.line + 2) if mark else 2,
            )]
        except yaml.YAMLError as exc:
            return None, None, [Problem(source, f"the front matter is not valid YAML: {exc}", "", 2)]
        if not isinstance(root, yaml.MappingNode):
            return None, None, [Problem(source, "the front matter must be a list of `key: value` lines", "e.g. title: \"...\"", 2)]
        refused = _structure_problem(front, root)
        if refused:
            return None, None, [Problem(source, refused[0], refused[1], refused[2] + 2)]

        nodes: dict[str, yaml.Node] = {}
        fields = _Fields(source, nodes, 2)
        for key_node, value_node in root.value:
            key = str(key_node.value)
            if key in nodes:
                fields.problem(key_node, f"`{key}` appears twice (first on line {fields.line(key)})", "keep only one")
            nodes[key] = value_node
        parsed = self._article(path, source, fields, body, body_line, revision)
        if parsed is None or fields.problems:
            return None, None, fields.problems
        return parsed[0], parsed[1], []

    def _article(self, path: Path, source: str, fields: _Fields, body: str, body_line: int,
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

        photos: dict[str, Photo] = {}
        lead = self._photo(fields, path, nodes["image"], "image") if "image" in nodes else None
        if lead:
            photos[lead.file] = lead
        images_node = nodes.get("images")
        if images_node is not None and not images_node.tag.endswith(":null"):
            if not isinstance(images_node, yaml.SequenceNode):
                fields.problem(images_node, "`images` must be a list of photos", "write `images:` then lines `  - src: ...`")
            else:
                for index, item in enumerate(images_node.value):
                    photo = self._photo(fields, path, item, f"images[{index + 1}]")
                    if photo and photo.file not in photos:
                        photos[photo.file] = photo

        lead_in_body: list[bool] = []
        resolved: dict[str, tuple[str, Photo | None] | None] = {}

        def resolve_body_image(src: str) -> tuple[str, Photo | None] | None:
            if src in resolved:  # one answer (and one problem) per photo, however often it is asked
                return resolved[src]
            line = _body_line(body, src, body_line)
            # A path written URL-style ("anh%20dep.jpg") names the file with the space, unless a file
            # is really called that way.
            unquoted = unquote(src)
            file = self._media_file(fields, path, unquoted, line, "body image", shown_as=src) \
                if unquoted != src and self._locate(path, src) is None and self._locate(path, unquoted) is not None \
                else self._media_file(fields, path, src, line, "body image")
            photo = photos.get(file) if file else None
            if lead is not None and file == lead.file:
                lead_in_body.append(True)
            if file is None:
                resolved[src] = None
            elif photo is None:
                photos[file] = self._photo_at(src, file, line=line)
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
        extra = {key: _plain(node) for key, node in nodes.items() if key not in KNOWN_FIELDS}
        article = Article(
            source=source, title=title, slug=slug, slug_pinned=pinned, date=date, category=category.slug,
            author=author, tags=tuple(tags), summary=summary or rendered.first_paragraph, image=lead,
            photos=tuple(photos.values()), lead_in_body=bool(lead_in_body), revision=revision,
            updated=updated, draft=draft, featured=featured, aliases=tuple(a for a in aliases if a), extra=extra,
            field_lines={key: fields.line(key) for key in nodes},
            timed=has_time(fields.text("date")),
        )
        return article, rendered

    def _date(self, fields: _Fields, key: str, *, required: bool = False) -> datetime | None:
        raw = fields.text(key, required=required)
        if not raw:
            return None
        try:
            return parse_date(raw, self.zone)
        except DateFormatError as exc:
            fields.problem(key, f"`{key}`: {exc}", f'e.g. `{key}: 2024-06-25 15:18` or `{key}: "25/06/2024 15:18"`')
            return None

    def _category(self, fields: _Fields) -> Category | None:
        name = fields.text("category", required=True)
        if not name:
            return None
        category = self.config.category_named(name)
        if category is None:
            fields.problem("category", f"unknown category {name!r}", f"{self.config.category_choices} (or add it to config.toml)")
        return category

    def _slug(self, fields: _Fields, title: str) -> tuple[str, bool]:
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

    def _alias(self, fields: _Fields, alias: str, node: yaml.Node) -> str:
        """The old address as written, once `addresses` accepts it; "" (and a problem) if not."""
        try:
            alias_path(alias)
        except AddressError as exc:
            fields.problem(node, exc.message, exc.hint)
            return ""
        return alias

    def _photo(self, fields: _Fields, article: Path, node: yaml.Node, label: str) -> Photo | None:
        if isinstance(node, yaml.ScalarNode):
            src_node, values = node, {}
        elif isinstance(node, yaml.MappingNode):
            values = {k.value: v for k, v in node.value}
            src_node = values.get("src")
            unknown = set(values) - {"src", "caption", "credit", "alt", "focus"}
            if unknown:
                fields.problem(node, f"`{label}` has unknown key(s) {sorted(unknown)}",
                               "a photo has src, caption, credit, alt and focus")
        else:
            example = "`- src: images/anh.jpg` under `images:`" if label.startswith("images") else \
                "`image:` then, on the next line, `  src: images/anh.jpg`"
            fields.problem(node, f"`{label}` must be a photo with src, caption and credit", f"write {example}")
            return None
        src = fields.text("src", node=src_node, label=f"{label}.src") if src_node is not None else ""
        if not src:
            if src_node is None:
                fields.problem(node, f"`{label}` has no `src`", "add `src: images/anh.jpg` (relative to the article)")
            elif not fields.problems or fields.problems[-1].line != fields.line(src_node):
                fields.problem(src_node, f"`{label}.src` is empty", "write the photo's file, e.g. `src: images/anh.jpg`")
            return None
        file = self._media_file(fields, article, src, fields.line(src_node), f"{label}.src")
        if file is None:
            return None
        caption = fields.text("caption", node=values.get("caption"), label=f"{label}.caption")
        credit = fields.text("credit", node=values.get("credit"), label=f"{label}.credit")
        split = _CREDIT_IN_CAPTION.match(caption)
        if split and split["caption"].strip():
            # The seed portal's habit: "Các đại biểu dự hội nghị. Ảnh: MT" all in the caption.
            caption = split["caption"].strip()
            caption += "" if caption.endswith((".", "!", "?", "…")) else "."
            credit = credit or split["credit"]
        alt = fields.text("alt", node=values.get("alt"), label=f"{label}.alt") or caption
        focus, focus_node = None, values.get("focus")
        if isinstance(focus_node, yaml.SequenceNode):  # `focus: [0.5, 0.3]` says the same
            written = ",".join(str(getattr(item, "value", "?")) for item in focus_node.value)
        else:
            written = fields.text("focus", node=focus_node, label=f"{label}.focus") if focus_node else ""
        if written:
            try:
                focus = parse_focus(written)
            except ValueError as exc:
                fields.problem(focus_node, f"`{label}.focus`: {exc}",
                               'write `focus: "0.5,0.3"` for a point halfway across and a third down, '
                               "or remove the line to keep the centre")
        return self._photo_at(src, file, caption, credit, alt, declared=True, focus=focus, line=fields.line(src_node))

    def _photo_at(self, src: str, file: str, caption: str = "", credit: str = "", alt: str = "",
                  declared: bool = False, focus: tuple[float, float] | None = None, line: int | None = None) -> Photo:
        # In NFC whatever the disk holds, so that the photo's address is the same from macOS and Linux.
        rel = nfc(Path(file).relative_to(self.content_dir).as_posix())
        output_path = f"{MEDIA_DIR}/{rel}"
        return Photo(src, file, output_path, self.config.base_path + quote(output_path), caption, credit, alt,
                     declared, focus, line)

    def _media_file(self, fields: _Fields, article: Path, src: str, line: int, label: str,
                    shown_as: str = "") -> str | None:
        """The image file `src` names, if it is safely inside content/ and exists; else a problem.
        `shown_as` is the path as the editor wrote it, when `src` is its unquoted form."""
        hint_ok = "use a path relative to the article (images/anh.jpg) or to content/ (/anh/2024/anh.jpg)"
        written = shown_as or src
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) or src.startswith("//") or "\\" in src or "\0" in src:
            fields.problems.append(Problem(fields.source, f"{label} {written!r} is not a file inside content/", hint_ok, line))
            return None
        file = self._within(article, src)
        if file is None:
            fields.problems.append(Problem(fields.source, f"{label} {written!r} leads outside content/", hint_ok, line))
            return None
        found = self._locate(article, src)
        if found is None:
            fields.problems.append(Problem(
                fields.source, f"{label}: the photo {written!r} does not exist (looked for {display_path(file, self.site_dir)})",
                "check the file name and folder, or add the photo", line,
            ))
            return None
        if not os.access(found, os.R_OK):
            fields.problems.append(Problem(
                fields.source, f"{label}: the photo {written!r} cannot be read (permission denied)",
                f"give sitegen read access to {display_path(Path(found), self.site_dir)} (e.g. `chmod u+r`)", line))
            return None
        real = os.path.realpath(found)
        if not Path(real).is_relative_to(self.real_content_dir):  # a link, or in a linked folder
            fields.problems.append(Problem(
                fields.source, f"{label}: the photo {written!r} is a link to {real}, outside content/",
                "put the photo itself in content/ instead of a link to it", line))
            return None
        return found

    def _within(self, article: Path, src: str) -> Path | None:
        """The path `src` names (relative to the article, or to content/ when it starts with /), if inside content/."""
        base = self.content_dir if src.startswith("/") else Path(os.path.abspath(article)).parent
        file = Path(os.path.normpath(base / src.lstrip("/")))
        return file if file.is_relative_to(self.content_dir) else None

    def _locate(self, article: Path, src: str) -> str | None:
        """The existing file `src` names, or None.  Names are compared in NFC when the exact one is
        missing: macOS writes file names decomposed (NFD), editors type them composed, and the reverse."""
        if "\0" in src:
            return None
        file = self._within(article, src)
        if file is None:
            return None
        try:
            if file.is_file():
                return str(file)
        except OSError:  # a name too long for the file system, say: no such photo
            return None
        current = self.content_dir
        for part in file.relative_to(self.content_dir).parts:
            try:
                names = sorted(os.listdir(current))
            except OSError:
                return None
            wanted = nfc(part)
            match = next((name for name in names if nfc(name) == wanted), None)
            if match is None:
                return None
            current = current / match
        return str(current) if current.is_file() else None


def _nameable(name: str) -> bool:
    """Whether a tag or author has letters or digits at all (not "!!!" or "🎉").  Letters that make
    no ASCII address ("Ə", Khmer, Chinese) still name a page: the site gives it a fallback address."""
    return any(char.isalnum() for char in name)


def _body_line(body: str, needle: str, body_line: int) -> int:
    index = body.find(needle)
    return body_line + (body.count("\n", 0, index) if index >= 0 else 0)

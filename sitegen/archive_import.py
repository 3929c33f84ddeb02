"""`sitegen import`: an old CMS's archive brought in as sitegen articles, from

- plain-text dumps of article pages, as a provincial paper's old site printed them (`read_dump`;
  the README's "Importing an old archive" shows the layout): title, date, the lead, photo captions
  ending in "Ảnh: MT" where the photos stood, the body, the author line, then the page's own
  "Chuyên mục khác" list, which is not the article's;
- a WordPress export (WXR, `read_wxr`), as district and school portals run WordPress: posts with
  their categories, tags, authors, featured images and captioned photos, local dates, and their old
  permalinks as aliases;
- saved pages of an old site, as `wget --mirror` leaves them (`read_page`): trafilatura finds the
  article in the page's frame, or a profile of the old site's CSS selectors says where it is;
- a Hugo site's pages (`read_hugo`), TOML or YAML front matter and the newsroom's own Markdown.

Each article becomes content/<category>/<year>/<slug>.md with its front matter written by
python-frontmatter; photos come from a folder, and the ones not found are listed under
`missing_photos` for `check` to show with their captions.  What the old site said is escaped: it
never becomes markup, a link or HTML.  Importing again gives the same bytes, so an unchanged file is
left alone and a file an editor has changed since is kept unless --force.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import tomllib
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import frontmatter
import yaml

from .addresses import AddressError, old_address
from .config import Config
from .config_toml import load_config
from .errors import Problem
from .front_matter import plain, read_front_matter
from .import_dump import read_dump
from .import_saved_pages import PAGE_SUFFIXES, PageProfile, read_page, read_profile
from .import_wordpress import read_wxr
from .old_articles import PHOTO_MARK, ImportReport, OldArticle, OldPhoto, UnreadableSource, clean_text, split_credit
from .vietnamese import DateFormatError, address_slug, has_time, nfc, parse_date

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".avif", ".gif")
IMPORTED_FROM = "imported_from"
"""The front-matter key naming the file an article was imported from: tells a re-import its own
files from an editor's article that happens to share a title."""


def sources_in(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(file, the folder it was found in) for each dump, export, saved page and Hugo page the paths
    name; a saved page's old address is its place under that folder (a `wget --mirror` folder)."""
    found: dict[Path, Path] = {}
    for path in paths:
        if path.is_file():
            found.setdefault(path, path.parent)
            continue
        for file in sorted(path.rglob("*")):
            if file.is_file() and file.suffix.lower() in (".txt", ".xml", ".md", *PAGE_SUFFIXES):
                found.setdefault(file, path)
    return sorted(found.items())


def import_archive(site_dir: Path, paths: list[Path], category: str = "", photos_dir: Path | None = None,
                   force: bool = False, profile: Path | None = None) -> ImportReport:
    """Bring every dump (.txt), WordPress export (.xml), saved page (.html) and Hugo page (.md) under
    `paths` in; see the module's docstring.  `category` is the dumps' category and the fallback for articles whose
    category the site does not have.  Raises BuildFailed on a broken config.toml."""
    config, _ = load_config(site_dir)
    report = ImportReport()
    fallback = config.category_named(category) if category else None
    if category and fallback is None:
        report.problems.append(Problem("--category", f"unknown category {category!r}", config.category_choices))
        return report
    try:
        selectors = read_profile(profile) if profile else PageProfile()
    except UnreadableSource as exc:
        report.problems.append(Problem(str(profile), exc.message, exc.hint, exc.line))
        return report
    sources = sources_in(paths)
    dumps = [p for p, _ in sources if p.suffix.lower() == ".txt"]
    for source, folder in sources:
        kind = source.suffix.lower()
        if _inside(site_dir / "content", source):
            report.problems.append(Problem(str(source), "is already an article of this site",
                                           "import from the old site's files, outside this site's content/"))
            continue
        try:
            if kind == ".md":
                olds = [read_hugo(source, _hugo_root(source), config.zone, report)]
            elif kind == ".xml":
                olds = read_wxr(source, report)
            elif kind in PAGE_SUFFIXES:
                page = read_page(source, folder, selectors, report)
                if page is None:
                    report.notes.append(f"{source}: not an article page (no title or no date found); left out")
                olds = [page] if page else []
            else:
                olds = [read_dump(source.name, source.read_text(encoding="utf-8"))]
        except UnreadableSource as exc:
            report.problems.append(Problem(str(source), exc.message, exc.hint, exc.line))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            report.problems.append(Problem(str(source), f"cannot be read ({exc.__class__.__name__}: {exc})",
                                           "give a UTF-8 text dump (.txt), WordPress export (.xml), saved page (.html) or Hugo page (.md)"))
            continue
        for old in olds:
            chosen = config.category_named(old.category) if old.category else None
            if chosen is None and fallback is None:
                report.problems.append(Problem(
                    str(source), f"{old.title!r}: " + (f"the old category {old.category!r} is none of this site's"
                                                      if old.category else "a dump carries no category"),
                    f"give --category for it, or add the category to config.toml ({config.category_choices})"))
                continue
            chosen = chosen or fallback
            if kind == ".txt":
                in_order = _photo_files(photos_dir, source, single=len(dumps) == 1)
                files = dict(enumerate(in_order[:len(old.photos)]))
            else:  # an export's uploads folder, the mirror the saved page is in, the Hugo site
                root = folder if kind in PAGE_SUFFIXES else _hugo_root(source) if kind == ".md" else photos_dir
                files = {k: root / ph.file for k, ph in enumerate(old.photos)
                         if root and ph.file and _inside(root, root / ph.file)}
            _write(site_dir, config, old, chosen.name, chosen.slug,
                   {k: f for k, f in files.items() if f.is_file()}, force, report)
    return report


def _inside(folder: Path, path: Path) -> bool:
    """`path` is within `folder` once resolved: an export naming "../../etc/passwd" reads nothing."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


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
           files: dict[int, Path], force: bool, report: ImportReport) -> None:
    content = site_dir / "content"
    folder = content / category_slug / f"{old.published.year:04d}"
    base = address_slug(old.title) or "bai-viet"
    slug, path = base, folder / f"{base}.md"
    for number in range(2, 1000):  # another article already holds this title's file: the next free name
        # (a name whose file leads out of content/ ends the search: it is refused below, never read)
        if not _inside(content, path) or not path.exists() or _origin(path) == old.origin:
            break
        slug, path = f"{base}-{number}", folder / f"{base}-{number}.md"
    shown = path.relative_to(site_dir).as_posix()
    names = {k: f"images/{slug}-{k + 1}{file.suffix.lower()}" for k, file in files.items()}
    astray = next((p for p in (folder, path, *(folder / n for n in names.values())) if not _inside(content, p)), None)
    if astray is not None:  # a symbolic link on the way: the article's folder, images/, a file
        report.problems.append(Problem(shown, f"{astray.relative_to(site_dir).as_posix()} leads outside content/ "
                                       "(a symbolic link): nothing written",
                                       "replace the link with a real folder or file inside content/"))
        return
    meta: dict = {"title": old.title, "slug": slug, "date": f"{old.published:%Y-%m-%d %H:%M}" if old.timed else f"{old.published:%Y-%m-%d}",
                  "author": old.author or config.default_author, "category": category_name, "tags": list(old.tags),
                  "summary": old.summary}

    def photo(k: int) -> dict:
        return {"src": names[k], "caption": old.photos[k].caption, "credit": old.photos[k].credit}

    if old.lead is not None and old.lead in names:
        meta["image"] = photo(old.lead)
    body_photos = [k for k in old.blocks if isinstance(k, int) and k in names and k != old.lead]
    if body_photos:
        meta["images"] = [photo(k) for k in body_photos]
    missing = [k for k in range(len(old.photos)) if k not in names]
    if missing:
        meta["missing_photos"] = [_caption_line(old.photos[k]) for k in missing]
    aliases = _aliases(old, config, report, shown)
    if aliases:
        meta["aliases"] = aliases
    if old.draft:
        meta["draft"] = True
    meta[IMPORTED_FROM] = old.origin
    body = "\n\n".join(f"![]({names[b]})" if isinstance(b, int) else b
                       for b in old.blocks if not isinstance(b, int) or b in names)
    text = frontmatter.dumps(frontmatter.Post(body, **meta), sort_keys=False, width=10_000) + "\n"
    for name, found in (("title", True), ("date", True), ("author", bool(old.author)), ("sapo", bool(old.summary))):
        report.count(name, found)
    for k in range(len(old.photos)):
        report.count("photo files", k in names)
    if path.exists():
        if path.read_text(encoding="utf-8") == text:
            report.unchanged.append(shown)
            return
        if not force:
            report.kept.append(shown)
            return
    folder.mkdir(parents=True, exist_ok=True)
    for k, name in names.items():
        target = folder / name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(files[k], target)
    temporary = path.with_name(f".{path.name}.importing")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)  # whole or not at all: a killed import leaves no half-written article
    report.written.append(shown)
    if not old.author:
        report.notes.append(f"{shown}: no author on the old page" +
                            (f"; wrote the site's default author {config.default_author!r}" if config.default_author else ""))
    if missing:
        report.notes.append(f"{shown}: {len(missing)} of {len(old.photos)} photos have no file (listed under missing_photos)")


def _aliases(old: OldArticle, config: Config, report: ImportReport, shown: str) -> list[str]:
    """The article's old addresses as `aliases` takes them: a path when the old site was this site's
    own domain, the full address of an old domain otherwise (its server files then redirect that
    domain); one that cannot be an alias is noted and left out."""
    here = urlsplit(config.base_url).hostname or ""
    kept = []
    for alias in old.aliases:
        try:
            where = old_address(alias)
        except AddressError as exc:
            report.notes.append(f"{shown}: the old address {alias!r} cannot be an alias ({exc.message})")
            continue
        kept.append(alias if where.host and where.host != here else "/" + where.path.url)
    return kept


def _caption_line(photo: OldPhoto) -> str:
    """A photo's caption with its credit, as the old page printed it ("… Ảnh: MT")."""
    if not photo.credit:
        return photo.caption or "(no caption)"
    credit = photo.credit if ":" in photo.credit or photo.credit == "Ảnh minh họa" else f"Ảnh: {photo.credit}"
    return f"{photo.caption} {credit}".strip()


def _origin(path: Path) -> str:
    """`imported_from` of an existing article ("" when an editor wrote it, or it cannot be read:
    certainly not an import then)."""
    try:
        read = read_front_matter(path.name, path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return ""
    node = read[0].nodes.get(IMPORTED_FROM) if isinstance(read, tuple) else None
    return node.value if isinstance(node, yaml.ScalarNode) else ""


# --- a Hugo site's content ---------------------------------------------------------------------------

_HUGO_FIGURE = re.compile(r"\{\{[<%]\s*figure\s+(?P<args>.*?)\s*[>%]\}\}", re.S)
_HUGO_SHORTCODE = re.compile(r"\{\{[<%].*?[>%]\}\}", re.S)
_SHORTCODE_ARG = re.compile(r'(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"')
_MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\)")


def _hugo_root(page: Path) -> Path:
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

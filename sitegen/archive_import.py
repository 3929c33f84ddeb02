"""`sitegen import`: an old CMS's archive brought in as sitegen articles.  This module finds the
sources, hands each to its reader and writes what the readers give (`OldArticle`, in old_articles):

- plain-text dumps of article pages (.txt): `import_dump.read_dump`;
- a WordPress export (.xml): `import_wordpress.read_wxr`;
- saved pages of an old site, as `wget --mirror` leaves them (.html): `import_saved_pages.read_page`;
- a Hugo site's pages (.md): `import_hugo.read_hugo`.

Each article becomes content/<category>/<year>/<slug>.md with its front matter written by
python-frontmatter; photos come from a folder, and the ones not found are listed under
`missing_photos` for `check` to show with their captions.  What the old site said is escaped: it
never becomes markup, a link or HTML.  Importing again gives the same bytes, so an unchanged file is
left alone and a file an editor has changed since is kept unless --force.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import frontmatter
import yaml

from .addresses import AddressError, old_address
from .config import Config
from .config_toml import load_config
from .errors import Problem
from .front_matter import read_front_matter
from .import_dump import read_dump
from .import_hugo import hugo_root, read_hugo
from .import_saved_pages import PAGE_SUFFIXES, PageProfile, read_page, read_profile
from .import_wordpress import read_wxr
from .old_articles import ImportReport, OldArticle, OldPhoto, UnreadableSource
from .vietnamese import address_slug

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
                olds = [read_hugo(source, hugo_root(source), config.zone, report)]
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
                root = folder if kind in PAGE_SUFFIXES else hugo_root(source) if kind == ".md" else photos_dir
                files = {k: root / ph.file for k, ph in enumerate(old.photos)
                         if root and ph.file and _inside(root, root / ph.file)}
            _write(site_dir, config, old, chosen.name, chosen.slug,
                   {k: f for k, f in files.items() if f.is_file()}, force, report)
    return report


def _inside(folder: Path, path: Path) -> bool:
    """`path` is within `folder` once resolved: an export naming "../../etc/passwd" reads nothing."""
    # (os.path.realpath, not Path.resolve: a link round in a loop raises there)
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


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

"""The content objects: articles and their photos, typed and frozen, and the files of content/
that hold them.  `article_reader.py` makes them from the files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import BuildFailed, Problem, display_path
from .markup import RenderedBody
from .vietnamese import nfc

MEDIA_DIR = "media"
"""Folder in output/ that receives the photos articles use, mirroring their place under content/."""


CREDIT_WORDS = ("ảnh", "nguồn", "theo", "đồ họa", "đồ hoạ", "video", "clip", "photo")
"""A credit starting with one of these is printed as written; others get "Ảnh: " before them."""


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
class Correction:
    """A correction the paper publishes on an article (Điều 42, Luật Báo chí 2016): when, and what
    was wrong and what is right, as the editor wrote it."""

    date: datetime
    text: str


@dataclass(frozen=True)
class Video:
    """`video:` (read by video.py): a YouTube video the article page shows as a click-to-load player."""

    youtube: str = ""
    """The video's id on YouTube (11 characters); "" for a file of the paper's."""
    duration: int = 0
    """Seconds; 0 when unknown (a YouTube video whose editor did not say)."""
    src: str = ""
    """A video file, as written in the front matter ("" for YouTube); read by media.py."""
    file: str = ""
    output_path: str = ""
    """Where the file is published in output/, as committed ("media/van-hoa/le-hoi.mp4")."""
    url: str = ""

    @property
    def watch_url(self) -> str:
        return f"https://www.youtube.com/watch?v={self.youtube}" if self.youtube else ""

    @property
    def embed_url(self) -> str:
        return f"https://www.youtube-nocookie.com/embed/{self.youtube}" if self.youtube else ""

    @property
    def iso_duration(self) -> str:
        """"PT3M25S", as schema.org's VideoObject wants it; "" when unknown."""
        if not self.duration:
            return ""
        hours, minutes, seconds = _clock(self.duration)
        return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + (f"{seconds}S" if seconds else "")

    @property
    def shown_duration(self) -> str:
        """"3:25" or "1:02:03"; "" when unknown."""
        return shown_duration(self.duration) if self.duration else ""


def shown_duration(seconds: float) -> str:
    """A recording's or a video's length as players show it: "12:05", or "1:02:03"."""
    hours, minutes, secs = _clock(round(seconds))
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _clock(seconds: int) -> tuple[int, int, int]:
    hours, rest = divmod(seconds, 3600)
    return (hours, *divmod(rest, 60))


@dataclass(frozen=True)
class Audio:
    """`audio:` (read by media.py): a recording the article plays and the podcast feed carries."""

    src: str
    """As written in the front matter."""
    file: str
    """Its path on disk."""
    output_path: str
    """Where it is published in output/ ("media/thoi-su/ban-tin.mp3"), as committed."""
    url: str
    title: str = ""
    """The episode's title ("": the article's)."""


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
    expires: datetime | None = None
    """After this moment the article leaves listings, feeds, search and the related boxes, and its
    page says it no longer holds (a job notice, a road closure)."""
    withdrawn: str = ""
    """Why the paper took the article down ("" while it stands): its page becomes a notice, and it
    leaves every listing, feed, sitemap, the search index and the related boxes."""
    corrections: tuple[Correction, ...] = ()
    """Oldest first."""
    related: tuple[str, ...] = ()
    """The articles the editor names as "Tin liên quan", as written: a file under content/
    ("kinh-te/2024/ca-phe.md"), an article's slug or its address (`Site.picked` resolves them)."""
    gallery: tuple[Photo, ...] = ()
    """`gallery:`, a photo essay: photos shown one under another after the body, each opening large
    (they are also in `photos`, which the photo step reads)."""
    video: Video | None = None
    layout: str = ""
    """"emagazine": the long-form layout (full-bleed photos between narrow text); "" the standard one."""
    audio: Audio | None = None
    missing_photos: tuple[str, ...] = ()
    """Photos of a page brought in by `sitegen import` whose files were not found, as captions with
    their credits ("Các đại biểu dự hội nghị. Ảnh: MT"): `check` lists them until an editor places them."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Front-matter keys sitegen does not know, for themes to use ("source", "video", ...)."""
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)
    """Line of each front-matter key, for messages raised by later stages."""

    @property
    def media(self) -> tuple[tuple[str, Audio | Video], ...]:
        """(field, item) of the recording and the video file it publishes as committed (media.py
        reads them; a YouTube video is no file of the site's)."""
        recording = (("audio", self.audio),) if self.audio else ()
        return recording + ((("video", self.video),) if self.video and self.video.file else ())

    def line_of(self, key: str) -> int | None:
        return self.field_lines.get(key)


@dataclass(frozen=True)
class Parsed:
    """What reading one file gives: the article (None if it has errors), its body, its problems."""

    article: Article | None
    body: RenderedBody | None
    problems: tuple[Problem, ...]


PAGES_DIR = "pages"
"""content/pages/: the paper's own pages (`static_pages.py`), not articles."""
BANNER_SOURCE = "tin-nong.md"
"""content/tin-nong.md: the breaking-news banner (`banner.py`), not an article."""

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
    found: list[str] = []
    problems: list[Problem] = []
    site_dir = content_dir.parent

    # Links are resolved before anything is read: an article, or content/ itself, that is a link
    # to a file outside the site would publish whatever it points at.
    real_content = os.path.realpath(content_dir)
    if not Path(real_content).is_relative_to(os.path.realpath(site_dir)):
        raise BuildFailed([_outside("content", real_content, "folder")])
    # One listing per folder: what an entry is (folder, file, link) comes with it, so an archive's
    # article is asked of the disk once (may it be read?), not three times more.
    folders = [str(content_dir)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            problems.append(unreadable_problem(display_path(Path(error.filename or folder), site_dir), error, "folder"))
            continue
        top = folder == str(content_dir)
        for entry in entries:
            name, path = entry.name, entry.path
            if name.startswith(LEFT_OUT):
                continue
            link = entry.is_symlink()
            try:
                folder_here = entry.is_dir()  # (a link to a folder too: it is refused, not followed)
            except OSError:  # a link that leads nowhere, round in a loop: as a file it cannot be read, below
                folder_here = False
            if folder_here:
                if top and name == PAGES_DIR:
                    continue
                if link:
                    problems.append(Problem(
                        display_path(Path(path), site_dir), f"is a link to the folder {os.path.realpath(path)}, which sitegen does not follow",
                        "move the folder itself into content/ (or rename the link to start with '_' to leave it out)"))
                else:
                    folders.append(path)
                continue
            if not name.lower().endswith((".md", ".markdown")) or (top and name == BANNER_SOURCE):
                continue
            if link and not Path(os.path.realpath(path)).is_relative_to(real_content):
                problems.append(_outside(display_path(Path(path), site_dir), os.path.realpath(path), "file"))
                continue
            if not os.access(path, os.R_OK) or not entry.is_file():
                error = PermissionError(13, "Permission denied", path) if os.path.exists(path) \
                    else FileNotFoundError(2, "No such file (a link to nothing?)", path)
                problems.append(unreadable_problem(display_path(Path(path), site_dir), error, "file"))
                continue
            found.append(path)
    if problems:
        raise BuildFailed(problems)
    found.sort(key=lambda p: p.replace(os.sep, "/"))
    return [Path(p) for p in found]


def _outside(source: str, target: str, kind: str) -> Problem:
    return Problem(source, f"is a link to {target}, outside content/",
                   f"put the {kind} itself in content/ instead of a link to it")


def read_plain_text(path: Path, source: str, own_place: str) -> str | Problem:
    """The text of a file of content/ that is not an article (a page, the banner), in NFC with Unix
    line ends; or why it cannot be read.  A link or a folder is refused (`own_place`: where the
    file itself belongs, for the hint)."""
    if path.is_symlink() or not path.is_file():
        return Problem(source, "is not a plain file (a link or a folder)", f"put the file itself in {own_place}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return unreadable_problem(source, exc, "file")
    try:
        return nfc(data.decode("utf-8").replace("\r\n", "\n"))
    except UnicodeDecodeError as exc:  # the line of the first byte that is not UTF-8, as for an article
        return Problem(source, "the file is not UTF-8 text", "open it in your editor and save it as UTF-8",
                       data.count(b"\n", 0, exc.start) + 1)


def unreadable_problem(source: str, error: OSError, kind: str) -> Problem:
    """The problem for a file or folder of the site that cannot be read."""
    if isinstance(error, PermissionError):
        hint = (f"give sitegen read access to the {kind} (e.g. `chmod -R u+rX content/`), "
                f"or move it out of content/ or rename it to start with '_' if it is not part of the site")
    else:
        hint = f"check the {kind}: fix or remove it, or rename it to start with '_' to leave it out"
    return Problem(source, f"this {kind} cannot be read: {error.strerror or error}", hint)

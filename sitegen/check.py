"""`sitegen check`: the editors' linter.  Everything a build would refuse, and what it would accept
but readers or search engines would suffer from, without writing output/.

It runs the build's own stages — config, reading, the site index, the page plan, the photos'
headers — so it refuses what the build refuses (except what only rendering finds: a template
error), then looks for what is legal but wrong: photos
without caption, credit or alt text, lead photos too small for share previews, huge photo files,
titles and sapos too long for search results, photos no article uses, links to pages that do not
exist, tags and authors spelled two ways, and addresses that will change with the title.
"""

from __future__ import annotations

import difflib
import os
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .build import BuildOptions
from .cache import CACHE_DIR, BuildCache
from .config_toml import load_config
from .content import MEDIA_DIR, Article, walk_content
from .errors import BuildFailed, Problem
from .front_matter import KNOWN_FIELDS

TITLE_LIMIT = 100
"""Characters; search results show about 60-70 of a title, and Vietnamese papers' run long."""
SUMMARY_LIMIT = 300
"""Characters; search results show about 160 of a description."""
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")
TEXT_FIELDS = ("title", "summary", "author", "category")


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    articles: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def as_json(self) -> dict:
        return {
            "articles": self.articles, "errors": len(self.errors), "warnings": len(self.warnings),
            "problems": [{"file": p.file, "line": p.line, "severity": p.severity, "message": p.message,
                          "hint": p.hint} for p in self.problems],
        }


def warning(file: str, message: str, hint: str = "", line: int | None = None) -> Problem:
    return Problem(file, message, hint, line, "warning")


class _Links(HTMLParser):
    """The links and images of a body."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.images: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        elif tag == "img":
            self.images.append((attributes.get("src") or "", attributes.get("alt") or ""))


def check_site(site_dir: Path, options: BuildOptions = BuildOptions()) -> CheckReport:
    """Every problem of the site in `site_dir`, errors and warnings, in file order."""
    from .media import probe_media
    from .banner import read_banner
    from .planner import PagePlanner
    from .redirects import with_old_addresses
    from .library import read_articles
    from .theme import Theme
    from .photo_plan import plan_photos, settings_of, used_photos
    from .renditions import verify_photos
    from .site import Publication, Site
    from .static_pages import read_static_pages

    report = CheckReport()
    try:
        config, warnings = load_config(site_dir)
    except BuildFailed as exc:
        report.problems = exc.problems
        return report
    report.problems += warnings
    theme = None
    try:
        theme = Theme.for_site(site_dir, config)
    except BuildFailed as exc:
        report.problems += exc.problems
    cache = BuildCache((options.cache_dir or site_dir / CACHE_DIR) if options.cache else None)
    try:
        library = read_articles(config, site_dir, cache, options.jobs)
    except BuildFailed as exc:  # content/ has folders or files that cannot be read: nothing else is sure
        cache.close()
        report.problems += exc.problems
        return _sorted(report)
    report.problems += library.problems
    static_pages, page_problems = read_static_pages(config, site_dir)
    report.problems += page_problems + read_banner(config, site_dir)[1]
    report.articles = library.files
    now = options.now
    if now is None:
        from datetime import datetime
        now = datetime.now(config.zone)
    # Drafts and scheduled articles are checked like the rest: they will be published one day.
    site = Site(config, library.articles, Publication(now, drafts=True, future=True))
    report.problems += site.problems
    if site.problems:
        cache.close()
        return _sorted(report)
    planner = PagePlanner(site, static_pages=static_pages)
    pages, address_problems = with_old_addresses(planner, planner.plan([() for _ in site.articles]))
    report.problems += address_problems
    # Photos the build could not read: empty, not an image, a decompression bomb (by the header),
    # or damaged inside (decoded cheaply, once per photo's bytes).
    uses = used_photos(site.shown())
    settings = settings_of(config.photos)
    plan = plan_photos(uses, cache, settings, config.base_path, options.jobs)
    planned = plan.files
    report.problems += plan.problems + verify_photos(planned, uses, plan.digests, cache, settings)
    media, media_problems = probe_media(site.shown(), cache)
    report.problems += media_problems + _heavy_media_warnings(site.shown(), media)
    if site.episodes and theme is not None:  # a theme that cannot be read is reported above
        report.problems += _artwork_warnings(theme, config)
    for article in site.articles:
        report.problems += _photo_warnings(article, planned, config.photos)
    addresses = {page.path for page in pages} | {page.output_file for page in pages}
    used: set[str] = set()
    for article in library.articles:
        used.update(photo.file for photo in article.photos)
        report.problems += _article_warnings(article, library.body(article.source), site, addresses, config, now)
        report.problems += _front_matter_warnings(article, site_dir)
    report.problems += _variant_warnings(site)
    report.problems += _unused_photos(site_dir, used)
    cache.close()
    return _sorted(report)


HEAVY_MEDIA = {"audio": 100_000_000, "video": 300_000_000}
"""Bytes over which a recording or video file gets a warning: readers pay for it on mobile data,
and git keeps every version of it for good."""


def _heavy_media_warnings(articles, media: dict) -> list[Problem]:
    """`media`: file -> what `media.probe_media` read of it (its size among the rest)."""
    advice = {"audio": "export it at a lower bit rate (64 kbit/s is plenty for speech)",
              "video": "export it at 720p, or put it on the paper's YouTube channel and give `youtube:` instead"}
    return [warning(article.source, f"{kind}: the file {item.src!r} weighs {media[item.file].size / 1e6:,.0f} MB, "
                    f"more than {HEAVY_MEDIA[kind] / 1e6:,.0f} MB", advice[kind], article.line_of(kind))
            for article in articles for kind, item in article.media
            if item.file in media and media[item.file].size > HEAVY_MEDIA[kind]]


def _artwork_warnings(theme, config) -> list[Problem]:
    """Apple Podcasts and Spotify refuse a show whose artwork is not a square of 1400 to 3000 px."""
    from PIL import Image

    image = config.podcast.image
    hint = "make a square JPEG or PNG of 1400 to 3000 px, put it in static/ and name it in `[podcast] image`"
    files = dict(theme.static_files())
    file = files.get(image.removeprefix("static/")) if image.startswith("static/") else None
    if file is None:
        return [warning("config.toml", f"the podcast's artwork {image!r} is not a file of static/", hint)]
    try:
        with Image.open(file) as artwork:
            width, height = artwork.size
    except OSError as exc:
        return [warning("config.toml", f"the podcast's artwork {image!r} cannot be read as an image ({exc})", hint)]
    if width != height or not 1400 <= width <= 3000:
        return [warning("config.toml", f"the podcast's artwork {image!r} is {width}x{height} px; podcast apps "
                        "want a square of 1400 to 3000 px", hint)]
    return []


def _photo_warnings(article: Article, planned: dict, settings) -> list[Problem]:
    """What is legal but costs readers: a lead too small for large share previews, a huge file,
    alt text that is only the file name."""
    found = []
    for photo in article.photos:
        is_lead = article.image is not None and photo.file == article.image.file
        line = photo.line
        name = os.path.basename(photo.file)
        files = planned.get(photo.file)
        if is_lead and files and files.size[0] < settings.share_width:
            found.append(warning(article.source, f"the lead photo {photo.src!r} is {files.size[0]} px wide: Facebook, "
                                 f"Zalo and Google Discover show photos under {settings.share_width} px as small thumbnails",
                                 f"use the photo as it came from the camera (at least {settings.share_width} px wide)", line))
        try:
            size = os.path.getsize(photo.file)
        except OSError:
            size = 0
        if size > settings.large_megabytes * 1_000_000:
            found.append(warning(article.source, f"the photo {photo.src!r} is a {size / 1e6:.0f} MB file",
                                 f"files over {settings.large_megabytes} MB slow every build and the repository: "
                                 "export it again as a JPEG at quality 90", line))
        if photo.alt and photo.alt.strip().casefold() in (name.casefold(), os.path.splitext(name)[0].casefold()):
            found.append(warning(article.source, f"the photo {photo.src!r} has its file name as alt text",
                                 "write in `alt:` (or the caption) what the photo shows, for readers who cannot see it",
                                 line))
    return found


def _sorted(report: CheckReport) -> CheckReport:
    report.problems.sort(key=lambda p: (p.file, p.line or 0, p.severity, p.message))
    return report


def _article_warnings(article: Article, body: str, site, addresses: set[str], config, now) -> list[Problem]:
    found: list[Problem] = []
    source = article.source
    gallery = {photo.file for photo in article.gallery}
    for photo in article.photos:
        line = article.line_of("image") if article.image and photo.file == article.image.file else \
            photo.line if photo.file in gallery else article.line_of("images")
        if photo.declared:
            if not photo.caption:
                found.append(warning(source, f"photo {photo.src!r} has no caption",
                                     "add `caption:` (a sentence saying what the photo shows)", line))
            if not photo.credit:
                found.append(warning(source, f"photo {photo.src!r} has no credit",
                                     'add `credit:` with who took it, e.g. credit: "MT"', line))
    if article.video and not article.image:
        found.append(warning(source, "the video has no poster: readers see a black box, and search engines need a "
                             "thumbnail to show a video", "add the lead photo (`image:`): it is shown with a play button",
                             article.line_of("video")))
    links = _Links()
    links.feed(body)
    known = {photo.url: photo for photo in article.photos}
    shown = {src for src, _ in links.images}
    for photo in article.photos:
        if photo.declared and photo is not article.image and photo.url not in shown and photo.file not in gallery:
            found.append(warning(source, f"photo {photo.src!r} is listed under `images:` but the body never shows it",
                                 f"put ![]({photo.src}) where it belongs in the text, or remove it from `images:`",
                                 article.line_of("images")))
    for src, alt in links.images:
        name = known[src].src if src in known else src
        file_name = posixpath.basename(unquote(urlsplit(src).path)).casefold()
        if not alt.strip():
            found.append(warning(source, f"photo {name!r} in the body has no text for readers who cannot see it",
                                 f"list it under `images:` with a caption, or write ![what it shows]({name})",
                                 article.line_of("images") or article.line_of("title")))
        elif (src not in known or not known[src].declared) and \
                alt.strip().casefold() in (file_name, posixpath.splitext(file_name)[0]):
            found.append(warning(source, f"photo {name!r} in the body has its file name as alt text",
                                 f"write what it shows: ![Bà con thu hoạch lúa]({name})",
                                 article.line_of("images") or article.line_of("title")))
    if len(article.title) > TITLE_LIMIT:
        found.append(warning(source, f"the title has {len(article.title)} characters; search results show about 65",
                             f"keep the title under {TITLE_LIMIT} characters", article.line_of("title")))
    if len(article.summary) > SUMMARY_LIMIT:
        found.append(warning(source, f"the sapo has {len(article.summary)} characters; search results show about 160",
                             f"keep `summary:` under {SUMMARY_LIMIT} characters",
                             article.line_of("summary") or article.line_of("title")))
    if not article.slug_pinned and article.date <= now and not article.draft:
        found.append(warning(source, "this article's address follows its title: editing the title will break links to it",
                             f"pin it: add `slug: {article.slug}` to the front matter", article.line_of("title")))
    base = config.base_path
    page = site.path_of(article)
    for href in links.hrefs:
        url = urlsplit(href)
        if url.scheme or url.netloc or href.startswith("#") or href.startswith("mailto:"):
            continue
        path = unquote(url.path)
        if path.endswith((".md", ".markdown")):
            found.append(warning(source, f"the body links to the file {href!r}",
                                 "link to the article's address on the site instead, e.g. /kinh-te/ten-bai-.../"))
            continue
        if path.startswith(base):
            target = path[len(base):]
        elif not path.startswith("/"):
            target = posixpath.normpath(posixpath.join(page, path)) + ("/" if path.endswith("/") else "")
            target = "" if target in ("./", ".") else target  # "../../" from an article: the home page
        else:
            target = path.lstrip("/")
        if target not in addresses and target + "/" not in addresses and not target.startswith((MEDIA_DIR + "/", "static/")):
            found.append(warning(source, f"the body links to {href!r}, which is no page of this site",
                                 "check the address: open the page in `sitegen serve` and copy it from the browser"))
    return found


def _front_matter_warnings(article: Article, site_dir: Path) -> list[Problem]:
    """Keys that look like misspelt fields, and text cut short by a YAML comment."""
    found = []
    for key in article.extra:
        close = difflib.get_close_matches(key.casefold(), KNOWN_FIELDS, n=1, cutoff=0.75)
        if close:
            found.append(warning(article.source, f"`{key}` is not a field sitegen knows (did you mean `{close[0]}`?)",
                                 f"write `{close[0]}:`; unknown fields only reach themes as article.extra",
                                 article.line_of(key)))
    for number, caption in enumerate(article.missing_photos, 1):
        found.append(warning(article.source, f"photo {number} of the imported page has no file yet: {caption!r}",
                             "put the photo in images/, list it under `images:` with this caption, place it in "
                             "the body with ![](images/…), then remove its line from `missing_photos`",
                             article.line_of("missing_photos")))
    text = (site_dir / article.source).read_text(encoding="utf-8")
    for key in TEXT_FIELDS:
        line = article.line_of(key)
        if line is None:
            continue
        raw = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
        value = raw.split(":", 1)[1].strip() if ":" in raw else ""
        if value and value[0] not in "\"'[{|>" and " #" in value:
            found.append(warning(article.source, f"in `{key}`, everything from \" #\" on is read as a comment and dropped",
                                 f"put the whole {key} in double quotes", line))
    return found


def _variant_warnings(site) -> list[Problem]:
    found = []
    for kind, terms, key in (("tag", site.tags, "tags"), ("author", site.authors, "author")):
        for term in terms:
            if len(term.spellings) < 2:
                continue
            spellings = ", ".join(f'"{s}"' for s in term.spellings)
            for article in term.articles:
                names = article.tags if kind == "tag" else (article.author,)
                odd = [n for n in names if n in term.spellings[1:]]
                for name in odd:
                    found.append(warning(
                        article.source, f'{kind} "{name}" is spelled {len(term.spellings)} ways across articles ({spellings})',
                        f'write it "{term.name}" like most articles (case, Unicode form and tone-mark placement '
                        "(uỷ/ủy, hoà/hòa) must match, or readers get the pages merged under one spelling)",
                        article.line_of(key)))
    return found


def _unused_photos(site_dir: Path, used: set[str]) -> list[Problem]:
    found = []
    content = site_dir / "content"
    for folder, _, files in walk_content(content):
        for name in sorted(files):
            path = os.path.abspath(os.path.join(folder, name))
            if name.lower().endswith(IMAGE_SUFFIXES) and path not in used:
                rel = os.path.relpath(path, site_dir).replace(os.sep, "/")
                found.append(warning(rel, "no article uses this photo", "use it in an article, or delete it"))
    return found

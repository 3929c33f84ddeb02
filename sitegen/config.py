"""The site's `config.toml`, read into typed, frozen settings.

`load_config()` checks every key against the schema below and reports every problem by key at once
(wrong type, bad value, missing category fields...).  Unknown keys are warnings: they are most often
typos ("per_pgae"), and silently ignoring them would hide the editor's intent.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .addresses import AddressError, permalink_pattern, site_path
from .errors import BuildFailed, Problem
from .photo_slots import DEFAULT_SLOTS
from .vietnamese import SLUG, slugify, variant_key

CONFIG_FILE = "config.toml"


@dataclass(frozen=True)
class Category:
    """A section of the paper ("chuyên mục"): every article belongs to exactly one."""

    name: str
    """Shown in the menu and on pages, e.g. "Văn hóa - Du lịch"."""
    slug: str = ""
    """The URL part, e.g. "van-hoa-du-lich"; default: from the name."""
    description: str = ""
    """One sentence under the category's title and in its meta description."""
    order: int = 0
    """Position in the menu (smaller first); default: the order in config.toml."""


@dataclass(frozen=True)
class Permalinks:
    """URL patterns, relative to `base_url`, ending in "/" (a folder with index.html).

    Placeholders: article: {category} {slug} {year} {month} {day} {hour} {minute} {stamp}
    ({stamp} = yyyymmddHHMM of the publication time); category, tag, author: {slug};
    archive_year: {year}; archive_month: {year} {month}; page: {number}.
    """

    article: str = "{category}/{slug}-{stamp}/"
    """An article's address.  The default ends in the publication time, as Vietnamese papers put an
    id in every URL: two articles with the same title on different days get different addresses."""
    category: str = "{slug}/"
    archive: str = "luu-tru/"
    archive_year: str = "luu-tru/{year}/"
    archive_month: str = "luu-tru/{year}/{month}/"
    tags: str = "chu-de/"
    tag: str = "chu-de/{slug}/"
    authors: str = "tac-gia/"
    author: str = "tac-gia/{slug}/"
    search: str = "tim-kiem/"
    feeds: str = "rss/"
    """The page listing the RSS feeds; the feeds themselves are rss/<name>.rss beside it."""
    page: str = "trang-{number}/"
    """Appended to a listing's URL for its pages 2, 3, ..."""


@dataclass(frozen=True)
class Publisher:
    """The legal footer a Vietnamese e-newspaper must show (Nghị định 72/2013, Luật Báo chí)."""

    name: str = ""
    """Cơ quan chủ quản / tên báo, e.g. "Báo Ngọc Linh - Cơ quan của Đảng bộ tỉnh Ngọc Linh"."""
    governing_body: str = ""
    """Cơ quan chủ quản, e.g. "Tỉnh ủy Ngọc Linh"."""
    licence: str = ""
    """Giấy phép, e.g. "Giấy phép số 123/GP-BTTTT ngày 01/02/2021 của Bộ Thông tin và Truyền thông"."""
    editor_in_chief: str = ""
    """Tổng biên tập."""
    deputy_editors: str = ""
    """Phó Tổng biên tập (one line)."""
    address: str = ""
    phone: str = ""
    email: str = ""
    copyright: str = ""
    """A line such as "Ghi rõ nguồn 'Báo Ngọc Linh' khi phát hành lại thông tin từ website này."."""


@dataclass(frozen=True)
class Embeds:
    """What an article body may embed with <iframe> (see sitegen/rawhtml.py for the whole policy)."""

    hosts: tuple[str, ...] = (
        "www.youtube-nocookie.com", "www.youtube.com", "player.vimeo.com", "www.facebook.com", "www.google.com",
    )
    """Hosts an <iframe src="https://..."> may come from: YouTube, Vimeo, Facebook videos and posts,
    Google Maps.  Any other iframe is removed from the page, with a warning to the editor.  Setting
    the list replaces this one."""


@dataclass(frozen=True)
class Photos:
    """How photos are published (`[photos]`; docs/photos.md says what readers get)."""

    publish_originals: bool = False
    """Also publish each photo as committed (at its media/ address), e.g. for a download link.  Off:
    originals carry the camera's EXIF and GPS position, and weigh megabytes."""
    avif: bool = False
    """Also write AVIF, offered before WebP; it about doubles the encoding time."""
    webp_quality: int = 80
    jpeg_quality: int = 82
    avif_quality: int = 60
    max_megabytes: int = 25
    """A photo file larger than this is refused (an error)."""
    max_megapixels: int = 100
    """A photo with more pixels than this is refused before it is decoded (decompression bombs)."""
    large_megabytes: int = 15
    """`sitegen check` warns about photo files larger than this."""
    share_width: int = 1200
    """`sitegen check` warns when a lead photo is narrower: Facebook, Zalo and Google Discover show
    smaller photos as thumbnails only."""
    widths: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """(slot name, rendition widths) replacing the theme's, from `[photos.widths]`: lead = [480, 960, 1600]."""


@dataclass(frozen=True)
class Config:
    """Everything `config.toml` can say.  Only `title`, `base_url` and `categories` are required."""

    title: str
    """The paper's name, in the masthead and every <title>."""
    base_url: str
    """Where `output/` will be served, e.g. "https://baongoclinh.vn/" or "https://example.vn/bao/"
    (a sub-path works: every internal link carries it)."""
    categories: tuple[Category, ...]
    description: str = ""
    """The paper's tagline, under the masthead and in the home page's meta description."""
    language: str = "vi"
    timezone: str = "Asia/Ho_Chi_Minh"
    """Dates without an offset are in this zone; pages show times in it."""
    theme: str = "default"
    """A folder under the site's `themes/`, or a theme shipped with sitegen."""
    per_page: int = 20
    """Articles per page on category, tag and author listings."""
    related_count: int = 6
    """Links in each article's "Chuyên mục khác" block."""
    home_latest: int = 10
    """Stories in the home page's "Tin mới" column."""
    home_featured: int = 5
    """Featured stories at the top of the home page."""
    home_per_category: int = 4
    """Stories in each category's block on the home page."""
    feed_limit: int = 50
    """Items in each RSS feed (the newest)."""
    sitemap_max_urls: int = 50000
    """URLs per sitemap file; more make a sitemap index with numbered files (the protocol's limit)."""
    news_sitemap_days: int = 2
    """Articles of this many days before the build time go in the Google News sitemap."""
    logo: str = "static/logo.png"
    """The paper's logo, a path in output/ (JSON-LD publisher logo, shares without a photo, icon)."""
    search: bool = True
    """Build the Pagefind search index and the search page."""
    default_author: str = ""
    """The author `sitegen new` writes when none is given (--author)."""
    twitter_site: str = ""
    """The paper's X/Twitter account, e.g. "@baongoclinh", for Twitter cards."""
    permalinks: Permalinks = field(default_factory=Permalinks)
    publisher: Publisher = field(default_factory=Publisher)
    embeds: Embeds = field(default_factory=Embeds)
    photos: Photos = field(default_factory=Photos)

    def category_named(self, name: str) -> Category | None:
        """The category an editor means by `name`: its name however spelled (case, NFC or NFD,
        old or new tone-mark placement), or its slug."""
        known = {variant_key(c.name): c for c in self.categories} | {c.slug: c for c in self.categories}
        return known.get(variant_key(name)) or known.get(name)

    @property
    def category_choices(self) -> str:
        """The categories as an editor may write them, for an error's hint."""
        return "use one of: " + ", ".join(f'"{c.name}"' for c in self.categories)

    @property
    def base_path(self) -> str:
        """The path part of `base_url`, always starting and ending with "/" ("/bao/" or "/")."""
        return urlsplit(self.base_url).path or "/"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def absolute_url(self, path: str) -> str:
        """A site path ("/bao/thoi-su/") as a full URL on `base_url`'s host."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}{path}"


_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_ALLOWED_PLACEHOLDERS = {
    "article": {"category", "slug", "year", "month", "day", "hour", "minute", "stamp"},
    "category": {"slug"}, "tag": {"slug"}, "author": {"slug"},
    "archive_year": {"year"}, "archive_month": {"year", "month"}, "page": {"number"},
}
_REQUIRED_PLACEHOLDERS = {
    "article": {"slug"}, "category": {"slug"}, "tag": {"slug"}, "author": {"slug"},
    "archive_year": {"year"}, "archive_month": {"year", "month"}, "page": {"number"},
}


class _Reader:
    """Checks raw TOML tables against dataclass schemas, collecting problems by key."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.problems: list[Problem] = []

    def line_of(self, key: str) -> int | None:
        """Best-effort line of a key (tomllib gives no positions): its first `key =` line."""
        last = key.rsplit(".", 1)[-1].split("[")[0]
        pattern = re.compile(rf"^\s*{re.escape(last)}\s*=")
        for number, line in enumerate(self.lines, 1):
            if pattern.match(line):
                return number
        return None

    def problem(self, key: str, message: str, hint: str = "", severity: str = "error") -> None:
        self.problems.append(Problem(CONFIG_FILE, f"{key}: {message}", hint, self.line_of(key), severity))

    def table(self, cls: type, raw: Any, prefix: str, nested: dict[str, Any] | None = None) -> Any:
        """An instance of dataclass `cls` from TOML table `raw`; problems collected, defaults kept."""
        if not isinstance(raw, dict):
            self.problem(prefix.rstrip("."), f"must be a table, not {type(raw).__name__}")
            raw = {}
        hints = get_type_hints(cls)
        known = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = dict(nested or {})
        for key, value in raw.items():
            if key in values:
                continue
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                self.problem(
                    prefix + key, "unknown setting, ignored",
                    f"did you mean {close[0]!r}?" if close else f"known settings: {', '.join(sorted(known))}",
                    severity="warning",
                )
                continue
            expected = hints[key]
            if expected is int and (not isinstance(value, int) or isinstance(value, bool)):
                self.problem(prefix + key, f"must be a whole number, not {value!r}")
            elif expected is bool and not isinstance(value, bool):
                self.problem(prefix + key, f"must be true or false, not {value!r}")
            elif expected is str and not isinstance(value, str):
                self.problem(prefix + key, f'must be text in quotes, not {value!r}', f'{key} = "..."')
            else:
                values[key] = value
        for name, f in known.items():
            if name not in values and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                self.problem(prefix + name, "is required but missing", f"add `{name} = ...` to {CONFIG_FILE}")
                values[name] = hints[name]() if hints[name] in (str, int) else ()
        return cls(**values)


def load_config(site_dir: Path) -> tuple[Config, list[Problem]]:
    """Read `<site_dir>/config.toml`.  Returns the config and its warnings; raises BuildFailed on errors."""
    path = site_dir / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildFailed([Problem(
            CONFIG_FILE, f"no {CONFIG_FILE} in {site_dir}",
            "run sitegen in the site folder (the one holding config.toml), or pass --source DIR",
        )]) from None
    except UnicodeDecodeError as exc:
        raise BuildFailed([Problem(CONFIG_FILE, f"not UTF-8 text ({exc.reason})", "save the file as UTF-8")]) from None
    except OSError as exc:  # unreadable (permissions), a folder of that name, a disk error
        raise BuildFailed([Problem(
            CONFIG_FILE, f"{CONFIG_FILE} cannot be read: {exc.strerror or exc}",
            f"give sitegen read access to it (e.g. `chmod u+r {CONFIG_FILE}`)" if isinstance(exc, PermissionError)
            else f"{CONFIG_FILE} must be a text file in the site folder",
        )]) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        raise BuildFailed([Problem(
            CONFIG_FILE, f"not valid TOML: {exc}", 'check quotes and brackets, e.g. title = "Báo ..."',
            int(match[1]) if match else None,
        )]) from None

    reader = _Reader(text)
    nested: dict[str, Any] = {
        "permalinks": reader.table(Permalinks, raw.get("permalinks", {}), "permalinks."),
        "publisher": reader.table(Publisher, raw.get("publisher", {}), "publisher."),
        "categories": _read_categories(reader, raw.get("categories")),
        "embeds": _read_embeds(reader, raw.get("embeds", {})),
        "photos": _read_photos(reader, raw.get("photos", {})),
    }
    config = reader.table(Config, raw, "", nested)
    _check_values(reader, config)
    config = _normalised_permalinks(reader, config)
    errors = [p for p in reader.problems if p.severity == "error"]
    if errors:
        raise BuildFailed(errors)
    if not config.base_url.endswith("/"):
        config = dataclasses.replace(config, base_url=config.base_url + "/")
    return config, [p for p in reader.problems if p.severity != "error"]


def _read_categories(reader: _Reader, raw: Any) -> tuple[Category, ...]:
    if raw is None:
        reader.problem(
            "categories", "no categories: every article needs one",
            'add one [[categories]] table per category: name = "Thời sự" (slug and description optional)',
        )
        return ()
    if not isinstance(raw, list):
        reader.problem("categories", "must be a list of [[categories]] tables")
        return ()
    categories = []
    seen_names: dict[str, int] = {}
    seen_slugs: dict[str, int] = {}
    for index, table in enumerate(raw):
        key = f"categories[{index}]"
        category = reader.table(Category, table, key + ".")
        if not category.name.strip():
            reader.problem(key + ".name", "is empty", 'name = "Thời sự"')
            continue
        slug = category.slug or slugify(category.name)
        if not SLUG.match(slug):
            reader.problem(key + ".slug", f"{slug!r} is not a URL slug", "use lowercase a-z, 0-9 and hyphens")
        order = category.order if "order" in table else index
        category = dataclasses.replace(category, slug=slug, order=order)
        for seen, value in ((seen_names, category.name.casefold()), (seen_slugs, slug)):
            if value in seen:
                reader.problem(key, f"{value!r} is used by categories[{seen[value]}] too", "each category needs its own name and slug")
            seen[value] = index
        categories.append(category)
    return tuple(sorted(categories, key=lambda c: c.order))


_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


def _read_embeds(reader: _Reader, raw: Any) -> Embeds:
    embeds = reader.table(Embeds, raw, "embeds.")
    hosts = embeds.hosts
    if not isinstance(hosts, (list, tuple)):
        reader.problem("embeds.hosts", f"must be a list of host names, not {hosts!r}", 'hosts = ["www.youtube.com"]')
        return Embeds()
    for index, host in enumerate(hosts):
        if not isinstance(host, str) or not _HOST.match(host.lower()):
            try:
                example = urlsplit(host).hostname if isinstance(host, str) and "//" in host else None
            except ValueError:  # "https://[...": no host to suggest
                example = None
            reader.problem(f"embeds.hosts[{index}]", f"{host!r} is not a host name",
                           f'write the host alone, e.g. "{example or "www.youtube.com"}" (no https://, no path)')
    return dataclasses.replace(embeds, hosts=tuple(h.lower() for h in hosts if isinstance(h, str)))


MAX_WIDTHS = 12
"""Widths one slot may ask for: each is a file per photo and format, encoded for every photo."""


def _read_photos(reader: _Reader, raw: Any) -> Photos:
    photos = reader.table(Photos, raw, "photos.")
    for key in ("webp_quality", "jpeg_quality", "avif_quality"):
        if not 1 <= getattr(photos, key) <= 100:
            reader.problem(f"photos.{key}", "must be from 1 to 100", f"{key} = {getattr(Photos, key)}")
    for key in ("max_megabytes", "max_megapixels", "large_megabytes", "share_width"):
        if getattr(photos, key) < 1:
            reader.problem(f"photos.{key}", "must be at least 1")
    widths = photos.widths
    if widths == ():
        return photos
    if not isinstance(widths, dict):
        reader.problem("photos.widths", "must be a table of slot = [widths]", "[photos.widths] then lead = [480, 960, 1600]")
        return dataclasses.replace(photos, widths=())
    slots = {slot.name for slot in DEFAULT_SLOTS}
    kept = {}
    for slot, value in widths.items():
        key = f"photos.widths.{slot}"
        if slot not in slots:
            reader.problem(key, "no such place for photos in the theme", f"the places are: {', '.join(sorted(slots))}")
        elif not isinstance(value, list) or not 1 <= len(value) <= MAX_WIDTHS or not all(
                isinstance(w, int) and not isinstance(w, bool) and 16 <= w <= 8000 for w in value):
            reader.problem(key, f"must be a list of 1 to {MAX_WIDTHS} widths in pixels from 16 to 8000, "
                           f"not {value!r}"[:300], f"{slot} = [480, 960, 1600]")
        else:
            kept[slot] = tuple(sorted(set(value)))
    return dataclasses.replace(photos, widths=tuple(sorted(kept.items())))


def _check_values(reader: _Reader, config: Config) -> None:
    url = urlsplit(config.base_url)
    if url.scheme not in ("http", "https") or not url.netloc:
        reader.problem("base_url", f"{config.base_url!r} is not a full web address", 'base_url = "https://baongoclinh.vn/"')
    elif url.query or url.fragment:
        reader.problem("base_url", f"{config.base_url!r} has a query or a fragment", 'base_url = "https://baongoclinh.vn/bao/"')
    elif url.path not in ("", "/"):
        # Its path goes into every link and into the server files: it follows the rule aliases follow.
        try:
            written = "/" + site_path(url.path, "the path of base_url").url
        except AddressError as exc:
            reader.problem("base_url", exc.message, exc.hint)
        else:
            if written.rstrip("/") != url.path.rstrip("/"):
                reader.problem("base_url", f"the path of base_url must be written {written!r}",
                               f'base_url = "{url.scheme}://{url.netloc}{written}"')
    try:
        ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        reader.problem("timezone", f"unknown timezone {config.timezone!r}", 'timezone = "Asia/Ho_Chi_Minh"')
    if config.language != "vi":
        reader.problem("language", f"{config.language!r}: the theme's texts are Vietnamese", severity="warning")
    for key in ("per_page", "home_latest", "home_featured", "home_per_category", "feed_limit",
                "sitemap_max_urls", "news_sitemap_days"):
        if getattr(config, key) < 1:
            reader.problem(key, "must be at least 1")
    if config.related_count < 0:
        reader.problem("related_count", "must be 0 or more")
    patterns = dataclasses.asdict(config.permalinks)
    for name, pattern in patterns.items():
        key = f"permalinks.{name}"
        used = set(_PLACEHOLDER.findall(pattern))
        if unknown := used - _ALLOWED_PLACEHOLDERS.get(name, set()):
            reader.problem(key, f"unknown placeholder(s) {sorted(unknown)}", f"allowed: {sorted(_ALLOWED_PLACEHOLDERS.get(name, set()))}")
        if missing := _REQUIRED_PLACEHOLDERS.get(name, set()) - used:
            reader.problem(key, f"must contain {', '.join('{%s}' % m for m in sorted(missing))}")
        if not pattern.endswith("/"):
            reader.problem(key, f"{pattern!r} must be a relative folder path ending in '/'", 'e.g. "{category}/{slug}/"')


def _normalised_permalinks(reader: _Reader, config: Config) -> Config:
    """The permalink patterns as `addresses` normalises them ("./{slug}/" is "{slug}/"), so that the
    page plan compares real addresses: no pattern may lead to the home page, above the site, or to
    the address of another fixed page."""
    normalised = {}
    fixed: dict[str, str] = {}
    for name, pattern in dataclasses.asdict(config.permalinks).items():
        key = f"permalinks.{name}"
        try:
            normalised[name] = permalink_pattern(pattern)
        except AddressError as exc:
            reader.problem(key, exc.message, exc.hint)
            continue
        if not normalised[name]:
            reader.problem(key, f"{pattern!r} is the address of the home page",
                           "give it a folder of its own, e.g. \"luu-tru/\"" if name != "page"
                           else 'e.g. page = "trang-{number}/"')
        elif not _PLACEHOLDER.search(pattern):
            if normalised[name] in fixed:
                other = fixed[normalised[name]]
                reader.problem(key, f"{pattern!r} is also the address of permalinks.{other}",
                               "give each page its own folder")
            fixed[normalised[name]] = name
    return dataclasses.replace(config, permalinks=dataclasses.replace(config.permalinks, **normalised))

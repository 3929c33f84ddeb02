"""Reading `config.toml` into a `Config` (config.py holds the schema: its dataclasses and defaults).

`load_config()` checks every key against that schema and reports every problem by key at once
(wrong type, bad value, missing category fields...).  Unknown keys are warnings: they are most often
typos ("per_pgae"), and silently ignoring them would hide the editor's intent.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from pathlib import Path
from typing import Any, get_type_hints
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .addresses import AddressError, permalink_pattern, site_path
from .config import CONFIG_FILE, Category, Cms, Config, Embeds, Permalinks, Photos, Podcast, Publisher
from .errors import BuildFailed, Problem
from .photo_slots import DEFAULT_SLOTS
from .vietnamese import SLUG, slugify


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
        "podcast": reader.table(Podcast, raw.get("podcast", {}), "podcast."),
        "categories": _read_categories(reader, raw.get("categories")),
        "embeds": _read_embeds(reader, raw.get("embeds", {})),
        "photos": _read_photos(reader, raw.get("photos", {})),
        "cms": _read_cms(reader, raw.get("cms", {})),
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


CMS_BACKENDS = ("github", "gitlab", "gitea", "forgejo")
"""Git hosts the web editing form can commit to (Decap CMS's backends of the same names)."""
_REPO = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$")


def _read_cms(reader: _Reader, raw: Any) -> Cms:
    cms = reader.table(Cms, raw, "cms.")
    if cms.backend not in CMS_BACKENDS:
        reader.problem("cms.backend", f"{cms.backend!r} is not a git host the form can commit to",
                       f"write one of: {', '.join(repr(name) for name in CMS_BACKENDS)}")
    if cms.repo and not _REPO.match(cms.repo):
        reader.problem("cms.repo", f"{cms.repo!r} is not a repository's owner/name", 'repo = "baongoclinh/website"')
    for key in ("base_url", "api_root"):
        value = getattr(cms, key)
        if value and urlsplit(value).scheme not in ("http", "https"):
            reader.problem(f"cms.{key}", f"{value!r} is not a full web address", f'{key} = "https://..."')
    return cms


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

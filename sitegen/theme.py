"""The theme: the ordered folders a site's templates and static files come from.

Lookup order, first match wins:

1. the site's own `templates/` (and `static/`) — overrides of single files;
2. the configured theme: `themes/<name>/` in the site folder, else the theme shipped with sitegen;
3. the shipped `default` theme, as the parent of any other theme.

A template can extend the shipped default's version of itself explicitly with the `!default/`
prefix: `{% extends "!default/article.html" %}` in the site's `templates/article.html`.
Nothing here loads Jinja: a build with nothing to do finds the shipped themes through this module.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from .digests import code_version
from .config import Config
from .errors import BuildFailed, Problem, display_path

if TYPE_CHECKING:
    from .output import OutputWriter

_THEME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def builtin_themes_dir() -> Path:
    """Where the themes shipped with sitegen live: sitegen/themes/ in a wheel, themes/ in a checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "themes"
    return installed if (installed / "default").is_dir() else package.parent / "themes"


@dataclass(frozen=True)
class Theme:
    """The folders a site's templates and static files come from, most specific first."""

    template_dirs: tuple[Path, ...]
    static_dirs: tuple[Path, ...]
    default_dir: Path

    @classmethod
    def for_site(cls, site_dir: Path, config: Config) -> "Theme":
        builtin = builtin_themes_dir()
        if not _THEME_NAME.match(config.theme):
            raise BuildFailed([Problem(
                "config.toml", f"theme: {config.theme!r} is not a theme's name",
                'name a folder under themes/ (letters, digits, "-", "_"), e.g. theme = "default"',
            )])
        own = site_dir / "themes" / config.theme
        theme_dir = own if own.is_dir() else builtin / config.theme
        if not theme_dir.is_dir():
            raise BuildFailed([Problem(
                "config.toml", f"theme: no theme named {config.theme!r}",
                f"looked in {display_path(own, site_dir)} and {builtin}; use theme = \"default\" or create the folder",
            )])
        default = builtin / "default"
        template_dirs = _unique([site_dir / "templates", theme_dir / "templates", default / "templates"])
        static_dirs = _unique([site_dir / "static", theme_dir / "static", default / "static"])
        theme = cls(tuple(d for d in template_dirs if d.is_dir()), tuple(d for d in static_dirs if d.is_dir()), default)
        problems = theme.problems(site_dir, builtin)
        if problems:
            raise BuildFailed(problems)
        return theme

    def problems(self, site_dir: Path, builtin: Path) -> list[Problem]:
        """Found here, before any page is rendered rather than half-way through writing: each file or
        folder of the theme sitegen cannot read, and each that is a link to somewhere outside the
        site (or outside the themes shipped with sitegen) — it would publish, or render, whatever it
        points at."""
        found: list[Problem] = []
        allowed = (site_dir.resolve(), builtin.resolve())

        def unreadable(path: str, kind: str) -> None:
            shown = display_path(Path(path), site_dir)
            if os.path.islink(path) and not os.path.exists(path):
                found.append(Problem(shown, "is a link to nothing (a file not there, or a loop of links)",
                                     "put the file itself there, or remove the link"))
                return
            found.append(Problem(shown, f"this theme {kind} cannot be read (permission denied)",
                                 f"give sitegen read access to it (e.g. `chmod -R u+rX {shown}`)"))

        def outside(path: str) -> None:
            real = Path(os.path.realpath(path))  # (not Path.resolve: a loop of links raises there)
            if not any(real.is_relative_to(root) for root in allowed):
                found.append(Problem(display_path(Path(path), site_dir), f"is a link to {real}, outside the site",
                                     "put the file itself in the site folder instead of a link to it"))

        for root in (*self.template_dirs, *self.static_dirs):
            outside(str(root))
            for folder, dirs, files in os.walk(root, onerror=lambda error: unreadable(error.filename, "folder")):
                dirs.sort()
                for name in sorted(dirs + files):
                    if os.path.islink(os.path.join(folder, name)):
                        outside(os.path.join(folder, name))
                for name in sorted(files):
                    path = os.path.join(folder, name)
                    if not os.access(path, os.R_OK):
                        unreadable(path, "file")
        return found

    def static_files(self) -> Iterator[tuple[str, Path]]:
        """(path relative to static/, file) for every static file, overrides first-wins."""
        seen: set[str] = set()
        for folder in self.static_dirs:
            for path in sorted(folder.rglob("*")):
                rel = path.relative_to(folder).as_posix()
                if path.is_file() and rel not in seen and not path.name.startswith("."):
                    seen.add(rel)
                    yield rel, path


def _unique(paths: list[Path]) -> list[Path]:
    seen, result = set(), []
    for path in paths:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            result.append(path)
    return result


def templates_digest(theme: Theme) -> bytes:
    """Every template file the theme can reach, by name and content, and this sitegen's version."""
    h = hashlib.blake2b(code_version().encode(), digest_size=16)
    for place, folder in enumerate((*theme.template_dirs, theme.default_dir / "templates")):
        h.update(str(place).encode())  # its place in the search order, not its path: keys are portable
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                h.update(path.relative_to(folder).as_posix().encode())
                h.update(path.read_bytes())
    return h.digest()


ASSETS_DIR = "static/v/"
"""Where the theme's static files are published again under content-hashed names: a host can keep
them for a year (`_headers`, `nginx-cache.conf`), since new bytes get a new name."""


UNHASHED_DIR = "admin/"
"""Static files published under their plain names only (the web editing form's)."""


def asset_addresses(theme: Theme, digests: Callable[[list[str]], dict[str, bytes]]) -> dict[str, str]:
    """Path under static/ -> its content-hashed output path: "css/style.css" ->
    "static/v/css/style.1a2b3c4d5e.css" (the first ten hex digits of the bytes' digest)."""
    # The web editing form (static/admin/, `sitegen cms`) loads its hundred files by their own names
    # and no page names them: copies under hashed names would only double its 6 MB in output/.
    files = [(rel, path) for rel, path in theme.static_files() if not rel.startswith(UNHASHED_DIR)]
    known = digests([str(path) for _, path in files])
    addresses = {}
    for rel, path in files:
        folder, _, name = rel.rpartition("/")
        stem, dot, suffix = name.rpartition(".")
        hashed = f"{stem}.{known[str(path)].hex()[:10]}.{suffix}" if dot and stem else f"{name}.{known[str(path)].hex()[:10]}"
        addresses[rel] = ASSETS_DIR + (folder + "/" if folder else "") + hashed
    return addresses


def copy_static(writer: "OutputWriter", theme: Theme, media: dict[str, str],
                digests: Callable[[list[str]], dict[str, bytes]], assets: dict[str, str]) -> None:
    """The photos articles use, and the theme's static files (both unchanged while their bytes are;
    `digests(paths)` gives the digest of each file's bytes): each at its plain name under static/
    (for themes and pages that name it so) and at its hashed name from `assets`."""
    static = [(rel, str(path)) for rel, path in theme.static_files()]
    files = sorted(media.items()) + [(f"static/{rel}", path) for rel, path in static] \
        + [(assets[rel], path) for rel, path in static if rel in assets]
    known = digests([path for _, path in files])
    for rel, path in files:
        writer.copy(rel, path, known[path])

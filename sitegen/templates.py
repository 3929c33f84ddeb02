"""The templates: the Jinja environment over a theme's template folders (`theme.py`), its filters
and globals, and `Renderer.render(page)` — one page's bytes, or the template's error as the
editor's problem (file, line)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from .digests import digest
from .errors import BuildFailed, Problem, display_path
from .page import Page
from .pictures import picture_html
from .search_documents import search_token
from .theme import Theme
from .vietnamese import format_date_vn

REMEMBERED = 5_000
"""Macro results `Renderer.remembered` keeps at most, per process: a teaser is about 1,000
characters of Vietnamese (2 KB as a Python string), so about 10 MB in each render worker.  Pages
render in plan order, so the stories a page shows are mostly those of the pages just before it."""
_PLAIN = {bool, int, str, type(None)}

PARENT_PREFIX = "!default"
"""`{% extends "!default/article.html" %}`: the shipped default theme's version of a template."""


def vn_day(value) -> str:
    return format_date_vn(value, with_weekday=False, with_time=False)


def vn_time(value) -> str:
    return value.strftime("%H:%M")


def iso(value) -> str:
    return value.isoformat(timespec="seconds")


class _CompiledTemplates(jinja2.BytecodeCache):
    """A renderer's compiled templates: those it was given (a previous build's, from the cache) and
    those of `known`, each checked by Jinja against its text's checksum, so an edited template is
    compiled again.  `used`: what the templates this renderer loaded compiled to."""

    def __init__(self, given: dict[str, bytes], known: dict[str, bytes] | None = None):
        self.known = {} if known is None else known
        self.known.update(given)
        self.given = given
        self.used: dict[str, bytes] = {}

    def to_keep(self) -> dict[str, bytes] | None:
        """What was given and what was used, when a template was used that was not given (compiled
        in this process: worth keeping for the next build); else None."""
        if all(self.given.get(key) == code for key, code in self.used.items()):
            return None
        return self.given | self.used

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.known:
            bucket.bytecode_from_string(self.known[bucket.key])
            if bucket.code is not None:  # (Jinja drops code of another text or another Python)
                self.used[bucket.key] = self.known[bucket.key]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.known[bucket.key] = self.used[bucket.key] = bucket.bytecode_to_string()


CompiledTemplates = dict[str, bytes]
"""Templates compiled by the builds of one process (the preview server's, the test suite's), by
Jinja's key (template name and file), for the next of them: compiling the theme cost 0.45 s of a
0.6 s build of a small site.  Its owner hands it to each build (`BuildOptions.compiled_templates`);
every Renderer makes its environment with the same options, the only other thing the code depends on."""


class Renderer:
    """Renders planned pages to bytes with the site's theme."""

    def __init__(self, theme: Theme, site_dir: Path, sources: "TemplateSources | None" = None,
                 compiled: dict[str, bytes] | None = None, known: CompiledTemplates | None = None):
        """`sources`: the templates' text as read elsewhere (see `__reduce__`); default: the theme's files.
        `compiled`: templates compiled before, as `self.compiled.to_keep()` gave them; `known`:
        those of this process's earlier builds, which this renderer adds to."""
        self.theme = theme
        self.compiled = _CompiledTemplates(compiled or {}, known)
        self.site_dir = site_dir
        if sources is None:
            own: jinja2.BaseLoader = jinja2.FileSystemLoader([str(d) for d in theme.template_dirs])
            parent: jinja2.BaseLoader = jinja2.FileSystemLoader(str(theme.default_dir / "templates"))
        else:
            own, parent = _SourcesLoader(sources[0]), _SourcesLoader(sources[1])
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader([own, jinja2.PrefixLoader({PARENT_PREFIX: parent})]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=self.compiled,
        )
        self.env.filters.update(vn_date=format_date_vn, vn_day=vn_day, vn_time=vn_time, iso=iso,
                                search_token=search_token)
        self.env.globals["picture_tag"] = picture_html
        self.env.globals["asset"] = _asset
        self.env.globals["remembered"] = self.remembered
        self._remembered: dict[tuple, tuple] = {}

    def remembered(self, macro, *args):
        """`{{ remembered(_teaser, a, 3, true) }}`: what `macro(*args)` gives, worked out once per
        render process: an article's teaser is the same on every listing and "Chuyên mục khác" box
        that shows it (at 1,000 articles, 15,063 teasers of 4,909 kinds).  For macros whose output
        follows from their arguments alone; views count by identity (they are not hashable) and are
        kept with the result, so an id is never taken by another view."""
        key = (macro, *(a if type(a) in _PLAIN else id(a) for a in args))
        known = self._remembered.get(key)
        if known is None:
            if len(self._remembered) >= REMEMBERED:  # bounded: an archive's teasers would not all fit
                self._remembered.clear()
            known = self._remembered[key] = (args, macro(*args))
        return known[1]

    def __reduce__(self):
        """A renderer travels (to a cluster's workers) with the text of every template it can reach,
        read here: what a worker renders is what this build's page keys were made from, whatever
        theme files the worker's machine has."""
        return Renderer, (self.theme, self.site_dir, template_sources(self.theme))

    def render(self, page: Page, site_view) -> bytes:
        try:
            template = self.env.get_template(page.template)
            return template.render(site=site_view, **page.context).encode("utf-8")
        except jinja2.TemplateNotFound as exc:
            searched = ", ".join(display_path(d, self.site_dir) for d in self.theme.template_dirs)
            raise BuildFailed([Problem(
                exc.name or page.template, f"template {exc.name!r} not found (needed for /{page.path})",
                f"looked in: {searched}",
            )]) from None
        except jinja2.TemplateSyntaxError as exc:
            raise BuildFailed([Problem(
                _template_file(exc.filename, self.site_dir, exc.name), f"template syntax error: {exc.message}",
                "fix the template tag on this line", exc.lineno,
            )]) from None
        except OSError as exc:  # the loader opens template files: one unreadable, or a folder of that name
            raise BuildFailed([Problem(
                _template_file(exc.filename, self.site_dir, page.template),
                f"template cannot be read: {exc.strerror or exc}",
                "give sitegen read access to the theme's files (e.g. `chmod -R u+rX templates/`)"
                if isinstance(exc, PermissionError) else "check the theme's folder: templates must be files",
            )]) from None
        except jinja2.UndefinedError as exc:
            file, line = _template_location(exc)
            raise BuildFailed([Problem(
                _template_file(file, self.site_dir, page.template), f"template error on /{page.path}: {exc.message}",
                "see sitegen/views.py for the variables templates get", line,
            )]) from None
        except Exception as exc:
            # A template's own mistake (a filter given the wrong kind of value, a division by zero)
            # is the theme's to fix; an error raised outside any template is sitegen's and goes on.
            file, line = _template_location(exc)
            if file is None:
                raise
            raise BuildFailed([Problem(
                _template_file(file, self.site_dir, page.template),
                f"template error on /{page.path}: {type(exc).__name__}: {exc}",
                "fix the expression on this line (see sitegen/views.py for the variables templates get)", line,
            )]) from None


COMPILED_STEP = "compiled-templates"
"""The cache's value holding the templates builds compiled (`Renderer.compiled.to_keep()`)."""


def compiled_from(templates: bytes) -> bytes:
    """What compiled templates are made from: every template's text (`theme.templates_digest`),
    Jinja's version (the code it writes) and Python's (the bytecode)."""
    return digest(templates, jinja2.__version__, sys.version)


TemplateSources = tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]
"""The theme's templates and the default theme's (for `!default/`): name -> (text, file it came from)."""


def template_sources(theme: Theme) -> TemplateSources:
    """Every template the theme's folders hold, first folder wins (as FileSystemLoader looks them up)."""
    def read(folders) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for folder in folders:
            for path in sorted(Path(folder).rglob("*")):
                name = path.relative_to(folder).as_posix()
                if path.is_file() and name not in found:
                    found[name] = (path.read_text("utf-8"), os.path.normpath(path))
        return found
    return read(theme.template_dirs), read([theme.default_dir / "templates"])


class _SourcesLoader(jinja2.BaseLoader):
    def __init__(self, sources: dict[str, tuple[str, str]]):
        self.sources = sources

    def get_source(self, environment, template: str):
        name = "/".join(split_template_path(template))
        if name not in self.sources:
            raise jinja2.TemplateNotFound(template)
        text, filename = self.sources[name]
        return text, filename, lambda: True


@jinja2.pass_context
def _asset(context, path: str) -> str:
    """`{{ asset("css/style.css") }}`: the theme's static file at its content-hashed address."""
    return context["site"].asset(path)


def _template_file(filename: str | None, site_dir: Path, fallback: str | None) -> str:
    return display_path(Path(filename), site_dir) if filename else (fallback or "template")


def _template_location(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame of a rendering error's traceback."""
    file, line = None, None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            file, line = filename, tb.tb_lineno
        tb = tb.tb_next
    return file, line

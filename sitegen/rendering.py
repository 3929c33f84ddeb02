"""The render stage: which pages must be rendered again, and rendering them on every core.

A page's key is a digest of everything its template can see — the templates themselves, the site
view, and the page's context down to each article's revision — so a page whose key is the one the
previous build recorded, and whose file is intact, is left as it is.  The others are rendered by
worker processes, which get the plan once as their context (forked ones inherit it: nothing is
pickled on the way in) and write their files into the staging folder; only small reports come back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
import hashlib
from datetime import datetime
from typing import Any, Callable, Sequence

from markupsafe import Markup

from .output import OutputWriter, Put
from .page import Page
from .pictures import Picture, Pictures, with_pictures
from .templates import Renderer
from .steps import PageStore
from .article_views import ViewRef
from .views import ArchiveMonthView, ArchiveYearView, ArticleView, Link, Pagination, Section
from .workers import Workers, workers_for

PARALLEL_FROM = 48
"""Fewer pages than this are rendered in the main process."""


class PageKeys:
    """Digests of pages' inputs.  An article's view stands in them as its signature (`ViewRef`);
    other objects many pages share (a category link) are digested once, by identity; leaf values
    by their repr, which dataclasses give in full."""

    def __init__(self, templates: bytes, site_view: Any, config: Any):
        """`config`: the site's settings, which with its data make the `page` of a page whose info is
        made only when it is rendered (an article's)."""
        self.base = hashlib.blake2b(templates + repr(site_view).encode() + repr(config).encode(), digest_size=16).digest()
        self.shared: dict[int, bytes] = {}
        self._keep_alive: list[Any] = []  # ids stay unique while the objects live

    def key(self, page: Page) -> bytes:
        h = hashlib.blake2b(self.base, digest_size=16)
        h.update(f"{page.template}\0{page.path}\0{page.kind}\0".encode())
        if page.kind == "article":  # its own page shows the body's photos, which listings do not
            view = page.data["article"]
            h.update(view.body_photos if type(view) is ViewRef else repr(view.figures).encode())
        if page.info_follows_data:  # made of the data and the settings: digested, it is not made
            self._feed(h, page.data)
        else:
            self._feed(h, page.context)
        return h.digest()

    def digest_of(self, value: Any) -> bytes:
        """One shared object's digest (an ArticleView, a Link): its repr, hashed once."""
        known = self.shared.get(id(value))
        if known is None:
            known = self.shared[id(value)] = hashlib.blake2b(repr(value).encode(), digest_size=16).digest()
            self._keep_alive.append(value)
        return known

    def _feed(self, h, value: Any) -> None:
        kind = type(value)
        if kind is ViewRef:
            h.update(value.signature)
        elif kind in _SHARED:
            h.update(self.digest_of(value))
        elif kind is tuple or kind is list:
            h.update(b"(")
            for item in value:  # most items are views or leaves: digested here, without a call of _feed each
                if type(item) is ViewRef:
                    h.update(item.signature)
                elif type(item) in _SHARED:
                    h.update(self.shared.get(id(item)) or self.digest_of(item))
                elif type(item) in _LEAVES:
                    h.update(repr(item).encode() + b",")
                else:
                    self._feed(h, item)
            h.update(b")")
        elif kind is dict:
            h.update(b"{")
            for name, item in value.items():
                h.update(name.encode() if type(name) is str else repr(name).encode())
                self._feed(h, item)
            h.update(b"}")
        elif kind in _CONTAINERS:
            h.update(kind.__name__.encode())
            for name in _CONTAINERS[kind]:
                self._feed(h, getattr(value, name))
        elif kind in _LEAVES or dataclasses.is_dataclass(value):
            h.update(repr(value).encode())
        else:
            raise TypeError(f"cannot digest a {kind.__name__} in a template context")


_SHARED = {ArticleView, Link}
_CONTAINERS = {kind: tuple(f.name for f in dataclasses.fields(kind) if f.repr)
               for kind in (Pagination, Section, ArchiveMonthView, ArchiveYearView)}
_LEAVES = {str, Markup, int, float, bool, type(None), datetime, Picture, Pictures}


@dataclass(frozen=True)
class RenderJob:
    """What every render worker needs: the plan, the pages' keys, the renderer and the site view."""

    pages: Sequence[Page]
    keys: list[bytes]
    renderer: Renderer
    site_view: Any
    writer: OutputWriter | None
    """The staging tree, where workers can write it; None where they cannot (a cluster's machines):
    they send each page's bytes back, and this process writes them."""
    bodies: Callable[[str], str] | None
    """bodies(source): an article's body HTML, from the read stage's store (`Library.body`); None
    where workers cannot read the store (a cluster's machines): each body travels with its page."""


Rendered = tuple[str, bytes, bytes]
"""A page rendered by a worker that cannot write: (output file, bytes, key)."""


def _render_page(job: RenderJob, item: int | tuple[int, str | None]) -> Put | Rendered:
    """One page: its number in the plan, or (its number, its article's body) when the worker cannot
    read the store the body is kept in."""
    index, body = item if isinstance(item, tuple) else (item, None)
    page = job.pages[index]
    if body is None and job.bodies is not None and _article_of(page) is not None:
        body = job.bodies(page.source)
    data = job.renderer.render(page if body is None else _with_body(page, body), job.site_view)
    if job.writer is None:
        return page.output_file, data, job.keys[index]
    return job.writer.put(page.output_file, data, job.keys[index])


def _article_of(page: Page) -> ArticleView | None:
    """The view of the article a page shows in full (made now, if the page holds its ViewRef)."""
    view = page.data.get("article")
    return view.view if isinstance(view, ViewRef) else view


def _with_body(page: Page, body: str) -> Page:
    """The page with its article's body in the view it shows in full, with the body's figures."""
    view = _article_of(page)
    return dataclasses.replace(page, data={**page.data, "article": dataclasses.replace(
        view, body_html=with_pictures(body, view.figures))})


def render_pages(pages: Sequence[Page], keys: list[bytes], renderer: Renderer, site_view: Any,
                 writer: OutputWriter, jobs: int | Workers, bodies: Callable[[str], str],
                 progress: Callable[[int], None] | None = None, store: PageStore | None = None) -> int:
    """Render every page whose inputs changed into `writer`; keep the rest, or take them from
    `store` where it holds a page made from the same inputs.  `bodies(source)`: an article's body
    HTML, asked only for the pages rendered.  Returns pages rendered."""
    changed = []
    for index, page in enumerate(pages):
        record = writer.intact(page.output_file, keys[index])
        if record is None:
            changed.append(index)
        else:
            writer.keep(page.output_file, record)
    stored = store.stored({keys[i] for i in changed}) if store and changed else {}
    todo = []
    for index in changed:
        if keys[index] in stored:
            writer.link(pages[index].output_file, *stored[keys[index]], keys[index])
        else:
            todo.append(index)
    if progress:
        progress(len(pages) - len(todo))
    workers = workers_for(jobs)
    if workers.shares_memory:
        job, items = RenderJob(pages, keys, renderer, site_view, writer, bodies), todo
    else:  # bodies stay in the store, here: each travels with its page, read as the page is sent
        job = RenderJob(pages, keys, renderer, site_view, None, None)
        items = ((i, bodies(pages[i].source) if _article_of(pages[i]) is not None else None) for i in todo)
    with workers.over(job, len(todo) >= PARALLEL_FROM, chunksize=64) as mapped:
        for done, result in enumerate(mapped(_render_page, items), 1):
            writer.add(result if isinstance(result, Put) else writer.put(*result))
            if progress and (done % 64 == 0 or done == len(todo)):
                progress(64 if done % 64 == 0 else done % 64)
    if store:
        store.keep(((keys[i], writer.file(page.output_file), writer.records[page.output_file].digest)
                    for i, page in enumerate(pages)), set(keys))
    return len(todo)

"""`Page`: one file of output — its address, its template and the variables the template gets.

The planner (`planner.py`, `listings.py`) makes them; redirects, page keys, rendering, feeds and
sitemaps read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from .views import PageInfo


@dataclass(frozen=True)
class Page:
    """One file of output: its address, its template and the variables the template gets."""

    path: str
    """Relative to the site root: "thoi-su/trang-2/" (a folder: written as index.html) or "404.html"."""
    template: str
    made_info: PageInfo | Callable[[], PageInfo]
    """What the template gets as `page` (`info`), or how to make it: an article's page makes it only
    when it is rendered, since a rebuild renders few of the archive's article pages again.  Made so,
    it follows from `data` and the site's settings alone (page keys count on that)."""
    data: dict[str, Any]
    """The template's other variables ("article", "pagination", ...)."""
    source: str = ""
    """The article file behind the page, for error messages."""
    lastmod: datetime | None = None
    """When its content last changed, for sitemaps: the article's update, a listing's newest article."""
    kind: str = ""
    """"home", "article", "category", ...: `info.kind` (given here when the info is made later)."""

    def __post_init__(self):
        if not self.kind:
            object.__setattr__(self, "kind", self.info.kind)

    @property
    def info(self) -> PageInfo:
        """What every template gets as `page`: kind, title, addresses, breadcrumbs, feeds."""
        if not isinstance(self.made_info, PageInfo):
            object.__setattr__(self, "made_info", self.made_info())
        return self.made_info  # type: ignore[return-value]

    @property
    def info_follows_data(self) -> bool:
        """True while `info` is still to be made from `data` and the site's settings."""
        return not isinstance(self.made_info, PageInfo)

    @property
    def context(self) -> dict[str, Any]:
        context = {"page": self.info, **self.data}
        if self.kind == "article":  # its body's photos (views.TEMPLATE_VARIABLES), from its view, made now
            context["figures"] = self.data["article"].figures
        return context

    def __reduce__(self):  # to a cluster's workers: with its info made, not the planner that makes it
        return Page, (self.path, self.template, self.info, self.data, self.source, self.lastmod, self.kind)

    @property
    def output_file(self) -> str:
        return output_file_of(self.path)


def output_file_of(path: str) -> str:
    """The file a page address is written to: "thoi-su/" -> "thoi-su/index.html"."""
    return path + "index.html" if path.endswith("/") or not path else path

"""The listing pages of the plan: a category's, a tag's, an author's and the corrections' pages with
their pagination, the tag and author indexes, and the date archive (years, months, days).

`PagePlanner` (planner.py) mixes `Listings` in: it gives the views, the addresses and the `page`
info these pages are made with.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from itertools import groupby
from typing import TYPE_CHECKING, Any, Callable, Sequence

from .content import Article
from .page import Page
from .site import Term
from .views import ArchiveMonthView, ArchiveYearView, ArticleView, Link, PageLink, Pagination

if TYPE_CHECKING:
    from .config import Config, Permalinks
    from .site import Site
    from .views import PageInfo


class Listings:
    """The listing pages, for the `PagePlanner` that mixes this in: it uses the planner's index and
    settings below, its addresses (`url`), its views (`_views`) and its `_info`."""

    site: Site
    config: Config
    links: Permalinks
    base: str
    url: Callable[[str], str]
    _views: Callable[[Sequence[Article]], tuple[ArticleView, ...]]
    _info: Callable[..., PageInfo]

    def _listing(self, kind: str, template: str, path: str, articles: Sequence[Article], title: str,
                 extra: dict[str, Any], *, description: str, crumbs: tuple[Link, ...] = (),
                 category: str = "") -> list[Page]:
        per_page = self.config.per_page
        total = max(1, -(-len(articles) // per_page))
        page_path: Callable[[int], str] = lambda n: path if n == 1 else path + self.links.page.format(number=n)
        pages = []
        for number in range(1, total + 1):
            items = self._views(articles[(number - 1) * per_page: number * per_page])
            pagination = Pagination(
                number=number, total=total, items=items, count=len(articles),
                prev_url=self.url(page_path(number - 1)) if number > 1 else "",
                next_url=self.url(page_path(number + 1)) if number < total else "",
                pages=tuple(PageLink(n, self.url(page_path(n)) if n else "", n == number)
                            for n in _page_numbers(number, total)),
            )
            heading = title if number == 1 else f"{title} - Trang {number}"
            # Page 2 onwards sits under the listing's first page: "Trang chủ › Kinh tế › Trang 2".
            steps = crumbs if number == 1 else (*crumbs, Link(title, self.url(path)))
            info = self._info(kind, heading, page_path(number), description=description, crumbs=steps,
                              number=number, category=category)
            pages.append(Page(page_path(number), template, info, {"pagination": pagination, **extra}, lastmod=newest_of(items)))
        return pages

    def _terms(self, kind: str, terms: Sequence[Term], index_path: str, index_title: str,
               link: Callable[..., Link]) -> list[Page]:
        index_link = Link(index_title, self.url(index_path))
        pages = [Page(index_path, f"{kind}s.html", self._info(f"{kind}s", index_title, index_path),
                      {"terms": tuple(link(t, counted=True) for t in terms)})]
        pattern = self.links.tag if kind == "tag" else self.links.author
        for term in terms:
            about = f"về chủ đề {term.name}" if kind == "tag" else f"của tác giả {term.name}"
            pages += self._listing(kind, f"{kind}.html", pattern.format(slug=term.slug), term.articles,
                                   term.name, {kind: link(term)}, crumbs=(index_link,),
                                   description=f"Các bài viết {about} trên {self.config.title}, mới nhất trước.")
        return pages

    def _archive(self) -> list[Page]:
        links, zone = self.links, self.config.zone
        archive_link = Link("Lưu trữ", self.url(links.archive))
        month_views: list[ArchiveMonthView] = []
        pages: list[Page] = []
        for month in self.site.months:
            path = links.archive_month.format(year=f"{month.year:04d}", month=f"{month.month:02d}")
            days = tuple(
                (day, self._views(list(items)))
                for day, items in groupby(month.articles, key=lambda a: _day(a.date.astimezone(zone)))
            )
            month_views.append(ArchiveMonthView(month.year, month.month, self.url(path), len(month.articles), days))
        years = []
        for year, months in groupby(month_views, key=lambda m: m.year):
            months = tuple(dataclasses.replace(m, days=()) for m in months)
            path = links.archive_year.format(year=f"{year:04d}")
            years.append(ArchiveYearView(year, self.url(path), sum(m.count for m in months), months))
            pages.append(Page(path, "archive_year.html",
                              self._info("archive_year", f"Lưu trữ năm {year}", path, crumbs=(archive_link,)),
                              {"year": years[-1]}))
        for index, month in enumerate(month_views):
            path = month.url[len(self.base):]
            year_link = Link(f"Năm {month.year}", self.url(links.archive_year.format(year=f"{month.year:04d}")))
            pages.append(Page(path, "archive_month.html", self._info(
                "archive_month", f"Lưu trữ tháng {month.month}/{month.year}", path, crumbs=(archive_link, year_link)), {
                "month": month,
                "next_month": dataclasses.replace(month_views[index - 1], days=()) if index > 0 else None,
                "prev_month": dataclasses.replace(month_views[index + 1], days=()) if index + 1 < len(month_views) else None,
            }))
        pages.insert(0, Page(links.archive, "archive.html", self._info("archive", "Lưu trữ", links.archive),
                             {"years": tuple(years)}))
        return pages


def newest_of(views: Sequence[ArticleView]) -> datetime | None:
    return max((v.modified for v in views), default=None)


def _day(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def _page_numbers(current: int, total: int) -> list[int | None]:
    """1 … 4 5 [6] 7 8 … 20: the first, the last and two on each side of the current page."""
    shown = sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)})
    numbers: list[int | None] = []
    for n in shown:
        if numbers and n - numbers[-1] > 1:  # type: ignore[operator]
            numbers.append(None if n - numbers[-1] > 2 else numbers[-1] + 1)  # type: ignore[operator]
        numbers.append(n)
    return numbers

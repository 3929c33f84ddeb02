"""Addresses in output/: no two pages at one, and a page at each old address an article keeps
(`aliases`), checked so that it can neither replace a page nor stand where sitegen writes a file
of its own (robots.txt, static/, the search index).  Server redirect maps of the same aliases are
written by `sitemaps.py`."""

from __future__ import annotations

import re
from typing import Callable

from .addresses import AddressError, old_address
from .content import MEDIA_DIR
from .errors import Problem
from .search import INDEX_DIR
from .page import Page, output_file_of
from .planner import PagePlanner
from .site import Site
from .views import PageInfo

SITEGEN_FOLDERS = frozenset({"static", MEDIA_DIR, INDEX_DIR})
"""Folders of output/ that hold files pages know nothing of: theme files, photos, the search index."""
SITEGEN_FILES = re.compile(r"robots\.txt|_redirects|_headers|nginx-(?:redirects|cache)\.conf|tin-(?:moi|nong)\.json|sitemap[\w-]*\.xml")
"""The files for crawlers and servers that `sitemaps` writes at the root."""


def with_old_addresses(planner: PagePlanner, pages: list[Page]) -> tuple[list[Page], list[Problem]]:
    """`pages` (the plan) and a redirect page at every alias of its articles; the problems: two
    pages at one address, an alias that cannot be served."""
    problems = address_collisions(pages)
    redirects, refused = redirect_pages(planner.site, pages, set(planner.feed_paths.values()),
                                        planner.url)
    return pages + redirects, problems + refused


def address_collisions(pages: list[Page]) -> list[Problem]:
    """Two pages at one address (say a category slug equal to the archive folder) is an error."""
    owner: dict[str, Page] = {}
    problems = []
    for page in pages:
        first = owner.setdefault(page.output_file, page)
        if first is not page:
            problems.append(Problem(
                page.source or "config.toml",
                f"/{page.path} is the address of two pages ({first.source or first.kind} "
                f"and {page.source or page.kind})",
                "change a slug or a permalink pattern in config.toml so that they differ",
            ))
    return problems


def redirect_pages(site: Site, pages: list[Page], feed_files: set[str],
                   url: Callable[[str], str]) -> tuple[list[Page], list[Problem]]:
    """A page at each old address, checked on the normalised address: `/thoi-su/./` is the
    category page's address and cannot replace it.  `feed_files`: the feeds' places in output/;
    `url(path)`: a site path as an address (with the base path)."""
    problems: list[Problem] = []
    taken = {p.output_file: p for p in pages}
    files = set(taken) | feed_files
    folders = {folder for file in files for folder in _folders_of(file)}
    redirects = []
    elsewhere: dict[tuple[str, str], str] = {}  # (old domain, path) -> the article that claims it
    for article in (*site.articles, *site.withdrawn):  # a withdrawn article's old addresses lead to its notice
        for alias in article.aliases:
            try:
                old = old_address(alias)
            except AddressError as exc:  # the reader refuses these: a second guard, not the check
                problems.append(Problem(article.source, exc.message, exc.hint, article.line_of("aliases")))
                continue
            if old.host:  # only the server's own redirect files (sitemaps.redirect_files) can serve it
                first = elsewhere.setdefault((old.host, old.path.url), article.source)
                if first != article.source:
                    problems.append(Problem(article.source, f"alias {alias!r} is already an old address of {first}",
                                            "remove this alias or change it", article.line_of("aliases")))
                continue
            where = old.path
            output = output_file_of(where.file)
            normalised = "" if alias == "/" + where.url else f" (that is /{where.url})"
            if output in taken:
                first = taken[output]
                other = first.source or f"the {first.kind.replace('_', ' ')} page"
                problems.append(Problem(
                    article.source, f"alias {alias!r}{normalised} is already the address of {other}",
                    "remove this alias or change it", article.line_of("aliases"),
                ))
                continue
            if clash := _sitegen_file_at(output, files, folders):
                problems.append(Problem(
                    article.source, f"alias {alias!r}{normalised} would stand where sitegen writes {clash}",
                    "remove this alias or change it", article.line_of("aliases"),
                ))
                continue
            target = site.config.absolute_url(url(site.path_of(article)))
            page = Page(where.file, "redirect.html",
                        PageInfo("redirect", article.title, url(where.url), target),
                        {"target": target}, article.source)
            taken[output] = page
            files.add(output)
            folders.update(_folders_of(output))
            redirects.append(page)
    return redirects, problems


def _folders_of(file: str) -> list[str]:
    """"a/b/c.html" -> ["a", "a/b"]."""
    parts = file.split("/")[:-1]
    return ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]


def _sitegen_file_at(output: str, files: set[str], folders: set[str]) -> str:
    """What sitegen itself writes in the way of an alias's file ("robots.txt", "static/"): a folder
    of its own, a file where the alias needs a folder, or a folder where it needs a file.  `files`
    and `folders`: what the pages and feeds take.  "" when the place is free."""
    first = output.split("/", 1)[0]
    if first in SITEGEN_FOLDERS:
        return f"{first}/"
    for n, parent in enumerate(_folders_of(output)):
        if parent in files or (n == 0 and SITEGEN_FILES.fullmatch(parent)):
            return parent
    return f"the folder {output}/" if output in folders else ""
